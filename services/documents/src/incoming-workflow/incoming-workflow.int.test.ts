import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { fixedClock } from '@gov/calendar';
import { documents, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import type { Actor } from '@gov/auth';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { documentsService } from '../service.js';

/**
 * 收文办理 over NATS against a real database (issue 3 §1, §6, §7): every step after registration, its
 * refusals with their codes and reasons, the hand-overs signed for, the inbox, the register filters and the
 * events (no classified content). Cites SCENARIOS.md where a step is one of them.
 */
const NOW = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 Beijing
const clerk = testActor('clerk', { name: '王文清' });
const chief = testActor('section-chief', { name: '李科长' });
const deputy = testActor('deputy-director', { name: '赵副主任' });
const director = testActor('director', { name: '孙主任', clearance: 'top-secret' });
const legal = testActor('legal-officer', { name: '钱法制' });
const supervisor = testActor('supervisor', { name: '周督查' });
const archivist = testActor('archivist', { name: '吴档案' });
const confidentialClerk = testActor('confidential-clerk', { name: '郑机要', clearance: 'top-secret' });
// Two district leaders: rank 1 = most senior. Ascending order (由小到大) means the deputy head (rank 3) signs first.
const head = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000a001', name: '陈区长', rank: 1, clearance: 'top-secret' });
const viceHead = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000a003', name: '林副区长', rank: 3, clearance: 'top-secret' });
const who = (a: Actor) => ({ id: a.id, name: a.name });

const valid = {
  title: '关于申请老旧小区改造专项资金的请示',
  senderUnit: '区住房和建设局',
  senderDocNumber: '区住建〔2026〕31号',
  docType: '请示',
  urgency: 'normal',
  copies: 2,
  pages: 6,
  receivedAt: '2026-11-20T09:30:00+08:00',
} as const;

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const as = (actor: Actor) => ({ actor });
const refusal = refusalOf;

async function counts() {
  const db = service.runtime.db;
  const q = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0]!.n);
  return {
    history: await q('SELECT count(*) n FROM incoming_document_history'),
    outbox: await q('SELECT count(*) n FROM outbox'),
    instructions: await q('SELECT count(*) n FROM incoming_instruction'),
    versions: await q('SELECT sum(version) n FROM incoming_document'),
  };
}

async function register(overrides: Record<string, unknown> = {}, actor: Actor = clerk) {
  const { document } = await rpc.request(documents.registerIncoming, { ...valid, ...overrides } as never, as(actor));
  return document;
}

async function eventsOf(documentId: string) {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).filter((e) => (e.envelope.data as { documentId?: string }).documentId === documentId);
}

/** Registered → accepted → proposed → chief → deputy → with the leaders (hand-overs signed for at each step). */
async function toLeaders(overrides: Record<string, unknown> = {}, leaders: Actor[] = [head, viceHead], tracker?: Actor, handTo?: Actor) {
  const doc = await register(overrides);
  await rpc.request(documents.acceptIncoming, { id: doc.id }, as(clerk));
  await rpc.request(documents.proposeIncomingHandling, { id: doc.id, opinion: '拟请区政府领导阅示。' }, as(clerk));
  await rpc.request(documents.submitIncomingForReview, { id: doc.id, handTo: who(chief) }, as(clerk));
  await rpc.request(documents.receiveIncoming, { id: doc.id }, as(chief));
  await rpc.request(documents.approveIncomingProposal, { id: doc.id, handTo: who(deputy) }, as(chief));
  await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
  const view = await rpc.request(
    documents.submitIncomingToLeaders,
    { id: doc.id, leaders: leaders.map((l) => ({ id: l.id, name: l.name, rank: l.rank! })), ...(tracker ? { tracker: who(tracker) } : {}), ...(handTo ? { handTo: who(handTo) } : {}) },
    as(deputy),
  );
  return view;
}

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

