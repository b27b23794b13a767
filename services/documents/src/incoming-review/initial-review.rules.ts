import { applyTransition } from '@gov/auth';
import type { Actor, Role } from '@gov/auth';
import { addCalendarDays, assertIsoDate, toIsoDate, type IsoDate } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { assertMaySignNext, checkSignSequence, orderByRank, type RankedLeader } from './leader-order.js';
import type { ConflictPolicy, IncomingReviewSettings } from './incoming-review.settings.js';
import { INCOMING_RETURN_GROUNDS, assertReturnGrounds, type GivenGround, type IncomingReturnGround } from './return-grounds.js';

/**
 * Rules of incoming requests, reports and letters (请示/报告/函) after registration: 初审 → 退文 | 受理 → 拟办 →
 * 送审 → 呈批 → 批示 → 承办 / 传阅 → 催办 → 办结 → 办复 → 归档. Pure functions: no Nest, no database, no clock.
 *
 * Sources: seed000-a W9 (seed 000 L144–180, hand-offs L258–300), seed001 A1 (seed 001 L1038–1050), seed003 W4
 * (seed 003 L13@c8437–8900), seed004 W1 (seed 004 L14–26), 党政机关公文处理工作条例 art. 24 (national-rules 2.1).
 *
 * Order of 登记 and 初审. seed 000 L148–166 checks before registering; seed 003 L13@c8475–8500 and art. 24
 * register first (签收, 登记, 初审). The existing registration (incoming/incoming.rules.ts) registers at
 * sign-for, so this table starts from `registered`: every item, even one returned, is on the register.
 */

/** States after the existing `registered` (incoming/incoming.rules.ts INCOMING_TRANSITIONS). */
export type IncomingReviewState =
  | 'registered'
  | 'return-proposed'
  | 'return-endorsed'
  | 'returned'
  | 'accepted'
  | 'proposed'
  | 'awaiting-section-opinion'
  | 'chief-review'
  | 'deputy-review'
  | 'director-review'
  | 'with-leaders'
  | 'instructed'
  | 'in-handling'
  | 'circulating'
  | 'completed'
  | 'replied'
  | 'archived';

export type IncomingReviewAction =
  | 'propose-return'
  | 'endorse-return'
  | 'approve-return'
  | 'reject-return'
  | 'accept'
  | 'propose-handling'
  | 'route-for-opinion'
  | 'record-section-opinion'
  | 'submit-for-review'
  | 'approve-proposal'
  | 'send-back'
  | 'refer-to-director'
  | 'submit-to-leaders'
  | 'transfer'
  | 'sign-instruction'
  | 'close-instructions'
  | 'resolve-instructions'
  | 'assign'
  | 'circulate'
  | 'pass-on'
  | 'finish-circulation'
  | 'chase'
  | 'complete'
  | 'reply'
  | 'archive';

export interface IncomingReviewTransition {
  from: IncomingReviewState;
  action: IncomingReviewAction;
  roles: readonly Role[];
  to: IncomingReviewState;
  /** Seed citation of the step. */
  source: string;
}

const CLERKS: readonly Role[] = ['clerk', 'confidential-clerk'];

/**
 * The table the next engineer merges into INCOMING_TRANSITIONS (its first state, `registered`, is that
 * table's last). A missing row is CONFLICT; a role not in the row is FORBIDDEN.
 */
