/**
 * The part of a Prisma client (or interactive transaction) that platform code needs. Every service's
 * generated client satisfies it, so one implementation of outbox, inbox, audit and numbering serves all.
 */
export interface SqlExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A client that can also open interactive transactions. */
export interface SqlDatabase extends SqlExecutor {
  $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
  $disconnect(): Promise<void>;
}
