import { workingDays } from './lead-time.js';
import {
  assertPlanComplete,
  assertPlanMaterialsAttached,
  assertSeatingApproved,
  assertSpecialisedAssistance,
  DEFAULT_PLAN_SETTINGS,
  LARGE_MEETING_PLAN_FIELDS,
  missingPlanFields,
  nextPlanState,
  PLAN_TRANSITIONS,
  PlanSettingsSchema,
  specialisedMeetingApprovals,
  TOPIC_MEETING_PLAN_FIELDS,
  topicPlanRoute,
  topicPlanSignOffTiming,
  type PlanAction,
  type PlanGuardContext,
  type PlanKind,
  type PlanState,
} from './meeting-plan.rules.js';
import { actor, bj, cal, code } from './spec-kit.js';

describe('settings', () => {
  it('default: the topic-meeting plan signed 1 working day before (seed 002 L439)', () => {
    expect(DEFAULT_PLAN_SETTINGS).toEqual({ topicPlanSignOff: workingDays(1) });
    expect(PlanSettingsSchema.safeParse({ topicPlanSignOff: { amount: 1 } }).success).toBe(false);
  });
});

describe('plan fields', () => {
  const full = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, 'x']));
  it.each<[PlanKind, number]>([
    ['large-meeting', 12], // seed 000 L66
    ['topic-meeting', 7], // seed 002 L434
    ['specialised-application', 8], // seed 004 L129: six fields and two attachments
  ])('%s: %i items', (kind, n) => {
    const fields = kind === 'large-meeting' ? LARGE_MEETING_PLAN_FIELDS : kind === 'topic-meeting' ? TOPIC_MEETING_PLAN_FIELDS : null;
    const plan = fields ? full(fields) : full(['content', 'time', 'place', 'agenda', 'attendingLeaders', 'participants', 'leaderSpeech', 'hostScript']);
    expect(missingPlanFields(kind, {})).toHaveLength(n);
    expect(missingPlanFields(kind, plan)).toEqual([]);
  });
  // SCENARIOS.md seed002 #19: a plan missing any of the 7 fields is invalid
  it.each(TOPIC_MEETING_PLAN_FIELDS.map((f) => [f]))('a topic-meeting plan without %s is BAD_USER_INPUT', (field) => {
    const plan = { ...full(TOPIC_MEETING_PLAN_FIELDS), [field]: '' };
    expect(code(() => assertPlanComplete('topic-meeting', plan))).toBe('BAD_USER_INPUT');
  });
  it('a specialised application without the leader’s speech lacks it', () => {
    expect(missingPlanFields('specialised-application', { content: 'a', time: 'b', place: 'c', agenda: ['d'], attendingLeaders: ['e'], participants: ['f'], hostScript: 'g' })).toEqual([
      'leaderSpeech',
    ]);
  });
});

describe('large-meeting plan state machine (seed 000 L68, L72)', () => {
  const ctx: PlanGuardContext = { typeCode: 'committee-work-conference', manyAttendeesOrWideScope: false, preNoticeConsent: false, seatingApprovedBy: null };
  const pre = { ...ctx, manyAttendeesOrWideScope: true, preNoticeConsent: true };
  it.each<[PlanState | null, PlanAction, string, PlanState, PlanGuardContext]>([
    [null, 'draft', 'clerk', 'drafted', ctx],
    ['drafted', 'review', 'deputy-director', 'reviewed', ctx],
    ['reviewed', 'approve', 'district-leader', 'approved', ctx],
    ['reviewed', 'send-back', 'district-leader', 'drafted', ctx],
    ['approved', 'issue-pre-notice', 'clerk', 'pre-notified', pre],
    ['approved', 'issue-notice', 'clerk', 'notified', ctx],
    ['pre-notified', 'issue-notice', 'clerk', 'notified', ctx],
  ])('%s --%s by %s--> %s', (from, action, role, to, c) => {
    expect(nextPlanState(from, action, actor([role as never]), c)).toBe(to);
  });
  it('covers the table', () => expect(PLAN_TRANSITIONS).toHaveLength(7));
  it.each<[string, PlanState | null, PlanAction, string, PlanGuardContext, string]>([
    ['the leader approves before the deputy’s review', 'drafted', 'approve', 'district-leader', ctx, 'CONFLICT'],
    ['the deputy approves', 'reviewed', 'approve', 'deputy-director', ctx, 'FORBIDDEN'],
    ['notice before approval', 'reviewed', 'issue-notice', 'clerk', ctx, 'CONFLICT'],
    ['pre-notice for a small meeting', 'approved', 'issue-pre-notice', 'clerk', { ...ctx, preNoticeConsent: true }, 'CONFLICT'],
    ['pre-notice without the leader’s consent', 'approved', 'issue-pre-notice', 'clerk', { ...ctx, manyAttendeesOrWideScope: true }, 'CONFLICT'],
    ['区委全体会议 notice without the approved seating chart', 'approved', 'issue-notice', 'clerk', { ...ctx, typeCode: 'committee-plenary' }, 'CONFLICT'],
  ])('%s → %s', (_n, from, action, role, c, expected) => {
    expect(code(() => nextPlanState(from, action, actor([role as never]), c))).toBe(expected);
  });
  it('区委全体会议 notice with the approved seating chart', () => {
    expect(nextPlanState('approved', 'issue-notice', actor(['clerk']), { ...ctx, typeCode: 'committee-plenary', seatingApprovedBy: 'L1' })).toBe('notified');
  });
  it.each<[string, 'notice' | 'meeting', string | null, string]>([
    ['committee-work-conference', 'meeting', null, 'CONFLICT'],
    ['committee-work-conference', 'meeting', 'L1', 'ok'],
    ['committee-work-conference', 'notice', null, 'ok'],
    ['party-congress', 'notice', null, 'CONFLICT'],
  ])('seating for %s at the %s, approved by %s → %s', (type, stage, by, expected) => {
    expect(code(() => assertSeatingApproved(type, stage, by))).toBe(expected);
  });
});

