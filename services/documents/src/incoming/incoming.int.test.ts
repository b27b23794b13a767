import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { GovError, documents, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain, listNumbers } from '@gov/persistence';
import { cleanupSpace, connectTestNats, startTestService, testActor, uniqueSpace, type TestService, readEventStream, refusalOf } from '@gov/testing';
import { documentsService } from '../service.js';

const NOW = new Date('2026-11-20T02:00:00Z'); // 10:00 Beijing time
const clerk = testActor('clerk');
const confidentialClerk = testActor('confidential-clerk', { clearance: 'top-secret' });
const director = testActor('director', { clearance: 'top-secret' });

const valid = {
  title: '关于申请老旧小区改造专项资金的请示',
  senderUnit: '区住房和建设局',
  senderDocNumber: '区住建〔2026〕31号',
  docType: '请示',
  urgency: 'urgent',
  copies: 2,
  pages: 6,
  receivedAt: '2026-11-20T09:30:00+08:00',
} as const;

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const refusal = refusalOf;

async function counts() {
  const db = service.runtime.db;
  const [docs] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM incoming_document');
  const [outbox] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM outbox');
  const [numbers] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM issued_number');
  return { docs: Number(docs!.n), outbox: Number(outbox!.n), numbers: Number(numbers!.n) };
}

