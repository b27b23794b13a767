import { GovError } from '@gov/contracts';
import { DEFAULT_SCORING_SETTINGS as S } from './scoring.settings.js';
import { itemTiming, unitItemPoints, unitScores, type UnitItemOutcome } from './unit-scoring.rules.js';

const outcome = (change: Partial<UnitItemOutcome> = {}): UnitItemOutcome => ({
  unit: 'QFGW',
  due: '2026-03-17',
  reportedOn: '2026-03-16',
  sentBack: 0,
  ...change,
});

describe('unit scoring on supervision items (no seed numbers: documented defaults)', () => {
  it('defaults: base 100, on time 0, late −2, each report sent back −1', () => {
    expect(S.units).toEqual({ base: 100, onTime: 0, late: -2, sentBack: -1 });
  });

  it.each<[string, Partial<UnitItemOutcome>, string, string, number]>([
    ['reported before the due date', {}, '2026-04-01', 'on-time', 0],
    ['reported on the due date', { reportedOn: '2026-03-17' }, '2026-04-01', 'on-time', 0],
    ['reported a day late', { reportedOn: '2026-03-18' }, '2026-04-01', 'late', -2],
    ['on time after two returns', { reportedOn: '2026-03-17', sentBack: 2 }, '2026-04-01', 'on-time', -2],
    ['late after one return', { reportedOn: '2026-03-20', sentBack: 1 }, '2026-04-01', 'late', -3],
    ['open, not yet due', { reportedOn: null }, '2026-03-17', 'open', 0],
    ['open and overdue', { reportedOn: null }, '2026-03-18', 'late', -2],
  ])('%s → %s, %i points', (_name, change, asOf, timing, points) => {
    expect(itemTiming(outcome(change), asOf)).toBe(timing);
    expect(unitItemPoints(outcome(change), asOf, S)).toBe(points);
  });

  it.each([[-1], [0.5]])('refuses sentBack %p with BAD_USER_INPUT', (sentBack) => {
    let codeSeen = 'ok';
    try {
      unitItemPoints(outcome({ sentBack }), '2026-04-01', S);
    } catch (e) {
      codeSeen = (e as GovError).code;
    }
    expect(codeSeen).toBe('BAD_USER_INPUT');
  });

  it('adds up per lead unit, for the year the items fell due in', () => {
    const scores = unitScores(
      [
        outcome(),
        outcome({ reportedOn: '2026-03-20', sentBack: 1 }),
        outcome({ unit: 'QCZJ', reportedOn: null, due: '2026-12-31' }),
        outcome({ unit: 'QCZJ', due: '2025-12-31', reportedOn: '2026-01-05' }), // 2025's item
      ],
      2026,
      '2026-06-30',
      S,
    );
    expect(Object.fromEntries(scores)).toEqual({ QFGW: 97, QCZJ: 100 });
  });
});
