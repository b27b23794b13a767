import { applyTransition } from '@gov/auth';
import type { Actor, Role } from '@gov/auth';
import { GovError, documents, type Classification } from '@gov/contracts';
import { classifyOpinion, parseFullDate, type IssuingName } from './signer.rules.js';
import type { LegalTopic, OutgoingSettings } from './outgoing.settings.js';
import type { SealKind } from '../seals/seal-use.rules.js';

/**
 * Rules of outgoing documents (发文): 拟稿 → 初核/登记 → 拟办 (文种, 行文规格, 会稿, 法制审核) → 核稿 → 副主任审核 →
 * 签发 (signer.rules.ts) → 复核 → 编号 → 校对 → 印制 (份号) → 用印 → 分发 → 归档. Pure functions.
 *
 * Sources: seed000-a W10 (seed 000 L182–240), seed001 A3 (seed 001 L167–169, L1004, L1020–1032), seed002 W19
 * (seed 002 L302–383), seed003 W5 (seed 003 L13@c8901–9281, flow chart c10032–10221), seed004 W3 (seed 004
 * L42–52), 条例 art. 22 and 25, GB/T 9704 (national-rules 2.1–2.2).
 */

export type OutgoingState =
  | 'submitted'
  | 'return-proposed'
  | 'return-endorsed'
  | 'returned'
  | 'registered'
  | 'proposed'
  | 'joint-review'
  | 'legal-review'
  | 'chief-check'
  | 'revising'
  | 'deputy-review'
  | 'signing'
  | 'rechecking'
  | 'awaiting-resign'
  | 'rechecked'
  | 'numbered'
  | 'proofread'
  | 'printed'
  | 'sealed'
  | 'distributed'
  | 'archived'
  | 'withdrawn';

export type OutgoingAction =
  | 'submit-draft'
  | 'propose-return'
  | 'endorse-return'
  | 'approve-return'
  | 'reject-return'
  | 'register'
  | 'propose-handling'
  | 'request-joint-review'
  | 'record-joint-opinion'
  | 'close-joint-review'
  | 'request-legal-review'
  | 'record-legal-opinion'
  | 'submit-for-check'
  | 'return-for-revision'
  | 'resubmit'
  | 'pass-check'
  | 'submit-for-signature'
  | 'sign'
  | 'decline'
  | 'close-signing'
  | 'recheck-pass'
  | 'recheck-fail'
  | 'substantive-change'
  | 're-sign'
  | 'assign-number'
  | 'proofread'
  | 'print'
  | 'apply-seal'
  | 'distribute'
  | 'archive'
  | 'withdraw';

export interface OutgoingTransition {
  from: OutgoingState | null;
  action: OutgoingAction;
  roles: readonly Role[];
  to: OutgoingState;
  source: string;
}

const SIGNERS: readonly Role[] = ['district-leader', 'director', 'deputy-director'];

