import type { legalReview } from '@gov/contracts';
import type { LegalReview } from '../generated/prisma/client.js';

type View = legalReview.LegalReviewView;

export function toReviewView(row: LegalReview): View {
  return {
    id: row.id,
    requestId: row.requestId,
    subject: { section: row.subjectSection as View['subject']['section'], kind: row.subjectKind as View['subject']['kind'], id: row.subjectId },
    title: row.title,
    grounds: row.grounds as View['grounds'],
    state: row.state as View['state'],
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: row.requestedBy,
    outcome: (row.outcome as View['outcome']) ?? null,
    opinionNumber: row.opinionNumber,
    summary: row.summary,
    concludedAt: row.concludedAt?.toISOString() ?? null,
    concludedBy: row.concludedById ? { id: row.concludedById, name: row.concludedByName ?? '' } : null,
  };
}
