import { DurationSchema, type Duration, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { beijingDate, checkLeadTime, DEFAULT_TIME_SETTINGS, workingDays, type LeadTimeCheck, type TimeSettings } from './lead-time.js';
import { meetingType } from './meeting-types.js';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings } from './notice.rules.js';

/**
 * Topics (议题) of the standing committee, the executive meeting, the 室务会 and the topic meetings: submission
 * deadlines with materials, ad-hoc topics, the legality-review gate, the industry commission's opinion on
 * land and planning topics, the order of topics.
 */

/**
 * Settings.
 * - `standingCommitteeSubmission` 3 working days: "议题提出单位应提前3天将汇报材料和列席单位建议名单报秘书二室"
 *   (seed 003 L13@c11563; unit unstated → working, the stricter; SCENARIOS.md seed003 #14).
 * - `industryOpinionScope`: "涉及工业用地、规划的议题工信委要提前研究出意见" (seed 004 L119) reads either as topics on
 *   industrial land (the reading) or as topics on industrial land or on planning; the wider, stricter
 *   reading is the default. RULES.md D12.
 */
export const TopicSettingsSchema = z.strictObject({
  standingCommitteeSubmission: DurationSchema.default(workingDays(3)),
  industryOpinionScope: z.enum(['industrial-land', 'industrial-land-or-planning']).default('industrial-land-or-planning'),
});
export type TopicSettings = z.infer<typeof TopicSettingsSchema>;
export const DEFAULT_TOPIC_SETTINGS: TopicSettings = TopicSettingsSchema.parse({});

/** The legality-review state the meetings section holds for a topic, from legal-review's outcome events. */
export type LegalReviewState = 'not-requested' | 'pending' | 'passed' | 'failed';

/**
 * What the legality review does not cover (seed 002 L285–290): personnel appointments, internal management,
 * commendations, specific administrative acts not in the district government's name, emergency handling.
 */
export const LEGAL_REVIEW_EXEMPT_SUBJECTS = [
  'personnel-appointment',
  'internal-management',
  'commendation',
  'specific-act-not-in-government-name',
  'emergency-response',
] as const;
export type LegalReviewExemptSubject = (typeof LEGAL_REVIEW_EXEMPT_SUBJECTS)[number];

export interface Topic {
  readonly id: string;
  readonly meetingTypeCode: string;
  /** Planned (年初上报 / collected for the agenda) or ad hoc (临时性议题, added after the agenda was fixed). */
  readonly origin: 'planned' | 'ad-hoc';
  readonly major: boolean;
  readonly urgent: boolean;
  readonly submittedAt: Date | null;
  readonly materialsAttached: boolean;
  /** 常委会: the materials are signed by the proposing unit's supervising leader (主管领导签字, L13@c11476). */
  readonly materialsSignedByLeader: boolean;
  /** 常委会: the proposed list of attending units (列席单位建议名单, L13@c11563). */
  readonly attendeeListAttached: boolean;
  /** The topic adopts a normative document (规范性文件) / is a major administrative decision (重大行政决策). */
  readonly normativeDocument: boolean;
  readonly majorAdministrativeDecision: boolean;
  /** It otherwise involves legal provisions (涉及法律规定, seed 000 L114). */
  readonly involvesLegalProvisions: boolean;
  readonly exemptSubject: LegalReviewExemptSubject | null;
  readonly legalReview: LegalReviewState;
  readonly industrialLand: boolean;
  readonly planning: boolean;
  /** 工信委 has studied it and given its opinion (seed 004 L119). */
  readonly industryCommissionOpinion: boolean;
  /** Approvals of an ad-hoc topic. */
  readonly adHocApprovals: { readonly director: boolean; readonly principalLeader: boolean; readonly districtMayor: boolean };
}

