import type { Actor } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { assertAbsenceReasons, attendanceAt, type LeaveRequest, type SignIn, type STAFF_ROLES } from './attendance.rules.js';
import { meetingType } from './meeting-types.js';
import { assertSeatingApproved, type PlanKind, type PlanState } from './meeting-plan.rules.js';
import { applyTransition, type TransitionRow } from './state-table.js';

/**
 * What the wiring of issue 4 §3 needs beyond the plan table of meeting-plan.rules.ts: the meeting's last
 * state (held), which plan form a type fills in, and the checks of the notice and the meeting day. Pure.
 */

export type MeetingState = PlanState | 'held';
export type MeetingDayAction = 'hold';

/** After the notice, the meeting is held (the clerk of 秘书科 records it, seed 000 L74–78). */
export const MEETING_DAY_TRANSITIONS: ReadonlyArray<TransitionRow<MeetingState, MeetingDayAction>> = [
  { from: 'notified', action: 'hold', roles: ['clerk'], to: 'held' },
];

export function nextMeetingDayState(from: MeetingState, action: MeetingDayAction, actor: Actor): MeetingState {
  return applyTransition(MEETING_DAY_TRANSITIONS, 'meeting', from, action, actor);
}

/**
 * Which plan form a meeting fills in: the 会务方案 of a large meeting (seed 000 L66: every type whose notice
 * class is large, or any meeting held at that scale), the 专题会议方案 of the district head's and deputy heads'
 * topic meetings (seed 002 L434), the written application of a specialised meeting (seed 004 L129); other
 * meetings have no prescribed plan form (null).
 */
export function planKindFor(typeCode: string, large: boolean): PlanKind | null {
  const type = meetingType(typeCode);
  if (type.code === 'district-head-topic-meeting' || type.code === 'deputy-head-topic-meeting') return 'topic-meeting';
  if (type.code === 'specialised-meeting') return 'specialised-application';
  if (large || type.noticeClass === 'large') return 'large-meeting';
  return null;
}

/** BAD_USER_INPUT when a meeting ends before it starts. */
export function assertMeetingTimes(startsAt: Date, endsAt: Date): void {
  if (!(endsAt.getTime() > startsAt.getTime())) throw GovError.badInput('a meeting ends after it starts', { field: 'endsAt' });
}

/** Only a recipient unit of an issued notice signs for it (CONFLICT before the notice, BAD_USER_INPUT for a stranger). */
export function assertMaySignFor(state: MeetingState, recipientUnits: readonly string[], unit: string): void {
  if (state !== 'notified' && state !== 'pre-notified') throw GovError.conflict('there is no notice to sign for yet', { state });
  if (!recipientUnits.includes(unit)) throw GovError.badInput(`${unit} is not a recipient of this notice`, { unit });
}

/** A unit liaison signs for its own unit only. */
export function assertSignsForOwnUnit(actor: Actor, unit: string): void {
  if (actor.roles.includes('clerk')) return;
  if (actor.unit !== unit) throw GovError.forbidden('a unit liaison signs for its own unit only', { unit });
}

/** Sign-in, leave and absence reasons concern the meeting's attendees, from the notice until it is held. */
export function assertAttendanceOpen(state: MeetingState, attendees: readonly string[], attendeeId: string): void {
  if (state !== 'notified') throw GovError.conflict(`attendance is taken after the notice and before the meeting is closed (state ${state})`, { state });
  if (!attendees.includes(attendeeId)) throw GovError.badInput(`${attendeeId} is not an attendee of this meeting`, { attendeeId });
}

export interface HoldCheck {
  readonly typeCode: string;
  readonly large: boolean;
  readonly startsAt: Date;
  readonly seatingApprovedBy: string | null;
  readonly attendees: readonly string[];
  readonly signIns: readonly SignIn[];
  readonly leaves: readonly LeaveRequest[];
  readonly absenceReasons: Readonly<Record<string, string>>;
}

/**
 * A meeting is recorded as held once it has started (CONFLICT before), with the seating plan of a large
 * meeting approved by a district leader (seed 000 L72, assertSeatingApproved) and a reason for every attendee
 * who neither signed in nor had approved leave ("问清原因", seed 004 L135; BAD_USER_INPUT listing them).
 */
export function assertMayHold(check: HoldCheck, now: Date): ReturnType<typeof attendanceAt> {
  if (now.getTime() < check.startsAt.getTime()) throw GovError.conflict('the meeting has not started yet', { startsAt: check.startsAt.toISOString() });
  if (planKindFor(check.typeCode, check.large) === 'large-meeting') assertSeatingApproved(check.typeCode, 'meeting', check.seatingApprovedBy);
  const report = attendanceAt(check.attendees, check.signIns, check.leaves, now);
  assertAbsenceReasons(report.notArrived, check.absenceReasons);
  return report;
}

/** The staff whose arrival the meeting view lists. */
export const ARRIVAL_STAFF: ReadonlyArray<(typeof STAFF_ROLES)[number]> = ['meeting-service', 'sign-in', 'recorder', 'speaker', 'accompanying'];
