import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { documents, meetings, readEvent, type EventEnvelope } from '@gov/contracts';
import type { EventConsumer } from '@gov/service-kit';
import type { LegalReviewTx } from '../database.js';

const REQUEST_EVENTS = [documents.outgoingLegalReviewRequested, meetings.topicLegalReviewRequested] as const;

/**
 * Records a review request from documents (发文稿) or meetings (议题) in the legal officers' queue. The inbox row
 * makes a redelivery a no-op; the unique request id makes a duplicate publish one too.
 */
@Injectable()
export class RecordReviewRequest implements EventConsumer {
  readonly durable = 'legal-review-requests';
  readonly eventTypes = REQUEST_EVENTS.map((c) => c.type);

  async handle(envelope: EventEnvelope, tx: LegalReviewTx): Promise<void> {
    const contract = REQUEST_EVENTS.find((c) => c.type === envelope.type)!;
    const { data } = readEvent(contract, envelope);
    const exists = await tx.legalReview.findUnique({ where: { requestId: data.requestId }, select: { id: true } });
    if (exists) return;
    await tx.legalReview.create({
      data: {
        id: randomUUID(),
        requestId: data.requestId,
        subjectSection: data.subject.section,
        subjectKind: data.subject.kind,
        subjectId: data.subject.id,
        title: data.title,
        grounds: data.grounds,
        state: 'requested',
        requestedAt: new Date(data.requestedAt),
        requestedBy: data.requestedBy,
      },
    });
  }
}
