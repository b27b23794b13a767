import type { NatsConnection } from '@nats-io/transport-node';
import { meetings } from '@gov/contracts';
import { connectTestNats, eventually, readEventStream } from '@gov/testing';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 4 §3–§5 and §8 end to end through the gateway: a clerk plans an ad-hoc 区委常委会议, the deputy director
 * reviews and a district leader approves the plan, the notice goes out (late but ad hoc: the leaders are
 * phoned), the notified unit signs for it, an attendee signs in, the meeting is held, and minutes with three
 * decisions are drafted, reviewed, numbered, signed by the office director and issued: the
 * gov.meetings.minutes.issued event on the stream has three items. Plus role refusals and my tasks.
 */
const PLAN = `mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id state typeName notice { unsignedUnits } } }`;
const STEP = (name: string) => `mutation Step($id: ID!) { ${name}(id: $id) { id state } }`;
const NOTICE = `mutation Notice($id: ID!) { issueMeetingNotice(id: $id) { id state notice { sentAt basis late phoneAttendingLeaders lead { amount unit } } } }`;
const SIGN_FOR = `mutation SignFor($id: ID!, $unit: String!) { signForMeetingNotice(id: $id, unit: $unit) { notice { signed { unit signedBy } unsignedUnits } } }`;
const SIGN_IN = `mutation SignIn($id: ID!, $attendeeId: String!) { signInToMeeting(id: $id, attendeeId: $attendeeId) { attendance { present { attendeeId } notArrived } } }`;
const MEETING = `query Meeting($id: ID!) {
  meeting(id: $id) {
    state title heldAt
    notice { sentAt late signed { unit } unsignedUnits }
    attendance { present { attendeeId } notArrived chairReportAt }
    arrivals { staff dueAt }
    minutes { id state number }
    history { action }
  }
}`;
const DRAFT = `mutation Draft($input: DraftMinutesInput!) { draftMinutes(input: $input) { id state draftBasis requiredSigners decisions { leadUnit } } }`;
const MINUTES_STEP = (name: string) => `mutation M($id: ID!) { ${name}(id: $id) { id state number missingSigners issuedAt } }`;
const TASKS = `query { myMeetingWork { kind id action } }`;

