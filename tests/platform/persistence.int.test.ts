import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GovError } from '@gov/contracts';
import { createTestDatabase, pgDatabase, repoRoot, type TestDatabase } from '@gov/testing';
import { allocateNumber, applyMigrations, appendAudit, formatYearNumber, listNumbers, verifyAuditChain, voidNumber, type SqlDatabase } from '@gov/persistence';

// The archives service carries only the platform tables so far; its migrations serve as the fixture.
let database: TestDatabase;
let db: SqlDatabase;

beforeAll(async () => {
  database = await createTestDatabase('archives');
  db = pgDatabase(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const allocate = (tx: Parameters<typeof allocateNumber>[0], prefix: string, year: number, entityId = 'e') =>
  allocateNumber(tx, { prefix, year, entityType: 'test', entityId, issuedBy: 'tester', format: (v) => formatYearNumber(prefix, year, v) });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof GovError ? e.code : String(e);
  }
}

describe('migration runner', () => {
  it('applies once, records Prisma\'s checksum, and refuses a changed migration', async () => {
    const migrations = path.join(repoRoot(), 'services', 'archives', 'prisma', 'migrations');
    expect(await applyMigrations(database.url, migrations)).toEqual([]); // already applied by createTestDatabase
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date }[]>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);

    const copy = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    cpSync(migrations, copy, { recursive: true });
    writeFileSync(path.join(copy, rows[0]!.migration_name, 'migration.sql'), '-- edited after the fact\n');
    await expect(applyMigrations(database.url, copy)).rejects.toThrow(/changed after it was applied/);
    rmSync(copy, { recursive: true, force: true });
  });
});

describe('gap-free numbering', () => {
  it('gives the number back when the transaction rolls back', async () => {
    await db.$transaction((tx) => allocate(tx, '区委办发', 2026));
    await expect(
      db.$transaction(async (tx) => {
        await allocate(tx, '区委办发', 2026);
        throw new Error('the document could not be stored');
      }),
    ).rejects.toThrow('could not be stored');
    const next = await db.$transaction((tx) => allocate(tx, '区委办发', 2026));
    expect(next).toMatchObject({ value: 2, formatted: '区委办发〔2026〕2号' });
  });

  it('counts each prefix and year on its own', async () => {
    const a = await db.$transaction((tx) => allocate(tx, '区政办发', 2026));
    const b = await db.$transaction((tx) => allocate(tx, '区政办发', 2027));
    expect([a.formatted, b.formatted]).toEqual(['区政办发〔2026〕1号', '区政办发〔2027〕1号']);
  });

  it('stays gap-free under 50 concurrent transactions', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.$transaction((tx) => allocate(tx, '区委办函', 2026, `doc-${i}`))),
    );
    expect(results.map((r) => r.value).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.formatted)).size).toBe(50);
  });

  it('voids a number but keeps it on record with its reason, and never hands it out again', async () => {
    await db.$transaction((tx) => voidNumber(tx, { formatted: '区委办函〔2026〕7号', reason: '文件撤销，号码作废', voidedBy: 'director' }));
    const register = await listNumbers(db, '区委办函', 2026);
    expect(register).toHaveLength(50);
    expect(register[6]).toMatchObject({ value: 7, voidReason: '文件撤销，号码作废', voidedBy: 'director' });
    const next = await db.$transaction((tx) => allocate(tx, '区委办函', 2026));
    expect(next.value).toBe(51);
    expect(await codeOf(db.$transaction((tx) => voidNumber(tx, { formatted: '区委办函〔2026〕7号', reason: 'again', voidedBy: 'x' })))).toBe('CONFLICT');
    expect(await codeOf(db.$transaction((tx) => voidNumber(tx, { formatted: '区委办函〔2026〕999号', reason: 'x', voidedBy: 'x' })))).toBe('NOT_FOUND');
    expect(await codeOf(db.$transaction((tx) => voidNumber(tx, { formatted: '区委办函〔2026〕8号', reason: '  ', voidedBy: 'x' })))).toBe('BAD_USER_INPUT');
  });
});

describe('hash-chained audit log', () => {
  it('keeps one verifiable chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.$transaction((tx) =>
          appendAudit(tx, { actorId: `u${i}`, actorName: `用户${i}`, action: 'test.append', entityType: 'thing', entityId: String(i), details: { i, 说明: '并发写入' } }),
        ),
      ),
    );
    const result = await verifyAuditChain(db, 7); // small batches cross page boundaries
    expect(result).toMatchObject({ ok: true, entries: 30 });
  });

  it('detects a deleted entry', async () => {
    await db.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.$executeRawUnsafe('DELETE FROM audit_log WHERE seq = (SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 10)');
    await db.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, entries: 10 });
  });
});
