import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { listNumbers, verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, eventually, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

// Monday 2 March 2026, 10:00 Beijing time. The 10th working day before Monday 16 March is 2 March itself (D1:
// the N-th working day before the meeting date), so a request received now for the 16th passes; for
// Wednesday 11 March it is only 7 working days ahead (SCENARIOS.md seed000-a #1).
const NOW = new Date('2026-03-02T02:00:00Z');
const clerk = testActor('clerk');
const chief = testActor('section-chief');
const deputy = testActor('deputy-director');
const leader = testActor('district-leader');
const foreignAffairs = testActor('foreign-affairs-officer');
const petitions = testActor('petition-officer');

const complete: meetings.RegisterRequestInput = {
  type: 'unit-meeting',
  title: '关于召开全区安全生产工作会议的请示',
  requestingUnit: '区应急管理局',
  startsAt: '2026-03-16T01:30:00Z', // Monday 16 March 09:30 Beijing
  endsAt: '2026-03-16T03:30:00Z',
  place: '区行政中心第一会议室',
  scale: 120,
  content: '部署2026年全区安全生产工作',
  participants: ['各街道办事处主要负责人', '区直各部门分管负责人'],
  agenda: ['通报2025年安全生产情况', '区领导讲话'],
  affectedDepartments: ['区住建局'],
  consultedDepartments: ['区住建局'],
  declaredAttachments: ['会议议程', '讲话稿'],
  attachedAttachments: ['会议议程', '讲话稿'],
  leaderToSpeak: true,
  speechDraftAttached: true,
};

const unitOpinion = {
  time: '3月16日上午9:30',
  place: '区行政中心第一会议室',
  proposedLeadersAndDepartments: ['分管副区长', '区应急管理局'],
  content: '部署安全生产工作',
  agenda: ['通报情况', '领导讲话'],
};

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

async function counts() {
  const db = service.runtime.db;
  const n = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`))[0]!.n);
  return { requests: await n('meeting_request'), history: await n('meeting_request_history'), outbox: await n('outbox'), audit: await n('audit_log') };
}

const events = async (type: string) =>
  (await readEventStream(nc, space)).map((e) => e.envelope).filter((e) => e.type === type);

const register = (input: Partial<meetings.RegisterRequestInput> = {}) =>
  rpc.request(meetings.registerRequest, { ...complete, ...input }, { actor: clerk });
const advance = (id: string, action: (typeof meetings.REQUEST_STEP_ACTIONS)[number], who = clerk, reason?: string) =>
  rpc.request(meetings.advanceRequest, { id, action, ...(reason ? { reason } : {}) }, { actor: who });

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(meetingsService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('会议、活动收文 over NATS against a real database (issue 4 §1)', () => {
  it('registers and numbers a complete request 10 working days ahead, admits it, and walks the chain clerk → chief → deputy → leader → 办复', async () => {
    const r = await register();
    expect(r).toMatchObject({ registerNumber: '会议收文〔2026〕1号', state: 'registered', admitted: true, reasons: [] });
    await eventually(async () => ((await events(meetings.requestAdmitted.type)).some((e) => e.subject === r.id) ? true : undefined));

    // The opinion's content depends on the type: a unit's meeting needs time, place, leaders and departments, content, agenda.
    const before = await counts();
    const lacking = await refusalOf(rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion: { time: '3月16日' } }, { actor: clerk }));
    expect(lacking.code).toBe('BAD_USER_INPUT');
    expect(lacking.details).toMatchObject({ missing: ['place', 'proposedLeadersAndDepartments', 'content', 'agenda'] });
    expect(await counts()).toEqual(before);

    await rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion: unitOpinion, proposedLeaderIds: [leader.id] }, { actor: clerk });
    // The chain: a clerk may not review for the chief; the deputy may not review before the chief.
    expect((await refusalOf(advance(r.id, 'review', clerk))).code).toBe('FORBIDDEN');
    expect((await refusalOf(advance(r.id, 'submit-to-leader', clerk))).code).toBe('CONFLICT');
    await advance(r.id, 'review', chief);
    await advance(r.id, 'review', deputy);
    await advance(r.id, 'submit-to-leader', clerk);
    expect((await refusalOf(advance(r.id, 'approve', deputy))).code).toBe('FORBIDDEN');
    const approved = await advance(r.id, 'approve', leader);
    expect(approved).toMatchObject({ state: 'approved', approvedAt: NOW.toISOString(), proposedLeaderIds: [leader.id] });

    const replied = await rpc.request(meetings.replyRequest, { id: r.id }, { actor: clerk });
    expect(replied.state).toBe('replied');
    expect(replied.replyTasks).toEqual([{ to: 'requesting-unit', what: 'prepare-meeting-service' }]);
    expect(replied.history.map((h) => h.action)).toEqual(['register', 'draft-opinion', 'review', 'review', 'submit-to-leader', 'approve', 'reply']);
    expect(replied.history.map((h) => h.actorName)).toEqual([clerk.name, clerk.name, chief.name, deputy.name, clerk.name, leader.name, clerk.name]);

    await eventually(async () => {
      const [approvedEvents, repliedEvents] = [await events(meetings.requestApproved.type), await events(meetings.requestReplied.type)];
      return approvedEvents.some((e) => e.subject === r.id) && repliedEvents.some((e) => e.subject === r.id) ? true : undefined;
    });
    const [ev] = (await events(meetings.requestApproved.type)).filter((e) => e.subject === r.id);
    expect(ev!.data).toMatchObject({ registerNumber: r.registerNumber, leaderIds: [leader.id], approvedBy: leader.id });
  });

  it('SCENARIOS seed000-a #1: 7 working days ahead fails review; it is returned via 承办人 → 科长 → 分管副主任 with the reason', async () => {
    const r = await register({ startsAt: '2026-03-11T01:30:00Z', endsAt: '2026-03-11T03:30:00Z', title: '关于某街道召开社区治理现场会的请示', requestingUnit: '某街道办事处' });
    expect(r.admitted).toBe(false);
    expect(r.reasons).toEqual([
      expect.objectContaining({ check: 'lead-time', items: ['10 working days'], workingDaysAhead: 7, latestDate: '2026-02-26' }), // Sat 28 Feb is a make-up working day
    ]);
    // Not processed: no opinion for a request that fails review.
    const refused = await refusalOf(rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion: unitOpinion }, { actor: clerk }));
    expect(refused.code).toBe('CONFLICT');

    await rpc.request(meetings.proposeRequestReturn, { id: r.id, reason: '报文时间不足10个工作日' }, { actor: clerk });
    expect((await refusalOf(advance(r.id, 'approve-return', deputy))).code).toBe('CONFLICT'); // the chief endorses first
    await advance(r.id, 'endorse-return', chief);
    const returned = await advance(r.id, 'approve-return', deputy);
    expect(returned.state).toBe('returned');
    const ev = await eventually(async () => (await events(meetings.requestReturned.type)).find((e) => e.subject === r.id));
    expect(ev.data).toMatchObject({ registerNumber: r.registerNumber, requestingUnit: '某街道办事处', reasons: [{ check: 'lead-time', items: ['10 working days'] }], returnedBy: deputy.id });
    expect((await events(meetings.requestAdmitted.type)).some((e) => e.subject === r.id)).toBe(false);
  });

  it('SCENARIOS seed000-a #2 and #3, and every other check: all failed checks are the reasons, in the seed’s order', async () => {
    const r = await register({
      place: undefined,
      agenda: [],
      matterCount: 2, // 一文数事
      affectedDepartments: ['区住建局', '区财政局'],
      consultedDepartments: ['区住建局'],
      attachedAttachments: ['会议议程'],
      leaderToSpeak: true,
      speechDraftAttached: false,
      irregularities: ['未加盖单位印章'],
    });
    expect(r.admitted).toBe(false);
    expect(r.reasons.map((x) => [x.check, x.items])).toEqual([
      ['complete', ['place', 'agenda']],
      ['consulted', ['区财政局']],
      ['one-matter', ['2']],
      ['attachments', ['讲话稿']],
      ['speech-draft', []],
      ['irregular', ['未加盖单位印章']],
    ]);
    // An admitted request cannot be proposed for return.
    const ok = await register();
    expect((await refusalOf(rpc.request(meetings.proposeRequestReturn, { id: ok.id }, { actor: clerk }))).code).toBe('CONFLICT');
  });

  it('a foreign-related request goes to 外事科 for its opinion (event) before the district leader', async () => {
    const r = await register({ foreignRelated: true, title: '关于接待友好城市代表团的请示' });
    await rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion: unitOpinion }, { actor: clerk });
    await advance(r.id, 'review', chief);
    await advance(r.id, 'review', deputy);
    expect((await refusalOf(advance(r.id, 'submit-to-leader'))).code).toBe('CONFLICT');
    await advance(r.id, 'send-to-foreign-affairs');
    const ev = await eventually(async () => (await events(meetings.foreignAffairsOpinionRequested.type)).find((e) => e.subject === r.id));
    expect(ev.data).toMatchObject({ caseId: r.id, kind: 'meeting-request', reference: r.registerNumber, requestedBy: clerk.id });
    expect((await refusalOf(rpc.request(meetings.giveRequestForeignAffairsOpinion, { id: r.id, opinion: '同意' }, { actor: clerk }))).code).toBe('FORBIDDEN');
    const given = await rpc.request(meetings.giveRequestForeignAffairsOpinion, { id: r.id, opinion: '同意接待，注意外事礼宾规范' }, { actor: foreignAffairs });
    expect(given).toMatchObject({ state: 'foreign-affairs-opinion-given', foreignAffairsOpinion: '同意接待，注意外事礼宾规范' });
    await advance(r.id, 'submit-to-leader');
    expect((await advance(r.id, 'approve', leader)).state).toBe('approved');
    // A request that is not foreign-related never goes there.
    const plain = await register();
    await rpc.request(meetings.draftRequestOpinion, { id: plain.id, opinion: unitOpinion }, { actor: clerk });
    await advance(plain.id, 'review', chief);
    await advance(plain.id, 'review', deputy);
    expect((await refusalOf(advance(plain.id, 'send-to-foreign-affairs'))).code).toBe('CONFLICT');
  });

  it('a higher-level notice is registered without the lead-time review, and 办复 sends the speech to 综合二科 for a 区政府 leader', async () => {
    const r = await register({
      type: 'higher-level-meeting',
      title: '关于召开全市优化营商环境大会的通知',
      requestingUnit: '市政府办公厅',
      startsAt: '2026-03-04T01:30:00Z', // 2 working days ahead: not reviewed for lead time (D4)
      endsAt: '2026-03-04T04:00:00Z',
    });
    expect(r).toMatchObject({ admitted: true, reasons: [] });
    const opinion = {
      time: '3月4日上午', place: '市民中心', attendingHigherLeaders: ['市长'], districtAttendees: ['区长', '区发改局局长'],
      reportOrSpeechNeeded: true, proposedDistrictLeaders: ['区长'], materialsPreparation: '区发改局准备汇报材料',
    };
    await rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion, proposedLeaderIds: [leader.id] }, { actor: clerk });
    await advance(r.id, 'review', chief);
    await advance(r.id, 'review', deputy);
    await advance(r.id, 'submit-to-leader');
    await advance(r.id, 'approve', leader);
    expect((await refusalOf(rpc.request(meetings.replyRequest, { id: r.id, districtLeaderSpeaks: true }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    const replied = await rpc.request(meetings.replyRequest, { id: r.id, districtLeaderSpeaks: true, speakerSide: 'government' }, { actor: clerk });
    expect(replied.replyTasks).toEqual([
      { to: 'attending-leaders-and-department-heads', what: 'copy-notice-and-materials' },
      { to: 'drafting-section-government', what: 'prepare-speech' },
    ]);
    expect((await advance(r.id, 'archive')).state).toBe('archived');
  });

  it('the register lists by admission; my tasks show each role its next steps; outsiders are refused', async () => {
    const notAdmitted = await rpc.request(meetings.listRequests, { admitted: false }, { actor: chief });
    expect(notAdmitted.items.every((i) => !i.admitted)).toBe(true);
    expect(notAdmitted.total).toBe(notAdmitted.items.length);
    const fresh = await register({ title: '关于召开全区河长制工作会议的请示' });
    const failing = await register({ title: '关于召开防汛工作会议的请示', matterCount: 2 });
    const mine = await rpc.request(meetings.myTasks, {}, { actor: clerk });
    expect(mine.tasks.find((t) => t.id === fresh.id)?.actions).toEqual(['draft-opinion']);
    expect(mine.tasks.find((t) => t.id === failing.id)?.actions).toEqual(['propose-return']);
    expect((await rpc.request(meetings.myTasks, {}, { actor: chief })).tasks.some((t) => t.id === fresh.id)).toBe(false);

    expect((await refusalOf(rpc.request(meetings.listRequests, {}, { actor: petitions }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(meetings.registerRequest, complete, { actor: chief }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(meetings.getRequest, { id: '00000000-0000-4000-8000-00000000dead' }, { actor: clerk }))).code).toBe('NOT_FOUND');
    const before = await counts();
    expect((await refusalOf(rpc.request(meetings.registerRequest, { ...complete, receivedAt: '2026-03-03T02:00:00Z' }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });
  it('audits every step in a verifiable chain, and numbers 20 parallel registrations without gaps', async () => {
    const r = await register({ title: '关于召开全区消防工作会议的请示' });
    await rpc.request(meetings.draftRequestOpinion, { id: r.id, opinion: unitOpinion }, { actor: clerk });
    await advance(r.id, 'send-back', chief, '意见需补充参会部门');
    const audit = await service.runtime.db.$queryRawUnsafe<{ action: string; actor_id: string }[]>(
      'SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY seq',
      r.id,
    );
    expect(audit).toEqual([
      { action: 'meeting-request.register', actor_id: clerk.id },
      { action: 'meeting-request.draft-opinion', actor_id: clerk.id },
      { action: 'meeting-request.send-back', actor_id: chief.id },
    ]);
    // send-back without a reason is refused
    expect((await refusalOf(advance(r.id, 'send-back', chief))).code).toBe('BAD_USER_INPUT');

    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => register({ title: `关于召开第${i + 1}次专题会议的请示` })));
    const numbers = (await listNumbers(service.runtime.db, '会议收文', 2026)).map((n) => n.value);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(new Set(many.map((m) => m.registerNumber)).size).toBe(20);
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });
});
