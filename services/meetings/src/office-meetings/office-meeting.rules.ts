import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { YuanSchema, yuan } from '../meetings/lead-time.js';

/**
 * The office affairs meeting (室务会, seed003 W1: 室务会会议议事决策规则, seed 003 L13@c804–4609) and the "三重一大"
 * rules (L13@c5987–8332): quorum, the pass threshold, opinions, the last speaker, recusal, per-candidate votes,
 * topic admission, and which matters must be decided collectively in such a meeting.
 *
 * Membership: 主任, 副主任 and the resident discipline-inspection team leader (第十三条, L13@c2201). Members are
 * passed in as ids; the rules do not guess them from roles.
 */

/** A share of a body: "半数以上" is {1, 2, inclusive}; "超过…半数" is {1, 2, exclusive}. */
export const FractionSchema = z.strictObject({
  numerator: z.number().int().min(1),
  denominator: z.number().int().min(1),
  inclusive: z.boolean(),
});
export type Fraction = z.infer<typeof FractionSchema>;

/** Whether `count` of `total` reaches the share (inclusive: ≥, exclusive: >), in integers. */
export function reaches(count: number, total: number, f: Fraction): boolean {
  const lhs = count * f.denominator;
  const rhs = f.numerator * total;
  return f.inclusive ? lhs >= rhs : lhs > rhs;
}

/** The amount thresholds of 三重一大, each with its comparison. */
export const ThresholdSchema = z.strictObject({ amount: YuanSchema, comparison: z.enum(['gte', 'gt']) });
export type Threshold = z.infer<typeof ThresholdSchema>;

/**
 * Settings.
 * - `quorum` ≥ 1/2: "应当有半数以上的室务会成员到会方能召开" (第十六条, L13@c2361); 以上 includes the number (民法典
 *   第一千二百五十九条), as SCENARIOS.md seed003 #1 assumes.
 * - `cadreQuorum` ≥ 2/3: "讨论和决定干部任免事项必须有三分之二以上的室务会成员到会" (L13@c2392).
 * - `pass` > 1/2 of the members who should attend: "赞成票超过应到会室务会成员半数为通过" (L13@c3361).
 * - `recusedCountInShouldAttend`: whether a member who steps out still counts among those who should attend
 *   (the seed is silent; counting them is the stricter). RULES.md D18.
 * - the 三重一大 thresholds, "及以上" = ≥ (第十条 L13@c2016, c2054; 第十一条 L13@c2149; repeated at L13@c6755):
 *   investment projects ¥100,000, one-time purchases ¥50,000, unbudgeted single expenditure ¥50,000.
 */
export const OfficeMeetingSettingsSchema = z.strictObject({
  quorum: FractionSchema.default({ numerator: 1, denominator: 2, inclusive: true }),
  cadreQuorum: FractionSchema.default({ numerator: 2, denominator: 3, inclusive: true }),
  pass: FractionSchema.default({ numerator: 1, denominator: 2, inclusive: false }),
  recusedCountInShouldAttend: z.boolean().default(true),
  investmentProject: ThresholdSchema.default({ amount: yuan(100_000), comparison: 'gte' }),
  oneTimePurchase: ThresholdSchema.default({ amount: yuan(50_000), comparison: 'gte' }),
  unbudgetedExpense: ThresholdSchema.default({ amount: yuan(50_000), comparison: 'gte' }),
});
export type OfficeMeetingSettings = z.infer<typeof OfficeMeetingSettingsSchema>;
export const DEFAULT_OFFICE_MEETING_SETTINGS: OfficeMeetingSettings = OfficeMeetingSettingsSchema.parse({});

/**
 * Kinds of item (第八条–第十二条). `cadre` is everything of 第九条 (its heading is 干部任免: reserve nominees,
 * recommendation, nomination, recruitment, appointment and removal, rotation, honours, assessment and
 * rewards, disciplinary opinions, cadre materials sent upward); `discipline` is the handling of disciplinary
 * cases, named with cadre items for recusal (第二十七条) and for materials not sent ahead (第二十二条).
 */
export type ItemKind = 'major-decision' | 'cadre' | 'discipline' | 'project' | 'funds' | 'other';

export interface OfficeMeetingItem {
  readonly id: string;
  readonly kind: ItemKind;
  /** Members who step out: the item involves them or their relatives (第二十七条), or they declared a conflict. */
  readonly conflictedMemberIds: readonly string[];
  /** A "三重一大" item: each member states the reasons for the opinion (L13@c7303). */
  readonly tripleOneMajor: boolean;
  /** 紧急情况 (第二十五条: the majority view is executed even when opinions diverge). */
  readonly emergency: boolean;
  /** The chair finds the opinions widely divergent (意见分歧较大). */
  readonly largeDivergence: boolean;
}

