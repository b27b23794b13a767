import type { Actor, Role } from '@gov/auth';
import { WorkingCalendar } from '@gov/calendar';
import { ruleActor } from '@gov/spec-kit';

/** Helpers shared by the meetings rules specs (not used by production code). */

export const cal = WorkingCalendar.bundled();

export { refusalCode as code, refusal as caught } from '@gov/spec-kit';

export function actor(roles: Role[], id = 'u1'): Actor {
  return ruleActor(roles, { id });
}

/** A Beijing wall-clock instant: bj('2026-02-13 16:00'). */
export function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}
