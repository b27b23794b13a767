import { defineEvent } from '../define.js';
import { LegalReviewRequestDataSchema } from '../legal-review/reviews.js';

/** 议题: a topic that needs legality review cannot be deliberated until legal-review has passed it (issue 4 §4). */
export const topicLegalReviewRequested = defineEvent({
  section: 'meetings',
  aggregate: 'topic',
  name: 'legal-review-requested',
  subjectKey: 'requestId',
  description:
    'A meeting topic (议题) needs legality review before deliberation. Legal-review answers with gov.legal-review.review.concluded; a failed review blocks the topic.',
  data: LegalReviewRequestDataSchema,
  example: {
    requestId: '7b2f3e4d-5c6b-4a79-8e8f-2d3c4b5a6f7e',
    subject: { section: 'meetings', kind: 'topic', id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
    title: '关于《区老旧小区改造实施方案》的议题',
    grounds: ['major-decision'],
    requestedAt: '2026-03-01T02:00:00.000Z',
    requestedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
