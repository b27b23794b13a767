import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { fixedClock } from '@gov/calendar';
import { createEnvelope, documents, meetings, petitions, supervision, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, readEventStream, refusalOf, republishTestEvent, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';

/**
 * Issue 5 §1 and §9: items opened from other sections' events (a leader's instruction routed to supervision,
 * issued minutes with one item per decision, a referred petition case), exactly once per origin, even when
 * the event arrives twice under two ids or is redelivered under the same id.
 */

// Thursday 5 March 2026, 10:00 Beijing time.
const NOW = new Date('2026-03-05T02:00:00Z');
const supervisor = testActor('supervisor');
const director = testActor('director');

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const uuid = () => crypto.randomUUID();

function routed(overrides: Partial<z.infer<typeof documents.incomingRouted.data>> = {}) {
  return {
    routeId: uuid(),
    documentId: uuid(),
    registerNumber: '收文〔2026〕12号',
    instructionId: uuid(),
    to: 'supervision' as const,
    classification: 'none' as const,
    title: '关于加快推进老旧小区改造的请示',
    matter: '请区住建局牵头，月底前拿出改造方案。',
    leadUnit: 'QZJJ',
    coUnits: ['QCZJ'],
    dueOn: '2026-03-31',
    urgent: false,
    instructedBy: { id: uuid(), name: '区长' },
    instructedAt: '2026-03-05T01:00:00.000Z',
    ...overrides,
  };
}

function envelopeOf(contract: { section: string; type: string }, subject: string, data: unknown, id?: string): EventEnvelope {
  return createEnvelope({ section: contract.section, type: contract.type, subject, data, ...(id ? { id } : {}) });
}

const publish = (envelope: EventEnvelope, msgId = envelope.id) => republishTestEvent(nc, space, envelope, msgId);

function consumer(durable: string) {
  const c = service.runtime.consumers.find((x) => (x as unknown as { spec: { durable: string } }).spec.durable === durable);
  if (!c) throw new Error(`no consumer ${durable}`);
  return c;
}

async function rows<T>(sql: string, ...params: unknown[]) {
  return service.runtime.db.$queryRawUnsafe<T[]>(sql, ...params);
}

async function itemsOf(originPrefix: string) {
  return rows<{ id: string; register_number: string; state: string; title: string; content: string; item_class: string; needs_separate_notice: boolean; classification: string; origin_key: string; sudden_days: number | null }>(
    `SELECT id, register_number, state, title, content, item_class, needs_separate_notice, classification, origin_key, sudden_days
       FROM supervision_item WHERE origin_key LIKE $1 ORDER BY origin_key`,
    `${originPrefix}%`,
  );
}

async function createdEventsFor(itemIds: string[]) {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).filter((e) => e.envelope.type === supervision.itemCreated.type && itemIds.includes(e.envelope.subject));
}

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(supervisionService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('立项 from a leader instruction (gov.documents.incoming.routed)', () => {
  it('opens one proposed item per origin: the same route under two envelope ids and a redelivery of one id give one item and one created event', async () => {
    const data = routed();
    const c = consumer('supervision-intake-instructions');
    const first = envelopeOf(documents.incomingRouted, data.routeId, data);
    const again = envelopeOf(documents.incomingRouted, data.routeId, data); // the sender published it twice
    expect(again.id).not.toBe(first.id);

    await publish(first);
    await publish(again);
    await eventually(() => (c.handled >= 2 ? true : undefined));
    // The same envelope id delivered again (outside JetStream's duplicate window): the inbox stops it.
    const duplicates = c.duplicates;
    await publish(first, `redelivered-${first.id}`);
    await eventually(() => (c.duplicates === duplicates + 1 ? true : undefined));

    const items = await itemsOf(`document:${data.documentId}/`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      state: 'proposed',
      title: data.title,
      content: data.matter,
      item_class: 'routine',
      // the instruction names both the unit and the deadline: no separate 督查通知 (seed 004 L205)
      needs_separate_notice: false,
      origin_key: `document:${data.documentId}/instruction:${data.instructionId}`,
    });
    expect(items[0]!.register_number).toMatch(/^督〔2026〕\d+号$/);
    const events = await createdEventsFor([items[0]!.id]);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toMatchObject({ sourceKind: 'leader-instruction', state: 'proposed', needsSeparateNotice: false });
    // No matter text in supervision's events.
    expect(JSON.stringify(events[0]!.envelope)).not.toContain('老旧小区');

    // The director admits it like a manual item; 交办 takes the deadline the instruction named.
    const item = await rpc.request(supervision.getItem, { id: items[0]!.id }, { actor: supervisor });
    // 交办 the same or the next day (seed 000 L336; seed000-a #15): received Thursday 5 March, hand over by Friday 6 March.
    expect(item).toMatchObject({ sourceKind: 'leader-instruction', sourceReference: '收文〔2026〕12号', needsSeparateNotice: false, handOverBy: '2026-03-06' });
    expect(item.history.map((h) => [h.action, h.actorName])).toEqual([['propose', '督查室（自动立项）']]);
    await rpc.request(supervision.admitItem, { id: item.id }, { actor: director });
    const assigned = await rpc.request(supervision.assignItem, { id: item.id, leadUnit: 'QZJJ', coUnits: ['QCZJ'], responsiblePerson: '李建国' }, { actor: supervisor });
    expect(assigned).toMatchObject({ state: 'assigned', dueOn: '2026-03-31', dueSetBy: 'source' });
  });

  it('ignores routes to other sections', async () => {
    const data = routed({ to: 'meetings' });
    const c = consumer('supervision-intake-instructions');
    const handled = c.handled;
    await publish(envelopeOf(documents.incomingRouted, data.routeId, data));
    await eventually(() => (c.handled === handled + 1 ? true : undefined));
    expect(await itemsOf(`document:${data.documentId}/`)).toHaveLength(0);
  });

  it('keeps no classified text: a classified document gives a stand-in title and matter; an urgent one is 特别紧急', async () => {
    const data = routed({ classification: 'secret', title: null, matter: null, leadUnit: null, dueOn: null, urgent: true, registerNumber: '收文〔2026〕13号' });
    const c = consumer('supervision-intake-instructions');
    const handled = c.handled;
    await publish(envelopeOf(documents.incomingRouted, data.routeId, data));
    await eventually(() => (c.handled === handled + 1 ? true : undefined));
    const [item] = await itemsOf(`document:${data.documentId}/`);
    expect(item).toMatchObject({
      title: '收文〔2026〕13号 领导批示件',
      content: '（涉密批示，内容见原件 收文〔2026〕13号）',
      classification: 'secret',
      item_class: 'especially-urgent',
      needs_separate_notice: true,
    });
    // 急件必须立即交办: the hand-over is due the same day.
    expect((await rpc.request(supervision.getItem, { id: item!.id }, { actor: supervisor })).handOverBy).toBe('2026-03-05');
    // 特别紧急 without a named deadline: the supervisor gives one at 交办 (no later than the routine date).
    await rpc.request(supervision.admitItem, { id: item!.id }, { actor: director });
    const undated = await refusalOf(rpc.request(supervision.assignItem, { id: item!.id, leadUnit: 'QZJJ', responsiblePerson: '李建国' }, { actor: supervisor }));
    expect(undated.code).toBe('BAD_USER_INPUT');
    const dated = await rpc.request(supervision.assignItem, { id: item!.id, leadUnit: 'QZJJ', responsiblePerson: '李建国', dueOn: '2026-03-09' }, { actor: supervisor });
    expect(dated).toMatchObject({ dueOn: '2026-03-09', dueSetBy: 'supervisor' });
  });
});

