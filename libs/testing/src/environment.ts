/**
 * Where tests find PostgreSQL and NATS. jest's global setup (tests/global-setup.mjs) tries testcontainers
 * first; with no Docker engine (the CI machine) its probe fails within milliseconds and the servers named by
 * DATABASE_URL / NATS_URL are used, defaulting to the local ones.
 */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export function testDatabaseServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export function testNatsUrl(): string {
  return process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? DEFAULT_NATS_URL;
}
