import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { allocateYearNumber } from '@gov/persistence';
import { documents } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { DocumentsTx } from '../database.js';
import { FULL_VIEW, toView } from './incoming.mapper.js';
import {
  assertMayRegister,
  assertReceivedAt,
  nextState,
  publicTitle,
  REGISTER_PREFIX,
} from './incoming.rules.js';

type Input = z.infer<typeof documents.RegisterIncomingInputSchema>;
type Output = z.infer<typeof documents.registerIncoming.output>;

/**
 * 收文登记: sign for a received document and register it with its 办文编号, in one transaction with its
 * history, audit entry and `gov.documents.incoming.registered` event; the sender gets a 办文回执.
 */
@Injectable()
export class RegisterIncomingDocument {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<Output> {
    const { actor } = context;
    const now = this.clock.now();
    const receivedAt = new Date(input.receivedAt);
    assertReceivedAt(receivedAt, now);
    assertMayRegister(actor, input.classification);
    const received = nextState(null, 'sign-for', actor);
    const registered = nextState(received, 'register', actor);
    const id = randomUUID();

    const doc = await this.uow.run(async (tx) => {
      const number = await allocateYearNumber(tx, {
        prefix: REGISTER_PREFIX,
        at: now,
        entityType: 'incoming-document',
        entityId: id,
        issuedBy: actor.id,
      });
      const created = await tx.incomingDocument.create({
        data: {
          id,
          registerNumber: number.formatted,
          registerYear: number.year,
          registerSeq: number.value,
          title: input.title,
          senderUnit: input.senderUnit,
          senderDocNumber: input.senderDocNumber ?? null,
          docType: input.docType,
          urgency: input.urgency,
          classification: input.classification,
          copies: input.copies,
          pages: input.pages ?? null,
          summary: input.summary ?? null,
          receivedAt,
          registeredAt: now,
          registeredById: actor.id,
          status: registered,
          holderId: actor.id,
          holderName: actor.name,
          needToKnow: input.classification === 'none' ? [] : [actor.id],
          history: {
            create: [
              {
                at: receivedAt,
                actorId: actor.id,
                actorName: actor.name,
                action: 'sign-for',
                fromState: null,
                toState: received,
                details: { copies: input.copies, pages: input.pages ?? null },
              },
              {
                at: now,
                actorId: actor.id,
                actorName: actor.name,
                action: 'register',
                fromState: received,
                toState: registered,
                details: { registerNumber: number.formatted },
              },
            ],
          },
        },
        include: FULL_VIEW,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'incoming-document',
        entityId: id,
        action: 'incoming.register',
        details: { registerNumber: number.formatted, classification: input.classification },
        event: { contract: documents.incomingRegistered, data: {
            documentId: id,
            registerNumber: number.formatted,
            title: publicTitle({ classification: input.classification, title: created.title }),
            docType: input.docType,
            urgency: input.urgency,
            classification: input.classification,
            senderUnit: input.senderUnit,
            receivedAt: receivedAt.toISOString(),
            registeredAt: now.toISOString(),
            registeredBy: actor.id,
          } },
      });
      return created;
    });

    return {
      document: toView(doc, toIsoDate(now)),
      receipt: {
        registerNumber: doc.registerNumber,
        title: doc.title,
        senderUnit: doc.senderUnit,
        receivedAt: doc.receivedAt.toISOString(),
        registeredAt: doc.registeredAt.toISOString(),
        registeredBy: actor.name,
      },
    };
  }
}
