import { documents, type EventEnvelope } from '@gov/contracts';
import { recordChange } from '@gov/service-kit';
import { createTestDatabase, pgDatabase, testActor, type TestDatabase } from '@gov/testing';
import type { SqlDatabase } from '@gov/persistence';

// The archives service carries only the platform tables so far: enough for audit and outbox.
let database: TestDatabase;
let db: SqlDatabase;
const context = { actor: testActor('clerk'), traceparent: `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`, traceId: 'ab'.repeat(16) };
const at = new Date('2026-11-20T02:00:00Z');
const data = documents.incomingRegistered.example;

beforeAll(async () => {
  database = await createTestDatabase('archives');
  db = pgDatabase(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const count = async (table: string) => Number((await db.$queryRawUnsafe<{ n: string }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);

describe('recordChange: the audit entry and the event of a change, in its transaction', () => {
  it('writes one audit entry and one outbox event about the same entity, in the caller\'s trace', async () => {
    await db.$transaction((tx) =>
      recordChange(tx, context, {
        at, entityType: 'incoming-document', entityId: data.documentId, action: 'incoming.register', details: { n: 1 },
        event: { contract: documents.incomingRegistered, data },
      }),
    );
    const [audit] = await db.$queryRawUnsafe<{ action: string; entity_id: string; trace_id: string }[]>('SELECT action, entity_id, trace_id FROM audit_log');
    expect(audit).toEqual({ action: 'incoming.register', entity_id: data.documentId, trace_id: context.traceId });
    const [row] = await db.$queryRawUnsafe<{ envelope: EventEnvelope }[]>('SELECT envelope FROM outbox');
    expect(row!.envelope).toMatchObject({ type: 'gov.documents.incoming.registered', subject: data.documentId, traceparent: context.traceparent, source: '/gov-office/documents', data });
  });

  it('refuses an event that does not match its contract, and the whole change rolls back', async () => {
    const before = { audit: await count('audit_log'), outbox: await count('outbox') };
    await expect(
      db.$transaction((tx) =>
        recordChange(tx, context, {
          at, entityType: 'incoming-document', entityId: data.documentId, action: 'incoming.register', details: {},
          event: { contract: documents.incomingRegistered, data: { ...data, classification: '内部' } as never },
        }),
      ),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: 'event gov.documents.incoming.registered does not match its contract' });
    expect({ audit: await count('audit_log'), outbox: await count('outbox') }).toEqual(before);
  });
});