/**
 * How far ahead a topic and its materials must be in, or null where the seeds set no deadline:
 * - 常委会: 3 days before, to 秘书二室 (L13@c11563);
 * - 常务会议: the topics and materials go to the attendees 1–2 days before (seed 004 L75), so they must be in by
 *   then (the executive-materials lead of notice.rules.ts);
 * - 室务会: the time and topics are notified 1 day before (seed 003 L13@c3150), so the topic is fixed by then.
 */
export function topicSubmissionLeadTime(
  typeCode: string,
  settings: TopicSettings = DEFAULT_TOPIC_SETTINGS,
  notice: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
): Duration | null {
  switch (meetingType(typeCode).code) {
    case 'standing-committee':
      return settings.standingCommitteeSubmission;
    case 'executive-meeting':
      return notice.executiveMaterials;
    case 'office-affairs-meeting':
      return notice.officeAffairs;
    default:
      return null;
  }
}

/** What a topic's submission still lacks (BAD_USER_INPUT in {@link assertTopicSubmission}). */
export function missingTopicMaterials(topic: Topic): string[] {
  const missing: string[] = [];
  if (!topic.materialsAttached) missing.push('materials');
  if (topic.meetingTypeCode === 'standing-committee') {
    if (!topic.materialsSignedByLeader) missing.push('materialsSignedByLeader');
    if (!topic.attendeeListAttached) missing.push('attendeeList');
  }
  return missing;
}

/**
 * A topic is submitted with its materials by the deadline: BAD_USER_INPUT when materials are missing,
 * DEADLINE_RULE when late (an ad-hoc topic is judged by {@link assertAdHocTopicAllowed} instead of the
 * deadline).
 */
export function assertTopicSubmission(
  topic: Topic,
  meetingStartsAt: Date,
  calendar: WorkingCalendar,
  settings: TopicSettings = DEFAULT_TOPIC_SETTINGS,
  notice: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): LeadTimeCheck | null {
  const missing = missingTopicMaterials(topic);
  if (missing.length > 0) throw GovError.badInput(`the topic is submitted without ${missing.join(', ')}`, { missing });
  if (!topic.submittedAt) throw GovError.badInput('the topic has no submission time', { field: 'submittedAt' });
  const lead = topicSubmissionLeadTime(topic.meetingTypeCode, settings, notice);
  if (!lead || topic.origin === 'ad-hoc') return null;
  const check = checkLeadTime(calendar, topic.submittedAt, beijingDate(meetingStartsAt), lead, time);
  if (!check.held) {
    throw new GovError('DEADLINE_RULE', `the topic and its materials were due by close of business on ${check.latestDate}`, {
      required: lead,
      latestDate: check.latestDate,
      countedOn: check.countedOn,
    });
  }
  return check;
}

/**
 * Ad-hoc topics are refused unless major or urgent ("一般不临时增加议题,重大紧急议题优先安排", seed 004 L73;
 * 室务会 "对重大紧急、确有必要…的临时性议题,由区委办公室主任审定", seed 003 L13@c2562) — DEADLINE_RULE — and then
 * need their approvals — CONFLICT:
 * - 常委会: the office director agrees, then the principal leader approves (L13@c11370);
 * - 常务会议: the district mayor agrees (seed 004 L69–71);
 * - 室务会 and 主任办公会议: the office director (L13@c2562, c5291).
 */
export function assertAdHocTopicAllowed(topic: Topic): void {
  if (topic.origin !== 'ad-hoc') return;
  if (!topic.major && !topic.urgent) {
    throw new GovError('DEADLINE_RULE', 'ad-hoc topics are not added unless major or urgent (一般不临时增加议题)', { topicId: topic.id });
  }
  const a = topic.adHocApprovals;
  const missing: string[] = [];
  switch (topic.meetingTypeCode) {
    case 'standing-committee':
      if (!a.director) missing.push('director');
      if (!a.principalLeader) missing.push('principalLeader');
      break;
    case 'executive-meeting':
      if (!a.districtMayor) missing.push('districtMayor');
      break;
    case 'office-affairs-meeting':
    case 'director-office-meeting':
      if (!a.director) missing.push('director');
      break;
  }
  if (missing.length > 0) throw GovError.conflict(`the ad-hoc topic still needs approval by ${missing.join(', ')}`, { missing });
}

