import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { GovError, supervision, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { listNumbers, verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, startTestService, testActor, uniqueSpace, type TestService, readEventStream, refusalOf } from '@gov/testing';
import { supervisionService } from '../service.js';

// Monday 2 February 2026, 10:00 Beijing time. A routine item is due 15 calendar days later, on 17 February:
// 春节 (15–23 February 2026 off). Calendar-day limits ending on a day off stay there (rollForwardToWorkingDay:
// false, README "Decisions"); a major item (one calendar month) is due on 2 March, a working Monday.
const NOW = new Date('2026-02-02T02:00:00Z');
const supervisor = testActor('supervisor');
const director = testActor('director');
const clerk = testActor('clerk');
const liaison = testActor('unit-liaison', { unit: 'QFGW' });
const otherLiaison = testActor('unit-liaison', { id: '00000000-0000-4000-8000-0000000000f2', unit: 'QJYJ' });

const open: supervision.OpenItemInput = {
  title: '推进老旧小区改造项目按期开工',
  content: '督促区住建局会同区发改委于三月底前完成老旧小区改造项目开工前各项手续。',
  class: 'routine',
  sourceReference: '区长办公会议（2026年第3次）',
};

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const refusal = refusalOf;

async function counts() {
  const db = service.runtime.db;
  const n = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);
  return {
    items: await n('supervision_item'),
    history: await n('supervision_item_history'),
    assignees: await n('supervision_item_assignee'),
    outbox: await n('outbox'),
    numbers: await n('issued_number'),
    audit: await n('audit_log'),
  };
}

/** An item's row as stored (state and version), to show that a refusal left it alone. */
async function stored(id: string) {
  return service.runtime.db.$queryRawUnsafe<{ state: string; version: number }[]>(
    'SELECT state, version FROM supervision_item WHERE id = $1::uuid',
    id,
  );
}

const streamEvents = () => readEventStream(nc, space);

