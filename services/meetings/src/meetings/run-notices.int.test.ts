import type { NatsConnection } from '@nats-io/transport-node';
import { meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';
import { MeetingNoticeTimer, noticeTimerConfig } from './run-notices.timer.js';

/**
 * The meeting-notice timer (issue 4 §3) over NATS against a real database with a fixed clock: the report to the
 * chair at T−5 and not at T−6, once (seed 004 L143; SCENARIOS.md seed000-a #6), and the daily list of units that
 * have not signed at close of business (17:00) on working days only, once per meeting and day (seed 000 L60;
 * SCENARIOS.md seed000-a #7). April 2026: Thu 2 and Fri 3 are working days, Sat 4 – Mon 6 April are the 清明节
 * holiday, Tue 7 and Wed 8 working days.
 */
let current = new Date('2026-03-30T02:00:00Z');
const clock = { now: () => new Date(current.getTime()) };
const at = (beijing: string) => {
  current = new Date(`${beijing.replace(' ', 'T')}:00+08:00`);
};

const clerk = testActor('clerk');
const admin = testActor('admin');
const deputy = testActor('deputy-director');
const leader = testActor('district-leader');
const liaison = (unit: string) => testActor('unit-liaison', { unit });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const events = async (type: string) => {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).map((e) => e.envelope).filter((e) => e.type === type);
};
const pushes = (kind: string) =>
  service.runtime.db.$queryRawUnsafe<Array<{ meeting_id: string; on_date: string; as_of: Date; details: Record<string, unknown>; recorded_by: string }>>(
    `SELECT meeting_id, on_date, as_of, details, recorded_by FROM meeting_notice_push WHERE kind = $1 ORDER BY on_date, meeting_id`,
    kind,
  );
