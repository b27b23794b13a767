// `npm run bench`: figures and ratios for the platform's hot paths, on this machine's PostgreSQL and NATS.
// Not a test: it prints numbers to compare between commits (and with TOOLCHAIN.md's measurements).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
register('./paths-resolve.mjs', import.meta.url);
const load = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
const { SubjectSpace, documents, supervision } = await load('libs/contracts/src/index.js');
const { RpcClient } = await load('libs/messaging/src/index.js');
const { ensureDatabase, dropDatabase, applyMigrations } = await load('libs/persistence/src/index.js');
const { startService } = await load('libs/service-kit/src/index.js');
const { WorkingCalendar } = await load('libs/calendar/src/index.js');
const { startDevIssuer, KeycloakTokenVerifier } = await load('libs/auth/src/index.js');
const { documentsService } = await load('services/documents/src/service.js');
const { supervisionService } = await load('services/supervision/src/service.js');
const { connect } = await import('@nats-io/transport-node');
const { createRemoteJWKSet, jwtVerify } = await import('jose');

const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const tag = randomBytes(4).toString('hex');
base.pathname = `/bench_documents_${tag}`;
const dbUrl = base.toString();
base.pathname = `/bench_supervision_${tag}`;
const supervisionDbUrl = base.toString();
const space = new SubjectSpace(`bench${tag}`);
const rows = [];

async function measure(name, n, fn, { concurrency = 1, unit = 'op' } = {}) {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const row = { name, n, concurrency, perOpUs: (seconds / n) * 1e6 * concurrency, perSecond: n / seconds, unit };
  rows.push(row);
  return row;
}

const actor = { id: '00000000-0000-4000-8000-00000000c1e5', name: '王文清', username: 'clerk', roles: ['clerk'], unit: 'QWBGS', clearance: 'none', rank: null };
const input = (i) => ({ title: `关于申请老旧小区改造专项资金的请示（基准第${i}件）`, senderUnit: '区住房和建设局', docType: '请示', copies: 2, receivedAt: new Date(Date.now() - 60_000).toISOString() });

