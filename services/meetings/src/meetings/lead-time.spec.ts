import type { Duration } from '@gov/calendar';
import {
  assertLeadTime,
  beijingDate,
  beijingInstant,
  beijingTime,
  before,
  calendarDays,
  checkLeadTime,
  clockMs,
  closeOfBusinessOn,
  DEFAULT_TIME_SETTINGS,
  dueAfter,
  effectiveDate,
  hoursOf,
  latestDateBefore,
  minutesOf,
  mondayOf,
  nthWorkingDayBefore,
  TimeSettingsSchema,
  workingDays,
  type TimeSettings,
} from './lead-time.js';
import { bj, cal, caught, code } from './spec-kit.js';

const clear: TimeSettings = { ...DEFAULT_TIME_SETTINGS, leadTimeReading: 'clear-working-days' };
type Reading = 'nth' | 'clear';
const READING: Record<Reading, TimeSettings> = { nth: DEFAULT_TIME_SETTINGS, clear };

describe('time settings', () => {
  it('defaults: close of business 17:00, the n-th-working-day-before reading', () => {
    expect(DEFAULT_TIME_SETTINGS).toEqual({ closeOfBusiness: '17:00', leadTimeReading: 'nth-working-day-before' });
  });
  it.each([[{ closeOfBusiness: '5pm' }], [{ closeOfBusiness: '24:00' }], [{ leadTimeReading: 'roughly' }], [{ extra: 1 }]])(
    'rejects %j',
    (bad) => {
      expect(TimeSettingsSchema.safeParse(bad).success).toBe(false);
    },
  );
});