const run = (input: { at?: string } = {}, actor = clerk) => rpc.request(meetings.runMeetingNotices, input, { actor });

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(meetingsService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

const committee: meetings.PlanMeetingInput = {
  typeCode: 'standing-committee',
  title: '区委常委会第14次会议',
  place: '区委第一会议室',
  startsAt: '2026-04-08T01:00:00Z', // Wed 8 April 09:00 Beijing
  endsAt: '2026-04-08T03:00:00Z',
  chair: '区委书记',
  attendees: ['甲', '乙', '丙', '丁'],
  recipientUnits: ['QFGW', 'QCZJ', 'QZJJ'],
  majorIssues: true,
};

async function approved(input: meetings.PlanMeetingInput): Promise<string> {
  const planned = await rpc.request(meetings.planMeeting, input, { actor: clerk });
  await rpc.request(meetings.reviewMeetingPlan, { id: planned.id }, { actor: deputy });
  await rpc.request(meetings.approveMeetingPlan, { id: planned.id }, { actor: leader });
  return planned.id;
}

describe('the meeting-notice timer (issue 4 §3: report to the chair, daily unsigned list)', () => {
  let meetingId: string;
  let notNotifiedId: string;

  it('is on by default, off under NODE_ENV=test, and refuses a bad value', () => {
    expect(noticeTimerConfig({})).toEqual({ enabled: true, everyMs: 60_000 });
    expect(noticeTimerConfig({ NODE_ENV: 'test' }).enabled).toBe(false);
    expect(noticeTimerConfig({ NODE_ENV: 'test', MEETINGS_NOTICE_TIMER: 'on' }).enabled).toBe(true);
    expect(noticeTimerConfig({ MEETINGS_NOTICE_TIMER: 'off' }).enabled).toBe(false);
    expect(() => noticeTimerConfig({ MEETINGS_NOTICE_TIMER: 'sometimes' })).toThrow(/MEETINGS_NOTICE_TIMER/);
  });

  it('plans and notifies a 常委会 (notice Thu 2 April 10:00; one unit signs at 15:00), and a second meeting not yet notified', async () => {
    at('2026-03-30 10:00');
    meetingId = await approved(committee);
    notNotifiedId = await approved({ ...committee, title: '区委常委会第15次会议', startsAt: '2026-04-09T01:00:00Z', endsAt: '2026-04-09T03:00:00Z' });
    at('2026-04-02 10:00');
    expect((await rpc.request(meetings.issueNotice, { id: meetingId }, { actor: clerk })).state).toBe('notified');
    at('2026-04-02 15:00');
    await rpc.request(meetings.signForNotice, { id: meetingId, unit: 'QZJJ' }, { actor: liaison('QZJJ') });
  });

  it('refuses a caller who is not a clerk or an administrator, and an instant after now', async () => {
    at('2026-04-02 16:00');
    expect((await refusalOf(run({}, liaison('QFGW')))).code).toBe('FORBIDDEN');
    expect((await refusalOf(run({}, deputy))).code).toBe('FORBIDDEN');
    const future = await refusalOf(run({ at: '2026-04-02T08:01:00.000Z' }));
    expect([future.code, future.details?.field]).toEqual(['BAD_USER_INPUT', 'at']);
    expect(await run({}, admin)).toEqual({ at: '2026-04-02T08:00:00.000Z', reports: [], unsignedCheckAt: null, unsignedLists: [] });
  });

  it('lists no unit before close of business, then at 17:00 exactly the unsigned units of the notified meeting, once (SCENARIOS seed000-a #7)', async () => {
    at('2026-04-02 16:59');
    expect(await run()).toMatchObject({ unsignedCheckAt: null, unsignedLists: [] });
    at('2026-04-02 17:00');
    const first = await run();
    expect(first).toEqual({
      at: '2026-04-02T09:00:00.000Z',
      reports: [],
      unsignedCheckAt: '2026-04-02T09:00:00.000Z',
      unsignedLists: [{ meetingId, date: '2026-04-02', units: ['QCZJ', 'QFGW'] }],
    });
    at('2026-04-02 18:30');
    expect((await run()).unsignedLists).toEqual([]); // the same day again: nothing new
    expect((await run({ at: '2026-04-02T09:00:00.000Z' })).unsignedLists).toEqual([]); // the same instant again
    const listed = await events(meetings.noticeUnsignedListed.type);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.subject).toBe(meetingId);
    expect(listed[0]!.data).toEqual({
      meetingId,
      date: '2026-04-02',
      checkAt: '2026-04-02T09:00:00.000Z',
      units: ['QCZJ', 'QFGW'],
      listedAt: '2026-04-02T09:00:00.000Z',
      listedBy: clerk.id,
    });
    expect(listed.some((e) => (e.data as { meetingId: string }).meetingId === notNotifiedId)).toBe(false);
    expect(await pushes('unsigned-list')).toEqual([
      { meeting_id: meetingId, on_date: '2026-04-02', as_of: new Date('2026-04-02T09:00:00.000Z'), details: { units: ['QCZJ', 'QFGW'] }, recorded_by: clerk.id },
    ]);
  });

  it('drops a unit that signed from the next day\'s list; no list on the weekend and the 清明 holiday; the timer lists on Tuesday', async () => {
    at('2026-04-03 10:00');
    await rpc.request(meetings.signForNotice, { id: meetingId, unit: 'QFGW' }, { actor: liaison('QFGW') });
    at('2026-04-03 17:05');
    // Two runs at once (the timer and a clerk): one records the list, the other finds it recorded.
    const both = await Promise.all([run(), run({}, admin)]);
    expect(both.flatMap((r) => r.unsignedLists)).toEqual([{ meetingId, date: '2026-04-03', units: ['QCZJ'] }]);
    for (const day of ['2026-04-04', '2026-04-05', '2026-04-06']) {
      at(`${day} 18:00`); // Saturday, Sunday, Monday 清明节: the office is closed
      expect(await run()).toMatchObject({ unsignedCheckAt: null, unsignedLists: [] });
    }
    at('2026-04-07 17:00');
    const timer = service.runtime.app.get(MeetingNoticeTimer);
    expect((await timer.runNow()).unsignedLists).toEqual([{ meetingId, date: '2026-04-07', units: ['QCZJ'] }]);
    expect((await timer.runNow()).unsignedLists).toEqual([]);

    const listed = await events(meetings.noticeUnsignedListed.type);
    expect(listed.map((e) => [(e.data as { date: string }).date, (e.data as { units: string[] }).units])).toEqual([
      ['2026-04-02', ['QCZJ', 'QFGW']],
      ['2026-04-03', ['QCZJ']],
      ['2026-04-07', ['QCZJ']],
    ]);
    expect(listed.at(-1)!.data).toMatchObject({ listedBy: 'system:meetings-notice-timer' });
    expect(listed.map((e) => e.subject)).toEqual([meetingId, meetingId, meetingId]);
    expect((await pushes('unsigned-list')).map((r) => [r.on_date, r.details])).toEqual([
      ['2026-04-02', { units: ['QCZJ', 'QFGW'] }],
      ['2026-04-03', { units: ['QCZJ'] }],
      ['2026-04-07', { units: ['QCZJ'] }],
    ]);
  });

  it('reports attendance to the chair at T−5 (08:55) and not at T−6, once, as it stood at 08:55 (SCENARIOS seed000-a #6)', async () => {
    at('2026-04-08 08:30');
    await rpc.request(meetings.signIn, { id: meetingId, attendeeId: '甲' }, { actor: clerk });
    await rpc.request(meetings.requestLeave, { id: meetingId, attendeeId: '丁', reason: '出差', approved: true }, { actor: clerk });
    at('2026-04-08 08:54');
    expect(await run()).toEqual({ at: '2026-04-08T00:54:00.000Z', reports: [], unsignedCheckAt: null, unsignedLists: [] });
    expect(await events(meetings.meetingAttendanceReported.type)).toEqual([]);
    await rpc.request(meetings.signIn, { id: meetingId, attendeeId: '乙' }, { actor: clerk });

    at('2026-04-08 08:55');
    const report = { meetingId, dueAt: '2026-04-08T00:55:00.000Z', present: ['甲', '乙'], onLeave: ['丁'], notArrived: ['丙'] };
    expect((await run()).reports).toEqual([report]);
    // The same as the chair-report query.
    expect(await rpc.request(meetings.chairReport, { id: meetingId }, { actor: clerk })).toEqual({
      dueAt: report.dueAt,
      present: ['甲', '乙'],
      onLeave: [{ attendeeId: '丁', reason: '出差' }],
      notArrived: ['丙'],
    });
    at('2026-04-08 08:57');
    await rpc.request(meetings.signIn, { id: meetingId, attendeeId: '丙' }, { actor: clerk }); // after the report
    expect((await run()).reports).toEqual([]);
    expect((await run({ at: '2026-04-08T00:55:00.000Z' })).reports).toEqual([]);

    const reported = await events(meetings.meetingAttendanceReported.type);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.subject).toBe(meetingId);
    expect(reported[0]!.data).toEqual({
      meetingId,
      typeCode: 'standing-committee',
      startsAt: '2026-04-08T01:00:00.000Z',
      dueAt: '2026-04-08T00:55:00.000Z',
      present: 2,
      onLeave: 1,
      notArrived: 1,
      presentIds: ['甲', '乙'],
      onLeaveIds: ['丁'],
      notArrivedIds: ['丙'],
      reportedAt: '2026-04-08T00:55:00.000Z',
      reportedBy: clerk.id,
    });
    expect(JSON.stringify(reported[0]!.data)).not.toContain(committee.title);
    expect(await pushes('attendance-report')).toEqual([
      {
        meeting_id: meetingId,
        on_date: '2026-04-08',
        as_of: new Date('2026-04-08T00:55:00.000Z'),
        details: { present: ['甲', '乙'], onLeave: ['丁'], notArrived: ['丙'] },
        recorded_by: clerk.id,
      },
    ]);
  });

  it('sends no report once the meeting has begun (the timer was down) and no list for a meeting already begun', async () => {
    at('2026-04-08 09:01');
    const r = await run();
    expect(r.reports).toEqual([]);
    at('2026-04-08 17:00');
    expect((await run()).unsignedLists).toEqual([]);
    expect(await events(meetings.meetingAttendanceReported.type)).toHaveLength(1);
    // The meeting not yet notified gets no report even when its start is near.
    at('2026-04-09 08:56');
    expect((await run()).reports).toEqual([]);
    expect(await events(meetings.meetingAttendanceReported.type)).toHaveLength(1);
  });

  it('audits each push once (one entry per row), on an intact audit chain', async () => {
    const audit = await service.runtime.db.$queryRawUnsafe<Array<{ action: string; n: bigint }>>(
      `SELECT action, count(*) n FROM audit_log WHERE action IN ('meeting.attendance-report', 'meeting.unsigned-list') GROUP BY action ORDER BY action`,
    );
    expect(audit.map((r) => [r.action, Number(r.n)])).toEqual([
      ['meeting.attendance-report', 1],
      ['meeting.unsigned-list', 3],
    ]);
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });
});