export interface Body {
  /** All members of the 室务会. */
  readonly memberIds: readonly string[];
  /** Members at the meeting. */
  readonly presentIds: readonly string[];
}

function validateBody(body: Body): void {
  const members = new Set(body.memberIds);
  if (members.size !== body.memberIds.length) throw GovError.badInput('members repeat', { field: 'memberIds' });
  const strangers = body.presentIds.filter((p) => !members.has(p));
  if (strangers.length > 0) throw GovError.badInput(`not members: ${strangers.join(', ')}`, { strangers });
}

/**
 * The quorum for an item: members present and not stepping out, against all members; cadre items need two
 * thirds. A member who steps out is not counted present for that item (stricter).
 */
export function quorumCheck(
  body: Body,
  item: Pick<OfficeMeetingItem, 'kind' | 'conflictedMemberIds'>,
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): { present: number; members: number; required: Fraction; met: boolean } {
  validateBody(body);
  const out = new Set(item.conflictedMemberIds);
  const present = new Set(body.presentIds.filter((p) => !out.has(p))).size;
  const required = item.kind === 'cadre' ? settings.cadreQuorum : settings.quorum;
  return { present, members: body.memberIds.length, required, met: reaches(present, body.memberIds.length, required) };
}

/** CONFLICT when the meeting may not open or decide the item (SCENARIOS.md seed003 #1). */
export function assertQuorum(
  body: Body,
  item: Pick<OfficeMeetingItem, 'kind' | 'conflictedMemberIds'>,
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): void {
  const q = quorumCheck(body, item, settings);
  if (!q.met) {
    throw GovError.conflict(
      `${q.present} of ${q.members} members present: ${item.kind === 'cadre' ? 'two thirds' : 'half'} must be present`,
      { present: q.present, members: q.members },
    );
  }
}

/** 同意 / 不同意 / 缓议 (第二十五条). */
export type Opinion = 'agree' | 'disagree' | 'defer';

export interface Ballot {
  readonly memberId: string;
  readonly opinion: Opinion;
  readonly reason?: string;
}

export interface Tally {
  readonly agree: number;
  readonly disagree: number;
  readonly defer: number;
  /** Those who should attend (the pass base). */
  readonly shouldAttend: number;
  /** Opinions of absent members: recorded, "不计入票数". */
  readonly notCounted: readonly Ballot[];
  readonly outcome: 'passed' | 'not-passed' | 'deferred';
}

/**
 * Tallies one item (第二十四条–第二十七条; 三重一大 L13@c7303):
 * - a member who must step out may not give an opinion: FORBIDDEN;
 * - an absent member's (written) opinion is recorded, not counted;
 * - every present member who does not step out states an opinion ("逐一明确发表"): CONFLICT otherwise;
 *   an opinion given twice is BAD_USER_INPUT; a 三重一大 opinion without its reason is BAD_USER_INPUT;
 * - passed when the agree votes exceed half of all members who should attend;
 * - widely divergent opinions defer the decision, except in an emergency.
 */
export function tallyItem(
  body: Body,
  item: OfficeMeetingItem,
  ballots: readonly Ballot[],
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): Tally {
  validateBody(body);
  const out = new Set(item.conflictedMemberIds);
  const present = new Set(body.presentIds);
  const members = new Set(body.memberIds);
  const seen = new Set<string>();
  const counted: Ballot[] = [];
  const notCounted: Ballot[] = [];
  for (const b of ballots) {
    if (!members.has(b.memberId)) throw GovError.badInput(`${b.memberId} is not a member`, { memberId: b.memberId });
    if (seen.has(b.memberId)) throw GovError.badInput(`${b.memberId} gave an opinion twice`, { memberId: b.memberId });
    seen.add(b.memberId);
    if (out.has(b.memberId)) throw GovError.forbidden(`${b.memberId} must step out of this item (回避)`, { memberId: b.memberId });
    if (item.tripleOneMajor && !(b.reason ?? '').trim()) {
      throw GovError.badInput(`${b.memberId} must state the reason for the opinion (三重一大)`, { memberId: b.memberId });
    }
    (present.has(b.memberId) ? counted : notCounted).push(b);
  }
  const silent = [...present].filter((p) => !out.has(p) && !seen.has(p));
  if (silent.length > 0) throw GovError.conflict(`members present have not stated an opinion: ${silent.join(', ')}`, { silent });

  const shouldAttend = settings.recusedCountInShouldAttend ? members.size : [...members].filter((m) => !out.has(m)).length;
  const count = (o: Opinion) => counted.filter((b) => b.opinion === o).length;
  const agree = count('agree');
  let outcome: Tally['outcome'] = reaches(agree, shouldAttend, settings.pass) ? 'passed' : 'not-passed';
  if (item.largeDivergence && !item.emergency) outcome = 'deferred';
  return { agree, disagree: count('disagree'), defer: count('defer'), shouldAttend, notCounted, outcome };
}