export const OUTGOING_TRANSITIONS: readonly OutgoingTransition[] = [
  // 拟稿: drafts come from departments (代拟稿) or the office's sections; 机要部门 forwards some (seed 000 L184–186)
  {
    from: null,
    action: 'submit-draft',
    roles: ['unit-liaison', 'clerk', 'section-chief', 'confidential-clerk'],
    to: 'submitted',
    source: 'seed 000 L184–186; seed 004 L44',
  },
  // 初核 → 退文 through 承办人 → 科室负责人 → 办公室分管主任 (seed 000 L188)
  { from: 'submitted', action: 'propose-return', roles: ['clerk'], to: 'return-proposed', source: 'seed 000 L188' },
  { from: 'return-proposed', action: 'endorse-return', roles: ['section-chief'], to: 'return-endorsed', source: 'seed 000 L188' },
  { from: 'return-endorsed', action: 'approve-return', roles: ['deputy-director'], to: 'returned', source: 'seed 000 L188' },
  { from: 'return-proposed', action: 'reject-return', roles: ['section-chief'], to: 'submitted', source: 'seed 000 L188' },
  { from: 'return-endorsed', action: 'reject-return', roles: ['deputy-director'], to: 'submitted', source: 'seed 000 L188' },
  // 登记 (办文系统, 办文回执, 办文流程单)
  { from: 'submitted', action: 'register', roles: ['clerk'], to: 'registered', source: 'seed 000 L202' },
  // 拟办: 文种, 行文规格 (seed 000 L204–206)
  { from: 'registered', action: 'propose-handling', roles: ['clerk'], to: 'proposed', source: 'seed 000 L204–206' },
  // 会稿 (seed 000 L208; seed 002 L305 相关单位会签)
  { from: 'proposed', action: 'request-joint-review', roles: ['clerk'], to: 'joint-review', source: 'seed 000 L208' },
  { from: 'joint-review', action: 'record-joint-opinion', roles: ['clerk', 'unit-liaison'], to: 'joint-review', source: 'seed 002 L381' },
  { from: 'joint-review', action: 'close-joint-review', roles: ['clerk'], to: 'proposed', source: 'seed 000 L208' },
  // 法制审核 via the office leader in charge (seed 000 L210; seed 004 L44; seed 002 L307)
  { from: 'proposed', action: 'request-legal-review', roles: ['deputy-director'], to: 'legal-review', source: 'seed 000 L210' },
  { from: 'legal-review', action: 'record-legal-opinion', roles: ['legal-officer'], to: 'proposed', source: 'seed 004 L44 (书面意见); seed 000 L296' },
  // 核稿 by the section chief (seed 000 L214–224)
  { from: 'proposed', action: 'submit-for-check', roles: ['clerk'], to: 'chief-check', source: 'seed 000 L212' },
  { from: 'chief-check', action: 'return-for-revision', roles: ['section-chief'], to: 'revising', source: 'seed 000 L224' },
  { from: 'revising', action: 'resubmit', roles: ['clerk'], to: 'chief-check', source: 'seed 000 L224' },
  { from: 'chief-check', action: 'pass-check', roles: ['section-chief'], to: 'deputy-review', source: 'seed 000 L224' },
  // 办公室分管领导审核 (seed 000 L226)
  { from: 'deputy-review', action: 'return-for-revision', roles: ['deputy-director'], to: 'revising', source: 'seed 000 L226' },
  { from: 'deputy-review', action: 'submit-for-signature', roles: ['deputy-director'], to: 'signing', source: 'seed 000 L226–228' },
  // 签发 (signer.rules.ts decides who, in which order)
  { from: 'signing', action: 'sign', roles: SIGNERS, to: 'signing', source: 'seed 000 L228; seed 004 L48' },
  { from: 'signing', action: 'decline', roles: SIGNERS, to: 'revising', source: 'seed 002 L381 (不同意)' },
  { from: 'signing', action: 'close-signing', roles: ['clerk'], to: 'rechecking', source: 'seed 000 L230 (文稿送签完后)' },
  // 复核 by the section chief: 漏签/越级签发 (seed 000 L230; seed 003 L13@c8912)
  { from: 'rechecking', action: 'recheck-pass', roles: ['section-chief'], to: 'rechecked', source: 'seed 000 L230' },
  { from: 'rechecking', action: 'recheck-fail', roles: ['section-chief'], to: 'signing', source: 'seed 000 L230 (及时反馈办公室分管领导)' },
  // a substantive change after signing goes back to the original signer (seed 003 L13@c8963; art. 25)
  { from: 'rechecking', action: 'substantive-change', roles: ['section-chief', 'clerk'], to: 'awaiting-resign', source: 'seed 003 L13@c8963' },
  { from: 'rechecked', action: 'substantive-change', roles: ['section-chief', 'clerk'], to: 'awaiting-resign', source: 'seed 003 L13@c8963' },
  { from: 'numbered', action: 'substantive-change', roles: ['section-chief', 'clerk'], to: 'awaiting-resign', source: 'seed 003 L13@c8963' },
  { from: 'awaiting-resign', action: 're-sign', roles: SIGNERS, to: 'rechecking', source: 'seed 003 L13@c8963 (原签批人复审)' },
  // 编号: 代字〔年〕序号号 (seed 000 L230; seed 003 L13@c8982)
  { from: 'rechecked', action: 'assign-number', roles: ['clerk'], to: 'numbered', source: 'seed 000 L230; seed 003 L13@c8982' },
  // 校对 (seed 000 L234; seed 002 L309, L383)
  { from: 'numbered', action: 'proofread', roles: ['clerk', 'section-chief'], to: 'proofread', source: 'seed 000 L234; seed 002 L383' },
  // 印制 (seed 003 L13@c9019)
  { from: 'proofread', action: 'print', roles: ['clerk', 'confidential-clerk'], to: 'printed', source: 'seed 000 L234; seed 003 L13@c9019' },
  // 用印 (seed 000 L236): printed-on during printing, or stamped by the seal keeper
  { from: 'printed', action: 'apply-seal', roles: ['clerk'], to: 'sealed', source: 'seed 000 L236; seed 001 L219' },
  // 分发 (seed 000 L238; seed 003 L13@c9057)
  { from: 'sealed', action: 'distribute', roles: ['clerk', 'confidential-clerk', 'secrecy-officer'], to: 'distributed', source: 'seed 000 L238' },
  // 归档 (seed 000 L240; seed 004 L52)
  { from: 'distributed', action: 'archive', roles: ['clerk', 'archivist'], to: 'archived', source: 'seed 000 L240; seed 004 L52' },
  // Withdrawal of a numbered document before it goes out (issue 3 §3: voided numbers kept with reason): the
  // office leader in charge decides, as for a return (seed 000 L188); the 文号 is voided, never reused.
  { from: 'numbered', action: 'withdraw', roles: ['deputy-director', 'director'], to: 'withdrawn', source: 'issue 3 §3; seed 000 L188' },
  { from: 'proofread', action: 'withdraw', roles: ['deputy-director', 'director'], to: 'withdrawn', source: 'issue 3 §3; seed 000 L188' },
  { from: 'printed', action: 'withdraw', roles: ['deputy-director', 'director'], to: 'withdrawn', source: 'issue 3 §3; seed 000 L188' },
  { from: 'sealed', action: 'withdraw', roles: ['deputy-director', 'director'], to: 'withdrawn', source: 'issue 3 §3; seed 000 L188' },
];

