import { addCalendarDays, dayOfWeek, toIsoDate } from '@gov/calendar';
import { claimsOf, errorCode, graphql, login, startTestPlatform, subscribe, type TestPlatform } from './support/platform.js';

/**
 * GraphQL subscriptions over graphql-ws (issue 5 §8: a unit's new items and escalations; issue 3 §6 inbox;
 * issue 4 §8 schedule changes): the token is checked at connection and per subscription, and each subscriber
 * sees only its own notices.
 */
const UNIT_NOTICES = `subscription Notices($unit: String!) {
  supervisionUnitNotices(unit: $unit) { kind itemId registerNumber unit role dueOn colour }
}`;
const OPEN = `mutation Open($input: OpenSupervisionItemInput!) { openSupervisionItem(input: $input) { id registerNumber } }`;
const ADMIT = `mutation Admit($id: ID!) { admitSupervisionItem(id: $id) { id } }`;
const ASSIGN = `mutation Assign($input: AssignSupervisionItemInput!) { assignSupervisionItem(input: $input) { id dueOn } }`;

let platform: TestPlatform;
let supervisor: string;
let director: string;
let liaison: string;

async function assignedItem(title: string, leadUnit: string, coUnits: string[] = []) {
  const opened = await graphql(platform.gateway, OPEN, { input: { title, content: `${title}：按期完成。`, class: 'routine' } }, supervisor);
  const item = opened.data!.openSupervisionItem;
  await graphql(platform.gateway, ADMIT, { id: item.id }, director);
  const assigned = await graphql(platform.gateway, ASSIGN, { input: { id: item.id, leadUnit, coUnits, responsiblePerson: '王芳' } }, supervisor);
  expect(assigned.errors).toBeUndefined();
  return { ...item, dueOn: assigned.data!.assignSupervisionItem.dueOn as string };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [supervisor, director, liaison] = await Promise.all(['supervisor', 'director', 'unit-liaison'].map((u) => login(platform.issuer, u)));
});

afterAll(async () => {
  await platform?.stop();
});

const INBOX = `subscription { inboxArrivals { kind documentId registerNumber title classification action fromId } }`;

const subjectOf = (token: string) => claimsOf(token).sub;

