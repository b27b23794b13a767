import type { legalReview } from '@gov/contracts';
import type { JointOpinion, LegalOpinion, OutgoingDocumentType } from './outgoing.rules.js';
import type { IssuingName, LeaderPost, SignOff, SigningCase, Signatory } from './signer.rules.js';

/**
 * Row → rule-input adapters: the stored draft read as the pure rules expect it (signer.rules.ts,
 * outgoing.rules.ts). No database access here.
 */

interface DraftFields {
  issuingName: string | null;
  docType: string | null;
  major: boolean;
  upward: boolean;
  portfolios: string[];
  delegatedToOffice: boolean;
}

interface SignOffRow {
  round: number;
  kind: string;
  signerId: string;
  signerName: string;
  signedName: string;
  opinion: string;
  signedAt: string;
  posts: string[];
  portfolios: string[];
  rank: number | null;
  proxy: unknown;
  laterSignaturePending: boolean;
}

interface OpinionRow {
  kind: string;
  unit: string | null;
  opinion: string;
  signedName: string | null;
  signedAt: string | null;
  outcome: string | null;
  recordedAt: Date;
}

export function signingCase(d: DraftFields): SigningCase {
  return {
    issuingName: d.issuingName as IssuingName,
    major: d.major,
    upward: d.upward,
    portfolios: d.portfolios,
    delegatedToOffice: d.delegatedToOffice,
  };
}

export function docTypeOf(d: DraftFields): OutgoingDocumentType {
  return d.docType as OutgoingDocumentType;
}

interface StoredProxy {
  kind: 'ab-post' | 'authorised';
  onBehalfOf: string;
  consentRef: string;
  onBehalfOfSignatory: Signatory;
}

export function signatoryOf(row: { signerId: string; signerName: string; posts: string[]; portfolios: string[]; rank: number | null }): Signatory {
  return { id: row.signerId, name: row.signerName, rank: row.rank, posts: row.posts as LeaderPost[], portfolios: row.portfolios };
}

/** The sign-offs (not re-signs) of one signing round, in the order given, as the signer rules read them. */
export function toSignOffs(d: { signOffs: SignOffRow[] }, round: number): SignOff[] {
  return d.signOffs
    .filter((s) => s.round === round && s.kind === 'sign')
    .map((s) => {
      const proxy = s.proxy as StoredProxy | null;
      return {
        signatory: signatoryOf(s),
        signedName: s.signedName,
        opinion: s.opinion,
        signedAt: s.signedAt,
        ...(proxy ? { proxy: { kind: proxy.kind, onBehalfOf: proxy.onBehalfOfSignatory, consentRef: proxy.consentRef } } : {}),
        laterSignaturePending: s.laterSignaturePending,
      };
    });
}

export function jointOpinions(d: { opinions: OpinionRow[] }): JointOpinion[] {
  return d.opinions
    .filter((o) => o.kind === 'joint')
    .map((o) => ({ unit: o.unit ?? '', opinion: o.opinion, signedName: o.signedName ?? '', signedAt: o.signedAt ?? '' }));
}

/** Legal-review conclusions are the legal office's written opinions (seed 004 L44), hence the legal-officer role. */
export function legalOpinions(d: { opinions: OpinionRow[] }): LegalOpinion[] {
  return d.opinions
    .filter((o) => o.kind === 'legal')
    .map((o) => ({ outcome: o.outcome === 'pass' ? 'pass' : 'fail', text: o.opinion, byRoles: ['legal-officer'], at: o.recordedAt }));
}

/** The grounds legal-review is told, from the reasons legalReviewRequired gave. */
export function legalGrounds(reasons: readonly string[]): legalReview.LegalReviewRequestData['grounds'] {
  const map: Record<string, legalReview.LegalReviewRequestData['grounds'][number]> = {
    normative: 'normative-document',
    licensing: 'licensing',
    penalty: 'penalty',
    fee: 'fees',
    'compulsory-measure': 'compulsory-measure',
    'major-decision': 'major-decision',
    'legal-matters': 'other',
  };
  const grounds = [...new Set(reasons.map((r) => map[r] ?? 'other'))];
  return grounds.length > 0 ? grounds : ['other'];
}
