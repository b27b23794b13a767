import type { Actor, Role } from '@gov/auth';
import { WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';

/** Helpers shared by the meetings rules specs (not used by production code). */

export const cal = WorkingCalendar.bundled();

export function actor(roles: Role[], id = 'u1'): Actor {
  return { id, name: '测试', username: id, roles, unit: 'QWBGS', clearance: 'none', rank: null };
}

/** The GovError code a call throws, or 'ok'. Anything else thrown fails the test. */
export function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof GovError) return e.code;
    throw e;
  }
}

/** The GovError a call throws; fails the test when nothing or something else is thrown. */
export function caught(fn: () => unknown): GovError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GovError) return e;
    throw e;
  }
  throw new Error('expected a GovError, nothing was thrown');
}

/** A Beijing wall-clock instant: bj('2026-02-13 16:00'). */
export function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}
