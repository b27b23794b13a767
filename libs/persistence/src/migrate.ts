import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/**
 * Applies a service's Prisma migration folders (prisma/migrations/<name>/migration.sql) in name order and
 * records them in Prisma's own `_prisma_migrations` table with Prisma's checksum (SHA-256 of the file), so
 * `prisma migrate deploy` and `migrate status` elsewhere see the same history.
 *
 * Why not spawn `prisma migrate deploy`: its WebAssembly schema engine (the only one that runs here, see
 * TOOLCHAIN.md) leaves a 10-second timer behind, which made every test database cost 12 s.
 * A changed checksum of an applied migration is refused, as Prisma does.
 */
export async function applyMigrations(url: string, migrationsDir: string): Promise<AppliedMigration[]> {
  const folders = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: AppliedMigration[] = [];
  try {
    // One migrator at a time per database (several replicas may start together).
    await client.query('SELECT pg_advisory_lock(72707369)');
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    for (const name of folders) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = byName.get(name);
      if (previous) {
        if (!previous.finished_at) throw new Error(`migration ${name} failed earlier and needs attention`);
        if (previous.checksum !== checksum) {
          throw new Error(`migration ${name} was changed after it was applied (checksum differs)`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES ($1, $2, now(), $3, 1, now())`,
          [id, checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push({ name, checksum });
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(72707369)').catch(() => undefined);
    await client.end();
  }
  return applied;
}
