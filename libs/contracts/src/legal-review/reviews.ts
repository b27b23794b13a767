import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { PageSchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Legal review (合法性审查/法制审核) as other sections see it: a section asks for review with its own
 * `…legal-review-requested` event (documents' outgoing documents, meetings' topics); the legal-review section
 * answers with `gov.legal-review.review.concluded`. A failed review blocks the document or topic that asked
 * (shared/ARCHITECTURE.md, legal-review row; issue 3 §3, issue 4 §4).
 */

/** What a section asks legal review about; `subject` names the asking section's own record. */
export const LegalReviewSubjectSchema = z.object({
  section: z.enum(['documents', 'meetings']),
  /** the kind of record in that section: `outgoing` (发文稿) or `topic` (会议议题) */
  kind: z.enum(['outgoing', 'topic']),
  /** the record's id in the asking section */
  id: UuidSchema,
});
export type LegalReviewSubject = z.infer<typeof LegalReviewSubjectSchema>;

/** Why review is required (规范性文件; 行政许可、行政处罚、行政收费、行政强制; 重大决策; other). */
export const LEGAL_REVIEW_GROUNDS = ['normative-document', 'licensing', 'penalty', 'fees', 'compulsory-measure', 'major-decision', 'contract', 'other'] as const;
export const LegalReviewGroundSchema = z.enum(LEGAL_REVIEW_GROUNDS);

/** The data of every `…legal-review-requested` event. No classified content: `title` is null when classified. */
export const LegalReviewRequestDataSchema = z.object({
  requestId: UuidSchema,
  subject: LegalReviewSubjectSchema,
  title: z.string().nullable(),
  grounds: z.array(LegalReviewGroundSchema).min(1),
  requestedAt: IsoDateTimeSchema,
  requestedBy: z.string(),
});
export type LegalReviewRequestData = z.infer<typeof LegalReviewRequestDataSchema>;

export const LEGAL_REVIEW_OUTCOMES = ['passed', 'passed-with-changes', 'failed'] as const;
export const LegalReviewOutcomeSchema = z.enum(LEGAL_REVIEW_OUTCOMES);
export type LegalReviewOutcome = z.infer<typeof LegalReviewOutcomeSchema>;

/** Whether an outcome lets the document or topic go on: `failed` blocks it. */
export function legalReviewPasses(outcome: LegalReviewOutcome): boolean {
  return outcome !== 'failed';
}

export const reviewConcluded = defineEvent({
  section: 'legal-review',
  aggregate: 'review',
  name: 'concluded',
  subjectKey: 'reviewId',
  description:
    'Legal review concluded with an opinion (审查意见): passed, passed with changes, or failed. The asking section matches subject.section/kind/id; failed blocks the record.',
  data: z.object({
    reviewId: UuidSchema,
    requestId: UuidSchema,
    subject: LegalReviewSubjectSchema,
    outcome: LegalReviewOutcomeSchema,
    /** the opinion's number (法审〔YYYY〕N号) */
    opinionNumber: z.string(),
    /** short reason, never classified content */
    summary: text(500).nullable(),
    concludedAt: IsoDateTimeSchema,
    concludedBy: z.string(),
  }),
  example: {
    reviewId: '0b6f1f7e-3f0d-4a51-9d7b-2f1d1a3c4e5f',
    requestId: '6a1e2f3d-4c5b-4a69-8f7e-1d2c3b4a5f6e',
    subject: { section: 'documents', kind: 'outgoing', id: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a' },
    outcome: 'passed',
    opinionNumber: '法审〔2026〕3号',
    summary: '符合法律法规规定',
    concludedAt: '2026-03-02T06:00:00.000Z',
    concludedBy: '2d3c4b5a-6f7e-4d8c-9b0a-1e2f3a4b5c6d',
  },
});

export const REVIEW_STATES = ['requested', 'concluded'] as const;
export const ReviewStateSchema = z.enum(REVIEW_STATES);

export const LegalReviewViewSchema = z.object({
  id: UuidSchema,
  requestId: UuidSchema,
  subject: LegalReviewSubjectSchema,
  title: z.string().nullable(),
  grounds: z.array(LegalReviewGroundSchema),
  state: ReviewStateSchema,
  requestedAt: IsoDateTimeSchema,
  requestedBy: z.string(),
  outcome: LegalReviewOutcomeSchema.nullable(),
  opinionNumber: z.string().nullable(),
  summary: z.string().nullable(),
  concludedAt: IsoDateTimeSchema.nullable(),
  concludedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type LegalReviewView = z.infer<typeof LegalReviewViewSchema>;

export const concludeReview = defineCommand({
  section: 'legal-review',
  aggregate: 'review',
  verb: 'conclude',
  input: z
    .object({
      id: UuidSchema,
      outcome: LegalReviewOutcomeSchema,
      /** the reason in a sentence; required unless the review passed as it stands */
      summary: text(500).optional(),
    })
    .strict(),
  output: LegalReviewViewSchema,
  description: 'A legal officer concludes a requested review with its opinion (审查意见), numbered 法审〔YYYY〕N号.',
});

export const getReview = defineCommand({
  kind: 'query',
  section: 'legal-review',
  aggregate: 'review',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: LegalReviewViewSchema,
  description: 'One legal review request with its opinion.',
});

export const listReviews = defineCommand({
  kind: 'query',
  section: 'legal-review',
  aggregate: 'review',
  verb: 'list',
  input: PageSchema.extend({ state: ReviewStateSchema.optional() }).strict(),
  output: z.object({ items: z.array(LegalReviewViewSchema), total: z.number().int() }),
  description: 'Legal review requests, oldest waiting first, by state (the legal officers’ queue).',
});
