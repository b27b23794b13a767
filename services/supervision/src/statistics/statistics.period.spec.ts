import { periodRange } from './statistics.period.js';

describe('the periods of the supervision reports (monthly, half-year, annual; seed 000 L1324)', () => {
  it.each([
    [{ kind: 'month', year: 2026, month: 2 }, '2026-02-01', '2026-02-28'],
    [{ kind: 'month', year: 2028, month: 2 }, '2028-02-01', '2028-02-29'],
    [{ kind: 'month', year: 2026, month: 12 }, '2026-12-01', '2026-12-31'],
    [{ kind: 'month', year: 2026, month: 4 }, '2026-04-01', '2026-04-30'],
    [{ kind: 'half-year', year: 2026, half: 1 }, '2026-01-01', '2026-06-30'],
    [{ kind: 'half-year', year: 2026, half: 2 }, '2026-07-01', '2026-12-31'],
    [{ kind: 'year', year: 2026 }, '2026-01-01', '2026-12-31'],
  ] as const)('%j runs from %s to %s', (period, from, to) => {
    expect(periodRange(period)).toEqual({ from, to });
  });
});
