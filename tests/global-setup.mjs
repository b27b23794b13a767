// Jest global setup: PostgreSQL and NATS for the whole run.
// Where a Docker engine answers, testcontainers starts postgres:15 and nats:2.10 (JetStream) for this run;
// otherwise (the CI machine: no engine) the servers named by DATABASE_URL / NATS_URL are used, defaulting to
// the local ones. Workers inherit TEST_DATABASE_URL / TEST_NATS_URL from here.
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL && process.env.TEST_NATS_URL) return;
  if (process.env.DATABASE_URL || process.env.NATS_URL || process.env.TESTCONTAINERS === 'off') return useLocal('configured servers');
  let tc;
  try {
    tc = await import('testcontainers');
    await tc.getContainerRuntimeClient();
  } catch (error) {
    return useLocal(`no container engine (${String(error?.message ?? error).slice(0, 80)})`);
  }
  const postgres = await new tc.GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust', LANG: 'C.UTF-8' })
    .withExposedPorts(5432)
    .withWaitStrategy(tc.Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const nats = await new tc.GenericContainer('nats:2.10-alpine')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(tc.Wait.forLogMessage(/Server is ready/))
    .start();
  process.env.TEST_DATABASE_URL = `postgresql://postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`;
  process.env.TEST_NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
  globalThis.__GOV_CONTAINERS__ = [postgres, nats];
  console.log(`\n[tests] testcontainers: PostgreSQL ${process.env.TEST_DATABASE_URL}, NATS ${process.env.TEST_NATS_URL}`);
}

function useLocal(why) {
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_NATS_URL ??= process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  console.log(`\n[tests] ${why}: PostgreSQL ${process.env.TEST_DATABASE_URL}, NATS ${process.env.TEST_NATS_URL}`);
}
