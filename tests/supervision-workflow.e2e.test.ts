import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { addCalendarDays, toIsoDate } from '@gov/calendar';
import { documents, meetings, supervision } from '@gov/contracts';
import { connectTestNats, eventually, publishTestEvent, readEventStream, republishTestEvent } from '@gov/testing';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 5 end to end through the gateway: issued minutes with three decisions become three supervision items
 * (once, although the event arrives twice); the director admits one, the supervisor hands it to the unit,
 * reminds it, the daily checks raise its colour (blue, then orange) and the overdue board shows it; the unit's
 * report is sent back, then accepted; a district leader starts a second round; the item is closed (办结/销号).
 * The platform runs on the real clock: "days pass" by moving the item's dates back in its database.
 */

const ITEM_FIELDS = 'id registerNumber state round colour dueOn assignedOn closedAt sourceKind sourceReference needsSeparateNotice';
const ITEMS = `query Items($state: String) { supervisionItems(state: $state, limit: 200) { total items { ${ITEM_FIELDS} } } }`;
const ITEM = `query Item($id: ID!) {
  supervisionItem(id: $id) {
    ${ITEM_FIELDS}
    history { action toState actorName reason }
    reminders { method content contactPerson noticeKey sentOn }
    notices { key colour round }
    reports { outcome form reasons { code note } }
  }
}`;
const ADMIT = `mutation Admit($id: ID!) { admitSupervisionItem(id: $id) { id state } }`;
const DECLINE = `mutation Decline($id: ID!, $reason: String!) { declineSupervisionItem(id: $id, reason: $reason) { id state } }`;
const ASSIGN = `mutation Assign($input: AssignSupervisionItemInput!) { assignSupervisionItem(input: $input) { id state dueOn dueSetBy } }`;
const ACK = `mutation Ack($id: ID!) { acknowledgeSupervisionItem(id: $id) { id state } }`;
const PROGRESS = `mutation P($id: ID!, $progress: String!) { reportSupervisionItemProgress(id: $id, progress: $progress) { id state } }`;
const REMIND = `mutation Remind($input: RemindSupervisionItemInput!) { remindSupervisionItem(input: $input) { id reminders { method contactPerson } } }`;
const DAILY = `mutation Daily($date: String) { runDailySupervisionChecks(date: $date) { date checked notices { itemId key colour } } }`;
const BOARD = `query Board($colour: String) {
  supervisionOverdueBoard(colour: $colour) { asOf byColour { none blue orange red } entries { item { id } colour leadUnit overdueCalendarDays } }
}`;
const SUBMIT = `mutation Submit($input: SubmitSupervisionReportInput!) { submitSupervisionReport(input: $input) { id state stoppedOn } }`;
const RETURN = `mutation Return($input: ReturnSupervisionReportInput!) { returnSupervisionReport(input: $input) { id state reports { outcome } } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptSupervisionReport(id: $id) { id state } }`;
const FEEDBACK = `mutation Feedback($id: ID!) { feedBackSupervisionItem(id: $id) { id state } }`;
const AGAIN = `mutation Again($id: ID!, $reason: String!) { instructSupervisionItemAgain(id: $id, reason: $reason) { id state round dueOn colour } }`;
const CLOSE = `mutation Close($id: ID!) { closeSupervisionItem(id: $id) { id state closedAt } }`;
const MINE = `query Mine { mySupervisionItems { total items { id } } }`;

let platform: TestPlatform;
let nc: NatsConnection;
let supervisor: string;
let director: string;
let leader: string;
let liaison: string;
let clerk: string;

