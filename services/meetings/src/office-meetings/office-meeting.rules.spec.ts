import { yuan } from '../meetings/lead-time.js';
import { caught, code } from '../meetings/spec-kit.js';
import {
  assertDecisionMethod,
  assertNotAdHocMotion,
  assertOfficeTopicAdmitted,
  assertQuorum,
  assertSpeakingOrder,
  DEFAULT_OFFICE_MEETING_SETTINGS,
  materialsSentInAdvance,
  mustStepOut,
  OfficeMeetingSettingsSchema,
  officeTopicRefusals,
  quorumCheck,
  reaches,
  requiresCollectiveDecision,
  tallyCandidates,
  tallyItem,
  unexcusedAbsences,
  type Ballot,
  type Body,
  type DecisionMethod,
  type Fraction,
  type ItemKind,
  type Matter,
  type OfficeMeetingItem,
  type OfficeTopic,
  type TopicRefusal,
} from './office-meeting.rules.js';

const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);
const body = (n: number, present: number): Body => ({ memberIds: members(n), presentIds: members(present) });
const item = (over: Partial<OfficeMeetingItem> = {}): OfficeMeetingItem => ({
  id: 'i1',
  kind: 'other',
  conflictedMemberIds: [],
  tripleOneMajor: false,
  emergency: false,
  largeDivergence: false,
  ...over,
});
const votes = (agree: string[], disagree: string[] = [], defer: string[] = []): Ballot[] => [
  ...agree.map((memberId) => ({ memberId, opinion: 'agree' as const })),
  ...disagree.map((memberId) => ({ memberId, opinion: 'disagree' as const })),
  ...defer.map((memberId) => ({ memberId, opinion: 'defer' as const })),
];

describe('settings', () => {
  it('defaults: quorum ≥ 1/2, cadre ≥ 2/3, pass > 1/2 of all, thresholds ≥ ¥100,000 / ¥50,000 / ¥50,000', () => {
    expect(DEFAULT_OFFICE_MEETING_SETTINGS).toEqual({
      quorum: { numerator: 1, denominator: 2, inclusive: true },
      cadreQuorum: { numerator: 2, denominator: 3, inclusive: true },
      pass: { numerator: 1, denominator: 2, inclusive: false },
      recusedCountInShouldAttend: true,
      investmentProject: { amount: yuan(100_000), comparison: 'gte' },
      oneTimePurchase: { amount: yuan(50_000), comparison: 'gte' },
      unbudgetedExpense: { amount: yuan(50_000), comparison: 'gte' },
    });
  });
  it.each([[{ quorum: { numerator: 0, denominator: 2, inclusive: true } }], [{ oneTimePurchase: { amount: { amount: 5, currency: 'USD' }, comparison: 'gte' } }], [{ pass: { numerator: 1, denominator: 2 } }]])(
    'rejects %j',
    (bad) => {
      expect(OfficeMeetingSettingsSchema.safeParse(bad).success).toBe(false);
    },
  );
  it.each<[number, number, Fraction, boolean]>([
    [3, 6, { numerator: 1, denominator: 2, inclusive: true }, true],
    [3, 6, { numerator: 1, denominator: 2, inclusive: false }, false],
    [4, 6, { numerator: 2, denominator: 3, inclusive: true }, true],
    [4, 7, { numerator: 2, denominator: 3, inclusive: true }, false],
  ])('%i of %i reaches %j: %s', (c, t, f, r) => {
    expect(reaches(c, t, f)).toBe(r);
  });
});

describe('quorum (第十六条; SCENARIOS.md seed003 #1)', () => {
  it.each<[number, number, ItemKind, boolean]>([
    [6, 2, 'other', false],
    [6, 3, 'other', true], // 半数以上 includes half
    [6, 3, 'cadre', false], // cadre items need two thirds
    [6, 4, 'cadre', true],
    [7, 3, 'other', false],
    [7, 4, 'other', true],
    [7, 4, 'cadre', false],
    [7, 5, 'cadre', true],
  ])('%i members, %i present, %s item → may decide %s', (n, p, kind, met) => {
    expect(quorumCheck(body(n, p), { kind, conflictedMemberIds: [] }).met).toBe(met);
    expect(code(() => assertQuorum(body(n, p), { kind, conflictedMemberIds: [] }))).toBe(met ? 'ok' : 'CONFLICT');
  });
  it('a member who steps out does not count present for the item', () => {
    expect(quorumCheck(body(6, 4), { kind: 'cadre', conflictedMemberIds: ['m1'] }).met).toBe(false);
    expect(quorumCheck(body(6, 5), { kind: 'cadre', conflictedMemberIds: ['m1'] }).met).toBe(true);
  });
  it.each<[Body, string]>([
    [{ memberIds: ['a', 'a'], presentIds: ['a'] }, 'BAD_USER_INPUT'],
    [{ memberIds: ['a', 'b'], presentIds: ['c'] }, 'BAD_USER_INPUT'],
  ])('rejects a malformed body %j', (b, expected) => {
    expect(code(() => quorumCheck(b, { kind: 'other', conflictedMemberIds: [] }))).toBe(expected);
  });
});

