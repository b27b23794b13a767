import type { NatsConnection } from '@nats-io/transport-node';
import { legalReview, meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, eventually, publishTestEvent, readEventStream, refusalOf, republishTestEvent, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

/**
 * Issue 4 §3–§6 over NATS against a real database: a 区委常委会议 from plan to notice, sign-for, topics with the
 * legality-review gate, sign-in, the report to the chair, the meeting held, and minutes with three decisions
 * issued as gov.meetings.minutes.issued; a 室务会 deciding items. March 2026 has no holidays: the dates are
 * plain working days (Mon 2 … Fri 13, Mon 16, Tue 17).
 */
let current = new Date('2026-03-02T02:00:00Z'); // Mon 2 March 10:00 Beijing
const clock = { now: () => new Date(current.getTime()) };
const at = (beijing: string) => {
  current = new Date(`${beijing.replace(' ', 'T')}:00+08:00`);
};

const clerk = testActor('clerk');
const deputy = testActor('deputy-director');
const director = testActor('director');
const leader = testActor('district-leader');
const chief = testActor('section-chief');
const liaison = testActor('unit-liaison', { unit: 'QFGW' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const events = async () => {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).map((e) => e.envelope);
};

async function count(table: string) {
  const rows = await service.runtime.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM ${table}`);
  return Number(rows[0]!.n);
}

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
  title: '区委常委会第12次会议',
  place: '区委第一会议室',
  startsAt: '2026-03-13T01:00:00Z', // Fri 13 March 09:00 Beijing
  endsAt: '2026-03-13T03:00:00Z',
  chair: '区委书记',
  attendees: ['甲', '乙', '丙', '丁'],
  recipientUnits: ['QFGW', 'QCZJ'],
  majorIssues: true,
};

describe('区委常委会议 from plan to minutes (issue 4 §3–§5)', () => {
  let meetingId: string;
  let reviewedTopicId: string;
  let minutesId: string;

  it('plans, reviews (deputy director) and approves (district leader) the plan; roles are checked', async () => {
    at('2026-03-02 10:00');
    const planned = await rpc.request(meetings.planMeeting, committee, { actor: clerk });
    meetingId = planned.id;
    expect(planned).toMatchObject({ state: 'drafted', typeName: '区委常委会议（含扩大会议）', notice: { sentAt: null, unsignedUnits: ['QCZJ', 'QFGW'] } });
    expect((await refusalOf(rpc.request(meetings.reviewMeetingPlan, { id: meetingId }, { actor: clerk }))).code).toBe('FORBIDDEN');
    await rpc.request(meetings.reviewMeetingPlan, { id: meetingId }, { actor: deputy });
    expect((await refusalOf(rpc.request(meetings.issueNotice, { id: meetingId }, { actor: clerk }))).code).toBe('CONFLICT');
    const approved = await rpc.request(meetings.approveMeetingPlan, { id: meetingId }, { actor: leader });
    expect(approved.state).toBe('approved');
    // Staff arrival: meeting service 30 minutes, recorders 10 minutes before the start (seed 000 L68, L74, L556).
    expect(approved.arrivals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staff: 'meeting-service', dueAt: '2026-03-13T00:30:00.000Z' }),
        expect.objectContaining({ staff: 'recorder', dueAt: '2026-03-13T00:50:00.000Z' }),
      ]),
    );
  });

  it('refuses a large-meeting plan without its fields (seed 000 L66)', async () => {
    const e = await refusalOf(rpc.request(meetings.planMeeting, { ...committee, typeCode: 'committee-plenary', plan: { name: '全会' } }, { actor: clerk }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details).toMatchObject({ missing: expect.arrayContaining(['theme', 'secretariat', 'taskDivision']) });
  });

  it('takes topics by the 3-day deadline (SCENARIOS seed003 #14), refuses late and ad-hoc ones, and asks legal-review', async () => {
    at('2026-03-09 10:00'); // Monday: the deadline is close of business on Tuesday 10 March
    const topic = {
      meetingId,
      title: '关于《区老旧小区改造实施办法》的议题',
      proposingUnit: 'QZJJ',
      materialsAttached: true,
      materialsSignedByLeader: true,
      attendeeListAttached: true,
    };
    const reviewed = await rpc.request(meetings.submitTopic, { ...topic, normativeDocument: true }, { actor: clerk });
    reviewedTopicId = reviewed.id;
    expect(reviewed).toMatchObject({ legalReview: 'pending', blocks: ['legal-review-pending'], submissionLatestDate: '2026-03-10', legalOfficeSitsIn: true });
    const noMaterials = await refusalOf(rpc.request(meetings.submitTopic, { ...topic, attendeeListAttached: false }, { actor: clerk }));
    expect([noMaterials.code, noMaterials.details]).toEqual(['BAD_USER_INPUT', { missing: ['attendeeList'] }]);
    const adHoc = await refusalOf(rpc.request(meetings.submitTopic, { ...topic, origin: 'ad-hoc' }, { actor: clerk }));
    expect(adHoc.code).toBe('DEADLINE_RULE');

    at('2026-03-11 10:00');
    const late = await refusalOf(rpc.request(meetings.submitTopic, topic, { actor: clerk }));
    expect([late.code, late.details?.latestDate]).toEqual(['DEADLINE_RULE', '2026-03-10']);

    const requested = (await events()).filter((e) => e.type === meetings.topicLegalReviewRequested.type);
    expect(requested).toHaveLength(1);
    expect(requested[0]!.data).toMatchObject({ subject: { section: 'meetings', kind: 'topic', id: reviewedTopicId }, grounds: ['normative-document'] });
  });

  it('refuses a late notice with DEADLINE_RULE (major issues: 2 working days, SCENARIOS seed000-a #5) and issues it in time', async () => {
    at('2026-03-12 09:00');
    const tables = ['meeting_history', 'outbox', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    const late = await refusalOf(rpc.request(meetings.issueNotice, { id: meetingId }, { actor: clerk }));
    expect([late.code, late.details?.latestDate, late.details?.basis]).toEqual(['DEADLINE_RULE', '2026-03-11', 'major-issues']);
    expect(await Promise.all(tables.map(count))).toEqual(before); // a refusal writes nothing

    at('2026-03-11 10:00');
    const issued = await rpc.request(meetings.issueNotice, { id: meetingId }, { actor: clerk });
    expect(issued.state).toBe('notified');
    expect(issued.notice).toMatchObject({ basis: 'major-issues', lead: { amount: 2, unit: 'working' }, latestDate: '2026-03-11', late: false });
    const notice = (await events()).find((e) => e.type === meetings.noticeIssued.type && e.subject === meetingId);
    expect(notice!.data).toMatchObject({ late: false, recipientUnits: ['QCZJ', 'QFGW'], title: committee.title });
  });

  it('tracks sign-fors and lists the units that have not signed at close of business (SCENARIOS seed000-a #7)', async () => {
    at('2026-03-11 15:00');
    const other = await refusalOf(rpc.request(meetings.signForNotice, { id: meetingId, unit: 'QCZJ' }, { actor: liaison }));
    expect(other.code).toBe('FORBIDDEN');
    const signed = await rpc.request(meetings.signForNotice, { id: meetingId, unit: 'QFGW' }, { actor: liaison });
    expect(signed.notice.unsignedUnits).toEqual(['QCZJ']);
    const list = await rpc.request(meetings.unsignedNotices, { date: '2026-03-11' }, { actor: clerk });
    expect(list.notices.find((n) => n.meetingId === meetingId)).toEqual({ meetingId, title: committee.title, units: ['QCZJ'] });
    expect((await rpc.request(meetings.unsignedNotices, { date: '2026-03-14' }, { actor: clerk })).notices).toEqual([]); // Saturday
  });

  it('blocks a topic whose legality review failed (event topic blocked) and refuses its deliberation', async () => {
    const topic = await rpc.request(meetings.getTopic, { id: reviewedTopicId }, { actor: clerk });
    const conclusion = {
      reviewId: '0b6f1f7e-3f0d-4a51-9d7b-2f1d1a3c4e5f',
      requestId: topic.legalReviewRequestId!,
      subject: { section: 'meetings', kind: 'topic', id: reviewedTopicId },
      outcome: 'failed',
      opinionNumber: '法审〔2026〕4号',
      summary: '与上位法相抵触',
      concludedAt: '2026-03-11T07:00:00.000Z',
      concludedBy: '2d3c4b5a-6f7e-4d8c-9b0a-1e2f3a4b5c6d',
    } as const;
    const envelope = await publishTestEvent(nc, space, legalReview.reviewConcluded, conclusion);
    const blocked = await eventually(async () => {
      const t = await rpc.request(meetings.getTopic, { id: reviewedTopicId }, { actor: clerk });
      return t.legalReview === 'failed' ? t : undefined;
    });
    expect(blocked).toMatchObject({ state: 'blocked', blocks: ['legal-review-failed'], legalReviewOpinionNumber: '法审〔2026〕4号' });
    const ev = (await events()).find((e) => e.type === meetings.topicBlocked.type);
    expect(ev!.data).toMatchObject({ topicId: reviewedTopicId, blocks: ['legal-review-failed'] });
    const refused = await refusalOf(rpc.request(meetings.deliberateTopic, { id: reviewedTopicId }, { actor: clerk }));
    expect([refused.code, refused.details]).toEqual(['CONFLICT', { blocks: ['legal-review-failed'] }]);
    // A replay of the same conclusion changes nothing.
    await republishTestEvent(nc, space, envelope, `replay-${envelope.id}`);
    await new Promise((r) => setTimeout(r, 500));
    expect((await events()).filter((e) => e.type === meetings.topicBlocked.type)).toHaveLength(1);
  });

  it('takes sign-in and leave, tells the chair at 08:55 (SCENARIOS seed000-a #6), holds the meeting only with every absence explained', async () => {
    at('2026-03-13 08:30');
    await rpc.request(meetings.signIn, { id: meetingId, attendeeId: '甲' }, { actor: clerk });
    await rpc.request(meetings.signIn, { id: meetingId, attendeeId: '乙' }, { actor: clerk });
    await rpc.request(meetings.requestLeave, { id: meetingId, attendeeId: '丁', reason: '出差', approved: true }, { actor: clerk });
    expect((await refusalOf(rpc.request(meetings.signIn, { id: meetingId, attendeeId: '戊' }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    const report = await rpc.request(meetings.chairReport, { id: meetingId }, { actor: clerk });
    expect(report).toEqual({ dueAt: '2026-03-13T00:55:00.000Z', present: ['甲', '乙'], onLeave: [{ attendeeId: '丁', reason: '出差' }], notArrived: ['丙'] });

    await rpc.request(meetings.issueDocuments, { id: meetingId, documents: [{ documentId: '会议材料-1', copies: 4 }] }, { actor: clerk });
    expect((await refusalOf(rpc.request(meetings.holdMeeting, { id: meetingId }, { actor: clerk }))).code).toBe('CONFLICT'); // not started

    at('2026-03-13 11:00');
    const noReason = await refusalOf(rpc.request(meetings.holdMeeting, { id: meetingId }, { actor: clerk }));
    expect([noReason.code, noReason.details]).toEqual(['BAD_USER_INPUT', { without: ['丙'] }]);
    await rpc.request(meetings.recordAbsenceReason, { id: meetingId, attendeeId: '丙', reason: '因病' }, { actor: clerk });
    expect((await refusalOf(rpc.request(meetings.recoverDocuments, { id: meetingId, documents: [{ documentId: '会议材料-1', copies: 5 }] }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    const recovered = await rpc.request(meetings.recoverDocuments, { id: meetingId, documents: [{ documentId: '会议材料-1', copies: 3 }] }, { actor: clerk });
    expect(recovered.documents).toEqual([{ documentId: '会议材料-1', copiesIssued: 4, copiesRecovered: 3, outstanding: 1 }]);
    const held = await rpc.request(meetings.holdMeeting, { id: meetingId }, { actor: clerk });
    expect(held.state).toBe('held');
    const ev = (await events()).find((e) => e.type === meetings.meetingHeld.type);
    // Standing committee held on Friday: the minutes are due in 2 working days, Tuesday 17:00 (SCENARIOS seed000-b #1).
    expect(ev!.data).toMatchObject({ present: 2, onLeave: 1, absent: 1, documentsOutstanding: 1, minutesDraftDueAt: '2026-03-17T09:00:00.000Z' });
  });

  it('drafts, reviews, numbers, signs and issues minutes with three decisions as three items of minutes.issued', async () => {
    at('2026-03-13 15:00');
    const decisions = [
      { text: '原则通过老旧小区改造实施方案，由区住建局牵头实施。', leadUnit: 'QZJJ', coUnits: ['QCZJ', 'QZJJ'], dueDate: '2026-06-30' },
      { text: '区财政局研究资金保障办法。', leadUnit: 'QCZJ' },
      { text: '区发改委做好项目储备。', leadUnit: 'QFGW' },
    ];
    const noLead = await refusalOf(rpc.request(meetings.draftMinutes, { meetingId, title: '区委常委会第12次会议纪要', decisions: [{ text: '研究', leadUnit: ' ' }] }, { actor: clerk }));
    expect(noLead.code).toBe('BAD_USER_INPUT');
    const drafted = await rpc.request(meetings.draftMinutes, { meetingId, title: '区委常委会第12次会议纪要', decisions }, { actor: clerk });
    minutesId = drafted.id;
    expect(drafted).toMatchObject({
      state: 'drafted',
      draftDueAt: '2026-03-17T09:00:00.000Z',
      draftBasis: 'standing-committee',
      issueDueAt: '2026-03-20T09:00:00.000Z', // one calendar week (SCENARIOS seed003 #15)
      draftOverdue: false,
      requiredSigners: ['role:section-chief', 'role:deputy-director', 'role:director'],
    });
    expect((await refusalOf(rpc.request(meetings.draftMinutes, { meetingId, title: 'x', decisions }, { actor: clerk }))).code).toBe('CONFLICT');

    await rpc.request(meetings.reviewMinutes, { id: minutesId }, { actor: chief });
    await rpc.request(meetings.reviewMinutes, { id: minutesId }, { actor: deputy });
    const registered = await rpc.request(meetings.registerMinutes, { id: minutesId }, { actor: clerk });
    expect(registered.number).toBe('区委常委会议纪要〔2026〕1号');
    expect((await refusalOf(rpc.request(meetings.completeMinutesSigning, { id: minutesId }, { actor: clerk }))).code).toBe('CONFLICT');

    at('2026-03-16 10:00');
    expect((await refusalOf(rpc.request(meetings.signMinutes, { id: minutesId }, { actor: leader }))).code).toBe('FORBIDDEN'); // not a signer of these minutes
    await rpc.request(meetings.signMinutes, { id: minutesId }, { actor: director });
    expect((await refusalOf(rpc.request(meetings.signMinutes, { id: minutesId }, { actor: director }))).code).toBe('FORBIDDEN');
    const signed = await rpc.request(meetings.completeMinutesSigning, { id: minutesId }, { actor: clerk });
    expect(signed).toMatchObject({ state: 'signed', missingSigners: [], issueDueAfterSigningAt: '2026-03-17T09:00:00.000Z' });

    at('2026-03-17 10:00');
    const issued = await rpc.request(meetings.issueMinutes, { id: minutesId }, { actor: clerk });
    expect(issued).toMatchObject({ state: 'issued', issuedLate: false });
    const ev = (await events()).find((e) => e.type === meetings.minutesIssued.type);
    expect(ev!.subject).toBe(minutesId);
    expect(ev!.data).toMatchObject({ meetingId, meetingType: 'standing-committee', number: '区委常委会议纪要〔2026〕1号', issuedOn: '2026-03-17' });
    expect((ev!.data as { decisions: unknown[] }).decisions).toEqual([
      { decisionNo: 1, matter: decisions[0]!.text, leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-06-30' },
      { decisionNo: 2, matter: decisions[1]!.text, leadUnit: 'QCZJ', coUnits: [], dueOn: null },
      { decisionNo: 3, matter: decisions[2]!.text, leadUnit: 'QFGW', coUnits: [], dueOn: null },
    ]);
    const meeting = await rpc.request(meetings.getMeeting, { id: meetingId }, { actor: director });
    expect(meeting.minutes).toMatchObject({ id: minutesId, state: 'issued', number: '区委常委会议纪要〔2026〕1号' });
    expect(meeting.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['draft', 'review', 'approve', 'issue-notice', 'sign-for-notice', 'sign-in', 'request-leave', 'record-absence-reason', 'hold']),
    );
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });
});

describe('室务会 decisions (issue 4 §6, SCENARIOS seed003 #1–#4, #7)', () => {
  let officeId: string;
  const members = ['主任', '副主任甲', '副主任乙', '委员甲', '委员乙'];

  beforeAll(async () => {
    at('2026-03-02 10:00');
    const m = await rpc.request(
      meetings.planMeeting,
      { typeCode: 'office-affairs-meeting', title: '办公室室务会', place: '三楼会议室', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T02:00:00Z', chair: '主任', attendees: members },
      { actor: clerk },
    );
    officeId = m.id;
    await rpc.request(meetings.reviewMeetingPlan, { id: officeId }, { actor: deputy });
    await rpc.request(meetings.approveMeetingPlan, { id: officeId }, { actor: leader });
    await rpc.request(meetings.issueNotice, { id: officeId }, { actor: clerk });
    at('2026-03-05 08:50');
    for (const p of ['主任', '副主任甲', '副主任乙']) await rpc.request(meetings.signIn, { id: officeId, attendeeId: p }, { actor: clerk });
  });

  const item = (over: Partial<meetings.DecideOfficeItemInput> = {}): meetings.DecideOfficeItemInput => ({
    meetingId: officeId,
    title: '办公楼维修项目',
    kind: 'project',
    matter: { kind: 'investment-project', amount: 120_000 },
    speakingOrder: ['副主任甲', '副主任乙', '主任'],
    ballots: [
      { memberId: '副主任甲', opinion: 'agree', reason: '必要' },
      { memberId: '副主任乙', opinion: 'agree', reason: '必要' },
      { memberId: '主任', opinion: 'agree', reason: '同意' },
      { memberId: '委员甲', opinion: 'disagree', reason: '书面意见', written: true },
    ],
    ...over,
  });

  it('passes with 3 of 5 members (more than half of all), the absent member’s written opinion recorded but not counted', async () => {
    const decided = await rpc.request(meetings.decideOfficeItem, item(), { actor: clerk });
    expect(decided).toMatchObject({ members: 5, present: 3, requiresCollectiveDecision: true });
    expect(decided.tallies).toEqual([{ candidateId: null, agree: 3, disagree: 0, defer: 0, shouldAttend: 5, notCounted: ['委员甲'], outcome: 'passed' }]);
  });

  it('does not pass with 2 agree of 5 members present 3', async () => {
    const ballots = [
      { memberId: '副主任甲', opinion: 'agree' as const, reason: '必要' },
      { memberId: '副主任乙', opinion: 'disagree' as const, reason: '缓办' },
      { memberId: '主任', opinion: 'agree' as const, reason: '同意' },
    ];
    expect((await rpc.request(meetings.decideOfficeItem, item({ ballots }), { actor: clerk })).tallies[0]!.outcome).toBe('not-passed');
  });

  it('refuses: the chair not last, a cadre item without two thirds, a conflicted member voting, an ad-hoc 三重一大 motion', async () => {
    expect((await refusalOf(rpc.request(meetings.decideOfficeItem, item({ speakingOrder: ['主任', '副主任甲', '副主任乙'] }), { actor: clerk }))).code).toBe('CONFLICT');
    expect((await refusalOf(rpc.request(meetings.decideOfficeItem, item({ kind: 'cadre', matter: { kind: 'cadre' } }), { actor: clerk }))).code).toBe('CONFLICT');
    const conflicted = await refusalOf(
      rpc.request(meetings.decideOfficeItem, item({ conflictedMemberIds: ['委员甲'] }), { actor: clerk }),
    );
    expect(conflicted.code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(meetings.decideOfficeItem, item({ adHocMotion: true }), { actor: clerk }))).code).toBe('DEADLINE_RULE');
    expect((await rpc.request(meetings.listOfficeItems, { meetingId: officeId }, { actor: director })).items).toHaveLength(2);
  });

  it('votes cadre candidates one by one, with the conflicted member stepped out (SCENARIOS seed003 #7)', async () => {
    for (const p of ['委员甲', '委员乙']) await rpc.request(meetings.signIn, { id: officeId, attendeeId: p }, { actor: clerk });
    const candidates = ['候选人甲', '候选人乙', '候选人丙'];
    const voters = ['副主任甲', '副主任乙', '委员甲', '主任'];
    const ballots = candidates.flatMap((c) => voters.map((m) => ({ memberId: m, opinion: c === '候选人丙' && m !== '主任' ? ('disagree' as const) : ('agree' as const), reason: '综合考察', candidateIds: [c] })));
    const cadre = item({ title: '科级干部任免', kind: 'cadre', matter: { kind: 'cadre' }, conflictedMemberIds: ['委员乙'], speakingOrder: voters, candidateIds: candidates, ballots });
    const block = await refusalOf(rpc.request(meetings.decideOfficeItem, { ...cadre, ballots: [{ memberId: '副主任甲', opinion: 'agree', reason: '同意', candidateIds: candidates }] }, { actor: clerk }));
    expect(block.code).toBe('BAD_USER_INPUT');
    const relative = await refusalOf(rpc.request(meetings.decideOfficeItem, { ...cadre, ballots: [...ballots, { memberId: '委员乙', opinion: 'agree', reason: '同意', candidateIds: ['候选人丙'] }] }, { actor: clerk }));
    expect(relative.code).toBe('FORBIDDEN');
    const decided = await rpc.request(meetings.decideOfficeItem, cadre, { actor: clerk });
    expect(decided.present).toBe(4); // 5 present, the conflicted member not counted: 4 of 5 ≥ two thirds
    expect(decided.tallies.map((t) => [t.candidateId, t.agree, t.outcome])).toEqual([
      ['候选人甲', 4, 'passed'],
      ['候选人乙', 4, 'passed'],
      ['候选人丙', 1, 'not-passed'],
    ]);
  });

  it('admits a 室务会 topic only with pre-review, agreement and the member in charge’s review (SCENARIOS seed003 #5)', async () => {
    at('2026-03-03 10:00'); // 室务会 on Thursday 5 March: topics by close of business on Wednesday 4 March
    const admission = {
      normativeOrMajorDecision: true,
      preReviewDone: false,
      requiredStudySkipped: false,
      crossUnit: true,
      unitsAgreed: false,
      preferredOptionAndOthersAttached: false,
      reviewedByMemberInCharge: true,
    };
    const topic = { meetingId: officeId, title: '关于调整公务用车管理办法的议题', proposingUnit: 'QWBGS', materialsAttached: true, officeAdmission: admission };
    const refused = await refusalOf(rpc.request(meetings.submitTopic, topic, { actor: clerk }));
    expect([refused.code, refused.details]).toEqual(['CONFLICT', { reasons: ['no-pre-review', 'units-not-agreed'] }]);
    const urgentWithout = await refusalOf(rpc.request(meetings.submitTopic, { ...topic, urgent: true, officeAdmission: { ...admission, preReviewDone: true } }, { actor: clerk }));
    expect(urgentWithout.details).toEqual({ reasons: ['urgent-without-opinions'] });
    expect((await refusalOf(rpc.request(meetings.submitTopic, { ...topic, officeAdmission: undefined }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    const admitted = await rpc.request(
      meetings.submitTopic,
      { ...topic, urgent: true, officeAdmission: { ...admission, preReviewDone: true, preferredOptionAndOthersAttached: true } },
      { actor: clerk },
    );
    expect(admitted).toMatchObject({ state: 'submitted', submissionLatestDate: '2026-03-04' });
  });

  it('requires a 室务会 for the 三重一大 thresholds: purchases ≥ ¥50,000 (not by circulation), below not', async () => {
    const refused = await refusalOf(
      rpc.request(meetings.checkDecisionMethod, { matter: { kind: 'one-time-purchase', amount: 50_000 }, method: 'circulated-countersignature' }, { actor: director }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(
      await rpc.request(meetings.checkDecisionMethod, { matter: { kind: 'one-time-purchase', amount: 49_999 }, method: 'individual' }, { actor: director }),
    ).toEqual({ requiresCollectiveDecision: false, followUpReport: false });
    expect(
      await rpc.request(meetings.checkDecisionMethod, { matter: { kind: 'investment-project', amount: 100_000 }, method: 'individual', emergency: true }, { actor: director }),
    ).toEqual({ requiresCollectiveDecision: true, followUpReport: true });
  });
});
