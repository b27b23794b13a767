import type { Role } from '@gov/auth';
import { addCalendarDays, toIsoDate } from '@gov/calendar';
import { GovError, type Classification } from '@gov/contracts';
import { formatYearNumber } from '@gov/persistence';
import type { ConfidentialSettings } from './confidential.settings.js';

/**
 * Telegrams (电报): plain-text (明传) and cipher (密码). Pure functions.
 *
 * Sources: seed 000 L1060–1068 (receiving plain telegrams), L1070–1080 (sending), L1082–1090 (cipher
 * telegrams); seed 002 L104 (cipher telegrams are never copied); seed 003 L13@c9119 (classified content is
 * transmitted electronically only by cipher telegram or accredited systems).
 */

export type TelegramChannel = 'plain' | 'cipher';
export type TelegramPriority = 'routine' | 'urgent' | 'very-urgent' | 'flash';

// ——— receiving plain telegrams ———

/** The sender's 电报签收清单 line (seed 000 L1062): 电报编号、份数、页数、等级、报文质量. */
export interface TelegramListLine {
  number: string;
  copies: number;
  pages: number;
  priority: TelegramPriority;
}

export type TelegramDiscrepancy = 'number' | 'copies' | 'pages' | 'priority' | 'quality';

/**
 * Checks a received telegram against the sender's sign-for list (seed 000 L1062). Any discrepancy means a
 * query to the sender before signing for it (发现问题应及时向对方查询更正,确认无误后签收登记).
 */
export function telegramDiscrepancies(received: TelegramListLine & { qualityOk: boolean }, listed: TelegramListLine): TelegramDiscrepancy[] {
  const out: TelegramDiscrepancy[] = [];
  if (received.number.trim() !== listed.number.trim()) out.push('number');
  if (received.copies !== listed.copies) out.push('copies');
  if (received.pages !== listed.pages) out.push('pages');
  if (received.priority !== listed.priority) out.push('priority');
  if (!received.qualityOk) out.push('quality');
  return out;
}

/** Signing for a telegram is refused (CONFLICT) while it disagrees with the list. */
export function assertTelegramMatchesList(received: TelegramListLine & { qualityOk: boolean }, listed: TelegramListLine): void {
  const d = telegramDiscrepancies(received, listed);
  if (d.length > 0) throw GovError.conflict('query the sender before signing for this telegram', { discrepancies: d });
}

/**
 * Triage (seed 000 L1064): especially important or urgent telegrams are reported at once to the bureau and
 * office leaders and stamped "急件" on dispatch; telegrams and meeting notices that need district leaders go to
 * 秘书科 (the meetings section) at once.
 */
export function telegramTriage(t: { especiallyImportantOrUrgent: boolean; needsDistrictLeaders: boolean }): {
  stamp: '急件' | null;
  reportToLeadersAtOnce: boolean;
  routeToMeetings: boolean;
} {
  return { stamp: t.especiallyImportantOrUrgent ? '急件' : null, reportToLeadersAtOnce: t.especiallyImportantOrUrgent, routeToMeetings: t.needsDistrictLeaders };
}

/**
 * 批抄 (seed 000 L1066): an important telegram is copied and distributed only after the bureau head's proposal
 * and the deputy director's approval; an ordinary one directly. CONFLICT when an approval is missing.
 */
export function assertCopyDistributionApproved(t: { important: boolean; proposalByRoles: Role[] | null; approvalByRoles: Role[] | null }): void {
  if (!t.important) return;
  if (!t.proposalByRoles?.some((r) => r === 'secrecy-officer' || r === 'confidential-clerk')) {
    throw GovError.conflict('an important telegram needs the bureau’s copy proposal (局负责人提出批抄意见)');
  }
  if (!t.approvalByRoles?.includes('deputy-director')) {
    throw GovError.conflict('an important telegram is copied only after the deputy director approves (办公室分管领导审定)');
  }
}

// ——— sending telegrams ———

/**
 * The first page uses the plain or cipher header that matches the channel and shows priority, classification
 * and sending unit (seed 000 L1072). Classified content goes by cipher only (seed 003 L13@c9119).
 * BAD_USER_INPUT for a missing mark; CONFLICT for classified content on the plain channel.
 */
