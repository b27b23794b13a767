import type { Actor, Role } from '@gov/auth';
import { GovError, type ErrorCode } from '@gov/contracts';

/**
 * Helpers for table-driven rule specs (pure tests: no database, no broker). The full harness with databases
 * and services is @gov/testing.
 */

/** Runs a rule and names its outcome: 'ok', or the code of the GovError it threw (anything else is rethrown). */
export function refusalCode(rule: () => unknown): 'ok' | ErrorCode {
  try {
    rule();
    return 'ok';
  } catch (error) {
    if (error instanceof GovError) return error.code;
    throw error;
  }
}

/** The GovError a rule throws; fails the test when it throws nothing or something else. */
export function refusal(rule: () => unknown): GovError {
  try {
    rule();
  } catch (error) {
    if (error instanceof GovError) return error;
    throw error;
  }
  throw new Error('expected a GovError, nothing was thrown');
}

/** An actor as the gateway would build it, for rule specs: roles first, anything else overridable. */
export function ruleActor(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  const id = overrides.id ?? 'u1';
  return { id, name: '测试', username: id, roles, unit: 'QWBGS', clearance: 'none', rank: null, ...overrides };
}