export function nextOutgoingState(from: OutgoingState | null, action: OutgoingAction, actor: Actor): OutgoingState {
  return applyTransition(OUTGOING_TRANSITIONS, from, action, actor, { what: 'a draft', absent: 'not yet submitted' });
}

// ——— 拟办: document type and issuing level ———

/** The 15 document types (条例 art. 8; seed 002 L399–401); '其他' is not a type an outgoing document may have. */
export const OUTGOING_DOCUMENT_TYPES = documents.DOCUMENT_TYPES.filter((t) => t !== '其他');
export type OutgoingDocumentType = Exclude<(typeof documents.DOCUMENT_TYPES)[number], '其他'>;

/** 确定公文种类 (seed 000 L204): one of the 15. BAD_USER_INPUT otherwise (SCENARIOS seed002 #29: 简报 is not one). */
export function assertOutgoingDocumentType(docType: string): asserts docType is OutgoingDocumentType {
  if (!(OUTGOING_DOCUMENT_TYPES as readonly string[]).includes(docType)) {
    throw GovError.badInput(`文种 ${JSON.stringify(docType)} is not one of the 15 document types`, { field: 'docType' });
  }
}

// ——— 法制审核 ———

export const LEGAL_TOPICS_ZH: Readonly<Record<LegalTopic, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  fee: '行政收费',
  'compulsory-measure': '行政强制措施',
};