describe('初审 → 退文 with typed grounds approved by the deputy director', () => {
  it('SCENARIOS seed003 #8 / seed000-a #2: returns a request with two grounds through clerk → chief → deputy, with the notice and the event', async () => {
    const doc = await register({ title: '关于解决经费和人员编制问题的请示' });
    let view = await rpc.request(
      documents.proposeIncomingReturn,
      { id: doc.id, grounds: [{ ground: 'skipped-level-or-several-matters' }, { ground: 'other', text: '未附前期批复文件' }], opinion: '一文数事,拟退文。', handTo: who(chief) },
      as(clerk),
    );
    expect(view.status).toBe('return-proposed');
    expect(view.inTransitTo).toEqual(who(chief));
    expect(view.holder.id).toBe(clerk.id); // until the chief signs for it
    // the chief cannot act before signing for it; the clerk cannot endorse (role)
    expect((await refusal(rpc.request(documents.endorseIncomingReturn, { id: doc.id }, as(chief)))).code).toBe('CONFLICT');
    expect((await refusal(rpc.request(documents.endorseIncomingReturn, { id: doc.id }, as(clerk)))).code).toBe('FORBIDDEN');
    // only the receiver signs for a hand-over
    expect((await refusal(rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy)))).code).toBe('FORBIDDEN');
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(chief));
    await rpc.request(documents.endorseIncomingReturn, { id: doc.id, handTo: who(deputy) }, as(chief));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    // the section chief cannot approve: only the deputy director in charge (seed 000 L150)
    view = await rpc.request(documents.approveIncomingReturn, { id: doc.id }, as(deputy));
    expect(view.status).toBe('returned');
    expect(view.returnNotice).toEqual([
      '⑥基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见',
      '⑩其他不符合国家机关公文处理规定的情形:未附前期批复文件',
    ]);
    expect(view.registerNumber).toMatch(/^收文〔2026〕\d+号$/); // D1: a returned item stays on the register
    const receives = view.history.filter((h) => h.action === 'receive');
    expect(receives.map((h) => [h.actorName, h.reason?.split(',')[0]])).toEqual([
      ['李科长', '签收: 王文清 → 李科长'],
      ['赵副主任', '签收: 李科长 → 赵副主任'],
    ]);
    const returned = (await eventsOf(doc.id)).find((e) => e.envelope.type === 'gov.documents.incoming.returned')!;
    expect(returned.envelope.data).toMatchObject({ grounds: ['skipped-level-or-several-matters', 'other'], approvedBy: deputy.id, senderUnit: '区住房和建设局' });
  });

  it.each([
    ['no ground', [], 'BAD_USER_INPUT'],
    ['an unknown ground', [{ ground: 'too-long' }], 'BAD_USER_INPUT'],
    ['the same ground twice', [{ ground: 'unlawful' }, { ground: 'unlawful' }], 'BAD_USER_INPUT'],
    ['⑩ other without its text', [{ ground: 'other' }], 'BAD_USER_INPUT'],
  ])('refuses a return proposal with %s, and changes nothing', async (_label, grounds, code) => {
    const doc = await register();
    const before = await counts();
    const error = await refusal(rpc.request(documents.proposeIncomingReturn, { id: doc.id, grounds } as never, as(clerk)));
    expect(error.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('a rejected return puts the item back at 初审 without its grounds', async () => {
    const doc = await register();
    await rpc.request(documents.proposeIncomingReturn, { id: doc.id, grounds: [{ ground: 'wrong-format-or-type' }], handTo: who(chief) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(chief));
    const view = await rpc.request(documents.rejectIncomingReturn, { id: doc.id, reason: '格式问题不大,可受理。', handTo: who(clerk) }, as(chief));
    expect(view).toMatchObject({ status: 'registered', returnGrounds: [] });
  });
});

describe('拟办 → 送审 → 呈批 → 批示 → routing', () => {
  it('a legal matter cannot go to review until 法制办 has given its opinion, requested by an event', async () => {
    const doc = await register({ title: '关于规范行政执法收费事项的请示' });
    await rpc.request(documents.acceptIncoming, { id: doc.id }, as(clerk));
    await rpc.request(
      documents.proposeIncomingHandling,
      { id: doc.id, opinion: '涉及收费,拟请法制办提出意见。', involvesLegalMatters: true },
      as(clerk),
    );
    const blocked = await refusal(rpc.request(documents.submitIncomingForReview, { id: doc.id }, as(clerk)));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.details).toMatchObject({ missing: ['legal'] });
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(deputy) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    await rpc.request(documents.routeIncomingForOpinion, { id: doc.id, handTo: who(legal) }, as(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(legal));
    // the foreign-affairs opinion was not asked for
    const wrong = await refusal(rpc.request(documents.recordIncomingSectionOpinion, { id: doc.id, section: 'foreign-affairs', text: '无意见' }, as(legal)));
    expect(wrong.code).toBe('FORBIDDEN');
    let view = await rpc.request(
      documents.recordIncomingSectionOpinion,
      { id: doc.id, section: 'legal', text: '收费项目须有法律依据,建议先行合法性审查。', handTo: who(clerk) },
      as(legal),
    );
    expect(view.status).toBe('proposed');
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    view = await rpc.request(documents.submitIncomingForReview, { id: doc.id, handTo: who(chief) }, as(clerk));
    expect(view.status).toBe('chief-review');
    expect(view.sectionOpinions).toMatchObject([{ section: 'legal', by: who(legal) }]);
    const requested = (await eventsOf(doc.id)).find((e) => e.envelope.type === 'gov.documents.incoming.opinion-requested')!;
    expect(requested.envelope.data).toMatchObject({ sections: ['legal'], requestedBy: deputy.id });
  });

  it('an item for the principal leader is signed off by the director, not the deputy (seed 004 L18)', async () => {
    const doc = await register();
    await rpc.request(documents.acceptIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.proposeIncomingHandling, { id: doc.id, opinion: '拟呈区长阅示。', needsPrincipalLeader: true }, as(clerk));
    await rpc.request(documents.submitIncomingForReview, { id: doc.id, handTo: who(chief) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(chief));
    await rpc.request(documents.approveIncomingProposal, { id: doc.id, handTo: who(deputy) }, as(chief));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    const leaders = [{ id: head.id, name: head.name, rank: 1 }];
    const error = await refusal(rpc.request(documents.submitIncomingToLeaders, { id: doc.id, leaders }, as(deputy)));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ needs: 'director' });
    await rpc.request(documents.referIncomingToDirector, { id: doc.id, handTo: who(director) }, as(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(director));
    const view = await rpc.request(documents.submitIncomingToLeaders, { id: doc.id, leaders }, as(director));
    expect(view).toMatchObject({ status: 'with-leaders', inTransitTo: who(head) });
  });

  it('SCENARIOS seed000-a #11: several leaders sign in ascending rank, verbatim, and the routes go out on close', async () => {
    // the office carries it to the district head first, by mistake
    const doc = await toLeaders({ title: '关于加快推进老旧小区改造的请示', urgency: 'urgent' }, [head, viceHead], supervisor, head);
    expect(doc.leaders.map((l) => l.name)).toEqual(['林副区长', '陈区长']); // junior first
    expect(doc.nextSigners).toEqual([who(viceHead)]);
    expect(doc.tracker).toEqual(who(supervisor));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    // the senior leader may not sign before the junior one (按职务由小到大送签)
    const before = await counts();
    const early = await refusal(rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '同意。' }, as(head)));
    expect(early).toMatchObject({ code: 'CONFLICT', details: { waitingFor: [viceHead.id] } });
    expect(early.message).toContain('由小到大');
    expect(await counts()).toEqual(before);
    // a leader not on the plan is refused
    const other = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000a009', name: '何副书记', rank: 2 });
    expect((await refusal(rpc.request(documents.receiveIncoming, { id: doc.id }, as(other)))).code).toBe('CONFLICT');
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(viceHead) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(viceHead));
    const text = '  同意。请区住建局牵头,区财政局配合,\n月底前拿出改造方案报区政府。  ';
    let view = await rpc.request(
      documents.signIncomingInstruction,
      {
        id: doc.id,
        text,
        stance: 'agree',
        sendsTo: ['QZJJ'],
        routes: [{ to: 'supervision', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-11-30', urgent: true }],
        handTo: who(head),
      },
      as(viceHead),
    );
    expect(view.instructions[0]!.text).toBe(text); // verbatim, never trimmed
    expect(view.nextSigners).toEqual([who(head)]);
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    const closeEarly = await refusal(rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(head)));
    expect(closeEarly.code).toBe('FORBIDDEN'); // a leader does not close; the clerk does
    view = await rpc.request(
      documents.signIncomingInstruction,
      { id: doc.id, text: '同意林副区长意见,请督查室跟踪落实。', stance: 'agree', sendsTo: ['QZJJ'], routes: [{ to: 'meetings', matter: '提交区政府常务会议研究' }], handTo: who(clerk) },
      as(head),
    );
    expect(view.instructions.map((i) => i.leader.name)).toEqual(['林副区长', '陈区长']);
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    view = await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    expect(view.status).toBe('instructed');

    const events = await eventsOf(doc.id);
    expect(events.filter((e) => e.envelope.type === 'gov.documents.incoming.instructed')).toHaveLength(2);
    const routed = events.filter((e) => e.envelope.type === 'gov.documents.incoming.routed').map((e) => e.envelope.data as z.infer<typeof documents.incomingRouted.data>);
    expect(routed.map((r) => r.to).sort()).toEqual(['meetings', 'supervision']);
    expect(routed.find((r) => r.to === 'supervision')).toMatchObject({
      documentId: doc.id,
      instructionId: view.instructions[0]!.id,
      matter: text,
      leadUnit: 'QZJJ',
      coUnits: ['QCZJ'],
      dueOn: '2026-11-30',
      urgent: true,
      instructedBy: who(viceHead),
      title: '关于加快推进老旧小区改造的请示',
    });
    expect(routed.find((r) => r.to === 'meetings')).toMatchObject({ matter: '提交区政府常务会议研究', leadUnit: null });
  });

  it('refuses an urgent submission without a tracker (急件专人跟踪, seed 000 L174)', async () => {
    const error = await refusal(toLeaders({ urgency: 'urgent' }, [head]));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ field: 'trackerId' });
  });

  it('refuses to close while a planned leader has not signed, and when instructions disagree', async () => {
    const doc = await toLeaders({}, [head, viceHead]);
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(viceHead));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '同意。', stance: 'agree', handTo: who(clerk) }, as(viceHead));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    const missing = await refusal(rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk)));
    expect(missing.code).toBe('CONFLICT');
    expect(JSON.stringify(missing.details)).toContain('missing');
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(head) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '暂缓。', stance: 'disagree', handTo: who(clerk) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    const conflict = await refusal(rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk)));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details).toMatchObject({ outcome: 'refer-to-office-leader' });
    // the clerk may not decide; the deputy director in charge does, holding the item
    expect((await refusal(rpc.request(documents.resolveIncomingInstructions, { id: doc.id, followInstructionId: doc.id, reason: 'x' }, as(clerk)))).code).toBe('FORBIDDEN');
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(deputy) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    const current = await rpc.request(documents.getIncoming, { id: doc.id }, as(deputy));
    const followed = current.instructions.find((i) => i.leader.id === head.id)!;
    await rpc.request(documents.resolveIncomingInstructions, { id: doc.id, followInstructionId: followed.id, reason: '按区长意见暂缓办理。', handTo: who(clerk) }, as(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    const closed = await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    expect(closed.status).toBe('instructed');
    expect(closed.history.find((h) => h.action === 'resolve-instructions')).toMatchObject({ actorName: '赵副主任', reason: '按区长意见暂缓办理。' });
  });
});

