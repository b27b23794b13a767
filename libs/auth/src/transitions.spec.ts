import { GovError } from '@gov/contracts';
import type { Actor, Role } from './index.js';
import { applyTransition, type TransitionRow } from './transitions.js';

// Local helpers: @gov/spec-kit depends on this library, so its own specs cannot use it.
const ruleActor = (roles: Role[]): Actor => ({ id: 'u1', name: 'n', username: 'u1', roles, unit: 'QWBGS', clearance: 'none', rank: null });
function refusal(rule: () => unknown): GovError {
  try {
    rule();
  } catch (error) {
    if (error instanceof GovError) return error;
    throw error;
  }
  throw new Error('expected a GovError');
}
const refusalCode = (rule: () => unknown): string => {
  try {
    rule();
    return 'ok';
  } catch (error) {
    return refusal(() => {
      throw error;
    }).code;
  }
};

type S = 'drafted' | 'checked';
type A = 'draft' | 'check';
const table: TransitionRow<S, A>[] = [
  { from: null, action: 'draft', roles: ['clerk'], to: 'drafted' },
  { from: 'drafted', action: 'check', roles: ['section-chief', 'deputy-director'], to: 'checked' },
];
const subject = { what: 'a draft', absent: 'not yet written' };

describe('applyTransition reads a (state, action, roles) → next state table', () => {
  it.each([
    [null, 'draft', 'clerk', 'drafted'],
    ['drafted', 'check', 'section-chief', 'checked'],
    ['drafted', 'check', 'deputy-director', 'checked'],
    ['checked', 'check', 'section-chief', 'CONFLICT'],
    [null, 'check', 'section-chief', 'CONFLICT'],
    ['drafted', 'check', 'clerk', 'FORBIDDEN'],
    [null, 'draft', 'director', 'FORBIDDEN'],
  ] as const)('%s --%s by %s → %s', (from, action, role, expected) => {
    const outcome = refusalCode(() => applyTransition(table, from, action, ruleActor([role]), subject));
    expect(outcome === 'ok' ? applyTransition(table, from, action, ruleActor([role]), subject) : outcome).toBe(expected);
  });

  it('names the item and its state in a CONFLICT, and the roles in a FORBIDDEN', () => {
    expect(refusal(() => applyTransition(table, null, 'check', ruleActor(['clerk']), subject)).message).toBe(
      'cannot check a draft that is not yet written',
    );
    expect(refusal(() => applyTransition(table, 'drafted', 'check', ruleActor(['clerk']), subject)).details).toEqual({
      requiredRoles: ['section-chief', 'deputy-director'],
    });
  });
});
