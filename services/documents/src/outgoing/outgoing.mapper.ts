import { toHistoryEntry, type documents } from '@gov/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { OUTGOING_TRANSITIONS, distributionDue, type OutgoingState } from './outgoing.rules.js';
import { signingPlan, reviewSignOffs } from './signer.rules.js';
import type { OutgoingSettings } from './outgoing.settings.js';
import { signingCase, toSignOffs } from './outgoing.records.js';
import { eDocumentName } from './e-document-name.rules.js';

export const DRAFT_INCLUDE = {
  history: { orderBy: { seq: 'asc' } },
  signOffs: { orderBy: { seq: 'asc' } },
  opinions: { orderBy: { seq: 'asc' } },
} as const satisfies Prisma.OutgoingDocumentInclude;

export type DraftRow = Prisma.OutgoingDocumentGetPayload<{ include: typeof DRAFT_INCLUDE }>;
export type DraftSummaryRow = Prisma.OutgoingDocumentGetPayload<object>;

type View = documents.OutgoingDocumentView;
type Summary = documents.OutgoingSummaryView;

function legalStatus(d: DraftSummaryRow, opinions: DraftRow['opinions'] | null): View['legalReview']['status'] {
  if (!d.legalReviewRequired && !d.legalRequestId) return 'not-required';
  if (d.status === 'legal-review') return 'requested';
  const latest = opinions ? [...opinions].reverse().find((o) => o.kind === 'legal') : undefined;
  if (!latest) return 'pending';
  return latest.outcome === 'pass' ? 'passed' : 'failed';
}

/** Who may act next: the roles of every row leaving the current state (the inbox reads it). */
export function nextActions(status: string): { action: string; roles: string[] }[] {
  return OUTGOING_TRANSITIONS.filter((t) => t.from === status).map((t) => ({ action: t.action, roles: [...t.roles] }));
}

export function toSummaryView(d: DraftSummaryRow, settings: OutgoingSettings, opinions: DraftRow['opinions'] | null = null): Summary {
  const proof = d.proofMark as { text: string; proofreaderName: string; at: string; warnings?: string[] } | null;
  const seal = d.seal as { mode: 'none' | 'printed-on' | 'stamped'; seals: string[]; at: string; sealRegisterRef?: string | null } | null;
  let due: string | null = null;
  if (d.printedAt || d.numberedAt) {
    try {
      due = distributionDue({ printedAt: d.printedAt, numberedAt: d.numberedAt }, settings).toISOString();
    } catch {
      due = null;
    }
  }
  return {
    id: d.id,
    registerNumber: d.registerNumber,
    documentNumber: d.documentNumber,
    title: d.title,
    draftingUnit: d.draftingUnit,
    summary: d.summary,
    classification: d.classification as Summary['classification'],
    urgency: d.urgency as Summary['urgency'],
    docType: d.docType as Summary['docType'],
    issuingName: d.issuingName as Summary['issuingName'],
    major: d.major,
    upward: d.upward,
    portfolios: d.portfolios,
    generalDistribution: d.generalDistribution,
    toCityGovernment: d.toCityGovernment,
    jointReview: { required: d.jointReviewRequired, units: d.jointReviewUnits },
    legalReview: { required: d.legalReviewRequired, reasons: d.legalReviewReasons, status: legalStatus(d, opinions) },
    status: d.status as Summary['status'],
    holder: { id: d.holderId, name: d.holderName },
    nextActions: nextActions(d.status),
    proofMark: proof ? { text: proof.text, proofreaderName: proof.proofreaderName, at: proof.at, warnings: proof.warnings ?? [] } : null,
    copyNumbers: d.copyNumbers,
    copies: d.copies,
    seal: seal ? { mode: seal.mode, seals: seal.seals, at: seal.at, sealRegisterRef: seal.sealRegisterRef ?? null } : null,
    distribution:
      d.distributionChannel && d.distributedAt
        ? {
            channel: d.distributionChannel as NonNullable<Summary['distribution']>['channel'],
            recipients: d.recipients,
            at: d.distributedAt.toISOString(),
            status: (d.distributionStatus ?? 'on-time') as 'on-time' | 'late',
          }
        : null,
    distributionDueAt: due,
    submittedAt: d.submittedAt.toISOString(),
    numberedAt: d.numberedAt?.toISOString() ?? null,
    archivedAt: d.archivedAt?.toISOString() ?? null,
    eDocumentName: archivedName(d),
  };
}

/**
 * 电子文档名称 of an archived draft (seed 002 L399–401): the same inputs the 归档 step built it from (the draft
 * is frozen once archived), so no column is needed. Null before archiving, or for a draft archived without
 * the parts the name needs (before the rule existed).
 */
function archivedName(d: DraftSummaryRow): string | null {
  if (!d.archivedAt) return null;
  try {
    return eDocumentName({ docNumber: d.documentNumber, docType: d.docType, title: d.title, date: d.distributedAt ?? d.archivedAt });
  } catch {
    return null;
  }
}

export function toView(d: DraftRow, settings: OutgoingSettings): View {
  let plan: View['signingPlan'] = [];
  if (d.issuingName && d.signingRound > 0) {
    try {
      const steps = signingPlan(signingCase(d), settings);
      const review = reviewSignOffs(steps, toSignOffs(d, d.signingRound), settings);
      plan = steps.map((s) => ({ id: s.id, labelZh: s.labelZh, satisfied: review.satisfied[s.id] !== undefined }));
    } catch {
      plan = [];
    }
  }
  return {
    ...toSummaryView(d, settings, d.opinions),
    signingPlan: plan,
    signOffs: d.signOffs.map((s) => ({
      signerId: s.signerId,
      signerName: s.signerName,
      signedName: s.signedName,
      opinion: s.opinion,
      decision: s.decision as 'agree' | 'disagree',
      signedAt: s.signedAt,
      posts: s.posts as View['signOffs'][number]['posts'],
      round: s.round,
      kind: s.kind as 'sign' | 're-sign',
      proxy: (s.proxy as View['signOffs'][number]['proxy']) ?? null,
      laterSignaturePending: s.laterSignaturePending,
    })),
    opinions: d.opinions.map((o) => ({
      kind: o.kind as 'joint' | 'legal',
      unit: o.unit,
      opinion: o.opinion,
      signedName: o.signedName,
      signedAt: o.signedAt,
      outcome: o.outcome,
      opinionNumber: o.opinionNumber,
      recordedAt: o.recordedAt.toISOString(),
    })),
    history: d.history.map(toHistoryEntry),
  };
}

export type { OutgoingState };