export const INCOMING_REVIEW_TRANSITIONS: readonly IncomingReviewTransition[] = [
  // 初审 → 退文: 承办人提出拟退文意见 → 科室负责人 → 办公室分管主任审核后退来文单位
  { from: 'registered', action: 'propose-return', roles: CLERKS, to: 'return-proposed', source: 'seed 000 L150' },
  { from: 'return-proposed', action: 'endorse-return', roles: ['section-chief'], to: 'return-endorsed', source: 'seed 000 L150' },
  { from: 'return-endorsed', action: 'approve-return', roles: ['deputy-director'], to: 'returned', source: 'seed 000 L150' },
  { from: 'return-proposed', action: 'reject-return', roles: ['section-chief'], to: 'registered', source: 'seed 000 L150' },
  { from: 'return-endorsed', action: 'reject-return', roles: ['deputy-director'], to: 'registered', source: 'seed 000 L150' },
  // 初审合格方可受理
  { from: 'registered', action: 'accept', roles: CLERKS, to: 'accepted', source: 'seed 000 L150; seed 003 L13@c8500' },
  // 拟办: 承办人提出拟办核稿意见, 文件处理表
  { from: 'accepted', action: 'propose-handling', roles: CLERKS, to: 'proposed', source: 'seed 000 L166–168' },
  // legal / foreign-affairs matters: 经办人拟办 → 办公室分管领导审核 → 法制办 / 外事科 opinion
  { from: 'proposed', action: 'route-for-opinion', roles: ['deputy-director'], to: 'awaiting-section-opinion', source: 'seed 000 L170, L296, L300' },
  {
    from: 'awaiting-section-opinion',
    action: 'record-section-opinion',
    roles: ['legal-officer', 'foreign-affairs-officer'],
    to: 'proposed',
    source: 'seed 000 L296, L300',
  },
  // 送审: 承办人—科长—办领导
  { from: 'proposed', action: 'submit-for-review', roles: CLERKS, to: 'chief-review', source: 'seed 000 L172' },
  { from: 'chief-review', action: 'approve-proposal', roles: ['section-chief'], to: 'deputy-review', source: 'seed 000 L172' },
  { from: 'chief-review', action: 'send-back', roles: ['section-chief'], to: 'accepted', source: 'seed 000 L172' },
  { from: 'deputy-review', action: 'send-back', roles: ['deputy-director'], to: 'accepted', source: 'seed 000 L172' },
  { from: 'deputy-review', action: 'refer-to-director', roles: ['deputy-director'], to: 'director-review', source: 'seed 004 L18; seed 000 L100' },
  { from: 'director-review', action: 'send-back', roles: ['director'], to: 'accepted', source: 'seed 004 L18' },
  // 呈批 or 转办 per the office leader's opinion
  { from: 'deputy-review', action: 'submit-to-leaders', roles: ['deputy-director'], to: 'with-leaders', source: 'seed 000 L174; seed 004 L18–20' },
  { from: 'director-review', action: 'submit-to-leaders', roles: ['director'], to: 'with-leaders', source: 'seed 004 L18–20' },
  { from: 'deputy-review', action: 'transfer', roles: ['deputy-director'], to: 'in-handling', source: 'seed 000 L174 (转办)' },
  { from: 'director-review', action: 'transfer', roles: ['director'], to: 'in-handling', source: 'seed 000 L174 (转办)' },
  // 批示: several leaders in ascending rank, each instruction verbatim
  { from: 'with-leaders', action: 'sign-instruction', roles: ['district-leader'], to: 'with-leaders', source: 'seed 000 L174; seed 004 L20' },
  { from: 'with-leaders', action: 'close-instructions', roles: CLERKS, to: 'instructed', source: 'seed 000 L178 (交收文人登记)' },
  // Disagreeing instructions on an ordinary item: the office leader in charge decides which one is followed
  // (settings.conflictingInstructions.ordinary = refer-to-office-leader, D4; seed 000 L1036 知会办分管领导).
  { from: 'with-leaders', action: 'resolve-instructions', roles: ['deputy-director', 'director'], to: 'with-leaders', source: 'D4; seed 000 L1036' },
  // 承办 (主办 + 协办) or 传阅
  { from: 'instructed', action: 'assign', roles: [...CLERKS, 'section-chief'], to: 'in-handling', source: 'seed 003 L13@c8631; seed 004 L22' },
  { from: 'instructed', action: 'circulate', roles: CLERKS, to: 'circulating', source: 'seed 003 L13@c8753' },
  { from: 'circulating', action: 'pass-on', roles: CLERKS, to: 'circulating', source: 'seed 003 L13@c8794 (随时掌握公文去向)' },
  { from: 'circulating', action: 'finish-circulation', roles: CLERKS, to: 'completed', source: 'seed 000 L102' },
  // 催办, 办结
  { from: 'in-handling', action: 'chase', roles: [...CLERKS, 'section-chief', 'supervisor'], to: 'in-handling', source: 'seed 000 L176; seed 003 L13@c8814' },
  { from: 'in-handling', action: 'complete', roles: CLERKS, to: 'completed', source: 'seed 000 L178; seed 001 L1046' },
  // 办复 (答复来文单位), 归档
  { from: 'completed', action: 'reply', roles: CLERKS, to: 'replied', source: 'seed 003 L13@c8866; seed 001 L1046' },
  { from: 'replied', action: 'archive', roles: [...CLERKS, 'archivist'], to: 'archived', source: 'seed 000 L180; seed 004 L26' },
  { from: 'completed', action: 'archive', roles: [...CLERKS, 'archivist'], to: 'archived', source: 'seed 000 L102 (阅件); see assertMayArchive' },
];

