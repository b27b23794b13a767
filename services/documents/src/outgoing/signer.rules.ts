import { GovError } from '@gov/contracts';
import type { RankedLeader } from '../incoming-review/leader-order.js';
import type { OutgoingSettings } from './outgoing.settings.js';

/**
 * 签发 (sign-off) of outgoing documents: who signs for which issuing name, in which order, with which
 * opinion; and 复核, the check of the signatures that blocks numbering. Pure functions.
 *
 * Sources:
 * - seed 004 L48: the district leader in charge signs; several portfolios → countersigned in sequence; major
 *   content → 区长; office-name documents → the leader in charge, or delegated to the office director/deputy.
 * - seed 003 L13@c10032–10221 (发文流程图): 区委办 name → 区委办主任签发; 区委 name → 区委办主任审签 → 区委书记签发;
 *   区委+区政府 → 区委办主任审签 → 区政府领导会签 → 区委书记签发; 区委办+政府办 → 政府办主任 or 分管副区长会签 → 区委办主任签发.
 * - seed 000 L228: co-signing in ascending rank; L230: 复核 for 漏签 and 越级签发 before numbering.
 * - seed 002 L305, L378: drafts for a principal leader go through the office director first; L379: no 倒签 or
 *   越级审签, proxies only with consent; L381: an explicit agree/disagree with name and time, never a bare
 *   "已核" or a bare name; L382: office review writes "拟同意".
 * - seed 003 L13@c8912–8981 and 条例 art. 25: a substantive change after signing goes back to the original
 *   signer. 条例 art. 22 (national-rules 2.1): important and upward documents are signed by the principal
 *   leader; the signer writes opinion, name and full date; joint documents are countersigned.
 */

/** 发文机关 / 行文规格: the name a document is issued in. */
export const ISSUING_NAMES = ['party-committee', 'government', 'party-government-joint', 'party-office', 'government-office', 'offices-joint'] as const;
export type IssuingName = (typeof ISSUING_NAMES)[number];

export const ISSUING_NAMES_ZH: Readonly<Record<IssuingName, string>> = {
  'party-committee': '区委',
  government: '区政府',
  'party-government-joint': '区委、区政府联合',
  'party-office': '区委办公室',
  'government-office': '区政府办公室',
  'offices-joint': '区委办、政府办联合',
};

/** Posts that sign. One person may hold several (a combined office's director holds both office posts). */
export const LEADER_POSTS = [
  'party-secretary',
  'district-head',
  'standing-committee-member',
  'deputy-district-head',
  'party-office-director',
  'government-office-director',
  'office-deputy-director',
] as const;
export type LeaderPost = (typeof LEADER_POSTS)[number];

export const LEADER_POSTS_ZH: Readonly<Record<LeaderPost, string>> = {
  'party-secretary': '区委书记',
  'district-head': '区长',
  'standing-committee-member': '区委常委',
  'deputy-district-head': '副区长',
  'party-office-director': '区委办主任',
  'government-office-director': '政府办主任',
  'office-deputy-director': '办公室副主任',
};

export interface Signatory extends RankedLeader {
  posts: LeaderPost[];
  /** Areas of work (分管) the person is in charge of, e.g. 教育, 住建. */
  portfolios: string[];
}

export interface SigningCase {
  issuingName: IssuingName;
  /** 公文内容重大 (seed 004 L48): decided by the office at 拟办; the seeds give no criterion. */
  major: boolean;
  /** 上行文 to a higher organ (条例 art. 22: signed by the principal leader). */
  upward: boolean;
  /** The portfolios the content touches; each needs its leader in charge. */
  portfolios: readonly string[];
  /** An office-name document the leader in charge delegated to the office director or deputy (seed 004 L48). */
  delegatedToOffice: boolean;
}

export type StepKind = 'office-review' | 'in-charge' | 'countersign' | 'issue';
const PHASE: Record<StepKind, number> = { 'office-review': 0, 'in-charge': 1, countersign: 2, issue: 3 };

export interface SignStep {
  id: string;
  kind: StepKind;
  posts: LeaderPost[];
  portfolio: string | null;
  labelZh: string;
  source: string;
}

const step = (id: string, kind: StepKind, posts: LeaderPost[], labelZh: string, source: string, portfolio: string | null = null): SignStep => ({
  id,
  kind,
  posts,
  portfolio,
  labelZh,
  source,
});

