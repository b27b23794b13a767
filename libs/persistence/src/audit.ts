import { createHash } from 'node:crypto';
import type { SqlExecutor } from './sql.js';

/**
 * Hash-chained audit log (审计日志). Each entry's hash covers its content and the previous entry's hash, so
 * changing, removing or reordering any entry breaks the chain from that point. A database trigger
 * (platform-triggers.sql in every service's first migration) refuses UPDATE and DELETE outright.
 */
export interface AuditInput {
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
  traceId?: string | null;
  at?: Date;
}

export interface AuditEntry extends Required<Omit<AuditInput, 'traceId'>> {
  seq: number;
  traceId: string | null;
  prevHash: string;
  hash: string;
}

export const AUDIT_GENESIS = '0'.repeat(64);
/** Serialises appends so the chain has one order; taken inside the caller's transaction. */
const AUDIT_LOCK = 72707370;

/** Canonical JSON: keys sorted at every level, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details,
    traceId: entry.traceId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry; call inside the transaction of the change (or read) being audited. */
export async function appendAudit(tx: SqlExecutor, input: AuditInput): Promise<AuditEntry> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', AUDIT_LOCK);
  const last = await tx.$queryRawUnsafe<{ hash: string }[]>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash = last[0]?.hash ?? AUDIT_GENESIS;
  // Millisecond precision: the column is timestamptz(3), and the hash must match what is read back.
  const at = new Date(Math.floor((input.at ?? new Date()).getTime()));
  const entry = {
    at,
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    details: input.details ?? {},
    traceId: input.traceId ?? null,
  };
  const hash = auditHash(prevHash, entry);
  const rows = await tx.$queryRawUnsafe<{ seq: bigint }[]>(
    `INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, details, trace_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING seq`,
    at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.entityType,
    entry.entityId,
    JSON.stringify(entry.details),
    entry.traceId,
    prevHash,
    hash,
  );
  return { ...entry, seq: Number(rows[0]!.seq), prevHash, hash };
}

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: SqlExecutor, batchSize = 1000): Promise<AuditVerification> {
  let prevHash = AUDIT_GENESIS;
  let afterSeq = 0n;
  let count = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT seq, at, actor_id, actor_name, action, entity_type, entity_id, details, trace_id, prev_hash, hash
       FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      afterSeq,
      batchSize,
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (r.prev_hash !== prevHash) {
        return { ok: false, entries: count, brokenAtSeq: seq, reason: 'previous hash does not match the entry before it' };
      }
      const expected = auditHash(prevHash, {
        at: r.at as Date,
        actorId: r.actor_id as string,
        actorName: r.actor_name as string,
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: r.entity_id as string,
        details: r.details as Record<string, unknown>,
        traceId: (r.trace_id as string | null) ?? null,
      });
      if (expected !== r.hash) {
        return { ok: false, entries: count, brokenAtSeq: seq, reason: 'content does not match its hash' };
      }
      prevHash = r.hash as string;
      afterSeq = r.seq as bigint;
      count += 1;
    }
    if (rows.length < batchSize) return { ok: true, entries: count, lastHash: prevHash };
  }
}
