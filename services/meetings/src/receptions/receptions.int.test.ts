import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '@gov/calendar';
import { meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

// Monday 2 March 2026, 10:00 Beijing; the clock moves with the activity's timeline.
let now = new Date('2026-03-02T02:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const at = (iso: string) => (now = new Date(iso));

const clerk = testActor('clerk');
const deputy = testActor('deputy-director');
const foreignAffairs = testActor('foreign-affairs-officer');
const IN_CHARGE = '00000000-0000-4000-8000-00000000b001';
const PRINCIPAL = '00000000-0000-4000-8000-00000000b002';
const inCharge = testActor('district-leader', { id: IN_CHARGE, name: '分管副区长' });
const principal = testActor('district-leader', { id: PRINCIPAL, name: '区长' });
const otherLeader = testActor('district-leader', { id: '00000000-0000-4000-8000-00000000b003', name: '另一位区领导' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const events = async (type: string) => (await readEventStream(nc, space)).map((e) => e.envelope).filter((e) => e.type === type);
const step = (id: string, action: (typeof meetings.ACTIVITY_STEP_ACTIONS)[number], who: typeof clerk, reason?: string) =>
  rpc.request(meetings.advanceActivityPlan, { id, action, ...(reason ? { reason } : {}) }, { actor: who });

async function plans() {
  return Number((await service.runtime.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM activity_plan'))[0]!.n);
}

const receptionPlan = {
  time: '3月5日上午10:00', place: '区行政中心贵宾室', attendingLeaders: ['区长', '分管副区长'], departments: ['区外事办', '区商务局'],
  itinerary: ['座谈', '参观产业园'], cateringAndAccommodation: '区机关食堂工作餐', officeAssistance: ['会场布置', '摄像'],
};

const reception = (over: Partial<Record<string, unknown>> = {}) => ({
  kind: 'reception',
  title: '接待市政府领导带队的友好城市代表团',
  startsAt: '2026-03-05T02:00:00Z', // Thursday 5 March 10:00 Beijing
  place: '区行政中心贵宾室',
  foreignRelated: true,
  visit: { origin: 'municipal-government', rank: 'vice-ministerial-or-above', accompaniedBy: 'none' },
  plan: receptionPlan,
  leaderInChargeId: IN_CHARGE,
  principalLeaderId: PRINCIPAL,
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

describe('接待与大型活动 over NATS against a real database (issue 4 §7)', () => {
  it.each([
    [{ origin: 'municipal-government', rank: 'bureau-level-or-below' }, { lead: 'district-government-office', support: 'relevant-departments', row: 1 }],
    [{ origin: 'other-municipal-organ', rank: 'vice-ministerial-or-above' }, { lead: 'matching-department', support: null, officeInvolved: false, row: 2 }],
    [{ origin: 'national-ministry', rank: 'vice-ministerial-or-above', accompaniedBy: 'municipal-government-leader' }, { lead: 'district-government-office', support: 'matching-department', row: 3 }],
    [{ origin: 'national-ministry', rank: 'vice-ministerial-or-above', accompaniedBy: 'none' }, { lead: 'matching-department', support: 'district-government-office', row: 3 }],
    [{ origin: 'other-province-or-municipality', rank: 'bureau-level-or-below' }, { lead: 'matching-department', officeInvolved: false, row: 4 }],
  ])('seed 004 L162–168: who leads a reception of %j', async (visit, expected) => {
    expect(await rpc.request(meetings.receptionLead, visit as never, { actor: clerk })).toMatchObject(expected);
  });

  it('a foreign-related reception: plan, deputy review, 外事科 (event), both leaders approve, notice 1 WD before, venue on the eve, ¥500 rule at the door', async () => {
    const p = await rpc.request(meetings.draftActivityPlan, reception() as never, { actor: clerk });
    expect(p).toMatchObject({ state: 'drafted', lead: { lead: 'district-government-office', row: 1 }, venueSetBy: '2026-03-04', staffOnPostAt: '2026-03-05T01:00:00.000Z' });

    await step(p.id, 'review', deputy);
    expect((await refusalOf(step(p.id, 'submit-to-leader', clerk))).code).toBe('CONFLICT');
    await step(p.id, 'send-to-foreign-affairs', clerk);
    const ev = await eventually(async () => (await events(meetings.foreignAffairsOpinionRequested.type)).find((e) => e.subject === p.id));
    expect(ev.data).toMatchObject({ kind: 'activity-plan', reference: p.title, startsAt: '2026-03-05T02:00:00.000Z' });
    await rpc.request(meetings.giveActivityForeignAffairsOpinion, { id: p.id, opinion: '同意，按外事接待规范安排' }, { actor: foreignAffairs });
    await step(p.id, 'submit-to-leader', clerk);

    // seed 004 L172: the leader in charge AND the principal leader; another leader may not.
    expect((await refusalOf(step(p.id, 'approve', otherLeader))).code).toBe('FORBIDDEN');
    const half = await step(p.id, 'approve', inCharge);
    expect(half).toMatchObject({ state: 'with-leader', approvals: ['deputy-director', 'leader-in-charge'] });
    expect((await refusalOf(step(p.id, 'approve', inCharge))).code).toBe('CONFLICT');
    expect((await refusalOf(rpc.request(meetings.issueActivityNotice, { id: p.id }, { actor: clerk }))).code).toBe('CONFLICT');
    const approved = await step(p.id, 'approve', principal);
    expect(approved).toMatchObject({ state: 'approved', approvals: ['deputy-director', 'leader-in-charge', 'principal-leader'] });

    at('2026-03-04T08:00:00Z'); // Wednesday 16:00: the 1st working day before Thursday
    const notified = await rpc.request(meetings.issueActivityNotice, { id: p.id }, { actor: clerk });
    expect(notified).toMatchObject({ state: 'notified', noticeLatestDate: '2026-03-04' });
    at('2026-03-04T12:00:00Z'); // Wednesday 20:00: still the eve
    expect((await rpc.request(meetings.setActivityVenue, { id: p.id }, { actor: clerk })).state).toBe('venue-set');

    // SCENARIOS seed002 #1: ¥600 without the director told is blocked; with it, held.
    at('2026-03-05T04:00:00Z');
    const blocked = await refusalOf(rpc.request(meetings.holdActivity, { id: p.id, estimatedCost: 600, approvedByLogisticsCadre: true }, { actor: clerk }));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('预计超过500元需向区府办主任汇报');
    const held = await rpc.request(meetings.holdActivity, { id: p.id, estimatedCost: 600, approvedByLogisticsCadre: true, directorInformed: true }, { actor: clerk });
    expect(held.history.map((h) => h.action)).toEqual(['draft', 'review', 'send-to-foreign-affairs', 'give-opinion', 'submit-to-leader', 'approve', 'approve', 'issue-notice', 'set-venue', 'hold']);

    // SCENARIOS seed002 #2: a reimbursement without the menu is refused as 手续不全; with all four documents it is recorded once.
    const incomplete = await refusalOf(rpc.request(meetings.reimburseReception, { id: p.id, attached: ['invoice', 'approval-form', 'official-letter'] }, { actor: clerk }));
    expect(incomplete.code).toBe('BAD_USER_INPUT');
    expect(incomplete.message).toContain('手续不全');
    expect(incomplete.details).toMatchObject({ missing: ['menu'] });
    const reimbursed = await rpc.request(meetings.reimburseReception, { id: p.id, attached: ['invoice', 'approval-form', 'official-letter', 'menu'] }, { actor: clerk });
    expect(reimbursed).toMatchObject({ state: 'held', reimbursedAt: now.toISOString() });
    expect((await refusalOf(rpc.request(meetings.reimburseReception, { id: p.id, attached: ['invoice', 'approval-form', 'official-letter', 'menu'] }, { actor: clerk }))).code).toBe('CONFLICT');
  });

  it('refuses a reception the office does not handle, a plan lacking fields, and assistance beyond the office’s share', async () => {
    at('2026-03-02T02:00:00Z');
    const before = await plans();
    const notOurs = await refusalOf(rpc.request(meetings.draftActivityPlan, reception({ visit: { origin: 'other-municipal-organ', rank: 'bureau-level-or-below' } }) as never, { actor: clerk }));
    expect(notOurs.code).toBe('CONFLICT');
    const lacking = await refusalOf(rpc.request(meetings.draftActivityPlan, reception({ plan: { time: '3月5日' } }) as never, { actor: clerk }));
    expect(lacking.code).toBe('BAD_USER_INPUT');
    expect(lacking.details).toMatchObject({ missing: ['place', 'attendingLeaders', 'departments', 'itinerary', 'cateringAndAccommodation', 'officeAssistance'] });
    const beyond = await refusalOf(
      rpc.request(
        meetings.draftActivityPlan,
        reception({ visit: { origin: 'national-ministry', rank: 'vice-ministerial-or-above' }, officeAssistance: ['venue-setup', 'itinerary-planning'] }) as never,
        { actor: clerk },
      ),
    );
    expect(beyond.code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(meetings.draftActivityPlan, reception() as never, { actor: deputy }))).code).toBe('FORBIDDEN');
    expect(await plans()).toBe(before);
  });

  it('SCENARIOS seed000-a #5 (general activity, L86): a notice later than 1 working day before is refused unless ad hoc; a venue set on the day is refused', async () => {
    at('2026-03-02T02:00:00Z');
    const activity = await rpc.request(
      meetings.draftActivityPlan,
      {
        kind: 'activity',
        title: '全区植树节义务植树活动',
        startsAt: '2026-03-04T01:00:00Z', // Wednesday 4 March 09:00
        place: '区滨河公园',
        plan: { time: '3月4日上午', place: '滨河公园', theme: '义务植树', route: ['区行政中心—滨河公园'], participants: ['区领导', '区直机关干部'], agenda: ['植树', '合影'], taskDivision: '区林业局负责苗木' },
      },
      { actor: clerk },
    );
    await step(activity.id, 'review', deputy);
    await step(activity.id, 'submit-to-leader', clerk);
    expect((await step(activity.id, 'approve', inCharge)).approvals).toEqual(['deputy-director', 'district-leader']);

    at('2026-03-03T10:00:00Z'); // Tuesday 18:00: after close of business on the latest day (Tuesday 3 March)
    const late = await refusalOf(rpc.request(meetings.issueActivityNotice, { id: activity.id }, { actor: clerk }));
    expect(late.code).toBe('DEADLINE_RULE');
    const adHoc = await rpc.request(meetings.issueActivityNotice, { id: activity.id, adHoc: true }, { actor: clerk });
    expect(adHoc.state).toBe('notified');
    expect(adHoc.history.at(-1)).toMatchObject({ action: 'issue-notice' });

    at('2026-03-04T00:00:00Z'); // Wednesday 08:00, the day itself
    expect((await refusalOf(rpc.request(meetings.setActivityVenue, { id: activity.id }, { actor: clerk }))).code).toBe('DEADLINE_RULE');
    const list = await rpc.request(meetings.listActivityPlans, { kind: 'activity' }, { actor: deputy });
    expect(list.items.map((i) => i.id)).toContain(activity.id);
  });
});
