import type { Actor, Role } from '@gov/auth';
import { DurationSchema, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError, type Classification } from '@gov/contracts';
import { formatYearNumber } from '@gov/persistence';
import { z } from 'zod';
import {
  after,
  beijingDate,
  calendarDays,
  ClockDurationSchema,
  closeOfBusinessOn,
  DEFAULT_TIME_SETTINGS,
  dueAfter,
  hoursOf,
  workingDays,
  type TimeSettings,
} from '../meetings/lead-time.js';
import { meetingType, type MinutesClass } from '../meetings/meeting-types.js';
import type { LeaderPost } from '../meetings/posts.js';
import { applyTransition, type TransitionRow } from '../meetings/state-table.js';

/**
 * Minutes (会议纪要): when they are due by meeting type, who signs, their number, when they are issued, and the
 * decisions as items of the `gov.meetings.minutes.issued` event, which supervision turns into supervision items.
 */

/**
 * Settings.
 * - `executiveDraft` 24 hours: "会议召开后24小时内起草完会议纪要" (seed 004 L89). Seed 000 L632 gives "一般在两个工作日内"
 *   for the same meeting; 24 hours is the stricter. `executiveDraftFrom`: "会议召开后" counted from the start
 *   (stricter) or the end. RULES.md D14.
 * - `standingCommitteeDraft` 2 working days: "两个工作日内完成会议纪要撰写" (seed 000 L560(1)).
 * - `standingCommitteeIssue` 7 calendar days: "会议纪要一般要求在会后一周内整理完成并印发实施" (seed 003 L13@c11913;
 *   a calendar week, SCENARIOS.md seed003 #15).
 * - `generalDraft` 2 working days: "需要起草会议纪要的,应在两个工作日内起草" (seed 000 L552, L640(1)); applied to every
 *   meeting the seeds give no other number for (全区性大会 "尽快", seed 003 L13@c12300; topic meetings; 室务会).
 * - urgent meetings: "紧急会议应立即起草纪要" (seed 000 L552): due on the day of the meeting (close of business, or the
 *   meeting's end when it ends later).
 * - `issueAfterSigning` 1 calendar day: "会议纪要签发的次日,及时印发" (seed 004 L91), applied to all minutes.
 * - `supervisionForm` 1 working day: "需要督办事项于一个工作日内拟成《督办事项交办单》交督查室督办" (seed 000 L640(2)).
 */
export const MinutesSettingsSchema = z.strictObject({
  executiveDraft: ClockDurationSchema.default(hoursOf(24)),
  executiveDraftFrom: z.enum(['start', 'end']).default('start'),
  standingCommitteeDraft: DurationSchema.default(workingDays(2)),
  standingCommitteeIssue: DurationSchema.default(calendarDays(7)),
  generalDraft: DurationSchema.default(workingDays(2)),
  issueAfterSigning: DurationSchema.default(calendarDays(1)),
  supervisionForm: DurationSchema.default(workingDays(1)),
});
export type MinutesSettings = z.infer<typeof MinutesSettingsSchema>;
export const DEFAULT_MINUTES_SETTINGS: MinutesSettings = MinutesSettingsSchema.parse({});

export interface HeldMeeting {
  readonly typeCode: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** 紧急会议 (seed 000 L552). */
  readonly urgent: boolean;
}

export interface MinutesDeadlines {
  /** The draft is due by this instant. */
  readonly draftDueAt: Date;
  readonly draftBasis: 'executive-24-hours' | 'standing-committee' | 'general' | 'urgent';
  /** The minutes must be issued by this instant (standing committee: one week), or null. */
  readonly issueDueAt: Date | null;
}

/**
 * When the minutes are due for a held meeting. Every rule that applies is computed and the earliest wins
 * (an urgent executive meeting: the same day, not 24 hours).
 */