function inCharge(portfolios: readonly string[], source: string): SignStep[] {
  const distinct = [...new Set(portfolios.map((p) => p.trim()))];
  return distinct.map((p) => step(`in-charge:${p}`, 'in-charge', ['deputy-district-head', 'district-head'], `分管${p}的区领导审签`, source, p));
}

/**
 * The signatures a draft needs, in phase order (office review → leaders in charge, ascending rank →
 * countersign → issue). Where a plan has no `issue` step, the last in-charge signature issues it.
 *
 * | issuing name | plan | source |
 * |---|---|---|
 * | 区委办公室 | 区委办主任签发 | seed 003 L13@c10062 |
 * | 区委 | 区委办主任审签 → 区委书记签发 | seed 003 L13@c10157 |
 * | 区委+区政府 | 区委办主任审签 → 区政府领导会签 (区长 when major) → 区委书记签发 | seed 003 L13@c10173 |
 * | 区委办+政府办 | 政府办主任 or 分管副区长会签 → 区委办主任签发 | seed 003 L13@c10186 |
 * | 区政府 | leaders in charge, ascending rank; major or upward: 政府办主任审签 first and 区长签发 last | seed 004 L48; seed 002 L378; art. 22 |
 * | 区政府办公室 | as 区政府; delegated: 政府办主任 or 副主任签发; upward: 政府办主任签发; major: as 区政府 major | seed 004 L48 |
 */
export function signingPlan(c: SigningCase, settings: OutgoingSettings): SignStep[] {
  switch (c.issuingName) {
    case 'party-office':
      return [step('issue', 'issue', ['party-office-director'], '区委办主任签发', 'seed 003 L13@c10062')];
    case 'party-committee':
      return [
        step('office-review', 'office-review', ['party-office-director'], '区委办主任审签', 'seed 003 L13@c10157'),
        step('issue', 'issue', ['party-secretary'], '区委书记签发', 'seed 003 L13@c10157'),
      ];
    case 'party-government-joint':
      return [
        step('office-review', 'office-review', ['party-office-director'], '区委办主任审签', 'seed 003 L13@c10173'),
        step('countersign', 'countersign', c.major ? ['district-head'] : ['district-head', 'deputy-district-head'], '区政府领导会签', 'seed 003 L13@c10173; art. 22'),
        step('issue', 'issue', ['party-secretary'], '区委书记签发', 'seed 003 L13@c10173'),
      ];
    case 'offices-joint':
      return [
        step('countersign', 'countersign', ['government-office-director', 'deputy-district-head'], '政府办主任或分管副区长会签', 'seed 003 L13@c10186'),
        step('issue', 'issue', ['party-office-director'], '区委办主任签发', 'seed 003 L13@c10186'),
      ];
    case 'government':
    case 'government-office': {
      const office = c.issuingName === 'government-office';
      const majorToHead = c.major && (!office || settings.majorOfficeDocumentsSignedByDistrictHead);
      if (majorToHead || (!office && c.upward)) {
        return [
          step('office-review', 'office-review', ['government-office-director'], '政府办主任审签', 'seed 002 L378'),
          ...inCharge(c.portfolios, 'seed 004 L48; seed 002 L305'),
          step('issue', 'issue', ['district-head'], '区长签发', 'seed 004 L48; art. 22'),
        ];
      }
      if (office && c.upward) return [step('issue', 'issue', ['government-office-director'], '政府办主任签发', 'art. 22 (上行文 by the principal)')];
      if (office && c.delegatedToOffice) {
        return [step('issue', 'issue', ['government-office-director', 'office-deputy-director'], '受委托的办公室主任或副主任签发', 'seed 004 L48')];
      }
      if (c.portfolios.filter((p) => p.trim()).length === 0) {
        throw GovError.badInput('name the portfolio (分管领域) so that the leader in charge can sign', { field: 'portfolios' });
      }
      return inCharge(c.portfolios, 'seed 004 L48 (分管领导签发; 涉及多位领导分管的,依次报请会签)');
    }
  }
}

// ——— opinions ———

export type Decision = 'agree' | 'disagree';

/**
 * An opinion must say agree or disagree (seed 002 L381): "不同意" / "不予同意" is a disagreement, any other text
 * with "同意" (including "拟同意") an agreement. "已核", "已阅", a bare name or an empty text is no opinion.
 * A circled read (圈阅) counts as consent only when `acceptCircledRead` (条例 art. 22 allows it; seed 002 L381,
 * the stricter reading, does not).
 */
