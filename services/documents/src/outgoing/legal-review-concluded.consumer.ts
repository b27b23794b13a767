import { Injectable } from '@nestjs/common';
import { appendAudit } from '@gov/persistence';
import { legalReview, readEvent, type EventEnvelope } from '@gov/contracts';
import type { EventConsumer } from '@gov/service-kit';
import type { DocumentsTx } from '../database.js';
import { OUTGOING_TRANSITIONS } from './outgoing.rules.js';
import { ENTITY, enqueueHandOver } from './outgoing.steps.js';

const ROW = OUTGOING_TRANSITIONS.find((t) => t.from === 'legal-review' && t.action === 'record-legal-opinion')!;

/**
 * 法制办's written opinion comes back (seed 004 L44; seed 000 L296): legal-review's `review.concluded` for
 * subject documents/outgoing records the opinion on the draft and returns it from `legal-review` to `proposed`
 * (the table's `record-legal-opinion` row, the legal office acting). `passed` and `passed-with-changes` let it
 * go on to 核稿; `failed` leaves it blocked there (assertReadyForCheck). Only the conclusion of the draft's open
 * request applies; others (another section, a superseded request, a replay) change nothing. Writes go through
 * `tx`, the transaction of the inbox row, so a redelivery is ignored.
 */
@Injectable()
export class RecordOutgoingLegalOpinion implements EventConsumer {
  readonly durable = 'documents-outgoing-legal-review';
  readonly eventTypes = [legalReview.reviewConcluded.type];

  async handle(envelope: EventEnvelope, tx: DocumentsTx): Promise<void> {
    const { data } = readEvent(legalReview.reviewConcluded, envelope);
    if (data.subject.section !== 'documents' || data.subject.kind !== 'outgoing') return;
    await tx.$queryRawUnsafe('SELECT id FROM outgoing_document WHERE id = $1::uuid FOR UPDATE', data.subject.id);
    const draft = await tx.outgoingDocument.findUnique({ where: { id: data.subject.id } });
    if (!draft || draft.status !== ROW.from || draft.legalRequestId !== data.requestId) return;
    if (await tx.outgoingOpinion.findUnique({ where: { reviewId: data.reviewId } })) return;
    const at = new Date(data.concludedAt);
    const passes = legalReview.legalReviewPasses(data.outcome);
    const text = data.summary ?? `法制审核意见 ${data.opinionNumber}`;
    const actor = { id: data.concludedBy, name: '法制审核' };
    await tx.outgoingOpinion.create({
      data: {
        documentId: draft.id,
        kind: 'legal',
        opinion: text,
        outcome: passes ? 'pass' : 'fail',
        opinionNumber: data.opinionNumber,
        reviewId: data.reviewId,
        recordedById: data.concludedBy,
        recordedAt: at,
      },
    });
    await tx.outgoingDocument.update({
      where: { id: draft.id },
      data: {
        status: ROW.to,
        legalRequestId: null,
        holderId: actor.id,
        holderName: actor.name,
        version: { increment: 1 },
        history: {
          create: {
            at,
            actorId: actor.id,
            actorName: actor.name,
            action: ROW.action,
            fromState: draft.status,
            toState: ROW.to,
            reason: `${data.outcome}: ${text}`,
            details: { outcome: data.outcome, opinionNumber: data.opinionNumber, reviewId: data.reviewId },
            holderId: actor.id,
            holderName: actor.name,
          },
        },
      },
    });
    await enqueueHandOver(tx, envelope.traceparent, {
      documentId: draft.id,
      action: ROW.action,
      fromState: draft.status,
      toState: ROW.to,
      holder: actor,
      classification: draft.classification,
      at,
      by: actor.id,
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'outgoing.record-legal-opinion',
      entityType: ENTITY,
      entityId: draft.id,
      details: { outcome: data.outcome, opinionNumber: data.opinionNumber, reviewId: data.reviewId, eventId: envelope.id },
      traceId: envelope.traceparent?.split('-')[1] ?? null,
      at,
    });
  }
}