/**
 * Whether the topic needs the legality review before deliberation: it adopts a normative document or is a
 * major administrative decision (seed 002 L273–284; L291: before the 常务会 and other big meetings), and its
 * subject is not out of scope (L285–290).
 */
export function needsLegalityReview(topic: Pick<Topic, 'normativeDocument' | 'majorAdministrativeDecision' | 'exemptSubject'>): boolean {
  return (topic.normativeDocument || topic.majorAdministrativeDecision) && topic.exemptSubject === null;
}

/** The head of the legal office sits in when a topic involves legal provisions or adopts a normative document (seed 000 L114). */
export function legalOfficeSitsIn(topic: Pick<Topic, 'normativeDocument' | 'involvesLegalProvisions'>): boolean {
  return topic.normativeDocument || topic.involvesLegalProvisions;
}

export function needsIndustryOpinion(
  topic: Pick<Topic, 'industrialLand' | 'planning'>,
  settings: TopicSettings = DEFAULT_TOPIC_SETTINGS,
): boolean {
  return topic.industrialLand || (settings.industryOpinionScope === 'industrial-land-or-planning' && topic.planning);
}

export type DeliberationBlock = 'legal-review-pending' | 'legal-review-failed' | 'industry-opinion-missing';

/**
 * Why a topic may not be deliberated yet, all reasons: a topic that needs the legality review waits until
 * legal-review passed it, and a failed review blocks it; an industrial-land (or planning) topic waits for the
 * industry commission's opinion (seed 004 L119). Empty: it may be deliberated.
 */
export function deliberationBlocks(topic: Topic, settings: TopicSettings = DEFAULT_TOPIC_SETTINGS): DeliberationBlock[] {
  const blocks: DeliberationBlock[] = [];
  if (needsLegalityReview(topic) && topic.legalReview !== 'passed') {
    blocks.push(topic.legalReview === 'failed' ? 'legal-review-failed' : 'legal-review-pending');
  }
  if (needsIndustryOpinion(topic, settings) && !topic.industryCommissionOpinion) blocks.push('industry-opinion-missing');
  return blocks;
}

/** CONFLICT with every block in `details.blocks` (the use case emits the topic-blocked event from them). */
export function assertMayDeliberate(topic: Topic, settings: TopicSettings = DEFAULT_TOPIC_SETTINGS): void {
  const blocks = deliberationBlocks(topic, settings);
  if (blocks.length > 0) throw GovError.conflict(`the topic may not be deliberated yet: ${blocks.join(', ')}`, { blocks });
}

/** The review state after legal-review's outcome event. Only a pending review takes an outcome. */
export function applyLegalReviewOutcome(state: LegalReviewState, outcome: 'passed' | 'failed'): LegalReviewState {
  if (state !== 'pending') throw GovError.conflict(`a legal-review outcome arrived for a topic whose review is ${state}`, { state });
  return outcome;
}

/**
 * Topic order on the agenda: major or urgent topics first ("重大紧急议题优先安排", seed 004 L73; "紧急优先", seed 003
 * L13@c2562), then by submission time. Stable; does not change the input.
 */
export function orderTopics<T extends Pick<Topic, 'major' | 'urgent' | 'submittedAt'>>(topics: readonly T[]): T[] {
  const rank = (t: T) => (t.major || t.urgent ? 0 : 1);
  const at = (t: T) => t.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return topics
    .map((t, i) => ({ t, i }))
    .sort((x, y) => rank(x.t) - rank(y.t) || at(x.t) - at(y.t) || x.i - y.i)
    .map((x) => x.t);
}
