import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { signForeignToken } from '@gov/auth';
import type { EventEnvelope } from '@gov/contracts';
import { connectTestNats, eventually } from '@gov/testing';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 2 item 9: a clerk registers an incoming document through the gateway; the documents service stores it
 * with its register number and history; the event reaches JetStream through the outbox; supervision records
 * its effect exactly once; a GraphQL query shows the result. Plus the refusals.
 */
const REGISTER = `mutation Register($input: RegisterIncomingDocumentInput!) {
  registerIncomingDocument(input: $input) {
    document { id registerNumber title status holder { id name } history { action fromState toState actorName } }
    receipt { registerNumber senderUnit registeredBy }
  }
}`;
const SOURCE = `query Source($id: ID!) {
  supervisionSourceDocument(documentId: $id) { documentId registerNumber title docType classification senderUnit eventId }
}`;
const DOC = `query Doc($id: ID!) { incomingDocument(id: $id) { registerNumber title urgency classification history { action } holder { name } } }`;

const input = {
  title: '关于申请老旧小区改造专项资金的请示',
  senderUnit: '区住房和建设局',
  senderDocNumber: '区住建〔2026〕31号',
  docType: '请示',
  urgency: 'URGENT',
  copies: 2,
  receivedAt: new Date(Date.now() - 3600_000).toISOString(),
};

let platform: TestPlatform;
let clerk: string;
let supervisor: string;

async function documentCount(): Promise<number> {
  const [row] = await platform.documents.runtime.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM incoming_document');
  return Number(row!.n);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  clerk = await login(platform.issuer, 'clerk');
  supervisor = await login(platform.issuer, 'supervisor');
});

afterAll(async () => {
  await platform?.stop();
});