export interface CandidateBallot extends Ballot {
  /** The one candidate the opinion is on; a ballot on several candidates at once is refused. */
  readonly candidateIds: readonly string[];
}

/**
 * Cadre recommendations, nominations, appointments and rewards/penalties are voted one candidate at a time
 * ("应当逐个表决", 第二十五条): each candidate gets its own tally. A ballot naming several candidates (a block
 * vote), or none, is BAD_USER_INPUT; a candidate without ballots is CONFLICT.
 */
export function tallyCandidates(
  body: Body,
  item: OfficeMeetingItem,
  candidateIds: readonly string[],
  ballots: readonly CandidateBallot[],
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): Map<string, Tally> {
  for (const b of ballots) {
    if (b.candidateIds.length !== 1) {
      throw GovError.badInput('cadre candidates are voted one by one (逐个表决): one candidate per ballot', { memberId: b.memberId });
    }
    if (!candidateIds.includes(b.candidateIds[0]!)) throw GovError.badInput(`unknown candidate ${b.candidateIds[0]}`);
  }
  const result = new Map<string, Tally>();
  for (const c of candidateIds) {
    const mine = ballots.filter((b) => b.candidateIds[0] === c).map(({ memberId, opinion, reason }) => ({ memberId, opinion, ...(reason ? { reason } : {}) }));
    if (mine.length === 0) throw GovError.conflict(`no opinions on candidate ${c}`, { candidateId: c });
    result.set(c, tallyItem(body, item, mine, settings));
  }
  return result;
}

/**
 * 末位表态制 (第二十四条; 三重一大 L13@c7303): the chair (the director, or the member the director delegated
 * to chair) speaks after every other present member who does not step out. CONFLICT otherwise.
 */
export function assertSpeakingOrder(
  body: Body,
  item: Pick<OfficeMeetingItem, 'conflictedMemberIds'>,
  chairId: string,
  order: readonly string[],
): void {
  validateBody(body);
  const out = new Set(item.conflictedMemberIds);
  if (order.length === 0 || order[order.length - 1] !== chairId) {
    throw GovError.conflict('the chair speaks last (末位表态)', { chairId });
  }
  const spoke = new Set(order.slice(0, -1));
  const missing = body.presentIds.filter((p) => p !== chairId && !out.has(p) && !spoke.has(p));
  if (missing.length > 0) throw GovError.conflict(`the chair speaks after all others; not yet heard: ${missing.join(', ')}`, { missing });
  if (order.slice(0, -1).includes(chairId)) throw GovError.conflict('the chair speaks once, last', { chairId });
}

/** 第二十七条: a cadre or disciplinary item involving a member or a relative. Any declared conflict also counts. */
export function mustStepOut(item: Pick<OfficeMeetingItem, 'conflictedMemberIds'>, memberId: string): boolean {
  return item.conflictedMemberIds.includes(memberId);
}

/** Materials go out before the meeting except for cadre and disciplinary items (第二十二条, L13@c3030). */
export function materialsSentInAdvance(kind: ItemKind): boolean {
  return kind !== 'cadre' && kind !== 'discipline';
}

/** Members absent without the director's prior approval of their leave (第十七条, L13@c2407). */
export function unexcusedAbsences(body: Body, approvedLeaveIds: readonly string[]): string[] {
  validateBody(body);
  const present = new Set(body.presentIds);
  const leave = new Set(approvedLeaveIds);
  return body.memberIds.filter((m) => !present.has(m) && !leave.has(m));
}

/** What the 室务会 needs to know before admitting a topic (第二十条–第二十二条). */
export interface OfficeTopic {
  readonly normativeOrMajorDecision: boolean;
  /** 综合室 前置审核 done (L13@c2683). */
  readonly preReviewDone: boolean;
  /** Consultation, research or risk assessment was needed and not done (L13@c2683). */
  readonly requiredStudySkipped: boolean;
  readonly crossUnit: boolean;
  readonly unitsAgreed: boolean;
  readonly urgent: boolean;
  /** 倾向性意见 and the other units' opinions attached (L13@c2839). */
  readonly preferredOptionAndOthersAttached: boolean;
  /** The report was first reviewed by the member in charge (经分管领导先行审核, L13@c3030). */
  readonly reviewedByMemberInCharge: boolean;
}

