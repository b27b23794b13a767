import { addCalendarDays, dayOfWeek, toIsoDate, WorkingCalendar } from '@gov/calendar';
import { meetings } from '@gov/contracts';
import { connectTestNats, eventually, readEventStream } from '@gov/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { claimsOf, errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 4 §1, §2, §7 through the gateway with real tokens: a meeting request registered, reviewed and returned
 * or admitted and approved along the chain; the weekly table collected (with the approved request), reviewed,
 * approved by both posts and issued; a leader's week; a foreign-related activity routed to 外事科. Runs on the
 * real clock, so dates are counted from today on the bundled calendar.
 */
const cal = WorkingCalendar.bundled();
const today = toIsoDate(new Date());

/** The n-th working day after today (Beijing). */
function workingDaysAhead(n: number): string {
  let d = today;
  for (let i = 0; i < n; ) {
    d = addCalendarDays(d, 1);
    if (cal.isWorkingDay(d)) i++;
  }
  return d;
}
/** The first Monday after today. */
function nextMonday(after = today): string {
  let d = addCalendarDays(after, 1);
  while (dayOfWeek(d) !== 1) d = addCalendarDays(d, 1);
  return d;
}
const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const subOf = (token: string) => claimsOf(token).sub;

const REGISTER = `mutation R($input: RegisterMeetingRequestInput!) {
  registerMeetingRequest(input: $input) { id registerNumber state admitted reasons { check items workingDaysAhead } }
}`;
const FIELDS = 'id state admitted replyTasks { to what } history { action actorName }';
const OPINION = `mutation O($id: ID!, $opinion: String!, $leaders: [String!]) { draftMeetingRequestOpinion(id: $id, opinion: $opinion, proposedLeaderIds: $leaders) { ${FIELDS} } }`;
const REVIEW = `mutation V($id: ID!) { reviewMeetingRequest(id: $id) { ${FIELDS} } }`;
const SUBMIT = `mutation S($id: ID!) { submitMeetingRequestToLeader(id: $id) { ${FIELDS} } }`;
const DECIDE = `mutation D($id: ID!) { decideMeetingRequest(id: $id, approve: true) { ${FIELDS} } }`;
const REPLY = `mutation Y($id: ID!) { replyToMeetingRequest(id: $id) { ${FIELDS} } }`;
const PROPOSE_RETURN = `mutation P($id: ID!) { proposeMeetingRequestReturn(id: $id, reason: "报文时间不足") { ${FIELDS} } }`;
const ENDORSE_RETURN = `mutation E($id: ID!) { endorseMeetingRequestReturn(id: $id) { ${FIELDS} } }`;
const APPROVE_RETURN = `mutation A($id: ID!) { approveMeetingRequestReturn(id: $id) { ${FIELDS} } }`;
const REGISTER_LIST = `query L($admitted: Boolean) { meetingRequests(admitted: $admitted) { total items { id registerNumber admitted } } }`;
const TASKS = `query { myMeetingTasks { workflow id actions } }`;

const SCHEDULE = 'id state weekMonday issuedLate issueDueAt entries { source content leaderIds requestId } conflicts { kind subject }';
const COLLECT = `mutation C($input: CollectWeeklyScheduleInput!) { collectWeeklySchedule(input: $input) { ${SCHEDULE} } }`;
const SCREEN = `mutation Sc($id: ID!) { screenWeeklySchedule(id: $id) { ${SCHEDULE} } }`;
const DRAFT = `mutation Dr($id: ID!) { draftWeeklySchedule(id: $id) { ${SCHEDULE} } }`;
const SREVIEW = `mutation Rv($id: ID!) { reviewWeeklySchedule(id: $id) { ${SCHEDULE} } }`;
const TO_DIRECTOR = `mutation Td($id: ID!) { submitWeeklyScheduleToDirector(id: $id) { ${SCHEDULE} } }`;
const READ = `mutation Rd($id: ID!) { readWeeklySchedule(id: $id) { ${SCHEDULE} } }`;
const APPROVE = `mutation Ap($id: ID!, $as: String!) { approveWeeklySchedule(id: $id, as: $as) { ${SCHEDULE} } }`;
const ISSUE = `mutation Is($id: ID!) { issueWeeklySchedule(id: $id) { ${SCHEDULE} } }`;
const WEEK = `query W($week: String!) { leaderWeek(weekMonday: $week) { leaderId state entries { content startsAt } } }`;

let platform: TestPlatform;
let nc: NatsConnection;
const tokens: Record<string, string> = {};

