import { WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { DEFAULT_SCORING_SETTINGS as S, parseScoringSettings, type ScoringSettings } from './scoring.settings.js';
import {
  assertAdvancedIndividuals,
  assertEvidenceAccepted,
  assertScoreEntries,
  assertScoreEntry,
  entryPoints,
  evidenceDeadline,
  isLeaderAssignedMatterLate,
  leaderAssignedMatterDue,
  personScore,
  quarterOf,
  sectionAt,
  sectionScores,
  yearEndRanking,
  type Quarter,
  type ScoreEntry,
} from './section-scoring.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const cal = WorkingCalendar.bundled();


const variant = (change: (s: ScoringSettings) => void): ScoringSettings => {
  const s = structuredClone(S) as ScoringSettings;
  change(s);
  return parseScoringSettings(s);
};

const entry = (code: string, change: Partial<ScoreEntry> = {}): ScoreEntry => ({
  code,
  count: 1,
  on: '2026-05-12',
  sectionId: '秘书股',
  personId: 'X',
  ...change,
});

describe('entries', () => {
  it.each<[string, ScoreEntry, string]>([
    ['a late arrival', entry('late-or-early-leave'), 'ok'],
    ['three late arrivals at once', entry('late-or-early-leave', { count: 3 }), 'ok'],
    ['an unknown item', entry('sleeping-in-meetings'), 'BAD_USER_INPUT'],
    ['count 0', entry('late-or-early-leave', { count: 0 }), 'BAD_USER_INPUT'],
    ['count 1.5', entry('late-or-early-leave', { count: 1.5 }), 'BAD_USER_INPUT'],
    ['annual research twice in one entry', entry('annual-research-not-done', { count: 2 }), 'BAD_USER_INPUT'],
    ['late leader-assigned matter without criticism (L44)', entry('leader-assigned-matter-late'), 'BAD_USER_INPUT'],
    ['late leader-assigned matter, criticised', entry('leader-assigned-matter-late', { criticisedByLeader: true }), 'ok'],
    ['a bad date', entry('phone-off', { on: '2026-13-01' }), 'BAD_USER_INPUT'],
  ])('%s → %s', (_name, e, expected) => {
    expect(code(() => assertScoreEntry(e, S))).toBe(expected);
  });

  it.each<[string, ScoreEntry[], string]>([
    ['annual research missed twice in a year', [entry('annual-research-not-done', { personId: null }), entry('annual-research-not-done', { personId: null, on: '2026-11-01' })], 'BAD_USER_INPUT'],
    ['annual research missed in two years', [entry('annual-research-not-done', { personId: null, on: '2025-12-01' }), entry('annual-research-not-done', { personId: null })], 'ok'],
    ['annual research missed by two sections', [entry('annual-research-not-done', { personId: null }), entry('annual-research-not-done', { personId: null, sectionId: '研究室' })], 'ok'],
  ])('%s → %s', (_name, entries, expected) => {
    expect(code(() => assertScoreEntries(entries, S))).toBe(expected);
  });

  it.each([
    [entry('late-or-early-leave', { count: 2 }), -2],
    [entry('absent-full-day'), -3],
    [entry('municipal-commendation'), 3],
  ])('%o is worth %i', (e, points) => {
    expect(entryPoints(e, S)).toBe(points);
  });
});

describe('scores (SCENARIOS seed002 #8: 100 − 1 − 1 − 3 + 3 = 98)', () => {
  const entries: ScoreEntry[] = [
    entry('late-or-early-leave', { on: '2026-04-07' }),
    entry('late-or-early-leave', { on: '2026-05-20' }),
    entry('absent-full-day', { on: '2026-06-02' }),
    entry('municipal-commendation', { on: '2026-06-18' }),
    entry('provincial-commendation', { personId: 'Y', on: '2026-03-01' }),
    entry('meeting-handling-error', { personId: null, sectionId: '综合股' }),
    entry('phone-off', { on: '2025-12-30' }), // last year: not counted
  ];

  it('a person: base plus their entries of the year', () => {
    expect(personScore(entries, 'X', 2026, S)).toBe(98);
    expect(personScore(entries, 'Y', 2026, S)).toBe(105);
    expect(personScore(entries, 'Z', 2026, S)).toBe(100);
    expect(personScore(entries, 'X', 2025, S)).toBe(99);
  });

  it("a section: base plus its own and its people's entries (L45)", () => {
    expect(Object.fromEntries(sectionScores(entries, ['秘书股', '综合股', '研究室'], 2026, S))).toEqual({
      秘书股: 103, // X −2 (98 − 100) and Y +5
      综合股: 98,
      研究室: 100,
    });
  });

  it('refuses an entry for a section not in the list', () => {
    expect(code(() => sectionScores([entry('phone-off', { sectionId: '小车班' })], ['秘书股'], 2026, S))).toBe('BAD_USER_INPUT');
  });

  it('charges the section a person was in at the time (L45)', () => {
    const postings = [
      { personId: 'X', sectionId: '秘书股', from: '2025-07-01', to: '2026-06-30' },
      { personId: 'X', sectionId: '综合股', from: '2026-07-01', to: null },
    ];
    expect(sectionAt(postings, 'X', '2026-06-30')).toBe('秘书股');
    expect(sectionAt(postings, 'X', '2026-07-01')).toBe('综合股');
    expect(code(() => sectionAt(postings, 'X', '2025-06-30'))).toBe('BAD_USER_INPUT');
  });
});

describe('quarterly evidence: before the 28th of the quarter’s last month (L46)', () => {
  it.each<[Quarter, string]>([
    [1, '2026-03-27'],
    [2, '2026-06-27'],
    [3, '2026-09-27'],
    [4, '2026-12-27'],
  ])('Q%i evidence is due by %s (the 28th itself is late: stricter reading)', (quarter, last) => {
    expect(evidenceDeadline(2026, quarter, S)).toBe(last);
  });

  it('counts the 28th in time when the setting says so', () => {
    expect(evidenceDeadline(2026, 2, variant((s) => (s.evidence.dayIncluded = true)))).toBe('2026-06-28');
  });

  const MARK_LATE = variant((s) => (s.evidence.late = 'mark-late'));
  const INCLUDED = variant((s) => (s.evidence.dayIncluded = true));
  const SETTINGS = { default: S, 'mark-late': MARK_LATE, '28th included': INCLUDED } as const;
  it.each<[string, boolean, keyof typeof SETTINGS, string]>([
    ['2026-06-27', true, 'default', 'on-time'],
    ['2026-06-28', true, 'default', 'DEADLINE_RULE'],
    ['2026-06-29', true, 'default', 'DEADLINE_RULE'], // SCENARIOS seed002 #10
    ['2026-06-29', true, 'mark-late', 'late'],
    ['2026-06-28', true, '28th included', 'on-time'],
    ['2026-06-01', false, 'default', 'BAD_USER_INPUT'], // SCENARIOS seed002 #10: no cadre signature
  ])('Q2 evidence submitted %s, signed %s, %s settings → %s', (submittedOn, signed, settings, expected) => {
    let result: string;
    try {
      result = assertEvidenceAccepted({ year: 2026, quarter: 2, submittedOn, signedByCadreInCharge: signed }, SETTINGS[settings]);
    } catch (e) {
      result = (e as GovError).code;
    }
    expect(result).toBe(expected);
  });

  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-09-30', 3],
    ['2026-12-31', 4],
  ])('%s is in quarter %i', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });
});

