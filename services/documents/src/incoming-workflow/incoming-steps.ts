import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, documents, type Classification, type EventContract } from '@gov/contracts';
import type { Actor } from '@gov/auth';
import { toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, gateClassifiedRead, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { FULL_VIEW, toView, type IncomingRow } from '../incoming/incoming.mapper.js';
import { assertSignedFor } from '../incoming-review/initial-review.rules.js';
import { nextState, publicTitle, readDecision, type IncomingAction, type IncomingState } from '../incoming/incoming.rules.js';

export const INCOMING_REVIEW_SETTINGS = Symbol('INCOMING_REVIEW_SETTINGS');

type Person = documents.Person;
export type LoadedDoc = IncomingRow & Required<Pick<IncomingRow, 'history' | 'opinions' | 'instructions'>>;

/** An extra event a step emits (besides its own audit entry), with the entity it is about. */
export interface StepEvent<D extends z.ZodType = z.ZodType> {
  entityType: string;
  entityId: string;
  action: string;
  contract: EventContract<D>;
  data: z.input<D>;
}

export interface StepPlan {
  /** Columns to change besides status, holder and version. */
  data?: Prisma.IncomingDocumentUpdateManyMutationInput;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** Writes of other rows (opinions, instructions, routes), in the same transaction. */
  write?: (tx: DocumentsTx) => Promise<void>;
  events?: StepEvent[];
  /** Hand-over target when the input gave none (e.g. the next reader). */
  defaultHandTo?: Person | null;
}

export interface StepOptions {
  /** Only the person holding the paper acts (default true). 催办 is done by whoever chases. */
  holderOnly?: boolean;
  /** Rules that need the document and "now"; throw GovError. Runs before the transaction. */
  plan: (doc: LoadedDoc, now: Date, today: IsoDate) => StepPlan | Promise<StepPlan>;
}

const NO_SUCH_DOCUMENT = () => GovError.notFound('no such incoming document');

/** Reference data common to every event about the item: never a classified title. */
export function eventRef(doc: IncomingRow) {
  const classification = doc.classification as Classification;
  return {
    documentId: doc.id,
    registerNumber: doc.registerNumber,
    classification,
    title: publicTitle({ classification, title: doc.title }),
  };
}

/**
 * The one way a step of the incoming workflow runs (every step is this, with its own rules):
 * load → may the caller know of it (classified: NOT_FOUND + audit, as an unknown id) → the state table
 * (CONFLICT / FORBIDDEN) → only the holder acts and nothing is in transit (seed 000 L174, L228, L254) → the
 * step's rules → one transaction: optimistic update on `version`, history row, the step's rows, audit entry
 * and events, and the hand-over (waiting for the receiver's signature, with its own event for their inbox).
 */
@Injectable()
export class IncomingSteps {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): IsoDate {
    return toIsoDate(this.clock.now());
  }

  /** Loads a document the caller may know of; otherwise the answer (and audit) of an unknown id. */
  async load(id: string, context: RequestContext): Promise<LoadedDoc> {
    const doc = (await this.db.incomingDocument.findUnique({ where: { id }, include: FULL_VIEW })) as LoadedDoc | null;
    if (!doc) throw NO_SUCH_DOCUMENT();
    const classification = doc.classification as Classification;
    // actions check the same gate as reads; only a refusal is audited here (the change audits itself)
    const allowed = classification === 'none' || readDecision(context.actor, { classification, needToKnow: doc.needToKnow }).allowed;
    if (!allowed) {
      await gateClassifiedRead(this.uow, context, {
        entityType: 'incoming-document', auditPrefix: 'incoming', id: doc.id, classification, allowed, notFound: NO_SUCH_DOCUMENT,
      });
    }
    return doc;
  }

  async run(
    input: { id: string; handTo?: Person | undefined },
    action: IncomingAction | 'hand-over',
    context: RequestContext,
    options: StepOptions,
  ): Promise<documents.IncomingDocumentView> {
    const { actor } = context;
    const now = this.clock.now();
    const today = toIsoDate(now);
    const doc = await this.load(input.id, context);
    const from = doc.status as IncomingState;
    // a plain hand-over moves the paper, not the state: no row of the table, only the holder rule
    const to = action === 'hand-over' ? from : nextState(from, action, actor);
    if (options.holderOnly !== false) assertHolder(doc, actor);
    const plan = await options.plan(doc, now, today);
    const handTo = input.handTo ?? plan.defaultHandTo ?? null;
    if (handTo && handTo.id === actor.id) throw GovError.badInput('you cannot hand the item to yourself', { field: 'handTo' });

    const updated = await this.uow.run(async (tx) => {
      const { count } = await tx.incomingDocument.updateMany({
        where: { id: doc.id, version: doc.version },
        data: {
          ...plan.data,
          status: to,
          version: { increment: 1 },
          ...(handTo
            ? {
                inTransitToId: handTo.id,
                inTransitToName: handTo.name,
                handedAt: now,
                handedAction: action,
                // a classified item's 知悉范围 grows with each signed hand-over
                ...(doc.classification !== 'none' && !doc.needToKnow.includes(handTo.id)
                  ? { needToKnow: [...doc.needToKnow, handTo.id] }
                  : {}),
              }
            : {}),
        },
      });
      if (count !== 1) throw GovError.conflict('the item changed meanwhile; reload and try again');
      await tx.incomingDocumentHistory.create({
        data: {
          documentId: doc.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action,
          fromState: from,
          toState: to,
          reason: plan.reason ?? null,
          details: { ...(plan.details ?? {}), ...(handTo ? { handedTo: handTo } : {}) } as Prisma.InputJsonValue,
        },
      });
      await plan.write?.(tx);
      await recordChange(tx, context, {
        at: now,
        entityType: 'incoming-document',
        entityId: doc.id,
        action: `incoming.${action}`,
        details: { from, to, ...(plan.details ?? {}), ...(handTo ? { handedTo: handTo.id } : {}) },
      });
      for (const e of plan.events ?? []) {
        await recordChange(tx, context, {
          at: now,
          entityType: e.entityType,
          entityId: e.entityId,
          action: e.action,
          details: { documentId: doc.id },
          event: { contract: e.contract, data: e.data },
        });
      }
      if (handTo) {
        await recordChange(tx, context, {
          at: now,
          entityType: 'incoming-document',
          entityId: doc.id,
          action: 'incoming.hand-over',
          details: { to: handTo.id, action },
          event: {
            contract: documents.incomingHandedOver,
            data: { ...eventRef(doc), fromId: actor.id, toId: handTo.id, action, handedAt: now.toISOString() },
          },
        });
      }
      return tx.incomingDocument.findUniqueOrThrow({ where: { id: doc.id }, include: FULL_VIEW });
    });
    return toView(updated, today);
  }

  /**
   * 签收 of a hand-over: only the person it was handed to signs, and becomes the holder. The history row names
   * who handed, who received and when (seed 000 L174, L228, L254).
   */
  async receive({ id }: { id: string }, context: RequestContext): Promise<documents.IncomingDocumentView> {
    const { actor } = context;
    const now = this.clock.now();
    const doc = await this.load(id, context);
    if (!doc.inTransitToId) throw GovError.conflict('nothing is being handed over on this item');
    assertSignedFor({ fromId: doc.holderId, toId: doc.inTransitToId, handedAt: doc.handedAt ?? now, signedForBy: actor.id, signedForAt: now });
    const updated = await this.uow.run(async (tx) => {
      const { count } = await tx.incomingDocument.updateMany({
        where: { id: doc.id, version: doc.version },
        data: {
          holderId: actor.id,
          holderName: actor.name,
          inTransitToId: null,
          inTransitToName: null,
          handedAt: null,
          handedAction: null,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw GovError.conflict('the item changed meanwhile; reload and try again');
      await tx.incomingDocumentHistory.create({
        data: {
          documentId: doc.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: 'receive',
          fromState: doc.status,
          toState: doc.status,
          reason: `签收: ${doc.holderName} → ${actor.name}, handed ${doc.handedAt?.toISOString() ?? '?'}`,
          details: { handedBy: { id: doc.holderId, name: doc.holderName }, handedAt: doc.handedAt?.toISOString() ?? null, for: doc.handedAction },
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'incoming-document',
        entityId: doc.id,
        action: 'incoming.receive',
        details: { from: doc.holderId, handedAt: doc.handedAt?.toISOString() ?? null },
      });
      return tx.incomingDocument.findUniqueOrThrow({ where: { id: doc.id }, include: FULL_VIEW });
    });
    return toView(updated, toIsoDate(now));
  }

  newId(): string {
    return randomUUID();
  }
}

/**
 * Only the person holding the paper acts on it, and not while it is being handed to someone else (the
 * receiver signs first). CONFLICT while in transit; FORBIDDEN for anyone but the holder.
 */
export function assertHolder(doc: IncomingRow, actor: Actor): void {
  if (doc.inTransitToId) {
    throw GovError.conflict(`the item is being handed to ${doc.inTransitToName ?? doc.inTransitToId}, who has not signed for it yet`, {
      inTransitTo: doc.inTransitToId,
    });
  }
  if (doc.holderId !== actor.id) {
    throw GovError.forbidden(`the item is with ${doc.holderName}; only its holder acts on it`, { holder: doc.holderId });
  }
}