const as = (who: string) => tokens[who]!;
async function ok(query: string, variables: Record<string, unknown>, who: string) {
  const res = await graphql(platform.gateway, query, variables, as(who));
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}
const events = async (type: string) => (await readEventStream(nc, platform.space)).map((e) => e.envelope).filter((e) => e.type === type);

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  for (const u of ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer', 'petition-officer']) {
    tokens[u] = await login(platform.issuer, u);
  }
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('会议收文, 周表 and 接待 end to end through the gateway', () => {
  const leaderId = () => subOf(as('district-leader'));
  const week = nextMonday(workingDaysAhead(12));
  const meetingDay = addCalendarDays(week, 2); // the Wednesday of that week: more than 10 working days ahead

  it('a request 10+ working days ahead is admitted and walks clerk → chief → deputy → leader → 办复; a late one is returned with its reason', async () => {
    const input = {
      type: 'unit-meeting', title: '关于召开全区安全生产工作会议的请示', requestingUnit: '区应急管理局',
      startsAt: bj(meetingDay, '09:30'), endsAt: bj(meetingDay, '11:30'), place: '区行政中心第一会议室', scale: 120,
      content: '部署全区安全生产工作', participants: ['各街道主要负责人'], agenda: ['通报情况', '区领导讲话'],
      leaderToSpeak: true, speechDraftAttached: true,
    };
    const r = await ok(REGISTER, { input }, 'clerk');
    expect(r).toMatchObject({ state: 'registered', admitted: true, reasons: [] });
    expect(r.registerNumber).toMatch(/^会议收文〔20\d\d〕\d+号$/);
    expect(errorCode(await graphql(platform.gateway, REGISTER, { input }, as('section-chief')))).toBe('FORBIDDEN');

    const opinion = JSON.stringify({ time: '上午9:30', place: '第一会议室', proposedLeadersAndDepartments: ['分管副区长'], content: '部署', agenda: ['讲话'] });
    expect(errorCode(await graphql(platform.gateway, OPINION, { id: r.id, opinion: '{"time":"上午"}' }, as('clerk')))).toBe('BAD_USER_INPUT');
    await ok(OPINION, { id: r.id, opinion, leaders: [leaderId()] }, 'clerk');
    expect(errorCode(await graphql(platform.gateway, REVIEW, { id: r.id }, as('clerk')))).toBe('FORBIDDEN');
    await ok(REVIEW, { id: r.id }, 'section-chief');
    await ok(REVIEW, { id: r.id }, 'deputy-director');
    await ok(SUBMIT, { id: r.id }, 'clerk');
    expect((await ok(DECIDE, { id: r.id }, 'district-leader')).state).toBe('approved');
    const replied = await ok(REPLY, { id: r.id }, 'clerk');
    expect(replied.replyTasks).toEqual([{ to: 'requesting-unit', what: 'prepare-meeting-service' }]);
    expect(replied.history.map((h: { action: string }) => h.action)).toEqual(['register', 'draft-opinion', 'review', 'review', 'submit-to-leader', 'approve', 'reply']);

    // SCENARIOS seed000-a #1: 3 working days ahead fails review and is returned with the reason (event).
    const soon = workingDaysAhead(3);
    const late = await ok(REGISTER, { input: { ...input, title: '关于召开社区治理现场会的请示', startsAt: bj(soon, '09:30'), endsAt: bj(soon, '11:00') } }, 'clerk');
    expect(late.admitted).toBe(false);
    expect(late.reasons).toEqual([expect.objectContaining({ check: 'lead-time', items: ['10 working days'] })]);
    expect(errorCode(await graphql(platform.gateway, OPINION, { id: late.id, opinion }, as('clerk')))).toBe('CONFLICT');
    const tasks = await ok(TASKS, {}, 'clerk');
    expect(tasks.find((t: { id: string }) => t.id === late.id)?.actions).toEqual(['propose-return']);
    await ok(PROPOSE_RETURN, { id: late.id }, 'clerk');
    await ok(ENDORSE_RETURN, { id: late.id }, 'section-chief');
    expect((await ok(APPROVE_RETURN, { id: late.id }, 'deputy-director')).state).toBe('returned');
    const returned = await eventually(async () => (await events(meetings.requestReturned.type)).find((e) => e.subject === late.id));
    expect(returned.data).toMatchObject({ reasons: [{ check: 'lead-time' }] });

    const register = await ok(REGISTER_LIST, { admitted: false }, 'director');
    expect(register.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(errorCode(await graphql(platform.gateway, REGISTER_LIST, {}, as('petition-officer')))).toBe('FORBIDDEN');
  });

  it('the weekly table: collected with the approved request, reviewed, blocked with one approval (seed000-a #4), issued with both, a leader’s week', async () => {
    const leader = leaderId();
    const other = '00000000-0000-4000-8000-0000000000aa';
    // The realm has one district leader: on this table the leader is the 书记 and someone else the 区长.
    const t1 = await ok(COLLECT, { input: { weekMonday: week, partySecretaryId: leader, districtMayorId: other } }, 'clerk');
    expect(t1.entries).toEqual([expect.objectContaining({ source: 'approved-request', leaderIds: [leader], content: '关于召开全区安全生产工作会议的请示' })]);
    await ok(SCREEN, { id: t1.id }, 'clerk');
    expect((await ok(DRAFT, { id: t1.id }, 'clerk')).state).toBe('draft');
    await ok(SREVIEW, { id: t1.id }, 'section-chief');
    await ok(SREVIEW, { id: t1.id }, 'deputy-director');
    await ok(TO_DIRECTOR, { id: t1.id }, 'deputy-director');
    await ok(READ, { id: t1.id }, 'director');
    expect(errorCode(await graphql(platform.gateway, APPROVE, { id: t1.id, as: 'district-mayor' }, as('district-leader')))).toBe('FORBIDDEN');
    expect((await ok(APPROVE, { id: t1.id, as: 'party-secretary' }, 'district-leader')).state).toBe('secretary-approved');
    expect(errorCode(await graphql(platform.gateway, ISSUE, { id: t1.id }, as('clerk')))).toBe('CONFLICT');

    // The following week the same leader acts for both posts, so the table can be approved twice and issued.
    const week2 = addCalendarDays(week, 7);
    const t2 = await ok(
      COLLECT,
      {
        input: {
          weekMonday: week2, partySecretaryId: leader, districtMayorId: leader,
          entries: [{ source: 'npc-office', startsAt: bj(addCalendarDays(week2, 1), '09:00'), endsAt: bj(addCalendarDays(week2, 1), '11:00'), place: '区人大常委会会议室', content: '区人大常委会会议', leaderIds: [leader], hostUnit: '区人大办' }],
        },
      },
      'clerk',
    );
    await ok(SCREEN, { id: t2.id }, 'clerk');
    await ok(DRAFT, { id: t2.id }, 'clerk');
    await ok(SREVIEW, { id: t2.id }, 'section-chief');
    await ok(SREVIEW, { id: t2.id }, 'deputy-director');
    await ok(TO_DIRECTOR, { id: t2.id }, 'deputy-director');
    await ok(READ, { id: t2.id }, 'director');
    await ok(APPROVE, { id: t2.id, as: 'district-mayor' }, 'district-leader');
    await ok(APPROVE, { id: t2.id, as: 'party-secretary' }, 'district-leader');
    const issued = await ok(ISSUE, { id: t2.id }, 'clerk');
    expect(issued).toMatchObject({ state: 'issued', issuedLate: false, issueDueAt: bj(week2, '17:00') });
    const ev = await eventually(async () => (await events(meetings.scheduleIssued.type)).find((e) => e.subject === t2.id));
    expect(ev.data).toMatchObject({ weekMonday: week2, late: false, leaderIds: [leader] });

    const mine = await ok(WEEK, { week: week2 }, 'district-leader');
    expect(mine).toMatchObject({ leaderId: leader, state: 'issued', entries: [{ content: '区人大常委会会议' }] });
  });

  it('a foreign-related activity goes to 外事科 for its opinion (event) before the district leader', async () => {
    const day = workingDaysAhead(5);
    const plan = JSON.stringify({ time: day, place: '区行政中心', theme: '友好城市交流', route: ['行政中心'], participants: ['代表团'], agenda: ['会见', '座谈'], taskDivision: '外事办牵头' });
    const drafted = await ok(
      `mutation P($input: DraftActivityPlanInput!) { draftActivityPlan(input: $input) { id state venueSetBy staffOnPostAt } }`,
      { input: { kind: 'activity', title: '友好城市代表团座谈会', startsAt: bj(day, '10:00'), place: '区行政中心', foreignRelated: true, plan } },
      'clerk',
    );
    expect(drafted).toMatchObject({ state: 'drafted', staffOnPostAt: bj(day, '09:00'), venueSetBy: addCalendarDays(day, -1) });
    await ok(`mutation($id: ID!) { reviewActivityPlan(id: $id) { state } }`, { id: drafted.id }, 'deputy-director');
    const submit = `mutation($id: ID!) { submitActivityPlanToLeader(id: $id) { state } }`;
    expect(errorCode(await graphql(platform.gateway, submit, { id: drafted.id }, as('clerk')))).toBe('CONFLICT');
    await ok(`mutation($id: ID!) { sendActivityPlanToForeignAffairs(id: $id) { state } }`, { id: drafted.id }, 'clerk');
    const ev = await eventually(async () => (await events(meetings.foreignAffairsOpinionRequested.type)).find((e) => e.subject === drafted.id));
    expect(ev.data).toMatchObject({ kind: 'activity-plan', reference: '友好城市代表团座谈会' });
    await ok(`mutation($id: ID!) { giveActivityPlanForeignAffairsOpinion(id: $id, opinion: "同意") { state } }`, { id: drafted.id }, 'foreign-affairs-officer');
    expect((await ok(submit, { id: drafted.id }, 'clerk')).state).toBe('with-leader');
    const lead = await ok(`query { receptionLead(visit: { origin: "other-municipal-organ", rank: "vice-ministerial-or-above" }) { lead officeInvolved row } }`, {}, 'clerk');
    expect(lead).toEqual({ lead: 'matching-department', officeInvolved: false, row: 2 });
  });
});
