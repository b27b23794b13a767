import { GovError } from '@gov/contracts';
import { DEFAULT_SCORING_SETTINGS as S, parseScoringSettings, type ScoringSettings } from './scoring.settings.js';
import { refusalCode as code } from '@gov/spec-kit';


const variant = (change: (s: ScoringSettings) => void): ScoringSettings => {
  const s = structuredClone(S) as ScoringSettings;
  change(s);
  return parseScoringSettings(s);
};

describe('the deduction and addition table of seed 002 L39–44', () => {
  it('starts every section and person at 100 a year (L39)', () => {
    expect(S.base).toBe(100);
  });

  it.each<[string, number, string, string]>([
    ['document-handling-error', -1, 'time', 'seed 002 L40'],
    ['writing-error', -1, 'time', 'seed 002 L40'],
    ['annual-research-not-done', -5, 'year', 'seed 002 L41'],
    ['meeting-handling-error', -2, 'time', 'seed 002 L42'],
    ['specific-affairs-error', -2, 'time', 'seed 002 L42'],
    ['criticised-by-district-government-leader', -2, 'time', 'seed 002 L42'],
    ['criticised-by-office-leader', -1, 'time', 'seed 002 L42'],
    ['late-or-early-leave', -1, 'time', 'seed 002 L42'],
    ['absent-half-day', -2, 'time', 'seed 002 L42'],
    ['absent-full-day', -3, 'time', 'seed 002 L42'],
    ['resident-duty-breach', -2, 'case', 'seed 002 L42'],
    ['left-duty-post', -3, 'time', 'seed 002 L42'],
    ['emergency-information-late', -3, 'time', 'seed 002 L42'],
    ['phone-off', -1, 'time', 'seed 002 L42'],
    ['missed-collective-activity', -1, 'time', 'seed 002 L42'],
    ['provincial-commendation', 5, 'time', 'seed 002 L43'],
    ['municipal-commendation', 3, 'time', 'seed 002 L43'],
    ['district-activity-commendation', 2, 'time', 'seed 002 L43'],
    ['praised-by-principal-leader', 3, 'time', 'seed 002 L43'],
    ['leader-assigned-matter-late', -2, 'time', 'seed 002 L44'],
  ])('%s: %i per %s (%s)', (itemCode, points, per, seed) => {
    const item = S.items.find((i) => i.code === itemCode);
    expect(item && { points: item.points, per: item.per, seed: item.seed }).toEqual({ points, per, seed });
  });

  it('has no other lines', () => {
    expect(S.items).toHaveLength(20);
  });

  it.each([
    ['document-handling-error', '综合股'],
    ['writing-error', '秘书股、研究室'],
    ['annual-research-not-done', '研究室'],
    ['meeting-handling-error', '综合股'],
  ])('%s: evidence from %s', (itemCode, from) => {
    expect(S.items.find((i) => i.code === itemCode)?.evidenceFrom).toBe(from);
  });

  it('marks serious emergency-information cases for separate handling (L42) and criticism for L44', () => {
    expect(S.items.filter((i) => i.mayBeHandledSeparately).map((i) => i.code)).toEqual(['emergency-information-late']);
    expect(S.items.filter((i) => i.needsCriticism).map((i) => i.code)).toEqual(['leader-assigned-matter-late']);
  });

  it.each<[string, (s: ScoringSettings) => void]>([
    ['a code twice', (s) => s.items.push({ ...s.items[0]! })],
    ['zero points', (s) => (s.items[0]!.points = 0)],
    ['5–8 reversed', (s) => (s.yearEnd.advancedIndividuals = { min: 8, max: 5 })],
    ['evidence day 31', (s) => (s.evidence.day = 31)],
    ['unknown field', (s) => ((s as Record<string, unknown>)['bonus'] = 1)],
  ])('refuses settings with %s (BAD_USER_INPUT)', (_name, change) => {
    expect(code(() => variant(change))).toBe('BAD_USER_INPUT');
  });
});

describe('other defaults (seed 002 L44, L46, L48)', () => {
  it.each<[string, (s: ScoringSettings) => unknown, unknown]>([
    ['leader-assigned matters: 2 working days (L44)', (s) => s.leaderAssignedMatter, { amount: 2, unit: 'working' }],
    ['evidence before the 28th, the 28th excluded, late refused (L46)', (s) => s.evidence, { day: 28, dayIncluded: false, late: 'refuse' }],
    ['top 3 sections commended (L48)', (s) => s.yearEnd.commendTopSections, 3],
    ['heads of the bottom 2 sections excluded (L48)', (s) => s.yearEnd.excludeBottomSections, 2],
    ['5–8 advanced individuals (L48)', (s) => s.yearEnd.advancedIndividuals, { min: 5, max: 8 }],
    ['boundary ties included', (s) => s.yearEnd.boundaryTies, 'include'],
  ])('%s', (_name, read, expected) => {
    expect(read(S)).toEqual(expected);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(S.items[0])).toBe(true);
    expect(() => {
      (S.units as { late: number }).late = 0;
    }).toThrow(TypeError);
  });
});