describe('votes (第二十五条; SCENARIOS.md seed003 #2)', () => {
  const seven = body(7, 5); // m6, m7 absent
  it.each<[string, Ballot[], 'passed' | 'not-passed', number]>([
    ['3 yes / 2 no, the absent m6’s written yes not counted', [...votes(['m1', 'm2', 'm3'], ['m4', 'm5']), { memberId: 'm6', opinion: 'agree' }], 'not-passed', 3],
    ['4 yes / 1 no', votes(['m1', 'm2', 'm3', 'm4'], ['m5']), 'passed', 4],
    ['3 yes / 2 defer', votes(['m1', 'm2', 'm3'], [], ['m4', 'm5']), 'not-passed', 3],
  ])('7 members, 5 present: %s → %s', (_n, ballots, outcome, agree) => {
    const t = tallyItem(seven, item(), ballots);
    expect(t.outcome).toBe(outcome);
    expect(t.agree).toBe(agree);
    expect(t.shouldAttend).toBe(7);
  });
  it('the absent member’s opinion is kept as not counted', () => {
    const t = tallyItem(seven, item(), [...votes(['m1', 'm2', 'm3', 'm4', 'm5']), { memberId: 'm7', opinion: 'disagree' }]);
    expect(t.notCounted).toEqual([{ memberId: 'm7', opinion: 'disagree' }]);
    expect(t.disagree).toBe(0);
  });
  it.each<[string, Ballot[], OfficeMeetingItem, string]>([
    ['a present member silent', votes(['m1', 'm2', 'm3', 'm4']), item(), 'CONFLICT'],
    ['a member who must step out votes', votes(['m1', 'm2', 'm3', 'm4', 'm5']), item({ kind: 'cadre', conflictedMemberIds: ['m5'] }), 'FORBIDDEN'],
    ['an opinion twice', [...votes(['m1', 'm2', 'm3', 'm4', 'm5']), { memberId: 'm1', opinion: 'disagree' }], item(), 'BAD_USER_INPUT'],
    ['a stranger votes', [...votes(['m1', 'm2', 'm3', 'm4', 'm5']), { memberId: 'x', opinion: 'agree' }], item(), 'BAD_USER_INPUT'],
    ['三重一大 without reasons', votes(['m1', 'm2', 'm3', 'm4', 'm5']), item({ tripleOneMajor: true }), 'BAD_USER_INPUT'],
  ])('%s → %s', (_n, ballots, it_, expected) => {
    expect(code(() => tallyItem(seven, it_, ballots))).toBe(expected);
  });
  it('三重一大 opinions with reasons are tallied', () => {
    const ballots = votes(['m1', 'm2', 'm3', 'm4', 'm5']).map((b) => ({ ...b, reason: '符合预算安排' }));
    expect(tallyItem(seven, item({ tripleOneMajor: true }), ballots).outcome).toBe('passed');
  });
  it('a member who steps out is still among those who should attend (default), or not (setting)', () => {
    const six = body(6, 6);
    const it_ = item({ conflictedMemberIds: ['m6'] });
    const ballots = votes(['m1', 'm2', 'm3'], ['m4', 'm5']);
    expect(tallyItem(six, it_, ballots).outcome).toBe('not-passed'); // 3 is not > 6/2
    expect(tallyItem(six, it_, ballots, { ...DEFAULT_OFFICE_MEETING_SETTINGS, recusedCountInShouldAttend: false }).outcome).toBe('passed'); // 3 > 5/2
  });
  it.each<[boolean, 'passed' | 'deferred']>([
    [false, 'deferred'],
    [true, 'passed'], // emergency: the majority view is executed
  ])('widely divergent opinions, emergency %s → %s', (emergency, outcome) => {
    expect(tallyItem(seven, item({ largeDivergence: true, emergency }), votes(['m1', 'm2', 'm3', 'm4'], ['m5'])).outcome).toBe(outcome);
  });
});

