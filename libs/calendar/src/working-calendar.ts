import { GovError } from '@gov/contracts';
import { BUNDLED_YEARS } from './bundled-years.js';
import { parseHolidayYear, type HolidayYear } from './holiday-year.js';
import { addCalendarDays, assertIsoDate, fromEpochDay, toEpochDay, yearOf, type IsoDate } from './iso-date.js';

/**
 * How a date counts: a plain `workday` (Mon–Fri), a `weekend` day off, a `holiday` (法定节假日 or a bridging day
 * off within its range) or a `make-up-workday` (调休: a Saturday or Sunday that is worked).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make-up-workday'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP = 3;

/** One year precomputed: the kind of each day of the year, indexed by day-of-year (0 = 1 Jan). */
interface YearTable {
  readonly data: HolidayYear;
  readonly jan1: number; // epoch day of 1 January
  readonly kinds: Uint8Array;
}

function buildTable(data: HolidayYear): YearTable {
  const jan1 = toEpochDay(`${data.year}-01-01`);
  const kinds = new Uint8Array(toEpochDay(`${data.year + 1}-01-01`) - jan1);
  for (let i = 0; i < kinds.length; i++) {
    const dow = (jan1 + i + 4) % 7; // 1970-01-01 was a Thursday (4)
    kinds[i] = dow === 0 || dow === 6 ? WEEKEND : WORKDAY;
  }
  for (const h of data.holidays) {
    for (let e = toEpochDay(h.from); e <= toEpochDay(h.to); e++) kinds[e - jan1] = HOLIDAY;
  }
  for (const d of data.makeUpWorkdays) kinds[toEpochDay(d) - jan1] = MAKE_UP;
  return { data, jan1, kinds };
}

/**
 * Which days are 工作日 (working days) for the office, from the published schedule of each year. Immutable:
 * {@link withYear} returns a new calendar, so a calendar handed to a computation never changes under it.
 *
 * A year without data is never guessed: any date this calendar has to classify (an argument or a day passed
 * while walking) in such a year throws CALENDAR_DATA_MISSING, so a deadline is never silently computed with
 * the weekend rule alone. Pure calendar-day arithmetic ({@link addCalendarDays}) needs no data and never throws it.
 */
export class WorkingCalendar {
  private static bundledCalendar: WorkingCalendar | undefined;
  /** Lookup cache only (walks stay inside one year most of the time); not observable state. */
  private lastTable: YearTable | undefined;

  private constructor(private readonly tables: ReadonlyMap<number, YearTable>) {}

  /** A calendar from validated year data; each year is checked with the schema, a year given twice is an error. */
  static from(years: readonly HolidayYear[]): WorkingCalendar {
    const tables = new Map<number, YearTable>();
    for (const raw of years) {
      const data = parseHolidayYear(raw);
      if (tables.has(data.year)) throw GovError.badInput(`year ${data.year} given twice`, { year: data.year });
      tables.set(data.year, buildTable(data));
    }
    return new WorkingCalendar(tables);
  }

  /** The schedules shipped with the platform (2025, 2026; see bundled-years.ts). */
  static bundled(): WorkingCalendar {
    return (WorkingCalendar.bundledCalendar ??= WorkingCalendar.from(BUNDLED_YEARS));
  }

  /** A new calendar with `year` added, or replacing the data of the same year (a corrected notice). */
  withYear(year: HolidayYear): WorkingCalendar {
    const data = parseHolidayYear(year);
    const tables = new Map(this.tables);
    tables.set(data.year, buildTable(data));
    return new WorkingCalendar(tables);
  }

  /** The years that have data, ascending. */
  years(): number[] {
    return [...this.tables.keys()].sort((a, b) => a - b);
  }

  /** A copy of the loaded data of a year (for display and audit), or undefined. */
  yearData(year: number): HolidayYear | undefined {
    const t = this.tables.get(year);
    return t && structuredClone(t.data);
  }

  dayKind(date: IsoDate): DayKind {
    assertIsoDate(date);
    return KINDS[this.kindAt(toEpochDay(date))]!;
  }

  isWorkingDay(date: IsoDate): boolean {
    assertIsoDate(date);
    return this.workingAt(toEpochDay(date));
  }

  /**
   * The n-th working day after `date` (n >= 0). Day 1 is the first working day strictly after `date`, so a
   * task received on Friday with "3 working days" is due on Wednesday. n = 0 returns `date` itself if it is a
   * working day, otherwise the next working day ("the same day, or the first day the office is open").
   * `date` itself must be in a year with data even when n > 0.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertIsoDate(date);
    if (!Number.isInteger(n) || n < 0) {
      throw GovError.badInput(`working days must be a whole number >= 0, got ${n}`, { n });
    }
    let e = toEpochDay(date);
    const startsOnWorkingDay = this.workingAt(e); // also rejects a start date in a year without data
    if (n === 0 && startsOnWorkingDay) return date;
    for (let left = Math.max(n, 1); left > 0; ) {
      e++;
      if (this.workingAt(e)) left--;
    }
    return fromEpochDay(e);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** How many working days lie in `from`..`to`, both included; 0 if `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    const [a, b] = [toEpochDay(from), toEpochDay(to)];
    this.kindAt(a); // both ends must have data, even for an empty range
    this.kindAt(b);
    let count = 0;
    for (let e = a; e <= b; e++) if (this.workingAt(e)) count++;
    return count;
  }

  /** Calendar-day arithmetic; needs no holiday data (see class comment). */
  addCalendarDays(date: IsoDate, n: number): IsoDate {
    return addCalendarDays(date, n);
  }

  private workingAt(epochDay: number): boolean {
    const k = this.kindAt(epochDay);
    return k === WORKDAY || k === MAKE_UP;
  }

  private kindAt(epochDay: number): number {
    let t = this.lastTable;
    if (!t || epochDay < t.jan1 || epochDay >= t.jan1 + t.kinds.length) {
      const year = yearOf(fromEpochDay(epochDay));
      t = this.tables.get(year);
      if (!t) throw new GovError('CALENDAR_DATA_MISSING', `no working-day calendar for year ${year}`, { year });
      this.lastTable = t;
    }
    return t.kinds[epochDay - t.jan1]!;
  }
}