/** The three elements of a normative document (seed 002 L284): all three make it one. */
export interface NormativeElements {
  affectsRightsOrDuties: boolean;
  publishedAndRepeatedlyApplied: boolean;
  generallyBinding: boolean;
}

export function isNormativeDocument(e: NormativeElements): boolean {
  return e.affectsRightsOrDuties && e.publishedAndRepeatedlyApplied && e.generallyBinding;
}

export interface LegalReviewCase {
  /** Declared normative at 拟办, or its elements (seed 002 L284). */
  normative: boolean | NormativeElements;
  /** Effective for six months or less (seed 000 L294). */
  effectiveSixMonthsOrLess: boolean;
  /** 涉及法律事项 (seed 000 L210, L296). */
  involvesLegalMatters: boolean;
  /** Topics of seed 004 L44 the content touches. */
  topics: LegalTopic[];
  /** A major administrative decision (seed 002 L274–283). */
  majorAdministrativeDecision: boolean;
}

export type LegalReviewReason = 'normative' | 'legal-matters' | 'major-decision' | LegalTopic;

/**
 * Whether a draft needs 法制办's review before it goes on, and why: normative documents (seed 000 L210; seed
 * 002 L284, L307), legal matters (seed 000 L210), major administrative decisions (seed 002 L274), and anything
 * on licensing, penalties, fees or compulsory measures (seed 004 L44). Seed 002 L286–290 excludes personnel
 * appointments, internal rules, commendations and emergency handling: such a draft needs no review unless one
 * of the triggers above also applies (SCENARIOS seed002 #13: an appointment draft is not routed).
 */
export function legalReviewRequired(c: LegalReviewCase, settings: OutgoingSettings): { required: boolean; reasons: LegalReviewReason[] } {
  const reasons: LegalReviewReason[] = [];
  const normative = typeof c.normative === 'boolean' ? c.normative : isNormativeDocument(c.normative);
  if (normative && !(settings.shortLivedNormativeExempt && c.effectiveSixMonthsOrLess)) reasons.push('normative');
  if (c.involvesLegalMatters) reasons.push('legal-matters');
  if (c.majorAdministrativeDecision) reasons.push('major-decision');
  for (const t of settings.legalReviewTopics) if (c.topics.includes(t)) reasons.push(t);
  return { required: reasons.length > 0, reasons };
}

export interface LegalOpinion {
  outcome: 'pass' | 'fail';
  /** The written opinion (书面意见, seed 004 L44). */
  text: string;
  byRoles: Role[];
  at: Date;
}

/**
 * The draft cannot proceed until 法制办 returns a passing written opinion (issue 3; seed 002 L307; seed 004 L44):
 * the latest opinion by a legal officer must be `pass` with a text. CONFLICT otherwise.
 */
export function assertLegalReviewPassed(required: boolean, opinions: readonly LegalOpinion[]): void {
  if (!required) return;
  const byLegal = opinions.filter((o) => o.byRoles.includes('legal-officer') && o.text.trim().length > 0);
  const latest = byLegal.reduce<LegalOpinion | null>((acc, o) => (!acc || o.at.getTime() >= acc.at.getTime() ? o : acc), null);
  if (!latest) throw GovError.conflict('this draft needs the legal office’s written opinion first (法制办审核)', { legalReview: 'missing' });
  if (latest.outcome !== 'pass') throw GovError.conflict('the legal office has not passed this draft', { legalReview: 'failed' });
}

// ——— 会稿 ———

/**
 * Joint review 会稿 (seed 000 L208): policy or normative documents involving several competent departments, and
 * any department draft the office has modified, go as a clean proof to the departments concerned.
 */
export function jointReviewRequired(c: { policyOrNormative: boolean; competentDepartments: number; modifiedDepartmentDraft: boolean }): boolean {
  return (c.policyOrNormative && c.competentDepartments >= 2) || c.modifiedDepartmentDraft;
}

