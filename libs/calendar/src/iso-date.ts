import { GovError } from '@gov/contracts';

/**
 * A calendar date as `YYYY-MM-DD`, with no time and no time zone. Deadlines in the office are counted in whole
 * days, so dates stay plain strings: they compare correctly as strings, serialise as themselves and cannot
 * drift with the machine's time zone. All arithmetic is done in UTC on the date part only.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real Gregorian date written `YYYY-MM-DD` (rejects `2025-02-29`, `2025-1-01`). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Throws BAD_USER_INPUT unless `value` is an {@link IsoDate}; `field` names it in the message. */
export function assertIsoDate(value: unknown, field = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw GovError.badInput(`${field} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      field,
      value,
    });
  }
}

/** Days since 1970-01-01 (UTC), for arithmetic. The input must already be a valid IsoDate. */
export function toEpochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
}

/** `date` plus `days` calendar days (negative goes back). Pure Gregorian arithmetic, needs no holiday data. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(days)) throw GovError.badInput(`days must be an integer, got ${days}`, { days });
  return fromEpochDay(toEpochDay(date) + days);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant as seen in `timeZone` (default Asia/Shanghai, the office's time zone), never
 * the server's local zone: 2025-12-31T16:30Z is already 2026-01-01 in Beijing.
 */
export function toIsoDate(date: Date, timeZone = 'Asia/Shanghai'): IsoDate {
  if (Number.isNaN(date.getTime())) throw GovError.badInput('toIsoDate: invalid Date', { timeZone });
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw GovError.badInput(`toIsoDate: unknown time zone ${JSON.stringify(timeZone)}`, { timeZone });
    }
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
