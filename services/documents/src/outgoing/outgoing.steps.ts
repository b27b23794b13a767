import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { canRead } from '@gov/auth';
import type { Actor } from '@gov/auth';
import { GovError, createEnvelope, documents, type Classification, type EventContract } from '@gov/contracts';
import { enqueueEvent } from '@gov/messaging';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, gateClassifiedRead, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import { nextActions } from './outgoing.mapper.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DRAFT_INCLUDE, toView, type DraftRow } from './outgoing.mapper.js';
import { nextOutgoingState, type OutgoingAction, type OutgoingState } from './outgoing.rules.js';
import { outgoingSettings, type OutgoingSettings } from './outgoing.settings.js';

/** The settings of the outgoing rules, from `DOCUMENTS_OUTGOING_SETTINGS` (JSON) over the defaults. */
export const OUTGOING_SETTINGS = Symbol('OUTGOING_SETTINGS');
export const outgoingSettingsProvider = {
  provide: OUTGOING_SETTINGS,
  useFactory: (): OutgoingSettings => outgoingSettings(JSON.parse(process.env.DOCUMENTS_OUTGOING_SETTINGS ?? '{}')),
};

export const ENTITY = 'outgoing-document';
export const NO_SUCH_DRAFT = () => GovError.notFound('no such outgoing document');

/** What one step changes; the runner writes the state, holder, history, audit entry and event together. */
export interface StepOutcome {
  /** The table action (a transition) or a recorded action that keeps the state (editorial change, 二校). */
  action: OutgoingAction | 'editorial-change' | 'second-proofread';
  to: OutgoingState;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** Who holds the draft afterwards; the actor by default (the one who signed for it). */
  holder?: { id: string; name: string };
  data?: Prisma.OutgoingDocumentUncheckedUpdateInput;
  event?: { contract: EventContract<z.ZodType>; data: unknown };
}

export type StepFn = (draft: DraftRow, tx: DocumentsTx, now: Date) => Promise<StepOutcome> | StepOutcome;

/** Who may read a draft: unclassified to every office role; classified within its 知悉范围 and clearance. */
export function mayRead(actor: Actor, d: { classification: string; needToKnow: string[] }): boolean {
  return canRead(actor, { classification: d.classification as Classification, needToKnow: d.needToKnow }).allowed;
}

/**
 * `handed-over` for every step (inboxes and their subscriptions: who holds it now, which roles act next). It
 * travels with the step's own event in the same transaction; recordChange carries one event, so this one is
 * checked against its contract and put into the outbox here. No title or content.
 */
export async function enqueueHandOver(
  tx: DocumentsTx,
  traceparent: string | undefined,
  step: { documentId: string; action: string; fromState: string | null; toState: string; holder: { id: string; name: string }; classification: string; at: Date; by: string },
): Promise<void> {
  const data = documents.outgoingHandedOver.data.parse({
    documentId: step.documentId,
    action: step.action,
    fromState: step.fromState,
    toState: step.toState,
    holder: step.holder,
    nextRoles: [...new Set(nextActions(step.toState).flatMap((a) => a.roles))],
    classification: step.classification,
    at: step.at.toISOString(),
    by: step.by,
  });
  await enqueueEvent(
    tx,
    createEnvelope({ section: 'documents', type: documents.outgoingHandedOver.type, subject: step.documentId, traceparent, time: step.at, data }),
  );
}

/** A state change by the table, refused (CONFLICT/FORBIDDEN) before anything is written. */
export function transition(draft: DraftRow, action: OutgoingAction, actor: Actor): OutgoingState {
  return nextOutgoingState(draft.status as OutgoingState, action, actor);
}

/**
 * Runs one step of the outgoing workflow. A classified draft outside the caller's clearance or 知悉范围 gets
 * exactly the answer an unknown id gets (NOT_FOUND), and the refused attempt is audited. The draft row is
 * locked for the transaction, so two steps on one draft queue; every rule check runs inside before any
 * write, and a refusal rolls everything back (no state, history, number, audit entry or event).
 */
@Injectable()
export class OutgoingSteps {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OUTGOING_SETTINGS) readonly settings: OutgoingSettings,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** NOT_FOUND for an unknown id and for a classified draft the caller may not know of (audited). */
  async assertVisible(id: string, context: RequestContext, auditPrefix = 'outgoing'): Promise<void> {
    const found = await this.db.outgoingDocument.findUnique({ where: { id }, select: { id: true, classification: true, needToKnow: true } });
    if (!found) throw NO_SUCH_DRAFT();
    if (found.classification !== 'none' && !mayRead(context.actor, found)) {
      await gateClassifiedRead(this.uow, context, {
        entityType: ENTITY, auditPrefix, id, classification: found.classification, allowed: false, notFound: NO_SUCH_DRAFT, at: this.clock.now(),
      });
    }
  }

  async step(id: string, context: RequestContext, fn: StepFn): Promise<documents.OutgoingDocumentView> {
    await this.assertVisible(id, context);
    const { actor } = context;
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      await tx.$queryRawUnsafe('SELECT id FROM outgoing_document WHERE id = $1::uuid FOR UPDATE', id);
      const draft = await tx.outgoingDocument.findUniqueOrThrow({ where: { id }, include: DRAFT_INCLUDE });
      const out = await fn(draft, tx, now);
      const holder = out.holder ?? { id: actor.id, name: actor.name };
      await tx.outgoingDocument.update({
        where: { id },
        data: {
          ...out.data,
          status: out.to,
          holderId: holder.id,
          holderName: holder.name,
          version: { increment: 1 },
          history: {
            create: {
              at: now,
              actorId: actor.id,
              actorName: actor.name,
              action: out.action,
              fromState: draft.status,
              toState: out.to,
              reason: out.reason ?? null,
              details: (out.details ?? {}) as Prisma.InputJsonValue,
              holderId: holder.id,
              holderName: holder.name,
            },
          },
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: id,
        action: `outgoing.${out.action}`,
        details: { from: draft.status, to: out.to, ...(out.details ?? {}) },
        ...(out.event ? { event: out.event as never } : {}),
      });
      await enqueueHandOver(tx, context.traceparent, {
        documentId: id,
        action: out.action,
        fromState: draft.status,
        toState: out.to,
        holder,
        classification: draft.classification,
        at: now,
        by: actor.id,
      });
    });
    // read after the commit: the transaction (and the locks it holds on the number sequence and the audit chain)
    // stays as short as possible
    const row = await this.db.outgoingDocument.findUniqueOrThrow({ where: { id }, include: DRAFT_INCLUDE });
    return toView(row, this.settings);
  }
}
