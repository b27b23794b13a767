import type { SqlExecutor } from '@gov/persistence';
import type { EventEnvelope } from '@gov/contracts';

/**
 * Writes an event into the service's outbox. Call it with the transaction that makes the state change, so
 * the change and its event commit or roll back together. The relay publishes it later.
 */
export async function enqueueEvent(tx: SqlExecutor, envelope: EventEnvelope): Promise<void> {
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox (id, subject, envelope) VALUES ($1::uuid, $2, $3::jsonb)',
    envelope.id,
    envelope.type,
    JSON.stringify(envelope),
  );
}

/** Events not yet acknowledged by JetStream. */
export async function outboxBacklog(db: SqlExecutor): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
  return Number(rows[0]!.n);
}
