import { GovError } from '@gov/contracts';
import { addCalendarDays, assertIsoDate, DeadlineClock, dueDate, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { calendarDaysBetween, describePeriod, periodEnd, workingDaysBefore, type Period } from './periods.js';
import { COLOURS, type Colour, type SupervisionSettings } from './supervision.settings.js';

/**
 * Deadlines of supervision items (督查事项办结时限): the due date from the item's class, hand-over dates,
 * the reminders (催办) of an overdue item, its colour and its overdue days. Pure; "today" is a parameter.
 */

/** 督查室 feedback classes (seed 000 L338): 特别紧急, 常规, 重大, 情况复杂或涉及司法案件. */
export const FEEDBACK_CLASSES = ['especially-urgent', 'routine', 'major', 'complex'] as const;
export type FeedbackClass = (typeof FEEDBACK_CLASSES)[number];

/** 信访督查督办 classes (seed 000 L1312): 突发紧急, 较为紧急, 一般, 情况较复杂、处理难度较大. */
export const PETITION_CASE_CLASSES = ['sudden', 'fairly-urgent', 'general', 'complex'] as const;
export type PetitionCaseClass = (typeof PETITION_CASE_CLASSES)[number];

/** An item's class in one of the two deadline tables (seed000-b gap 11: the table depends on the source). */
export type DeadlineClass =
  | { readonly table: 'office'; readonly cls: FeedbackClass }
  | { readonly table: 'petition'; readonly cls: PetitionCaseClass; readonly days?: number };

/**
 * A due date set by someone rather than by the class. A district leader's or the higher authority's explicit
 * requirement overrides the class ("上级机关或区领导有明确要求的，按要求办理", seed 000 L1312; the 督查通知
 * states the 办结时限 "根据区领导的要求", L336), as does a source that already names the deadline (seed 004
 * L205). The supervisor may only shorten the class deadline.
 */
export interface ExplicitDeadline {
  readonly due: IsoDate;
  readonly setBy: 'district-leader' | 'higher-authority' | 'source' | 'supervisor';
}

function opts(settings: SupervisionSettings) {
  return { rollForwardToWorkingDay: settings.rollForwardToWorkingDay };
}

/** The class period, or null for the class without a number (特别紧急: "尽快反馈", seed 000 L338). */
export function classPeriod(cls: DeadlineClass, settings: SupervisionSettings): Period | null {
  if (cls.table === 'office') return cls.cls === 'especially-urgent' ? null : settings.feedback[cls.cls];
  const p = settings.petitionCases;
  switch (cls.cls) {
    case 'sudden': {
      // "办理时限视情况确定为1至5天" (seed 000 L1312): the supervisor picks the days within the range.
      if (cls.days === undefined) {
        throw GovError.badInput(`a sudden case (突发紧急) needs its days, ${p.sudden.min.amount} to ${p.sudden.max.amount}`, { field: 'days' });
      }
      if (!Number.isInteger(cls.days) || cls.days < p.sudden.min.amount || cls.days > p.sudden.max.amount) {
        throw GovError.badInput(`a sudden case (突发紧急) takes ${p.sudden.min.amount} to ${p.sudden.max.amount} days, got ${cls.days}`, {
          field: 'days',
          days: cls.days,
        });
      }
      return { amount: cls.days, unit: p.sudden.min.unit };
    }
    case 'fairly-urgent':
      return p.fairlyUrgent;
    case 'general':
      return p.general;
    case 'complex':
      return p.complex;
  }
}

/**
 * The due date (办结时限) of an item handed over on `start` (the start day is not counted). See
 * {@link ExplicitDeadline} for who may set another date. Refusals: an explicit date before `start` is
 * BAD_USER_INPUT; an especially urgent item without an explicit date is BAD_USER_INPUT, and one later than
 * the routine date is DEADLINE_RULE; a supervisor's date later than the class date is DEADLINE_RULE.
 */
export function itemDueDate(
  calendar: WorkingCalendar,
  start: IsoDate,
  cls: DeadlineClass,
  settings: SupervisionSettings,
  explicit?: ExplicitDeadline,
): IsoDate {
  assertIsoDate(start, 'start');
  const period = classPeriod(cls, settings);
  if (explicit) {
    assertIsoDate(explicit.due, 'due');
    if (explicit.due < start) {
      throw GovError.badInput(`the due date ${explicit.due} lies before the hand-over on ${start}`, { due: explicit.due, start });
    }
  }
  if (period === null) {
    const cap = periodEnd(calendar, start, settings.feedback.routine, opts(settings));
    if (!explicit) throw GovError.badInput('an especially urgent item (特别紧急) needs an explicit due date', { field: 'due' });
    if (explicit.due > cap) {
      throw new GovError('DEADLINE_RULE', `an especially urgent item is due sooner than a routine one (${cap}), got ${explicit.due}`, {
        due: explicit.due,
        latest: cap,
      });
    }
    return explicit.due;
  }
  const byClass = periodEnd(calendar, start, period, opts(settings));
  if (!explicit) return byClass;
  if (explicit.setBy === 'supervisor' && explicit.due > byClass) {
    throw new GovError('DEADLINE_RULE', `the supervisor may shorten the class deadline (${describePeriod(period)}, ${byClass}), not extend it`, {
      due: explicit.due,
      latest: byClass,
    });
  }
  return explicit.due;
}

/**
 * The day by which 督查室 hands an instruction received on `receivedOn` to the unit: "一般批示件应在收件的当天或
 * 第二天交办，急件必须立即交办" (seed 000 L336).
 */
export function handoverDue(
  calendar: WorkingCalendar,
  receivedOn: IsoDate,
  urgency: 'ordinary' | 'urgent',
  settings: SupervisionSettings,
): IsoDate {
  return dueDate(calendar, receivedOn, settings.handover[urgency], opts(settings));
}

/** The day by which the petition case officer drafts the 交办函: 2 working days (seed 000 L1310). */
export function assignmentLetterDue(calendar: WorkingCalendar, receivedOn: IsoDate, settings: SupervisionSettings): IsoDate {
  return dueDate(calendar, receivedOn, settings.petitionCases.assignmentLetter);
}

/** A DeadlineClock that runs from `start` to `due` in calendar days (so pauses move it day for day). */
export function clockFor(start: IsoDate, due: IsoDate): DeadlineClock {
  const days = calendarDaysBetween(start, due);
  if (days < 0) throw GovError.badInput(`the due date ${due} lies before the start ${start}`, { start, due });
  return DeadlineClock.create(start, { amount: days, unit: 'calendar' });
}

/**
 * 二次督查: a leader's new instruction on the feedback report starts a new round, and the clock starts over on
 * the day of the instruction (seed 000 L356; seed 003 L13@c17470 "再督查，直至办结为止"). The round's due
 * date is the given one, else the class's from the instruction day.
 */
export function secondRoundClock(
  calendar: WorkingCalendar,
  clock: DeadlineClock,
  instructedOn: IsoDate,
  cls: DeadlineClass,
  settings: SupervisionSettings,
  explicit?: ExplicitDeadline,
): DeadlineClock {
  const due = itemDueDate(calendar, instructedOn, cls, settings, explicit);
  return clock.restart(instructedOn, { amount: calendarDaysBetween(instructedOn, due), unit: 'calendar' });
}

/** Whether the item is late on `asOf`, and by how many calendar and working days (the due date is on time). */
export function overdue(calendar: WorkingCalendar, due: IsoDate, asOf: IsoDate) {
  assertIsoDate(due, 'due');
  assertIsoDate(asOf, 'asOf');
  if (asOf <= due) return { overdue: false, calendarDays: 0, workingDays: 0 };
  return {
    overdue: true,
    calendarDays: calendarDaysBetween(due, asOf),
    workingDays: calendar.workingDaysBetween(addCalendarDays(due, 1), asOf),
  };
}

/** The dates on which notices fall due: before the deadline, and once it is overdue. */
export interface ReminderSchedule {
  /** the prompt before the due date (seed 003 L13@c17284) */
  readonly prompt: IsoDate;
  /** the first reminder: first working day after the due date (seed 000 L1322) */
  readonly first: IsoDate;
  /** the second reminder: 16th day after the first (seed 000 L1322) */
  readonly second: IsoDate;
}

/**
 * The reminder dates of an item due on `due`. The second reminder counts from the first one actually sent
 * when `firstSentOn` is given ("第一次催办后的第16天").
 */
export function reminderSchedule(
  calendar: WorkingCalendar,
  due: IsoDate,
  settings: SupervisionSettings,
  sent: { firstSentOn?: IsoDate } = {},
): ReminderSchedule {
  const r = settings.reminders;
  const prompt =
    r.preDeadlinePrompt.unit === 'working'
      ? workingDaysBefore(calendar, due, r.preDeadlinePrompt.amount)
      : addCalendarDays(due, -r.preDeadlinePrompt.amount);
  const first = dueDate(calendar, due, r.first, opts(settings));
  const second = dueDate(calendar, sent.firstSentOn ?? first, r.second, opts(settings));
  return { prompt, first, second };
}

/** The colour steps of an item with their dates, in order (a step's date follows the previous one's). */
export function escalationSchedule(
  calendar: WorkingCalendar,
  due: IsoDate,
  settings: SupervisionSettings,
  sent: { firstSentOn?: IsoDate; secondSentOn?: IsoDate } = {},
): { colour: Colour; on: IsoDate }[] {
  const schedule = reminderSchedule(calendar, due, settings, sent);
  const reminderOn = { 1: sent.firstSentOn ?? schedule.first, 2: sent.secondSentOn ?? schedule.second };
  const steps: { colour: Colour; on: IsoDate }[] = [];
  for (const step of settings.escalation) {
    const t = step.trigger;
    const on = t.on === 'reminder' ? reminderOn[t.n] : dueDate(calendar, steps.at(-1)!.on, t.period, opts(settings));
    steps.push({ colour: step.colour, on });
  }
  return steps;
}

/**
 * The colour of an item on `asOf`: the last step whose date has come, or null (no notice yet). Escalation
 * stops on `stoppedOn`, the day the unit's completion report arrived (and was not sent back) or the item was
 * closed: a step falling due that day or later is not reached.
 */
export function colourOn(
  calendar: WorkingCalendar,
  due: IsoDate,
  asOf: IsoDate,
  settings: SupervisionSettings,
  state: { stoppedOn?: IsoDate | null; firstSentOn?: IsoDate; secondSentOn?: IsoDate } = {},
): Colour | null {
  assertIsoDate(asOf, 'asOf');
  let colour: Colour | null = null;
  for (const step of escalationSchedule(calendar, due, settings, state)) {
    if (step.on > asOf || (state.stoppedOn && step.on >= state.stoppedOn)) break;
    colour = step.colour;
  }
  return colour;
}

export type NoticeKey = 'prompt' | 'reminder-1' | 'reminder-2' | `colour-${Colour}`;

/**
 * The notices that should have gone out by `asOf` and are not yet recorded in `issued`, oldest first. Every
 * reminder and colour notice is recorded once it is sent (issue 5 §3; "每次催办都要严格履行登记手续", seed 000
 * L346). Nothing falls due on or after `stoppedOn`; the prompt only while the item is not overdue, and not
 * when it would fall before the hand-over (`assignedOn`, a deadline shorter than the prompt's lead).
 */
export function noticesDue(
  calendar: WorkingCalendar,
  due: IsoDate,
  asOf: IsoDate,
  settings: SupervisionSettings,
  state: {
    issued?: readonly NoticeKey[];
    stoppedOn?: IsoDate | null;
    assignedOn?: IsoDate;
    firstSentOn?: IsoDate;
    secondSentOn?: IsoDate;
  } = {},
): { key: NoticeKey; on: IsoDate }[] {
  assertIsoDate(asOf, 'asOf');
  const s = reminderSchedule(calendar, due, settings, state);
  const prompting = asOf <= due && !(state.assignedOn && s.prompt < state.assignedOn);
  const all: { key: NoticeKey; on: IsoDate }[] = [
    ...(prompting ? [{ key: 'prompt' as const, on: s.prompt }] : []),
    { key: 'reminder-1', on: state.firstSentOn ?? s.first },
    { key: 'reminder-2', on: state.secondSentOn ?? s.second },
    ...escalationSchedule(calendar, due, settings, state).map((c) => ({ key: `colour-${c.colour}` as const, on: c.on })),
  ];
  const issued = new Set(state.issued ?? []);
  return all
    .filter((n) => n.on <= asOf && !issued.has(n.key) && !(state.stoppedOn && n.on >= state.stoppedOn))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Severity order, for boards that sort by colour. */
export function colourRank(colour: Colour | null): number {
  return colour === null ? 0 : COLOURS.indexOf(colour) + 1;
}

/** The day the files of an item filed on `archivedOn` go to the archives (seed 000 L328, L358). */
export function archiveTransferDate(calendar: WorkingCalendar, archivedOn: IsoDate, settings: SupervisionSettings): IsoDate {
  return periodEnd(calendar, archivedOn, settings.archiveTransfer);
}