let platform: TestPlatform;
let nc: NatsConnection;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  for (const u of ['clerk', 'deputy-director', 'district-leader', 'section-chief', 'director', 'unit-liaison', 'supervisor']) tokens[u] = await login(platform.issuer, u);
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('会议 → 通知 → 签到 → 纪要 end to end through the gateway', () => {
  it('plans, notifies, signs in, holds and issues minutes with three decisions as three items of minutes.issued', async () => {
    const startsAt = new Date(Date.now() + 4000);
    const planned = await graphql(
      platform.gateway,
      PLAN,
      {
        input: {
          typeCode: 'standing-committee',
          title: '区委常委会临时会议',
          place: '区委第一会议室',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          attendees: ['张明'],
          recipientUnits: ['QFGW'],
          adHoc: true,
          majorIssues: true,
        },
      },
      tokens.clerk,
    );
    expect(planned.errors).toBeUndefined();
    const { id } = planned.data!.planMeeting;
    expect(planned.data!.planMeeting).toMatchObject({ state: 'drafted', typeName: '区委常委会议（含扩大会议）', notice: { unsignedUnits: ['QFGW'] } });

    // Role-checked: the clerk may not review; the deputy director reviews, a district leader approves.
    expect(errorCode(await graphql(platform.gateway, STEP('reviewMeetingPlan'), { id }, tokens.clerk))).toBe('FORBIDDEN');
    expect((await graphql(platform.gateway, STEP('reviewMeetingPlan'), { id }, tokens['deputy-director'])).data!.reviewMeetingPlan.state).toBe('reviewed');
    expect((await graphql(platform.gateway, STEP('approveMeetingPlan'), { id }, tokens['district-leader'])).data!.approveMeetingPlan.state).toBe('approved');

    // Too late for 2 working days, but ad hoc: it goes out and the attending leaders are phoned (seed 000 L60).
    const notice = await graphql(platform.gateway, NOTICE, { id }, tokens.clerk);
    expect(notice.errors).toBeUndefined();
    expect(notice.data!.issueMeetingNotice).toMatchObject({
      state: 'notified',
      notice: { basis: 'major-issues', late: true, phoneAttendingLeaders: true, lead: { amount: 2, unit: 'working' } },
    });

    const signedFor = await graphql(platform.gateway, SIGN_FOR, { id, unit: 'QFGW' }, tokens['unit-liaison']);
    expect(signedFor.errors).toBeUndefined();
    expect(signedFor.data!.signForMeetingNotice.notice).toMatchObject({ signed: [{ unit: 'QFGW' }], unsignedUnits: [] });

    const signedIn = await graphql(platform.gateway, SIGN_IN, { id, attendeeId: '张明' }, tokens.clerk);
    expect(signedIn.data!.signInToMeeting.attendance).toEqual({ present: [{ attendeeId: '张明' }], notArrived: [] });

    // My tasks: the clerk is to hold the notified meeting.
    const tasks = await graphql(platform.gateway, TASKS, {}, tokens.clerk);
    expect(tasks.data!.myMeetingWork).toEqual(expect.arrayContaining([{ kind: 'meeting', id, action: 'hold' }]));

    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 100)));
    expect((await graphql(platform.gateway, STEP('holdMeeting'), { id }, tokens.clerk)).data!.holdMeeting.state).toBe('held');

    const decisions = [
      { text: '原则通过《区老旧小区改造实施方案》，由区住建局牵头实施。', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueDate: '2027-06-30' },
      { text: '区财政局研究资金保障办法。', leadUnit: 'QCZJ' },
      { text: '区发改委做好项目储备。', leadUnit: 'QFGW' },
    ];
    const drafted = await graphql(platform.gateway, DRAFT, { input: { meetingId: id, title: '区委常委会临时会议纪要', decisions } }, tokens.clerk);
    expect(drafted.errors).toBeUndefined();
    const minutesId = drafted.data!.draftMinutes.id;
    expect(drafted.data!.draftMinutes).toMatchObject({
      state: 'drafted',
      draftBasis: 'standing-committee',
      requiredSigners: ['role:section-chief', 'role:deputy-director', 'role:director'],
    });

    expect(errorCode(await graphql(platform.gateway, MINUTES_STEP('signMinutes'), { id: minutesId }, tokens.clerk))).toBe('FORBIDDEN');
    await graphql(platform.gateway, MINUTES_STEP('reviewMinutes'), { id: minutesId }, tokens['section-chief']);
    await graphql(platform.gateway, MINUTES_STEP('reviewMinutes'), { id: minutesId }, tokens['deputy-director']);
    const registered = await graphql(platform.gateway, MINUTES_STEP('registerMinutes'), { id: minutesId }, tokens.clerk);
    expect(registered.data!.registerMinutes.number).toMatch(/^区委常委会议纪要〔20\d\d〕1号$/);
    const signed = await graphql(platform.gateway, MINUTES_STEP('signMinutes'), { id: minutesId }, tokens.director);
    expect(signed.data!.signMinutes).toMatchObject({ state: 'in-signature', missingSigners: [] });
    await graphql(platform.gateway, MINUTES_STEP('completeMinutesSigning'), { id: minutesId }, tokens.clerk);
    const issued = await graphql(platform.gateway, MINUTES_STEP('issueMinutes'), { id: minutesId }, tokens.clerk);
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueMinutes.state).toBe('issued');

    // The event on the stream: one item per decision, numbered from 1.
    const event = await eventually(async () => {
      const all = await readEventStream(nc, platform.space);
      return all.map((e) => e.envelope).find((e) => e.type === meetings.minutesIssued.type && e.subject === minutesId);
    });
    const data = event.data as { meetingId: string; number: string; decisions: { decisionNo: number; matter: string; leadUnit: string; coUnits: string[] }[] };
    expect(data.meetingId).toBe(id);
    expect(data.number).toBe(registered.data!.registerMinutes.number);
    expect(data.decisions).toHaveLength(3);
    expect(data.decisions.map((d) => [d.decisionNo, d.leadUnit, d.matter])).toEqual([
      [1, 'QZJJ', decisions[0]!.text],
      [2, 'QCZJ', decisions[1]!.text],
      [3, 'QFGW', decisions[2]!.text],
    ]);

    // Supervision turns the three decisions into three proposed supervision items (issue 4 §9, issue 5 §1).
    const items = await eventually(async () => {
      const res = await graphql(platform.gateway, `query { supervisionItems(limit: 200) { items { title sourceKind } } }`, {}, tokens.supervisor);
      const mine = (res.data?.supervisionItems.items ?? []).filter((i: { title: string; sourceKind: string }) => i.sourceKind === 'meeting-decision' && i.title.startsWith('区委常委会临时会议纪要'));
      return mine.length === 3 ? mine : undefined;
    }, 15_000);
    expect(items.map((i: { title: string }) => i.title).sort()).toEqual(['（第1项）', '（第2项）', '（第3项）'].map((n) => `区委常委会临时会议纪要${n}`));

    const shown = await graphql(platform.gateway, MEETING, { id }, tokens.director);
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.meeting).toMatchObject({
      state: 'held',
      notice: { late: true, signed: [{ unit: 'QFGW' }], unsignedUnits: [] },
      attendance: { present: [{ attendeeId: '张明' }], notArrived: [] },
      minutes: { id: minutesId, state: 'issued' },
    });
    expect(shown.data!.meeting.history.map((h: { action: string }) => h.action)).toEqual([
      'draft', 'review', 'approve', 'issue-notice', 'sign-for-notice', 'sign-in', 'hold',
    ]);
  });

  it('refuses a unit liaison planning a meeting (FORBIDDEN) and a plan with an unknown type (BAD_USER_INPUT)', async () => {
    const input = { typeCode: 'standing-committee', title: '会议', place: '会议室', startsAt: '2027-01-05T01:00:00Z', endsAt: '2027-01-05T02:00:00Z' };
    expect(errorCode(await graphql(platform.gateway, PLAN, { input }, tokens['unit-liaison']))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, PLAN, { input: { ...input, typeCode: 'tea-party' } }, tokens.clerk))).toBe('BAD_USER_INPUT');
  });
});
