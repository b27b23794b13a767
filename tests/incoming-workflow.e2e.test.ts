import type { EventEnvelope } from '@gov/contracts';
import { connectTestNats, eventually, readEventStream } from '@gov/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { errorCode, graphql, loginUser, startTestPlatform, type TestPlatform, type TestUser } from './support/platform.js';

/**
 * Issue 3 §1, §6, §7 end to end through the gateway with real tokens: a request is registered (签收 + 登记),
 * passes 初审, 拟办 with the legal opinion, 送审 (clerk → chief → deputy), 呈批 to the district leader, whose
 * verbatim instruction sends the matter to supervision (documents.incomingRouted on JetStream), 承办 with a lead
 * unit, co-units and a deadline, 催办, 办结, 办复 and 归档. Every hand-over is signed for by its receiver, each
 * person's inbox shows what waits for them, the register answers by period and Chinese title, and the
 * refusals come back with their codes.
 */
const DOC = `
  id registerNumber title status holder { id name } inTransitTo { id name }
  leaders { id name rank } nextSigners { id name } sectionOpinions { section text by { name } }
  instructions { id text leader { name } routes } leadUnit coUnits deadline chaseStatus
  replyRequired repliedAt archivedAt returnNotice
  history { action fromState toState actorName reason }`;