export function minutesDeadlines(
  meeting: HeldMeeting,
  calendar: WorkingCalendar,
  settings: MinutesSettings = DEFAULT_MINUTES_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): MinutesDeadlines {
  if (meeting.endsAt.getTime() < meeting.startsAt.getTime()) throw GovError.badInput('the meeting ends before it starts');
  const cls: MinutesClass = meetingType(meeting.typeCode).minutes;
  const endDay = beijingDate(meeting.endsAt);
  const candidates: Array<{ at: Date; basis: MinutesDeadlines['draftBasis'] }> = [];
  if (cls === 'executive') {
    const from = settings.executiveDraftFrom === 'start' ? meeting.startsAt : meeting.endsAt;
    candidates.push({ at: after(from, settings.executiveDraft), basis: 'executive-24-hours' });
  } else if (cls === 'standing-committee') {
    candidates.push({ at: dueAfter(calendar, endDay, settings.standingCommitteeDraft, time).dueAt, basis: 'standing-committee' });
  } else {
    candidates.push({ at: dueAfter(calendar, endDay, settings.generalDraft, time).dueAt, basis: 'general' });
  }
  if (meeting.urgent) {
    const cob = closeOfBusinessOn(endDay, time);
    candidates.push({ at: cob.getTime() >= meeting.endsAt.getTime() ? cob : meeting.endsAt, basis: 'urgent' });
  }
  const best = candidates.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
  const issueDueAt = cls === 'standing-committee' ? dueAfter(calendar, endDay, settings.standingCommitteeIssue, time).dueAt : null;
  return { draftDueAt: best.at, draftBasis: best.basis, issueDueAt };
}

/** Overdue when not drafted by the due instant (SCENARIOS.md seed000-b #2: urgent minutes are overdue the same day). */
export function isDraftOverdue(deadlines: MinutesDeadlines, draftedAt: Date | null, asOf: Date): boolean {
  return (draftedAt ?? asOf).getTime() > deadlines.draftDueAt.getTime();
}

/** When signed minutes must be issued: the day after signing, by close of business (seed 004 L91). */
export function issueDueAfterSigning(
  signedAt: Date,
  calendar: WorkingCalendar,
  settings: MinutesSettings = DEFAULT_MINUTES_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueDate: IsoDate; dueAt: Date } {
  return dueAfter(calendar, beijingDate(signedAt), settings.issueAfterSigning, time);
}

/** 《督办事项交办单》 after a research trip: 1 working day (seed 000 L640(2); SCENARIOS.md seed000-b #3). */
export function supervisionFormDue(
  endedAt: Date,
  calendar: WorkingCalendar,
  settings: MinutesSettings = DEFAULT_MINUTES_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueDate: IsoDate; dueAt: Date } {
  return dueAfter(calendar, beijingDate(endedAt), settings.supervisionForm, time);
}

/** Someone who must review or sign: a role, a leader's post, or a named leader. */
export type Signer =
  | { readonly kind: 'role'; readonly role: Role }
  | { readonly kind: 'post'; readonly post: LeaderPost }
  | { readonly kind: 'leader'; readonly leaderId: string };

export interface Signature {
  readonly signerId: string;
  readonly roles: readonly Role[];
  readonly posts: readonly LeaderPost[];
  readonly at: Date;
}

const role = (r: Role): Signer => ({ kind: 'role', role: r });
const post = (p: LeaderPost): Signer => ({ kind: 'post', post: p });

/**
 * Who signs, in order, by minutes class. The office director signs every minutes (the issue, and seed 003
 * L13@c11995 区委办公室主任审签; seed 002 L457 办公室主任审签); for major matters the relevant leaders sign too
 * ("重大事项需经参会部门尤其是政府相关区长审签", L13@c11995).
 * - standing committee: 科室负责人 → 分管副主任 (seed 000 L560(2); L13@c11995) → director;
 * - executive: 科室负责人 → 分管领导 (seed 000 L632(3)) → 主管主任或主任 → the 区长 signs (seed 004 L89); the
 *   director's signature covers "或主任";
 * - 区长专题会议: the liaison cadre (section chief) → director and the deputy head in charge → the 区长 (seed 002
 *   L457);
 * - 副区长专题会议: the liaison cadre → the deputy head (seed 002 L457) — and the director (the issue's rule;
 *   the seed does not name the director here, RULES.md D15);
 * - others: 科室负责人 → 分管领导 核报 (seed 000 L552, L640(1)) → director.
 */
