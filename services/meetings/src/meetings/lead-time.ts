import { GovError } from '@gov/contracts';
import {
  addCalendarDays,
  assertIsoDate,
  dueDate,
  DurationSchema,
  toIsoDate,
  type Duration,
  type IsoDate,
  type WorkingCalendar,
} from '@gov/calendar';
import { z } from 'zod';

/**
 * Time primitives shared by every meetings rule: lead times counted back from a meeting, deadlines counted
 * forward from it, close of business, and minute/hour offsets on the meeting day. Pure: "now" and the
 * working calendar are always parameters.
 *
 * Units. Day periods use the calendar library's {@link Duration} (`working` | `calendar`). Offsets within a
 * day use {@link ClockDuration} (`minutes` | `hours`). No rule here holds a bare number.
 */

/** An offset on the clock: "提前30分钟", "24小时内". */
export const ClockDurationSchema = z.strictObject({
  amount: z.number().int().min(0),
  unit: z.enum(['minutes', 'hours']),
});
export type ClockDuration = z.infer<typeof ClockDurationSchema>;

export const minutesOf = (amount: number): ClockDuration => ({ amount, unit: 'minutes' });
export const hoursOf = (amount: number): ClockDuration => ({ amount, unit: 'hours' });
export const workingDays = (amount: number): Duration => ({ amount, unit: 'working' });
export const calendarDays = (amount: number): Duration => ({ amount, unit: 'calendar' });

export function clockMs(d: ClockDuration): number {
  const parsed = ClockDurationSchema.safeParse(d);
  if (!parsed.success) throw GovError.badInput(`invalid clock duration ${JSON.stringify(d)}`, { duration: d });
  return d.amount * (d.unit === 'hours' ? 3_600_000 : 60_000);
}

/** `at` minus an offset: the instant staff must arrive, the chair be told, … */
export function before(at: Date, d: ClockDuration): Date {
  return new Date(at.getTime() - clockMs(d));
}

export function after(at: Date, d: ClockDuration): Date {
  return new Date(at.getTime() + clockMs(d));
}

/** Money thresholds carry their currency: "10 万元及以上". */
export const YuanSchema = z.strictObject({ amount: z.number().min(0), currency: z.literal('CNY') });
export type Yuan = z.infer<typeof YuanSchema>;
export const yuan = (amount: number): Yuan => ({ amount, currency: 'CNY' });

export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day written HH:MM');

/**
 * How "提前 N 个工作日" is read.
 * - `nth-working-day-before`: the act must happen by the N-th working day before the meeting date
 *   (a Thursday meeting with 1 working day: Wednesday; with 2: Tuesday). This is the platform's period
 *   convention (docs/decisions.md, Calendar: the start day is not counted, the last day is), with the act as
 *   the start and the meeting day as the last day.
 * - `clear-working-days`: N whole working days must lie strictly between the act and the meeting (Thursday,
 *   1: Tuesday; 2: Monday).
 * The same reading applies to calendar-day lead times. See RULES.md, decision D1.
 */
export const LeadTimeReadingSchema = z.enum(['nth-working-day-before', 'clear-working-days']);
export type LeadTimeReading = z.infer<typeof LeadTimeReadingSchema>;

/**
 * Settings shared by every meetings rule.
 * - `closeOfBusiness` (下班): the seeds use it (seed 000 L38 "周一下午下班前", L60 "每天下班前") but never give the
 *   hour. 17:00 Beijing time is the earliest closing hour in common use for 机关, so the stricter default.
 * - `leadTimeReading`: see {@link LeadTimeReadingSchema}.
 */
export const TimeSettingsSchema = z.strictObject({
  closeOfBusiness: TimeOfDaySchema.default('17:00'),
  leadTimeReading: LeadTimeReadingSchema.default('nth-working-day-before'),
});
export type TimeSettings = z.infer<typeof TimeSettingsSchema>;
export const DEFAULT_TIME_SETTINGS: TimeSettings = TimeSettingsSchema.parse({});

/** The instant of a Beijing wall-clock time (China has no daylight saving: always UTC+8). */
export function beijingInstant(date: IsoDate, time: string): Date {
  assertIsoDate(date);
  if (!TimeOfDaySchema.safeParse(time).success) throw GovError.badInput(`time must be HH:MM, got ${JSON.stringify(time)}`);
  return new Date(`${date}T${time}:00+08:00`);
}

/** The Beijing calendar date of an instant. */
export function beijingDate(at: Date): IsoDate {
  return toIsoDate(at, 'Asia/Shanghai');
}

/** The Beijing wall-clock time of an instant, HH:MM. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

export function closeOfBusinessOn(date: IsoDate, settings: TimeSettings = DEFAULT_TIME_SETTINGS): Date {
  return beijingInstant(date, settings.closeOfBusiness);
}

/**
 * The date an act counts for: its Beijing date when done by close of business, else the next day (a
 * notice sent or a request handed in after 下班 reaches people the next day). See RULES.md, decision D2.
 */