describe('topic-meeting plans (seed 002 L436–440)', () => {
  it.each<['district-head-topic-meeting' | 'deputy-head-topic-meeting', boolean, boolean, string[]]>([
    ['district-head-topic-meeting', true, true, ['section-chief', 'director', 'district-mayor']],
    // SCENARIOS.md seed002 #20: the head attends but does not sign: the director's signature is mandatory
    ['district-head-topic-meeting', true, false, ['section-chief', 'director']],
    ['deputy-head-topic-meeting', false, false, ['section-chief', 'deputy-head-in-charge']],
    ['deputy-head-topic-meeting', true, true, ['section-chief', 'director', 'district-mayor']],
    ['deputy-head-topic-meeting', true, false, ['section-chief', 'director', 'deputy-head-in-charge']],
  ])('%s, head attends %s, signs %s: %j', (type, attends, signs, route) => {
    expect(topicPlanRoute(type, { districtHeadAttends: attends, districtHeadSigns: signs }).map((s) => ('role' in s ? s.role : s.post))).toEqual(route);
  });
  // SCENARIOS.md seed002 #19, moved to 2026 (Fri 26 Jun; the seed's 2015 has no calendar data): unsigned at the end of Thu 25 Jun → non-compliant
  it.each<[string | null, string, boolean]>([
    [null, '2026-06-25 16:00', false],
    [null, '2026-06-25 17:01', true],
    ['2026-06-25 15:00', '2026-06-26 08:00', false],
    ['2026-06-26 08:00', '2026-06-26 08:00', true],
  ])('signed %s, as of %s → non-compliant %s', (signed, asOf, flagged) => {
    expect(topicPlanSignOffTiming(bj('2026-06-26 09:00'), signed ? bj(signed) : null, bj(asOf), cal).nonCompliant).toBe(flagged);
  });
  it('a meeting on Mon 12 Oct 2026: signed by Sat 10 Oct (make-up day)', () => {
    expect(topicPlanSignOffTiming(bj('2026-10-12 09:00'), bj('2026-10-10 11:00'), bj('2026-10-10 11:00'), cal).nonCompliant).toBe(false);
    expect(topicPlanSignOffTiming(bj('2026-10-12 09:00'), bj('2026-10-11 11:00'), bj('2026-10-11 11:00'), cal).nonCompliant).toBe(true);
  });
  it('goes for sign-off only with the full set of materials (seed 002 L440)', () => {
    expect(code(() => assertPlanMaterialsAttached(false))).toBe('BAD_USER_INPUT');
    expect(code(() => assertPlanMaterialsAttached(true))).toBe('ok');
  });
});

describe('specialised meetings in the government’s name (seed 004 L129–135)', () => {
  it.each<[boolean, boolean, string[], boolean]>([
    [false, false, ['leader-in-charge'], false],
    [true, false, ['leader-in-charge', 'district-mayor'], false],
    [false, true, ['leader-in-charge'], true],
  ])('principal leader attends %s, all heads attend %s → %j, ask the mayor %s', (principal, all, approvers, ask) => {
    expect(specialisedMeetingApprovals({ principalLeaderAttends: principal, allPrincipalHeadsAttend: all })).toEqual({
      approvers,
      officeAsksMayorInAdvance: ask,
    });
  });
  it.each<[string[], boolean, string]>([
    [['notify-participants', 'venue-setup', 'notify-media'], false, 'ok'],
    [['sign-in'], false, 'BAD_USER_INPUT'], // sign-in help only at a large one (L135)
    [['sign-in'], true, 'ok'],
    [['catering'], true, 'BAD_USER_INPUT'],
  ])('assistance %j, large %s → %s', (items, large, expected) => {
    expect(code(() => assertSpecialisedAssistance(items, large))).toBe(expected);
  });
});