export function classifyOpinion(text: string, acceptCircledRead = false): Decision | null {
  const t = text.trim();
  if (/不同意|不予同意/.test(t)) return 'disagree';
  if (/同意/.test(t)) return 'agree';
  if (acceptCircledRead && t === '圈阅') return 'agree';
  return null;
}

/** In the office's 审核 step an agreement is written "拟同意" (seed 002 L382). */
export function renderOfficeReviewOpinion(text: string): string {
  const t = text.trim();
  if (classifyOpinion(t) !== 'agree' || t.startsWith('拟同意')) return t;
  return t.startsWith('同意') ? `拟${t}` : `拟同意。${t}`;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$)/;
const FULL_DATE_ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * The signing date must be a full date with year, month and day (条例 art. 22: 签发人…签署意见、姓名和完整日期):
 * `2026-11-20`, an ISO date-time with offset, or `2026年11月20日`. A date alone is taken at 00:00 Beijing
 * time. Anything else (`11月20日`, `20日`) is BAD_USER_INPUT.
 */
export function parseFullDate(value: string): Date {
  const v = value.trim();
  let m = FULL_DATE.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = FULL_DATE_ZH.exec(v))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else throw GovError.badInput(`a sign-off needs the full date (year, month, day), got ${JSON.stringify(value)}`, { field: 'signedAt' });
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw GovError.badInput(`${JSON.stringify(value)} is not a real date`, { field: 'signedAt' });
  }
  const at = v.includes('T') ? new Date(v) : new Date(Date.UTC(y, mo - 1, d) - 8 * 3600_000);
  if (Number.isNaN(at.getTime())) throw GovError.badInput(`${JSON.stringify(value)} is not a real time`, { field: 'signedAt' });
  return at;
}

export interface SignOff {
  signatory: Signatory;
  /** The name as written on the draft. */
  signedName: string;
  opinion: string;
  /** As written: a full date (see parseFullDate). */
  signedAt: string;
  /** Signed for someone else (seed 002 L379): AB-post partner or an authorised person, with the consent on record. */
  proxy?: { kind: 'ab-post' | 'authorised'; onBehalfOf: Signatory; consentRef: string };
  /** 事后补签 still outstanding (seed 002 L379): the leader agreed but has not yet signed. */
  laterSignaturePending?: boolean;
}

/**
 * Checks one sign-off on its own: explicit opinion, the signer's name, a full date, consent for a proxy.
 * BAD_USER_INPUT with the field; returns the decision and the time.
 */
export function assertValidSignOff(s: SignOff, settings: OutgoingSettings): { decision: Decision; at: Date } {
  const decision = classifyOpinion(s.opinion, settings.acceptCircledReadAsConsent);
  if (!decision) {
    throw GovError.badInput('a sign-off must say agree or disagree; "已核", "已阅" or a bare name is not an opinion', { field: 'opinion' });
  }
  if (!s.signedName.trim()) throw GovError.badInput('a sign-off carries the signer’s name', { field: 'signedName' });
  const at = parseFullDate(s.signedAt);
  if (s.proxy && !s.proxy.consentRef.trim()) {
    throw GovError.badInput('a proxy signature needs the recorded consent (汇报并经同意)', { field: 'proxy.consentRef' });
  }
  return { decision, at };
}

export type SignOffProblem =
  | { code: 'invalid-sign-off'; index: number; message: string }
  | { code: 'not-in-plan'; index: number }
  | { code: 'skip-level'; index: number; pending: string[] }
  | { code: 'out-of-rank-order'; index: number }
  | { code: 'backdated'; index: number }
  | { code: 'disagreed'; index: number }
  | { code: 'later-signature-pending'; index: number }
  | { code: 'missing'; stepId: string; labelZh: string };

export interface SignOffReview {
  complete: boolean;
  problems: SignOffProblem[];
  /** Which sign-off satisfied which steps. */
  satisfied: Record<string, number>;
}

function matches(step: SignStep, who: Signatory): boolean {
  return step.posts.some((p) => who.posts.includes(p)) && (step.portfolio === null || who.portfolios.includes(step.portfolio));
}

/**
 * 复核 (seed 000 L230; seed 003 L13@c8912): reads the sign-offs in the order they were given against the plan.
 * - 漏签 `missing`: a step no valid sign-off satisfied;
 * - 越级签发 `skip-level`: a sign-off for a later phase while an earlier step was still open;
 * - `out-of-rank-order`: leaders in charge not in ascending rank (seed 000 L228);
 * - 倒签 `backdated`: a date earlier than the previous sign-off's (seed 002 L379);
 * - `disagreed`: a signer disagreed, so the draft goes back;
 * - `not-in-plan`, `invalid-sign-off`, `later-signature-pending` (unless the setting allows it).
 * A sign-off by one person satisfies every open step of the same phase that person fits.
 */