describe('cadre candidates one by one, recusal (第二十五条, 第二十七条; SCENARIOS.md seed003 #7)', () => {
  const six = body(6, 6);
  const cadre = item({ kind: 'cadre', conflictedMemberIds: ['m6'] }); // m6 is a relative of candidate c3
  const perCandidate = (c: string, agree: string[], disagree: string[] = []) =>
    [...votes(agree, disagree)].map((b) => ({ ...b, candidateIds: [c] }));
  it('three candidates, three tallies; the related member steps out of all', () => {
    const ballots = [
      ...perCandidate('c1', ['m1', 'm2', 'm3', 'm4', 'm5']),
      ...perCandidate('c2', ['m1', 'm2', 'm3'], ['m4', 'm5']),
      ...perCandidate('c3', ['m1', 'm2', 'm3', 'm4'], ['m5']),
    ];
    const r = tallyCandidates(six, cadre, ['c1', 'c2', 'c3'], ballots);
    expect([...r.entries()].map(([c, t]) => [c, t.outcome])).toEqual([
      ['c1', 'passed'],
      ['c2', 'not-passed'],
      ['c3', 'passed'],
    ]);
    expect(mustStepOut(cadre, 'm6')).toBe(true);
    expect(mustStepOut(cadre, 'm1')).toBe(false);
  });
  it.each<[string, () => unknown, string]>([
    ['a block vote on two candidates', () => tallyCandidates(six, cadre, ['c1', 'c2'], [{ memberId: 'm1', opinion: 'agree', candidateIds: ['c1', 'c2'] }]), 'BAD_USER_INPUT'],
    ['a candidate with no opinions', () => tallyCandidates(six, cadre, ['c1', 'c2'], perCandidate('c1', ['m1', 'm2', 'm3', 'm4', 'm5'])), 'CONFLICT'],
    ['an unknown candidate', () => tallyCandidates(six, cadre, ['c1'], perCandidate('c9', ['m1'])), 'BAD_USER_INPUT'],
    ['the related member votes', () => tallyCandidates(six, cadre, ['c1'], perCandidate('c1', ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'])), 'FORBIDDEN'],
  ])('%s → %s', (_n, fn, expected) => {
    expect(code(fn)).toBe(expected);
  });
});

describe('the director speaks last (末位表态, 第二十四条)', () => {
  const b: Body = { memberIds: ['director', 'd1', 'd2', 'j'], presentIds: ['director', 'd1', 'd2', 'j'] };
  it.each<[string[], string[], string]>([
    [['d1', 'd2', 'j', 'director'], [], 'ok'],
    [['d1', 'director', 'd2', 'j'], [], 'CONFLICT'],
    [['d1', 'd2', 'director'], [], 'CONFLICT'], // j not yet heard
    [['d1', 'd2', 'director'], ['j'], 'ok'], // j stepped out
    [['director', 'd1', 'd2', 'j', 'director'], [], 'CONFLICT'],
    [[], [], 'CONFLICT'],
  ])('order %j (out: %j) → %s', (order, out, expected) => {
    expect(code(() => assertSpeakingOrder(b, { conflictedMemberIds: out }, 'director', order))).toBe(expected);
  });
  it('a deputy chairing by delegation speaks last instead', () => {
    expect(code(() => assertSpeakingOrder({ ...b, presentIds: ['d1', 'd2', 'j'] }, { conflictedMemberIds: [] }, 'd1', ['d2', 'j', 'd1']))).toBe('ok');
  });
});

describe('materials, leave, topics (第十七条, 第二十条–第二十二条)', () => {
  it.each<[ItemKind, boolean]>([
    ['major-decision', true],
    ['project', true],
    ['cadre', false],
    ['discipline', false],
  ])('%s materials sent in advance: %s', (kind, ahead) => {
    expect(materialsSentInAdvance(kind)).toBe(ahead);
  });
  it('absent without approved leave', () => {
    expect(unexcusedAbsences(body(5, 2), ['m4'])).toEqual(['m3', 'm5']);
  });
  const ok: OfficeTopic = {
    normativeOrMajorDecision: false,
    preReviewDone: false,
    requiredStudySkipped: false,
    crossUnit: false,
    unitsAgreed: false,
    urgent: false,
    preferredOptionAndOthersAttached: false,
    reviewedByMemberInCharge: true,
  };
  // SCENARIOS.md seed003 #5
  it.each<[string, Partial<OfficeTopic>, TopicRefusal[]]>([
    ['an ordinary topic', {}, []],
    ['a normative document without 综合室 pre-review', { normativeOrMajorDecision: true }, ['no-pre-review']],
    ['a normative document with pre-review', { normativeOrMajorDecision: true, preReviewDone: true }, []],
    ['a risk assessment skipped', { requiredStudySkipped: true }, ['study-skipped']],
    ['cross-unit, no agreement, not urgent', { crossUnit: true }, ['units-not-agreed']],
    ['cross-unit, no agreement, urgent, without the opinions', { crossUnit: true, urgent: true }, ['urgent-without-opinions']],
    ['cross-unit, no agreement, urgent, with the opinions', { crossUnit: true, urgent: true, preferredOptionAndOthersAttached: true }, []],
    ['cross-unit, agreed', { crossUnit: true, unitsAgreed: true }, []],
    ['report not reviewed by the member in charge', { reviewedByMemberInCharge: false }, ['not-reviewed-by-member-in-charge']],
  ])('%s → %j', (_n, over, refusals) => {
    expect(officeTopicRefusals({ ...ok, ...over })).toEqual(refusals);
    expect(code(() => assertOfficeTopicAdmitted({ ...ok, ...over }))).toBe(refusals.length ? 'CONFLICT' : 'ok');
  });
});

describe('三重一大 thresholds (第十条, 第十一条; SCENARIOS.md seed003 #3)', () => {
  it.each<[Matter, boolean]>([
    [{ kind: 'one-time-purchase', amount: 50_000 }, true], // 5 万元及以上: ≥
    [{ kind: 'one-time-purchase', amount: 49_999 }, false],
    [{ kind: 'one-time-purchase', amount: 49_999.99 }, false],
    [{ kind: 'investment-project', amount: 100_000 }, true], // a capital repair of ¥100,000
    [{ kind: 'investment-project', amount: 99_999.99 }, false],
    [{ kind: 'unbudgeted-expense', amount: 60_000 }, true],
    [{ kind: 'unbudgeted-expense', amount: 50_000 }, true],
    [{ kind: 'unbudgeted-expense', amount: 49_000 }, false],
    [{ kind: 'collective-assets' }, true],
    [{ kind: 'budget-arrangement' }, true],
    [{ kind: 'extra-budget-arrangement' }, true],
    [{ kind: 'cadre' }, true],
    [{ kind: 'major-decision' }, true],
    [{ kind: 'other-large-funds' }, true],
    [{ kind: 'routine' }, false],
  ])('%j → 室务会: %s', (matter, required) => {
    expect(requiresCollectiveDecision(matter)).toBe(required);
  });
  it('the comparison is a setting', () => {
    const strict = { ...DEFAULT_OFFICE_MEETING_SETTINGS, oneTimePurchase: { amount: yuan(50_000), comparison: 'gt' as const } };
    expect(requiresCollectiveDecision({ kind: 'one-time-purchase', amount: 50_000 }, strict)).toBe(false);
  });
  it('a negative amount is BAD_USER_INPUT', () => {
    expect(code(() => requiresCollectiveDecision({ kind: 'one-time-purchase', amount: -1 }))).toBe('BAD_USER_INPUT');
  });
});

describe('decided collectively in a meeting (L13@c6970, c5749, c7258, c7602; SCENARIOS.md seed003 #4)', () => {
  const purchase: Matter = { kind: 'one-time-purchase', amount: 80_000 };
  it.each<[Matter, DecisionMethod, boolean, string, boolean]>([
    [purchase, 'office-affairs-meeting', false, 'ok', false],
    [purchase, 'circulated-countersignature', false, 'CONFLICT', false],
    [purchase, 'individual-consultation', false, 'CONFLICT', false],
    [purchase, 'director-office-meeting', false, 'CONFLICT', false],
    [purchase, 'circulated-countersignature', true, 'ok', true], // emergency: report to the 室务会 afterwards
    [{ kind: 'one-time-purchase', amount: 3_000 }, 'individual', false, 'ok', false],
  ])('%j by %s, emergency %s → %s', (matter, method, emergency, expected, followUp) => {
    expect(code(() => assertDecisionMethod(matter, method, emergency))).toBe(expected);
    if (expected === 'ok') expect(assertDecisionMethod(matter, method, emergency).followUpReport).toBe(followUp);
  });
  it.each<[boolean, boolean, string]>([
    [true, false, 'DEADLINE_RULE'],
    [true, true, 'ok'],
    [false, false, 'ok'],
  ])('ad-hoc motion %s, emergency %s → %s', (adHoc, emergency, expected) => {
    expect(code(() => assertNotAdHocMotion(purchase, adHoc, emergency))).toBe(expected);
  });
  it('names the method in the refusal', () => {
    expect(caught(() => assertDecisionMethod(purchase, 'circulated-countersignature', false)).details).toEqual({ method: 'circulated-countersignature' });
  });
});
