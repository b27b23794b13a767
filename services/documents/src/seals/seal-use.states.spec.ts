import { refusalCode, ruleActor } from '@gov/spec-kit';
import type { Role } from '@gov/auth';
import { SEAL_REQUEST_TRANSITIONS, nextSealState, type SealRequestAction, type SealRequestState } from './seal-use.states.js';

describe('seal request state table (seed 001 L219–235)', () => {
  it.each(SEAL_REQUEST_TRANSITIONS.map((t) => [t.from, t.action, t.roles[0]!, t.to] as const))('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextSealState(from, action, ruleActor([role]))).toBe(to);
  });

  it.each<[SealRequestState | null, SealRequestAction, Role, string]>([
    ['requested', 'stamp', 'clerk', 'CONFLICT'], // no stamp without an approval
    ['stamped', 'stamp', 'clerk', 'CONFLICT'], // never twice
    ['refused', 'approve', 'director', 'CONFLICT'],
    ['queried', 'stamp', 'clerk', 'CONFLICT'], // waits for the confirmation
    ['queried', 'confirm', 'clerk', 'FORBIDDEN'], // an office leader confirms
    ['requested', 'approve', 'clerk', 'FORBIDDEN'],
    ['approved', 'stamp', 'unit-liaison', 'FORBIDDEN'],
    [null, 'request', 'auditor', 'FORBIDDEN'],
  ])('%s --%s by %s: %s', (from, action, role, code) => {
    expect(refusalCode(() => nextSealState(from, action, ruleActor([role])))).toBe(code);
  });
});
