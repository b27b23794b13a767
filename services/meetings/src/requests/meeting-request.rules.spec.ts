import { DEFAULT_TIME_SETTINGS, workingDays } from '../meetings/lead-time.js';
import { actor, bj, cal, caught, code } from '../meetings/spec-kit.js';
import {
  admissionFailures,
  assertAdmitted,
  assertOpinionComplete,
  DEFAULT_REQUEST_SETTINGS,
  formatRequestNumber,
  missingOpinionFields,
  nextRequestState,
  OPINION_FIELDS,
  REQUEST_TRANSITIONS,
  replyTasks,
  RequestSettingsSchema,
  type AdmissionFailure,
  type MeetingRequest,
  type RequestAction,
  type RequestGuardContext,
  type RequestState,
  type RequestType,
} from './meeting-request.rules.js';

/** A complete unit request for a meeting on Thursday 2026-03-26, received 12 working days ahead. */
function request(over: Partial<MeetingRequest> = {}): MeetingRequest {
  return {
    type: 'unit-meeting',
    receivedAt: bj('2026-03-10 10:00'),
    startsAt: bj('2026-03-26 09:00'),
    place: '区行政中心三楼会议室',
    scale: 80,
    content: '全区安全生产工作部署',
    participants: ['区应急管理局', '各街道'],
    agenda: ['传达上级精神', '部署工作', '区领导讲话'],
    matterCount: 1,
    affectedDepartments: ['区应急管理局', '区住建局'],
    consultedDepartments: ['区住建局', '区应急管理局'],
    declaredAttachments: ['会议方案', '参会名单'],
    attachedAttachments: ['会议方案', '参会名单'],
    leaderToSpeak: true,
    speechDraftAttached: true,
    irregularities: [],
    foreignRelated: false,
    ...over,
  };
}

const checks = (r: MeetingRequest, settings = DEFAULT_REQUEST_SETTINGS, time = DEFAULT_TIME_SETTINGS) =>
  admissionFailures(r, cal, settings, time);

describe('settings', () => {
  it('defaults: 10 working days; units’ requests and outside letters are reviewed (seed 000 L18)', () => {
    expect(DEFAULT_REQUEST_SETTINGS).toEqual({ leadTime: workingDays(10), reviewedTypes: ['unit-meeting', 'outside-study-visit'] });
  });
  it.each([[{ leadTime: { amount: 10 } }], [{ leadTime: { amount: 10, unit: 'days' } }], [{ reviewedTypes: ['banquet'] }], [{ x: 1 }]])(
    'rejects %j',
    (bad) => {
      expect(RequestSettingsSchema.safeParse(bad).success).toBe(false);
    },
  );
});

describe('admission review: each check alone (seed 000 L18)', () => {
  it('a complete, timely, single-matter request with its attachments passes', () => {
    expect(checks(request())).toEqual([]);
  });
  it.each<[string, Partial<MeetingRequest>, AdmissionFailure]>([
    ['no time', { startsAt: null }, { check: 'complete', missing: ['startsAt'] }],
    ['no place', { place: '  ' }, { check: 'complete', missing: ['place'] }],
    ['no scale', { scale: null }, { check: 'complete', missing: ['scale'] }],
    ['no content', { content: '' }, { check: 'complete', missing: ['content'] }],
    ['no participants', { participants: [] }, { check: 'complete', missing: ['participants'] }],
    ['no agenda', { agenda: [] }, { check: 'complete', missing: ['agenda'] }],
    ['affected department not consulted', { consultedDepartments: ['区应急管理局'] }, { check: 'consulted', notConsulted: ['区住建局'] }],
    // SCENARIOS.md seed000-a #2: a request covering two matters (一文数事)
    ['two matters', { matterCount: 2 }, { check: 'one-matter', matterCount: 2 }],
    ['no matter', { matterCount: 0 }, { check: 'one-matter', matterCount: 0 }],
    ['attachment missing', { attachedAttachments: ['会议方案'] }, { check: 'attachments', missing: ['参会名单'] }],
    // SCENARIOS.md seed000-a #3: a leader speaks, no draft
    ['leader speaks without a draft', { speechDraftAttached: false }, { check: 'speech-draft' }],
    ['irregular drafting', { irregularities: ['用便签头报送', ' '] }, { check: 'irregular', notes: ['用便签头报送'] }],
  ])('%s', (_name, over, failure) => {
    expect(checks(request(over))).toEqual([failure]);
  });
  it('no speech draft is needed when no leader speaks', () => {
    expect(checks(request({ leaderToSpeak: false, speechDraftAttached: false }))).toEqual([]);
  });
});