export function requiredSignatures(typeCode: string, opts: { major: boolean; relevantLeaderIds?: readonly string[] }): Signer[] {
  const cls = meetingType(typeCode).minutes;
  let chain: Signer[];
  switch (cls) {
    case 'executive':
      chain = [role('section-chief'), role('deputy-director'), role('director'), post('district-mayor')];
      break;
    case 'district-head-topic':
      chain = [role('section-chief'), role('director'), post('deputy-head-in-charge'), post('district-mayor')];
      break;
    case 'deputy-head-topic':
      chain = [role('section-chief'), role('director'), post('deputy-head-in-charge')];
      break;
    default:
      chain = [role('section-chief'), role('deputy-director'), role('director')];
  }
  if (opts.major) {
    const leaders = [...new Set(opts.relevantLeaderIds ?? [])];
    if (leaders.length === 0) throw GovError.badInput('minutes on major matters name the relevant leaders who sign them', { field: 'relevantLeaderIds' });
    chain.push(...leaders.map((leaderId): Signer => ({ kind: 'leader', leaderId })));
  }
  return chain;
}

function satisfies(sig: Signature, signer: Signer): boolean {
  if (signer.kind === 'role') return sig.roles.includes(signer.role);
  if (signer.kind === 'post') return sig.posts.includes(signer.post);
  return sig.signerId === signer.leaderId;
}

/**
 * The required signers not yet matched, each by a distinct signature, in order: a signature may not come
 * before the one of the step before it (no 倒签, no skipped step).
 */
export function missingSignatures(required: readonly Signer[], signatures: readonly Signature[]): Signer[] {
  const used = new Set<Signature>();
  const missing: Signer[] = [];
  let last = -Infinity;
  for (const signer of required) {
    const sig = signatures.find((s) => !used.has(s) && satisfies(s, signer) && s.at.getTime() >= last);
    if (!sig) {
      missing.push(signer);
      continue;
    }
    used.add(sig);
    last = sig.at.getTime();
  }
  return missing;
}

export function assertFullySigned(required: readonly Signer[], signatures: readonly Signature[]): void {
  const missing = missingSignatures(required, signatures);
  if (missing.length > 0) throw GovError.conflict('the minutes are not fully signed, in order', { missing });
}

/**
 * 涉及重大问题的, a separate major-issue minutes (重大问题会议纪要) is also written for the 常委会 and the 常务会议
 * (seed 000 L560(1), L632(2)).
 */
export function separateMajorIssueMinutesRequired(typeCode: string, major: boolean): boolean {
  const cls = meetingType(typeCode).minutes;
  return major && (cls === 'standing-committee' || cls === 'executive');
}

/** The rule code in the details of the refusal below. */
export const SEPARATE_MAJOR_ISSUE_MINUTES = 'SEPARATE_MAJOR_ISSUE_MINUTES';

/**
 * The minutes are issued (印发) only with the separate 重大问题会议纪要 when one is required: "涉及重大问题的…同时撰写
 * 重大问题会议纪要" (seed 000 L560(1), L632(2)): written at the same time, so it exists by the time the ordinary
 * minutes go out, and issued minutes are the only way to their closing (issued → archived; SCENARIOS.md
 * seed000-b #1 "required before the item can be closed"). The separate minutes are a document of their own;
 * the issue names it by its number. CONFLICT (details.rule = SEPARATE_MAJOR_ISSUE_MINUTES)
 * without it; BAD_USER_INPUT when a number is given for minutes that need none.
 */
