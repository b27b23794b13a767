import { canRead, type Actor } from '@gov/auth';
import { GovError, type Classification } from '@gov/contracts';
import { appendAudit } from '@gov/persistence';
import { gateClassifiedRead } from '@gov/service-kit';
import type { UnitOfWork } from '@gov/service-kit';
import type { DocumentsTx } from '../database.js';

/** Settings of the confidential track, injected so a deployment can override the defaults. */
export const CONFIDENTIAL_SETTINGS = Symbol('CONFIDENTIAL_SETTINGS');

/** The one answer for an unknown id and for a classified item the caller may not know of. */
export const noSuchConfidential = () => GovError.notFound('no such confidential document');
export const noSuchTelegram = () => GovError.notFound('no such telegram');

/**
 * Gate of every read and every action on a classified item (issue 3 item 4): clearance at least the item's
 * level and on its need-to-know list (libs/auth canRead; no owner-unit fallback, the list is the scope). A refusal
 * is written to the audit log in its own transaction (it must survive the refusal) and then answered exactly like
 * an unknown id, so it does not confirm the item exists. An allowed read of a classified item is audited by the
 * caller with `auditClassifiedRead` (reads) or by the change's own audit entry (actions).
 */
export async function assertMayKnow(
  uow: UnitOfWork<DocumentsTx>,
  actor: Actor,
  traceId: string | undefined,
  item: { id: string; classification: string; needToKnow: string[] },
  entityType: 'confidential-document' | 'outgoing-telegram',
  notFound: () => GovError,
): Promise<void> {
  const classification = item.classification as Classification;
  if (classification === 'none') return;
  const decision = canRead(actor, { classification, needToKnow: item.needToKnow });
  if (decision.allowed) return;
  await gateClassifiedRead(uow, { actor, traceId }, {
    entityType,
    auditPrefix: entityType === 'confidential-document' ? 'confidential' : 'telegram',
    id: item.id,
    classification,
    allowed: false,
    notFound,
    ...(decision.reason ? { reason: decision.reason } : {}),
  });
}

/** The audit entry of an allowed read of classified content. */
export async function auditClassifiedRead(
  tx: DocumentsTx,
  actor: Actor,
  traceId: string | undefined,
  item: { id: string; classification: string },
  entityType: 'confidential-document' | 'outgoing-telegram',
  action: string,
): Promise<void> {
  if (item.classification === 'none') return;
  await appendAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action,
    entityType,
    entityId: item.id,
    details: { classification: item.classification },
    traceId,
  });
}

/** Optimistic update: the row must still be at the version read before the rules ran. CONFLICT otherwise. */
export function assertUpdated(result: { count: number }): void {
  if (result.count !== 1) throw GovError.conflict('the item changed meanwhile; reload and try again');
}
