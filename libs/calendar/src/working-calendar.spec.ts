import { GovError } from '@gov/contracts';
import type { HolidayYear } from './holiday-year.js';
import { WorkingCalendar, type DayKind } from './working-calendar.js';
import { refusal as caught } from '@gov/spec-kit';

// Expected values follow /work/shared/domain/holidays.md (State Council 放假调休 notices for 2025 and 2026).
const cal = WorkingCalendar.bundled();


function expectMissingYear(fn: () => unknown, year: number): void {
  const err = caught(fn);
  expect(err.code).toBe('CALENDAR_DATA_MISSING');
  expect(err.message).toBe(`no working-day calendar for year ${year}`);
  expect(err.details).toEqual({ year });
}

describe('dayKind', () => {
  it.each<[string, DayKind]>([
    // Spring Festival 2025: off 28 Jan – 4 Feb, make-up Sun 26 Jan and Sat 8 Feb
    ['2025-01-25', 'weekend'],
    ['2025-01-26', 'make-up-workday'],
    ['2025-01-27', 'workday'],
    ['2025-01-28', 'holiday'],
    ['2025-02-01', 'holiday'],
    ['2025-02-04', 'holiday'],
    ['2025-02-05', 'workday'],
    ['2025-02-08', 'make-up-workday'],
    ['2025-02-09', 'weekend'],
    // Spring Festival 2026: off 15–23 Feb, make-up Sat 14 and Sat 28 Feb
    ['2026-02-13', 'workday'],
    ['2026-02-14', 'make-up-workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'make-up-workday'],
    ['2026-03-01', 'weekend'],
    // National Day + Mid-Autumn 2025: off 1–8 Oct, make-up Sun 28 Sep and Sat 11 Oct
    ['2025-09-27', 'weekend'],
    ['2025-09-28', 'make-up-workday'],
    ['2025-09-30', 'workday'],
    ['2025-10-01', 'holiday'],
    ['2025-10-06', 'holiday'],
    ['2025-10-08', 'holiday'],
    ['2025-10-09', 'workday'],
    ['2025-10-11', 'make-up-workday'],
    ['2025-10-12', 'weekend'],
    // Mid-Autumn 25–27 Sep and National Day 1–7 Oct 2026, make-up Sun 20 Sep and Sat 10 Oct
    ['2026-09-20', 'make-up-workday'],
    ['2026-09-25', 'holiday'],
    ['2026-09-27', 'holiday'],
    ['2026-09-28', 'workday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'make-up-workday'],
    ['2026-10-11', 'weekend'],
    // other make-up days and the New Year
    ['2025-04-27', 'make-up-workday'],
    ['2026-05-09', 'make-up-workday'],
    ['2026-01-04', 'make-up-workday'],
    ['2026-01-01', 'holiday'],
    ['2025-12-31', 'workday'],
  ])('%s is %s', (date, kind) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'make-up-workday');
  });

  it.each(['2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10', '2025-02-08', '2025-10-11'])(
    'make-up Saturday %s is a working day',
    (date) => {
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(6);
      expect(cal.isWorkingDay(date)).toBe(true);
    },
  );

  it('counts 248 working days in each of 2025 and 2026', () => {
    expect(cal.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
    expect(cal.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(248);
  });
});

describe('addWorkingDays / nextWorkingDay', () => {
  it.each<[string, number, string]>([
    // worked example: Mon 9 – Fri 13 (5), Sat 14 make-up (6), 15–23 off, Tue 24 – Fri 27 (10)
    ['2026-02-06', 10, '2026-02-27'],
    ['2026-02-06', 5, '2026-02-13'],
    ['2026-02-06', 6, '2026-02-14'],
    ['2026-02-06', 7, '2026-02-24'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-05-08', 1, '2026-05-09'],
    // across the year boundary 2025 → 2026: 1–3 Jan off, Sun 4 Jan is a make-up day
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-26', 5, '2026-01-05'],
    ['2025-01-01', 249, '2026-01-04'],
    ['2025-01-01', 250, '2026-01-05'],
    // n = 0: the date itself if it is a working day, else the next working day
    ['2026-02-24', 0, '2026-02-24'],
    ['2026-02-14', 0, '2026-02-14'],
    ['2026-02-15', 0, '2026-02-24'],
    ['2026-03-01', 0, '2026-03-02'],
    ['2026-01-01', 0, '2026-01-04'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2025-12-31', '2026-01-04'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(cal.nextWorkingDay(date)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %p', (n) => {
    expect(caught(() => cal.addWorkingDays('2026-02-06', n)).code).toBe('BAD_USER_INPUT');
  });

  it.each(['2026-02-30', '2026/02/06', ''])('rejects the date %p', (date) => {
    expect(caught(() => cal.addWorkingDays(date, 1)).code).toBe('BAD_USER_INPUT');
  });

  it('is fast: 2,000 additions of 250 working days in well under a second', () => {
    const t0 = performance.now();
    let last = '';
    for (let i = 0; i < 2000; i++) last = cal.addWorkingDays('2025-01-01', 250);
    expect(last).toBe('2026-01-05');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('workingDaysBetween (inclusive)', () => {
  it.each<[string, string, number]>([
    // worked example: 28, 29, 30 Sep, 1–7 Oct off, Thu 8 and Fri 9 Oct
    ['2026-09-28', '2026-10-09', 5],
    ['2025-09-28', '2025-10-12', 6],
    ['2026-02-14', '2026-02-28', 6],
    ['2025-01-26', '2025-02-08', 6],
    ['2025-12-29', '2026-01-05', 5],
    ['2026-02-14', '2026-02-14', 1],
    ['2026-02-15', '2026-02-15', 0],
    ['2026-02-16', '2026-02-10', 0],
  ])('%s..%s has %i working days', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('a year without data is an error, never a guess', () => {
  it.each<[string, () => unknown, number]>([
    ['dayKind in 2024', () => cal.dayKind('2024-12-31'), 2024],
    ['isWorkingDay in 2027', () => cal.isWorkingDay('2027-01-04'), 2027],
    ['addWorkingDays from 2024', () => cal.addWorkingDays('2024-12-31', 1), 2024],
    ['addWorkingDays 2026-12-20 + 15 walks into 2027', () => cal.addWorkingDays('2026-12-20', 15), 2027],
    ['addWorkingDays 2026-12-31 + 1', () => cal.addWorkingDays('2026-12-31', 1), 2027],
    ['nextWorkingDay of 2026-12-31', () => cal.nextWorkingDay('2026-12-31'), 2027],
    ['workingDaysBetween from 2024', () => cal.workingDaysBetween('2024-12-30', '2025-01-05'), 2024],
    ['workingDaysBetween into 2027', () => cal.workingDaysBetween('2026-12-01', '2027-01-31'), 2027],
    ['workingDaysBetween, empty range, end in 2027', () => cal.workingDaysBetween('2027-01-02', '2026-12-01'), 2027],
  ])('%s', (_name, fn, year) => {
    expectMissingYear(fn, year);
  });

  it('still answers when the walk stays inside known years', () => {
    expect(cal.addWorkingDays('2026-12-20', 9)).toBe('2026-12-31');
    expect(cal.addWorkingDays('2026-12-31', 0)).toBe('2026-12-31');
  });

  it('calendar-day arithmetic needs no data', () => {
    expect(cal.addCalendarDays('2026-12-20', 15)).toBe('2027-01-04');
  });
});

describe('loading years (immutable)', () => {
  // A test fixture, NOT the official 2027 schedule (not published when this was written).
  const fixture2027: HolidayYear = {
    year: 2027,
    source: 'test fixture',
    holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
    makeUpWorkdays: [],
  };

  it('withYear adds a year and leaves the original calendar unchanged', () => {
    const extended = cal.withYear(fixture2027);
    expect(extended.years()).toEqual([2025, 2026, 2027]);
    expect(cal.years()).toEqual([2025, 2026]);
    // 21–25 Dec (5), 28–31 Dec (9), Fri 1 Jan off, 4–8 Jan (14), Mon 11 Jan (15)
    expect(extended.addWorkingDays('2026-12-20', 15)).toBe('2027-01-11');
    expectMissingYear(() => cal.addWorkingDays('2026-12-20', 15), 2027);
  });

  it('withYear replaces a year that is already loaded', () => {
    const corrected = cal.withYear({ ...cal.yearData(2026)!, makeUpWorkdays: ['2026-01-04'] });
    expect(corrected.years()).toEqual([2025, 2026]);
    expect(corrected.dayKind('2026-02-14')).toBe('weekend');
    expect(cal.dayKind('2026-02-14')).toBe('make-up-workday');
  });

  it('withYear validates the data', () => {
    const bad = { ...fixture2027, makeUpWorkdays: ['2027-01-05'] }; // a Tuesday
    expect(caught(() => cal.withYear(bad)).code).toBe('BAD_USER_INPUT');
  });

  it('from() rejects a year given twice', () => {
    const err = caught(() => WorkingCalendar.from([fixture2027, fixture2027]));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('year 2027 given twice');
  });

  it('bundled() has 2025 and 2026 with their sources', () => {
    expect(cal.years()).toEqual([2025, 2026]);
    expect(cal.yearData(2025)?.source).toBe('国办发明电〔2024〕12号 (2024-11-12)');
    expect(cal.yearData(2024)).toBeUndefined();
  });
});