export interface JointOpinion {
  unit: string;
  opinion: string;
  signedName: string;
  signedAt: string;
}

/**
 * Every unit asked gives an explicit agree or disagree with name and full date (seed 002 L381; re-sent
 * otherwise). A disagreement is not overridden by the office: it stops the draft until the leaders rule
 * (seed 001 L163: 协商不能取得一致…报请上级领导或机关裁决). CONFLICT for a missing unit or a disagreement without
 * a ruling; BAD_USER_INPUT for an opinion that is not explicit.
 */
export function assertJointReviewComplete(units: readonly string[], opinions: readonly JointOpinion[], ruling: { by: string; at: Date } | null = null): void {
  const missing: string[] = [];
  const disagreeing: string[] = [];
  for (const unit of units) {
    const o = [...opinions].reverse().find((x) => x.unit === unit);
    if (!o) {
      missing.push(unit);
      continue;
    }
    const decision = classifyOpinion(o.opinion);
    if (!decision) throw GovError.badInput(`the opinion of ${unit} must say agree or disagree; re-send it (重新送签)`, { field: 'opinion', unit });
    if (!o.signedName.trim()) throw GovError.badInput(`the opinion of ${unit} carries no name`, { field: 'signedName', unit });
    parseFullDate(o.signedAt);
    if (decision === 'disagree') disagreeing.push(unit);
  }
  if (missing.length > 0) throw GovError.conflict('joint review is not complete', { missing });
  if (disagreeing.length > 0 && !ruling) throw GovError.conflict('a unit disagrees; the leaders must rule before the draft goes on', { disagreeing });
}

// ——— 拟办 → 核稿 gate ———

/**
 * Guard on `submit-for-check`: the document type is one of the 15, the joint review is complete when
 * required, and the legal review has passed when required.
 */
export function assertReadyForCheck(draft: {
  docType: string;
  jointReview: { required: boolean; units: string[]; opinions: JointOpinion[]; ruling: { by: string; at: Date } | null };
  legalReview: { required: boolean; opinions: LegalOpinion[] };
}): void {
  assertOutgoingDocumentType(draft.docType);
  if (draft.jointReview.required) assertJointReviewComplete(draft.jointReview.units, draft.jointReview.opinions, draft.jointReview.ruling);
  assertLegalReviewPassed(draft.legalReview.required, draft.legalReview.opinions);
}

/**
 * 核稿 by the section chief checks three things (seed 000 L216–222): ① content (policy basis, workable measures,
 * leaders' intent, facts), ② format and document type, ③ wording (names, terms, quotations, data,
 * punctuation). All three pass → `pass-check`; any fails → `return-for-revision` (L224).
 */
export function chiefCheckOutcome(check: { content: boolean; format: boolean; wording: boolean }): 'pass-check' | 'return-for-revision' {
  return check.content && check.format && check.wording ? 'pass-check' : 'return-for-revision';
}

// ——— 编号 ———

export type DocumentForm = 'document' | 'letter';

/** 函 are numbered on the letter sequence, every other type on the document sequence (GB/T 9704: per issuing form). */
export function documentForm(docType: OutgoingDocumentType): DocumentForm {
  return docType === '函' ? 'letter' : 'document';
}

/** The organ whose number a joint document carries: the lead organ (GB/T 9704, national-rules 2.2; seed 003 L13@c9261). */
export function leadOrgan(name: IssuingName): Exclude<IssuingName, 'party-government-joint' | 'offices-joint'> {
  if (name === 'party-government-joint') return 'party-committee';
  if (name === 'offices-joint') return 'party-office';
  return name;
}

/** The 代字 for a document (seed 000 L230: by issuing level, document type and scope). */
export function documentNumberPrefix(name: IssuingName, docType: OutgoingDocumentType, settings: OutgoingSettings): string {
  return settings.organCodes[leadOrgan(name)][documentForm(docType)];
}

