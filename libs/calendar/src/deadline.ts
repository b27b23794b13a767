import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { addCalendarDays, assertIsoDate, type IsoDate } from './iso-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * Every time limit in a rule carries its unit: 工作日 (working days) or calendar days (自然日). The unit is part of
 * the rule's data and is never guessed (ARCHITECTURE.md, "Rules with numbers").
 */
export type DayUnit = 'working' | 'calendar';

export interface Duration {
  readonly amount: number;
  readonly unit: DayUnit;
}

export const DurationSchema = z.strictObject({
  amount: z.number().int().min(0),
  unit: z.enum(['working', 'calendar']),
});

export interface DueDateOptions {
  /**
   * Calendar-day periods only. Default false: the due date is start + amount even when that day is a
   * holiday or weekend — the stricter reading, which keeps the earlier date. A rule whose source says so
   * passes true here (its setting, kept with the rule as data) to apply the legal
   * rule that a period ending on a day off ends on the next working day (期间届满的最后一日是法定休假日的，以法定休假日后的
   * 第一日为期间届满的日期).
   */
  readonly rollForwardToWorkingDay?: boolean;
}

function checkDuration(duration: Duration): void {
  const r = DurationSchema.safeParse(duration);
  if (!r.success) {
    throw GovError.badInput(`invalid duration ${JSON.stringify(duration)}: amount must be a whole number >= 0, unit working|calendar`, {
      duration,
    });
  }
}

function rollForward(calendar: WorkingCalendar, date: IsoDate, unit: DayUnit, opts: DueDateOptions): IsoDate {
  return unit === 'calendar' && opts.rollForwardToWorkingDay ? calendar.addWorkingDays(date, 0) : date;
}

/**
 * The due date of a period that starts on `start`. The start day is not counted: day 1 is the day after
 * `start` (期间开始的日不计算在内). Working units: the amount-th working day after start (amount 0: start itself if it
 * is a working day, else the next one; see WorkingCalendar.addWorkingDays). Calendar units: start + amount days,
 * optionally rolled forward to a working day (see {@link DueDateOptions}).
 */
export function dueDate(calendar: WorkingCalendar, start: IsoDate, duration: Duration, opts: DueDateOptions = {}): IsoDate {
  assertIsoDate(start, 'start');
  checkDuration(duration);
  if (duration.unit === 'working') return calendar.addWorkingDays(start, duration.amount);
  return rollForward(calendar, addCalendarDays(start, duration.amount), 'calendar', opts);
}

/** A pause from `from` to `to` (null while still paused). */
export interface ClockPause {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** The whole state of a {@link DeadlineClock}; plain JSON, so a service can keep it in one column. */
export interface DeadlineClockState {
  readonly start: IsoDate;
  readonly duration: Duration;
  readonly pauses: readonly ClockPause[];
}

export const DeadlineClockStateSchema = z.strictObject({
  start: z.iso.date(),
  duration: DurationSchema,
  pauses: z.array(z.strictObject({ from: z.iso.date(), to: z.iso.date().nullable() })),
});

export type ClockStatus = 'running' | 'paused' | 'overdue';

/**
 * A deadline that can pause (e.g. hearing time in a petition review does not count) and restart (a leader's
 * new instruction restarts a supervision item). Immutable: every change returns a new clock.
 *
 * Which days count — one rule for every event: a day D counts iff the clock was running when D began. So:
 * - the start day is day 0, not counted; day 1 is the day after start (for working units, the first working
 *   day after start);
 * - a pause on P and resume on R remove the days P+1 … R: the day of the pause still counts, the day of the
 *   resume does not (the clock runs again from R+1, as after a start). Pause and resume on the same day
 *   remove nothing;
 * - working units skip days that are not working days; calendar units count every day.
 *
 * The due date is the day on which the amount-th counted day falls. While a pause is open and the due date
 * has not been reached by its start, the due date is unknown: {@link dueDate} returns null and
 * {@link status} is 'paused'. An item paused after it was already overdue keeps its (past) due date.
 */
export class DeadlineClock {
  private constructor(private readonly state: DeadlineClockState) {}

  static create(start: IsoDate, duration: Duration): DeadlineClock {
    assertIsoDate(start, 'start');
    checkDuration(duration);
    return new DeadlineClock(freeze({ start, duration: { amount: duration.amount, unit: duration.unit }, pauses: [] }));
  }