const streamEvents = () => readEventStream(nc, space);

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(documentsService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('收文登记 over NATS against a real database', () => {
  it('registers with a register number, a signed-for history, a receipt and an event through the outbox', async () => {
    const { document, receipt } = await rpc.request(documents.registerIncoming, valid, { actor: clerk });
    expect(document.registerNumber).toBe('收文〔2026〕1号');
    expect(document.status).toBe('registered');
    expect(document.holder).toEqual({ id: clerk.id, name: clerk.name });
    expect(document.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ['sign-for', null, 'received'],
      ['register', 'received', 'registered'],
    ]);
    expect(document.history[0]!.at).toBe('2026-11-20T01:30:00.000Z');
    expect(receipt).toMatchObject({ registerNumber: '收文〔2026〕1号', senderUnit: '区住房和建设局', registeredBy: clerk.name });

    const fetched = await rpc.request(documents.getIncoming, { id: document.id }, { actor: clerk });
    expect(fetched.title).toBe(valid.title);

    // The relay published it to JetStream with Nats-Msg-Id = event id, and marked the outbox row.
    await service.runtime.relay.drain();
    const events = await streamEvents();
    const mine = events.find((e) => e.envelope.subject === document.id)!;
    expect(mine.envelope.type).toBe('gov.documents.incoming.registered');
    expect(mine.msgId).toBe(mine.envelope.id);
    expect(mine.envelope.data).toMatchObject({ registerNumber: '收文〔2026〕1号', title: valid.title, registeredBy: clerk.id });
    expect(await service.runtime.backlog()).toBe(0);
  });

  it.each([
    ['a missing title', { ...valid, title: undefined }, 'title'],
    ['a blank title', { ...valid, title: '   ' }, 'title'],
    ['zero copies', { ...valid, copies: 0 }, 'copies'],
    ['an unknown document type', { ...valid, docType: '便条' }, 'docType'],
    ['an unknown field', { ...valid, secretNote: 'x' }, ''],
    ['a bad date', { ...valid, receivedAt: '2026-13-01' }, 'receivedAt'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, field) => {
    const before = await counts();
    const error = await refusal(rpc.request(documents.registerIncoming, input as never, { actor: clerk }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(error.details)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a receipt time in the future', async () => {
    const before = await counts();
    const error = await refusal(
      rpc.request(documents.registerIncoming, { ...valid, receivedAt: '2026-11-21T10:00:00+08:00' }, { actor: clerk }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('lets only the confidential clerk register a classified document, and the event carries no title', async () => {
    const classified = { ...valid, title: '关于某涉密事项的请示', classification: 'secret' as const };
    const before = await counts();
    const denied = await refusal(rpc.request(documents.registerIncoming, classified, { actor: clerk }));
    expect(denied.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    const { document } = await rpc.request(documents.registerIncoming, classified, { actor: confidentialClerk });
    await service.runtime.relay.drain();
    const event = (await streamEvents()).find((e) => e.envelope.subject === document.id)!;
    expect(event.envelope.data).toMatchObject({ classification: 'secret', title: null });
    expect(JSON.stringify(event.envelope)).not.toContain('涉密事项');

    // Outside its 知悉范围 the very answer an unknown id gets: the refusal does not confirm it exists.
    const unknown = await refusal(rpc.request(documents.getIncoming, { id: '6f1d2c3b-0000-4000-8000-000000000000' }, { actor: clerk }));
    for (const reader of [clerk, director]) {
      const refused = await refusal(rpc.request(documents.getIncoming, { id: document.id }, { actor: reader }));
      expect(refused.toPayload()).toEqual(unknown.toPayload());
      expect(refused.code).toBe('NOT_FOUND');
      expect(JSON.stringify(refused)).not.toContain('涉密事项');
    }
    for (const reader of [clerk, director]) {
      const list = await rpc.request(documents.listIncoming, { titleContains: '涉密' }, { actor: reader });
      expect(list).toEqual({ items: [], total: 0 });
    }
    const own = await rpc.request(documents.listIncoming, { titleContains: '涉密' }, { actor: confidentialClerk });
    expect(own).toMatchObject({ total: 1, items: [{ id: document.id, title: classified.title }] });

    const read = await rpc.request(documents.getIncoming, { id: document.id }, { actor: confidentialClerk });
    expect(read.title).toBe(classified.title);
    const audits = await service.runtime.db.$queryRawUnsafe<{ action: string; actor_id: string }[]>(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      document.id,
    );
    expect(audits).toEqual([
      { action: 'incoming.register', actor_id: confidentialClerk.id },
      { action: 'incoming.read-refused', actor_id: clerk.id },
      { action: 'incoming.read-refused', actor_id: director.id },
      { action: 'incoming.list-classified', actor_id: confidentialClerk.id },
      { action: 'incoming.read-classified', actor_id: confidentialClerk.id },
    ]);
  });

  it('gives 50 parallel registrations 50 distinct, gap-free register numbers', async () => {
    const start = (await listNumbers(service.runtime.db, '收文', 2026)).length;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rpc.request(documents.registerIncoming, { ...valid, title: `并发登记测试第${i + 1}件` }, { actor: clerk, timeoutMs: 20_000 }),
      ),
    );
    const seqs = results.map((r) => Number(/〔2026〕(\d+)号/.exec(r.document.registerNumber)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => start + 1 + i));
    const register = await listNumbers(service.runtime.db, '收文', 2026);
    expect(register.map((n) => n.value)).toEqual(Array.from({ length: start + 50 }, (_, i) => i + 1));
  });

  it('finds documents by a fragment of a Chinese title', async () => {
    await rpc.request(documents.registerIncoming, { ...valid, title: '关于召开全区安全生产工作会议的函', docType: '函' }, { actor: clerk });
    const hits = await rpc.request(documents.listIncoming, { titleContains: '安全生产' }, { actor: clerk });
    expect(hits.items.map((d) => d.title)).toEqual(['关于召开全区安全生产工作会议的函']);
    // pg_trgm sees Chinese characters (it would not under a C ctype), so the title index serves such searches.
    const [sim] = await service.runtime.db.$queryRawUnsafe<{ s: number }[]>(
      `SELECT similarity('关于申请老旧小区改造专项资金的请示', '老旧小区改造') AS s`,
    );
    expect(sim!.s).toBeGreaterThan(0.1); // 0 under a C ctype, where pg_trgm drops every Chinese character
    const old = await rpc.request(documents.listIncoming, { titleContains: '老旧小区' }, { actor: clerk });
    expect(old.items.every((d) => d.title.includes('老旧小区'))).toBe(true);
    expect(old.items.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps an audit chain that verifies, refuses edits, and shows tampering', async () => {
    const db = service.runtime.db;
    const ok = await verifyAuditChain(db);
    expect(ok).toMatchObject({ ok: true });
    expect(ok.entries).toBeGreaterThanOrEqual(57);
    await expect(db.$executeRawUnsafe(`UPDATE audit_log SET actor_name = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    // A superuser who switches the trigger off can change a row, but not without the chain showing it.
    await db.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.$executeRawUnsafe(`UPDATE audit_log SET details = '{"registerNumber":"收文〔2026〕999号"}' WHERE seq = 2`);
    await db.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it('answers health and metrics over HTTP', async () => {
    const health = await fetch(`${service.runtime.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      service: 'documents',
      checks: { nats: { ok: true }, database: { ok: true }, outbox: { ok: true } },
    });
    const metrics = await (await fetch(`${service.runtime.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/gov_rpc_requests_total\{subject="documents.incoming.register",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/gov_outbox_backlog \d+/);
  });
});