export type TopicRefusal = 'no-pre-review' | 'study-skipped' | 'units-not-agreed' | 'urgent-without-opinions' | 'not-reviewed-by-member-in-charge';

/** Why a topic is not placed on the agenda ("一般不予审议"), all reasons; empty: admitted (SCENARIOS.md seed003 #5). */
export function officeTopicRefusals(t: OfficeTopic): TopicRefusal[] {
  const r: TopicRefusal[] = [];
  if (t.normativeOrMajorDecision && !t.preReviewDone) r.push('no-pre-review');
  if (t.requiredStudySkipped) r.push('study-skipped');
  if (t.crossUnit && !t.unitsAgreed) {
    // urgent: accepted with the submitter's preferred option and the other units' opinions (L13@c2839)
    if (!t.urgent) r.push('units-not-agreed');
    else if (!t.preferredOptionAndOthersAttached) r.push('urgent-without-opinions');
  }
  if (!t.reviewedByMemberInCharge) r.push('not-reviewed-by-member-in-charge');
  return r;
}

export function assertOfficeTopicAdmitted(t: OfficeTopic): void {
  const reasons = officeTopicRefusals(t);
  if (reasons.length > 0) throw GovError.conflict(`the topic is not placed on the agenda: ${reasons.join(', ')}`, { reasons });
}

/** A matter and whether it belongs to 三重一大 (二、事项范围, L13@c6449; 第八条–第十一条). */
export type Matter =
  | { readonly kind: 'major-decision' }
  | { readonly kind: 'cadre' }
  | { readonly kind: 'investment-project'; readonly amount: number }
  | { readonly kind: 'one-time-purchase'; readonly amount: number }
  | { readonly kind: 'unbudgeted-expense'; readonly amount: number }
  | { readonly kind: 'collective-assets' }
  | { readonly kind: 'budget-arrangement' }
  | { readonly kind: 'extra-budget-arrangement' }
  | { readonly kind: 'other-large-funds' }
  | { readonly kind: 'routine' };

function over(amount: number, t: Threshold): boolean {
  if (!Number.isFinite(amount) || amount < 0) throw GovError.badInput(`an amount must be a sum in yuan >= 0, got ${amount}`);
  return t.comparison === 'gte' ? amount >= t.amount.amount : amount > t.amount.amount;
}

/**
 * Whether a matter must be decided collectively in a 室务会 (SCENARIOS.md seed003 #3): major decisions, cadre
 * matters, collective assets, budget and extra-budget arrangements and "其他大额资金使用项目" always; projects,
 * purchases and unbudgeted spending at or above their thresholds.
 */
export function requiresCollectiveDecision(
  matter: Matter,
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): boolean {
  switch (matter.kind) {
    case 'investment-project':
      return over(matter.amount, settings.investmentProject);
    case 'one-time-purchase':
      return over(matter.amount, settings.oneTimePurchase);
    case 'unbudgeted-expense':
      return over(matter.amount, settings.unbudgetedExpense);
    case 'routine':
      return false;
    default:
      return true;
  }
}

export type DecisionMethod = 'office-affairs-meeting' | 'director-office-meeting' | 'circulated-countersignature' | 'individual-consultation' | 'individual';

/**
 * A 三重一大 matter is decided in a 室务会 ("以会议形式集体讨论决定,不得以传阅会签或个别征求意见等方式代替集体决策",
 * L13@c6970; the 主任办公会议 "不得代替室务会会议作出决策", L13@c5749) except in a major emergency, when the
 * interim handling is reported to the 室务会 afterwards (L13@c7602). CONFLICT otherwise; `followUpReport`
 * says whether that report is owed (SCENARIOS.md seed003 #4).
 */
export function assertDecisionMethod(
  matter: Matter,
  method: DecisionMethod,
  emergency: boolean,
  settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS,
): { followUpReport: boolean } {
  if (!requiresCollectiveDecision(matter, settings) || method === 'office-affairs-meeting') return { followUpReport: false };
  if (emergency) return { followUpReport: true };
  throw GovError.conflict(`a 三重一大 matter is decided collectively in a 室务会, not by ${method}`, { method });
}

/** "除遇重大突发事件和紧急情况外,不得临时动议" (L13@c7258): an ad-hoc 三重一大 motion is refused (DEADLINE_RULE). */
export function assertNotAdHocMotion(matter: Matter, adHoc: boolean, emergency: boolean, settings: OfficeMeetingSettings = DEFAULT_OFFICE_MEETING_SETTINGS): void {
  if (adHoc && !emergency && requiresCollectiveDecision(matter, settings)) {
    throw new GovError('DEADLINE_RULE', 'no ad-hoc motions on 三重一大 matters (不得临时动议) except in emergencies');
  }
}