// The 文号 itself: allocateYearNumber / formatYearNumber / numberingYear in libs/persistence (GB/T 9704).

// ——— 校对 ———

/** The mark the final proofreader writes at the top right of the first page (seed 002 L383). */
export const PROOF_MARK = '已校核。此稿付印存档。';

export interface ProofMark {
  text: string;
  proofreaderId: string;
  proofreaderName: string;
  at: Date | null;
}

/**
 * The mark is exactly "已校核。此稿付印存档。" (outer white space aside), with the proofreader's name and time
 * (seed 002 L383). BAD_USER_INPUT otherwise.
 */
export function assertProofMark(m: ProofMark): void {
  if (m.text.trim() !== PROOF_MARK) throw GovError.badInput(`the proof mark must read "${PROOF_MARK}"`, { field: 'text' });
  if (!m.proofreaderName.trim()) throw GovError.badInput('the proof mark carries the proofreader’s name', { field: 'proofreaderName' });
  if (!m.at) throw GovError.badInput('the proof mark carries the time', { field: 'at' });
}

/**
 * Guard on `print`: the proof mark is in order, and a document to the city government also has the second
 * proofreading by the 研究室 director (seed 002 L317; SCENARIOS seed002 #15). CONFLICT when it is missing.
 */
export function assertProofsComplete(
  doc: { toCityGovernment: boolean; proof: ProofMark | null; secondProof: { byName: string; at: Date } | null },
  settings: OutgoingSettings,
): void {
  if (!doc.proof) throw GovError.conflict('the draft has not been proofread (校对)');
  assertProofMark(doc.proof);
  if (doc.toCityGovernment && settings.secondProofForCityGovernment && !doc.secondProof) {
    throw GovError.conflict('a document to the city government needs the second proofreading by the 研究室 director');
  }
}

/** Warnings (not refusals): the line's liaison secretary "in principle" does not proofread its documents (seed 002 L369). */
export function proofreaderWarnings(proofreaderId: string, liaisonSecretaryId: string | null): string[] {
  return liaisonSecretaryId && proofreaderId === liaisonSecretaryId ? ['proofreader-is-liaison-secretary'] : [];
}

// ——— 印制 and 份号 ———

/** 份号 of copy n, zero-padded to the configured digits (GB/T 9704 7.2.1; 6 digits by default). */
export function formatCopyNumber(n: number, settings: OutgoingSettings): string {
  const max = 10 ** settings.copyNumberDigits - 1;
  if (!Number.isInteger(n) || n < 1 || n > max) throw GovError.badInput(`copy number ${n} is outside 1–${max}`, { field: 'copies' });
  return String(n).padStart(settings.copyNumberDigits, '0');
}

/**
 * The 份号 of a print run of `copies`, or none when the setting limits 份号 to classified documents and this
 * one is not (条例 art. 9 [mem]: classified documents must carry 份号).
 */
export function copyNumbers(copies: number, classification: Classification, settings: OutgoingSettings): string[] {
  if (!Number.isInteger(copies) || copies < 1) throw GovError.badInput('a print run has at least one copy', { field: 'copies' });
  if (settings.copyNumbersFor === 'classified-only' && classification === 'none') return [];
  formatCopyNumber(copies, settings);
  return Array.from({ length: copies }, (_, i) => formatCopyNumber(i + 1, settings));
}

/** Classified documents are printed only where secrecy rules are met (seed 003 L13@c9038; 条例 art. 25). */
export function assertPrintSite(classification: Classification, siteMeetsSecrecyRules: boolean): void {
  if (classification !== 'none' && !siteMeetsSecrecyRules) {
    throw GovError.forbidden('classified documents are printed only at premises that meet the secrecy rules');
  }
}

// ——— 用印 ———

