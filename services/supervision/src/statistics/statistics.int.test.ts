import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { meetings, supervision, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, publishTestEvent, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';

/**
 * Statistics of supervision items over NATS against a real database (issue 5 §7): monthly, half-year and annual
 * reports by source kind, lead unit, state (at the period's end) and overdue days (calendar and working days on
 * the 2026 calendar: 春节 15–23 February off, Saturday 28 February a working day). Today is 15 July 2026.
 */
const supervisor = testActor('supervisor');
const director = testActor('director');
const auditor = testActor('auditor');
const liaison = testActor('unit-liaison', { unit: 'QZJJ' });
const clerk = testActor('clerk');

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;
let seq = 0;
const ids: Record<string, string> = {};

/** An item as the item workflow leaves it, written straight into its tables; `steps` are its history rows. */
async function seedItem(
  name: string,
  item: { kind: string; opened: string; due?: string; unit?: string; steps: [string, string, string][]; closed?: string },
) {
  const db = service.runtime.db;
  const id = randomUUID();
  ids[name] = id;
  seq += 1;
  const state = item.steps.at(-1)![2];
  await db.$executeRawUnsafe(
    `INSERT INTO supervision_item (id, register_number, register_year, register_seq, title, content, source_kind, source, origin_key,
       deadline_table, item_class, state, opened_at, opened_by_id, opened_by_name, assigned_on, due_on)
     VALUES ($1::uuid, $2, 2026, $3, '统计测试事项', '内容', $4, '{}'::jsonb, $5, 'office', 'routine', $6, $7::timestamptz, 'x', 'x', NULL, $8)`,
    id, `测〔2026〕${seq}号`, seq, item.kind, `test:${id}`, state, `${item.opened}T02:00:00Z`, item.due ?? null,
  );
  if (item.unit) {
    await db.$executeRawUnsafe(`INSERT INTO supervision_item_assignee (item_id, unit, role, responsible_person) VALUES ($1::uuid, $2, 'lead', '张三')`, id, item.unit);
  }
  let from: string | null = null;
  for (const [day, action, to] of item.steps) {
    await db.$executeRawUnsafe(
      `INSERT INTO supervision_item_history (item_id, at, actor_id, actor_name, action, from_state, to_state) VALUES ($1::uuid, $2::timestamptz, 'x', 'x', $3, $4, $5)`,
      id, `${day}T02:00:00Z`, action, from, to,
    );
    from = to;
  }
  const hasClosedAt = (await db.$queryRawUnsafe<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'supervision_item' AND column_name = 'closed_at') ok`,
  ))[0]!.ok;
  if (item.closed && hasClosedAt) {
    await db.$executeRawUnsafe(`UPDATE supervision_item SET closed_at = $2::timestamptz WHERE id = $1::uuid`, id, `${item.closed}T02:00:00Z`);
  }
}

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(supervisionService, { space, clock: fixedClock('2026-07-15T02:00:00Z') });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);

  await seedItem('A', {
    kind: 'leader-instruction', opened: '2026-02-10', due: '2026-02-25', unit: 'QZJJ', closed: '2026-03-05',
    steps: [['2026-02-10', 'propose', 'proposed'], ['2026-02-10', 'assign', 'assigned'], ['2026-03-05', 'close', 'closed']],
  });
  await seedItem('B', {
    kind: 'meeting-decision', opened: '2026-03-03', due: '2026-03-18', unit: 'QZJJ',
    steps: [['2026-03-03', 'propose', 'proposed'], ['2026-03-03', 'assign', 'assigned'], ['2026-04-01', 'acknowledge', 'in-progress']],
  });
  await seedItem('C', {
    kind: 'manual', opened: '2026-03-10', due: '2026-04-10', unit: 'QFGW',
    steps: [['2026-03-10', 'propose', 'proposed'], ['2026-03-10', 'assign', 'assigned']],
  });
  await seedItem('D', {
    kind: 'manual', opened: '2026-01-05', due: '2026-01-20', unit: 'QFGW', closed: '2026-02-20',
    steps: [['2026-01-05', 'propose', 'proposed'], ['2026-02-20', 'close', 'closed']],
  });
  await seedItem('E', { kind: 'manual', opened: '2026-04-02', steps: [['2026-04-02', 'propose', 'proposed']] });
  await seedItem('F', { kind: 'petition', opened: '2026-03-20', steps: [['2026-03-20', 'propose', 'proposed']] });
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

const report = (period: supervision.StatisticsPeriod, actor = supervisor) => rpc.request(supervision.supervisionReport, { period }, { actor });

describe('supervision statistics (issue 5 §7) over NATS against a real database', () => {
  it('the March report: items of the month by source, lead unit and state at month end, overdue days to the closing day or month end', async () => {
    const march = await report({ kind: 'month', year: 2026, month: 3 });
    expect(march).toMatchObject({ from: '2026-03-01', to: '2026-03-31', countedTo: '2026-03-31' });
    // A (closed in March), B, C, F; not D (closed in February) nor E (opened in April).
    expect(march.total).toMatchObject({ items: 4, opened: 3, closed: 1, overdue: 2 });
    expect(march.bySourceKind.map((b) => [b.key, b.items])).toEqual([
      ['leader-instruction', 1], ['manual', 1], ['meeting-decision', 1], ['petition', 1],
    ]);
    expect(march.byLeadUnit.map((b) => [b.key, b.items, b.overdue])).toEqual([['QZJJ', 2, 2], ['(unassigned)', 1, 0], ['QFGW', 1, 0]]);
    // B was acknowledged on 1 April: at the end of March it was still assigned.
    expect(march.byState.map((b) => [b.key, b.items])).toEqual([['assigned', 2], ['closed', 1], ['proposed', 1]]);
    expect(march.overdueItems).toEqual([
      // B: due 18 March, open: 13 calendar days to 31 March; working days 19, 20, 23–27, 30, 31 March.
      expect.objectContaining({ itemId: ids.B, dueOn: '2026-03-18', countedTo: '2026-03-31', calendarDays: 13, workingDays: 9, leadUnit: 'QZJJ', state: 'assigned' }),
      // A: due 25 February, closed 5 March: 8 calendar days; working days 26, 27, 28 (make-up Saturday) February, 2–5 March.
      expect.objectContaining({ itemId: ids.A, dueOn: '2026-02-25', countedTo: '2026-03-05', calendarDays: 8, workingDays: 7, state: 'closed' }),
    ]);
    const qzjj = march.byLeadUnit.find((b) => b.key === 'QZJJ')!;
    expect(qzjj).toMatchObject({ overdueCalendarDays: 21, overdueWorkingDays: 16, maxOverdueCalendarDays: 13 });
  });

  it('the half-year and annual reports; a period not over is counted to today', async () => {
    const h1 = await report({ kind: 'half-year', year: 2026, half: 1 }, director);
    expect(h1).toMatchObject({ from: '2026-01-01', to: '2026-06-30', countedTo: '2026-06-30' });
    expect(h1.total).toMatchObject({ items: 6, opened: 6, closed: 2 });
    // C: due 10 April, open: 81 calendar days to 30 June.
    expect(h1.overdueItems.find((o) => o.itemId === ids.C)).toMatchObject({ calendarDays: 81 });
    // D: due 20 January, closed 20 February: 31 calendar days.
    expect(h1.overdueItems.find((o) => o.itemId === ids.D)).toMatchObject({ calendarDays: 31, countedTo: '2026-02-20' });
    expect(h1.byState.find((b) => b.key === 'in-progress')).toMatchObject({ items: 1 });

    const year = await report({ kind: 'year', year: 2026 }, auditor);
    expect(year).toMatchObject({ from: '2026-01-01', to: '2026-12-31', countedTo: '2026-07-15' });
    expect(year.overdueItems.find((o) => o.itemId === ids.B)).toMatchObject({ countedTo: '2026-07-15', calendarDays: 119 });

    const h2 = await report({ kind: 'half-year', year: 2026, half: 2 });
    expect(h2.total.items).toBe(4); // B, C, E, F are still open
    expect(h2.total.opened).toBe(0);
    const feb = await report({ kind: 'month', year: 2026, month: 2 });
    expect(feb).toMatchObject({ to: '2026-02-28' });
    expect(feb.total).toMatchObject({ items: 2, closed: 1 });
  });

  it('suggestions and proposals of the period by kind, state at its end, grade and lead unit, with overdue replies', async () => {
    const first = await rpc.request(
      supervision.receiveNpcItem,
      { kind: 'npc-suggestion', externalNumber: 'S-1', title: '建议一', content: '内容', proposers: [{ name: '甲' }], receivedOn: '2026-03-02' },
      { actor: supervisor },
    );
    await rpc.request(supervision.assignNpcItem, { id: first.id, mode: 'sole', leadUnit: 'QZJJ', responsiblePerson: '李' }, { actor: supervisor });
    await rpc.request(supervision.replyNpcItem, { id: first.id, grade: 'A', replyReference: '函1' }, { actor: liaison });
    await rpc.request(
      supervision.receiveNpcItem,
      { kind: 'cppcc-proposal', externalNumber: 'P-1', title: '提案一', content: '内容', proposers: [{ name: '乙' }], receivedOn: '2026-05-10' },
      { actor: supervisor },
    );
    // A proposal assigned in February whose reply was due on 1 May and has not come.
    await service.runtime.db.$executeRawUnsafe(
      `INSERT INTO npc_cppcc_item (id, kind, external_number, title, content, proposers, state, received_on, assign_by, round, assigned_on,
         reply_due_on, created_at, created_by_id, created_by_name)
       VALUES ($1::uuid, 'cppcc-proposal', 'P-0', '提案零', '内容', '[]'::jsonb, 'assigned', '2026-01-20', '2026-02-17', 1, '2026-02-01',
         '2026-05-01', '2026-01-20T02:00:00Z', 'x', 'x')`,
      randomUUID(),
    );

    const march = (await report({ kind: 'month', year: 2026, month: 3 })).npcCppcc;
    // S-1 was received on 2 March but recorded only in July: at the end of March it was 'received'.
    expect(march.total).toMatchObject({ items: 2, received: 1, closed: 0, replyOverdue: 0 });
    expect(march.byState.map((b) => [b.key, b.items])).toEqual([['received', 2]]);

    const year = (await report({ kind: 'year', year: 2026 })).npcCppcc;
    expect(year.total).toMatchObject({ items: 3, received: 3, replyOverdue: 1, replyOverdueCalendarDays: 75 });
    expect(year.byKind.map((b) => [b.key, b.items])).toEqual([['cppcc-proposal', 2], ['npc-suggestion', 1]]);
    expect(year.byState.map((b) => [b.key, b.items])).toEqual([['received', 2], ['replied', 1]]);
    expect(year.byGrade.map((b) => [b.key, b.items])).toEqual([['none', 2], ['A', 1]]);
    expect(year.byLeadUnit.map((b) => [b.key, b.items])).toEqual([['(unassigned)', 2], ['QZJJ', 1]]);
  });

  it('SCENARIOS seed002 #21: decisions of issued minutes become items (the intake consumer) and count under meeting-decision', async () => {
    const july = { kind: 'month', year: 2026, month: 7 } as const;
    const before = await report(july);
    const meetingItems = (r: typeof before) => r.bySourceKind.find((b) => b.key === 'meeting-decision')?.items ?? 0;
    expect(before.total.opened).toBe(0);
    const data = {
      minutesId: randomUUID(),
      meetingId: randomUUID(),
      meetingType: 'executive',
      number: '区政府常务会议纪要〔2026〕9号',
      title: '区政府第9次常务会议纪要',
      classification: 'none' as const,
      issuedOn: '2026-07-15',
      issuedAt: '2026-07-15T01:00:00.000Z',
      issuedBy: randomUUID(),
      decisions: [
        { decisionNo: 1, matter: '区住建局牵头推进城中村改造。', leadUnit: 'QZJJ', coUnits: [], dueOn: '2026-09-30' },
        { decisionNo: 2, matter: '区财政局研究配套资金。', leadUnit: null, coUnits: [], dueOn: null },
      ],
    };
    await publishTestEvent(nc, space, meetings.minutesIssued, data);
    const after = await eventually(async () => {
      const r = await report(july);
      return r.total.opened === 2 ? r : undefined;
    });
    expect(meetingItems(after)).toBe(meetingItems(before) + 2);
    expect(after.byState.find((b) => b.key === 'proposed')!.items).toBe(before.byState.find((b) => b.key === 'proposed')!.items + 2);
  });

  it('refuses a unit liaison and a clerk, and a period that is not one', async () => {
    expect((await refusalOf(report({ kind: 'month', year: 2026, month: 3 }, liaison))).code).toBe('FORBIDDEN');
    expect((await refusalOf(report({ kind: 'month', year: 2026, month: 3 }, clerk))).code).toBe('FORBIDDEN');
    expect((await refusalOf(report({ kind: 'month', year: 2026, month: 13 } as never))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(report({ kind: 'quarter', year: 2026 } as never))).code).toBe('BAD_USER_INPUT');
  });
});