const mutation = (name: string, input: string) =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { ${DOC} } }`;

const REGISTER = `mutation R($input: RegisterIncomingDocumentInput!) { registerIncomingDocument(input: $input) { document { id registerNumber } receipt { registerNumber } } }`;
const INBOX = `query { incomingInbox { items { reason document { id status } } } }`;
const REGISTER_QUERY = `query Q($from: String, $to: String, $title: String, $status: String) {
  incomingDocuments(registeredFrom: $from, registeredTo: $to, titleContains: $title, status: $status) { total items { id title status leadUnit } } }`;

type User = TestUser;

let platform: TestPlatform;
let nc: NatsConnection;
const users: Record<string, User> = {};


const user = (username: string) => loginUser(platform.issuer, username);

const person = (u: User) => ({ id: u.id, name: u.name });

async function step(who: User, name: string, inputType: string, input: Record<string, unknown>) {
  const res = await graphql(platform.gateway, mutation(name, inputType), { input }, who.token);
  return res;
}

async function ok(who: User, name: string, inputType: string, input: Record<string, unknown>) {
  const res = await step(who, name, inputType, input);
  expect(res.errors).toBeUndefined();
  return res.data![name];
}

const receive = (who: User, id: string) => ok(who, 'receiveIncomingDocument', 'IncomingStepInput', { id });

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  for (const u of ['clerk', 'section-chief', 'deputy-director', 'district-leader', 'legal-officer', 'supervisor', 'archivist', 'unit-liaison']) {
    users[u] = await user(u);
  }
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('收文办理 end to end: 签收 → 初审 → 拟办 → 送审 → 呈批 → 批示 → routed to supervision → 承办 → 催办 → 办结 → 办复 → 归档', () => {
  const title = '关于申请城区排水管网改造专项资金的请示';
  const instruction = '同意。请区住建局牵头、区财政局配合,12月底前完成改造方案,督查室跟踪督办。';
  let id: string;

  it('registers (签收 + 登记) and accepts after 初审', async () => {
    const clerk = users['clerk']!;
    const res = await graphql(
      platform.gateway,
      REGISTER,
      { input: { title, senderUnit: '区住房和建设局', docType: '请示', copies: 2, receivedAt: new Date(Date.now() - 3600_000).toISOString() } },
      clerk.token,
    );
    expect(res.errors).toBeUndefined();
    id = res.data!.registerIncomingDocument.document.id;
    const doc = await ok(clerk, 'acceptIncomingDocument', 'IncomingStepInput', { id });
    expect(doc.status).toBe('accepted');
  });

  it('拟办 with a legal matter: the opinion of 法制办 is required before 送审, then chief → deputy, each signing for it', async () => {
    const { clerk, 'section-chief': chief, 'deputy-director': deputy, 'legal-officer': legal } = users as Record<string, User>;
    await ok(clerk!, 'proposeIncomingHandling', 'ProposeIncomingHandlingInput', { id, opinion: '涉及专项资金使用,拟请法制办提出意见后呈区领导阅示。', involvesLegalMatters: true });
    const blocked = await step(clerk!, 'submitIncomingForReview', 'IncomingStepInput', { id });
    expect(errorCode(blocked)).toBe('CONFLICT');
    await ok(clerk!, 'handOverIncomingDocument', 'HandOverIncomingInput', { id, handTo: person(deputy!) });
    // the deputy's inbox shows it, waiting for the signature
    const inbox = await graphql(platform.gateway, INBOX, {}, deputy!.token);
    expect(inbox.data!.incomingInbox.items).toEqual(expect.arrayContaining([{ reason: 'to-sign-for', document: { id, status: 'proposed' } }]));
    await receive(deputy!, id);
    await ok(deputy!, 'routeIncomingForOpinion', 'IncomingStepInput', { id, handTo: person(legal!) });
    await receive(legal!, id);
    await ok(legal!, 'recordIncomingSectionOpinion', 'RecordIncomingSectionOpinionInput', { id, section: 'legal', text: '资金使用符合规定,无法律障碍。', handTo: person(clerk!) });
    await receive(clerk!, id);
    await ok(clerk!, 'submitIncomingForReview', 'IncomingStepInput', { id, handTo: person(chief!) });
    // the chief cannot approve before signing for it
    expect(errorCode(await step(chief!, 'approveIncomingProposal', 'IncomingCommentStepInput', { id }))).toBe('CONFLICT');
    await receive(chief!, id);
    await ok(chief!, 'approveIncomingProposal', 'IncomingCommentStepInput', { id, comment: '同意拟办意见。', handTo: person(deputy!) });
    await receive(deputy!, id);
  });

  it('呈批: the leader signs the instruction verbatim; the route to supervision goes out as documents.incomingRouted', async () => {
    const { clerk, 'deputy-director': deputy, 'district-leader': leader } = users as Record<string, User>;
    // a clerk may not submit to leaders (the gateway's role gate)
    expect(errorCode(await step(clerk!, 'submitIncomingToLeaders', 'SubmitIncomingToLeadersInput', { id, leaders: [{ ...person(leader!), rank: 1 }] }))).toBe('FORBIDDEN');
    let doc = await ok(deputy!, 'submitIncomingToLeaders', 'SubmitIncomingToLeadersInput', { id, leaders: [{ ...person(leader!), rank: 1 }] });
    expect(doc).toMatchObject({ status: 'with-leaders', inTransitTo: person(leader!), nextSigners: [person(leader!)] });
    await receive(leader!, id);
    doc = await ok(leader!, 'signIncomingInstruction', 'SignIncomingInstructionInput', {
      id,
      text: instruction,
      stance: 'agree',
      sendsTo: ['QZJJ'],
      routes: [{ to: 'supervision', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-12-31' }],
      handTo: person(clerk!),
    });
    expect(doc.instructions).toEqual([{ id: expect.any(String), text: instruction, leader: { name: leader!.name }, routes: ['supervision'] }]);
    await receive(clerk!, id);
    doc = await ok(clerk!, 'closeIncomingInstructions', 'IncomingStepInput', { id });
    expect(doc.status).toBe('instructed');

    const routed = await eventually(async () => {
      const events = await readEventStream(nc, platform.space);
      return events.map((e) => e.envelope as EventEnvelope<Record<string, unknown>>).find((e) => e.type === 'gov.documents.incoming.routed' && e.data['documentId'] === id);
    });
    expect(routed.data).toMatchObject({
      documentId: id,
      instructionId: doc.instructions[0].id,
      to: 'supervision',
      matter: instruction,
      leadUnit: 'QZJJ',
      coUnits: ['QCZJ'],
      dueOn: '2026-12-31',
      title,
      instructedBy: { id: leader!.id, name: leader!.name },
    });
    // supervision consumes it: one proposed item keyed by the document and the instruction
    const key = `document:${id}/instruction:${doc.instructions[0].id}`;
    const item = await eventually(async () => {
      const rows = await platform.supervision.runtime.db.$queryRawUnsafe<{ title: string }[]>(
        'SELECT title FROM supervision_item WHERE origin_key = $1',
        key,
      );
      return rows[0];
    });
    expect(item.title).toBe(title);
  });

  it('承办 with a deadline and a chaser; 催办 shows in the chaser\u2019s inbox; 办结, 办复 and 归档', async () => {
    const { clerk, supervisor, archivist, 'unit-liaison': liaison } = users as Record<string, User>;
    let doc = await ok(clerk!, 'assignIncoming', 'AssignIncomingInput', { id, leadUnit: 'QZJJ', coUnits: ['QCZJ'], deadline: '2026-12-31', important: true, chaser: person(supervisor!) });
    expect(doc).toMatchObject({ status: 'in-handling', leadUnit: 'QZJJ', coUnits: ['QCZJ'], deadline: '2026-12-31' });
    const inbox = await graphql(platform.gateway, INBOX, {}, supervisor!.token);
    expect(inbox.data!.incomingInbox.items).toEqual(expect.arrayContaining([{ reason: 'to-chase', document: { id, status: 'in-handling' } }]));
    doc = await ok(supervisor!, 'chaseIncoming', 'IncomingTextStepInput', { id, text: '已电话催办区住建局。' });
    expect(doc.history.at(-1)).toMatchObject({ action: 'chase', reason: '已电话催办区住建局。' });
    // a unit liaison may not chase (role gate)
    expect(errorCode(await step(liaison!, 'chaseIncoming', 'IncomingTextStepInput', { id, text: '催' }))).toBe('FORBIDDEN');
    await ok(clerk!, 'completeIncoming', 'IncomingTextStepInput', { id, text: '区住建局已报送改造方案。' });
    // filing before the reply is refused
    const early = await step(clerk!, 'archiveIncoming', 'IncomingStepInput', { id });
    expect(errorCode(early)).toBe('CONFLICT');
    await ok(clerk!, 'replyIncoming', 'IncomingTextStepInput', { id, text: '已将区领导批示及办理结果函复区住建局。', handTo: person(archivist!) });
    await receive(archivist!, id);
    doc = await ok(archivist!, 'archiveIncoming', 'IncomingStepInput', { id });
    expect(doc.status).toBe('archived');
    expect(doc.archivedAt).not.toBeNull();
    const actions = doc.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual([
      'sign-for', 'register', 'accept', 'propose-handling', 'hand-over', 'receive', 'route-for-opinion', 'receive',
      'record-section-opinion', 'receive', 'submit-for-review', 'receive', 'approve-proposal', 'receive',
      'submit-to-leaders', 'receive', 'sign-instruction', 'receive', 'close-instructions', 'assign', 'chase', 'complete',
      'reply', 'receive', 'archive',
    ]);
    // every hand-over is signed for by its receiver, naming who handed it
    const receipts = doc.history.filter((h: { action: string }) => h.action === 'receive').map((h: { reason: string }) => h.reason.split(',')[0]);
    expect(receipts[0]).toBe(`签收: ${users['clerk']!.name} → ${users['deputy-director']!.name}`);
  });

  it('the events of the chain are on JetStream, with no classified content', async () => {
    const types = await eventually(async () => {
      const all = (await readEventStream(nc, platform.space)).map((e) => e.envelope).filter((e) => (e.data as { documentId?: string }).documentId === id);
      const t = all.map((e) => e.type);
      return t.includes('gov.documents.incoming.archived') ? t : undefined;
    });
    expect(types).toEqual(
      expect.arrayContaining([
        'gov.documents.incoming.registered',
        'gov.documents.incoming.opinion-requested',
        'gov.documents.incoming.handed-over',
        'gov.documents.incoming.instructed',
        'gov.documents.incoming.routed',
        'gov.documents.incoming.assigned',
        'gov.documents.incoming.completed',
        'gov.documents.incoming.archived',
      ]),
    );
  });

  it('the register answers by period and by a fragment of the Chinese title', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const res = await graphql(platform.gateway, REGISTER_QUERY, { from: today, to: today, title: '排水管网', status: 'archived' }, users['clerk']!.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.incomingDocuments).toMatchObject({ total: 1, items: [{ id, title, status: 'archived', leadUnit: 'QZJJ' }] });
  });

  it('returns with typed grounds, approved by the deputy director; unauthenticated and bad input are refused', async () => {
    const { clerk, 'section-chief': chief, 'deputy-director': deputy } = users as Record<string, User>;
    const res = await graphql(
      platform.gateway,
      REGISTER,
      { input: { title: '关于增加编制和解决办公用房的请示', senderUnit: '区某局', docType: '请示', copies: 1, receivedAt: new Date(Date.now() - 60_000).toISOString() } },
      clerk!.token,
    );
    const other = res.data!.registerIncomingDocument.document.id;
    const bad = await step(clerk!, 'proposeIncomingReturn', 'ProposeIncomingReturnInput', { id: other, grounds: [{ ground: 'other' }] });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const anon = await graphql(platform.gateway, mutation('acceptIncomingDocument', 'IncomingStepInput'), { input: { id: other } });
    expect(errorCode(anon)).toBe('UNAUTHENTICATED');
    await ok(clerk!, 'proposeIncomingReturn', 'ProposeIncomingReturnInput', { id: other, grounds: [{ ground: 'skipped-level-or-several-matters' }], handTo: person(chief!) });
    await receive(chief!, other);
    expect(errorCode(await step(chief!, 'approveIncomingReturn', 'IncomingCommentStepInput', { id: other }))).toBe('FORBIDDEN');
    await ok(chief!, 'endorseIncomingReturn', 'IncomingCommentStepInput', { id: other, handTo: person(deputy!) });
    await receive(deputy!, other);
    const doc = await ok(deputy!, 'approveIncomingReturn', 'IncomingCommentStepInput', { id: other });
    expect(doc).toMatchObject({ status: 'returned', returnNotice: ['⑥基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见'] });
  });
});

describe('特殊件 end to end: the instruction is shown only to office leaders and the 交办人', () => {
  const SPECIAL = `id status detectedGrounds registerNumber instructionVisible instructions { text leader { name } }`;

  it('SCENARIOS seed000-a #9, #10: a clean item registers; a clerk sees no instruction text and may not copy it; the deputy director may', async () => {
    const { clerk, 'deputy-director': deputy, 'section-chief': chief } = users as Record<string, User>;
    const received = await graphql(
      platform.gateway,
      `mutation M($input: ReceiveSpecialItemInput!) { receiveSpecialItem(input: $input) { ${SPECIAL} } }`,
      {
        input: {
          title: '关于请求协调解决企业用地问题的报告',
          senderUnit: '区工业园区管委会',
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          handoverPerson: person(chief!),
          contactPerson: '黄经理',
          contactPhone: '0755-12345678',
          instructions: [{ leaderId: 'L-head', leaderName: '陈区长', rank: 1, text: '请区自然资源局研究办理。', stance: 'agree', signedAt: new Date(Date.now() - 86_400_000).toISOString() }],
          instructedUnits: [{ name: '区自然资源局', districtLevel: true }],
        },
      },
      clerk!.token,
    );
    expect(received.errors).toBeUndefined();
    const item = received.data!.receiveSpecialItem;
    expect(item).toMatchObject({ status: 'received', detectedGrounds: [], instructionVisible: false, instructions: [{ text: null, leader: { name: '陈区长' } }] });
    const registered = await graphql(platform.gateway, `mutation { registerSpecialItem(input: { id: "${item.id}" }) { ${SPECIAL} } }`, {}, clerk!.token);
    expect(registered.data!.registerSpecialItem.registerNumber).toMatch(/^特办〔20\d\d〕1号$/);
    const COPY = `mutation C($id: ID!) { copySpecialItemInstruction(id: $id, purpose: "查询") { instructions { text } } }`;
    expect(errorCode(await graphql(platform.gateway, COPY, { id: item.id }, clerk!.token))).toBe('FORBIDDEN');
    for (const reader of [deputy!, chief!]) {
      const copy = await graphql(platform.gateway, COPY, { id: item.id }, reader.token);
      expect(copy.data!.copySpecialItemInstruction.instructions).toEqual([{ text: '请区自然资源局研究办理。' }]);
    }
  });
});
