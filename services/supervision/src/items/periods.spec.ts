import { WorkingCalendar, type Duration } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import {
  addCalendarMonths,
  calendarDaysBetween,
  describePeriod,
  periodEnd,
  toClockDuration,
  workingDaysBefore,
  type Period,
} from './periods.js';
import { refusalCode as code } from '@gov/spec-kit';

// Holidays: /work/shared/domain/holidays.md (2026: Spring Festival 15–23 Feb, make-up Sat 14 and Sat 28 Feb;
// National Day 1–7 Oct, make-up Sun 20 Sep and Sat 10 Oct; Labour Day 1–5 May).
const cal = WorkingCalendar.bundled();
const months = (amount: number): Period => ({ amount, unit: 'calendar-months' });
const calendar = (amount: number): Duration => ({ amount, unit: 'calendar' });
const working = (amount: number): Duration => ({ amount, unit: 'working' });


describe('calendar months clamp to the end of a shorter month (民法典 第二百零二条)', () => {
  it.each([
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (start, n, expected) => {
    expect(addCalendarMonths(start, n)).toBe(expected);
  });

  it.each([[-1], [1.5]])('refuses %p months with BAD_USER_INPUT', (n) => {
    expect(code(() => addCalendarMonths('2026-01-15', n))).toBe('BAD_USER_INPUT');
  });
});

describe('periodEnd', () => {
  it.each<[string, Period, boolean, string]>([
    ['2026-02-06', working(10), false, '2026-02-27'], // holidays.md worked example
    ['2026-09-20', calendar(15), false, '2026-10-05'], // National Day holiday kept (stricter)
    ['2026-09-20', calendar(15), true, '2026-10-08'],
    ['2026-01-31', months(1), false, '2026-02-28'],
    ['2026-01-31', months(1), true, '2026-02-28'], // Sat 28 Feb 2026 is a make-up working day
    ['2026-09-01', months(1), false, '2026-10-01'],
    ['2026-09-01', months(1), true, '2026-10-08'],
    ['2025-12-20', months(2), false, '2026-02-20'], // Spring Festival
    ['2025-12-20', months(2), true, '2026-02-24'],
    ['2026-01-15', months(1), true, '2026-02-24'], // Sun 15 Feb, first day of the holiday
  ])('%s + %o (roll forward %s) = %s', (start, period, roll, expected) => {
    expect(periodEnd(cal, start, period, { rollForwardToWorkingDay: roll })).toBe(expected);
  });

  it.each<[unknown]>([[{ amount: 1, unit: 'months' }], [{ amount: -1, unit: 'calendar-months' }], [{ amount: 1.5, unit: 'calendar' }]])(
    'refuses the period %o with BAD_USER_INPUT',
    (period) => {
      expect(code(() => periodEnd(cal, '2026-03-02', period as Period))).toBe('BAD_USER_INPUT');
    },
  );

  it('refuses a start that is not a date', () => {
    expect(code(() => periodEnd(cal, '2026-02-30', months(1)))).toBe('BAD_USER_INPUT');
  });
});

describe('toClockDuration fixes a month period in calendar days at the start', () => {
  it.each<[string, Period, Duration]>([
    ['2026-01-31', months(1), calendar(28)],
    ['2026-02-01', months(1), calendar(28)],
    ['2026-03-01', months(1), calendar(31)],
    ['2026-01-15', months(2), calendar(59)],
    ['2026-03-02', calendar(15), calendar(15)],
    ['2026-03-02', working(2), working(2)],
  ])('%s + %o → %o', (start, period, expected) => {
    expect(toClockDuration(start, period)).toEqual(expected);
  });
});

describe('workingDaysBefore', () => {
  it.each([
    ['2026-03-06', 3, '2026-03-03'],
    ['2026-03-06', 0, '2026-03-06'],
    ['2026-02-25', 3, '2026-02-13'], // back over the Spring Festival: 24 Feb, Sat 14 Feb (make-up), 13 Feb
    ['2026-10-09', 3, '2026-09-29'], // back over National Day: 8 Oct, 30 Sep, 29 Sep
    ['2026-03-07', 3, '2026-03-04'], // from a Saturday: Fri, Thu, Wed
  ])('%s minus %i working days = %s', (date, n, expected) => {
    expect(workingDaysBefore(cal, date, n)).toBe(expected);
  });

  it('refuses a negative count', () => {
    expect(code(() => workingDaysBefore(cal, '2026-03-06', -1))).toBe('BAD_USER_INPUT');
  });
});

describe('helpers', () => {
  it.each([
    ['2026-02-01', '2026-03-01', 28],
    ['2026-03-01', '2026-02-01', -28],
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(calendarDaysBetween(from, to)).toBe(days);
  });

  it.each<[Period, string]>([
    [calendar(15), '15 calendar days'],
    [working(1), '1 working day'],
    [months(1), '1 calendar month'],
    [months(6), '6 calendar months'],
  ])('%o reads %s', (period, text) => {
    expect(describePeriod(period)).toBe(text);
  });
});