describe('year-end ranking (L48; SCENARIOS seed002 #11)', () => {
  const rank = (scores: Record<string, number>, settings = S) =>
    yearEndRanking(new Map(Object.entries(scores)), settings).map((r) => [r.sectionId, r.rank, r.commended, r.headExcludedFromAwards]);
  const EXCLUDE = variant((s) => (s.yearEnd.boundaryTies = 'exclude'));

  it('commends the top 3 and excludes the heads of the bottom 2', () => {
    expect(rank({ 综合股: 104, 秘书股: 101, 研究室: 99, 行政股: 100, 应急股: 97, 信息股: 103 })).toEqual([
      ['综合股', 1, true, false],
      ['信息股', 2, true, false],
      ['秘书股', 3, true, false],
      ['行政股', 4, false, false],
      ['研究室', 5, false, true],
      ['应急股', 6, false, true],
    ]);
  });

  const tiedAtThird = { A: 105, B: 103, C: 101, D: 101, E: 99, F: 97, G: 96 };
  it.each<[string, ScoringSettings, string[], string[]]>([
    ['ties included', S, ['A', 'B', 'C', 'D'], ['F', 'G']],
    ['ties excluded', EXCLUDE, ['A', 'B'], ['F', 'G']],
  ])('a tie at third place, %s', (_name, settings, commended, excluded) => {
    const ranked = yearEndRanking(new Map(Object.entries(tiedAtThird)), settings);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5, 6, 7]);
    expect(ranked.filter((r) => r.commended).map((r) => r.sectionId)).toEqual(commended);
    expect(ranked.filter((r) => r.headExcludedFromAwards).map((r) => r.sectionId)).toEqual(excluded);
  });

  it.each<[string, ScoringSettings, string[]]>([
    ['ties included', S, ['E', 'F', 'G']],
    ['ties excluded', EXCLUDE, []],
  ])('three tied at the bottom, %s', (_name, settings, excluded) => {
    const ranked = yearEndRanking(new Map(Object.entries({ A: 105, B: 103, C: 101, D: 100, E: 96, F: 96, G: 96 })), settings);
    expect(ranked.filter((r) => r.headExcludedFromAwards).map((r) => r.sectionId)).toEqual(excluded);
  });

  it('all equal: with ties included every section is both commended and among the bottom', () => {
    expect(rank({ A: 100, B: 100, C: 100, D: 100 })).toEqual([
      ['A', 1, true, true],
      ['B', 1, true, true],
      ['C', 1, true, true],
      ['D', 1, true, true],
    ]);
  });

  it.each([
    [4, 'BAD_USER_INPUT'],
    [5, 'ok'],
    [8, 'ok'],
    [9, 'BAD_USER_INPUT'],
  ])('%i advanced individuals → %s (5–8)', (count, expected) => {
    expect(code(() => assertAdvancedIndividuals(count, S))).toBe(expected);
  });
});

describe('leader-assigned matters: 2 working days (L44; SCENARIOS seed002 #9)', () => {
  it.each([
    ['2026-03-06', '2026-03-10'], // Friday → Tuesday
    ['2026-02-13', '2026-02-24'], // make-up Saturday 14 Feb, then the Spring Festival
    ['2026-09-30', '2026-10-09'], // National Day
    ['2026-10-09', '2026-10-12'], // make-up Saturday 10 Oct
  ])('assigned %s → due %s', (assignedOn, due) => {
    expect(leaderAssignedMatterDue(cal, assignedOn, S)).toBe(due);
  });

  it.each<[string | null, string, boolean]>([
    [null, '2026-03-10', false],
    [null, '2026-03-11', true],
    ['2026-03-10', '2026-03-20', false],
    ['2026-03-11', '2026-03-20', true],
  ])('assigned Fri 2026-03-06, done %s, as of %s: late %s', (doneOn, asOf, late) => {
    expect(isLeaderAssignedMatterLate(cal, '2026-03-06', doneOn, asOf, S)).toBe(late);
  });
});