describe('收文登记 end to end through the gateway', () => {
  let documentId: string;
  let registerNumber: string;

  it('a clerk registers a document and gets its register number, history and receipt', async () => {
    const traceId = 'aa'.repeat(16);
    const res = await graphql(platform.gateway, REGISTER, { input }, clerk, { traceparent: `00-${traceId}-${'bb'.repeat(8)}-01` });
    expect(res.errors).toBeUndefined();
    const { document, receipt } = res.data!.registerIncomingDocument;
    documentId = document.id;
    registerNumber = document.registerNumber;
    expect(registerNumber).toMatch(/^收文〔20\d\d〕1号$/);
    expect(document).toMatchObject({ title: input.title, status: 'registered', holder: { name: '王文清' } });
    expect(document.history.map((h: { action: string }) => h.action)).toEqual(['sign-for', 'register']);
    expect(receipt).toMatchObject({ registerNumber, senderUnit: '区住房和建设局' });
    // The caller's trace continues into the response and into the event.
    expect(res.headers.get('traceparent')).toContain(traceId);
    const [row] = await platform.documents.runtime.db.$queryRawUnsafe<{ envelope: EventEnvelope }[]>(
      'SELECT envelope FROM outbox WHERE envelope->>\'subject\' = $1',
      documentId,
    );
    expect(row!.envelope.traceparent).toContain(traceId);
  });

  it('the event reaches supervision, which records it once, and a query shows it', async () => {
    const res = await eventually(async () => {
      const r = await graphql(platform.gateway, SOURCE, { id: documentId }, supervisor);
      return r.data?.supervisionSourceDocument ? r : undefined;
    });
    expect(res.data!.supervisionSourceDocument).toMatchObject({
      documentId,
      registerNumber,
      title: input.title,
      docType: '请示',
      classification: 'NONE',
      senderUnit: '区住房和建设局',
    });

    const doc = await graphql(platform.gateway, DOC, { id: documentId }, clerk);
    expect(doc.data!.incomingDocument).toMatchObject({ registerNumber, urgency: 'URGENT', holder: { name: '王文清' } });
  });

  it('a redelivered event changes nothing in supervision', async () => {
    const db = platform.supervision.runtime.db;
    const [row] = await platform.documents.runtime.db.$queryRawUnsafe<{ envelope: EventEnvelope }[]>(
      'SELECT envelope FROM outbox WHERE envelope->>\'subject\' = $1',
      documentId,
    );
    // Published again under a new message id, so JetStream's de-duplication cannot hide it: the inbox must.
    const nc = await connectTestNats();
    const h = natsHeaders();
    await jetstream(nc).publish(platform.space.event(row!.envelope.type), JSON.stringify(row!.envelope), { msgID: `replay-${row!.envelope.id}`, headers: h });
    await nc.close();
    const consumer = platform.supervision.runtime.consumers[0]!;
    await eventually(() => (consumer.duplicates >= 1 ? true : undefined));
    const [count] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM source_document WHERE document_id = $1::uuid', documentId);
    expect(Number(count!.n)).toBe(1);
    const [inbox] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM inbox WHERE event_id = $1', row!.envelope.id);
    expect(Number(inbox!.n)).toBe(1);
  });

  it('a role without the right gets FORBIDDEN and nothing changes', async () => {
    const before = await documentCount();
    const res = await graphql(platform.gateway, REGISTER, { input }, supervisor);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.registerIncomingDocument ?? null).toBeNull();
    expect(await documentCount()).toBe(before);
  });

  it.each([
    ['a rule the service checks (zero copies)', { ...input, copies: 0 }],
    ['a blank title', { ...input, title: '  ' }],
    ['an unknown document type', { ...input, docType: '便条' }],
    ['a wrong GraphQL type', { ...input, copies: 'two' }],
    ['a missing required field', { ...input, title: undefined }],
  ])('malformed input (%s) gets BAD_USER_INPUT and nothing changes', async (_label, bad) => {
    const before = await documentCount();
    const res = await graphql(platform.gateway, REGISTER, { input: bad }, clerk);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await documentCount()).toBe(before);
  });

  it('refuses an expired token, a foreign-signed token, a token of another issuer and no token', async () => {
    const before = await documentCount();
    const expired = await platform.issuer.issueToken('clerk', { expiresInSeconds: -30 });
    const foreign = await signForeignToken({
      iss: platform.issuer.realmUrl,
      sub: 'x',
      typ: 'Bearer',
      preferred_username: 'clerk',
      realm_access: { roles: ['clerk'] },
      unit: 'QWBGS',
      exp: Math.floor(Date.now() / 1000) + 300,
      iat: Math.floor(Date.now() / 1000),
    });
    const otherIssuer = await platform.issuer.issueToken('clerk', { claims: { iss: 'http://127.0.0.1:1/realms/gov-office' } });
    for (const token of [expired, foreign, otherIssuer, undefined, 'not-a-jwt']) {
      const res = await graphql(platform.gateway, REGISTER, { input }, token);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
    expect(await documentCount()).toBe(before);
  });

  it('refuses a query deeper than the depth limit before any resolver runs', async () => {
    const nested = (levels: number): string => (levels === 0 ? 'name' : `ofType { ${nested(levels - 1)} }`);
    const ok = await graphql(platform.gateway, `{ __schema { types { fields { type { ${nested(5)} } } } } }`, {}, clerk);
    expect(ok.errors).toBeUndefined();
    const res = await graphql(platform.gateway, `{ __schema { types { fields { type { ${nested(9)} } } } } }`, {}, clerk);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('query depth 14 exceeds the limit of 10');
  });

  it('refuses a query costlier than the complexity limit before any service is asked', async () => {
    const before = platform.documents.runtime.server.requestsInFlight;
    const aliases = Array.from({ length: 250 }, (_, i) => `a${i}: incomingDocuments { items { id registerNumber title } total }`).join(' ');
    const res = await graphql(platform.gateway, `{ ${aliases} }`, {}, clerk);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/^query complexity \d+ exceeds the limit of 1000$/);
    expect(res.data ?? null).toBeNull();
    expect(platform.documents.runtime.server.requestsInFlight).toBe(before);
  });

  it('refuses a simple cross-site request (CSRF prevention) before any resolver', async () => {
    const csrf = await fetch(`${platform.gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET' });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/CSRF|preflight/i);
    const form = await fetch(`${platform.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: REGISTER, variables: { input } }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
  });

  it('answers /health and counts operations by outcome in /metrics', async () => {
    const res = await fetch(`${platform.gateway.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'gateway', checks: { nats: { ok: true } } });
    const metrics = await (await fetch(`${platform.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/gov_graphql_operations_total\{operation="mutation:registerIncomingDocument",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/gov_graphql_operations_total\{operation="mutation:registerIncomingDocument",outcome="FORBIDDEN"\} [1-9]/);
    expect(metrics).toMatch(/gov_graphql_operations_total\{operation="mutation:registerIncomingDocument",outcome="UNAUTHENTICATED"\} [1-9]/);
    // Each service counts its own work, even with both services in this one process.
    const docs = await (await fetch(`${platform.documents.runtime.httpUrl}/metrics`)).text();
    const sup = await (await fetch(`${platform.supervision.runtime.httpUrl}/metrics`)).text();
    expect(docs).toMatch(/gov_rpc_requests_total\{subject="documents.incoming.register",outcome="ok"\} [1-9]/);
    expect(sup).not.toContain('documents.incoming.register');
    expect(sup).toMatch(/gov_events_handled_total\{consumer="supervision-source-documents"\} [1-9]/);
    expect(sup).toMatch(/process_resident_memory_bytes \d+/);
  });
});