export function nextReviewState(from: IncomingReviewState, action: IncomingReviewAction, actor: Actor): IncomingReviewState {
  return applyTransition(INCOMING_REVIEW_TRANSITIONS, from, action, actor, { what: 'an item', absent: 'not yet registered' });
}

// ——— 初审 → 退文 ———

/**
 * A return proposal (拟退文意见) carries at least one typed ground from the ten (seed 000 L150–164), with a
 * written text for ⑩. The approval chain (科室负责人 → 办公室分管主任) is the table above.
 */
export function assertReturnProposal(grounds: readonly GivenGround<string>[]): asserts grounds is readonly GivenGround<IncomingReturnGround>[] {
  assertReturnGrounds(grounds, INCOMING_RETURN_GROUNDS);
}

// ——— 拟办: legal and foreign-affairs matters ———

export type OpinionSection = 'legal' | 'foreign-affairs';

/**
 * Sections whose opinion the proposal needs before review: 法制办 for legal matters (seed 000 L170, L296),
 * 外事科 for foreign affairs (L300). Both go through the deputy director (route-for-opinion).
 */
export function sectionOpinionsRequired(item: { involvesLegalMatters: boolean; involvesForeignAffairs: boolean }): OpinionSection[] {
  const out: OpinionSection[] = [];
  if (item.involvesLegalMatters) out.push('legal');
  if (item.involvesForeignAffairs) out.push('foreign-affairs');
  return out;
}

export interface SectionOpinion {
  section: OpinionSection;
  text: string;
  byRole: Role;
  at: Date;
}

const SECTION_ROLE: Record<OpinionSection, Role> = { legal: 'legal-officer', 'foreign-affairs': 'foreign-affairs-officer' };

/** Who may write a section's opinion: the legal officer for 法制办, the foreign-affairs officer for 外事科. */
export function assertMayGiveSectionOpinion(actor: Actor, section: OpinionSection): void {
  if (!actor.roles.includes(SECTION_ROLE[section])) {
    throw GovError.forbidden(`the ${section} opinion is given by ${SECTION_ROLE[section]}`, { section });
  }
}

/** Submitting for review is refused (CONFLICT) while a required section opinion is missing or empty. */
export function assertSectionOpinionsIn(required: readonly OpinionSection[], opinions: readonly SectionOpinion[]): void {
  const missing = required.filter((s) => !opinions.some((o) => o.section === s && o.byRole === SECTION_ROLE[s] && o.text.trim().length > 0));
  if (missing.length > 0) {
    throw GovError.conflict(`the opinion of ${missing.join(', ')} is still missing (seed 000 L170, L300)`, { missing });
  }
}

// ——— 送审: who signs off for the office ———

/**
 * The office sign-off level (seed 004 L18): an item that must go to the district head (a principal leader) is
 * signed off by the office director; others by the deputy director in charge. With
 * `directorReviewsEveryItem` every item goes to the director (seed 000 L100).
 */
export function officeSignOffLevel(item: { needsPrincipalLeader: boolean }, settings: IncomingReviewSettings): 'director' | 'deputy-director' {
  if (settings.directorReviewsEveryItem) return 'director';
  return item.needsPrincipalLeader && settings.directorSignsOffForPrincipalLeader ? 'director' : 'deputy-director';
}