describe('立项 from issued minutes (gov.meetings.minutes.issued)', () => {
  const minutes = (decisions: meetings.MinutesDecisionInput[], overrides: Record<string, unknown> = {}) => ({
    minutesId: uuid(),
    meetingId: uuid(),
    meetingType: 'executive',
    number: '区政府常务会议纪要〔2026〕3号',
    title: '区政府第3次常务会议纪要',
    classification: 'none' as const,
    issuedOn: '2026-03-05',
    issuedAt: '2026-03-05T01:00:00.000Z',
    issuedBy: uuid(),
    decisions,
    ...overrides,
  });

  it('minutes with three decisions give three items, one per decision (一事一项), and a duplicate gives none', async () => {
    const data = minutes([
      { decisionNo: 1, matter: '原则通过《老旧小区改造实施方案》，由区住建局牵头实施。', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-06-30' },
      { decisionNo: 2, matter: '区财政局研究资金保障办法。', leadUnit: 'QCZJ', coUnits: [], dueOn: null },
      { decisionNo: 3, matter: '区教育局牵头做好春季开学准备。', leadUnit: null, coUnits: [], dueOn: null },
    ]);
    const c = consumer('supervision-intake-minutes');
    const handled = c.handled;
    await publish(envelopeOf(meetings.minutesIssued, data.minutesId, data));
    await publish(envelopeOf(meetings.minutesIssued, data.minutesId, data)); // re-issued under a new id
    await eventually(() => (c.handled === handled + 2 ? true : undefined));

    const items = await itemsOf(`minutes:${data.minutesId}/`);
    expect(items.map((i) => [i.origin_key.split('/')[1], i.content, i.needs_separate_notice])).toEqual([
      ['decision:1', data.decisions[0]!.matter, false],
      ['decision:2', data.decisions[1]!.matter, true],
      ['decision:3', data.decisions[2]!.matter, true],
    ]);
    expect(items.every((i) => i.state === 'proposed' && i.item_class === 'routine')).toBe(true);
    expect(new Set(items.map((i) => i.register_number)).size).toBe(3);
    expect(await createdEventsFor(items.map((i) => i.id))).toHaveLength(3);

    // The director declines one with a reason, like a manual item.
    const declined = await rpc.request(supervision.declineItem, { id: items[2]!.id, reason: '已列入年度重点工作，不另立项' }, { actor: director });
    expect(declined).toMatchObject({ state: 'declined' });
    expect(declined.history.at(-1)).toMatchObject({ action: 'decline', reason: '已列入年度重点工作，不另立项' });
  });

  it('SCENARIOS seed002 #21: a 副区长专题会议 decision followed up by the liaison cadre opens no item; the others keep their numbers, and an old payload without followUp still opens one', async () => {
    const data = minutes(
      [
        { decisionNo: 1, matter: '区住建局牵头完成片区改造方案。', leadUnit: 'QZJJ', coUnits: [], dueOn: '2026-04-30', followUp: 'liaison-cadre' },
        { decisionNo: 2, matter: '区财政局落实改造资金。', leadUnit: 'QCZJ', coUnits: [], dueOn: null, followUp: 'supervision' },
        { decisionNo: 3, matter: '区发改委做好项目前期工作。', leadUnit: 'QFGW', coUnits: [], dueOn: null }, // written before followUp existed
      ],
      { meetingType: 'deputy-head-topic-meeting', number: '副区长专题会议纪要〔2026〕4号', title: '副区长专题会议纪要' },
    );
    const c = consumer('supervision-intake-minutes');
    const handled = c.handled;
    await publish(envelopeOf(meetings.minutesIssued, data.minutesId, data));
    await eventually(() => (c.handled === handled + 1 ? true : undefined));

    const items = await itemsOf(`minutes:${data.minutesId}/`);
    expect(items.map((i) => i.origin_key.split('/')[1])).toEqual(['decision:2', 'decision:3']);
    expect(await createdEventsFor(items.map((i) => i.id))).toHaveLength(2);
    // Not dropped silently: the audit names the decisions the liaison cadre follows up.
    const audit = await rows<{ action: string; details: { decisionNos: number[]; number: string } }>(
      `SELECT action, details FROM audit_log WHERE entity_type = 'minutes' AND entity_id = $1`,
      data.minutesId,
    );
    expect(audit).toEqual([{ action: 'supervision.intake.followed-by-liaison-cadre', details: expect.objectContaining({ decisionNos: [1], number: '副区长专题会议纪要〔2026〕4号' }) }]);
  });

  it('classified minutes: no decision text is kept', async () => {
    const data = minutes([{ decisionNo: 1, matter: null, leadUnit: 'QZJJ', coUnits: [], dueOn: null }], { classification: 'confidential', title: null, number: '区委常委会议纪要〔2026〕2号' });
    const c = consumer('supervision-intake-minutes');
    const handled = c.handled;
    await publish(envelopeOf(meetings.minutesIssued, data.minutesId, data));
    await eventually(() => (c.handled === handled + 1 ? true : undefined));
    const [item] = await itemsOf(`minutes:${data.minutesId}/`);
    expect(item).toMatchObject({
      title: '区委常委会议纪要〔2026〕2号 第1项',
      content: '（涉密会议纪要，内容见原件 区委常委会议纪要〔2026〕2号 第1项）',
      classification: 'confidential',
    });
  });
});

describe('立项 from a petition referral (gov.petitions.case.referred): the petition deadline table (seed000-b #19)', () => {
  const referral = (overrides: Record<string, unknown> = {}) => ({
    petitionId: uuid(),
    caseNumber: '信〔2026〕41号',
    matter: '某小区供暖不达标，群众多次反映未解决。',
    caseClass: 'general',
    suddenDays: null,
    leadUnit: 'QZJJ',
    referredAt: '2026-03-05T01:00:00.000Z',
    referredBy: uuid(),
    ...overrides,
  });

  async function referred(data: ReturnType<typeof referral>) {
    const c = consumer('supervision-intake-petitions');
    const handled = c.handled;
    await publish(envelopeOf(petitions.petitionReferred, data.petitionId as string, data));
    await eventually(() => (c.handled === handled + 1 ? true : undefined));
    const [row] = await itemsOf(`petition:${data.petitionId}`);
    return row!;
  }

  it.each([
    ['general', null, undefined, '2026-04-04'],
    ['fairly-urgent', null, undefined, '2026-03-20'],
    ['complex', null, undefined, '2026-05-04'],
    ['sudden', 3, undefined, '2026-03-08'],
    ['sudden', null, 5, '2026-03-10'],
  ])('a %s case (days %s, set at 交办 %s) is due on %s', async (caseClass, suddenDays, atAssign, due) => {
    const row = await referred(referral({ caseClass, suddenDays }));
    expect(row).toMatchObject({ state: 'proposed', item_class: caseClass, needs_separate_notice: true, sudden_days: suddenDays });
    await rpc.request(supervision.admitItem, { id: row.id }, { actor: director });
    const assigned = await rpc.request(
      supervision.assignItem,
      { id: row.id, leadUnit: 'QZJJ', responsiblePerson: '王芳', ...(atAssign ? { suddenDays: atAssign } : {}) },
      { actor: supervisor },
    );
    expect(assigned).toMatchObject({ deadlineTable: 'petition', class: caseClass, dueOn: due, dueSetBy: 'class' });
  });

  it('the 交办函 is due within 2 working days: referred Thursday, by Monday (seed000-b #19)', async () => {
    const row = await referred(referral());
    expect((await rpc.request(supervision.getItem, { id: row.id }, { actor: supervisor })).handOverBy).toBe('2026-03-09');
  });

  it('a sudden case without its days cannot be handed over until the supervisor sets 1–5', async () => {
    const row = await referred(referral({ caseClass: 'sudden', suddenDays: null }));
    await rpc.request(supervision.admitItem, { id: row.id }, { actor: director });
    const error = await refusalOf(rpc.request(supervision.assignItem, { id: row.id, leadUnit: 'QZJJ', responsiblePerson: '王芳' }, { actor: supervisor }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('1 to 5');
  });
});