/**
 * How the seal goes on (seed 000 L236): general-distribution documents (普发) have it printed on (套印); the
 * others are stamped by the seal-keeping section. 纪要 carry no seal (national-rules 2.1).
 */
export function sealMode(doc: { docType: OutgoingDocumentType; generalDistribution: boolean }): 'none' | 'printed-on' | 'stamped' {
  if (doc.docType === '纪要') return 'none';
  return doc.generalDistribution ? 'printed-on' : 'stamped';
}

/** The seals of the issuing organs; a joint document bears the seal of each (seed 001 L219 lists the four seals). */
export function sealsForIssuingName(name: IssuingName): SealKind[] {
  switch (name) {
    case 'party-government-joint':
      return ['party-committee', 'government'];
    case 'offices-joint':
      return ['party-office', 'government-office'];
    default:
      return [name];
  }
}

// ——— 分发 ———

export const DISTRIBUTION_CHANNELS = [
  'exchange-station',
  'mobile-office-platform',
  'hand-delivery',
  'confidential-courier',
  'postal-confidential',
  'city-confidential-exchange',
  'confidential-clerk',
  'cipher-telegram',
  'accredited-network',
] as const;
export type DistributionChannel = (typeof DISTRIBUTION_CHANNELS)[number];

/** The only channels for classified documents (seed 003 L13@c9119). */
export const CLASSIFIED_CHANNELS: readonly DistributionChannel[] = [
  'confidential-courier',
  'postal-confidential',
  'city-confidential-exchange',
  'confidential-clerk',
  'cipher-telegram',
  'accredited-network',
];

/** Who distributes classified documents: the secrecy section (机要保密局, seed 000 L238, L286). */
export const CLASSIFIED_DISTRIBUTORS: readonly Role[] = ['confidential-clerk', 'secrecy-officer'];

/**
 * Guard on `distribute`: a classified document goes only through the secrecy section (FORBIDDEN for anyone
 * else) and only by a confidential channel (CONFLICT: never the exchange station or the mobile office
 * platform). Unclassified documents take any channel. SCENARIOS seed000-a #13, seed003 #11.
 */
export function assertDistributionRoute(classification: Classification, channel: DistributionChannel, actor: Actor): void {
  if (classification === 'none') return;
  if (!actor.roles.some((r) => CLASSIFIED_DISTRIBUTORS.includes(r))) {
    throw GovError.forbidden('classified documents are registered and distributed by the secrecy section only (机要保密局)');
  }
  if (!CLASSIFIED_CHANNELS.includes(channel)) {
    throw GovError.conflict(`a classified document cannot go by ${channel}`, { channel, allowed: [...CLASSIFIED_CHANNELS] });
  }
}

/** When distribution is due: 24 hours (setting) after printing, or after numbering (seed 000 L238). */
export function distributionDue(doc: { printedAt: Date | null; numberedAt: Date | null }, settings: OutgoingSettings): Date {
  const start = settings.distributionClockStartsAt === 'printed' ? doc.printedAt : doc.numberedAt;
  if (!start) throw GovError.conflict(`the distribution clock starts when the document is ${settings.distributionClockStartsAt}`);
  return new Date(start.getTime() + settings.distributionWithin.amount * 3600_000);
}

/**
 * "一般应24小时内发出" is a norm ("一般"), not a bar: late distribution is flagged, not refused.
 * `late` once `at` is after the due time; the due instant itself is on time.
 */
export function distributionStatus(
  doc: { printedAt: Date | null; numberedAt: Date | null; distributedAt: Date | null },
  now: Date,
  settings: OutgoingSettings,
): 'on-time' | 'late' {
  const due = distributionDue(doc, settings);
  const at = doc.distributedAt ?? now;
  return at.getTime() > due.getTime() ? 'late' : 'on-time';
}

/** The original of a joint document is filed by the lead organ; the others keep copies (seed 003 L13@c9261). */
export const archiveOriginalHolder = leadOrgan;