/**
 * Guard on `submit-to-leaders` and `transfer` from `deputy-review`: CONFLICT when the director must sign off
 * first (the deputy then uses `refer-to-director`).
 */
export function assertOfficeSignOffLevel(
  state: 'deputy-review' | 'director-review',
  item: { needsPrincipalLeader: boolean },
  settings: IncomingReviewSettings,
): void {
  if (state === 'deputy-review' && officeSignOffLevel(item, settings) === 'director') {
    throw GovError.conflict('this item is signed off by the office director before it goes on (seed 004 L18)', { needs: 'director' });
  }
}

/** Urgent items submitted to leaders are followed by a named person (seed 000 L174, L228: 急件专人跟踪). */
export function assertUrgentTracker(item: { urgency: 'normal' | 'urgent' | 'very-urgent'; trackerId?: string | null }, settings: IncomingReviewSettings): void {
  if (settings.trackerForUrgentSubmissions && item.urgency !== 'normal' && !item.trackerId?.trim()) {
    throw GovError.badInput('an urgent item submitted to leaders needs a designated tracker (急件专人跟踪)', { field: 'trackerId' });
  }
}

// ——— 呈批: several leaders in rank order ———

/** The leaders in the order they sign (seed 000 L174: 由小到大, junior first). */
export function leaderSigningOrder<T extends RankedLeader>(leaders: readonly T[], settings: IncomingReviewSettings): T[] {
  if (leaders.length === 0) throw GovError.badInput('an item submitted for instruction names at least one leader', { field: 'leaders' });
  return orderByRank(leaders, settings.coSigningOrder);
}

/** Guard on `sign-instruction`: the leader is planned, has not signed, and it is their turn. */
export function assertMaySignInstruction(planned: readonly RankedLeader[], signedIds: readonly string[], actor: Actor, settings: IncomingReviewSettings): void {
  assertMaySignNext(planned, signedIds, actor.id, settings.coSigningOrder);
}

/** A leader's instruction (批示), kept exactly as written. */
export interface LeaderInstruction {
  leaderId: string;
  leaderName: string;
  rank: number | null;
  /** Verbatim: never trimmed, reflowed or normalised. */
  text: string;
  signedAt: Date;
  /** The instruction's stance, as the clerk reads it, for conflict detection. */
  stance: 'agree' | 'disagree' | 'other';
  /** Units the instruction sends the item to, if any. */
  sendsTo: string[];
}

/** Longest instruction text accepted, in characters. */
export const INSTRUCTION_TEXT_MAX = 5000;

/**
 * Records an instruction verbatim (issue 3: "leader instructions recorded verbatim"; seed 000 L174 keeps the
 * original before transfer). Only blank text or an over-long text is refused; nothing else is changed.
 */
export function recordInstruction(input: LeaderInstruction): LeaderInstruction {
  if (input.text.trim().length === 0) throw GovError.badInput('an instruction needs its text', { field: 'text' });
  if (input.text.length > INSTRUCTION_TEXT_MAX) {
    throw GovError.badInput(`an instruction longer than ${INSTRUCTION_TEXT_MAX} characters`, { field: 'text' });
  }
  return { ...input, sendsTo: [...input.sendsTo] };
}

/**
 * Guard on `close-instructions`: every planned leader signed, once, in order, with times that never go back
 * (seed 000 L174). CONFLICT lists the problems.
 */
export function assertInstructionsComplete(
  planned: readonly RankedLeader[],
  instructions: readonly LeaderInstruction[],
  settings: IncomingReviewSettings,
): void {
  const result = checkSignSequence(
    planned,
    instructions.map((i) => ({ leaderId: i.leaderId, signedAt: i.signedAt })),
    settings.coSigningOrder,
  );
  if (!result.complete) throw GovError.conflict('the leaders have not all signed in order', { problems: result.problems });
}

/** True when two or more instructions disagree: opposite stances, or different units to send the item to. */
export function instructionsConflict(instructions: readonly LeaderInstruction[]): boolean {
  const stances = new Set(instructions.map((i) => i.stance).filter((s) => s !== 'other'));
  if (stances.size > 1) return true;
  const targets = instructions.filter((i) => i.sendsTo.length > 0).map((i) => [...i.sendsTo].sort().join('|'));
  return new Set(targets).size > 1;
}

