import type { Actor, Role } from '@gov/auth';
import { DurationSchema, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { beijingDate, checkLeadTime, DEFAULT_TIME_SETTINGS, workingDays, type LeadTimeCheck, type TimeSettings } from './lead-time.js';
import { meetingType } from './meeting-types.js';
import type { LeaderPost } from './posts.js';
import { applyTransition, type TransitionRow } from './state-table.js';

/**
 * Meeting plans (会务方案 / 会议方案) before the notice: their fields, approvals, the pre-notice, the seating
 * plan; the topic-meeting plan of seed 002; the specialised-meeting application of seed 004.
 */

/**
 * Settings.
 * - `topicPlanSignOff` 1 working day: "会议方案原则要求在开会前一天完成审签" (seed 002 L439; whether 一天 is a
 *   working day is not said, working is the stricter).
 */
export const PlanSettingsSchema = z.strictObject({
  topicPlanSignOff: DurationSchema.default(workingDays(1)),
});
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;
export const DEFAULT_PLAN_SETTINGS: PlanSettings = PlanSettingsSchema.parse({});

/** 会务方案 of a large meeting (seed 000 L66). */
export const LARGE_MEETING_PLAN_FIELDS = [
  'name', // 会议名称
  'theme', // 主题
  'time',
  'place',
  'hostUnit', // 主办单位
  'scale', // 会议规模
  'attendees', // 出列席人员
  'schedule', // 日程
  'agenda', // 议程
  'documents', // 会议文件和材料
  'secretariat', // 会议秘书处的组成
  'taskDivision', // 会务分工
] as const;

/** 专题会议方案, 7 items (seed 002 L434). */
export const TOPIC_MEETING_PLAN_FIELDS = ['name', 'time', 'place', 'attendees', 'chair', 'agenda', 'preparations'] as const;

/** 专业会议 written application (seed 004 L129): content, time, place, agenda, attending leaders, participants. */
export const SPECIALISED_APPLICATION_FIELDS = ['content', 'time', 'place', 'agenda', 'attendingLeaders', 'participants'] as const;
/** … with the attending leader's speech, the host script (主持词) attached (L129). */
export const SPECIALISED_APPLICATION_ATTACHMENTS = ['leaderSpeech', 'hostScript'] as const;

export type PlanKind = 'large-meeting' | 'topic-meeting' | 'specialised-application';

const PLAN_FIELDS: Readonly<Record<PlanKind, readonly string[]>> = {
  'large-meeting': LARGE_MEETING_PLAN_FIELDS,
  'topic-meeting': TOPIC_MEETING_PLAN_FIELDS,
  'specialised-application': [...SPECIALISED_APPLICATION_FIELDS, ...SPECIALISED_APPLICATION_ATTACHMENTS],
};

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
}

export function missingPlanFields(kind: PlanKind, plan: Readonly<Record<string, unknown>>): string[] {
  return PLAN_FIELDS[kind].filter((f) => blank(plan[f]));
}

/** BAD_USER_INPUT naming every missing field (SCENARIOS.md seed002 #19: a plan missing any of the 7 is invalid). */
export function assertPlanComplete(kind: PlanKind, plan: Readonly<Record<string, unknown>>): void {
  const missing = missingPlanFields(kind, plan);
  if (missing.length > 0) throw GovError.badInput(`the ${kind} plan lacks ${missing.join(', ')}`, { missing });
}

export type PlanState = 'drafted' | 'reviewed' | 'approved' | 'pre-notified' | 'notified';
export type PlanAction = 'draft' | 'review' | 'approve' | 'send-back' | 'issue-pre-notice' | 'issue-notice';

/**
 * The large-meeting plan (seed 000 L68): 方案报分管副主任审核后呈区领导审批; a pre-notice (预通知) may follow for
 * meetings with many attendees or a wide scope "经请示领导同意后"; then the notice (会议通知) on the approved plan.
 * Activity plans follow the same two approvals (L86; receptions/reception.rules.ts).
 */
export const PLAN_TRANSITIONS: ReadonlyArray<TransitionRow<PlanState, PlanAction>> = [
  { from: null, action: 'draft', roles: ['clerk'], to: 'drafted' },
  { from: 'drafted', action: 'review', roles: ['deputy-director'], to: 'reviewed' },
  { from: 'reviewed', action: 'approve', roles: ['district-leader'], to: 'approved' },
  { from: 'reviewed', action: 'send-back', roles: ['district-leader', 'deputy-director'], to: 'drafted' },
  { from: 'approved', action: 'issue-pre-notice', roles: ['clerk'], to: 'pre-notified' },
  { from: 'approved', action: 'issue-notice', roles: ['clerk'], to: 'notified' },
  { from: 'pre-notified', action: 'issue-notice', roles: ['clerk'], to: 'notified' },
];

export interface PlanGuardContext {
  readonly typeCode: string;
  /** 参会人数较多,涉及面较广 (L68). */
  readonly manyAttendeesOrWideScope: boolean;
  /** A leader agreed to the pre-notice (经请示领导同意). */
  readonly preNoticeConsent: boolean;
  /** The district leader who approved the seating plan, or null (L72 "报区有关领导审定"). */
  readonly seatingApprovedBy: string | null;
}

/**
 * The next plan state, then the guards: a pre-notice needs many attendees or a wide scope AND a leader's
 * consent; for the meetings whose seating chart goes out with the notice (党代表大会, 区委全体会议, L72) the
 * notice waits for the approved seating plan. Guard refusals are CONFLICT.
 */
