import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@gov/contracts';
import { connectTestNats, eventually, readEventStream } from '@gov/testing';
import { graphql, loginUser, startTestPlatform, type TestPlatform, type TestUser } from './support/platform.js';

/**
 * Events between sections, end to end through the gateway with real tokens:
 * - issue 5 §9: a leader instruction on a registered document becomes a supervision item exactly once, even
 *   when the event is delivered twice (the same envelope again, and the same fact under a new envelope id);
 * - issue 4 §9: minutes with three decisions issued through the gateway become three supervision items.
 */
type User = TestUser;

let platform: TestPlatform;
let nc: NatsConnection;
const users: Record<string, User> = {};


const user = (username: string) => loginUser(platform.issuer, username);

const person = (u: User) => ({ id: u.id, name: u.name });

async function ok(who: User, name: string, inputType: string, input: Record<string, unknown>, fields = 'id status') {
  const res = await graphql(platform.gateway, `mutation M($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, who.token);
  expect(res.errors).toBeUndefined();
  return res.data![name];
}

const ITEMS = `query Items { supervisionItems(limit: 200) { total items { id registerNumber title sourceKind state dueOn } } }`;

async function supervisionItems(): Promise<{ id: string; registerNumber: string; title: string; sourceKind: string; state: string; dueOn: string | null }[]> {
  const res = await graphql(platform.gateway, ITEMS, {}, users['supervisor']!.token);
  expect(res.errors).toBeUndefined();
  return res.data!.supervisionItems.items;
}

async function events(type: string): Promise<EventEnvelope<Record<string, unknown>>[]> {
  return (await readEventStream(nc, platform.space)).map((e) => e.envelope as EventEnvelope<Record<string, unknown>>).filter((e) => e.type === type);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  for (const u of ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor']) users[u] = await user(u);
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('a leader instruction on a registered document becomes one supervision item, however often it is delivered', () => {
  const title = '关于加快推进城区雨污分流改造的请示';
  const instruction = '请区住建局牵头，区财政局配合，年底前完成雨污分流改造方案，督查室跟踪督办。';
  let documentId: string;
  let instructionId: string;

  it('registers, reviews and submits the request; the leader instructs and routes it to supervision', async () => {
    const { clerk, 'section-chief': chief, 'deputy-director': deputy, 'district-leader': leader } = users as Record<string, User>;
    const registered = await graphql(
      platform.gateway,
      `mutation R($input: RegisterIncomingDocumentInput!) { registerIncomingDocument(input: $input) { document { id registerNumber } } }`,
      { input: { title, senderUnit: '区住房和建设局', docType: '请示', copies: 1, receivedAt: new Date(Date.now() - 600_000).toISOString() } },
      clerk!.token,
    );
    expect(registered.errors).toBeUndefined();
    documentId = registered.data!.registerIncomingDocument.document.id;
    const id = documentId;
    await ok(clerk!, 'acceptIncomingDocument', 'IncomingStepInput', { id });
    await ok(clerk!, 'proposeIncomingHandling', 'ProposeIncomingHandlingInput', { id, opinion: '拟呈区领导阅示。' });
    await ok(clerk!, 'submitIncomingForReview', 'IncomingStepInput', { id, handTo: person(chief!) });
    await ok(chief!, 'receiveIncomingDocument', 'IncomingStepInput', { id });
    await ok(chief!, 'approveIncomingProposal', 'IncomingCommentStepInput', { id, comment: '同意。', handTo: person(deputy!) });
    await ok(deputy!, 'receiveIncomingDocument', 'IncomingStepInput', { id });
    await ok(deputy!, 'submitIncomingToLeaders', 'SubmitIncomingToLeadersInput', { id, leaders: [{ ...person(leader!), rank: 1 }] });
    await ok(leader!, 'receiveIncomingDocument', 'IncomingStepInput', { id });
    await ok(leader!, 'signIncomingInstruction', 'SignIncomingInstructionInput', {
      id,
      text: instruction,
      stance: 'agree',
      sendsTo: ['QZJJ'],
      routes: [{ to: 'supervision', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-12-31' }],
      handTo: person(clerk!),
    });
    await ok(clerk!, 'receiveIncomingDocument', 'IncomingStepInput', { id });
    const closed = await ok(clerk!, 'closeIncomingInstructions', 'IncomingStepInput', { id }, 'id status instructions { id }');
    expect(closed.status).toBe('instructed');
    instructionId = closed.instructions[0].id;
  });

  it('supervision opens exactly one proposed item for it, linked to the document and the instruction', async () => {
    const items = await eventually(async () => {
      const all = (await supervisionItems()).filter((i) => i.sourceKind === 'leader-instruction');
      return all.length ? all : undefined;
    });
    expect(items).toEqual([expect.objectContaining({ title, state: 'proposed', sourceKind: 'leader-instruction' })]);
  });

  it('a second delivery of the same event, and the same fact under a new envelope id, open nothing more', async () => {
    const [routed] = (await events('gov.documents.incoming.routed')).filter((e) => e.data['documentId'] === documentId);
    expect(routed).toBeDefined();
    const js = jetstream(nc);
    const subject = platform.space.event(routed!.type);
    // the same envelope again, past JetStream's duplicate window (as a relay that lost its ack would, later)
    await js.publish(subject, JSON.stringify(routed), { msgID: randomUUID() });
    // the same fact re-emitted under a new event id (as a replayed outbox or a repair script would)
    await js.publish(subject, JSON.stringify({ ...routed, id: randomUUID() }), { msgID: randomUUID() });

    // the copy under the same id is dropped by the inbox (one row); the new id gets a second row and no item
    await eventually(async () => {
      const rows = await platform.supervision.runtime.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) n FROM inbox WHERE subject = 'gov.documents.incoming.routed'`,
      );
      return Number(rows[0]!.n) === 2 ? true : undefined;
    });
    const items = (await supervisionItems()).filter((i) => i.sourceKind === 'leader-instruction');
    expect(items).toHaveLength(1);
    const keys = await platform.supervision.runtime.db.$queryRawUnsafe<{ origin_key: string }[]>(
      `SELECT origin_key FROM supervision_item WHERE source_kind = 'leader-instruction'`,
    );
    expect(keys.map((k) => k.origin_key)).toEqual([`document:${documentId}/instruction:${instructionId}`]);
    // every event supervision wrote has left its outbox: then the stream holds all of them
    await eventually(async () => {
      const rows = await platform.supervision.runtime.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM outbox WHERE published_at IS NULL');
      return Number(rows[0]!.n) === 0 ? true : undefined;
    });
    const created = await eventually(async () => {
      const all = (await events('gov.supervision.item.created')).filter((e) => e.data['sourceKind'] === 'leader-instruction');
      return all.length ? all : undefined;
    });
    expect(created).toHaveLength(1);
  });
});