export function assertSeparateMajorIssueMinutes(typeCode: string, major: boolean, separateMinutesNumber: string | null | undefined): void {
  const required = separateMajorIssueMinutesRequired(typeCode, major);
  const given = (separateMinutesNumber ?? '').trim().length > 0;
  if (required && !given) {
    throw GovError.conflict('minutes on major issues are issued together with the separate 重大问题会议纪要; give its number', {
      rule: SEPARATE_MAJOR_ISSUE_MINUTES,
      reason: '涉及重大问题的，同时撰写重大问题会议纪要 (seed 000 L560(1), L632(2))',
      field: 'majorIssueMinutesNumber',
    });
  }
  if (!required && given) {
    throw GovError.badInput('these minutes need no separate 重大问题会议纪要 (only major-issue minutes of the 常委会 and the 常务会议 do)', {
      field: 'majorIssueMinutesNumber',
    });
  }
}

/**
 * Minutes are numbered like a document: the title of the series, the Beijing year, a sequence, e.g.
 * 区委常委会议纪要〔2026〕3号 (the print room typesets 《区政府常务会议纪要》 and 《区委常委会议纪要》, seed 001 L1060,
 * L1078). The seeds give no number format; RULES.md D16.
 */
export function minutesSeries(typeCode: string): string {
  const t = meetingType(typeCode);
  if (t.code === 'standing-committee') return '区委常委会议纪要';
  if (t.code === 'executive-meeting') return '区政府常务会议纪要';
  return `${t.nameZh.replace(/（.*?）/g, '')}纪要`;
}

export function formatMinutesNumber(typeCode: string, year: number, value: number): string {
  return formatYearNumber(minutesSeries(typeCode), year, value);
}

export type MinutesState = 'drafted' | 'section-reviewed' | 'deputy-reviewed' | 'registered' | 'in-signature' | 'signed' | 'issued' | 'archived';
export type MinutesAction = 'draft' | 'review' | 'send-back' | 'register' | 'sign' | 'complete-signing' | 'issue' | 'archive';

/**
 * The minutes state machine (seed 000 L560(2)–(3), L632(3)–(4): 纪要经科室负责人审核后送分管领导审核。分管领导审核后送
 * 办文科登记并由办文科送签 … 办文科印发纪要后进行收集整理并归档). Signing is one state in which each signer signs;
 * `complete-signing` needs every signature ({@link assertFullySigned}); the section chief's and the
 * deputy's reviews are recorded as the first signatures of the chain.
 */
export const MINUTES_TRANSITIONS: ReadonlyArray<TransitionRow<MinutesState, MinutesAction>> = [
  { from: null, action: 'draft', roles: ['clerk'], to: 'drafted' },
  { from: 'drafted', action: 'review', roles: ['section-chief'], to: 'section-reviewed' },
  { from: 'section-reviewed', action: 'review', roles: ['deputy-director'], to: 'deputy-reviewed' },
  { from: 'section-reviewed', action: 'send-back', roles: ['deputy-director'], to: 'drafted' },
  { from: 'deputy-reviewed', action: 'register', roles: ['clerk'], to: 'registered' },
  { from: 'registered', action: 'sign', roles: ['director', 'district-leader'], to: 'in-signature' },
  { from: 'in-signature', action: 'sign', roles: ['director', 'district-leader'], to: 'in-signature' },
  { from: 'in-signature', action: 'complete-signing', roles: ['clerk'], to: 'signed' },
  { from: 'signed', action: 'issue', roles: ['clerk'], to: 'issued' },
  { from: 'issued', action: 'archive', roles: ['clerk', 'archivist'], to: 'archived' },
];

export function nextMinutesState(
  from: MinutesState | null,
  action: MinutesAction,
  actor: Actor,
  ctx: { required: readonly Signer[]; signatures: readonly Signature[] },
): MinutesState {
  const to = applyTransition(MINUTES_TRANSITIONS, 'minutes', from, action, actor);
  if (action === 'complete-signing') assertFullySigned(ctx.required, ctx.signatures);
  return to;
}