await ensureDatabase(dbUrl);
await applyMigrations(dbUrl, path.join(root, 'services/documents/prisma/migrations'));
const runtime = await startService(documentsService, {
  env: { DATABASE_URL: dbUrl, NATS_URL: natsUrl, NATS_NAMESPACE: space.namespace, HTTP_PORT: '0', LOG_LEVEL: 'error', OUTBOX_POLL_MS: '1000' },
});
await ensureDatabase(supervisionDbUrl);
await applyMigrations(supervisionDbUrl, path.join(root, 'services/supervision/prisma/migrations'));
const supervisionRuntime = await startService(supervisionService, {
  env: { DATABASE_URL: supervisionDbUrl, NATS_URL: natsUrl, NATS_NAMESPACE: space.namespace, HTTP_PORT: '0', LOG_LEVEL: 'error', NODE_ENV: 'test' },
});
const nc = await connect({ servers: natsUrl });
const rpc = new RpcClient(nc, space, 30_000);
const issuer = await startDevIssuer({ port: 0 });
const rssBefore = process.memoryUsage().rss;
try {
  // 1. The wire: raw NATS request-reply against the platform's request path (headers, validation, Nest, Prisma read).
  nc.subscribe(`${space.namespace}.bench.echo`, { callback: (_e, m) => m.respond(m.data) });
  const raw = await measure('raw NATS request-reply (echo)', 3000, () => nc.request(`${space.namespace}.bench.echo`, '{}'));
  const first = await rpc.request(documents.registerIncoming, input(0), { actor });
  const query = await measure('documents.incoming.get over NATS (Prisma read)', 2000, () =>
    rpc.request(documents.getIncoming, { id: first.document.id }, { actor }),
  );
  // 2. Writes: number under row lock + document + history + audit chain + outbox, one transaction.
  const seqWrite = await measure('documents.incoming.register, sequential', 300, (i) => rpc.request(documents.registerIncoming, input(i), { actor }));
  const parWrite = await measure('documents.incoming.register, 16 in flight', 1000, (i) => rpc.request(documents.registerIncoming, input(i), { actor }), { concurrency: 16 });
  // 3. Outbox relay: drain a backlog written while the relay was stopped.
  await runtime.relay.stop();
  await runtime.relay.drain();
  for (let i = 0; i < 1000; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => rpc.request(documents.registerIncoming, input(i + j), { actor })));
  const backlog = await runtime.backlog();
  const t0 = process.hrtime.bigint();
  await runtime.relay.drain();
  const drainS = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ name: `outbox relay drain (${backlog} events to JetStream)`, n: backlog, concurrency: 1, perOpUs: (drainS / backlog) * 1e6, perSecond: backlog / drainS, unit: 'event' });
  // 4. Calendar arithmetic.
  const cal = WorkingCalendar.bundled();
  const calRow = await measure('calendar.addWorkingDays(d, 60)', 200_000, (i) => cal.addWorkingDays(i % 2 ? '2026-02-06' : '2026-09-20', 60));
  // 5. Token verification: keycloak-connect (the gateway's path) vs a bare jose check.
  const token = await issuer.issueToken('clerk', { expiresInSeconds: 3600 });
  const verifier = new KeycloakTokenVerifier({ url: issuer.url, realm: 'gov-office', clientId: 'gov-gateway' });
  const kc = await measure('token check: keycloak-connect verifier (→ Actor)', 5000, () => verifier.verify(`Bearer ${token}`));
  const jwks = createRemoteJWKSet(new URL(`${issuer.realmUrl}/protocol/openid-connect/certs`));
  const jose = await measure('token check: bare jose jwtVerify', 5000, () => jwtVerify(token, jwks, { issuer: issuer.realmUrl }));

  // 6. The register's Chinese title search (ILIKE served by the pg_trgm index) over the documents registered above.
  const registered = (await rpc.request(documents.listIncoming, { limit: 1 }, { actor })).total;
  const search = await measure(`documents.incoming.list, Chinese title search over ${registered} documents`, 500, () =>
    rpc.request(documents.listIncoming, { titleContains: '老旧小区改造', limit: 20 }, { actor }),
  );
  // 7. Supervision's daily checks (reminders and colour notices) over overdue items.
  const supervisor = { ...actor, id: '00000000-0000-4000-8000-0000000005e1', username: 'supervisor', roles: ['supervisor'] };
  const director = { ...actor, id: '00000000-0000-4000-8000-0000000000d1', username: 'director', roles: ['director'] };
  const ITEMS = 500;
  for (let i = 0; i < ITEMS; i += 25) {
    await Promise.all(Array.from({ length: 25 }, async (_, j) => {
      const item = await rpc.request(supervision.openItem, { title: `督办事项（基准第${i + j}项）`, content: '按期完成老旧小区改造。', class: 'routine' }, { actor: supervisor });
      await rpc.request(supervision.admitItem, { id: item.id }, { actor: director });
      await rpc.request(supervision.assignItem, { id: item.id, leadUnit: 'QZJJ', coUnits: ['QCZJ'], responsiblePerson: '张明' }, { actor: supervisor });
    }));
  }
  await supervisionRuntime.db.$executeRawUnsafe(
    `UPDATE supervision_item SET assigned_on = to_char(assigned_on::date - 40, 'YYYY-MM-DD'), due_on = to_char(due_on::date - 40, 'YYYY-MM-DD')`,
  );
  const d0 = process.hrtime.bigint();
  const daily = await rpc.request(supervision.runDailyChecks, {}, { actor: supervisor });
  const dailyS = Number(process.hrtime.bigint() - d0) / 1e9;
  rows.push({ name: `supervision daily checks, ${ITEMS} overdue items (${daily.notices.length} notices)`, n: ITEMS, concurrency: 1, perOpUs: (dailyS / ITEMS) * 1e6, perSecond: ITEMS / dailyS, unit: 'item' });
  const a0 = process.hrtime.bigint();
  const again = await rpc.request(supervision.runDailyChecks, {}, { actor: supervisor });
  const againS = Number(process.hrtime.bigint() - a0) / 1e9;
  rows.push({ name: `supervision daily checks again the same day (${again.notices.length} new notices)`, n: ITEMS, concurrency: 1, perOpUs: (againS / ITEMS) * 1e6, perSecond: ITEMS / againS, unit: 'item' });

  const fmt = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log('\n| benchmark | n | in flight | µs per op | ops per s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.n} | ${r.concurrency} | ${fmt(r.perOpUs)} | ${fmt(r.perSecond, 0)} |`);
  console.log('\nratios');
  console.log(`- platform query over NATS / raw NATS round trip: ${fmt(query.perOpUs / raw.perOpUs, 2)}×`);
  console.log(`- registration, 16 in flight vs sequential (throughput): ${fmt(parWrite.perSecond / seqWrite.perSecond, 2)}×`);
  console.log(`- registration (sequential) / query latency: ${fmt(seqWrite.perOpUs / query.perOpUs, 2)}×`);
  console.log(`- keycloak-connect check / bare jose check: ${fmt(kc.perOpUs / jose.perOpUs, 2)}×`);
  console.log(`- calendar: ${fmt(calRow.perOpUs, 2)} µs per 60-working-day deadline`);
  console.log(`- Chinese title search / get by id: ${fmt(search.perOpUs / query.perOpUs, 2)}×`);
  console.log(`- daily checks: ${fmt(dailyS * 1000, 0)} ms for ${ITEMS} overdue items; a repeat run ${fmt(againS * 1000, 0)} ms`);
  console.log(`\nmemory: RSS ${fmt(process.memoryUsage().rss / 2 ** 20)} MiB (+${fmt((process.memoryUsage().rss - rssBefore) / 2 ** 20)} MiB during the run)`);
} finally {
  await nc.close();
  await issuer.close();
  await runtime.stop();
  await supervisionRuntime.stop();
  await dropDatabase(dbUrl);
  await dropDatabase(supervisionDbUrl);
  const { connect: c2 } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const admin = await c2({ servers: natsUrl });
  const jsm = await jetstreamManager(admin);
  await jsm.streams.delete(space.streamName).catch(() => undefined);
  await jsm.streams.delete(`KV_${space.calendarBucket}`).catch(() => undefined);
  await admin.close();
}