describe('GraphQL subscriptions (graphql-ws)', () => {
  it('tells each person when an incoming document is handed to them, and no one else', async () => {
    const [clerk, chief, deputy] = await Promise.all(['clerk', 'section-chief', 'deputy-director'].map((u) => login(platform.issuer, u)));
    const person = (token: string, name: string) => ({ id: subjectOf(token), name });
    const chiefInbox = await subscribe(platform.gateway, INBOX, {}, chief);
    const deputyInbox = await subscribe(platform.gateway, INBOX, {}, deputy);
    try {
      const step = async (token: string, name: string, type: string, input: Record<string, unknown>) => {
        const res = await graphql(platform.gateway, `mutation M($input: ${type}!) { ${name}(input: $input) { id } }`, { input }, token);
        expect(res.errors).toBeUndefined();
      };
      const registered = await graphql(
        platform.gateway,
        `mutation R($input: RegisterIncomingDocumentInput!) { registerIncomingDocument(input: $input) { document { id registerNumber } } }`,
        { input: { title: '关于调整城区公交线路的请示', senderUnit: '区交通运输局', docType: '请示', copies: 1, receivedAt: new Date(Date.now() - 60_000).toISOString() } },
        clerk,
      );
      const { id, registerNumber } = registered.data!.registerIncomingDocument.document;
      await step(clerk!, 'acceptIncomingDocument', 'IncomingStepInput', { id });
      await step(clerk!, 'proposeIncomingHandling', 'ProposeIncomingHandlingInput', { id, opinion: '拟呈区领导阅示。' });
      await step(clerk!, 'submitIncomingForReview', 'IncomingStepInput', { id, handTo: person(chief!, '科长') });

      const arrival = await chiefInbox.next();
      expect(arrival.errors).toBeUndefined();
      expect(arrival.data!.inboxArrivals).toEqual({
        kind: 'incoming', documentId: id, registerNumber, title: '关于调整城区公交线路的请示', classification: 'none', action: 'submit-for-review', fromId: subjectOf(clerk!),
      });

      await step(chief!, 'receiveIncomingDocument', 'IncomingStepInput', { id });
      await step(chief!, 'approveIncomingProposal', 'IncomingCommentStepInput', { id, comment: '同意。', handTo: person(deputy!, '副主任') });
      // the deputy's first notice is the chief's hand-over: the clerk's hand-over to the chief never reached them
      const deputyArrival = await deputyInbox.next();
      expect(deputyArrival.data!.inboxArrivals).toMatchObject({ documentId: id, action: 'approve-proposal', fromId: subjectOf(chief!) });
    } finally {
      await chiefInbox.close();
      await deputyInbox.close();
    }
  });

  it("tells a unit liaison of items handed to its unit, as lead or co-unit, and of no other unit's", async () => {
    const notices = await subscribe(platform.gateway, UNIT_NOTICES, { unit: 'QFGW' }, liaison);
    try {
      const other = await assignedItem('另一单位的督办事项', 'QJYJ');
      const lead = await assignedItem('推进老旧小区改造', 'QFGW', ['QZJJ']);
      const co = await assignedItem('完善供暖保障方案', 'QZJJ', ['QFGW']);

      const first = await notices.next();
      expect(first.errors).toBeUndefined();
      expect(first.data!.supervisionUnitNotices).toEqual({
        kind: 'assigned', itemId: lead.id, registerNumber: lead.registerNumber, unit: 'QFGW', role: 'lead', dueOn: lead.dueOn, colour: null,
      });
      const second = await notices.next();
      expect(second.data!.supervisionUnitNotices).toMatchObject({ kind: 'assigned', itemId: co.id, role: 'co' });
      expect([first, second].map((n) => n.data!.supervisionUnitNotices.itemId)).not.toContain(other.id);
    } finally {
      await notices.close();
    }
  });

  it('tells the lead unit when its overdue item escalates to a colour (督办单)', async () => {
    const item = await assignedItem('整治背街小巷环境卫生', 'QFGW');
    const notices = await subscribe(platform.gateway, UNIT_NOTICES, { unit: 'QFGW' }, liaison);
    try {
      // as if 40 days had passed since the hand-over: the item is overdue
      await platform.supervision.runtime.db.$executeRawUnsafe(
        `UPDATE supervision_item SET assigned_on = to_char(assigned_on::date - 40, 'YYYY-MM-DD'), due_on = to_char(due_on::date - 40, 'YYYY-MM-DD') WHERE id = $1::uuid`,
        item.id,
      );
      const run = await graphql(platform.gateway, `mutation { runDailySupervisionChecks { notices { itemId key colour } } }`, {}, supervisor);
      expect(run.errors).toBeUndefined();
      const notice = await notices.next();
      expect(notice.data!.supervisionUnitNotices).toMatchObject({ kind: 'escalated', itemId: item.id, unit: 'QFGW', role: 'lead', colour: 'blue' });
    } finally {
      await notices.close();
    }
  });

  it('tells a district leader when a weekly schedule naming them is issued (周表), and the office staff too', async () => {
    const [clerk, chief, deputy, directorToken, leader] = await Promise.all(
      ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader'].map((u) => login(platform.issuer, u)),
    );
    const leaderId = subjectOf(leader!);
    let week = addCalendarDays(toIsoDate(new Date()), 1);
    while (dayOfWeek(week) !== 1) week = addCalendarDays(week, 1);
    week = addCalendarDays(week, 21); // a week no other test uses
    const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
    const leaderChanges = await subscribe(platform.gateway, `subscription { scheduleChanges { kind scheduleId weekMonday amendmentNo } }`, {}, leader);
    const clerkChanges = await subscribe(platform.gateway, `subscription { scheduleChanges { kind scheduleId weekMonday } }`, {}, clerk);
    try {
      const step = async (name: string, vars: Record<string, unknown>, token: string, args = '$id: ID!', call = 'id: $id') => {
        const res = await graphql(platform.gateway, `mutation M(${args}) { ${name}(${call}) { id state } }`, vars, token);
        expect(res.errors).toBeUndefined();
        return res.data![name];
      };
      const collected = await step(
        'collectWeeklySchedule',
        {
          input: {
            weekMonday: week, partySecretaryId: leaderId, districtMayorId: leaderId,
            entries: [{ source: 'npc-office', startsAt: bj(addCalendarDays(week, 1), '09:00'), endsAt: bj(addCalendarDays(week, 1), '11:00'), place: '区人大常委会会议室', content: '区人大常委会会议', leaderIds: [leaderId], hostUnit: '区人大办' }],
          },
        },
        clerk!,
        '$input: CollectWeeklyScheduleInput!',
        'input: $input',
      );
      const id = collected.id;
      await step('screenWeeklySchedule', { id }, clerk!);
      await step('draftWeeklySchedule', { id }, clerk!);
      await step('reviewWeeklySchedule', { id }, chief!);
      await step('reviewWeeklySchedule', { id }, deputy!);
      await step('submitWeeklyScheduleToDirector', { id }, deputy!);
      await step('readWeeklySchedule', { id }, directorToken!);
      await step('approveWeeklySchedule', { id, as: 'district-mayor' }, leader!, '$id: ID!, $as: String!', 'id: $id, as: $as');
      await step('approveWeeklySchedule', { id, as: 'party-secretary' }, leader!, '$id: ID!, $as: String!', 'id: $id, as: $as');
      await step('issueWeeklySchedule', { id }, clerk!);

      const forLeader = await leaderChanges.next();
      expect(forLeader.errors).toBeUndefined();
      expect(forLeader.data!.scheduleChanges).toEqual({ kind: 'issued', scheduleId: id, weekMonday: week, amendmentNo: null });
      expect((await clerkChanges.next()).data!.scheduleChanges).toEqual({ kind: 'issued', scheduleId: id, weekMonday: week });
    } finally {
      await leaderChanges.close();
      await clerkChanges.close();
    }
  });

  it("refuses a liaison following another unit, and a socket without a valid token", async () => {
    const foreign = await subscribe(platform.gateway, UNIT_NOTICES, { unit: 'QJYJ' }, liaison);
    try {
      const refused = await foreign.next();
      expect(errorCode(refused)).toBe('FORBIDDEN');
    } finally {
      await foreign.close();
    }
    await expect(subscribe(platform.gateway, UNIT_NOTICES, { unit: 'QFGW' }, 'not-a-token')).rejects.toThrow(/4403/);
  });

  it('lets the supervisor follow any unit but not a clerk', async () => {
    const clerk = await login(platform.issuer, 'clerk');
    const byClerk = await subscribe(platform.gateway, UNIT_NOTICES, { unit: 'QFGW' }, clerk);
    try {
      expect(errorCode(await byClerk.next())).toBe('FORBIDDEN');
    } finally {
      await byClerk.close();
    }
  });
});