export type ConflictOutcome =
  | { outcome: 'no-conflict' }
  | { outcome: 'return-to-handover-person' }
  | { outcome: 'follow'; instruction: LeaderInstruction; informDeputyDirector: true }
  | { outcome: 'refer-to-office-leader' };

/**
 * What to do with the instructions under a policy (settings.conflictingInstructions). `higher-rank-prevails`
 * follows the most senior leader (rank 1 = most senior) and informs the deputy director in charge
 * (seed 000 L1036: 以职务高的领导批示意见作为办理意见,同时知会办分管领导).
 */
export function resolveInstructions(instructions: readonly LeaderInstruction[], policy: ConflictPolicy): ConflictOutcome {
  if (!instructionsConflict(instructions)) return { outcome: 'no-conflict' };
  if (policy === 'return-to-handover-person') return { outcome: 'return-to-handover-person' };
  if (policy === 'refer-to-office-leader') return { outcome: 'refer-to-office-leader' };
  const ranked = orderByRank(
    instructions.map((i) => ({ id: i.leaderId, name: i.leaderName, rank: i.rank, i })),
    'descending',
  );
  const top = ranked[0]!;
  if (ranked.length > 1 && ranked[1]!.rank === top.rank) {
    // Two equally senior leaders disagree: no instruction outranks the other.
    return { outcome: 'refer-to-office-leader' };
  }
  return { outcome: 'follow', instruction: top.i, informDeputyDirector: true };
}

/** Where a leader's instruction sends work outside the documents section (events the next engineer publishes). */
export type InstructionRoute =
  | 'supervision'
  | 'meetings'
  | 'petitions'
  | 'drafting-party'
  | 'drafting-government'
  | 'documents-parallel'
  | 'meetings-lists';

/**
 * Routing from the instruction (seed 000 L258–290): tracking → 督查室 (L280); a coordination meeting or review by
 * 常务会/常委会 → 秘书科 (L274); a petition matter → 信访局 (L290); material for higher levels drafted by the office →
 * 综合一科 (Party) / 综合二科 (government), parallel documents stay in 办文科 (L266); leading-group member or liaison
 * lists → 秘书科 (L272). Also seed 004 L24 (印转督查室督办) and seed 002 L388 (principal leader's instruction with
 * a supervision requirement is copied to 督查室).
 */
export function instructionRoutes(flags: {
  needsTracking: boolean;
  needsMeeting: boolean;
  isPetitionMatter: boolean;
  draftingFor: 'party' | 'government' | 'parallel' | null;
  needsLeadingGroupList: boolean;
}): InstructionRoute[] {
  const out: InstructionRoute[] = [];
  if (flags.needsTracking) out.push('supervision');
  if (flags.needsMeeting) out.push('meetings');
  if (flags.isPetitionMatter) out.push('petitions');
  if (flags.draftingFor === 'party') out.push('drafting-party');
  if (flags.draftingFor === 'government') out.push('drafting-government');
  if (flags.draftingFor === 'parallel') out.push('documents-parallel');
  if (flags.needsLeadingGroupList) out.push('meetings-lists');
  return out;
}

/**
 * On transfer (转办) the original instruction is kept and a copy goes with the item, except items sent to the
 * finance bureau to apply for funds, which take the original (seed 000 L174: 需转财政局申拨经费件除外).
 */
export function instructionOnTransfer(transfer: { toFinanceForFunds: boolean }): 'original-goes-with-item' | 'keep-original-send-copy' {
  return transfer.toFinanceForFunds ? 'original-goes-with-item' : 'keep-original-send-copy';
}

// ——— 承办 ———

export interface Assignment {
  /** 主办: the one lead unit. */
  leadUnit: string;
  /** 协办: co-units, distinct, without the lead. */
  coUnits: string[];
  urgency: 'normal' | 'urgent' | 'very-urgent';
  important: boolean;
  /** 办理时限, a Beijing date. */
  deadline: IsoDate | null;
  /** 专人催办. */
  chaserId: string | null;
}

