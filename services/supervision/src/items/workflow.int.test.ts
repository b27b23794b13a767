import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '@gov/calendar';
import { supervision, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';
import { DailyChecksTimer } from './daily-checks.timer.js';

/**
 * Issue 5 §2–§4 over NATS against a real database: the unit's side, 催办 and its log, the daily checks
 * (prompt, overdue reminders, colours; idempotent), report review, the second round, 办结/销号 and filing.
 *
 * The clock moves: a routine item handed over on Thursday 5 March 2026 is due on Friday 20 March (15 calendar
 * days). The prompt goes 3 working days before (Tuesday 17 March); reminder 1 on the first working day after
 * the due date (Monday 23 March, with the blue notice); reminder 2 on the 16th day after reminder 1
 * (Wednesday 8 April, orange); red 16 days after orange (Friday 24 April). seed000-b #20, seed 000 L1322.
 */
let now = new Date('2026-03-05T02:00:00Z');
const clock: Clock = { now: () => new Date(now) };
/** 10:00 Beijing time on a day. */
const on = (day: string) => {
  now = new Date(`${day}T02:00:00Z`);
};

const supervisor = testActor('supervisor');
const director = testActor('director');
const leader = testActor('district-leader');
const admin = testActor('admin');
const lead = testActor('unit-liaison', { id: '00000000-0000-4000-8000-00000000a001', name: '住建局联络员', unit: 'QZJJ' });
const co = testActor('unit-liaison', { id: '00000000-0000-4000-8000-00000000a002', name: '发改委联络员', unit: 'QFGW' });
const outsider = testActor('unit-liaison', { id: '00000000-0000-4000-8000-00000000a003', name: '教育局联络员', unit: 'QJYJ' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

async function counts() {
  const db = service.runtime.db;
  const n = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);
  return {
    items: await n('supervision_item'),
    history: await n('supervision_item_history'),
    reminders: await n('supervision_reminder'),
    notices: await n('supervision_notice'),
    reports: await n('supervision_report'),
    outbox: await n('outbox'),
    audit: await n('audit_log'),
  };
}

async function assignedItem(title = '推进老旧小区改造项目按期开工') {
  const item = await rpc.request(
    supervision.openItem,
    { title, content: `督促区住建局会同区发改委完成：${title}。`, class: 'routine', sourceReference: '区长办公会议（2026年第3次）' },
    { actor: supervisor },
  );
  await rpc.request(supervision.admitItem, { id: item.id }, { actor: director });
  return rpc.request(supervision.assignItem, { id: item.id, leadUnit: 'QZJJ', coUnits: ['QFGW'], responsiblePerson: '李建国' }, { actor: supervisor });
}

const daily = (date?: string) => rpc.request(supervision.runDailyChecks, date ? { date } : {}, { actor: supervisor });
const mine = (result: supervision.DailyChecksResult, id: string) => result.notices.filter((n) => n.itemId === id).map((n) => [n.key, n.scheduledOn]);
const get = (id: string) => rpc.request(supervision.getItem, { id }, { actor: supervisor });

async function eventsOf(id: string) {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).filter((e) => e.envelope.subject === id).map((e) => e.envelope);
}

const formal = { form: 'formal-document' as const, signedByUnitHead: true, sealed: true, summary: '已完成全部开工前手续，附批复文件。' };

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

describe('督查事项 from 交办 to 归档', () => {
  let id: string;

  it('the unit side: the lead and co-units acknowledge and report progress; only the lead explains a delay; other units are refused', async () => {
    on('2026-03-05');
    const item = await assignedItem();
    id = item.id;
    expect(item).toMatchObject({ state: 'assigned', handOverBy: '2026-03-06', assignedOn: '2026-03-05', dueOn: '2026-03-20' });

    const before = await counts();
    expect((await refusalOf(rpc.request(supervision.acknowledgeItem, { id }, { actor: outsider }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.acknowledgeItem, { id }, { actor: supervisor }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.explainDelay, { id, reason: '资金未到位' }, { actor: co }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.explainDelay, { id, reason: '  ' }, { actor: lead }))).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    // Receipt unconfirmed until the unit confirms (seed003 #19).
    const acknowledged = await rpc.request(supervision.acknowledgeItem, { id, note: '已收到督查通知' }, { actor: lead });
    expect(acknowledged.state).toBe('in-progress');
    await rpc.request(supervision.acknowledgeItem, { id }, { actor: co });
    const progressed = await rpc.request(supervision.reportProgress, { id, progress: '已完成立项批复，正在办理规划许可。' }, { actor: co });
    expect(progressed.state).toBe('in-progress');
    const explained = await rpc.request(supervision.explainDelay, { id, reason: '规划许可需市级审批，预计延后一周。' }, { actor: lead });
    expect(explained.history.map((h) => [h.action, h.actorName, h.toState])).toEqual([
      ['propose', supervisor.name, 'proposed'],
      ['admit', director.name, 'admitted'],
      ['assign', supervisor.name, 'assigned'],
      ['acknowledge', lead.name, 'in-progress'],
      ['acknowledge', co.name, 'in-progress'],
      ['report-progress', co.name, 'in-progress'],
      ['explain-delay', lead.name, 'in-progress'],
    ]);
    expect(explained.history.at(-1)!.reason).toBe('规划许可需市级审批，预计延后一周。');
  });

  it('催办: a supervisor reminder is logged with time, method, content and contact person; on-site supervision needs approval (seed000-b #21)', async () => {
    on('2026-03-10');
    const before = await counts();
    const onSite = { id, method: 'on-site' as const, content: '实地查看开工准备情况', contactPerson: '李建国' };
    const unapproved = await refusalOf(rpc.request(supervision.remindItem, onSite, { actor: supervisor }));
    expect(unapproved.code).toBe('FORBIDDEN');
    expect(unapproved.message).toContain('主要负责人');
    expect((await refusalOf(rpc.request(supervision.remindItem, { ...onSite, method: 'joint' }, { actor: supervisor }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.remindItem, { ...onSite, method: 'phone' }, { actor: lead }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.remindItem, { ...onSite, method: 'fax' } as never, { actor: supervisor }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(supervision.remindItem, { ...onSite, method: 'phone', contactPerson: ' ' }, { actor: supervisor }))).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    await rpc.request(supervision.remindItem, { id, method: 'phone', content: '请于3月20日前报送办理结果', contactPerson: '李建国' }, { actor: supervisor });
    const item = await rpc.request(supervision.remindItem, { ...onSite, approvedBy: '王局长' }, { actor: supervisor });
    expect(item.reminders.map((r) => [r.method, r.content, r.contactPerson, r.approvedBy, r.sentOn, r.by.name, r.noticeKey])).toEqual([
      ['phone', '请于3月20日前报送办理结果', '李建国', null, '2026-03-10', supervisor.name, null],
      ['on-site', '实地查看开工准备情况', '李建国', '王局长', '2026-03-10', supervisor.name, null],
    ]);
    expect(item.reminders[0]!.at).toBe('2026-03-10T02:00:00.000Z');
    const reminded = (await eventsOf(id)).filter((e) => e.type === supervision.itemReminded.type);
    expect(reminded.map((e) => e.data)).toEqual([
      expect.objectContaining({ method: 'phone', noticeKey: null, leadUnit: 'QZJJ', sentOn: '2026-03-10', remindedBy: supervisor.id }),
      expect.objectContaining({ method: 'on-site', noticeKey: null }),
    ]);
    // The reminder's content stays in the log, not in the event.
    expect(JSON.stringify(reminded)).not.toContain('实地查看');
  });

  it('daily checks: the prompt 3 working days before the deadline, once; only a supervisor or admin runs them, never for a later day (seed003 #19)', async () => {
    on('2026-03-16');
    expect(mine(await daily(), id)).toEqual([]);
    on('2026-03-17');
    const first = await daily('2026-03-17');
    expect(mine(first, id)).toEqual([['prompt', '2026-03-17']]);
    const before = await counts();
    const again = await daily('2026-03-17');
    expect(again.notices).toEqual([]);
    expect(await counts()).toEqual(before);

    expect((await refusalOf(daily('2026-03-18'))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(supervision.runDailyChecks, {}, { actor: lead }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.runDailyChecks, {}, { actor: director }))).code).toBe('FORBIDDEN');
    expect((await rpc.request(supervision.runDailyChecks, { date: '2026-03-17' }, { actor: admin })).notices).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('daily checks: reminder 1 with blue on the first working day after the deadline, reminder 2 with orange 16 days later, red 16 days after that (seed000-b #20)', async () => {
    on('2026-03-20');
    expect(mine(await daily(), id)).toEqual([]); // the due date itself is on time
    on('2026-03-21');
    expect(mine(await daily(), id)).toEqual([]); // Saturday: the first reminder waits for the first working day
    on('2026-03-23');
    expect(mine(await daily(), id)).toEqual([
      ['reminder-1', '2026-03-23'],
      ['colour-blue', '2026-03-23'],
    ]);
    expect((await get(id)).colour).toBe('blue');
    on('2026-04-07');
    expect(mine(await daily(), id)).toEqual([]);
    on('2026-04-08');
    expect(mine(await daily(), id)).toEqual([
      ['reminder-2', '2026-04-08'],
      ['colour-orange', '2026-04-08'],
    ]);
    on('2026-04-24');
    expect(mine(await daily(), id)).toEqual([['colour-red', '2026-04-24']]);
    expect((await daily()).notices).toEqual([]);

    const item = await get(id);
    expect(item.colour).toBe('red');
    expect(item.notices.map((n) => [n.key, n.sentOn, n.colour])).toEqual([
      ['prompt', '2026-03-17', null],
      ['reminder-1', '2026-03-23', null],
      ['colour-blue', '2026-03-23', 'blue'],
      ['reminder-2', '2026-04-08', null],
      ['colour-orange', '2026-04-08', 'orange'],
      ['colour-red', '2026-04-24', 'red'],
    ]);
    // The overdue reminders are in the reminder log (发函催办 to the lead unit's 责任人), with the manual ones,
    // signed by whoever ran the checks (here the supervisor by hand; the timer signs as 督查室).
    expect(item.reminders.filter((r) => r.noticeKey).map((r) => [r.noticeKey, r.method, r.sentOn, r.contactPerson, r.by.name])).toEqual([
      ['prompt', 'notice', '2026-03-17', '李建国', supervisor.name],
      ['reminder-1', 'letter', '2026-03-23', '李建国', supervisor.name],
      ['reminder-2', 'letter', '2026-04-08', '李建国', supervisor.name],
    ]);
    // The full history has each reminder and colour step (the state does not change).
    expect(item.history.filter((h) => h.action === 'escalate' || (h.action === 'remind' && h.actorId === supervisor.id)).map((h) => [h.action, h.toState])).toEqual([
      ['remind', 'in-progress'],
      ['remind', 'in-progress'],
      ['remind', 'in-progress'],
      ['remind', 'in-progress'],
      ['escalate', 'in-progress'],
      ['remind', 'in-progress'],
      ['escalate', 'in-progress'],
      ['escalate', 'in-progress'],
    ]);

    const events = await eventsOf(id);
    expect(events.filter((e) => e.type === supervision.itemEscalated.type).map((e) => [(e.data as { colour: string }).colour, (e.data as { previousColour: string | null }).previousColour])).toEqual([
      ['blue', null],
      ['orange', 'blue'],
      ['red', 'orange'],
    ]);
    expect(events.filter((e) => e.type === supervision.itemReminded.type).map((e) => (e.data as { noticeKey: string | null }).noticeKey)).toEqual([
      null,
      null,
      'prompt',
      'reminder-1',
      'reminder-2',
    ]);

    // The overdue board: by colour, with the overdue days (calendar 35, working days after the due date).
    const board = await rpc.request(supervision.overdueBoard, { colour: 'red' }, { actor: director });
    expect(board.asOf).toBe('2026-04-24');
    expect(board.entries.map((e) => [e.item.id, e.colour, e.leadUnit, e.overdueCalendarDays])).toContainEqual([id, 'red', 'QZJJ', 35]);
    expect(board.byColour.red).toBeGreaterThanOrEqual(1);
    expect((await rpc.request(supervision.overdueBoard, { colour: 'blue' }, { actor: director })).entries.map((e) => e.item.id)).not.toContain(id);
    expect((await rpc.request(supervision.overdueBoard, {}, { actor: lead })).entries.every((e) => e.leadUnit === 'QZJJ' || e.item.assignees.some((a) => a.unit === 'QZJJ'))).toBe(true);
    expect((await rpc.request(supervision.overdueBoard, {}, { actor: outsider })).entries).toEqual([]);
    expect((await refusalOf(rpc.request(supervision.overdueBoard, { unit: 'QZJJ' }, { actor: outsider }))).code).toBe('FORBIDDEN');
  });

  it('report review: a co-unit may not report; minutes without the head signature are sent back with reasons, then a formal report is accepted (seed000-b #22, seed000-a #16)', async () => {
    on('2026-04-27');
    const before = await counts();
    expect((await refusalOf(rpc.request(supervision.submitReport, { id, ...formal }, { actor: co }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.acceptReport, { id }, { actor: supervisor }))).code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);

    const submitted = await rpc.request(
      supervision.submitReport,
      { id, form: 'minutes', signedByUnitHead: false, sealed: true, summary: '会议纪要：已研究部署。' },
      { actor: lead },
    );
    expect(submitted).toMatchObject({ state: 'report-submitted', stoppedOn: '2026-04-27' });

    const refused = await refusalOf(rpc.request(supervision.acceptReport, { id }, { actor: supervisor }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.details).toMatchObject({ reasons: ['not-signed', 'wrong-form'] });
    expect((await refusalOf(rpc.request(supervision.returnReport, { id, reasons: [] }, { actor: supervisor }))).code).toBe('BAD_USER_INPUT');
    const noNote = await refusalOf(rpc.request(supervision.returnReport, { id, reasons: [{ code: 'facts-unclear' }] }, { actor: supervisor }));
    expect(noNote.code).toBe('BAD_USER_INPUT');
    expect(noNote.message).toContain('facts-unclear');
    expect((await refusalOf(rpc.request(supervision.returnReport, { id, reasons: [{ code: 'not-signed' }] }, { actor: lead }))).code).toBe('FORBIDDEN');

    const returned = await rpc.request(
      supervision.returnReport,
      { id, reasons: [{ code: 'wrong-form' }, { code: 'not-signed' }, { code: 'facts-unclear', note: '未说明规划许可办理进度' }] },
      { actor: supervisor },
    );
    expect(returned).toMatchObject({ state: 'in-progress', stoppedOn: null });
    expect(returned.reports.map((r) => [r.outcome, r.form, r.reasons.map((x) => x.code)])).toEqual([['returned', 'minutes', ['wrong-form', 'not-signed', 'facts-unclear']]]);

    on('2026-04-29');
    await rpc.request(supervision.submitReport, { id, ...formal }, { actor: lead });
    const accepted = await rpc.request(supervision.acceptReport, { id }, { actor: supervisor });
    expect(accepted.state).toBe('verified');
    expect(accepted.reports.map((r) => r.outcome)).toEqual(['returned', 'accepted']);

    const events = (await eventsOf(id)).map((e) => e.type);
    expect(events.filter((t) => [supervision.itemReported.type, supervision.itemSentBack.type, supervision.itemReportAccepted.type].includes(t))).toEqual([
      supervision.itemReported.type,
      supervision.itemSentBack.type,
      supervision.itemReported.type,
      supervision.itemReportAccepted.type,
    ]);
    const sentBack = (await eventsOf(id)).find((e) => e.type === supervision.itemSentBack.type)!;
    expect(sentBack.data).toMatchObject({ leadUnit: 'QZJJ', reasons: ['wrong-form', 'not-signed', 'facts-unclear'], round: 1 });
    const reported = (await eventsOf(id)).find((e) => e.type === supervision.itemReported.type)!;
    expect(reported.data).toMatchObject({ fromUnit: 'QZJJ', late: true });
  });

  it('second round: the director feeds back, a district leader instructs again, the round goes up and the clock restarts (seed003 #17)', async () => {
    on('2026-04-30');
    expect((await refusalOf(rpc.request(supervision.feedBackItem, { id }, { actor: supervisor }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.closeItem, { id }, { actor: supervisor }))).code).toBe('CONFLICT');
    const fedBack = await rpc.request(supervision.feedBackItem, { id, note: '《督查反馈》已呈区长' }, { actor: director });
    expect(fedBack.state).toBe('fed-back');

    const before = await counts();
    expect((await refusalOf(rpc.request(supervision.instructAgain, { id, reason: '请进一步落实' }, { actor: director }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.instructAgain, { id, reason: ' ' }, { actor: leader }))).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    on('2026-05-06');
    const again = await rpc.request(supervision.instructAgain, { id, reason: '开工后要抓好质量安全，5月底前再报一次。' }, { actor: leader });
    expect(again).toMatchObject({ state: 'assigned', round: 2, assignedOn: '2026-05-06', dueOn: '2026-05-21', dueSetBy: 'class', colour: null, stoppedOn: null });
    const assignedEvents = (await eventsOf(id)).filter((e) => e.type === supervision.itemAssigned.type).map((e) => e.data);
    expect(assignedEvents.at(-1)).toMatchObject({ round: 2, assignedOn: '2026-05-06', dueOn: '2026-05-21', leadUnit: 'QZJJ', coUnits: ['QFGW'], assignedBy: leader.id });

    // The new round has its own notices: reminder 1 and blue again after the new due date.
    on('2026-05-22');
    expect(mine(await daily(), id)).toEqual([
      ['reminder-1', '2026-05-22'],
      ['colour-blue', '2026-05-22'],
    ]);
    const round2 = await get(id);
    expect(round2.notices.filter((n) => n.round === 2).map((n) => n.key)).toEqual(['reminder-1', 'colour-blue']);
    expect(round2.colour).toBe('blue');
  });

  it('办结/销号 and 立卷归档: closedAt, the closed event with the round count, then the archive (seed000-a #17)', async () => {
    on('2026-05-25');
    await rpc.request(supervision.acknowledgeItem, { id }, { actor: lead });
    await rpc.request(supervision.submitReport, { id, ...formal, summary: '项目已开工，质量安全措施落实到位。' }, { actor: lead });
    await rpc.request(supervision.acceptReport, { id }, { actor: supervisor });
    await rpc.request(supervision.feedBackItem, { id }, { actor: director });
    expect((await refusalOf(rpc.request(supervision.closeItem, { id }, { actor: director }))).code).toBe('FORBIDDEN');
    on('2026-05-26');
    const closed = await rpc.request(supervision.closeItem, { id, note: '区长已圈阅' }, { actor: supervisor });
    expect(closed).toMatchObject({ state: 'closed', closedAt: '2026-05-26T02:00:00.000Z' });
    const [row] = await service.runtime.db.$queryRawUnsafe<{ closed_at: Date }[]>('SELECT closed_at FROM supervision_item WHERE id = $1::uuid', id);
    expect(row!.closed_at.toISOString()).toBe('2026-05-26T02:00:00.000Z');
    const closedEvent = (await eventsOf(id)).find((e) => e.type === supervision.itemClosed.type)!;
    expect(closedEvent.data).toMatchObject({ rounds: 2, dueOn: '2026-05-21', onTime: false, leadUnit: 'QZJJ', sourceKind: 'manual', closedBy: supervisor.id });

    // Closed items get no more notices.
    on('2026-06-30');
    expect(mine(await daily(), id)).toEqual([]);
    const archived = await rpc.request(supervision.archiveItem, { id }, { actor: supervisor });
    expect(archived).toMatchObject({ state: 'archived', archivedAt: '2026-06-30T02:00:00.000Z', archiveTransferOn: '2027-06-30' });
    expect((await refusalOf(rpc.request(supervision.archiveItem, { id }, { actor: supervisor }))).code).toBe('CONFLICT');
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });
});

describe('the daily checks catch up, and stop while a report is under review', () => {
  it('after days without a run, the first reminder goes out now and the second 16 days after it, never both at once', async () => {
    on('2026-06-01');
    const item = await assignedItem('落实安全生产专项整治');
    expect(item.dueOn).toBe('2026-06-16');
    on('2026-07-20'); // long overdue, no run in between
    // reminder 1 was due on 17 June and goes out today; the blue notice goes with the reminder actually sent.
    expect(mine(await daily(), item.id)).toEqual([
      ['reminder-1', '2026-06-17'],
      ['colour-blue', '2026-07-20'],
    ]);
    on('2026-08-04');
    expect(mine(await daily(), item.id)).toEqual([]);

    // A report stops escalation on the day it arrives; sent back, escalation resumes.
    await rpc.request(supervision.submitReport, { id: item.id, ...formal, sealed: false }, { actor: lead });
    on('2026-08-05');
    expect(mine(await daily(), item.id)).toEqual([]);
    await rpc.request(supervision.returnReport, { id: item.id, reasons: [{ code: 'not-sealed' }] }, { actor: supervisor });
    expect(mine(await daily(), item.id)).toEqual([
      ['reminder-2', '2026-08-05'],
      ['colour-orange', '2026-08-05'],
    ]);
  });

  it("second round with the leader's own date; a date before the instruction is refused (seed 000 L356, L1312)", async () => {
    on('2026-08-10');
    const item = await assignedItem('优化政务服务窗口');
    await rpc.request(supervision.submitReport, { id: item.id, ...formal }, { actor: lead });
    await rpc.request(supervision.acceptReport, { id: item.id }, { actor: supervisor });
    await rpc.request(supervision.feedBackItem, { id: item.id }, { actor: director });
    const before = await counts();
    const early = await refusalOf(rpc.request(supervision.instructAgain, { id: item.id, reason: '再抓落实', dueOn: '2026-08-09' }, { actor: leader }));
    expect(early.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    // A district leader's date may be later than the class date (it overrides the class).
    const again = await rpc.request(supervision.instructAgain, { id: item.id, reason: '再抓落实', dueOn: '2026-09-30' }, { actor: leader });
    expect(again).toMatchObject({ round: 2, dueOn: '2026-09-30', dueSetBy: 'district-leader', assignedOn: '2026-08-10' });
  });

  it('the timer runs the same checks for today as 督查室 (off in tests, run here by hand)', async () => {
    on('2026-08-21');
    const timer = service.runtime.app.get(DailyChecksTimer);
    const result = await timer.runNow();
    expect(result.date).toBe('2026-08-21');
    const reds = result.notices.filter((n) => n.key === 'colour-red');
    expect(reds.length).toBeGreaterThanOrEqual(1);
    const item = await get(reds[0]!.itemId);
    expect(item.history.at(-1)).toMatchObject({ action: 'escalate', actorName: '督查室（每日督查检查）', actorId: 'system:supervision-daily-checks' });
    expect((await timer.runNow()).notices).toEqual([]);
  });

  it('two runs at once record each notice once', async () => {
    on('2026-09-01');
    const item = await assignedItem('整治城区违规停车');
    on('2026-09-30');
    const [a, b] = await Promise.all([daily(), daily()]);
    expect([...mine(a, item.id), ...mine(b, item.id)].sort()).toEqual([
      ['colour-blue', '2026-09-30'],
      ['reminder-1', '2026-09-17'],
    ]);
    expect((await get(item.id)).notices.map((n) => n.key)).toEqual(['reminder-1', 'colour-blue']);
  });

  it("my items: a unit liaison's unit only, every item for the office; the item with its full history", async () => {
    const forLead = await rpc.request(supervision.myItems, {}, { actor: lead });
    expect(forLead.total).toBeGreaterThanOrEqual(2);
    expect(forLead.items.every((i) => i.assignees.some((a) => a.unit === 'QZJJ'))).toBe(true);
    expect((await rpc.request(supervision.myItems, {}, { actor: outsider })).total).toBe(0);
    const all = await rpc.request(supervision.myItems, { limit: 200 }, { actor: supervisor });
    expect(all.total).toBe((await counts()).items);
    const open = await rpc.request(supervision.myItems, { state: 'in-progress' }, { actor: director });
    expect(open.items.every((i) => i.state === 'in-progress')).toBe(true);
    expect((await refusalOf(rpc.request(supervision.myItems, {}, { actor: testActor('clerk') }))).code).toBe('FORBIDDEN');
  });

  it('declining: the director only, with a reason', async () => {
    const item = await rpc.request(supervision.openItem, { title: '调研', content: '开展营商环境调研。', class: 'routine' }, { actor: supervisor });
    const before = await counts();
    expect((await refusalOf(rpc.request(supervision.declineItem, { id: item.id, reason: '不属督查范围' }, { actor: supervisor }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.declineItem, { id: item.id, reason: '' }, { actor: director }))).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    const declined = await rpc.request(supervision.declineItem, { id: item.id, reason: '不属督查范围' }, { actor: director });
    expect(declined.state).toBe('declined');
    expect((await eventsOf(item.id)).map((e) => e.type)).toEqual([supervision.itemCreated.type, supervision.itemDeclined.type]);
    expect((await refusalOf(rpc.request(supervision.admitItem, { id: item.id }, { actor: director }))).code).toBe('CONFLICT');
  });
});