export function nextPlanState(from: PlanState | null, action: PlanAction, actor: Actor, ctx: PlanGuardContext): PlanState {
  const to = applyTransition(PLAN_TRANSITIONS, 'meeting plan', from, action, actor);
  if (action === 'issue-pre-notice' && !(ctx.manyAttendeesOrWideScope && ctx.preNoticeConsent)) {
    throw GovError.conflict('a pre-notice (预通知) is for meetings with many attendees or a wide scope, with a leader’s consent');
  }
  if (action === 'issue-notice') assertSeatingApproved(ctx.typeCode, 'notice', ctx.seatingApprovedBy);
  return to;
}

/**
 * The seating plan (主席台、听众席) is approved by a district leader before the meeting (L72); for meetings whose
 * seating chart is printed and sent with the notice, before the notice. CONFLICT otherwise.
 */
export function assertSeatingApproved(typeCode: string, stage: 'notice' | 'meeting', approvedBy: string | null): void {
  const type = meetingType(typeCode);
  const needed = stage === 'meeting' || type.seatingChartWithNotice;
  if (needed && !approvedBy) {
    throw GovError.conflict(
      stage === 'notice'
        ? `the seating chart of a ${type.nameZh} goes out with the notice; a district leader approves it first`
        : 'the seating plan must be approved by a district leader before the meeting',
    );
  }
}

/** One step of a sign-off route: a role, or a district leader's post. */
export type SignOffStep = { readonly role: Role } | { readonly post: LeaderPost };

/**
 * The sign-off route of a topic-meeting plan (seed 002 L436–438):
 * - 区长专题会议: drafted → the liaison cadre re-reviews (section-chief) → the office director → the district
 *   head signs; "若区长要出席会议但不需审签方案的,则该方案必须送办公室主任审签" — without the head's signature the
 *   director's is the last;
 * - 副区长专题会议: drafted → the liaison cadre → the deputy head signs; if the district head attends, the
 *   district-head route applies ("凡需区长出席的会议,原则上均需送区长审签"), and if the head attends without
 *   signing, the director signs and the plan goes on to the deputy head.
 */
export function topicPlanRoute(
  typeCode: 'district-head-topic-meeting' | 'deputy-head-topic-meeting',
  opts: { districtHeadAttends: boolean; districtHeadSigns: boolean },
): SignOffStep[] {
  const chief: SignOffStep = { role: 'section-chief' };
  const director: SignOffStep = { role: 'director' };
  if (typeCode === 'district-head-topic-meeting' || opts.districtHeadAttends) {
    if (opts.districtHeadSigns) return [chief, director, { post: 'district-mayor' }];
    return typeCode === 'district-head-topic-meeting' ? [chief, director] : [chief, director, { post: 'deputy-head-in-charge' }];
  }
  return [chief, { post: 'deputy-head-in-charge' }];
}

/**
 * The topic-meeting plan is signed off by the day before the meeting "原则要求" (seed 002 L439): a flag, not a
 * refusal (SCENARIOS.md seed002 #19: "flagged as non-compliant").
 */
export function topicPlanSignOffTiming(
  startsAt: Date,
  signedAt: Date | null,
  asOf: Date,
  calendar: WorkingCalendar,
  settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { check: LeadTimeCheck; nonCompliant: boolean } {
  const check = checkLeadTime(calendar, signedAt ?? asOf, beijingDate(startsAt), settings.topicPlanSignOff, time);
  const pastDeadline = asOf.getTime() > check.latestAt.getTime();
  return { check, nonCompliant: signedAt ? !check.held : pastDeadline };
}

/** "在方案送签时需附一套完整会议资料" (seed 002 L440): BAD_USER_INPUT without the full set. */
export function assertPlanMaterialsAttached(materialsComplete: boolean): void {
  if (!materialsComplete) throw GovError.badInput('a topic-meeting plan goes for sign-off with a full set of meeting materials');
}

/**
 * Who approves a specialised meeting held in the district government's name (seed 004 L129): the leader in
 * charge (主管区长); if the government's principal leader attends, the leader in charge agrees first and the
 * 区长 approves; if the principal heads of all departments and towns attend, the office asks the 区长 in advance.
 */
export function specialisedMeetingApprovals(opts: { principalLeaderAttends: boolean; allPrincipalHeadsAttend: boolean }): {
  approvers: LeaderPost[];
  officeAsksMayorInAdvance: boolean;
} {
  return {
    approvers: opts.principalLeaderAttends ? ['leader-in-charge', 'district-mayor'] : ['leader-in-charge'],
    officeAsksMayorInAdvance: opts.allPrincipalHeadsAttend,
  };
}

/**
 * What the office helps a department with at a specialised meeting (seed 004 L133, L135): notifying the
 * participants from departments and towns, the venue, the news media; sign-in only at a large one.
 */
export const SPECIALISED_ASSISTANCE = ['notify-participants', 'venue-setup', 'notify-media', 'sign-in'] as const;
export type SpecialisedAssistance = (typeof SPECIALISED_ASSISTANCE)[number];

export function assertSpecialisedAssistance(requested: readonly string[], large: boolean): void {
  const allowed = new Set<string>(large ? SPECIALISED_ASSISTANCE : SPECIALISED_ASSISTANCE.filter((a) => a !== 'sign-in'));
  const outside = requested.filter((r) => !allowed.has(r));
  if (outside.length > 0) {
    throw GovError.badInput(`the office does not assist with ${outside.join(', ')} at this meeting`, { outside });
  }
}