describe('承办 → 催办 → 办结 → 办复 → 归档, the inbox and the register', () => {
  let docId: string;

  it('SCENARIOS seed003 #9: an urgent item needs a deadline and a chaser', async () => {
    const doc = await toLeaders({ title: '关于防汛物资储备的紧急请示', urgency: 'urgent' }, [head], supervisor);
    docId = doc.id;
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '请应急局抓紧办理。', stance: 'agree', handTo: who(clerk) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    const before = await counts();
    const noDeadline = await refusal(rpc.request(documents.assignIncoming, { id: doc.id, leadUnit: 'QYJJ', chaser: who(supervisor) }, as(clerk)));
    expect(noDeadline).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'deadline' } });
    const noChaser = await refusal(rpc.request(documents.assignIncoming, { id: doc.id, leadUnit: 'QYJJ', deadline: '2026-11-25' }, as(clerk)));
    expect(noChaser).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'chaserId' } });
    const leadAsCo = await refusal(rpc.request(documents.assignIncoming, { id: doc.id, leadUnit: 'QYJJ', coUnits: ['QYJJ'], deadline: '2026-11-25', chaser: who(supervisor) }, as(clerk)));
    expect(leadAsCo).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'coUnits' } });
    const past = await refusal(rpc.request(documents.assignIncoming, { id: doc.id, leadUnit: 'QYJJ', deadline: '2026-11-19', chaser: who(supervisor) }, as(clerk)));
    expect(past).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'deadline' } });
    expect(await counts()).toEqual(before);

    const view = await rpc.request(
      documents.assignIncoming,
      { id: doc.id, leadUnit: 'QYJJ', coUnits: ['QCZJ', 'QSLJ'], deadline: '2026-11-25', chaser: who(supervisor) },
      as(clerk),
    );
    expect(view).toMatchObject({ status: 'in-handling', leadUnit: 'QYJJ', coUnits: ['QCZJ', 'QSLJ'], deadline: '2026-11-25', chaseStatus: 'open' });
    expect(view.history.at(-1)).toMatchObject({ action: 'assign', reason: '批示原件留存,复印件随件转办' });
    const assigned = (await eventsOf(doc.id)).find((e) => e.envelope.type === 'gov.documents.incoming.assigned')!;
    expect(assigned.envelope.data).toMatchObject({ leadUnit: 'QYJJ', coUnits: ['QCZJ', 'QSLJ'], deadline: '2026-11-25', urgency: 'urgent', transferred: false });
  });

  it('the inbox shows what waits for each person: to sign for, in hand, to chase', async () => {
    const chaserInbox = await rpc.request(documents.incomingInbox, {}, as(supervisor));
    expect(chaserInbox.items.find((i) => i.document.id === docId)).toMatchObject({ reason: 'to-chase' });
    const clerkInbox = await rpc.request(documents.incomingInbox, {}, as(clerk));
    expect(clerkInbox.items.find((i) => i.document.id === docId)).toMatchObject({ reason: 'in-hand' });
    const fresh = await toLeaders({}, [head]);
    const leaderInbox = await rpc.request(documents.incomingInbox, {}, as(head));
    expect(leaderInbox.items.find((i) => i.document.id === fresh.id)).toMatchObject({ reason: 'to-sign-for', document: { status: 'with-leaders' } });
    expect(leaderInbox.items.some((i) => i.document.id === docId)).toBe(false);
  });

  it('催办 by the chaser, then 办结, 办复 and 归档 (a reply is due first)', async () => {
    let view = await rpc.request(documents.chaseIncoming, { id: docId, note: '电话催办区应急局,答复25日前报送。' }, as(supervisor));
    expect(view.history.at(-1)).toMatchObject({ action: 'chase', actorName: '周督查', reason: '电话催办区应急局,答复25日前报送。' });
    expect((await refusal(rpc.request(documents.chaseIncoming, { id: docId, note: '催' }, as(archivist)))).code).toBe('FORBIDDEN');
    view = await rpc.request(documents.completeIncoming, { id: docId, result: '区应急局已完成物资储备并书面报告。' }, as(clerk));
    expect(view.status).toBe('completed');
    const early = await refusal(rpc.request(documents.archiveIncoming, { id: docId }, as(clerk)));
    expect(early.code).toBe('CONFLICT'); // completed → archive is a row, but the reply is due first
    expect(early.message).toContain('办复');
    view = await rpc.request(documents.replyIncoming, { id: docId, reply: '已函复区住建局。', handTo: who(archivist) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: docId }, as(archivist));
    view = await rpc.request(documents.archiveIncoming, { id: docId }, as(archivist));
    expect(view).toMatchObject({ status: 'archived', repliedAt: NOW.toISOString(), archivedAt: NOW.toISOString() });
    const types = (await eventsOf(docId)).map((e) => e.envelope.type);
    expect(types).toEqual(expect.arrayContaining(['gov.documents.incoming.completed', 'gov.documents.incoming.archived']));
    const archived = (await eventsOf(docId)).find((e) => e.envelope.type === 'gov.documents.incoming.archived')!;
    expect(archived.envelope.data).toMatchObject({ transferDue: '2026-12-31' });
    // no step after filing
    expect((await refusal(rpc.request(documents.chaseIncoming, { id: docId, note: '催' }, as(supervisor)))).code).toBe('CONFLICT');
  });

  it('registers by period with filters and Chinese title search', async () => {
    const byPeriod = await rpc.request(documents.listIncoming, { registeredFrom: '2026-11-20', registeredTo: '2026-11-20', status: 'archived' }, as(clerk));
    expect(byPeriod.items.map((d) => d.id)).toEqual([docId]);
    const none = await rpc.request(documents.listIncoming, { registeredFrom: '2026-11-21' }, as(clerk));
    expect(none.total).toBe(0);
    const byUnit = await rpc.request(documents.listIncoming, { leadUnit: 'QYJJ', urgency: 'urgent' }, as(clerk));
    expect(byUnit.items.map((d) => d.title)).toEqual(['关于防汛物资储备的紧急请示']);
    const search = await rpc.request(documents.listIncoming, { titleContains: '防汛物资' }, as(clerk));
    expect(search.items.map((d) => d.id)).toEqual([docId]);
  });
});

