import { refusalCode, ruleActor } from '@gov/spec-kit';
import type { Role } from '@gov/auth';
import { OUTGOING_TELEGRAM_TRANSITIONS, nextTelegramState, type OutgoingTelegramAction, type OutgoingTelegramState } from './telegram.states.js';

describe('outgoing telegram state table (seed 000 L1070–1078)', () => {
  it.each(OUTGOING_TELEGRAM_TRANSITIONS.map((t) => [t.from, t.action, t.roles[0]!, t.to] as const))('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextTelegramState(from, action, ruleActor([role]))).toBe(to);
  });

  it.each<[OutgoingTelegramState | null, OutgoingTelegramAction, Role, string]>([
    ['drafted', 'accept', 'clerk', 'FORBIDDEN'], // only the confidential clerk accepts (机要局受理)
    ['drafted', 'sign', 'confidential-clerk', 'FORBIDDEN'], // a leader signs
    ['drafted', 'record-phone-approval', 'director', 'FORBIDDEN'],
    ['accepted', 'accept', 'confidential-clerk', 'CONFLICT'], // numbered once
    ['accepted', 'record-phone-approval', 'confidential-clerk', 'CONFLICT'],
    ['drafted', 'sign-later', 'district-leader', 'CONFLICT'],
    [null, 'draft', 'auditor', 'FORBIDDEN'],
  ])('%s --%s by %s: %s', (from, action, role, code) => {
    expect(refusalCode(() => nextTelegramState(from, action, ruleActor([role])))).toBe(code);
  });
});
