import { toIsoDate } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import type { SqlExecutor } from './sql.js';

/**
 * Gap-free numbering per (prefix, year): 文号, 份号, register numbers, 档号 item numbers.
 *
 * The increment is an UPSERT on the sequence row, so the row stays locked until the caller's transaction
 * ends: concurrent allocations queue behind each other, and a rolled-back transaction gives its number
 * back. Allocation must therefore run inside the transaction that stores the numbered record.
 * A number once issued is never reused: voiding keeps it on record with who voided it and why.
 */
export interface AllocateNumber {
  prefix: string;
  year: number;
  entityType: string;
  entityId: string;
  issuedBy: string;
  /** Turns the sequence value into the printed number, e.g. `收文〔2026〕15号`. */
  format: (value: number) => string;
}

export interface IssuedNumber {
  prefix: string;
  year: number;
  value: number;
  formatted: string;
}

export async function allocateNumber(tx: SqlExecutor, request: AllocateNumber): Promise<IssuedNumber> {
  if (!request.prefix.trim()) throw GovError.badInput('a number prefix is required');
  if (!Number.isInteger(request.year) || request.year < 1949 || request.year > 9999) {
    throw GovError.badInput(`year ${request.year} is out of range`);
  }
  const rows = await tx.$queryRawUnsafe<{ last_value: number }[]>(
    `INSERT INTO number_sequence (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = number_sequence.last_value + 1
     RETURNING last_value`,
    request.prefix,
    request.year,
  );
  const value = Number(rows[0]!.last_value);
  const formatted = request.format(value);
  await tx.$executeRawUnsafe(
    `INSERT INTO issued_number (prefix, year, value, formatted, entity_type, entity_id, issued_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    request.prefix,
    request.year,
    value,
    formatted,
    request.entityType,
    request.entityId,
    request.issuedBy,
  );
  return { prefix: request.prefix, year: request.year, value, formatted };
}

/** Voids an issued number; the number stays on record and is never handed out again. */
export async function voidNumber(
  tx: SqlExecutor,
  request: { formatted: string; reason: string; voidedBy: string },
): Promise<void> {
  if (!request.reason.trim()) throw GovError.badInput('voiding a number needs a reason');
  const changed = await tx.$executeRawUnsafe(
    `UPDATE issued_number SET voided_at = now(), voided_by = $2, void_reason = $3
     WHERE formatted = $1 AND voided_at IS NULL`,
    request.formatted,
    request.voidedBy,
    request.reason,
  );
  if (changed === 0) {
    const exists = await tx.$queryRawUnsafe<unknown[]>('SELECT 1 FROM issued_number WHERE formatted = $1', request.formatted);
    throw exists.length
      ? GovError.conflict(`number ${request.formatted} is already void`)
      : GovError.notFound(`number ${request.formatted} was never issued`);
  }
}

export interface NumberRecord extends IssuedNumber {
  entityType: string;
  entityId: string;
  issuedBy: string;
  issuedAt: Date;
  voidedAt: Date | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** The register of numbers for a prefix and year, in order, voided ones included. */
export async function listNumbers(db: SqlExecutor, prefix: string, year: number): Promise<NumberRecord[]> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT prefix, year, value, formatted, entity_type, entity_id, issued_by, issued_at, voided_at, voided_by, void_reason
     FROM issued_number WHERE prefix = $1 AND year = $2 ORDER BY value`,
    prefix,
    year,
  );
  return rows.map((r) => ({
    prefix: r.prefix as string,
    year: Number(r.year),
    value: Number(r.value),
    formatted: r.formatted as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    issuedBy: r.issued_by as string,
    issuedAt: r.issued_at as Date,
    voidedAt: (r.voided_at as Date | null) ?? null,
    voidedBy: (r.voided_by as string | null) ?? null,
    voidReason: (r.void_reason as string | null) ?? null,
  }));
}

/** 文号 style: `<代字>〔YYYY〕N号`, no zero padding (GB/T 9704; ARCHITECTURE.md "Rules with numbers"). */
export function formatYearNumber(prefix: string, year: number, value: number): string {
  return `${prefix}〔${year}〕${value}号`;
}

/** The year a number is counted in: the year in Beijing time of the moment it is given (2025-12-31T16:00Z is 2026). */
export function numberingYear(at: Date): number {
  return Number(toIsoDate(at).slice(0, 4));
}

/**
 * The usual case: the next `<prefix>〔YYYY〕N号` of the Beijing year of `at` (文号, 收文 and 督办 numbers alike),
 * inside the caller's transaction.
 */
export function allocateYearNumber(
  tx: SqlExecutor,
  request: { prefix: string; at: Date; entityType: string; entityId: string; issuedBy: string },
): Promise<IssuedNumber> {
  const year = numberingYear(request.at);
  return allocateNumber(tx, {
    prefix: request.prefix,
    year,
    entityType: request.entityType,
    entityId: request.entityId,
    issuedBy: request.issuedBy,
    format: (value) => formatYearNumber(request.prefix, year, value),
  });
}