describe('SCENARIOS seed002 #18: formal documents from non-superior sources', () => {
  it('need 3 copies and the 送批件 cover sheet before the proposed handling', async () => {
    const two = await register({ title: '关于商请支持举办行业博览会的函', docType: '函', copies: 2 });
    await rpc.request(documents.acceptIncoming, { id: two.id }, as(clerk));
    const few = await refusal(rpc.request(documents.proposeIncomingHandling, { id: two.id, opinion: '拟办。', fromNonSuperiorSource: true, coverSheetAttached: true }, as(clerk)));
    expect(few).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'copies' } });
    const three = await register({ title: '关于商请支持举办行业博览会的函', docType: '函', copies: 3 });
    await rpc.request(documents.acceptIncoming, { id: three.id }, as(clerk));
    const noSheet = await refusal(rpc.request(documents.proposeIncomingHandling, { id: three.id, opinion: '拟办。', fromNonSuperiorSource: true }, as(clerk)));
    expect(noSheet.code).toBe('CONFLICT');
    const ok = await rpc.request(documents.proposeIncomingHandling, { id: three.id, opinion: '拟办。', fromNonSuperiorSource: true, coverSheetAttached: true }, as(clerk));
    expect(ok.status).toBe('proposed');
  });
});

describe('SCENARIOS seed000-a #14: the funding exception', () => {
  it('an item sent to 财政局 for funds takes the original instruction with it', async () => {
    const doc = await toLeaders({ title: '关于申请乡村振兴专项经费的请示' }, [head]);
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '同意,请财政局按程序拨付。', stance: 'agree', handTo: who(clerk) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    const view = await rpc.request(documents.assignIncoming, { id: doc.id, leadUnit: 'QCZJ', toFinanceForFunds: true }, as(clerk));
    expect(view.history.at(-1)).toMatchObject({ action: 'assign', reason: '批示原件随件转财政局申拨经费' });
  });
});

