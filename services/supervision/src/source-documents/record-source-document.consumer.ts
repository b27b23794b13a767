import { Injectable } from '@nestjs/common';
import { documents, readEvent, type EventEnvelope } from '@gov/contracts';
import type { EventConsumer } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';

/**
 * Records every registered incoming document as a possible supervision source (seed 000 L280: items that
 * need tracking go to 督查室). Runs in the consumer's transaction with the inbox row, so a redelivered
 * event changes nothing.
 */
@Injectable()
export class RecordSourceDocument implements EventConsumer {
  readonly durable = 'supervision-source-documents';
  readonly eventTypes = [documents.incomingRegistered.type];

  async handle(envelope: EventEnvelope, tx: SupervisionTx): Promise<void> {
    const { data, id } = readEvent(documents.incomingRegistered, envelope);
    await tx.sourceDocument.create({
      data: {
        documentId: data.documentId,
        registerNumber: data.registerNumber,
        title: data.title,
        docType: data.docType,
        classification: data.classification,
        senderUnit: data.senderUnit,
        registeredAt: new Date(data.registeredAt),
        eventId: id,
      },
    });
  }
}
