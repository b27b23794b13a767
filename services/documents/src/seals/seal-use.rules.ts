import type { Actor } from '@gov/auth';
import { toIsoDate, type IsoDate } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import type { LeaderPost } from '../outgoing/signer.rules.js';

/**
 * Seal use (用印). Pure functions and a decision table.
 *
 * Sources: seed 001 L217–237 (印章管理与使用制度), L1440 (safe custody), L1446 (hand-over on transfer); seed 000
 * L236 (outgoing documents: printed-on or stamped by the seal-keeping section), L466 and L790 (documents needing
 * the 区政府 / office seal: the handler brings the leader's approval to 秘书科); seed 002 L142 (seal register:
 * document name, time, leader's signature, copies; seals taken out of the office are lent on a register).
 */

export const SEAL_KINDS = ['party-committee', 'government', 'party-office', 'government-office', 'office-certification'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

export const SEAL_KINDS_ZH: Readonly<Record<SealKind, string>> = {
  'party-committee': '区委印章',
  government: '区政府印章',
  'party-office': '区委办公室印章',
  'government-office': '区政府办公室印章',
  'office-certification': '办公室证明专用章',
};

export const SEAL_PURPOSES = ['outgoing-document', 'contract', 'approval', 'personnel', 'finance', 'other'] as const;
export type SealPurpose = (typeof SEAL_PURPOSES)[number];

export const SEAL_PURPOSES_ZH: Readonly<Record<SealPurpose, string>> = {
  'outgoing-document': '以单位名义对外发文',
  contract: '合同文书',
  approval: '审批事项',
  personnel: '人事管理',
  finance: '财务',
  other: '其他事项',
};

/** 重要文件 of seed 001 L227: 凡以单位名义对外发文、合同文书、审批事项、人事管理、财务等. */
export const IMPORTANT_PURPOSES: readonly SealPurpose[] = ['outgoing-document', 'contract', 'approval', 'personnel', 'finance'];

export const SealSettingsSchema = z.strictObject({
  /**
   * The government seals: seed 001 L225 needs 区长 or 副区长; seed 000 L466 only "持领导批示" (any leader's
   * instruction). Default the stricter seed 001 reading.
   */
  governmentSealApproval: z.enum(['district-head-or-deputy', 'any-district-leader']).default('district-head-or-deputy'),
});
export type SealSettings = z.infer<typeof SealSettingsSchema>;
export const DEFAULT_SEAL_SETTINGS: SealSettings = SealSettingsSchema.parse({});

export function sealSettings(overrides: unknown = {}): SealSettings {
  const parsed = SealSettingsSchema.safeParse(overrides);
  if (!parsed.success) throw GovError.badInput(`invalid seal settings: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** One approver in a row: a post, and whether the approver must be in charge of the requesting area (分管). */
export interface ApproverRule {
  post: LeaderPost;
  inChargeOfArea: boolean;
}

export interface SealApprovalRow {
  seal: SealKind;
  purposes: readonly SealPurpose[];
  approvers: readonly ApproverRule[];
  source: string;
}

const ALL: readonly SealPurpose[] = SEAL_PURPOSES;
const OTHER: readonly SealPurpose[] = ['other'];
const a = (post: LeaderPost, inChargeOfArea = false): ApproverRule => ({ post, inChargeOfArea });

/** The decision table: (seal, purpose) → who may approve (seed 001 L223–227; seed 000 L790). */
export function sealApprovalTable(settings: SealSettings = DEFAULT_SEAL_SETTINGS): readonly SealApprovalRow[] {
  const governmentApprovers =
    settings.governmentSealApproval === 'any-district-leader'
      ? [a('district-head'), a('deputy-district-head'), a('party-secretary'), a('standing-committee-member')]
      : [a('district-head'), a('deputy-district-head')];
  return [
    { seal: 'party-committee', purposes: ALL, approvers: [a('standing-committee-member'), a('party-secretary')], source: 'seed 001 L223 (区委常委批准)' },
    { seal: 'government', purposes: ALL, approvers: governmentApprovers, source: 'seed 001 L225 (区长或副区长批准); seed 000 L466' },
    { seal: 'party-office', purposes: IMPORTANT_PURPOSES, approvers: [a('party-office-director')], source: 'seed 001 L227 (办公室主任签字)' },
    {
      seal: 'party-office',
      purposes: OTHER,
      approvers: [a('party-office-director'), a('office-deputy-director', true)],
      source: 'seed 001 L227 (分管领导签字同意); seed 000 L790',
    },
    { seal: 'government-office', purposes: IMPORTANT_PURPOSES, approvers: [a('government-office-director')], source: 'seed 001 L227' },
    {
      seal: 'government-office',
      purposes: OTHER,
      approvers: [a('government-office-director'), a('office-deputy-director', true)],
      source: 'seed 001 L227; seed 000 L790',
    },
    {
      seal: 'office-certification',
      purposes: IMPORTANT_PURPOSES,
      approvers: [a('party-office-director'), a('government-office-director')],
      source: 'seed 001 L227 (含证明专用章)',
    },
    {
      seal: 'office-certification',
      purposes: OTHER,
      approvers: [a('party-office-director'), a('government-office-director'), a('office-deputy-director', true)],
      source: 'seed 001 L227',
    },
  ];
}

/** The approver rules for a seal and purpose; every pair has exactly one row. */
export function approversFor(seal: SealKind, purpose: SealPurpose, settings: SealSettings = DEFAULT_SEAL_SETTINGS): readonly ApproverRule[] {
  const rows = sealApprovalTable(settings).filter((r) => r.seal === seal && r.purposes.includes(purpose));
  if (rows.length !== 1) throw new GovError('INTERNAL', `seal table has ${rows.length} rows for ${seal}/${purpose}`);
  return rows[0]!.approvers;
}

export interface SealApprover {
  id: string;
  name: string;
  posts: LeaderPost[];
  portfolios: string[];
}

export interface SealUseRequest {
  seal: SealKind | null;
  purpose: SealPurpose | null;
  /** 用印事由, in words. */
  purposeText: string;
  /** 用印文件(资料)名称 (seed 002 L142). */
  documentTitle: string;
  /** 盖印数. */
  impressions: number;
  requesterId: string;
  /** The requesting section's area, for approval by the leader in charge of it. */
  area: string | null;
  approval: { approver: SealApprover; approvalText: string; approvedAt: Date } | null;
  /** The keeper doubts the content although it is approved (seed 001 L233). */
  doubtful: boolean;
  /** An office leader confirmed a doubtful request (seed 001 L233). */
  confirmation: { byId: string; byRoles: Actor['roles']; at: Date } | null;
}

export type SealRefusalCode =
  | 'no-seal'
  | 'no-purpose'
  | 'no-purpose-text'
  | 'no-document-title'
  | 'bad-impressions'
  | 'no-approval'
  | 'no-approval-text'
  | 'approver-not-authorised'
  | 'approver-not-in-charge-of-area'
  | 'doubtful-not-confirmed';

export interface SealRefusal {
  code: SealRefusalCode;
  messageZh: string;
  source: string;
}

export type SealReview = { decision: 'stamp' } | { decision: 'refuse'; reasons: SealRefusal[] } | { decision: 'query'; reasons: SealRefusal[] };

const refusal = (code: SealRefusalCode, messageZh: string, source: string): SealRefusal => ({ code, messageZh, source });

/** Longest impressions count accepted on one request. */
export const MAX_IMPRESSIONS = 10000;

/**
 * The keeper's check of a request (seed 001 L229–233). Refuse (with every reason found) when the request does
 * not name the seal, purpose, its wording, the document or a whole number of impressions, or lacks the
 * leader's written approval, or the approver is not one the table allows for that seal and purpose.
 * A compliant but doubtful request is `query`: it waits for an office leader's confirmation.
 */
export function reviewSealRequest(req: SealUseRequest, settings: SealSettings = DEFAULT_SEAL_SETTINGS): SealReview {
  const reasons: SealRefusal[] = [];
  if (!req.seal) reasons.push(refusal('no-seal', '未写明所用印章', 'seed 001 L221–227'));
  if (!req.purpose) reasons.push(refusal('no-purpose', '未写明用印类别', 'seed 001 L227'));
  if (!req.purposeText.trim()) reasons.push(refusal('no-purpose-text', '未写明用印事由', 'seed 001 L235'));
  if (!req.documentTitle.trim()) reasons.push(refusal('no-document-title', '未写明用印文件名称', 'seed 002 L142'));
  if (!Number.isInteger(req.impressions) || req.impressions < 1 || req.impressions > MAX_IMPRESSIONS) {
    reasons.push(refusal('bad-impressions', '盖印数不正确', 'seed 001 L235'));
  }
  if (!req.approval) {
    reasons.push(refusal('no-approval', '无领导批准字样', 'seed 001 L229'));
  } else {
    if (!req.approval.approvalText.trim()) reasons.push(refusal('no-approval-text', '无领导批准字样', 'seed 001 L229'));
    if (req.seal && req.purpose) {
      const rules = approversFor(req.seal, req.purpose, settings);
      const approver = req.approval.approver;
      const fitting = rules.filter((r) => approver.posts.includes(r.post));
      if (fitting.length === 0) {
        reasons.push(refusal('approver-not-authorised', `${SEAL_KINDS_ZH[req.seal]}用于${SEAL_PURPOSES_ZH[req.purpose]}须经规定的领导批准`, 'seed 001 L223–227'));
      } else if (fitting.every((r) => r.inChargeOfArea) && !(req.area && approver.portfolios.includes(req.area))) {
        reasons.push(refusal('approver-not-in-charge-of-area', '批准人不是该事项的分管领导', 'seed 001 L227 (根据领导分工范围)'));
      }
    }
  }
  if (reasons.length > 0) return { decision: 'refuse', reasons };
  if (req.doubtful && !confirmedByOfficeLeader(req.confirmation)) {
    return { decision: 'query', reasons: [refusal('doubtful-not-confirmed', '用印内容有疑问,须向办公室领导确认', 'seed 001 L233')] };
  }
  return { decision: 'stamp' };
}

function confirmedByOfficeLeader(c: SealUseRequest['confirmation']): boolean {
  return !!c && c.byRoles.some((r) => r === 'director' || r === 'deputy-director');
}

/** Throws unless the review says stamp: CONFLICT with the reasons (refused, or waiting for confirmation). */
export function assertMayStamp(review: SealReview): void {
  if (review.decision === 'refuse') throw GovError.conflict('the seal keeper refuses this request (印章管理人员应拒绝盖章)', { reasons: review.reasons });
  if (review.decision === 'query') throw GovError.conflict('confirm with an office leader before stamping', { reasons: review.reasons });
}

export interface SealRecord {
  kind: SealKind;
  /** 专人保管 (seed 001 L219): the users who keep this seal. */
  keeperIds: string[];
}

/** Only the seal's designated keeper stamps with it (seed 001 L219: 秘书科专人保管、用印). FORBIDDEN otherwise. */
export function assertIsKeeper(actor: Actor, seal: SealRecord): void {
  if (!seal.keeperIds.includes(actor.id)) throw GovError.forbidden(`only the keeper of the ${SEAL_KINDS_ZH[seal.kind]} uses it`);
}

/** One line of the 印章使用登记簿 (seed 001 L235), with the document name of seed 002 L142. */
export interface SealRegisterEntry {
  /** 用印日期, Beijing date. */
  date: IsoDate;
  seal: SealKind;
  /** 用印事由. */
  purpose: string;
  purposeCategory: SealPurpose;
  documentTitle: string;
  /** 批准人. */
  approverName: string;
  /** The approval as written, kept with the register (保存领导的批准字样). */
  approvalText: string;
  /** 盖印数. */
  impressions: number;
  /** 经办人. */
  handlerName: string;
}

/** The register line for a stamped request; refuses a request that was not cleared for stamping. */
export function sealRegisterEntry(
  req: SealUseRequest,
  stampedAt: Date,
  handlerName: string,
  settings: SealSettings = DEFAULT_SEAL_SETTINGS,
): SealRegisterEntry {
  assertMayStamp(reviewSealRequest(req, settings));
  if (!handlerName.trim()) throw GovError.badInput('the register names the handler (经办人)', { field: 'handlerName' });
  return {
    date: toIsoDate(stampedAt),
    seal: req.seal!,
    purpose: req.purposeText.trim(),
    purposeCategory: req.purpose!,
    documentTitle: req.documentTitle.trim(),
    approverName: req.approval!.approver.name,
    approvalText: req.approval!.approvalText,
    impressions: req.impressions,
    handlerName: handlerName.trim(),
  };
}

/** A seal taken out of the office (seed 002 L142: 出借时间、出借事由、借出人员、归还时间). */
export interface SealLoan {
  seal: SealKind;
  lentAt: Date;
  reason: string;
  borrowerId: string;
  returnedAt: Date | null;
}

/** A loan names its time, reason and borrower; a return is not before the loan. BAD_USER_INPUT otherwise. */
export function assertSealLoan(loan: SealLoan): void {
  if (!loan.reason.trim()) throw GovError.badInput('a seal loan records its reason (出借事由)', { field: 'reason' });
  if (!loan.borrowerId.trim()) throw GovError.badInput('a seal loan records the borrower (借出人员)', { field: 'borrowerId' });
  if (loan.returnedAt && loan.returnedAt.getTime() < loan.lentAt.getTime()) {
    throw GovError.badInput('a seal cannot come back before it was lent', { field: 'returnedAt' });
  }
}
