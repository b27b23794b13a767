import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '@gov/calendar';
import { meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

// The clock moves: collection on Monday 2 March 2026 for the week of Monday 9 March, whose table is due by close
// of business (17:00, D2) on Monday 9 March (D7: the Monday of the week covered).
let now = new Date('2026-03-02T02:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const at = (iso: string) => (now = new Date(iso));

const clerk = testActor('clerk');
const chief = testActor('section-chief');
const deputy = testActor('deputy-director');
const director = testActor('director');
const SECRETARY = '00000000-0000-4000-8000-00000000a001';
const MAYOR = '00000000-0000-4000-8000-00000000a002';
const secretary = testActor('district-leader', { id: SECRETARY, name: '区委书记' });
const mayor = testActor('district-leader', { id: MAYOR, name: '区长' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const events = async (type: string) => (await readEventStream(nc, space)).map((e) => e.envelope).filter((e) => e.type === type);
const step = (id: string, action: (typeof meetings.SCHEDULE_STEP_ACTIONS)[number], who: typeof clerk, reason?: string) =>
  rpc.request(meetings.advanceSchedule, { id, action, ...(reason ? { reason } : {}) }, { actor: who });

async function counts() {
  const db = service.runtime.db;
  const n = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);
  return { schedules: await n('weekly_schedule'), entries: await n('weekly_schedule_entry'), history: await n('weekly_schedule_history'), outbox: await n('outbox') };
}

/** An approved higher-level meeting on Wednesday 11 March with the Party secretary attending. */
async function approvedRequest(startsAt = '2026-03-11T06:00:00Z', endsAt = '2026-03-11T08:00:00Z') {
  const r = await rpc.request(
    meetings.registerRequest,
    {
      type: 'higher-level-meeting',
      title: '全市招商引资工作推进会',
      requestingUnit: '市政府办公厅',
      startsAt,
      endsAt,
      place: '市民中心会议厅',
      scale: 200,
      content: '推进招商引资',
      participants: ['区委书记'],
      agenda: ['市领导讲话'],
    },
    { actor: clerk },
  );
  const opinion = {
    time: '3月11日下午', place: '市民中心', attendingHigherLeaders: ['市长'], districtAttendees: ['区委书记'],
    reportOrSpeechNeeded: false, proposedDistrictLeaders: ['区委书记'], materialsPreparation: '区投资促进局准备材料',
  };
  await rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion, proposedLeaderIds: [SECRETARY] }, { actor: clerk });
  for (const [action, who] of [['review', chief], ['review', deputy], ['submit-to-leader', clerk], ['approve', secretary]] as const) {
    await rpc.request(meetings.advanceRequest, { id: r.id, action }, { actor: who });
  }
  return r;
}

const entry = (over: Partial<meetings.ScheduleEntryInput>): meetings.ScheduleEntryInput => ({
  source: 'npc-office',
  startsAt: '2026-03-10T01:00:00Z', // Tuesday 10 March 09:00
  endsAt: '2026-03-10T03:00:00Z',
  place: '区人大常委会会议室',
  content: '区人大常委会第十二次会议',
  leaderIds: [SECRETARY],
  hostUnit: '区人大办',
  accompanyingSections: ['综合一科'],
  ...over,
});

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

describe('周表 over NATS against a real database (issue 4 §2)', () => {
  it('collects approved requests with the NPC/CPPCC/discipline pre-arrangements, screens, flags a leader’s clash, the deputy resolves it, both approvals, issued on time, amended with notices', async () => {
    const request = await approvedRequest();
    const collected = await rpc.request(
      meetings.collectSchedule,
      {
        weekMonday: '2026-03-09',
        partySecretaryId: SECRETARY,
        districtMayorId: MAYOR,
        entries: [
          entry({}),
          entry({ source: 'cppcc-office', startsAt: '2026-03-10T02:00:00Z', endsAt: '2026-03-10T04:00:00Z', place: '区政协会议室', content: '区政协主席会议', hostUnit: '区政协办' }),
          entry({ source: 'discipline-office', startsAt: '2026-03-12T01:00:00Z', endsAt: '2026-03-12T02:00:00Z', place: '区纪委会议室', content: '党风廉政建设专题会', leaderIds: [MAYOR], hostUnit: '区纪委办' }),
          entry({ source: 'leader-instruction', startsAt: '2026-03-13T01:00:00Z', endsAt: '2026-03-13T02:00:00Z', place: '某街道', content: '调研（待定）', leaderIds: [MAYOR], hostUnit: '某街道办事处' }),
        ],
      },
      { actor: clerk },
    );
    expect(collected).toMatchObject({ state: 'collected', weekMonday: '2026-03-09', issueDueAt: '2026-03-09T09:00:00.000Z' });
    expect(collected.entries.map((e) => e.source)).toEqual(['npc-office', 'cppcc-office', 'approved-request', 'discipline-office', 'leader-instruction']);
    const fromRequest = collected.entries.find((e) => e.source === 'approved-request')!;
    expect(fromRequest).toMatchObject({ requestId: request.id, leaderIds: [SECRETARY], hostUnit: '市政府办公厅', content: '全市招商引资工作推进会' });
    // One table per week.
    expect((await refusalOf(rpc.request(meetings.collectSchedule, { weekMonday: '2026-03-09', partySecretaryId: SECRETARY, districtMayorId: MAYOR }, { actor: clerk }))).code).toBe('CONFLICT');

    const pending = collected.entries.find((e) => e.source === 'leader-instruction')!;
    const screened = await rpc.request(meetings.screenSchedule, { id: collected.id, exclusions: [{ entryId: pending.id, reason: '时间未定，下周再排' }] }, { actor: clerk });
    expect(screened.entries.find((e) => e.id === pending.id)).toMatchObject({ excluded: true, excludedReason: '时间未定，下周再排' });

    // The NPC and CPPCC meetings overlap on Tuesday morning for the secretary: the draft is flagged at once.
    const drafted = await rpc.request(meetings.draftSchedule, { id: collected.id }, { actor: clerk });
    expect(drafted.state).toBe('in-conflict');
    const [npc, cppcc] = [drafted.entries[0]!, drafted.entries[1]!];
    expect(drafted.conflicts).toEqual([{ kind: 'leader-time', subject: SECRETARY, entryIds: [npc.id, cppcc.id] }]);
    expect(drafted.history.slice(-2).map((h) => [h.action, h.toState])).toEqual([['draft', 'draft'], ['flag-conflict', 'in-conflict']]);
    expect((await refusalOf(step(collected.id, 'review', chief))).code).toBe('CONFLICT');

    // Only the deputy director resolves, and only completely.
    const change = { entryId: cppcc.id, startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T08:00:00Z' };
    expect((await refusalOf(rpc.request(meetings.resolveScheduleConflicts, { id: collected.id, changes: [change], reason: '协调' }, { actor: clerk }))).code).toBe('FORBIDDEN');
    const before = await counts();
    const partial = { entryId: cppcc.id, startsAt: '2026-03-10T02:30:00Z' };
    expect((await refusalOf(rpc.request(meetings.resolveScheduleConflicts, { id: collected.id, changes: [partial], reason: '协调' }, { actor: deputy }))).code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    const resolved = await rpc.request(meetings.resolveScheduleConflicts, { id: collected.id, changes: [change], reason: '政协主席会议改在下午' }, { actor: deputy });
    expect(resolved).toMatchObject({ state: 'draft', conflicts: [] });

    await step(collected.id, 'review', chief);
    await step(collected.id, 'review', deputy);
    await step(collected.id, 'submit-to-director', deputy);
    await step(collected.id, 'read', director);

    // SCENARIOS seed000-a #4: the secretary's approval alone does not allow issuing; only the post holder approves as that post.
    expect((await refusalOf(step(collected.id, 'approve-as-party-secretary', mayor))).code).toBe('FORBIDDEN');
    expect((await step(collected.id, 'approve-as-party-secretary', secretary)).state).toBe('secretary-approved');
    expect((await refusalOf(rpc.request(meetings.issueSchedule, { id: collected.id }, { actor: clerk }))).code).toBe('CONFLICT');
    const approved = await step(collected.id, 'approve-as-district-mayor', mayor);
    expect(approved).toMatchObject({ state: 'approved', secretaryApprovedAt: now.toISOString(), mayorApprovedAt: now.toISOString() });

    at('2026-03-09T07:30:00Z'); // Monday 15:30 Beijing: on time
    const issued = await rpc.request(meetings.issueSchedule, { id: collected.id }, { actor: clerk });
    expect(issued).toMatchObject({ state: 'issued', issuedLate: false, issuedAt: '2026-03-09T07:30:00.000Z' });
    const ev = await eventually(async () => (await events(meetings.scheduleIssued.type)).find((e) => e.subject === collected.id));
    expect(ev.data).toMatchObject({ weekMonday: '2026-03-09', late: false, entryCount: 4, leaderIds: [SECRETARY, MAYOR].sort(), dueAt: '2026-03-09T09:00:00.000Z' });

    // A leader's week: the secretary's entries in time order; the mayor may not read the secretary's week.
    const week = await rpc.request(meetings.leaderWeek, { weekMonday: '2026-03-09' }, { actor: secretary });
    expect(week.entries.map((e) => e.content)).toEqual(['区人大常委会第十二次会议', '区政协主席会议', '全市招商引资工作推进会']);
    expect((await refusalOf(rpc.request(meetings.leaderWeek, { weekMonday: '2026-03-09', leaderId: SECRETARY }, { actor: mayor }))).code).toBe('FORBIDDEN');
    expect((await rpc.request(meetings.leaderWeek, { weekMonday: '2026-03-09', leaderId: MAYOR }, { actor: clerk })).entries).toHaveLength(1);

    // Amendments: a clash is refused; a move is notified to the leaders, host units and accompanying sections.
    at('2026-03-10T00:00:00Z');
    const clash = { entryId: drafted.entries.find((e) => e.source === 'discipline-office')!.id, leaderIds: [SECRETARY, MAYOR], startsAt: '2026-03-10T01:30:00Z', endsAt: '2026-03-10T02:30:00Z' };
    expect((await refusalOf(rpc.request(meetings.amendSchedule, { id: collected.id, changes: [clash], reason: '调整' }, { actor: clerk }))).code).toBe('CONFLICT');
    expect((await refusalOf(rpc.request(meetings.amendSchedule, { id: collected.id, reason: '无' }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    const amended = await rpc.request(
      meetings.amendSchedule,
      { id: collected.id, changes: [{ entryId: npc.id, startsAt: '2026-03-10T00:30:00Z', endsAt: '2026-03-10T02:30:00Z' }], reason: '人大常委会会议提前半小时' },
      { actor: clerk },
    );
    expect(amended).toMatchObject({ state: 'amended', amendmentCount: 1 });
    const amendEvent = await eventually(async () => (await events(meetings.scheduleAmended.type)).find((e) => e.subject === collected.id));
    expect(amendEvent.data).toMatchObject({
      amendmentNo: 1,
      changes: [{ entryId: npc.id, change: 'changed' }],
      notifyLeaderIds: [SECRETARY],
      notifyUnits: ['区人大办'],
      notifySections: ['综合一科'],
    });

    // A request approved after collection joins the issued table by amendment, once.
    // At the same time as the first it would clash for the secretary (CONFLICT); on Thursday afternoon it fits.
    const clashing = await approvedRequest();
    expect((await refusalOf(rpc.request(meetings.amendSchedule, { id: collected.id, addRequestIds: [clashing.id], reason: '增补' }, { actor: clerk }))).code).toBe('CONFLICT');
    const late = await approvedRequest('2026-03-12T06:00:00Z', '2026-03-12T08:00:00Z');
    const withRequest = await rpc.request(meetings.amendSchedule, { id: collected.id, addRequestIds: [late.id], reason: '增补市里临时通知的会议' }, { actor: clerk });
    expect(withRequest.entries.filter((e) => e.requestId === late.id)).toHaveLength(1);
    expect(withRequest.amendmentCount).toBe(2);
    expect((await refusalOf(rpc.request(meetings.amendSchedule, { id: collected.id, addRequestIds: [late.id], reason: '重复' }, { actor: clerk }))).code).toBe('CONFLICT');
  });

  it('SCENARIOS seed000-a #4: issued after close of business on Monday is flagged late, and the event says so', async () => {
    at('2026-03-09T02:00:00Z');
    const s = await rpc.request(
      meetings.collectSchedule,
      { weekMonday: '2026-03-16', partySecretaryId: SECRETARY, districtMayorId: MAYOR, entries: [entry({ startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T02:00:00Z' })] },
      { actor: clerk },
    );
    // Nothing outside the week, and the week starts on a Monday.
    expect((await refusalOf(rpc.request(meetings.collectSchedule, { weekMonday: '2026-03-24', partySecretaryId: SECRETARY, districtMayorId: MAYOR }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(meetings.collectSchedule, { weekMonday: '2026-03-23', partySecretaryId: SECRETARY, districtMayorId: MAYOR, entries: [entry({})] }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    await rpc.request(meetings.screenSchedule, { id: s.id }, { actor: clerk });
    expect((await rpc.request(meetings.draftSchedule, { id: s.id }, { actor: clerk })).state).toBe('draft');
    await step(s.id, 'review', chief);
    await step(s.id, 'send-back', deputy, '请补充区领导陪同人员');
    await step(s.id, 'review', chief);
    await step(s.id, 'review', deputy);
    await step(s.id, 'submit-to-director', deputy);
    await step(s.id, 'read', director);
    await step(s.id, 'approve-as-district-mayor', mayor);
    await step(s.id, 'approve-as-party-secretary', secretary);
    at('2026-03-16T09:30:00Z'); // Monday 17:30 Beijing
    const issued = await rpc.request(meetings.issueSchedule, { id: s.id }, { actor: clerk });
    expect(issued).toMatchObject({ state: 'issued', issuedLate: true, issueDueAt: '2026-03-16T09:00:00.000Z' });
    const ev = await eventually(async () => (await events(meetings.scheduleIssued.type)).find((e) => e.subject === s.id));
    expect(ev.data).toMatchObject({ late: true });
    const tasks = await rpc.request(meetings.myTasks, {}, { actor: clerk });
    expect(tasks.tasks.find((t) => t.id === s.id)?.actions).toEqual(['amend']);
  });
});
