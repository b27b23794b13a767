import type { Duration } from '@gov/calendar';
import { workingDays } from './lead-time.js';
import { bj, cal, caught, code } from './spec-kit.js';
import {
  applyLegalReviewOutcome,
  assertAdHocTopicAllowed,
  assertMayDeliberate,
  assertTopicSubmission,
  DEFAULT_TOPIC_SETTINGS,
  deliberationBlocks,
  legalOfficeSitsIn,
  needsIndustryOpinion,
  needsLegalityReview,
  orderTopics,
  topicSubmissionLeadTime,
  TopicSettingsSchema,
  type DeliberationBlock,
  type LegalReviewState,
  type Topic,
} from './topic.rules.js';

function topic(over: Partial<Topic> = {}): Topic {
  return {
    id: 't1',
    meetingTypeCode: 'standing-committee',
    origin: 'planned',
    major: false,
    urgent: false,
    submittedAt: bj('2026-03-09 10:00'),
    materialsAttached: true,
    materialsSignedByLeader: true,
    attendeeListAttached: true,
    normativeDocument: false,
    majorAdministrativeDecision: false,
    involvesLegalProvisions: false,
    exemptSubject: null,
    legalReview: 'not-requested',
    industrialLand: false,
    planning: false,
    industryCommissionOpinion: false,
    adHocApprovals: { director: false, principalLeader: false, districtMayor: false },
    ...over,
  };
}

