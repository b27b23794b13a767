import { GovError } from '@gov/contracts';
import {
  addCalendarDays,
  assertIsoDate,
  dueDate,
  DurationSchema,
  type Duration,
  type IsoDate,
  type WorkingCalendar,
} from '@gov/calendar';
import { z } from 'zod';

/**
 * Time limits of the supervision section that are written in months (个月): "一个月内反馈" (seed 000 L338),
 * "3个月内答复 … 最迟不得超过6个月" (seed 000 L378, seed 001 L832). Day limits stay a {@link Duration} from
 * @gov/calendar; a month limit is a {@link MonthPeriod}. Either is a {@link Period}.
 */
export interface MonthPeriod {
  readonly amount: number;
  readonly unit: 'calendar-months';
}

export type Period = Duration | MonthPeriod;

export const MonthPeriodSchema = z.strictObject({
  amount: z.number().int().min(0),
  unit: z.literal('calendar-months'),
});

export const PeriodSchema = z.union([DurationSchema, MonthPeriodSchema]);

const MS_PER_DAY = 86_400_000;

function epochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  return epochDay(to) - epochDay(from);
}

/**
 * `date` plus `months` calendar months. The day of the month is kept; when the target month is shorter it
 * clamps to that month's last day: 31 Jan + 1 month = 28 Feb (29 Feb in a leap year), 31 Aug + 1 = 30 Sep.
 * This is the rule of 民法典 第二百零二条: "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日".
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(months) || months < 0) {
    throw GovError.badInput(`months must be a whole number >= 0, got ${months}`, { months });
  }
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
  const target = m + months;
  const year = y + Math.floor(target / 12);
  const month = target % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export interface PeriodOptions {
  /**
   * Calendar-day and month periods only: a period ending on a day off ends on the next working day. Default
   * false, the stricter reading that keeps the earlier date (docs/decisions.md, Calendar).
   */
  readonly rollForwardToWorkingDay?: boolean;
}

function checkPeriod(period: Period): void {
  if (!PeriodSchema.safeParse(period).success) {
    throw GovError.badInput(
      `invalid period ${JSON.stringify(period)}: amount must be a whole number >= 0, unit working|calendar|calendar-months`,
      { period },
    );
  }
}

/**
 * The last day of a period that starts on `start` (the start day is not counted). Working and calendar days
 * go to {@link dueDate}; calendar months use {@link addCalendarMonths}.
 */
export function periodEnd(calendar: WorkingCalendar, start: IsoDate, period: Period, opts: PeriodOptions = {}): IsoDate {
  assertIsoDate(start, 'start');
  checkPeriod(period);
  if (period.unit !== 'calendar-months') return dueDate(calendar, start, period, opts);
  const end = addCalendarMonths(start, period.amount);
  return opts.rollForwardToWorkingDay ? calendar.addWorkingDays(end, 0) : end;
}

/**
 * The {@link Duration} a DeadlineClock needs for `period` starting on `start`. A month period becomes the
 * calendar days to its end, fixed at the clock's start (a restart recomputes it from the new start); day
 * periods are returned as they are.
 */
export function toClockDuration(start: IsoDate, period: Period): Duration {
  assertIsoDate(start, 'start');
  checkPeriod(period);
  if (period.unit !== 'calendar-months') return { amount: period.amount, unit: period.unit };
  return { amount: calendarDaysBetween(start, addCalendarMonths(start, period.amount)), unit: 'calendar' };
}

/**
 * The working day `n` working days before `date`: walking back from `date`, the n-th working day met
 * (`date` itself not counted). 3 working days before Fri 6 Mar 2026 is Tue 3 Mar.
 */
export function workingDaysBefore(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n) || n < 0) throw GovError.badInput(`working days must be a whole number >= 0, got ${n}`, { n });
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** For messages: "15 calendar days", "2 working days", "1 calendar month". */
export function describePeriod(period: Period): string {
  const unit = period.unit === 'calendar-months' ? 'calendar month' : `${period.unit} day`;
  return `${period.amount} ${unit}${period.amount === 1 ? '' : 's'}`;
}