export function effectiveDate(at: Date, settings: TimeSettings = DEFAULT_TIME_SETTINGS): IsoDate {
  const date = beijingDate(at);
  return at.getTime() <= closeOfBusinessOn(date, settings).getTime() ? date : addCalendarDays(date, 1);
}

/** The n-th working day strictly before `date` (n >= 1). Throws CALENDAR_DATA_MISSING outside known years. */
export function nthWorkingDayBefore(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n) || n < 1) throw GovError.badInput(`n must be a whole number >= 1, got ${n}`, { n });
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * The latest date on which something may happen that must happen `lead` before `eventDate`, under the
 * reading in `settings`. A lead of 0 is the event date itself.
 */
export function latestDateBefore(
  calendar: WorkingCalendar,
  eventDate: IsoDate,
  lead: Duration,
  settings: TimeSettings = DEFAULT_TIME_SETTINGS,
): IsoDate {
  assertIsoDate(eventDate, 'eventDate');
  const parsed = DurationSchema.safeParse(lead);
  if (!parsed.success) throw GovError.badInput(`invalid lead time ${JSON.stringify(lead)}`, { lead });
  if (lead.amount === 0) return eventDate;
  const n = settings.leadTimeReading === 'clear-working-days' ? lead.amount + 1 : lead.amount;
  return lead.unit === 'working' ? nthWorkingDayBefore(calendar, eventDate, n) : addCalendarDays(eventDate, -n);
}

/** How many counted days of lead an act that counts on `doneOn` gives before `eventDate`. */
export function leadDays(
  calendar: WorkingCalendar,
  doneOn: IsoDate,
  eventDate: IsoDate,
  unit: Duration['unit'],
  settings: TimeSettings = DEFAULT_TIME_SETTINGS,
): number {
  // nth reading: days in [doneOn, eventDate); clear reading: days in (doneOn, eventDate).
  const from = settings.leadTimeReading === 'clear-working-days' ? addCalendarDays(doneOn, 1) : doneOn;
  const to = addCalendarDays(eventDate, -1);
  if (to < from) return 0;
  if (unit === 'calendar') {
    return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  }
  return calendar.workingDaysBetween(from, to);
}

export interface LeadTimeCheck {
  readonly required: Duration;
  /** The last date the act may happen on, and the instant (close of business that day). */
  readonly latestDate: IsoDate;
  readonly latestAt: Date;
  /** The date the act counts for ({@link effectiveDate}). */
  readonly countedOn: IsoDate;
  /** Counted days of lead the act gave. */
  readonly actual: number;
  readonly held: boolean;
}

/** Whether an act done at `doneAt` gave `lead` before a meeting on `eventDate`. */
export function checkLeadTime(
  calendar: WorkingCalendar,
  doneAt: Date,
  eventDate: IsoDate,
  lead: Duration,
  settings: TimeSettings = DEFAULT_TIME_SETTINGS,
): LeadTimeCheck {
  const latestDate = latestDateBefore(calendar, eventDate, lead, settings);
  const countedOn = effectiveDate(doneAt, settings);
  const actual = leadDays(calendar, countedOn, eventDate, lead.unit, settings);
  return {
    required: lead,
    latestDate,
    latestAt: closeOfBusinessOn(latestDate, settings),
    countedOn,
    actual,
    held: countedOn <= latestDate,
  };
}

/** Throws DEADLINE_RULE with the latest date when the lead time was not held. */
export function assertLeadTime(
  what: string,
  calendar: WorkingCalendar,
  doneAt: Date,
  eventDate: IsoDate,
  lead: Duration,
  settings: TimeSettings = DEFAULT_TIME_SETTINGS,
): LeadTimeCheck {
  const check = checkLeadTime(calendar, doneAt, eventDate, lead, settings);
  if (!check.held) {
    throw new GovError(
      'DEADLINE_RULE',
      `${what} needs ${lead.amount} ${lead.unit} day(s) before ${eventDate}: the latest is close of business on ${check.latestDate}`,
      { required: lead, latestDate: check.latestDate, countedOn: check.countedOn, actual: check.actual },
    );
  }
  return check;
}

/**
 * A deadline counted forward from a day: `period` after `from`, due by close of business on the due date
 * (calendar-day periods are not rolled forward off days off: the stricter default of the calendar library).
 */
export function dueAfter(
  calendar: WorkingCalendar,
  from: IsoDate,
  period: Duration,
  settings: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueDate: IsoDate; dueAt: Date } {
  const date = dueDate(calendar, from, period);
  return { dueDate: date, dueAt: closeOfBusinessOn(date, settings) };
}

/** The Monday (ISO week start) of the week holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  assertIsoDate(date);
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(date, -((dow + 6) % 7));
}