async function admitted(input: Partial<supervision.OpenItemInput> = {}) {
  const item = await rpc.request(supervision.openItem, { ...open, ...input }, { actor: supervisor });
  return rpc.request(supervision.admitItem, { id: item.id }, { actor: director });
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

describe('督查事项 立项 → 立项批准 → 交办 over NATS against a real database', () => {
  it('opens, admits and assigns with a 督办编号, history, units, a class due date across 春节 and three events', async () => {
    const opened = await rpc.request(supervision.openItem, open, { actor: supervisor });
    expect(opened).toMatchObject({
      registerNumber: '督〔2026〕1号',
      state: 'proposed',
      sourceKind: 'manual',
      sourceReference: open.sourceReference,
      class: 'routine',
      round: 1,
      openedBy: { id: supervisor.id, name: supervisor.name },
      dueOn: null,
      assignees: [],
    });

    const admittedItem = await rpc.request(supervision.admitItem, { id: opened.id }, { actor: director });
    expect(admittedItem.state).toBe('admitted');
    expect(admittedItem.admittedAt).toBe(NOW.toISOString());

    const assigned = await rpc.request(
      supervision.assignItem,
      { id: opened.id, leadUnit: 'QZJJ', coUnits: ['QFGW'], responsiblePerson: '李建国' },
      { actor: supervisor },
    );
    expect(assigned).toMatchObject({ state: 'assigned', assignedOn: '2026-02-02', dueOn: '2026-02-17', dueSetBy: 'class' });
    expect(assigned.assignees).toEqual([
      { unit: 'QZJJ', role: 'lead', responsiblePerson: '李建国' },
      { unit: 'QFGW', role: 'co', responsiblePerson: '李建国' },
    ]);

    const fetched = await rpc.request(supervision.getItem, { id: opened.id }, { actor: supervisor });
    expect(fetched.title).toBe(open.title);
    expect(fetched.history.map((h) => [h.action, h.fromState, h.toState, h.actorName])).toEqual([
      ['propose', null, 'proposed', supervisor.name],
      ['admit', 'proposed', 'admitted', director.name],
      ['assign', 'admitted', 'assigned', supervisor.name],
    ]);
    expect((await listNumbers(service.runtime.db, '督', 2026)).map((n) => n.formatted)).toContain('督〔2026〕1号');

    await service.runtime.relay.drain();
    const mine = (await streamEvents()).filter((e) => e.envelope.subject === opened.id);
    expect(mine.map((e) => e.envelope.type)).toEqual([
      'gov.supervision.item.created',
      'gov.supervision.item.admitted',
      'gov.supervision.item.assigned',
    ]);
    for (const e of mine) expect(e.msgId).toBe(e.envelope.id);
    expect(mine[2]!.envelope.data).toMatchObject({
      registerNumber: '督〔2026〕1号',
      leadUnit: 'QZJJ',
      coUnits: ['QFGW'],
      dueOn: '2026-02-17',
      assignedBy: supervisor.id,
    });
    // Identifiers and metadata only: neither the title nor the matter travels in an event.
    expect(JSON.stringify(mine.map((e) => e.envelope))).not.toContain('老旧小区');
    expect(await service.runtime.backlog()).toBe(0);
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });

  it('gives a major item the one-month date and takes a shorter date from the supervisor', async () => {
    const major = await admitted({ class: 'major' });
    const assigned = await rpc.request(
      supervision.assignItem,
      { id: major.id, leadUnit: 'QZJJ', responsiblePerson: '李建国' },
      { actor: supervisor },
    );
    expect(assigned.dueOn).toBe('2026-03-02');

    const shorter = await admitted();
    const early = await rpc.request(
      supervision.assignItem,
      { id: shorter.id, leadUnit: 'QZJJ', responsiblePerson: '李建国', dueOn: '2026-02-12' },
      { actor: supervisor },
    );
    expect(early).toMatchObject({ dueOn: '2026-02-12', dueSetBy: 'supervisor' });
  });

  it('refuses admission by a supervisor with FORBIDDEN and changes nothing', async () => {
    const item = await rpc.request(supervision.openItem, open, { actor: supervisor });
    const before = await counts();
    const error = await refusal(rpc.request(supervision.admitItem, { id: item.id }, { actor: supervisor }));
    expect(error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    expect(await stored(item.id)).toEqual([{ state: 'proposed', version: 1 }]);
  });

  it('refuses to assign an item before admission with CONFLICT and changes nothing', async () => {
    const item = await rpc.request(supervision.openItem, open, { actor: supervisor });
    const before = await counts();
    const error = await refusal(
      rpc.request(supervision.assignItem, { id: item.id, leadUnit: 'QZJJ', responsiblePerson: '李建国' }, { actor: supervisor }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    expect(await stored(item.id)).toEqual([{ state: 'proposed', version: 1 }]);
  });

  it.each([
    ['no lead unit', { leadUnit: undefined }, 'leadUnit'],
    ['a blank lead unit', { leadUnit: '  ' }, 'leadUnit'],
    ['two lead units', { leadUnit: ['QZJJ', 'QFGW'] }, 'leadUnit'],
    ['the lead unit also as a co-unit', { coUnits: ['QZJJ'] }, 'QZJJ'],
    ['a co-unit named twice', { coUnits: ['QFGW', 'QFGW'] }, 'QFGW'],
    ['no responsible person', { responsiblePerson: undefined }, 'responsiblePerson'],
    ['a due date before the hand-over', { dueOn: '2026-02-01' }, 'due'],
    ['a due date that is not a date', { dueOn: '2026-02-30' }, 'dueOn'],
    ['an unknown field', { priority: 'high' }, ''],
  ])('refuses an assignment with %s with BAD_USER_INPUT and changes nothing', async (_label, change, field) => {
    const item = await admitted();
    const before = await counts();
    const input = { id: item.id, leadUnit: 'QZJJ', coUnits: [], responsiblePerson: '李建国', ...change };
    const error = await refusal(rpc.request(supervision.assignItem, input as never, { actor: supervisor }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify({ message: error.message, details: error.details })).toContain(field);
    expect(await counts()).toEqual(before);
    expect(await stored(item.id)).toEqual([{ state: 'admitted', version: 2 }]);
  });

  it('refuses a supervisor date beyond the class date with DEADLINE_RULE, and an especially urgent item without a date', async () => {
    const routine = await admitted();
    const urgent = await admitted({ class: 'especially-urgent' });
    const before = await counts();
    const late = await refusal(
      rpc.request(supervision.assignItem, { id: routine.id, leadUnit: 'QZJJ', responsiblePerson: '李建国', dueOn: '2026-02-18' }, { actor: supervisor }),
    );
    expect(late.code).toBe('DEADLINE_RULE');
    const undated = await refusal(
      rpc.request(supervision.assignItem, { id: urgent.id, leadUnit: 'QZJJ', responsiblePerson: '李建国' }, { actor: supervisor }),
    );
    expect(undated.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['a blank matter', { content: '   ' }, 'content'],
    ['an unknown class', { class: 'whenever' }, 'class'],
    ['an unknown field', { unitCode: 'QZJJ' }, ''],
  ])('refuses to open an item with %s with BAD_USER_INPUT and changes nothing', async (_label, change, field) => {
    const before = await counts();
    const error = await refusal(rpc.request(supervision.openItem, { ...open, ...change } as never, { actor: supervisor }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(error.details)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('lets only a supervisor open an item', async () => {
    const before = await counts();
    expect((await refusal(rpc.request(supervision.openItem, open, { actor: clerk }))).code).toBe('FORBIDDEN');
    expect((await refusal(rpc.request(supervision.openItem, open, { actor: director }))).code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    expect((await refusal(rpc.request(supervision.admitItem, { id }, { actor: director }))).code).toBe('NOT_FOUND');
    expect((await refusal(rpc.request(supervision.getItem, { id }, { actor: supervisor }))).code).toBe('NOT_FOUND');
  });

  it("lists by state and unit, and shows a unit liaison only its own unit's items", async () => {
    const item = await admitted({ title: '落实安全生产专项整治' });
    await rpc.request(
      supervision.assignItem,
      { id: item.id, leadUnit: 'QFGW', responsiblePerson: '张明' },
      { actor: supervisor },
    );
    const proposed = await rpc.request(supervision.listItems, { state: 'proposed' }, { actor: director });
    expect(proposed.items.every((i) => i.state === 'proposed')).toBe(true);
    expect(proposed.total).toBe(proposed.items.length);

    const byUnit = await rpc.request(supervision.listItems, { unit: 'QFGW' }, { actor: supervisor });
    const all = await rpc.request(supervision.listItems, { limit: 200 }, { actor: supervisor });
    const forQfgw = all.items.filter((i) => i.assignees.some((a) => a.unit === 'QFGW'));
    expect(byUnit.total).toBe(forQfgw.length);

    const own = await rpc.request(supervision.listItems, {}, { actor: liaison });
    expect(own.total).toBe(forQfgw.length);
    expect(own.items.every((i) => i.assignees.some((a) => a.unit === 'QFGW'))).toBe(true);
    expect((await rpc.request(supervision.getItem, { id: item.id }, { actor: liaison })).title).toBe('落实安全生产专项整治');

    // Another unit's liaison: the item is answered as an unknown id, its list is empty, another unit is refused.
    const hidden = await refusal(rpc.request(supervision.getItem, { id: item.id }, { actor: otherLiaison }));
    const unknown = await refusal(rpc.request(supervision.getItem, { id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }, { actor: otherLiaison }));
    expect(hidden.toPayload()).toEqual(unknown.toPayload());
    expect((await rpc.request(supervision.listItems, {}, { actor: otherLiaison })).total).toBe(0);
    expect((await refusal(rpc.request(supervision.listItems, { unit: 'QFGW' }, { actor: otherLiaison }))).code).toBe('FORBIDDEN');
    expect((await refusal(rpc.request(supervision.listItems, {}, { actor: clerk }))).code).toBe('FORBIDDEN');
  });
});