describe('admission review: the 10-working-day lead time (seed 000 L18; SCENARIOS.md seed000-a #1)', () => {
  it.each<[string, string, string, boolean, number]>([
    // meeting Thu 26 Mar 2026: the 10th working day before is Thu 12 Mar
    ['12 working days ahead', '2026-03-10 10:00', '2026-03-26 09:00', true, 12],
    ['exactly 10 working days (以上 includes 10)', '2026-03-12 16:59', '2026-03-26 09:00', true, 10],
    ['10th working day but after close of business', '2026-03-12 17:30', '2026-03-26 09:00', false, 9],
    ['7 working days: fails review', '2026-03-17 09:00', '2026-03-26 09:00', false, 7],
    // across the Spring Festival: meeting Thu 5 Mar; 10th working day before is Fri 13 Feb (Sat 14, Sat 28 worked)
    ['Spring Festival: Fri 13 Feb for Thu 5 Mar', '2026-02-13 10:00', '2026-03-05 09:00', true, 10],
    ['Spring Festival: make-up Sat 14 Feb is one too late', '2026-02-14 10:00', '2026-03-05 09:00', false, 9],
    ['Spring Festival: handed in during the holiday gives 8 (24 Feb–4 Mar)', '2026-02-18 10:00', '2026-03-05 09:00', false, 8],
    // across National Day (and Mid-Autumn 25–27 Sep): meeting Thu 15 Oct; the 10th working day before is Thu 24 Sep
    ['National Day: Thu 24 Sep for Thu 15 Oct', '2026-09-24 11:00', '2026-10-15 09:00', true, 10],
    ['National Day: Mon 28 Sep gives 9', '2026-09-28 11:00', '2026-10-15 09:00', false, 9],
  ])('%s', (_name, received, starts, passes, actual) => {
    const failures = checks(request({ receivedAt: bj(received), startsAt: bj(starts) }));
    if (passes) expect(failures).toEqual([]);
    else expect(failures).toEqual([expect.objectContaining({ check: 'lead-time', actual, required: workingDays(10) })]);
  });
  it('names the latest date in the reason', () => {
    expect(checks(request({ receivedAt: bj('2026-09-28 11:00'), startsAt: bj('2026-10-15 09:00') }))[0]).toMatchObject({
      latestDate: '2026-09-24',
    });
  });
  it('under the clear-days reading 10 working days must lie between: Thu 12 Mar no longer suffices for Thu 26 Mar', () => {
    const clear = { ...DEFAULT_TIME_SETTINGS, leadTimeReading: 'clear-working-days' as const };
    expect(checks(request({ receivedAt: bj('2026-03-12 09:00') }), DEFAULT_REQUEST_SETTINGS, clear)).toEqual([
      { check: 'lead-time', required: workingDays(10), actual: 9, latestDate: '2026-03-11' },
    ]);
    expect(checks(request({ receivedAt: bj('2026-03-11 09:00') }), DEFAULT_REQUEST_SETTINGS, clear)).toEqual([]);
  });
  it('the lead time is a setting', () => {
    const five = { ...DEFAULT_REQUEST_SETTINGS, leadTime: workingDays(5) };
    expect(checks(request({ receivedAt: bj('2026-03-19 09:00') }), five)).toEqual([]);
    expect(checks(request({ receivedAt: bj('2026-03-20 09:00') }), five)).toHaveLength(1);
  });
});

describe('admission review: all failed checks together', () => {
  const bad = request({
    place: null,
    agenda: [],
    consultedDepartments: [],
    matterCount: 3,
    receivedAt: bj('2026-03-24 09:00'),
    attachedAttachments: [],
    speechDraftAttached: false,
    irregularities: ['多头主送'],
  });
  it('returns every failed check, in the seed’s order', () => {
    expect(checks(bad).map((f) => f.check)).toEqual([
      'complete',
      'consulted',
      'one-matter',
      'lead-time',
      'attachments',
      'speech-draft',
      'irregular',
    ]);
    expect(checks(bad)[0]).toEqual({ check: 'complete', missing: ['place', 'agenda'] });
  });
  it('assertAdmitted: DEADLINE_RULE when lead time is among the reasons, all reasons in details', () => {
    const err = caught(() => assertAdmitted(checks(bad)));
    expect(err.code).toBe('DEADLINE_RULE');
    expect((err.details?.['reasons'] as unknown[]).length).toBe(7);
  });
  it('assertAdmitted: BAD_USER_INPUT when only the content fails; nothing thrown when admitted', () => {
    expect(code(() => assertAdmitted(checks(request({ matterCount: 2 }))))).toBe('BAD_USER_INPUT');
    expect(code(() => assertAdmitted(checks(request())))).toBe('ok');
  });
});