describe('settings', () => {
  it('defaults: 3 working days for 常委会 topics; the wider industry-opinion scope', () => {
    expect(DEFAULT_TOPIC_SETTINGS).toEqual({ standingCommitteeSubmission: workingDays(3), industryOpinionScope: 'industrial-land-or-planning' });
  });
  it.each([[{ standingCommitteeSubmission: { amount: 3 } }], [{ industryOpinionScope: 'all' }]])('rejects %j', (bad) => {
    expect(TopicSettingsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('submission deadlines with materials', () => {
  it.each<[string, Duration | null]>([
    ['standing-committee', workingDays(3)], // seed 003 L13@c11563
    ['executive-meeting', workingDays(2)], // seed 004 L75
    ['office-affairs-meeting', workingDays(1)], // seed 003 L13@c3150
    ['land-planning-joint-meeting', null],
  ])('%s: %j', (type, lead) => {
    expect(topicSubmissionLeadTime(type)).toEqual(lead);
  });
  // SCENARIOS.md seed003 #14: a 常委会 on day D (Thu 12 Mar 2026); materials on D-2 are late; 3 days before is Mon 9 Mar
  it.each<[string, string, string, string]>([
    ['standing-committee', '2026-03-12 09:00', '2026-03-09 16:00', 'ok'],
    ['standing-committee', '2026-03-12 09:00', '2026-03-10 09:00', 'DEADLINE_RULE'],
    // Spring Festival: a Wed 25 Feb 常委会 needs them by Fri 13 Feb (Tue 24, Sat 14, Fri 13)
    ['standing-committee', '2026-02-25 09:00', '2026-02-13 16:00', 'ok'],
    ['standing-committee', '2026-02-25 09:00', '2026-02-14 10:00', 'DEADLINE_RULE'],
    // National Day: a Fri 9 Oct 常委会 needs them by Tue 29 Sep (Thu 8, Wed 30, Tue 29)
    ['standing-committee', '2026-10-09 09:00', '2026-09-29 10:00', 'ok'],
    ['standing-committee', '2026-10-09 09:00', '2026-09-30 10:00', 'DEADLINE_RULE'],
    ['executive-meeting', '2026-03-12 09:00', '2026-03-10 16:00', 'ok'],
    ['executive-meeting', '2026-03-12 09:00', '2026-03-11 09:00', 'DEADLINE_RULE'],
    ['office-affairs-meeting', '2026-03-12 09:00', '2026-03-11 16:00', 'ok'],
    ['office-affairs-meeting', '2026-03-12 09:00', '2026-03-12 08:00', 'DEADLINE_RULE'],
    ['land-planning-joint-meeting', '2026-03-12 09:00', '2026-03-12 08:00', 'ok'],
  ])('%s on %s, submitted %s → %s', (type, starts, submitted, expected) => {
    expect(code(() => assertTopicSubmission(topic({ meetingTypeCode: type, submittedAt: bj(submitted) }), bj(starts), cal))).toBe(expected);
  });
  it.each<[Partial<Topic>, string[]]>([
    [{ materialsAttached: false }, ['materials']],
    [{ materialsSignedByLeader: false }, ['materialsSignedByLeader']], // 经主管领导签字 (L13@c11476)
    [{ attendeeListAttached: false }, ['attendeeList']], // 列席单位建议名单 (L13@c11563)
    [{ materialsAttached: false, attendeeListAttached: false }, ['materials', 'attendeeList']],
  ])('a 常委会 topic with %j lacks %j', (over, missing) => {
    const err = caught(() => assertTopicSubmission(topic(over), bj('2026-03-12 09:00'), cal));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ missing });
  });
  it('an executive topic needs no leader’s signature or attendee list', () => {
    expect(code(() => assertTopicSubmission(topic({ meetingTypeCode: 'executive-meeting', materialsSignedByLeader: false, attendeeListAttached: false }), bj('2026-03-12 09:00'), cal))).toBe('ok');
  });
  it('the 常委会 deadline is a setting', () => {
    const two = { ...DEFAULT_TOPIC_SETTINGS, standingCommitteeSubmission: workingDays(2) };
    expect(code(() => assertTopicSubmission(topic({ submittedAt: bj('2026-03-10 09:00') }), bj('2026-03-12 09:00'), cal, two))).toBe('ok');
  });
});

describe('ad-hoc topics (seed 004 L73; seed 003 L13@c2562, c11370)', () => {
  const all = { director: true, principalLeader: true, districtMayor: true };
  it.each<[string, Partial<Topic>, string]>([
    ['planned: nothing to check', {}, 'ok'],
    ['ad hoc, neither major nor urgent', { origin: 'ad-hoc', adHocApprovals: all }, 'DEADLINE_RULE'],
    ['ad hoc, major, approved', { origin: 'ad-hoc', major: true, adHocApprovals: all }, 'ok'],
    ['ad hoc, urgent, approved', { origin: 'ad-hoc', urgent: true, adHocApprovals: all }, 'ok'],
    ['常委会: the director agreed, the principal leader not yet', { origin: 'ad-hoc', major: true, adHocApprovals: { ...all, principalLeader: false } }, 'CONFLICT'],
    ['常委会: the principal leader without the director', { origin: 'ad-hoc', major: true, adHocApprovals: { ...all, director: false } }, 'CONFLICT'],
    ['常务会议: without the mayor', { meetingTypeCode: 'executive-meeting', origin: 'ad-hoc', urgent: true, adHocApprovals: { ...all, districtMayor: false } }, 'CONFLICT'],
    ['常务会议: with the mayor only', { meetingTypeCode: 'executive-meeting', origin: 'ad-hoc', urgent: true, adHocApprovals: { director: false, principalLeader: false, districtMayor: true } }, 'ok'],
    ['室务会: without the director', { meetingTypeCode: 'office-affairs-meeting', origin: 'ad-hoc', urgent: true, adHocApprovals: { ...all, director: false } }, 'CONFLICT'],
  ])('%s → %s', (_n, over, expected) => {
    expect(code(() => assertAdHocTopicAllowed(topic(over)))).toBe(expected);
  });
  it('an ad-hoc topic is not refused for lateness by the submission deadline', () => {
    const t = topic({ origin: 'ad-hoc', major: true, submittedAt: bj('2026-03-11 09:00') });
    expect(code(() => assertTopicSubmission(t, bj('2026-03-12 09:00'), cal))).toBe('ok');
  });
});

describe('legality review before deliberation (seed 002 L273–291; seed 000 L114)', () => {
  it.each<[Partial<Topic>, boolean]>([
    [{ normativeDocument: true }, true],
    [{ majorAdministrativeDecision: true }, true],
    [{ normativeDocument: true, exemptSubject: 'personnel-appointment' }, false],
    [{ majorAdministrativeDecision: true, exemptSubject: 'emergency-response' }, false],
    [{}, false],
  ])('%j needs review: %s', (over, needed) => {
    expect(needsLegalityReview(topic(over))).toBe(needed);
  });
  it.each<[LegalReviewState, DeliberationBlock[]]>([
    ['not-requested', ['legal-review-pending']],
    ['pending', ['legal-review-pending']],
    ['failed', ['legal-review-failed']],
    ['passed', []],
  ])('a normative-document topic with review %s: %j', (state, blocks) => {
    expect(deliberationBlocks(topic({ normativeDocument: true, legalReview: state }))).toEqual(blocks);
  });
  it('a topic that needs no review is not blocked whatever the review state', () => {
    expect(deliberationBlocks(topic({ legalReview: 'failed' }))).toEqual([]);
  });
  it.each<[Partial<Topic>, boolean]>([
    [{ normativeDocument: true }, true],
    [{ involvesLegalProvisions: true }, true],
    [{ majorAdministrativeDecision: true }, false],
  ])('the legal office head sits in for %j: %s', (over, sits) => {
    expect(legalOfficeSitsIn(topic(over))).toBe(sits);
  });
  it.each<[LegalReviewState, 'passed' | 'failed', string]>([
    ['pending', 'passed', 'passed'],
    ['pending', 'failed', 'failed'],
    ['not-requested', 'passed', 'CONFLICT'],
    ['passed', 'failed', 'CONFLICT'],
  ])('outcome %s on %s → %s', (state, outcome, expected) => {
    let got: string;
    try {
      got = applyLegalReviewOutcome(state, outcome);
    } catch (e) {
      got = (e as { code: string }).code;
    }
    expect(got).toBe(expected);
  });
});

describe('industry commission’s opinion on land and planning topics (seed 004 L119)', () => {
  it.each<[Partial<Topic>, 'industrial-land' | 'industrial-land-or-planning', boolean]>([
    [{ industrialLand: true }, 'industrial-land-or-planning', true],
    [{ planning: true }, 'industrial-land-or-planning', true],
    [{ planning: true }, 'industrial-land', false],
    [{ industrialLand: true }, 'industrial-land', true],
    [{}, 'industrial-land-or-planning', false],
  ])('%j under %s needs the opinion: %s', (over, scope, needed) => {
    expect(needsIndustryOpinion(topic(over), { ...DEFAULT_TOPIC_SETTINGS, industryOpinionScope: scope })).toBe(needed);
  });
  it('blocks until the opinion is in, with every reason', () => {
    const t = topic({ meetingTypeCode: 'land-planning-joint-meeting', industrialLand: true, normativeDocument: true, legalReview: 'failed' });
    const err = caught(() => assertMayDeliberate(t));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual({ blocks: ['legal-review-failed', 'industry-opinion-missing'] });
    expect(code(() => assertMayDeliberate({ ...t, industryCommissionOpinion: true, legalReview: 'passed' }))).toBe('ok');
  });
});

describe('topic order (seed 004 L73; seed 003 L13@c2562)', () => {
  it('major or urgent first, then by submission time', () => {
    const a = topic({ id: 'a', submittedAt: bj('2026-03-02 09:00') });
    const b = topic({ id: 'b', submittedAt: bj('2026-03-03 09:00'), urgent: true });
    const c = topic({ id: 'c', submittedAt: bj('2026-03-01 09:00') });
    const d = topic({ id: 'd', submittedAt: bj('2026-03-04 09:00'), major: true });
    expect(orderTopics([a, b, c, d]).map((t) => t.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});