describe('Beijing time', () => {
  it.each([
    ['2026-02-13', '17:00', '2026-02-13T09:00:00.000Z'],
    ['2026-01-01', '00:30', '2025-12-31T16:30:00.000Z'],
  ])('%s %s Beijing is %s', (date, time, iso) => {
    expect(beijingInstant(date, time).toISOString()).toBe(iso);
  });
  it('reads the Beijing date and time of an instant', () => {
    expect(beijingDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(beijingTime(new Date('2025-12-31T16:30:00Z'))).toBe('00:30');
  });
  it.each([
    ['2026-02-13 16:59', '2026-02-13'],
    ['2026-02-13 17:00', '2026-02-13'],
    ['2026-02-13 17:01', '2026-02-14'], // after 下班 it counts the next day
    ['2026-02-13 23:30', '2026-02-14'],
  ])('an act at %s counts on %s', (at, date) => {
    expect(effectiveDate(bj(at))).toBe(date);
  });
  it('a later close of business moves the cut-off', () => {
    expect(effectiveDate(bj('2026-02-13 17:20'), { ...DEFAULT_TIME_SETTINGS, closeOfBusiness: '17:30' })).toBe('2026-02-13');
  });
  it('rejects a malformed time of day', () => {
    expect(code(() => beijingInstant('2026-02-13', '9:00'))).toBe('BAD_USER_INPUT');
  });
});

describe('clock durations', () => {
  it.each([
    [minutesOf(30), 1_800_000],
    [hoursOf(24), 86_400_000],
    [minutesOf(0), 0],
  ])('%j is %i ms', (d, ms) => {
    expect(clockMs(d)).toBe(ms);
  });
  it('subtracts an offset from an instant', () => {
    expect(before(bj('2026-03-05 09:00'), minutesOf(30))).toEqual(bj('2026-03-05 08:30'));
  });
  it.each([[{ amount: -1, unit: 'minutes' }], [{ amount: 1.5, unit: 'hours' }], [{ amount: 5, unit: 'days' }]])(
    'rejects %j',
    (d) => {
      expect(code(() => clockMs(d as never))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('working days counted back (2026 Spring Festival 15–23 Feb off, Sat 14 and Sat 28 Feb worked)', () => {
  it.each([
    ['2026-02-24', 1, '2026-02-14'], // the make-up Saturday is the working day before the first day back
    ['2026-02-24', 2, '2026-02-13'],
    ['2026-03-02', 1, '2026-02-28'], // Sat 28 Feb is worked
    ['2026-03-02', 2, '2026-02-27'],
    ['2026-03-05', 10, '2026-02-13'],
    ['2026-10-09', 1, '2026-10-08'],
    ['2026-10-08', 1, '2026-09-30'], // National Day 1–7 Oct off
    ['2026-10-12', 1, '2026-10-10'], // Sat 10 Oct worked
    ['2026-10-15', 10, '2026-09-24'], // Mid-Autumn 25–27 Sep off as well
  ])('the %s: %i working day(s) before is %s', (date, n, expected) => {
    expect(nthWorkingDayBefore(cal, date, n)).toBe(expected);
  });
  it('needs holiday data for every day it walks through', () => {
    expect(caught(() => nthWorkingDayBefore(cal, '2025-01-03', 5)).details).toEqual({ year: 2024 });
  });
  it('n must be at least 1', () => {
    expect(code(() => nthWorkingDayBefore(cal, '2026-03-05', 0))).toBe('BAD_USER_INPUT');
  });
});

describe('latest date before a meeting, both readings', () => {
  // SCENARIOS.md seed000-a #5: a meeting on Thursday 2026-03-12.
  it.each<[string, Duration, Reading, string]>([
    ['2026-03-12', workingDays(1), 'nth', '2026-03-11'],
    ['2026-03-12', workingDays(2), 'nth', '2026-03-10'],
    ['2026-03-12', workingDays(1), 'clear', '2026-03-10'],
    ['2026-03-12', workingDays(2), 'clear', '2026-03-09'],
    ['2026-03-14', workingDays(1), 'nth', '2026-03-13'], // a Saturday activity: Friday
    ['2026-03-12', calendarDays(1), 'nth', '2026-03-11'],
    ['2026-03-12', calendarDays(3), 'clear', '2026-03-08'],
    ['2026-03-12', workingDays(0), 'nth', '2026-03-12'],
  ])('%s, lead %j, %s reading: %s', (date, lead, reading, expected) => {
    expect(latestDateBefore(cal, date, lead, READING[reading])).toBe(expected);
  });
  it('rejects a lead without a unit', () => {
    expect(code(() => latestDateBefore(cal, '2026-03-12', { amount: 2 } as Duration))).toBe('BAD_USER_INPUT');
  });
});

describe('checkLeadTime', () => {
  it.each<[string, string, Duration, Reading, boolean, number]>([
    ['2026-03-10 16:00', '2026-03-12', workingDays(2), 'nth', true, 2],
    ['2026-03-10 17:30', '2026-03-12', workingDays(2), 'nth', false, 1], // after 下班: counts Wednesday
    ['2026-03-09 09:00', '2026-03-12', workingDays(2), 'clear', true, 2],
    ['2026-03-10 09:00', '2026-03-12', workingDays(2), 'clear', false, 1],
    ['2026-03-07 10:00', '2026-03-09', workingDays(1), 'nth', false, 0], // a Saturday gives no working day
    ['2026-03-06 10:00', '2026-03-09', workingDays(1), 'nth', true, 1],
    ['2026-03-06 10:00', '2026-03-09', calendarDays(3), 'nth', true, 3],
    ['2026-03-07 10:00', '2026-03-09', calendarDays(3), 'nth', false, 2],
    ['2026-03-12 08:00', '2026-03-12', workingDays(1), 'nth', false, 0],
  ])('done %s for %s, lead %j (%s reading): held %s, actual %i', (at, date, lead, reading, held, actual) => {
    const c = checkLeadTime(cal, bj(at), date, lead, READING[reading]);
    expect(c.held).toBe(held);
    expect(c.actual).toBe(actual);
  });
  it('assertLeadTime refuses with DEADLINE_RULE and names the latest date', () => {
    const err = caught(() => assertLeadTime('the notice', cal, bj('2026-03-11 09:00'), '2026-03-12', workingDays(2)));
    expect(err.code).toBe('DEADLINE_RULE');
    expect(err.details).toMatchObject({ latestDate: '2026-03-10', countedOn: '2026-03-11', actual: 1 });
    expect(assertLeadTime('the notice', cal, bj('2026-03-10 09:00'), '2026-03-12', workingDays(2)).latestAt).toEqual(
      closeOfBusinessOn('2026-03-10'),
    );
  });
});

describe('deadlines forward', () => {
  it.each<[string, Duration, string]>([
    ['2026-02-13', workingDays(2), '2026-02-24'], // Fri 13: Sat 14 worked (1), then back on 24 Feb (2)
    ['2026-09-30', workingDays(2), '2026-10-09'],
    ['2026-10-09', workingDays(1), '2026-10-10'],
    ['2026-03-06', calendarDays(7), '2026-03-13'],
  ])('%s + %j is due %s at close of business', (from, period, date) => {
    const due = dueAfter(cal, from, period);
    expect(due.dueDate).toBe(date);
    expect(due.dueAt).toEqual(closeOfBusinessOn(date));
  });
  it.each([
    ['2026-03-05', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-01-01', '2025-12-29'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});