describe('which requests the review covers (seed 000 L18)', () => {
  const defective = { matterCount: 2, receivedAt: bj('2026-03-25 09:00'), place: null };
  it.each<[RequestType, boolean]>([
    ['unit-meeting', true],
    ['outside-study-visit', true],
    ['higher-level-meeting', false],
    ['inspection-visit', false],
  ])('%s reviewed: %s', (type, reviewed) => {
    expect(checks(request({ type, ...defective })).length > 0).toBe(reviewed);
  });
  it('the reviewed types are a setting', () => {
    const all = { ...DEFAULT_REQUEST_SETTINGS, reviewedTypes: ['higher-level-meeting' as const] };
    expect(checks(request({ type: 'higher-level-meeting', ...defective }), all)).toHaveLength(3);
  });
});

describe('opinion content by request type (seed 000 L20–26)', () => {
  const full = (type: RequestType) => Object.fromEntries(OPINION_FIELDS[type].map((f) => [f, 'x']));
  it.each<[RequestType, number]>([
    ['higher-level-meeting', 7],
    ['inspection-visit', 9],
    ['outside-study-visit', 8],
    ['unit-meeting', 5],
  ])('%s: %i fields, all present passes', (type, n) => {
    expect(OPINION_FIELDS[type]).toHaveLength(n);
    expect(missingOpinionFields(type, full(type))).toEqual([]);
    expect(code(() => assertOpinionComplete(type, full(type)))).toBe('ok');
  });
  it.each<[RequestType, string]>([
    ['higher-level-meeting', 'attendingHigherLeaders'],
    ['higher-level-meeting', 'proposedDistrictLeaders'],
    ['inspection-visit', 'itinerary'],
    ['inspection-visit', 'meals'],
    ['outside-study-visit', 'visitorCount'],
    ['outside-study-visit', 'visitRoute'],
    ['unit-meeting', 'agenda'],
  ])('%s without %s is refused', (type, field) => {
    const opinion = { ...full(type), [field]: '' };
    expect(missingOpinionFields(type, opinion)).toEqual([field]);
    const err = caught(() => assertOpinionComplete(type, opinion));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ missing: [field] });
  });
  it('“no report needed” (false) is an answer; a visitor count of 0 is not', () => {
    expect(missingOpinionFields('higher-level-meeting', { ...full('higher-level-meeting'), reportOrSpeechNeeded: false })).toEqual([]);
    expect(missingOpinionFields('outside-study-visit', { ...full('outside-study-visit'), visitorCount: 0 })).toEqual(['visitorCount']);
  });
});

