import type { z } from 'zod';
import { appendAudit, type SqlExecutor } from '@gov/persistence';
import { createEnvelope, GovError, type EventContract } from '@gov/contracts';
import { enqueueEvent } from '@gov/messaging';
import type { RequestContext } from './command.js';

export interface Change<D extends z.ZodType> {
  at: Date;
  entityType: string;
  entityId: string;
  /** Audit action, `<aggregate>.<verb>`. */
  action: string;
  details: Record<string, unknown>;
  /** The event other sections and integrators get; its data is checked against the contract first. */
  event?: { contract: EventContract<D>; data: z.input<D> };
}

/**
 * The close of every writing use case, inside the transaction of the change itself: the audit entry and, when
 * others may care, the CloudEvent into the outbox, both about the same entity. An event whose data does not
 * match its contract is a bug: it is refused here (INTERNAL) and the whole change rolls back.
 */
export async function recordChange<D extends z.ZodType>(
  tx: SqlExecutor,
  { actor, traceId, traceparent }: RequestContext,
  change: Change<D>,
): Promise<void> {
  await appendAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    details: change.details,
    traceId,
    at: change.at,
  });
  if (!change.event) return;
  const { contract, data } = change.event;
  const checked = contract.data.safeParse(data);
  if (!checked.success) {
    throw new GovError('INTERNAL', `event ${contract.type} does not match its contract`, {
      issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  await enqueueEvent(
    tx,
    createEnvelope({
      section: contract.section,
      type: contract.type,
      subject: change.entityId,
      traceparent,
      time: change.at,
      data: checked.data,
    }),
  );
}