const today = () => toIsoDate(new Date());

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  [supervisor, director, leader, liaison, clerk] = await Promise.all(
    ['supervisor', 'director', 'district-leader', 'unit-liaison', 'clerk'].map((u) => login(platform.issuer, u)),
  );
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await graphql<T>(platform.gateway, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

function consumer(durable: string) {
  const found = platform.supervision.runtime.consumers.find((c) => (c as unknown as { spec: { durable: string } }).spec.durable === durable);
  if (!found) throw new Error(`no consumer ${durable}`);
  return found;
}

/** Moves an item's days back: the hand-over, the due date and the notices already sent, as if `days` had passed. */
async function daysPass(id: string, days: number) {
  const db = platform.supervision.runtime.db;
  await db.$executeRawUnsafe(
    `UPDATE supervision_item SET assigned_on = to_char(assigned_on::date - $2::int, 'YYYY-MM-DD'), due_on = to_char(due_on::date - $2::int, 'YYYY-MM-DD') WHERE id = $1::uuid`,
    id,
    days,
  );
  await db.$executeRawUnsafe(
    `UPDATE supervision_notice SET sent_on = to_char(sent_on::date - $2::int, 'YYYY-MM-DD'), scheduled_on = to_char(scheduled_on::date - $2::int, 'YYYY-MM-DD') WHERE item_id = $1::uuid`,
    id,
    days,
  );
}

describe('督查事项 workflow end to end (issue 5)', () => {
  it('minutes with three decisions → three items, once; admit, assign, remind, colours, report returned then accepted, second round, close', async () => {
    // 1. Issued minutes with three decisions, published twice under two ids (the meetings section re-sent it).
    const minutesId = randomUUID();
    const number = `区政府常务会议纪要〔2026〕${Math.floor(Math.random() * 9000) + 1000}号`;
    const named = addCalendarDays(today(), 10);
    const data: z.input<typeof meetings.minutesIssued.data> = {
      minutesId,
      meetingId: randomUUID(),
      meetingType: 'executive',
      number,
      title: '区政府常务会议纪要',
      classification: 'none',
      issuedOn: today(),
      issuedAt: new Date().toISOString(),
      issuedBy: randomUUID(),
      decisions: [
        { decisionNo: 1, matter: '区发改委牵头推进重点项目前期工作。', leadUnit: 'QFGW', coUnits: [], dueOn: named },
        { decisionNo: 2, matter: '区财政局研究资金保障办法。', leadUnit: 'QCZJ', coUnits: [], dueOn: null },
        { decisionNo: 3, matter: '区教育局做好春季开学准备。', leadUnit: null, coUnits: [], dueOn: null },
      ],
    };
    for (let i = 0; i < 2; i++) await publishTestEvent(nc, platform.space, meetings.minutesIssued, data);
    const fromMinutes = async () => {
      const res = await ok<{ supervisionItems: { items: { id: string; sourceReference: string; state: string; needsSeparateNotice: boolean; sourceKind: string }[] } }>(ITEMS, {}, director);
      return res.supervisionItems.items.filter((i) => i.sourceReference?.startsWith(number)).sort((a, b) => a.sourceReference.localeCompare(b.sourceReference));
    };
    await eventually(async () => ((await fromMinutes()).length === 3 ? true : undefined));
    const minutesConsumer = consumer('supervision-intake-minutes');
    await eventually(() => (minutesConsumer.handled >= 2 ? true : undefined)); // the duplicate was handled too
    const items = await fromMinutes();
    expect(items.map((i) => [i.sourceReference, i.state, i.sourceKind, i.needsSeparateNotice])).toEqual([
      [`${number} 第1项`, 'proposed', 'meeting-decision', false],
      [`${number} 第2项`, 'proposed', 'meeting-decision', true],
      [`${number} 第3项`, 'proposed', 'meeting-decision', true],
    ]);
    const id = items[0]!.id;

    // 2. 立项批准 by the director only; the third decision is declined with a reason.
    expect(errorCode(await graphql(platform.gateway, ADMIT, { id }, supervisor))).toBe('FORBIDDEN');
    expect((await ok(ADMIT, { id }, director)).admitSupervisionItem.state).toBe('admitted');
    expect((await ok(DECLINE, { id: items[2]!.id, reason: '已列入年度重点工作' }, director)).declineSupervisionItem.state).toBe('declined');

    // 3. 交办 to the unit the minutes named, with the minutes' deadline.
    const assigned = await ok(ASSIGN, { input: { id, leadUnit: 'QFGW', responsiblePerson: '张明' } }, supervisor);
    expect(assigned.assignSupervisionItem).toMatchObject({ state: 'assigned', dueOn: named, dueSetBy: 'source' });
    expect((await ok(ACK, { id }, liaison)).acknowledgeSupervisionItem.state).toBe('in-progress');
    await ok(PROGRESS, { id, progress: '已完成可研报告编制。' }, liaison);
    expect((await ok(MINE, {}, liaison)).mySupervisionItems.items.map((i: { id: string }) => i.id)).toContain(id);

    // 4. 催办, logged; a liaison may not remind, on-site supervision needs approval.
    const remind = { id, method: 'phone', content: '请按期报送办理结果', contactPerson: '张明' };
    expect(errorCode(await graphql(platform.gateway, REMIND, { input: remind }, liaison))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, REMIND, { input: { ...remind, method: 'on-site' } }, supervisor))).toBe('FORBIDDEN');
    expect((await ok(REMIND, { input: remind }, supervisor)).remindSupervisionItem.reminders).toEqual([{ method: 'phone', contactPerson: '张明' }]);

    // 5. The daily checks: the item fell due 30 days ago → reminder 1 and blue; 16 days after that → reminder 2 and orange.
    await daysPass(id, 40);
    expect(errorCode(await graphql(platform.gateway, DAILY, {}, liaison))).toBe('FORBIDDEN');
    const firstRun = await ok(DAILY, {}, supervisor);
    expect(firstRun.runDailySupervisionChecks.notices.filter((n: { itemId: string }) => n.itemId === id).map((n: { key: string }) => n.key)).toEqual(['reminder-1', 'colour-blue']);
    expect((await ok(DAILY, {}, supervisor)).runDailySupervisionChecks.notices).toEqual([]); // the same day again: nothing new
    await daysPass(id, 16);
    const secondRun = await ok(DAILY, {}, supervisor);
    expect(secondRun.runDailySupervisionChecks.notices.filter((n: { itemId: string }) => n.itemId === id).map((n: { key: string }) => n.key)).toEqual(['reminder-2', 'colour-orange']);
    const board = await ok(BOARD, { colour: 'orange' }, director);
    expect(board.supervisionOverdueBoard.entries).toEqual([{ item: { id }, colour: 'orange', leadUnit: 'QFGW', overdueCalendarDays: 46 }]);
    expect(board.supervisionOverdueBoard.byColour.orange).toBe(1);
    expect(errorCode(await graphql(platform.gateway, BOARD, {}, clerk))).toBe('FORBIDDEN');

    // 6. The report: minutes instead of a formal report are sent back; a signed, sealed formal report is accepted.
    const report = { id, form: 'minutes', signedByUnitHead: false, sealed: true, summary: '专题会议纪要' };
    expect((await ok(SUBMIT, { input: report }, liaison)).submitSupervisionReport).toMatchObject({ state: 'report-submitted', stoppedOn: today() });
    expect(errorCode(await graphql(platform.gateway, ACCEPT, { id }, supervisor))).toBe('BAD_USER_INPUT');
    const returned = await ok(RETURN, { input: { id, reasons: [{ code: 'wrong-form' }, { code: 'not-signed' }] } }, supervisor);
    expect(returned.returnSupervisionReport).toMatchObject({ state: 'in-progress', reports: [{ outcome: 'returned' }] });
    await ok(SUBMIT, { input: { ...report, form: 'formal-document', signedByUnitHead: true, summary: '前期工作已全部完成。' } }, liaison);
    expect((await ok(ACCEPT, { id }, supervisor)).acceptSupervisionReport.state).toBe('verified');
    expect((await ok(FEEDBACK, { id }, director)).feedBackSupervisionItem.state).toBe('fed-back');

    // 7. A district leader's new instruction: round 2, the clock restarts today (15 days for a routine item), colour cleared.
    expect(errorCode(await graphql(platform.gateway, AGAIN, { id, reason: '请继续跟踪' }, supervisor))).toBe('FORBIDDEN');
    const again = await ok(AGAIN, { id, reason: '项目开工后继续跟踪质量安全。' }, leader);
    expect(again.instructSupervisionItemAgain).toEqual({ id, state: 'assigned', round: 2, dueOn: addCalendarDays(today(), 15), colour: null });

    // 8. Round 2 to the end: receipt, report, acceptance, feedback, 办结/销号.
    await ok(ACK, { id }, liaison);
    await ok(SUBMIT, { input: { ...report, form: 'formal-document', signedByUnitHead: true, summary: '项目已开工。' } }, liaison);
    await ok(ACCEPT, { id }, supervisor);
    await ok(FEEDBACK, { id }, director);
    const closed = await ok(CLOSE, { id }, supervisor);
    expect(closed.closeSupervisionItem.state).toBe('closed');
    expect(closed.closeSupervisionItem.closedAt).toBeTruthy();

    const shown = (await ok(ITEM, { id }, director)).supervisionItem;
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual([
      'propose', 'admit', 'assign', 'acknowledge', 'report-progress', 'remind', 'remind', 'escalate', 'remind', 'escalate',
      'submit-report', 'return-report', 'submit-report', 'accept-report', 'feed-back', 'instruct-again',
      'acknowledge', 'submit-report', 'accept-report', 'feed-back', 'close',
    ]);
    expect(shown.history[0].actorName).toBe('督查室（自动立项）');
    expect(shown.notices.map((n: { key: string; round: number }) => [n.round, n.key])).toEqual([
      [1, 'reminder-1'], [1, 'colour-blue'], [1, 'reminder-2'], [1, 'colour-orange'],
    ]);
    expect(shown.reminders.map((r: { noticeKey: string | null; method: string }) => [r.noticeKey, r.method])).toEqual([
      [null, 'phone'], ['reminder-1', 'letter'], ['reminder-2', 'letter'],
    ]);
    expect(shown.reports.map((r: { outcome: string }) => r.outcome)).toEqual(['returned', 'accepted', 'accepted']);

    // 9. The events other sections and the subscriptions read, each once.
    await platform.supervision.runtime.relay.drain();
    const types = (await readEventStream(nc, platform.space)).filter((e) => e.envelope.subject === id).map((e) => e.envelope.type);
    expect(types).toEqual([
      supervision.itemCreated.type,
      supervision.itemAdmitted.type,
      supervision.itemAssigned.type,
      supervision.itemReminded.type,
      supervision.itemReminded.type,
      supervision.itemEscalated.type,
      supervision.itemReminded.type,
      supervision.itemEscalated.type,
      supervision.itemReported.type,
      supervision.itemSentBack.type,
      supervision.itemReported.type,
      supervision.itemReportAccepted.type,
      supervision.itemAssigned.type,
      supervision.itemReported.type,
      supervision.itemReportAccepted.type,
      supervision.itemClosed.type,
    ]);
  }, 60_000);

  it('a leader instruction routed to supervision becomes an item exactly once: sent twice under two ids, and redelivered under one (issue 5 §9)', async () => {
    const registerNumber = `收文〔2026〕${Math.floor(Math.random() * 9000) + 1000}号`;
    const data: z.input<typeof documents.incomingRouted.data> = {
      routeId: randomUUID(),
      documentId: randomUUID(),
      registerNumber,
      instructionId: randomUUID(),
      to: 'supervision',
      classification: 'none',
      title: '关于加快推进老旧小区改造的请示',
      matter: '请区发改委牵头，月底前拿出改造方案。',
      leadUnit: 'QFGW',
      coUnits: [],
      dueOn: null,
      urgent: false,
      instructedBy: { id: randomUUID(), name: '区长' },
      instructedAt: new Date().toISOString(),
    };
    const first = await publishTestEvent(nc, platform.space, documents.incomingRouted, data);
    await publishTestEvent(nc, platform.space, documents.incomingRouted, data);
    await republishTestEvent(nc, platform.space, first, `again-${first.id}`);
    const ofInstruction = async () =>
      (await ok<{ supervisionItems: { items: { id: string; sourceReference: string; sourceKind: string; state: string }[] } }>(ITEMS, { state: 'proposed' }, supervisor)).supervisionItems.items.filter(
        (i) => i.sourceReference === registerNumber,
      );
    await eventually(async () => ((await ofInstruction()).length >= 1 ? true : undefined));
    // Two handled (the second changes nothing), the third stopped by the inbox as a duplicate.
    const instructions = consumer('supervision-intake-instructions');
    await eventually(() => (instructions.handled >= 2 && instructions.duplicates >= 1 ? true : undefined));
    const items = await ofInstruction();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ sourceKind: 'leader-instruction', state: 'proposed' });
    await platform.supervision.runtime.relay.drain();
    const created = (await readEventStream(nc, platform.space)).filter((e) => e.envelope.type === supervision.itemCreated.type && e.envelope.subject === items[0]!.id);
    expect(created).toHaveLength(1);
  });
});