export function reviewSignOffs(plan: readonly SignStep[], signOffs: readonly SignOff[], settings: OutgoingSettings): SignOffReview {
  const problems: SignOffProblem[] = [];
  const satisfied: Record<string, number> = {};
  let lastAt: Date | null = null;
  let lastRankInPhase: { phase: number; rank: number } | null = null;
  signOffs.forEach((s, index) => {
    let decision: Decision;
    let at: Date;
    try {
      ({ decision, at } = assertValidSignOff(s, settings));
    } catch (e) {
      problems.push({ code: 'invalid-sign-off', index, message: (e as Error).message });
      return;
    }
    if (lastAt && at.getTime() < lastAt.getTime()) problems.push({ code: 'backdated', index });
    lastAt = at;
    const who = s.proxy ? s.proxy.onBehalfOf : s.signatory;
    const open = plan.filter((st) => satisfied[st.id] === undefined);
    const candidates = open.filter((st) => matches(st, who));
    if (candidates.length === 0) {
      problems.push({ code: 'not-in-plan', index });
      return;
    }
    const phase = Math.min(...candidates.map((st) => PHASE[st.kind]));
    const earlier = open.filter((st) => PHASE[st.kind] < phase);
    if (earlier.length > 0) problems.push({ code: 'skip-level', index, pending: earlier.map((st) => st.id) });
    if (phase === PHASE['in-charge'] || phase === PHASE.countersign) {
      const rank = who.rank;
      if (rank !== null && lastRankInPhase && lastRankInPhase.phase === phase && rank > lastRankInPhase.rank) {
        problems.push({ code: 'out-of-rank-order', index });
      }
      if (rank !== null) lastRankInPhase = { phase, rank };
    }
    for (const st of candidates.filter((c) => PHASE[c.kind] === phase)) satisfied[st.id] = index;
    if (decision === 'disagree') problems.push({ code: 'disagreed', index });
    if (s.laterSignaturePending && !settings.allowNumberingWithPendingLaterSignature) problems.push({ code: 'later-signature-pending', index });
  });
  for (const st of plan) if (satisfied[st.id] === undefined) problems.push({ code: 'missing', stepId: st.id, labelZh: st.labelZh });
  return { complete: problems.length === 0, problems, satisfied };
}

/**
 * Guard on the live `sign` action: the new sign-off, read after those already given, must be valid, in the
 * plan, in turn and in rank order. BAD_USER_INPUT for an invalid sign-off, FORBIDDEN for a signer outside
 * the plan, CONFLICT for 越级, rank order or 倒签.
 */
export function assertMaySign(plan: readonly SignStep[], given: readonly SignOff[], next: SignOff, settings: OutgoingSettings): void {
  assertValidSignOff(next, settings);
  const index = given.length;
  const own = reviewSignOffs(plan, [...given, next], settings).problems.filter((p) => 'index' in p && p.index === index);
  const first = own.find((p) => p.code !== 'disagreed' && p.code !== 'later-signature-pending');
  if (!first) return;
  if (first.code === 'not-in-plan') throw GovError.forbidden('this leader is not among the signers of this draft');
  throw GovError.conflict(`sign-off refused: ${first.code}`, { problem: first });
}

/** 复核 passes only when the review is complete: missing or skip-level signatures block numbering (seed 000 L230). */
export function assertSignOffComplete(review: SignOffReview): void {
  if (!review.complete) {
    throw GovError.conflict('the signatures are not in order (漏签、越级签发 or another problem); numbering is blocked', {
      problems: review.problems,
    });
  }
}

/**
 * After signing, a substantive change goes back to the original signer for re-review; an editorial one does
 * not (seed 003 L13@c8963: 需作实质性修改的,应当报原签批人复审; 条例 art. 25).
 */
export function afterSigningChange(kind: 'substantive' | 'editorial'): 'back-to-signer' | 'continue' {
  return kind === 'substantive' ? 'back-to-signer' : 'continue';
}

/** Only the original signer (the one who issued) re-signs after a substantive change; FORBIDDEN otherwise. */
export function assertReSignedByOriginalSigner(originalSignerId: string, signerId: string): void {
  if (originalSignerId !== signerId) throw GovError.forbidden('a substantive change goes back to the original signer (原签批人)');
}
