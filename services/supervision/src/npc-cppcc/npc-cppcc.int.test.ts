import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import type { Clock } from '@gov/calendar';
import { supervision, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';

/**
 * 人大代表建议、政协委员提案 over NATS against a real database (issue 5 §5; SCENARIOS seed000-a #18, seed 000 L378,
 * seed 001 L818–836). The clock moves: each step sets the Beijing day it happens on (10:00).
 */
const clock: Clock & { at: Date } = { at: new Date('2026-03-02T02:00:00Z'), now: () => new Date(clock.at) };
const on = (day: string) => { clock.at = new Date(`${day}T02:00:00Z`); };

const supervisor = testActor('supervisor');
const director = testActor('director');
const clerk = testActor('clerk');
const lead = testActor('unit-liaison', { id: '00000000-0000-4000-8000-0000000000a1', unit: 'QZJJ' });
const co = testActor('unit-liaison', { id: '00000000-0000-4000-8000-0000000000a2', unit: 'QFGW' });
const stranger = testActor('unit-liaison', { id: '00000000-0000-4000-8000-0000000000a3', unit: 'QJYJ' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;
let seq = 0;

const received = (input: Partial<supervision.ReceiveNpcInput> = {}) =>
  rpc.request(
    supervision.receiveNpcItem,
    {
      kind: 'npc-suggestion',
      externalNumber: `2026年第${++seq}号`,
      title: '关于加快老旧小区加装电梯的建议',
      content: '建议区政府统筹资金，加快推进老旧小区加装电梯工作。',
      proposers: [{ name: '王代表', leads: true }, { name: '刘代表', leads: false }],
      ...input,
    },
    { actor: supervisor },
  );

async function assigned(day = '2026-03-10', input: Partial<z.infer<typeof supervision.assignNpcItem.input>> = {}) {
  on('2026-03-02');
  const item = await received();
  on(day);
  return rpc.request(
    supervision.assignNpcItem,
    { id: item.id, mode: 'lead-and-co', leadUnit: 'QZJJ', coUnits: ['QFGW'], responsiblePerson: '李建国', ...input },
    { actor: supervisor },
  );
}
async function counts() {
  const db = service.runtime.db;
  const n = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);
  return { items: await n('npc_cppcc_item'), history: await n('npc_cppcc_history'), units: await n('npc_cppcc_unit'), outbox: await n('outbox'), audit: await n('audit_log') };
}

const stored = (id: string) =>
  service.runtime.db.$queryRawUnsafe<{ state: string; version: number }[]>('SELECT state, version FROM npc_cppcc_item WHERE id = $1::uuid', id);

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(supervisionService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('NPC suggestions and CPPCC proposals (issue 5 §5) over NATS against a real database', () => {
  it('SCENARIOS seed000-a #18: received on D, responsibility due D + 20 working days, listed as due and overdue after it', async () => {
    on('2026-03-02');
    const item = await received();
    // Monday 2 March 2026 + 20 working days (no holiday in March): 3–6, 9–13, 16–20, 23–27 and 30 March.
    expect(item).toMatchObject({ state: 'received', receivedOn: '2026-03-02', assignBy: '2026-03-30', round: 0, units: [], assignedOn: null });
    expect(item.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([['receive', null, 'received']]);

    const onDay = await rpc.request(supervision.dueNpcChecks, { on: '2026-03-30' }, { actor: supervisor });
    expect(onDay.checks.filter((c) => c.itemId === item.id)).toEqual([
      expect.objectContaining({ check: 'assign-responsibility', dueOn: '2026-03-30', overdue: false, leadUnit: null }),
    ]);
    const after = await rpc.request(supervision.dueNpcChecks, { on: '2026-03-31' }, { actor: director });
    expect(after.checks.find((c) => c.itemId === item.id)).toMatchObject({ check: 'assign-responsibility', overdue: true });
    const before = await rpc.request(supervision.dueNpcChecks, { on: '2026-03-29' }, { actor: supervisor });
    expect(before.checks.some((c) => c.itemId === item.id)).toBe(false);

    // Assigned after the limit: it goes through, marked late.
    on('2026-03-31');
    const late = await rpc.request(
      supervision.assignNpcItem,
      { id: item.id, mode: 'sole', leadUnit: 'QZJJ', responsiblePerson: '李建国' },
      { actor: supervisor },
    );
    expect(late).toMatchObject({ state: 'assigned', assignedOn: '2026-03-31', assignedLate: true, round: 1 });
  });

  it('SCENARIOS seed000-a #18: assignment starts the clocks (day 45, 10 days, 3 and 6 months) with an event', async () => {
    const item = await assigned('2026-03-10');
    expect(item).toMatchObject({
      state: 'assigned',
      mode: 'lead-and-co',
      round: 1,
      assignedOn: '2026-03-10',
      assignedLate: false,
      midpointCheckOn: '2026-04-24',
      sendBackBy: '2026-03-20',
      replyBy: '2026-06-10',
      replyLatestBy: '2026-09-10',
      replyDueOn: '2026-06-10',
      units: [
        { unit: 'QZJJ', role: 'lead', responsiblePerson: '李建国' },
        { unit: 'QFGW', role: 'co', responsiblePerson: '李建国' },
      ],
    });
    await service.runtime.relay.drain();
    const mine = (await readEventStream(nc, space)).filter((e) => e.envelope.subject === item.id);
    expect(mine.map((e) => e.envelope.type)).toEqual(['gov.supervision.npc-cppcc.received', 'gov.supervision.npc-cppcc.assigned']);
    expect(mine[1]!.envelope.data).toMatchObject({
      leadUnit: 'QZJJ',
      coUnits: ['QFGW'],
      midpointCheckOn: '2026-04-24',
      replyBy: '2026-06-10',
      replyLatestBy: '2026-09-10',
      assignedBy: supervisor.id,
    });
    // Identifiers only: neither the title, the content nor the proposers travel in events.
    const wire = JSON.stringify(mine.map((e) => e.envelope));
    expect(wire).not.toContain('电梯');
    expect(wire).not.toContain('王代表');
  });

  it.each([
    ['split handling (分办, off by default)', { mode: 'split', coUnits: ['QFGW'] }, 'mode'],
    ['lead-and-co without a co-unit', { mode: 'lead-and-co', coUnits: [] }, 'co-unit'],
    ['sole handling with a co-unit', { mode: 'sole', coUnits: ['QFGW'] }, 'units'],
    ['the lead unit also as a co-unit', { mode: 'lead-and-co', coUnits: ['QZJJ'] }, 'QZJJ'],
  ])('refuses an assignment with %s with BAD_USER_INPUT and changes nothing', async (_label, change, field) => {
    on('2026-03-02');
    const item = await received();
    const before = await counts();
    const error = await refusalOf(
      rpc.request(supervision.assignNpcItem, { id: item.id, leadUnit: 'QZJJ', responsiblePerson: '李建国', ...change } as never, { actor: supervisor }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify({ m: error.message, d: error.details })).toContain(field);
    expect(await counts()).toEqual(before);
    expect(await stored(item.id)).toEqual([{ state: 'received', version: 1 }]);
  });

  it('refuses a joint item without one lead signatory, a repeated number, a future receipt day and a clerk', async () => {
    on('2026-03-02');
    const before = await counts();
    const noLead = await refusalOf(received({ proposers: [{ name: '甲', leads: false }, { name: '乙', leads: false }] }));
    expect(noLead.code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(received({ receivedOn: '2026-03-03' }))).code).toBe('BAD_USER_INPUT');
    expect(
      (await refusalOf(rpc.request(supervision.receiveNpcItem, { kind: 'cppcc-proposal', externalNumber: 'X1', title: 't', content: 'c', proposers: [{ name: '甲' }] }, { actor: clerk }))).code,
    ).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const first = await received({ kind: 'cppcc-proposal', externalNumber: '政协提案第8号', proposers: [{ name: '陈委员' }] });
    expect(first.proposers).toEqual([{ name: '陈委员', leads: false }]);
    const again = await refusalOf(received({ kind: 'cppcc-proposal', externalNumber: '政协提案第8号' }));
    expect(again.code).toBe('CONFLICT');
    // the same number of the other kind is another item
    expect((await received({ kind: 'npc-suggestion', externalNumber: '政协提案第8号' })).state).toBe('received');
  });

  it('send-back (seed 001 L820): only the lead unit, sealed, within 10 days; late is DEADLINE_RULE; then a new round', async () => {
    const item = await assigned('2026-03-10');
    on('2026-03-20');
    const before = await counts();
    expect((await refusalOf(rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '非我单位职责', sealed: true }, { actor: co }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '非我单位职责', sealed: true }, { actor: stranger }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '非我单位职责', sealed: true }, { actor: supervisor }))).code).toBe('FORBIDDEN');
    const unsealed = await refusalOf(rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '非我单位职责', sealed: false }, { actor: lead }));
    expect(unsealed.code).toBe('BAD_USER_INPUT');
    on('2026-03-21');
    const late = await refusalOf(rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '非我单位职责', sealed: true }, { actor: lead }));
    expect(late.code).toBe('DEADLINE_RULE');
    expect(late.details).toMatchObject({ on: '2026-03-21', latest: '2026-03-20' });
    expect(await counts()).toEqual(before);
    expect(await stored(item.id)).toEqual([{ state: 'assigned', version: 2 }]);

    on('2026-03-20');
    const back = await rpc.request(supervision.sendBackNpcItem, { id: item.id, opinion: '该事项属区住建局职责，建议转办', sealed: true }, { actor: lead });
    // Re-assignment is due 20 working days after the send-back (README decision).
    expect(back).toMatchObject({ state: 'sent-back', assignBy: '2026-04-20' });
    expect(back.history.at(-1)).toMatchObject({ action: 'send-back', fromState: 'assigned', toState: 'sent-back', reason: '该事项属区住建局职责，建议转办' });

    on('2026-03-23');
    const again = await rpc.request(supervision.assignNpcItem, { id: item.id, mode: 'sole', leadUnit: 'QJYJ', responsiblePerson: '赵敏' }, { actor: supervisor });
    expect(again).toMatchObject({ state: 'assigned', round: 2, assignedOn: '2026-03-23', sendBackBy: '2026-04-02', midpointCheckOn: '2026-05-07', replyBy: '2026-06-23' });
    expect(again.units).toEqual([{ unit: 'QJYJ', role: 'lead', responsiblePerson: '赵敏' }]);
    // The unit that sent it back no longer acts on it.
    expect((await refusalOf(rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'A', replyReference: 'x' }, { actor: lead }))).code).toBe('FORBIDDEN');
    await service.runtime.relay.drain();
    const types = (await readEventStream(nc, space)).filter((e) => e.envelope.subject === item.id).map((e) => e.envelope.type);
    expect(types).toEqual([
      'gov.supervision.npc-cppcc.received',
      'gov.supervision.npc-cppcc.assigned',
      'gov.supervision.npc-cppcc.sent-back',
      'gov.supervision.npc-cppcc.assigned',
    ]);
  });

  it('SCENARIOS seed000-a #18: the day-45 check, the reply graded A–D, "不满意" reopens it, a late redo reply, then closed', async () => {
    const item = await assigned('2026-03-10');

    on('2026-04-23');
    const early = await refusalOf(rpc.request(supervision.checkNpcItem, { id: item.id, note: '了解办理进度' }, { actor: supervisor }));
    expect(early.code).toBe('DEADLINE_RULE');
    const due = await rpc.request(supervision.dueNpcChecks, { on: '2026-04-24' }, { actor: supervisor });
    expect(due.checks.filter((c) => c.itemId === item.id)).toEqual([
      expect.objectContaining({ check: 'midpoint-check', dueOn: '2026-04-24', overdue: false, leadUnit: 'QZJJ', state: 'assigned' }),
    ]);
    on('2026-04-24');
    expect((await refusalOf(rpc.request(supervision.checkNpcItem, { id: item.id, note: '了解办理进度' }, { actor: lead }))).code).toBe('FORBIDDEN');
    const checked = await rpc.request(supervision.checkNpcItem, { id: item.id, note: '主办单位已制定方案，正在推进' }, { actor: supervisor });
    expect(checked).toMatchObject({ state: 'assigned', midpointCheckedOn: '2026-04-24' });
    expect((await refusalOf(rpc.request(supervision.checkNpcItem, { id: item.id, note: '再查' }, { actor: supervisor }))).code).toBe('CONFLICT');
    const after = await rpc.request(supervision.dueNpcChecks, { on: '2026-04-25' }, { actor: supervisor });
    expect(after.checks.some((c) => c.itemId === item.id)).toBe(false);

    on('2026-06-09');
    expect((await refusalOf(rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'E' as never, replyReference: 'x' }, { actor: lead }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'A', replyReference: 'x' }, { actor: co }))).code).toBe('FORBIDDEN');
    const replied = await rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'B', replyReference: '区住建函〔2026〕21号' }, { actor: lead });
    expect(replied).toMatchObject({ state: 'replied', grade: 'B', repliedOn: '2026-06-09', repliedLate: false });

    on('2026-06-15');
    expect((await refusalOf(rpc.request(supervision.recordNpcResponse, { id: item.id, response: 'unsatisfied' }, { actor: lead }))).code).toBe('FORBIDDEN');
    const reopened = await rpc.request(supervision.recordNpcResponse, { id: item.id, response: 'unsatisfied', note: '代表对答复不满意' }, { actor: supervisor });
    // The redo reply: 15 calendar days from reopening (README decision).
    expect(reopened).toMatchObject({ state: 'reopened', reopenedOn: '2026-06-15', replyDueOn: '2026-06-30', response: 'unsatisfied', repliedOn: null });
    const overdue = await rpc.request(supervision.dueNpcChecks, { on: '2026-07-01' }, { actor: supervisor });
    expect(overdue.checks.find((c) => c.itemId === item.id)).toMatchObject({ check: 'reply', dueOn: '2026-06-30', overdue: true, state: 'reopened' });

    on('2026-07-02');
    const redo = await rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'A', replyReference: '区住建函〔2026〕35号' }, { actor: lead });
    expect(redo).toMatchObject({ state: 'replied', grade: 'A', repliedLate: true });
    const closed = await rpc.request(supervision.recordNpcResponse, { id: item.id, response: 'satisfied' }, { actor: supervisor });
    expect(closed).toMatchObject({ state: 'closed', response: 'satisfied', closedAt: '2026-07-02T02:00:00.000Z' });
    expect((await refusalOf(rpc.request(supervision.replyNpcItem, { id: item.id, grade: 'A', replyReference: 'x' }, { actor: lead }))).code).toBe('CONFLICT');

    expect(closed.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ['receive', null, 'received'],
      ['assign', 'received', 'assigned'],
      ['check', 'assigned', 'assigned'],
      ['reply', 'assigned', 'replied'],
      ['record-unsatisfied', 'replied', 'reopened'],
      ['reply', 'reopened', 'replied'],
      ['close', 'replied', 'closed'],
    ]);
    await service.runtime.relay.drain();
    const mine = (await readEventStream(nc, space)).filter((e) => e.envelope.subject === item.id);
    expect(mine.map((e) => e.envelope.type)).toEqual([
      'gov.supervision.npc-cppcc.received',
      'gov.supervision.npc-cppcc.assigned',
      'gov.supervision.npc-cppcc.checked',
      'gov.supervision.npc-cppcc.replied',
      'gov.supervision.npc-cppcc.reopened',
      'gov.supervision.npc-cppcc.replied',
      'gov.supervision.npc-cppcc.closed',
    ]);
    expect(mine[4]!.envelope.data).toMatchObject({ reopenedOn: '2026-06-15', replyDueOn: '2026-06-30', leadUnit: 'QZJJ' });
    expect(mine[5]!.envelope.data).toMatchObject({ grade: 'A', late: true, replyDueOn: '2026-06-30' });
    expect(await service.runtime.backlog()).toBe(0);
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });

  it('SCENARIOS seed000-a #18: no reply and no explanation after 3 months is overdue; an explanation in time moves the limit to 6 months', async () => {
    const silent = await assigned('2026-03-10');
    const explained = await assigned('2026-03-10');
    on('2026-06-10');
    const told = await rpc.request(supervision.explainNpcItem, { id: explained.id, explanation: '涉及规划调整，需较长时间' }, { actor: lead });
    expect(told).toMatchObject({ state: 'explained', explainedOn: '2026-06-10', replyDueOn: '2026-09-10' });

    const due = await rpc.request(supervision.dueNpcChecks, { on: '2026-06-11' }, { actor: supervisor });
    expect(due.checks.find((c) => c.itemId === silent.id && c.check === 'reply')).toMatchObject({ dueOn: '2026-06-10', overdue: true });
    expect(due.checks.some((c) => c.itemId === explained.id && c.check === 'reply')).toBe(false);

    on('2026-06-11');
    const tooLate = await refusalOf(rpc.request(supervision.explainNpcItem, { id: silent.id, explanation: '情况复杂' }, { actor: lead }));
    expect(tooLate.code).toBe('DEADLINE_RULE');
    expect(tooLate.details).toMatchObject({ latest: '2026-06-10' });

    // The hard limit: 6 months. A reply after it is accepted and recorded late.
    on('2026-09-11');
    const last = await rpc.request(supervision.replyNpcItem, { id: explained.id, grade: 'C', replyReference: '区住建函〔2026〕60号' }, { actor: lead });
    expect(last).toMatchObject({ state: 'replied', repliedLate: true, grade: 'C' });
  });

  it("shows a unit liaison only its unit's items; another unit's is NOT_FOUND like an unknown id", async () => {
    const item = await assigned('2026-03-10');
    expect((await rpc.request(supervision.getNpcItem, { id: item.id }, { actor: co })).title).toBe('关于加快老旧小区加装电梯的建议');
    const hidden = await refusalOf(rpc.request(supervision.getNpcItem, { id: item.id }, { actor: stranger }));
    const unknown = await refusalOf(rpc.request(supervision.getNpcItem, { id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }, { actor: stranger }));
    expect(hidden.toPayload()).toEqual(unknown.toPayload());
    const own = await rpc.request(supervision.listNpcItems, { limit: 200 }, { actor: lead });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.units.some((u) => u.unit === 'QZJJ'))).toBe(true);
    expect((await refusalOf(rpc.request(supervision.listNpcItems, { unit: 'QFGW' }, { actor: lead }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.listNpcItems, {}, { actor: clerk }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.dueNpcChecks, { on: '2026-04-01' }, { actor: lead }))).code).toBe('FORBIDDEN');
    const byState = await rpc.request(supervision.listNpcItems, { state: 'assigned', kind: 'npc-suggestion' }, { actor: director });
    expect(byState.items.every((i) => i.state === 'assigned')).toBe(true);
  });
});
