import { GovError } from '@gov/contracts';
import { addCalendarDays, dayOfWeek, isIsoDate, toIsoDate } from './iso-date.js';

describe('toIsoDate (Asia/Shanghai, never the machine zone)', () => {
  it.each([
    ['2025-12-31T16:30:00Z', 'Asia/Shanghai', '2026-01-01'],
    ['2025-12-31T16:30:00Z', 'UTC', '2025-12-31'],
    ['2026-02-14T15:59:59Z', 'Asia/Shanghai', '2026-02-14'],
    ['2026-02-14T16:00:00Z', 'Asia/Shanghai', '2026-02-15'],
    ['2026-10-01T00:00:00+08:00', 'Asia/Shanghai', '2026-10-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(toIsoDate(new Date(instant), zone)).toBe(expected);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(toIsoDate(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
  });

  it.each([[new Date('nope'), 'Asia/Shanghai'], [new Date(0), 'Mars/Olympus']])('rejects %s / %s', (d, zone) => {
    expect(() => toIsoDate(d, zone)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }) as GovError);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-2-28', false],
    ['2026-13-01', false],
    ['2026-02-28T00:00:00Z', false],
    [20260228, false],
  ])('%s -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('calendar-day arithmetic in UTC', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-20', 15, '2027-01-04'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-02-14', 6],
    ['2025-09-28', 0],
    ['2026-10-07', 3],
  ])('day of week of %s is %i', (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
  });

  it('rejects a fractional day count', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow('days must be an integer');
  });
});
