import { defineEvent } from '../define.js';
import { LegalReviewRequestDataSchema } from '../legal-review/reviews.js';

/** 发文: a draft that needs legal review (规范性文件; licensing, penalties, fees, compulsory measures) asks for it (issue 3 §3). */
export const outgoingLegalReviewRequested = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'legal-review-requested',
  subjectKey: 'requestId',
  description:
    'An outgoing draft needs legal review before it may go on (normative documents; licensing, penalties, fees, compulsory measures). Legal-review answers with gov.legal-review.review.concluded.',
  data: LegalReviewRequestDataSchema,
  example: {
    requestId: '6a1e2f3d-4c5b-4a69-8f7e-1d2c3b4a5f6e',
    subject: { section: 'documents', kind: 'outgoing', id: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a' },
    title: '关于印发《区级行政规范性文件管理办法》的通知',
    grounds: ['normative-document'],
    requestedAt: '2026-03-01T02:00:00.000Z',
    requestedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
