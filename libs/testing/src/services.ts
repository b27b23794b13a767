import { GovError } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import type { SubjectSpace } from '@gov/contracts';
import { startService, type ServiceDefinition, type ServiceRuntime } from '@gov/service-kit';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { testNatsUrl } from './environment.js';

export interface TestService {
  runtime: ServiceRuntime;
  database: TestDatabase;
  /** Stops the service (gracefully) and drops its database. */
  stop(): Promise<void>;
}

/** Starts a real service on a fresh database and the test's NATS namespace, HTTP on a free port. */
export async function startTestService<Db>(
  definition: ServiceDefinition<Db>,
  options: { space: SubjectSpace; natsUrl?: string; clock?: Clock; env?: Record<string, string> },
): Promise<TestService> {
  const database = await createTestDatabase(definition.section);
  const runtime = await startService(definition, {
    env: {
      DATABASE_URL: database.url,
      NATS_URL: options.natsUrl ?? testNatsUrl(),
      NATS_NAMESPACE: options.space.namespace,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      OUTBOX_POLL_MS: '200',
      SHUTDOWN_GRACE_MS: '2000',
      ...options.env,
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    runtime,
    database,
    async stop() {
      await runtime.stop();
      await database.drop();
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The GovError a request is refused with; fails the test when it succeeds or fails otherwise. */
export async function refusalOf(request: Promise<unknown>): Promise<GovError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof GovError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
