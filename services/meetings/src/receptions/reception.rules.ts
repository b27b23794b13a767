import type { Actor } from '@gov/auth';
import { DurationSchema, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { arrivalDue, DEFAULT_ATTENDANCE_SETTINGS, type AttendanceSettings } from '../meetings/attendance.rules.js';
import {
  beijingDate,
  calendarDays,
  DEFAULT_TIME_SETTINGS,
  latestDateBefore,
  YuanSchema,
  yuan,
  type TimeSettings,
} from '../meetings/lead-time.js';
import { assertNoticeInTime, DEFAULT_NOTICE_SETTINGS, type NoticeSettings, type NoticeTiming } from '../meetings/notice.rules.js';
import { applyTransition, type TransitionRow } from '../meetings/state-table.js';

/**
 * Receptions (接待) and major official activities and large events (重大公务活动, 大型活动): who leads a reception,
 * the plans and their approvals, the notice, the venue the day before, staff at their posts, the
 * foreign-affairs opinion on foreign-related activities, and reception spending.
 * Sources: seed 004 L159–185 (W6, W7); seed 000 L82–94 (W5), L124; seed 002 L61–63 (W8); seed 001 L129, L135.
 */

/**
 * Settings.
 * - `venueSetup` 1 calendar day: "方案批准后,提前一天落实…到现场布置会场" (seed 004 L185): on-site work on the eve,
 *   so the calendar day before (a working-day count would move it off the eve). RULES.md D20.
 * - `reportToDirectorAbove` > ¥500: "公务接待费用预计超过500元的,需同时向区府办主任汇报" (seed 002 L62; 超过 = strictly
 *   over, SCENARIOS.md seed002 #1).
 * - `secondaryUnitDirectorAbove` > ¥3,000: "凡接待费用一次超过3000元…需报经办公室主任同意" (seed 001 L135, L542).
 * - `generalOfficeLeaderCountsAsMunicipalLeader`: seed 004 L166 does not cover a vice-ministerial delegation
 *   accompanied by a 市政府办公厅 (not 市政府) leader; counting that leader makes the office lead (the higher
 *   protocol). RULES.md D19.
 */
export const ReceptionSettingsSchema = z.strictObject({
  venueSetup: DurationSchema.default(calendarDays(1)),
  reportToDirectorAbove: YuanSchema.default(yuan(500)),
  secondaryUnitDirectorAbove: YuanSchema.default(yuan(3000)),
  generalOfficeLeaderCountsAsMunicipalLeader: z.boolean().default(true),
});
export type ReceptionSettings = z.infer<typeof ReceptionSettingsSchema>;
export const DEFAULT_RECEPTION_SETTINGS: ReceptionSettings = ReceptionSettingsSchema.parse({});

export type VisitorOrigin =
  | 'municipal-government' // 市政府
  | 'municipal-general-office' // 市政府办公厅
  | 'other-municipal-organ' // 市其他机关、部门
  | 'national-ministry' // 国家部委局
  | 'other-province-or-municipality'; // 外省市

export type VisitorRank = 'vice-ministerial-or-above' | 'bureau-level-or-below';
export type Accompaniment = 'municipal-government-leader' | 'municipal-general-office-leader' | 'none';

export interface Visit {
  readonly origin: VisitorOrigin;
  readonly rank: VisitorRank;
  readonly accompaniedBy: Accompaniment;
}

export type Leader = 'district-government-office' | 'matching-department';

export interface ReceptionLead {
  readonly lead: Leader;
  /** Who supports; null when the office is not involved. */
  readonly support: 'relevant-departments' | 'matching-department' | 'district-government-office' | null;
  readonly officeInvolved: boolean;
  /** The row of the decision table (seed 004 L162–168, items 1–4). */
  readonly row: 1 | 2 | 3 | 4;
}

/**
 * Who leads a reception (分工, seed 004 L162–168):
 * 1. led by a 市政府 or 市政府办公厅 leader → the office leads, the relevant departments support;
 * 2. led by a leader of another municipal organ → the matching district department; the office is not involved;
 * 3. a national ministry or another province/municipality, vice-ministerial or above: accompanied by a
 *    municipal government leader → the office leads, the matching department supports; otherwise the matching
 *    (contact) department leads and the office supports;
 * 4. the same, bureau level and below (厅级以下, 含厅级) → the matching (contact) department.
 */
export function receptionLead(visit: Visit, settings: ReceptionSettings = DEFAULT_RECEPTION_SETTINGS): ReceptionLead {
  switch (visit.origin) {
    case 'municipal-government':
    case 'municipal-general-office':
      return { lead: 'district-government-office', support: 'relevant-departments', officeInvolved: true, row: 1 };
    case 'other-municipal-organ':
      return { lead: 'matching-department', support: null, officeInvolved: false, row: 2 };
    case 'national-ministry':
    case 'other-province-or-municipality': {
      if (visit.rank === 'bureau-level-or-below') return { lead: 'matching-department', support: null, officeInvolved: false, row: 4 };
      const accompanied =
        visit.accompaniedBy === 'municipal-government-leader' ||
        (visit.accompaniedBy === 'municipal-general-office-leader' && settings.generalOfficeLeaderCountsAsMunicipalLeader);
      return accompanied
        ? { lead: 'district-government-office', support: 'matching-department', officeInvolved: true, row: 3 }
        : { lead: 'matching-department', support: 'district-government-office', officeInvolved: true, row: 3 };
    }
  }
}

/** Fields of the plans (seed 004 L174, L183; seed 000 L84). */
export const RECEPTION_PLAN_FIELDS = ['time', 'place', 'attendingLeaders', 'departments', 'itinerary', 'cateringAndAccommodation', 'officeAssistance'] as const;
export const LARGE_EVENT_PLAN_FIELDS = ['content', 'agenda', 'time', 'place', 'route', 'participants', 'attendingLeaders', 'departmentDivision', 'meetingServices'] as const;
export const ACTIVITY_PLAN_FIELDS = ['time', 'place', 'theme', 'route', 'participants', 'agenda', 'taskDivision'] as const;
export type ReceptionPlanKind = 'reception' | 'large-event' | 'activity';

const FIELDS: Readonly<Record<ReceptionPlanKind, readonly string[]>> = {
  reception: RECEPTION_PLAN_FIELDS,
  'large-event': LARGE_EVENT_PLAN_FIELDS,
  activity: ACTIVITY_PLAN_FIELDS,
};

export function missingReceptionPlanFields(kind: ReceptionPlanKind, plan: Readonly<Record<string, unknown>>): string[] {
  return FIELDS[kind].filter((f) => {
    const v = plan[f];
    return v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
  });
}

export function assertReceptionPlanComplete(kind: ReceptionPlanKind, plan: Readonly<Record<string, unknown>>): void {
  const missing = missingReceptionPlanFields(kind, plan);
  if (missing.length > 0) throw GovError.badInput(`the ${kind} plan lacks ${missing.join(', ')}`, { missing });
}

/**
 * What the office does when a department leads and the office assists: venue setup, catering, notifying the
 * news units (L178), and jointly with the department, listening in and recording (L180); "不参与具体工作安排".
 * BAD_USER_INPUT for anything else the plan asks of it.
 */
export const OFFICE_RECEPTION_ASSISTANCE = ['venue-setup', 'catering', 'notify-news-units', 'record-talks'] as const;

export function assertOfficeAssistance(requested: readonly string[]): void {
  const allowed = new Set<string>(OFFICE_RECEPTION_ASSISTANCE);
  const outside = requested.filter((r) => !allowed.has(r));
  if (outside.length > 0) {
    throw GovError.badInput(`the office does not take part in the detailed arrangements: ${outside.join(', ')}`, { outside });
  }
}

/**
 * Who approves a plan:
 * - a reception plan drafted by the leading department: the district leader in charge AND the principal
 *   leader (L172 "送区政府主管领导和主要领导审定"), in either order;
 * - a large event: a district government leader (L183 "报区政府领导批准");
 * - an activity plan: the deputy director reviews, a district leader approves (seed 000 L86).
 */
export function planApprovers(kind: ReceptionPlanKind): string[] {
  if (kind === 'reception') return ['leader-in-charge', 'principal-leader'];
  if (kind === 'large-event') return ['district-leader'];
  return ['deputy-director', 'district-leader'];
}

/** CONFLICT naming the approvals still missing. */
export function assertPlanApproved(kind: ReceptionPlanKind, approvals: readonly string[]): void {
  const missing = planApprovers(kind).filter((a) => !approvals.includes(a));
  if (missing.length > 0) throw GovError.conflict(`the ${kind} plan still needs ${missing.join(', ')}`, { missing });
}

export type ActivityState =
  | 'drafted'
  | 'reviewed'
  | 'with-foreign-affairs'
  | 'foreign-affairs-opinion-given'
  | 'with-leader'
  | 'approved'
  | 'notified'
  | 'venue-set'
  | 'held';

export type ActivityAction =
  | 'draft'
  | 'review'
  | 'send-to-foreign-affairs'
  | 'give-opinion'
  | 'submit-to-leader'
  | 'approve'
  | 'send-back'
  | 'issue-notice'
  | 'set-venue'
  | 'hold';

/**
 * The activity plan (seed 000 L84–94; seed 004 L183–185): drafted → reviewed by the deputy director → for a
 * foreign-related activity (涉外政务活动), to 外事科 for its opinion after the office leader's review (L124) →
 * the district leader approves → the notice → the venue set → held.
 */
export const ACTIVITY_TRANSITIONS: ReadonlyArray<TransitionRow<ActivityState, ActivityAction>> = [
  { from: null, action: 'draft', roles: ['clerk'], to: 'drafted' },
  { from: 'drafted', action: 'review', roles: ['deputy-director'], to: 'reviewed' },
  { from: 'reviewed', action: 'send-to-foreign-affairs', roles: ['clerk'], to: 'with-foreign-affairs' },
  { from: 'with-foreign-affairs', action: 'give-opinion', roles: ['foreign-affairs-officer'], to: 'foreign-affairs-opinion-given' },
  { from: 'reviewed', action: 'submit-to-leader', roles: ['clerk'], to: 'with-leader' },
  { from: 'foreign-affairs-opinion-given', action: 'submit-to-leader', roles: ['clerk'], to: 'with-leader' },
  { from: 'with-leader', action: 'approve', roles: ['district-leader'], to: 'approved' },
  { from: 'with-leader', action: 'send-back', roles: ['district-leader'], to: 'drafted' },
  { from: 'approved', action: 'issue-notice', roles: ['clerk'], to: 'notified' },
  { from: 'notified', action: 'set-venue', roles: ['clerk'], to: 'venue-set' },
  { from: 'venue-set', action: 'hold', roles: ['clerk'], to: 'held' },
];

/**
 * The next activity state, then the foreign-affairs guard (CONFLICT): a foreign-related plan reaches the
 * district leader only with 外事科's opinion, and only a foreign-related one goes there. The use case emits
 * the event to foreign-affairs on `send-to-foreign-affairs`.
 */
export function nextActivityState(
  from: ActivityState | null,
  action: ActivityAction,
  actor: Actor,
  ctx: { foreignRelated: boolean },
): ActivityState {
  const to = applyTransition(ACTIVITY_TRANSITIONS, 'activity plan', from, action, actor);
  if (action === 'submit-to-leader' && from === 'reviewed' && ctx.foreignRelated) {
    throw GovError.conflict('a foreign-related activity goes to foreign affairs (外事科) for its opinion first');
  }
  if (action === 'send-to-foreign-affairs' && !ctx.foreignRelated) {
    throw GovError.conflict('only foreign-related activities go to foreign affairs');
  }
  return to;
}

/**
 * The activity notice goes out 1 working day before ("活动通知一般于活动开始前一个工作日发给参会人员", seed 000 L86):
 * the `activity` lead of notice.rules.ts. DEADLINE_RULE when late, unless ad hoc.
 */
export function assertActivityNoticeInTime(
  startsAt: Date,
  sentAt: Date,
  calendar: WorkingCalendar,
  opts: { adHoc?: boolean } = {},
  notice: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): NoticeTiming {
  return assertNoticeInTime({ kind: 'activity', startsAt, adHoc: opts.adHoc ?? false }, sentAt, calendar, notice, time);
}

/** The day the venue must be set by (seed 004 L185), and the instant staff are at their posts (1 hour before). */
export function largeEventTimeline(
  startsAt: Date,
  calendar: WorkingCalendar,
  settings: ReceptionSettings = DEFAULT_RECEPTION_SETTINGS,
  attendance: AttendanceSettings = DEFAULT_ATTENDANCE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { venueSetBy: IsoDate; staffOnPostAt: Date } {
  const venueSetBy = latestDateBefore(calendar, beijingDate(startsAt), settings.venueSetup, time);
  const staff = arrivalDue({ arrival: 'large-event', startsAt }, 'meeting-service', attendance);
  return { venueSetBy, staffOnPostAt: staff!.dueAt };
}

/** DEADLINE_RULE when the venue was set after the eve (the Beijing date of the setup counts; setup at night is fine). */
export function assertVenueSetInTime(
  startsAt: Date,
  setAt: Date,
  calendar: WorkingCalendar,
  settings: ReceptionSettings = DEFAULT_RECEPTION_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): void {
  const latest = latestDateBefore(calendar, beijingDate(startsAt), settings.venueSetup, time);
  if (beijingDate(setAt) > latest) {
    throw new GovError('DEADLINE_RULE', `the venue is set by ${latest}, the day before the event`, { latestDate: latest });
  }
}

/** Venue arrangements by kind of activity (seed 000 L92). */
export const VENUE_ARRANGEMENTS = {
  'higher-level-or-delegation-visit': ['welcome-sign-or-banner', 'seats-by-host-and-guest', 'fruit-or-flowers'],
  ceremony: ['host-unit-and-etiquette-company-set-venue', 'office-rostrum-seating', 'office-coordination'],
  'in-district-visit': ['notify-visit-points', 'greeting-point', 'introductions', 'contact-along-route'],
} as const;

/**
 * Reception spending (seed 002 L62): the approval form approved by the cadre in charge of logistics before the
 * reception ("审批同意后方可接待"); an estimate over ¥500 is also reported to the office director (SCENARIOS.md
 * seed002 #1). CONFLICT naming what is missing.
 */
export function assertReceptionMayBeHeld(
  r: { approvedByLogisticsCadre: boolean; estimatedCost: number; directorInformed: boolean },
  settings: ReceptionSettings = DEFAULT_RECEPTION_SETTINGS,
): void {
  if (!Number.isFinite(r.estimatedCost) || r.estimatedCost < 0) throw GovError.badInput('the estimated cost is a sum in yuan >= 0');
  const missing: string[] = [];
  if (!r.approvedByLogisticsCadre) missing.push('approval');
  if (r.estimatedCost > settings.reportToDirectorAbove.amount && !r.directorInformed) missing.push('director-informed');
  if (missing.length > 0) {
    throw GovError.conflict(
      missing.includes('director-informed')
        ? `预计超过${settings.reportToDirectorAbove.amount}元需向区府办主任汇报`
        : '公务接待审批同意后方可接待',
      { missing },
    );
  }
}

/** A secondary unit's reception over ¥3,000 at once needs the office director's consent (seed 001 L135, L542). */
export function secondaryUnitReceptionNeedsDirector(cost: number, settings: ReceptionSettings = DEFAULT_RECEPTION_SETTINGS): boolean {
  return cost > settings.secondaryUnitDirectorAbove.amount;
}

/** Meals are in the district canteen; a restaurant needs a leader's approval (seed 001 L129, L534). */
export function mealNeedsLeaderApproval(venue: 'canteen' | 'restaurant'): boolean {
  return venue === 'restaurant';
}

/** 四单制 (seed 002 L63): invoice, approval form, the incoming official letter, the menu. */
export const REIMBURSEMENT_DOCUMENTS = ['invoice', 'approval-form', 'official-letter', 'menu'] as const;

export function assertReimbursementComplete(attached: readonly string[]): void {
  const missing = REIMBURSEMENT_DOCUMENTS.filter((d) => !attached.includes(d));
  if (missing.length > 0) throw GovError.badInput(`手续不全: ${missing.join(', ')}`, { missing });
}