describe('request state machine (seed 000 L16–30, L124, L150)', () => {
  const admitted: RequestGuardContext = { foreignRelated: false, admissionFailures: [] };
  const failing: RequestGuardContext = { foreignRelated: false, admissionFailures: [{ check: 'speech-draft' }] };
  const foreign: RequestGuardContext = { foreignRelated: true, admissionFailures: [] };
  it.each<[RequestState | null, RequestAction, string, RequestState, RequestGuardContext]>([
    [null, 'register', 'clerk', 'registered', admitted],
    ['registered', 'propose-return', 'clerk', 'return-proposed', failing],
    ['return-proposed', 'endorse-return', 'section-chief', 'return-endorsed', failing],
    ['return-proposed', 'overrule-return', 'section-chief', 'registered', failing],
    ['return-endorsed', 'approve-return', 'deputy-director', 'returned', failing],
    ['return-endorsed', 'overrule-return', 'deputy-director', 'registered', failing],
    ['registered', 'draft-opinion', 'clerk', 'opinion-drafted', admitted],
    ['opinion-drafted', 'review', 'section-chief', 'chief-reviewed', admitted],
    ['opinion-drafted', 'send-back', 'section-chief', 'registered', admitted],
    ['chief-reviewed', 'review', 'deputy-director', 'deputy-reviewed', admitted],
    ['chief-reviewed', 'send-back', 'deputy-director', 'registered', admitted],
    ['deputy-reviewed', 'submit-to-leader', 'clerk', 'with-leader', admitted],
    ['deputy-reviewed', 'send-to-foreign-affairs', 'clerk', 'with-foreign-affairs', foreign],
    ['with-foreign-affairs', 'give-opinion', 'foreign-affairs-officer', 'foreign-affairs-opinion-given', foreign],
    ['foreign-affairs-opinion-given', 'submit-to-leader', 'clerk', 'with-leader', foreign],
    ['with-leader', 'approve', 'district-leader', 'approved', admitted],
    ['with-leader', 'decline', 'district-leader', 'declined', admitted],
    ['approved', 'reply', 'clerk', 'replied', admitted],
    ['replied', 'archive', 'clerk', 'archived', admitted],
    ['declined', 'archive', 'clerk', 'archived', admitted],
  ])('%s --%s by %s--> %s', (from, action, role, to, ctx) => {
    expect(nextRequestState(from, action, actor([role as never]), ctx)).toBe(to);
  });
  it('every row of the table is exercised above', () => {
    expect(REQUEST_TRANSITIONS).toHaveLength(20);
  });
  it.each<[RequestState | null, RequestAction, string, RequestGuardContext, string]>([
    ['registered', 'review', 'section-chief', admitted, 'CONFLICT'], // nothing to review before the opinion
    ['opinion-drafted', 'submit-to-leader', 'clerk', admitted, 'CONFLICT'], // skipping the chief and the deputy
    ['chief-reviewed', 'submit-to-leader', 'clerk', admitted, 'CONFLICT'], // skipping the deputy
    ['returned', 'draft-opinion', 'clerk', admitted, 'CONFLICT'],
    ['approved', 'approve', 'district-leader', admitted, 'CONFLICT'],
    ['opinion-drafted', 'review', 'deputy-director', admitted, 'FORBIDDEN'], // the chief reviews first
    ['chief-reviewed', 'review', 'section-chief', admitted, 'FORBIDDEN'],
    ['with-leader', 'approve', 'deputy-director', admitted, 'FORBIDDEN'],
    ['return-endorsed', 'approve-return', 'section-chief', failing, 'FORBIDDEN'], // the deputy approves a return
    ['with-foreign-affairs', 'give-opinion', 'clerk', foreign, 'FORBIDDEN'],
    [null, 'register', 'unit-liaison', admitted, 'FORBIDDEN'],
    // guards
    ['registered', 'draft-opinion', 'clerk', failing, 'CONFLICT'], // 经审查合格后方可办理
    ['registered', 'propose-return', 'clerk', admitted, 'CONFLICT'], // a return needs reasons
    ['deputy-reviewed', 'submit-to-leader', 'clerk', foreign, 'CONFLICT'], // foreign affairs first (L124)
    ['deputy-reviewed', 'send-to-foreign-affairs', 'clerk', admitted, 'CONFLICT'],
  ])('%s --%s by %s is refused with %s', (from, action, role, ctx, expected) => {
    expect(code(() => nextRequestState(from, action, actor([role as never]), ctx))).toBe(expected);
  });
});

describe('reply (办复, seed 000 L28)', () => {
  it.each<[RequestType, boolean, 'party-committee' | 'government' | 'department' | undefined, string[]]>([
    ['higher-level-meeting', false, undefined, ['attending-leaders-and-department-heads:copy-notice-and-materials']],
    [
      'higher-level-meeting',
      true,
      'party-committee',
      ['attending-leaders-and-department-heads:copy-notice-and-materials', 'drafting-section-party:prepare-speech'],
    ],
    [
      'higher-level-meeting',
      true,
      'government',
      ['attending-leaders-and-department-heads:copy-notice-and-materials', 'drafting-section-government:prepare-speech'],
    ],
    [
      'higher-level-meeting',
      true,
      undefined,
      ['attending-leaders-and-department-heads:copy-notice-and-materials', 'relevant-department:prepare-speech'],
    ],
    ['unit-meeting', true, 'government', ['requesting-unit:prepare-meeting-service']],
    ['inspection-visit', false, undefined, ['proposed-departments:prepare-briefing-materials']],
    ['outside-study-visit', false, undefined, ['proposed-departments:prepare-briefing-materials']],
  ])('%s, leader speaks %s (%s): %j', (type, speaks, side, expected) => {
    const opts = side === undefined ? { districtLeaderSpeaks: speaks } : { districtLeaderSpeaks: speaks, speakerSide: side };
    expect(replyTasks(type, opts).map((t) => `${t.to}:${t.what}`)).toEqual(expected);
  });
});

describe('register number (seed 000 L16; format: RULES.md D5)', () => {
  it.each([
    [2026, 1, '会议收文〔2026〕1号'],
    [2026, 15, '会议收文〔2026〕15号'],
  ])('%i/%i → %s', (year, n, printed) => {
    expect(formatRequestNumber(year, n)).toBe(printed);
  });
});
