import { appendAudit, type SqlExecutor } from '@gov/persistence';
import type { GovError } from '@gov/contracts';
import type { Actor } from '@gov/auth';
import type { UnitOfWork } from './unit-of-work.js';

/** Who reads, and the trace the audit entry joins. */
export interface ReadContext {
  actor: Actor;
  traceId?: string | undefined;
}

export interface ClassifiedRead {
  /** the audit log's entity type, e.g. `incoming-document` */
  entityType: string;
  /** the audit action prefix: `<prefix>.read-classified` / `<prefix>.read-refused` */
  auditPrefix: string;
  id: string;
  classification: string;
  /** the section's decision for this caller (clearance, 知悉范围, unit): computed by its own rules */
  allowed: boolean;
  /** the answer an unknown id gets */
  notFound: () => GovError;
  at?: Date;
  /** why a refusal was refused (e.g. clearance or need-to-know), for the auditor; never shown to the caller */
  reason?: string;
}

/**
 * The one gate of a read of something that may be classified (issue 3 §4, and every section's classified
 * records): an unclassified, allowed read passes silently; a classified read is audited, allowed or not; a
 * refusal is answered exactly like an unknown id, so it confirms nothing. The refusal's audit entry is written
 * in its own transaction, because the request that caused it fails.
 */
export async function gateClassifiedRead<Tx extends SqlExecutor>(
  uow: UnitOfWork<Tx>,
  context: ReadContext,
  read: ClassifiedRead,
): Promise<void> {
  if (read.classification === 'none' && read.allowed) return;
  await uow.run((tx) => auditRead(tx, context, read));
  if (!read.allowed) throw read.notFound();
}

/** The audit entry of a classified read, for a caller already inside a transaction. */
export async function auditRead(tx: SqlExecutor, { actor, traceId }: ReadContext, read: ClassifiedRead): Promise<void> {
  await appendAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action: `${read.auditPrefix}.${read.allowed ? 'read-classified' : 'read-refused'}`,
    entityType: read.entityType,
    entityId: read.id,
    details: read.allowed ? { classification: read.classification } : read.reason ? { reason: read.reason } : {},
    traceId,
    ...(read.at ? { at: read.at } : {}),
  });
}