export function assertTelegramHeader(t: {
  channel: TelegramChannel;
  header: TelegramChannel;
  priority: TelegramPriority | null;
  classification: Classification | null;
  sendingUnit: string;
}): void {
  if (t.header !== t.channel) throw GovError.badInput(`a ${t.channel} telegram uses the ${t.channel} header (明、密分别使用电报版头)`, { field: 'header' });
  if (!t.priority) throw GovError.badInput('the header shows the priority (等级)', { field: 'priority' });
  if (!t.classification) throw GovError.badInput('the header shows the classification (密级)', { field: 'classification' });
  if (!t.sendingUnit.trim()) throw GovError.badInput('the header shows the sending unit (发电单位)', { field: 'sendingUnit' });
  if (t.classification !== 'none' && t.channel === 'plain') {
    throw GovError.conflict('classified content is sent only by cipher telegram');
  }
}

export interface TelegramIssuer {
  unit: string;
  /** 区委 / 区政府 themselves (signed by the relevant district leader personally). */
  district: boolean;
}

export interface TelegramSignature {
  unit: string;
  signerId: string;
  /** The signer's roles; for a district telegram the signer must be a district leader. */
  signerRoles: Role[];
  /** The signer leads that unit (各单位的发电由本单位领导签发). */
  signerLeadsUnit: boolean;
  mode: 'signed' | 'phone-approved';
  /** 电话请示同意: who approved, when, and who took the call. */
  phoneApproval: { approvedBy: string; at: Date; recordedBy: string } | null;
  /** 事后补签: when the leader signed afterwards. */
  laterSignedAt: Date | null;
}

export type TelegramSignatureProblem =
  | { code: 'no-signature'; unit: string }
  | { code: 'signer-not-unit-leader'; unit: string }
  | { code: 'phone-approval-not-allowed'; unit: string }
  | { code: 'phone-approval-unrecorded'; unit: string };

export interface TelegramSignatureReview {
  /** Accepted by the bureau (受理). */
  acceptable: boolean;
  problems: TelegramSignatureProblem[];
  /** Units whose phone approval still waits for the leader's later signature (补签). */
  pendingLaterSignatures: string[];
}

/**
 * 签发 of an outgoing telegram (seed 000 L1074):
 * - every issuing unit has its leader's signature; a joint telegram is co-signed by each unit's leader;
 * - 区委/区政府 telegrams are signed by the relevant district leader personally; when that is impossible, a phone
 *   approval is recorded and the signature follows (事后补签) — accepted, with the later signature pending;
 * - phone approval applies to district telegrams only by default (setting `phoneApprovalFor`);
 * - "没有领导签发的电报,机要局不予受理": no signature, no acceptance.
 */
export function reviewTelegramSignatures(
  issuers: readonly TelegramIssuer[],
  signatures: readonly TelegramSignature[],
  settings: ConfidentialSettings,
): TelegramSignatureReview {
  if (issuers.length === 0) throw GovError.badInput('a telegram names its sending unit', { field: 'issuers' });
  const problems: TelegramSignatureProblem[] = [];
  const pending: string[] = [];
  for (const issuer of issuers) {
    const s = signatures.find((x) => x.unit === issuer.unit);
    if (!s) {
      problems.push({ code: 'no-signature', unit: issuer.unit });
      continue;
    }
    const leader = issuer.district ? s.signerRoles.includes('district-leader') : s.signerLeadsUnit;
    if (!leader) problems.push({ code: 'signer-not-unit-leader', unit: issuer.unit });
    if (s.mode === 'phone-approved') {
      if (!issuer.district && settings.phoneApprovalFor === 'district-only') {
        problems.push({ code: 'phone-approval-not-allowed', unit: issuer.unit });
      } else if (!s.phoneApproval || !s.phoneApproval.approvedBy.trim() || !s.phoneApproval.recordedBy.trim()) {
        problems.push({ code: 'phone-approval-unrecorded', unit: issuer.unit });
      } else if (!s.laterSignedAt) {
        pending.push(issuer.unit);
      }
    }
  }
  return { acceptable: problems.length === 0, problems, pendingLaterSignatures: pending };
}

/** The bureau refuses (CONFLICT, 不予受理) a telegram whose signatures are not in order. */
export function assertTelegramAcceptable(review: TelegramSignatureReview): void {
  if (!review.acceptable) throw GovError.conflict('a telegram without its leaders’ signatures is not accepted (不予受理)', { problems: review.problems });
}

