import { jest } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { startDevIssuer, type DevIssuer } from '@gov/auth';
import { documents, GovError, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { ConfigError, startService } from '@gov/service-kit';
import { cleanupSpace, connectTestNats, eventually, startTestService, testActor, testNatsUrl, uniqueSpace, type TestService } from '@gov/testing';
import { documentsService } from '../services/documents/src/service.js';
import { supervisionService } from '../services/supervision/src/service.js';
import { startGateway, type Gateway } from '../gateway/src/app.js';
import { GatewayConfigError, loadGatewayConfig } from '../gateway/src/config.js';
import { graphql, login } from './support/platform.js';

/**
 * Operability: configuration is validated at start-up with every bad setting named; a service stops gracefully
 * (requests in hand answered, outbox flushed); JSON logs carry one trace id from the gateway through the service
 * to the event's consumer.
 */

const clerk = testActor('clerk');

function registration(n: number) {
  return {
    title: `关于第${n}批政务服务事项调整的请示`,
    senderUnit: '区政务服务中心',
    docType: '请示',
    urgency: 'normal',
    copies: 1,
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
  } as const;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Every event of a namespace's stream, in order, with its Nats-Msg-Id. */
async function streamEvents(nc: NatsConnection, space: SubjectSpace): Promise<{ envelope: EventEnvelope; msgId: string | undefined }[]> {
  const consumer = await jetstream(nc).consumers.get(space.streamName); // ordered, ephemeral
  const pending = (await consumer.info()).num_pending;
  const out: { envelope: EventEnvelope; msgId: string | undefined }[] = [];
  if (!pending) return out;
  const batch = await consumer.fetch({ max_messages: pending, expires: 2000 });
  for await (const m of batch) {
    out.push({ envelope: m.json<EventEnvelope>(), msgId: m.headers?.get('Nats-Msg-Id') });
    if (out.length === pending) break;
  }
  return out;
}

describe('configuration is validated once, at start-up, naming every bad setting', () => {
  it('a service with a non-PostgreSQL DATABASE_URL and a non-numeric HTTP_PORT does not start', async () => {
    const error = await rejection(startService(documentsService, { env: { DATABASE_URL: 'mysql://x', HTTP_PORT: 'abc' } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^documents: invalid configuration/);
    expect(error.message).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(error.message).toContain('HTTP_PORT');
    expect((error as ConfigError).problems).toHaveLength(2);
  });

  it('a missing DATABASE_URL is named as required', async () => {
    const error = await rejection(startService(documentsService, { env: { HTTP_PORT: '0' } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^DATABASE_URL is required/)]);
  });

  it('every other bad setting is named too (NATS_URL, NATS_NAMESPACE, LOG_LEVEL, OUTBOX_POLL_MS)', async () => {
    const error = await rejection(
      startService(documentsService, {
        env: {
          DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
          NATS_URL: 'http://127.0.0.1:4222',
          NATS_NAMESPACE: 'Not-Valid',
          LOG_LEVEL: 'verbose',
          OUTBOX_POLL_MS: '1',
        },
      }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['NATS_URL', 'NATS_NAMESPACE', 'LOG_LEVEL', 'OUTBOX_POLL_MS']) expect(error.message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('the gateway names a KEYCLOAK_URL that is not a URL, and does not start', async () => {
    expect(() => loadGatewayConfig({ KEYCLOAK_URL: 'not a url' })).toThrow(GatewayConfigError);
    expect(() => loadGatewayConfig({ KEYCLOAK_URL: 'not a url' })).toThrow(/KEYCLOAK_URL must be the Keycloak base URL/);
    const error = await rejection(startGateway({ env: { KEYCLOAK_URL: 'not a url', PORT: 'x' } }));
    expect(error).toBeInstanceOf(GatewayConfigError);
    expect(error.message).toContain('KEYCLOAK_URL');
    expect(error.message).toContain('PORT');
    // A good configuration gets its defaults.
    expect(loadGatewayConfig({})).toMatchObject({ PORT: 4000, KEYCLOAK_REALM: 'gov-office', LOG_LEVEL: 'info' });
  });
});

describe('graceful shutdown with requests in flight', () => {
  const N = 20;
  let space: SubjectSpace;
  let service: TestService;
  let nc: NatsConnection;
  let stopped = false;

  beforeAll(async () => {
    space = uniqueSpace();
    service = await startTestService(documentsService, { space });
    nc = await connectTestNats();
  });

  afterAll(async () => {
    if (stopped) await service?.database.drop();
    else await service?.stop();
    await nc?.close();
    if (space) await cleanupSpace(space);
  });

  it('answers what it accepted, stores what it answered, and flushes every event to JetStream before it stops', async () => {
    const rpc = new RpcClient(nc, space, 10_000);
    let replied = 0;
    const outcomes = Array.from({ length: N }, (_, i) =>
      rpc.request(documents.registerIncoming, registration(i + 1), { actor: clerk }).then(
        (r) => {
          replied += 1;
          return { ok: true as const, id: r.document.id, registerNumber: r.document.registerNumber };
        },
        (error: unknown) => ({ ok: false as const, error }),
      ),
    );
    // Stop as soon as the first registration has committed: the others are in the service's hands or on their way.
    await Promise.race(outcomes);
    const repliedAtStop = replied;
    const stopping = service.runtime.stop();
    stopped = true;
    const results = await Promise.all(outcomes);
    await stopping;
    expect(repliedAtStop).toBeLessThan(N); // the scenario happened: stop() was called with requests in flight

    const ok = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    // A request the service did not take gets UNAVAILABLE (no responder / no answer), never an internal error.
    for (const f of failed) {
      expect(f.error).toBeInstanceOf(GovError);
      expect((f.error as GovError).code).toBe('UNAVAILABLE');
    }

    const db = new pg.Client({ connectionString: service.database.url });
    await db.connect();
    try {
      const { rows: docs } = await db.query<{ id: string; register_number: string; register_seq: number }>(
        'SELECT id::text AS id, register_number, register_seq FROM incoming_document ORDER BY register_seq',
      );
      const stored = new Set(docs.map((d) => d.id));
      // Every reply names a document that is in the database, with the number the reply gave.
      for (const r of ok) expect(stored.has(r.id)).toBe(true);
      expect(new Set(docs.map((d) => d.register_number))).toEqual(new Set(ok.map((r) => r.registerNumber)));
      // And every document in the database was answered: nothing committed behind the caller's back.
      expect([...stored].sort()).toEqual(ok.map((r) => r.id).sort());
      // Register numbers stay gap-free.
      expect(docs.map((d) => d.register_seq)).toEqual(docs.map((_, i) => i + 1));

      // The outbox was flushed on the way down: every event is marked published …
      const { rows: outbox } = await db.query<{ waiting: string; total: string }>(
        'SELECT count(*) FILTER (WHERE published_at IS NULL) AS waiting, count(*) AS total FROM outbox',
      );
      expect(Number(outbox[0]!.waiting)).toBe(0);
      expect(Number(outbox[0]!.total)).toBe(docs.length);
      // … and really is in the stream, once, under its own id.
      const events = await streamEvents(nc, space);
      expect(events.map((e) => e.envelope.subject).sort()).toEqual([...stored].sort());
      for (const e of events) {
        expect(e.envelope.type).toBe(documents.incomingRegistered.type);
        expect(e.msgId).toBe(e.envelope.id);
      }
    } finally {
      await db.end();
    }

    // Once stopped, nobody answers: the caller is told at once.
    const after = await rejection(rpc.request(documents.registerIncoming, registration(99), { actor: clerk, timeoutMs: 2000 }));
    expect((after as GovError).code).toBe('UNAVAILABLE');
  }, 30_000);
});

describe('JSON logs carry the caller’s trace id from the gateway through the service to the event', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
  const lines: Record<string, unknown>[] = [];
  let space: SubjectSpace;
  let issuer: DevIssuer;
  let docs: TestService;
  let sup: TestService;
  let gateway: Gateway;
  let spy: ReturnType<typeof jest.spyOn> | undefined;
  let documentId: string;

  const REGISTER = `mutation Register($input: RegisterIncomingDocumentInput!) { registerIncomingDocument(input: $input) { document { id } } }`;

  function traced(service: string): Record<string, unknown>[] {
    return lines.filter((l) => l.service === service && l.traceId === traceId);
  }

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    // The services and the gateway write JSON lines to stdout; keep them, pass anything else through.
    spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      let captured = false;
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (typeof parsed.service === 'string') {
            lines.push(parsed);
            captured = true;
          }
        } catch {
          // not a log line
        }
      }
      return captured ? true : (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);

    space = uniqueSpace();
    issuer = await startDevIssuer({ port: 0 });
    // One after the other, documents first: each must log under its own name even though supervision starts last.
    docs = await startTestService(documentsService, { space, env: { LOG_LEVEL: 'debug' } });
    sup = await startTestService(supervisionService, { space, env: { LOG_LEVEL: 'debug' } });
    gateway = await startGateway({
      env: { PORT: '0', NATS_NAMESPACE: space.namespace, NATS_URL: testNatsUrl(), KEYCLOAK_URL: issuer.url, LOG_LEVEL: 'debug' },
    });

    const token = await login(issuer, 'clerk');
    const res = await graphql(gateway, REGISTER, { input: { ...registration(1), urgency: 'NORMAL' } }, token, { traceparent });
    expect(res.errors).toBeUndefined();
    documentId = res.data!.registerIncomingDocument.document.id;
    // The consumer's line is written when supervision has handled the event.
    await eventually(() => (traced('supervision').some((l) => l.msg === 'event handled') ? true : undefined));
    // A refusal inside the documents service, in the same trace (zero copies passes GraphQL, the service refuses).
    const refused = await graphql(gateway, REGISTER, { input: { ...registration(2), urgency: 'NORMAL', copies: 0 } }, token, { traceparent });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 30_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([docs?.stop(), sup?.stop()]);
    await issuer?.close();
    if (space) await cleanupSpace(space);
    spy?.mockRestore();
  });

  it('lines are JSON with time, level, service and message', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), service: expect.any(String) }));
      expect(typeof l.msg).toBe('string');
    }
    expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['gateway', 'documents', 'supervision']));
  });

  it('the event carries the trace: outbox envelope traceparent, and supervision’s "event handled" line', async () => {
    const [row] = await docs.runtime.db.$queryRawUnsafe<{ envelope: EventEnvelope }[]>(
      `SELECT envelope FROM outbox WHERE envelope->>'subject' = $1`,
      documentId,
    );
    expect(row!.envelope.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const handled = traced('supervision').find((l) => l.msg === 'event handled');
    expect(handled).toMatchObject({ level: 'debug', eventId: row!.envelope.id, type: documents.incomingRegistered.type });
    // The audit entry written with the state change names the trace too.
    const [audit] = await docs.runtime.db.$queryRawUnsafe<{ trace_id: string }[]>(
      `SELECT trace_id FROM audit_log WHERE entity_id = $1`,
      documentId,
    );
    expect(audit!.trace_id).toBe(traceId);
  });

  it('a refusal inside the documents service is logged with the caller’s trace id', () => {
    const refusals = lines.filter((l) => l.msg === 'request refused' && l.subject === documents.registerIncoming.subject);
    expect(refusals).toEqual([expect.objectContaining({ traceId, code: 'BAD_USER_INPUT', level: 'info' })]);
  });

  // Regression: the request logger was once one module-wide variable, so in a process hosting several services
  // the last one started logged every service's requests under its own name. Each NATS server now carries its
  // own (libs/service-kit/src/command.ts runInServiceScope).
  it('that refusal is logged under the documents service’s name', () => {
    const refusal = lines.find((l) => l.msg === 'request refused' && l.subject === documents.registerIncoming.subject);
    expect(refusal?.service).toBe('documents');
  });

  // The gateway hop of a trace: one 'graphql operation' line per operation (gateway/src/app.ts).
  it('the gateway logs the request with the caller’s trace id', () => {
    expect(traced('gateway').length).toBeGreaterThan(0);
  });

  // The service hop of a successful trace: one 'request handled' line (libs/service-kit/src/command.ts).
  it('the documents service logs the successful registration with the caller’s trace id', () => {
    const lines = traced('documents').filter((l) => l.msg !== 'request refused');
    expect(lines.length).toBeGreaterThan(0);
  });
});