/**
 * 承办 (seed 003 L13@c8631–8752; art. 24 "when two or more departments handle one item, name the lead"):
 * exactly one lead unit, co-units distinct and different from the lead; urgent items carry a deadline that
 * is not before the assignment day (seed 000 L100, seed 003 L13@c8700); urgent or important items have a
 * dedicated chaser (seed 003 L13@c8846). All refusals are BAD_USER_INPUT with the field.
 */
export function assertAssignment(a: Assignment, today: IsoDate, settings: IncomingReviewSettings): void {
  if (!a.leadUnit.trim()) throw GovError.badInput('an assignment names one lead unit (主办)', { field: 'leadUnit' });
  const co = a.coUnits.map((u) => u.trim());
  if (co.some((u) => u.length === 0)) throw GovError.badInput('a co-unit (协办) has no name', { field: 'coUnits' });
  if (new Set(co).size !== co.length) throw GovError.badInput('a co-unit (协办) is named twice', { field: 'coUnits' });
  if (co.includes(a.leadUnit.trim())) throw GovError.badInput('the lead unit cannot also be a co-unit', { field: 'coUnits' });
  if (settings.deadlineRequiredFor.includes(a.urgency) && !a.deadline) {
    throw GovError.badInput('an urgent item needs a handling deadline (紧急公文应当明确办理时限)', { field: 'deadline' });
  }
  if (a.deadline) {
    assertIsoDate(a.deadline, 'deadline');
    if (a.deadline < today) throw GovError.badInput('the deadline lies before the assignment day', { field: 'deadline' });
  }
  if (settings.dedicatedChaserForUrgentOrImportant && (a.urgency !== 'normal' || a.important) && !a.chaserId?.trim()) {
    throw GovError.badInput('an urgent or important item needs a dedicated chaser (专人催办)', { field: 'chaserId' });
  }
}

// ——— formal documents from non-superior sources (seed 002 L384–388) ———

/**
 * Guard on `propose-handling` for formal documents not from the three higher levels (非上三级来文): received in
 * the setting's number of copies (default 3: registry archive, secretary archive, circulation) with the
 * 送批件 cover sheet attached before the liaison cadre writes the proposal (seed 002 L385, L387; SCENARIOS
 * seed002 #18). BAD_USER_INPUT for too few copies, CONFLICT without the cover sheet.
 */
export function assertNonSuperiorIntake(item: { copies: number; coverSheetAttached: boolean }, settings: IncomingReviewSettings): void {
  if (!Number.isInteger(item.copies) || item.copies < settings.nonSuperiorIncomingCopies) {
    throw GovError.badInput(`a formal document from a non-superior source is received in ${settings.nonSuperiorIncomingCopies} copies (一式3份)`, {
      field: 'copies',
    });
  }
  if (!item.coverSheetAttached) throw GovError.conflict('attach the 送批件 cover sheet before the proposed handling');
}

/**
 * The feedback form (来文(稿)办理情况反馈单) to a non-organ originator (seed 002 L388): the setting's copies
 * (default 2), numbered by the registry, approved by the liaison cadre; one copy is archived with the
 * instruction, the other goes to the originator. CONFLICT while a step is missing.
 */
export function assertFeedbackForm(form: { copies: number; number: string | null; approvedByLiaisonCadre: boolean }, settings: IncomingReviewSettings): void {
  if (form.copies !== settings.feedbackFormCopies) {
    throw GovError.badInput(`the feedback form is made in ${settings.feedbackFormCopies} copies (一式两份)`, { field: 'copies' });
  }
  if (!form.number?.trim()) throw GovError.conflict('the registry numbers the feedback form first (综合股编号)');
  if (!form.approvedByLiaisonCadre) throw GovError.conflict('the liaison cadre approves the feedback form before it goes out (联系科级干部审核)');
}

// ——— hand-overs and who has it now ———

export interface HandOver {
  fromId: string;
  toId: string;
  handedAt: Date;
  signedForBy: string | null;
  signedForAt: Date | null;
}

/**
 * Every hand-over is signed for by its receiver (seed 000 L174, L228, L254: 每个交接环节都要履行签收手续): the
 * signer is the receiver, and the signature is not before the hand-over. CONFLICT otherwise.
 */