/** One decision (议定事项) of the minutes, as recorded. */
export const MinutesDecisionSchema = z.strictObject({
  text: z.string().trim().min(1),
  /** 主办单位: every decision has a lead unit ("一事一项", "要明确主办单位": seed 003 L13@c16625, c16692). */
  leadUnit: z.string().trim().min(1),
  coUnits: z.array(z.string().trim().min(1)).default([]),
  dueDate: z.iso.date().nullable().default(null),
  /** "需要出台文件的,及时协调有关部门把关下发" (seed 004 L93). */
  requiresDocument: z.boolean().default(false),
});
export type MinutesDecision = z.infer<typeof MinutesDecisionSchema>;

/** Who follows the decision up (seed 002 L459; seed 003 L13@c14735; seed 004 L93). */
export type SupervisedBy = 'supervision-office' | 'liaison-cadre';

/** One item of `gov.meetings.minutes.issued`: identifiers and non-classified metadata only. */
export interface MinutesIssuedItem {
  readonly itemNo: number;
  /** The decision's text for unclassified minutes; null for classified ones (events carry no classified content). */
  readonly summary: string | null;
  readonly leadUnit: string;
  readonly coUnits: readonly string[];
  readonly dueDate: IsoDate | null;
  readonly requiresDocument: boolean;
  readonly supervisedBy: SupervisedBy;
}

/**
 * Each decision becomes one item ("逐项了解落实情况", seed 004 L93), numbered from 1 in the minutes' order.
 * 副区长专题会议 decisions are followed by the liaison cadre, all others by the supervision office (seed 002
 * L459). A decision without a lead unit or text is BAD_USER_INPUT; a lead unit repeated among the co-units is
 * dropped from them.
 */
export function minutesIssuedItems(minutes: {
  typeCode: string;
  classification: Classification;
  decisions: readonly unknown[];
}): MinutesIssuedItem[] {
  const supervisedBy: SupervisedBy = meetingType(minutes.typeCode).minutes === 'deputy-head-topic' ? 'liaison-cadre' : 'supervision-office';
  return minutes.decisions.map((raw, i) => {
    const parsed = MinutesDecisionSchema.safeParse(raw);
    if (!parsed.success) {
      throw GovError.badInput(`decision ${i + 1} is invalid: ${z.prettifyError(parsed.error)}`, { itemNo: i + 1 });
    }
    const d = parsed.data;
    return {
      itemNo: i + 1,
      summary: minutes.classification === 'none' ? d.text : null,
      leadUnit: d.leadUnit,
      coUnits: [...new Set(d.coUnits)].filter((u) => u !== d.leadUnit),
      dueDate: d.dueDate,
      requiresDocument: d.requiresDocument,
      supervisedBy,
    };
  });
}

/** One decision of `gov.meetings.minutes.issued` (the contract's MinutesDecision). */
export interface IssuedDecision {
  readonly decisionNo: number;
  readonly matter: string | null;
  readonly leadUnit: string;
  readonly coUnits: string[];
  readonly dueOn: IsoDate | null;
  /** present only for the liaison cadre; absent means supervision (the contract's followUpOf) */
  readonly followUp?: 'liaison-cadre';
}

/**
 * The decisions of `gov.meetings.minutes.issued`: numbered as in the minutes, each saying who follows it up, so
 * that supervision opens a 督查室 item only for its own (副区长专题会议 → the liaison cadre, seed 002 L459;
 * SCENARIOS.md seed002 #21).
 */
export function issuedDecisions(items: readonly MinutesIssuedItem[]): IssuedDecision[] {
  return items.map((i) => ({
    decisionNo: i.itemNo,
    matter: i.summary,
    leadUnit: i.leadUnit,
    coUnits: [...i.coUnits],
    dueOn: i.dueDate,
    // Written only for the liaison cadre: the events of every other meeting type stay as they were.
    ...(i.supervisedBy === 'liaison-cadre' ? { followUp: 'liaison-cadre' as const } : {}),
  }));
}