/**
 * The pre-send check (seed 000 L1076): signer, classification, priority and destination are there. Errors go
 * back to the sending unit (BAD_USER_INPUT with the field).
 */
export function assertTelegramChecked(t: {
  signed: boolean;
  classification: Classification | null;
  priority: TelegramPriority | null;
  destinations: string[];
}): void {
  if (!t.signed) throw GovError.badInput('签发人 is missing', { field: 'signature' });
  if (!t.classification) throw GovError.badInput('密级 is missing', { field: 'classification' });
  if (!t.priority) throw GovError.badInput('等级 is missing', { field: 'priority' });
  if (t.destinations.filter((d) => d.trim()).length === 0) throw GovError.badInput('发往单位 is missing', { field: 'destinations' });
}

/**
 * Telegram numbers (seed 000 L1078: 登记、编号; L1080: 按序号). The seeds give no format; the platform uses the
 * 文号 style per channel and year: `明电〔2026〕15号`, `密电〔2026〕3号`.
 */
export const TELEGRAM_PREFIX: Readonly<Record<TelegramChannel, string>> = { plain: '明电', cipher: '密电' };

export function formatTelegramNumber(channel: TelegramChannel, year: number, value: number): string {
  return formatYearNumber(TELEGRAM_PREFIX[channel], year, value);
}

/** Receipts (清单回执) are complete when every destination has returned one (seed 000 L1080). */
export function missingReceipts(destinations: readonly string[], receipts: readonly string[]): string[] {
  return destinations.filter((d) => !receipts.includes(d));
}

// ——— cipher telegrams ———

/** 密来密复,严禁密来明复 (seed 000 L1086(4)): a cipher telegram is answered only by cipher. CONFLICT. */
export function assertReplyChannel(incoming: TelegramChannel, reply: TelegramChannel): void {
  if (incoming === 'cipher' && reply !== 'cipher') throw GovError.conflict('a cipher telegram is answered only by cipher (严禁密来明复)', { channel: reply });
}

/** Forwarded as a document, a cipher telegram hides its telegram form (seed 000 L1086(2): 需隐去电报形式). */
export function assertForwardedFormHidden(forward: { incoming: TelegramChannel; telegramFormHidden: boolean }): void {
  if (forward.incoming === 'cipher' && !forward.telegramFormHidden) {
    throw GovError.badInput('a cipher telegram forwarded as a document must not show its telegram form', { field: 'telegramFormHidden' });
  }
}

/**
 * 绝密 cipher telegrams: a designated person delivers, it is read and returned at once (seed 000 L1086(3)).
 * `overdue` once the Beijing day passes the setting (default the same day).
 */
export function topSecretCipherReturnStatus(
  t: { deliveredAt: Date; returnedAt: Date | null },
  now: Date,
  settings: ConfidentialSettings,
): 'returned' | 'out' | 'overdue' {
  const due = addCalendarDays(toIsoDate(t.deliveredAt), settings.topSecretCipherReturnWithin.amount);
  if (t.returnedAt) return toIsoDate(t.returnedAt) > due ? 'overdue' : 'returned';
  return toIsoDate(now) > due ? 'overdue' : 'out';
}

export interface CipherDestruction {
  approval: { byRoles: Role[]; signedAt: Date } | null;
  witnesses: Array<{ id: string; roles: Role[] }>;
}

/**
 * Destroying cipher telegrams not to be archived (seed 000 L1090): the leader in charge approves and signs,
 * and two 保密局 staff supervise (监销). CONFLICT without approval or with too few distinct secrecy-bureau
 * witnesses (SCENARIOS seed000-b #12).
 */
export function assertCipherDestruction(d: CipherDestruction, settings: ConfidentialSettings): void {
  if (!d.approval?.byRoles.some((r) => r === 'director' || r === 'deputy-director' || r === 'district-leader')) {
    throw GovError.conflict('destruction needs the signed approval of the leader in charge (主管领导核准签字)');
  }
  const bureau = new Set(d.witnesses.filter((w) => w.roles.some((r) => r === 'secrecy-officer' || r === 'confidential-clerk')).map((w) => w.id));
  if (bureau.size < settings.destructionWitnesses) {
    throw GovError.conflict(`destruction is supervised by ${settings.destructionWitnesses} secrecy-bureau staff (两人监销)`, { witnesses: bureau.size });
  }
}