describe('传阅 with who has it now', () => {
  it('SCENARIOS seed000-a #8: an item for reading goes to the director first, then the office leaders; each reader signs for it', async () => {
    const doc = await register({ title: '关于全区第三季度经济运行情况的报告', docType: '报告' });
    await rpc.request(documents.acceptIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.proposeIncomingHandling, { id: doc.id, opinion: '拟送办领导传阅。' }, as(clerk));
    await rpc.request(documents.submitIncomingForReview, { id: doc.id, handTo: who(chief) }, as(clerk));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(chief));
    await rpc.request(documents.approveIncomingProposal, { id: doc.id, handTo: who(deputy) }, as(chief));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    await rpc.request(documents.submitIncomingToLeaders, { id: doc.id, leaders: [{ id: head.id, name: head.name, rank: 1 }] }, as(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '阅。请办公室传阅。', handTo: who(clerk) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    let view = await rpc.request(
      documents.circulateIncoming,
      { id: doc.id, readers: [{ ...who(deputy), kind: 'office-leader' }, { ...who(director), kind: 'office-director' }] },
      as(clerk),
    );
    expect(view.readers.map((r) => r.kind)).toEqual(['office-director', 'office-leader']);
    expect(view.inTransitTo).toEqual(who(director));
    view = await rpc.request(documents.receiveIncoming, { id: doc.id }, as(director));
    expect(view.holder).toEqual(who(director));
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(clerk) }, as(director));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    expect((await refusal(rpc.request(documents.finishIncomingCirculation, { id: doc.id }, as(clerk)))).code).toBe('CONFLICT');
    view = await rpc.request(documents.passOnIncoming, { id: doc.id }, as(clerk));
    expect(view.inTransitTo).toEqual(who(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(deputy));
    await rpc.request(documents.handOverIncoming, { id: doc.id, handTo: who(clerk) }, as(deputy));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    view = await rpc.request(documents.finishIncomingCirculation, { id: doc.id }, as(clerk));
    expect(view).toMatchObject({ status: 'completed', replyRequired: false });
    view = await rpc.request(documents.archiveIncoming, { id: doc.id }, as(clerk)); // 阅件: no reply due
    expect(view.status).toBe('archived');
  });

  it('SCENARIOS seed000-a #8: refuses circulation on a later day than registration (一天一送, DEADLINE_RULE)', async () => {
    const doc = await toLeaders({ title: '关于第三季度安全生产情况的通报', docType: '通报' }, [head]);
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(head));
    await rpc.request(documents.signIncomingInstruction, { id: doc.id, text: '阅。', handTo: who(clerk) }, as(head));
    await rpc.request(documents.receiveIncoming, { id: doc.id }, as(clerk));
    await rpc.request(documents.closeIncomingInstructions, { id: doc.id }, as(clerk));
    // registered the day before (Beijing): held back a day
    await service.runtime.db.$executeRawUnsafe(`UPDATE incoming_document SET registered_at = '2026-11-19T02:00:00Z' WHERE id = $1::uuid`, doc.id);
    const error = await refusal(rpc.request(documents.circulateIncoming, { id: doc.id, readers: [{ ...who(director), kind: 'office-director' }] }, as(clerk)));
    expect(error).toMatchObject({ code: 'DEADLINE_RULE', details: { due: '2026-11-19' } });
  });
});

describe('classified items in the workflow', () => {
  it('a step on a classified item outside the 知悉范围 answers like an unknown id, and events carry no title or instruction text', async () => {
    const doc = await register({ title: '关于某涉密工程建设事项的请示', classification: 'secret' }, confidentialClerk);
    const unknown = await refusal(rpc.request(documents.acceptIncoming, { id: '6f1d2c3b-0000-4000-8000-000000000000' }, as(clerk)));
    const refused = await refusal(rpc.request(documents.acceptIncoming, { id: doc.id }, as(clerk)));
    expect(refused.toPayload()).toEqual(unknown.toPayload());
    const view = await rpc.request(documents.acceptIncoming, { id: doc.id }, as(confidentialClerk));
    expect(view.status).toBe('accepted');
    const inbox = await rpc.request(documents.incomingInbox, {}, as(clerk));
    expect(inbox.items.some((i) => i.document.id === doc.id)).toBe(false);
    const events = await eventsOf(doc.id);
    expect(JSON.stringify(events)).not.toContain('涉密工程');
  });
});