  /** Restores a stored clock, re-checking the event order; throws BAD_USER_INPUT if the state is invalid. */
  static fromJSON(input: unknown): DeadlineClock {
    const parsed = DeadlineClockStateSchema.safeParse(input);
    if (!parsed.success) {
      throw GovError.badInput(`invalid deadline clock state: ${z.prettifyError(parsed.error)}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    try {
      let clock = DeadlineClock.create(parsed.data.start, parsed.data.duration);
      for (const p of parsed.data.pauses) {
        clock = clock.pause(p.from);
        if (p.to !== null) clock = clock.resume(p.to);
      }
      return clock;
    } catch (e) {
      if (e instanceof GovError) throw GovError.badInput(`invalid deadline clock state: ${e.message}`, e.details);
      throw e;
    }
  }

  toJSON(): DeadlineClockState {
    return {
      start: this.state.start,
      duration: { ...this.state.duration },
      pauses: this.state.pauses.map((p) => ({ ...p })),
    };
  }

  get start(): IsoDate {
    return this.state.start;
  }
  get duration(): Duration {
    return this.state.duration;
  }
  get pauses(): readonly ClockPause[] {
    return this.state.pauses;
  }
  get isPaused(): boolean {
    return this.openPause() !== undefined;
  }

  /** Stops the clock from the day after `at`. CONFLICT if already paused. */
  pause(at: IsoDate): DeadlineClock {
    this.checkEventDate(at, 'pause');
    if (this.isPaused) throw GovError.conflict(`the deadline clock is already paused since ${this.openPause()!.from}`);
    return new DeadlineClock(freeze({ ...this.state, pauses: [...this.state.pauses, { from: at, to: null }] }));
  }

  /** Runs the clock again from the day after `at`. CONFLICT if not paused. */
  resume(at: IsoDate): DeadlineClock {
    assertIsoDate(at, 'resume date');
    const open = this.openPause();
    if (!open) throw GovError.conflict('the deadline clock is not paused');
    this.checkEventDate(at, 'resume');
    const pauses = this.state.pauses.map((p) => (p === open ? { from: p.from, to: at } : p));
    return new DeadlineClock(freeze({ ...this.state, pauses }));
  }

  /** Starts over on `at` (running, pauses cleared), optionally with a new time limit. Allowed while paused. */
  restart(at: IsoDate, duration: Duration = this.state.duration): DeadlineClock {
    this.checkEventDate(at, 'restart');
    return DeadlineClock.create(at, duration);
  }

  /** See the class comment; null while an open pause keeps the due date from being known. */
  dueDate(calendar: WorkingCalendar, opts: DueDateOptions = {}): IsoDate | null {
    const { start, duration } = this.state;
    const open = this.openPause();
    let d = start;
    if (duration.amount > 0 || !this.isWorkingOrCalendar(calendar, start)) {
      for (let left = Math.max(duration.amount, 1); left > 0; ) {
        d = addCalendarDays(d, 1);
        if (open && d > open.from) return null;
        if (this.counts(calendar, d)) left--;
      }
    }
    return rollForward(calendar, d, duration.unit, opts);
  }

  /** Counted days from the day after start up to and including `asOf`, in the clock's unit. */
  elapsed(calendar: WorkingCalendar, asOf: IsoDate): number {
    this.checkAsOf(asOf);
    return this.countBetween(calendar, this.state.start, asOf);
  }

  /** Counted days after `asOf` up to and including the due date; 0 once due. Frozen while paused. */
  remaining(calendar: WorkingCalendar, asOf: IsoDate, opts: DueDateOptions = {}): number {
    this.checkAsOf(asOf);
    const due = this.dueDate(calendar, opts);
    if (due === null) return Math.max(0, this.state.duration.amount - this.elapsed(calendar, asOf));
    return asOf >= due ? 0 : this.countBetween(calendar, asOf, due);
  }

  /** True once `asOf` is after the due date (the due date itself is still on time). */
  isOverdue(calendar: WorkingCalendar, asOf: IsoDate, opts: DueDateOptions = {}): boolean {
    this.checkAsOf(asOf);
    const due = this.dueDate(calendar, opts);
    return due !== null && asOf > due;
  }

  /**
   * Counted days after the due date up to and including `asOf`, in the clock's unit. For a working-day
   * clock this is 0 on the weekend right after a Friday due date, although {@link isOverdue} is already true.
   */
  overdueDays(calendar: WorkingCalendar, asOf: IsoDate, opts: DueDateOptions = {}): number {
    this.checkAsOf(asOf);
    const due = this.dueDate(calendar, opts);
    return due === null || asOf <= due ? 0 : this.countBetween(calendar, due, asOf);
  }

  /** 'overdue' wins over 'paused': an item paused after its due date passed is still late. */
  status(calendar: WorkingCalendar, asOf: IsoDate, opts: DueDateOptions = {}): ClockStatus {
    if (this.isOverdue(calendar, asOf, opts)) return 'overdue';
    return this.isPaused ? 'paused' : 'running';
  }

  private openPause(): ClockPause | undefined {
    const last = this.state.pauses.at(-1);
    return last && last.to === null ? last : undefined;
  }

  private isWorkingOrCalendar(calendar: WorkingCalendar, d: IsoDate): boolean {
    return this.state.duration.unit === 'calendar' || calendar.isWorkingDay(d);
  }

  /** Whether day `d` (after start) counts; see the class comment. */
  private counts(calendar: WorkingCalendar, d: IsoDate): boolean {
    const paused = this.state.pauses.some((p) => p.from < d && (p.to === null || d <= p.to));
    return !paused && this.isWorkingOrCalendar(calendar, d);
  }

  /** Counted days D with `after` < D <= `upTo` (D is always after start). */
  private countBetween(calendar: WorkingCalendar, after: IsoDate, upTo: IsoDate): number {
    let n = 0;
    for (let d = addCalendarDays(after, 1); d <= upTo; d = addCalendarDays(d, 1)) {
      if (d > this.state.start && this.counts(calendar, d)) n++;
    }
    return n;
  }

  /** Events must not go back in time: not before start, nor before the last pause or resume. */
  private checkEventDate(at: IsoDate, what: string): void {
    assertIsoDate(at, `${what} date`);
    const last = this.state.pauses.at(-1);
    const latest = [this.state.start, last?.from, last?.to].filter((x): x is string => !!x).sort().at(-1)!;
    if (at < latest) {
      throw GovError.badInput(`${what} on ${at} is before the clock's last event on ${latest}`, { at, latest });
    }
  }

  private checkAsOf(asOf: IsoDate): void {
    assertIsoDate(asOf, 'asOf');
    if (asOf < this.state.start) {
      throw GovError.badInput(`asOf ${asOf} is before the clock's start ${this.state.start}`, { asOf, start: this.state.start });
    }
  }
}

function freeze(state: DeadlineClockState): DeadlineClockState {
  state.pauses.forEach((p) => Object.freeze(p));
  Object.freeze(state.pauses);
  Object.freeze(state.duration);
  return Object.freeze(state);
}