export function assertSignedFor(h: HandOver): void {
  if (!h.signedForBy || !h.signedForAt) throw GovError.conflict('the hand-over is not signed for (签收)', { toId: h.toId });
  if (h.signedForBy !== h.toId) throw GovError.forbidden('only the receiver signs for a hand-over', { toId: h.toId });
  if (h.signedForAt.getTime() < h.handedAt.getTime()) throw GovError.badInput('signed for before it was handed over', { toId: h.toId });
}

/**
 * Who has the item now (传阅 "随时掌握公文去向", seed 003 L13@c8794): the last receiver who signed for it; a
 * hand-over not yet signed for shows as `inTransitTo`, and the item stays with its sender until then.
 */
export function currentHolder(initialHolderId: string, handOvers: readonly HandOver[]): { holderId: string; inTransitTo: string | null } {
  let holder = initialHolderId;
  let inTransitTo: string | null = null;
  for (const h of handOvers) {
    if (h.signedForBy === h.toId && h.signedForAt) {
      holder = h.toId;
      inTransitTo = null;
    } else {
      inTransitTo = h.toId;
    }
  }
  return { holderId: holder, inTransitTo };
}

// ——— 传阅 (items for reading) ———

export type ReadingRecipientKind = 'office-director' | 'office-leader' | 'unit';

const READING_ORDER: Record<ReadingRecipientKind, number> = { 'office-director': 0, 'office-leader': 1, unit: 2 };

/** 阅件 circulate 办主要领导 → 办其他领导 → 各局、办、科、室 (seed 000 L102). */
export function readingCirculationOrder<T extends { kind: ReadingRecipientKind }>(recipients: readonly T[]): T[] {
  return recipients.map((r, i) => ({ r, i })).sort((a, b) => READING_ORDER[a.r.kind] - READING_ORDER[b.r.kind] || a.i - b.i).map((x) => x.r);
}

/**
 * An item for reading goes out within the setting (default the same Beijing day it was registered): 一天一送,
 * 不得累积送阅 (seed 000 L102). DEADLINE_RULE when it went later.
 */
export function assertReadingCirculatedInTime(registeredAt: Date, firstSentAt: Date, settings: IncomingReviewSettings): void {
  const due = addCalendarDays(toIsoDate(registeredAt), settings.readingCirculationWithin.amount);
  if (toIsoDate(firstSentAt) > due) {
    throw new GovError('DEADLINE_RULE', `an item for reading must go out by ${due} (一天一送,不得累积送阅)`, { due });
  }
}

// ——— 催办 ———

export type ChaseStatus = 'no-deadline' | 'open' | 'due-today' | 'overdue';

/** Where an item stands against its deadline (seed 000 L176: 根据批办时限要求…定期催办). The day itself is on time. */
export function chaseStatus(deadline: IsoDate | null, today: IsoDate): ChaseStatus {
  if (!deadline) return 'no-deadline';
  assertIsoDate(deadline, 'deadline');
  assertIsoDate(today, 'today');
  if (today > deadline) return 'overdue';
  return today === deadline ? 'due-today' : 'open';
}

// ——— 办复 and 归档 ———

/**
 * The result is answered to the sender before filing when a reply is due (seed 003 L13@c8866: 办理结果应当及时答复
 * 来文单位; seed 001 L1046). Items for reading need none (seed 000 L102). CONFLICT otherwise.
 */
export function assertMayArchive(item: { replyRequired: boolean; repliedAt: Date | null }): void {
  if (item.replyRequired && !item.repliedAt) throw GovError.conflict('answer the sender (办复) before filing', { field: 'repliedAt' });
}

/** The day by which a concluded item is handed to the district archives (seed 000 L180: 年底). */
export function archiveTransferDue(closedAt: Date, settings: IncomingReviewSettings): IsoDate {
  const { month, day, yearsAfter } = settings.archiveTransferBy;
  const year = Number(toIsoDate(closedAt).slice(0, 4)) + yearsAfter;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  assertIsoDate(date, 'archiveTransferBy');
  return date;
}
