import pg from 'pg';
import type { SqlDatabase, SqlExecutor } from '@gov/persistence';

/**
 * A SqlDatabase over plain `pg`, for testing platform code (outbox, numbering, audit) without any service's
 * generated Prisma client, so library tests stay free of services.
 */
export function pgDatabase(url: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // An idle connection ended by the server (a dropped database, a restart) must not crash the process.
  pool.on('error', () => undefined);
  const executor = (q: { query: pg.Pool['query'] }): SqlExecutor => ({
    async $queryRawUnsafe<T>(sql: string, ...values: unknown[]) {
      return (await q.query(sql, values)).rows as T;
    },
    async $executeRawUnsafe(sql: string, ...values: unknown[]) {
      return (await q.query(sql, values)).rowCount ?? 0;
    },
  });
  return {
    ...executor(pool),
    async $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client as unknown as { query: pg.Pool['query'] }));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    $disconnect: () => pool.end(),
  };
}
