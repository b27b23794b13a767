import type { NatsConnection } from '@nats-io/transport-node';
import { legalReview, meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, publishTestEvent, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

/**
 * Issue 4 §3–§5 over NATS, second part: a 区政府常务会议 with topics (legality review passed, the industry
 * commission's opinion, an ad-hoc topic approved by the district mayor), materials 2 working days ahead,
 * minutes due 24 hours after the start and signed by the 区长 and, on major matters, the relevant leaders;
 * plenary meetings with the pre-notice and the seating chart; 室务会 and 主任办公会议 notices; a classified meeting.
 */
let current = new Date('2026-03-02T02:00:00Z');
const clock = { now: () => new Date(current.getTime()) };
const at = (beijing: string) => {
  current = new Date(`${beijing.replace(' ', 'T')}:00+08:00`);
};

const clerk = testActor('clerk');
const deputy = testActor('deputy-director');
const director = testActor('director');
const mayor = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000ma01', name: '区长' });
const viceHead = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000vh01', name: '副区长' });
const chief = testActor('section-chief');
const secretClerk = testActor('confidential-clerk', { clearance: 'secret' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(meetingsService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
  await rpc.request(meetings.assignLeaderPost, { post: 'district-mayor', userId: mayor.id }, { actor: director });
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

async function approved(input: meetings.PlanMeetingInput) {
  const m = await rpc.request(meetings.planMeeting, input, { actor: clerk });
  await rpc.request(meetings.reviewMeetingPlan, { id: m.id }, { actor: deputy });
  return rpc.request(meetings.approveMeetingPlan, { id: m.id }, { actor: mayor });
}

const executive: meetings.PlanMeetingInput = {
  typeCode: 'executive-meeting',
  title: '区政府第5次常务会议',
  place: '区政府第一会议室',
  startsAt: '2026-03-12T01:00:00Z', // Thu 12 March 09:00 Beijing
  endsAt: '2026-03-12T04:00:00Z',
  attendees: ['区长', '副区长'],
  recipientUnits: ['QFGW'],
  cadreMatters: true,
};

describe('区政府常务会议: topics, materials, minutes (issue 4 §3–§5)', () => {
  let id: string;
  let reviewed: string;
  let land: string;
  let adHoc: string;

  it('gates topics on legality review (passed), the industry opinion and the ad-hoc approvals', async () => {
    at('2026-03-02 10:00');
    const planned = await approved(executive);
    id = planned.id;
    expect(planned.recorderUnit).toBe('research-office'); // seed 002 L411
    at('2026-03-09 10:00'); // executive topics with materials 2 working days before: by Tuesday 10 March
    const base = { meetingId: id, proposingUnit: 'QZJJ', materialsAttached: true };
    const r = await rpc.request(meetings.submitTopic, { ...base, title: '关于重大行政决策的议题', majorAdministrativeDecision: true }, { actor: clerk });
    reviewed = r.id;
    expect(r).toMatchObject({ legalReview: 'pending', submissionLatestDate: '2026-03-10' });
    const exempt = await rpc.request(meetings.submitTopic, { ...base, title: '人事任免议题', majorAdministrativeDecision: true, exemptSubject: 'personnel-appointment' }, { actor: clerk });
    expect(exempt.legalReview).toBe('not-requested');
    land = (await rpc.request(meetings.submitTopic, { ...base, title: '工业用地出让议题', industrialLand: true }, { actor: clerk })).id;
    const planning = await rpc.request(meetings.submitTopic, { ...base, title: '控制性详细规划调整议题', planning: true }, { actor: clerk });
    expect(planning.blocks).toEqual(['industry-opinion-missing']); // RULES.md D12: industrial land or planning
    at('2026-03-11 09:00');
    adHoc = (await rpc.request(meetings.submitTopic, { ...base, title: '防汛应急议题', origin: 'ad-hoc', urgent: true }, { actor: clerk })).id;

    const topic = await rpc.request(meetings.getTopic, { id: reviewed }, { actor: clerk });
    const conclusion = {
      reviewId: '1b6f1f7e-3f0d-4a51-9d7b-2f1d1a3c4e5f',
      requestId: topic.legalReviewRequestId!,
      subject: { section: 'meetings', kind: 'topic', id: reviewed },
      outcome: 'passed-with-changes',
      opinionNumber: '法审〔2026〕7号',
      summary: '修改后可提交审议',
      concludedAt: '2026-03-10T07:00:00.000Z',
      concludedBy: '2d3c4b5a-6f7e-4d8c-9b0a-1e2f3a4b5c6d',
    } as const;
    // Before the meeting is notified no topic is deliberated.
    expect((await refusalOf(rpc.request(meetings.deliberateTopic, { id: land }, { actor: clerk }))).code).toBe('CONFLICT');
    await publishTestEvent(nc, space, legalReview.reviewConcluded, conclusion);
    await eventually(async () => ((await rpc.request(meetings.getTopic, { id: reviewed }, { actor: clerk })).legalReview === 'passed' ? true : undefined));

    // Cadre matters only: 1 working day, so Wednesday 11 March is in time.
    const notified = await rpc.request(meetings.issueNotice, { id }, { actor: clerk });
    expect(notified.notice).toMatchObject({ basis: 'cadre-matters', lead: { amount: 1, unit: 'working' }, latestDate: '2026-03-11', late: false });

    expect((await rpc.request(meetings.deliberateTopic, { id: reviewed }, { actor: clerk })).state).toBe('deliberated');
    const landRefused = await refusalOf(rpc.request(meetings.deliberateTopic, { id: land }, { actor: clerk }));
    expect([landRefused.code, landRefused.details]).toEqual(['CONFLICT', { blocks: ['industry-opinion-missing'] }]);
    await rpc.request(meetings.recordIndustryOpinion, { id: land, opinion: '工信委同意该地块用于高端装备制造项目' }, { actor: clerk });
    expect((await rpc.request(meetings.deliberateTopic, { id: land }, { actor: clerk })).state).toBe('deliberated');

    const noMayor = await refusalOf(rpc.request(meetings.deliberateTopic, { id: adHoc }, { actor: clerk }));
    expect([noMayor.code, noMayor.details]).toEqual(['CONFLICT', { missing: ['districtMayor'] }]);
    expect((await refusalOf(rpc.request(meetings.approveAdHocTopic, { id: adHoc }, { actor: viceHead }))).code).toBe('FORBIDDEN');
    expect((await rpc.request(meetings.approveAdHocTopic, { id: adHoc }, { actor: mayor })).adHocApprovals.districtMayor).toBe(true);
    expect((await rpc.request(meetings.deliberateTopic, { id: adHoc }, { actor: clerk })).state).toBe('deliberated');
  });

  it('refuses materials later than 2 working days before (seed 004 L75) and takes them in time', async () => {
    at('2026-03-11 09:00');
    const late = await refusalOf(rpc.request(meetings.distributeMaterials, { id }, { actor: clerk }));
    expect([late.code, late.details?.latestDate]).toEqual(['DEADLINE_RULE', '2026-03-10']);
  });

  it('drafts executive minutes due 24 hours after the start, flags a late draft, and needs the 区长 and the relevant leader', async () => {
    at('2026-03-12 12:00');
    await rpc.request(meetings.signIn, { id, attendeeId: '区长' }, { actor: clerk });
    await rpc.request(meetings.recordAbsenceReason, { id, attendeeId: '副区长', reason: '另有公务' }, { actor: clerk });
    expect((await rpc.request(meetings.holdMeeting, { id }, { actor: clerk })).state).toBe('held');
    at('2026-03-13 10:00');
    const noLeaders = await refusalOf(
      rpc.request(meetings.draftMinutes, { meetingId: id, title: '区政府第5次常务会议纪要', major: true, decisions: [{ text: '同意', leadUnit: 'QZJJ' }] }, { actor: clerk }),
    );
    expect(noLeaders.code).toBe('BAD_USER_INPUT');
    const drafted = await rpc.request(
      meetings.draftMinutes,
      { meetingId: id, title: '区政府第5次常务会议纪要', major: true, relevantLeaderIds: [viceHead.id], decisions: [{ text: '同意工业用地出让方案', leadUnit: 'QGHJ' }] },
      { actor: clerk },
    );
    expect(drafted).toMatchObject({
      draftDueAt: '2026-03-13T01:00:00.000Z',
      draftBasis: 'executive-24-hours',
      draftOverdue: true,
      requiredSigners: ['role:section-chief', 'role:deputy-director', 'role:director', 'post:district-mayor', `leader:${viceHead.id}`],
    });
    const mid = drafted.id;
    await rpc.request(meetings.reviewMinutes, { id: mid }, { actor: chief });
    const back = await rpc.request(meetings.sendBackMinutes, { id: mid, reason: '议定事项表述不准确' }, { actor: deputy });
    expect([back.state, back.signatures]).toEqual(['drafted', []]);
    await rpc.request(meetings.reviewMinutes, { id: mid }, { actor: chief });
    await rpc.request(meetings.reviewMinutes, { id: mid }, { actor: deputy });
    const reg = await rpc.request(meetings.registerMinutes, { id: mid }, { actor: clerk });
    expect(reg.number).toBe('区政府常务会议纪要〔2026〕1号');
    // The 区长 may not sign before the director (in order, no 倒签).
    expect((await refusalOf(rpc.request(meetings.signMinutes, { id: mid }, { actor: viceHead }))).code).toBe('FORBIDDEN');
    await rpc.request(meetings.signMinutes, { id: mid }, { actor: director });
    await rpc.request(meetings.signMinutes, { id: mid }, { actor: mayor });
    const missing = await refusalOf(rpc.request(meetings.completeMinutesSigning, { id: mid }, { actor: clerk }));
    expect(missing.code).toBe('CONFLICT');
    at('2026-03-16 09:00');
    await rpc.request(meetings.signMinutes, { id: mid }, { actor: viceHead });
    const signed = await rpc.request(meetings.completeMinutesSigning, { id: mid }, { actor: clerk });
    expect(signed).toMatchObject({ state: 'signed', signedAt: '2026-03-16T01:00:00.000Z', issueDueAfterSigningAt: '2026-03-17T09:00:00.000Z' });
    at('2026-03-18 09:00');
    // SCENARIOS seed000-b #1: major-issue minutes go out only with the separate 重大问题会议纪要 (seed 000 L632(2)).
    const noSeparate = await refusalOf(rpc.request(meetings.issueMinutes, { id: mid }, { actor: clerk }));
    expect([noSeparate.code, noSeparate.details?.rule, noSeparate.details?.field]).toEqual(['CONFLICT', 'SEPARATE_MAJOR_ISSUE_MINUTES', 'majorIssueMinutesNumber']);
    expect((await rpc.request(meetings.getMinutes, { id: mid }, { actor: clerk })).state).toBe('signed');
    const separate = '区政府常务会议重大问题会议纪要〔2026〕1号';
    const issued = await rpc.request(meetings.issueMinutes, { id: mid, majorIssueMinutesNumber: separate }, { actor: clerk });
    expect([issued.state, issued.issuedLate]).toEqual(['issued', true]);
    const [row] = await service.runtime.db.$queryRawUnsafe<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM minutes_history WHERE minutes_id = $1::uuid AND action = 'issue'`,
      mid,
    );
    expect(row!.details).toMatchObject({ majorIssueMinutesNumber: separate });
  });
});

describe('notices of other types, pre-notice, seating and classification (issue 4 §3)', () => {
  it('takes a pre-notice only for many attendees with consent, and holds the plenary notice for the approved seating chart', async () => {
    at('2026-03-02 10:00');
    const plan = { name: '区委全会', theme: '全面深化改革', time: '3月20日', place: '区会议中心', hostUnit: 'QW', scale: '300人', attendees: '区委委员', schedule: '半天', agenda: '审议报告', documents: '工作报告', secretariat: '秘书组', taskDivision: '秘书科' };
    const plenary = { ...executive, typeCode: 'committee-plenary', title: '区委全体会议', startsAt: '2026-03-20T01:00:00Z', endsAt: '2026-03-20T04:00:00Z', plan, cadreMatters: false };
    const few = await approved(plenary);
    expect((await refusalOf(rpc.request(meetings.issuePreNotice, { id: few.id, consentedBy: '区委书记' }, { actor: clerk }))).code).toBe('CONFLICT');
    const many = await approved({ ...plenary, manyAttendeesOrWideScope: true });
    expect((await rpc.request(meetings.issuePreNotice, { id: many.id, consentedBy: '区委书记' }, { actor: clerk })).state).toBe('pre-notified');
    const noSeating = await refusalOf(rpc.request(meetings.issueNotice, { id: many.id }, { actor: clerk }));
    expect(noSeating.code).toBe('CONFLICT');
    expect((await refusalOf(rpc.request(meetings.approveSeating, { id: many.id }, { actor: clerk }))).code).toBe('FORBIDDEN');
    await rpc.request(meetings.approveSeating, { id: many.id }, { actor: mayor });
    const n = await rpc.request(meetings.issueNotice, { id: many.id }, { actor: clerk });
    expect(n.notice).toMatchObject({ basis: 'large', lead: { amount: 2, unit: 'working' }, latestDate: '2026-03-18' });
    // Large meetings: meeting service 30 minutes before the start (seed 000 L74).
    expect(n.arrivals).toEqual([expect.objectContaining({ staff: 'meeting-service', dueAt: '2026-03-20T00:30:00.000Z' })]);
  });

  it('室务会 notices 1 working day ahead (SCENARIOS seed003 #6); 主任办公会议 may be called at any time', async () => {
    at('2026-03-02 10:00');
    const office = await approved({ ...executive, typeCode: 'office-affairs-meeting', title: '室务会', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T02:00:00Z', cadreMatters: false });
    const director1 = await approved({ ...executive, typeCode: 'director-office-meeting', title: '主任办公会议', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T02:00:00Z', cadreMatters: false });
    at('2026-03-04 17:30'); // after close of business: counts as Thursday
    const late = await refusalOf(rpc.request(meetings.issueNotice, { id: office.id }, { actor: clerk }));
    expect([late.code, late.details?.latestDate, late.details?.countedOn]).toEqual(['DEADLINE_RULE', '2026-03-04', '2026-03-05']);
    expect((await rpc.request(meetings.issueNotice, { id: director1.id }, { actor: clerk })).notice).toMatchObject({ basis: null, late: false });
  });

  it('urgent minutes are due the same day (SCENARIOS seed000-b #2); arrivals T-60 district-wide, T-30 teleconference (seed003 #20)', async () => {
    at('2026-03-16 11:00');
    const urgent = await approved({ ...executive, typeCode: 'secretary-office-meeting', title: '书记办公会（紧急）', startsAt: '2026-03-16T06:00:00Z', endsAt: '2026-03-16T07:00:00Z', attendees: [], cadreMatters: false, urgent: true, adHoc: true });
    const notice = await rpc.request(meetings.issueNotice, { id: urgent.id }, { actor: clerk });
    expect(notice.notice).toMatchObject({ late: true, phoneAttendingLeaders: true });
    at('2026-03-16 15:10');
    await rpc.request(meetings.holdMeeting, { id: urgent.id }, { actor: clerk });
    at('2026-03-16 17:30');
    const drafted = await rpc.request(meetings.draftMinutes, { meetingId: urgent.id, title: '书记办公会纪要', decisions: [{ text: '立即组织排查', leadUnit: 'QYJJ' }] }, { actor: clerk });
    expect(drafted).toMatchObject({ draftBasis: 'urgent', draftDueAt: '2026-03-16T09:00:00.000Z', draftOverdue: true });

    const wide = await rpc.request(meetings.planMeeting, { ...executive, typeCode: 'leading-cadres-conference', title: '全区领导干部大会', plan: { name: '全区领导干部大会', theme: '动员', time: '上午', place: '会堂', hostUnit: 'QW', scale: '800人', attendees: '全区领导干部', schedule: '半天', agenda: '动员讲话', documents: '讲话稿', secretariat: '秘书组', taskDivision: '秘书二室' } }, { actor: clerk });
    expect(wide.arrivals).toEqual([expect.objectContaining({ staff: 'meeting-service', dueAt: '2026-03-12T00:00:00.000Z' })]);
    const tele = await rpc.request(meetings.planMeeting, { ...executive, typeCode: 'teleconference', title: '全省电视电话会议' }, { actor: clerk });
    expect(tele.arrivals).toEqual([expect.objectContaining({ staff: 'meeting-service', dueAt: '2026-03-12T00:30:00.000Z' })]);
  });

  it('signs a 副区长专题会议 plan off along its route; the head attends without signing → director, then the deputy head (SCENARIOS seed002 #19, #20)', async () => {
    await rpc.request(meetings.assignLeaderPost, { post: 'deputy-head-in-charge', userId: viceHead.id }, { actor: director });
    at('2026-03-16 10:00');
    const plan = { name: '专题会议', time: '3月19日上午', place: '区政府第三会议室', attendees: '区住建局、区财政局', chair: '副区长', agenda: '研究老旧小区改造资金', preparations: '区住建局准备汇报材料' };
    const topicMeeting = { ...executive, typeCode: 'deputy-head-topic-meeting', title: '副区长专题会议', startsAt: '2026-03-19T01:00:00Z', endsAt: '2026-03-19T03:00:00Z', cadreMatters: false, plan, districtHeadAttends: true };
    const sixFields = await refusalOf(rpc.request(meetings.planMeeting, { ...topicMeeting, plan: { ...plan, preparations: undefined } as never, materialsComplete: true }, { actor: clerk }));
    expect([sixFields.code, sixFields.details]).toEqual(['BAD_USER_INPUT', { missing: ['preparations'] }]);
    expect((await refusalOf(rpc.request(meetings.planMeeting, topicMeeting, { actor: clerk }))).code).toBe('BAD_USER_INPUT'); // no materials
    const m = await rpc.request(meetings.planMeeting, { ...topicMeeting, materialsComplete: true }, { actor: clerk });
    expect(m.planSignOff).toEqual({ route: ['role:section-chief', 'role:director', 'post:deputy-head-in-charge'], signed: [], signedOffAt: null, nonCompliant: null });
    expect((await refusalOf(rpc.request(meetings.reviewMeetingPlan, { id: m.id }, { actor: deputy }))).code).toBe('CONFLICT');
    expect((await refusalOf(rpc.request(meetings.signOffMeetingPlan, { id: m.id }, { actor: director }))).code).toBe('FORBIDDEN');
    const chiefTasks = (await rpc.request(meetings.myMeetingWork, {}, { actor: chief })).tasks;
    expect(chiefTasks).toContainEqual(expect.objectContaining({ id: m.id, action: 'sign-off-plan' }));
    expect((await rpc.request(meetings.myMeetingWork, {}, { actor: deputy })).tasks.map((t) => t.id)).not.toContain(m.id);
    await rpc.request(meetings.signOffMeetingPlan, { id: m.id }, { actor: chief });
    await rpc.request(meetings.signOffMeetingPlan, { id: m.id }, { actor: director });
    expect((await rpc.request(meetings.myMeetingWork, {}, { actor: viceHead })).tasks).toContainEqual(expect.objectContaining({ id: m.id, action: 'sign-off-plan' }));
    expect((await refusalOf(rpc.request(meetings.signOffMeetingPlan, { id: m.id }, { actor: mayor }))).code).toBe('FORBIDDEN');
    at('2026-03-19 08:00'); // the deadline was close of business on Wednesday 18 March
    const done = await rpc.request(meetings.signOffMeetingPlan, { id: m.id }, { actor: viceHead });
    expect(done.state).toBe('approved');
    expect(done.planSignOff).toMatchObject({ signedOffAt: '2026-03-19T00:00:00.000Z', nonCompliant: true });
  });

  it('answers a classified meeting beyond clearance exactly as an unknown id, hides it from lists and audits the refusal', async () => {
    at('2026-03-02 10:00');
    expect((await refusalOf(rpc.request(meetings.planMeeting, { ...executive, title: '涉密专题会议', classification: 'confidential' }, { actor: clerk }))).code).toBe('FORBIDDEN');
    const secret = await rpc.request(meetings.planMeeting, { ...executive, title: '涉密专题会议', classification: 'confidential' }, { actor: { ...clerk, clearance: 'confidential' } });
    const refused = await refusalOf(rpc.request(meetings.getMeeting, { id: secret.id }, { actor: secretClerk }));
    const unknown = await refusalOf(rpc.request(meetings.getMeeting, { id: '00000000-0000-4000-8000-000000000000' }, { actor: secretClerk }));
    expect([refused.code, refused.message, refused.details]).toEqual([unknown.code, unknown.message, unknown.details]);
    const list = await rpc.request(meetings.listMeetings, {}, { actor: secretClerk });
    expect(list.items.map((m) => m.id)).not.toContain(secret.id);
    const audit = await service.runtime.db.$queryRawUnsafe<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, secret.id);
    expect(audit.map((a) => a.action)).toEqual(['meeting.plan', 'meeting.read-refused']);
    const ev = (await readEventStream(nc, space)).map((e) => e.envelope);
    expect(JSON.stringify(ev)).not.toContain('涉密专题会议');
  });
});
