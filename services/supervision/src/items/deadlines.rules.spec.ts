import { WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import {
  archiveTransferDate,
  assignmentLetterDue,
  clockFor,
  colourOn,
  colourRank,
  escalationSchedule,
  handoverDue,
  itemDueDate,
  noticesDue,
  overdue,
  reminderSchedule,
  secondRoundClock,
  type DeadlineClass,
  type ExplicitDeadline,
  type NoticeKey,
} from './deadlines.rules.js';
import { DEFAULT_SUPERVISION_SETTINGS as S, parseSupervisionSettings } from './supervision.settings.js';
import { refusalCode as code } from '@gov/spec-kit';

// 2026 (holidays.md): Spring Festival off 15–23 Feb, make-up Sat 14 and Sat 28 Feb; Qingming 4–6 Apr; Labour Day
// 1–5 May; National Day 1–7 Oct (Mid-Autumn 25–27 Sep), make-up Sun 20 Sep and Sat 10 Oct.
const cal = WorkingCalendar.bundled();
const ROLL = parseSupervisionSettings({ ...structuredClone(S), rollForwardToWorkingDay: true });
const NEXT_WORKING_DAY = parseSupervisionSettings({
  ...structuredClone(S),
  handover: { ordinary: { amount: 1, unit: 'working' }, urgent: { amount: 0, unit: 'calendar' } },
});
/** Settings by name, so test titles stay readable. */
const SETTINGS = { default: S, roll: ROLL, 'next-working-day': NEXT_WORKING_DAY } as const;
type Named = keyof typeof SETTINGS;
const office = (cls: 'especially-urgent' | 'routine' | 'major' | 'complex'): DeadlineClass => ({ table: 'office', cls });
const petition = (cls: 'sudden' | 'fairly-urgent' | 'general' | 'complex', days?: number): DeadlineClass =>
  days === undefined ? { table: 'petition', cls } : { table: 'petition', cls, days };


describe('due date by class, 督查室 table (seed 000 L338)', () => {
  it.each<[string, DeadlineClass, Named, string]>([
    // SCENARIOS seed000-a #15: routine within half a month, major 1 month, judicial 2 months
    ['2026-03-02', office('routine'), 'default', '2026-03-17'],
    ['2026-02-06', office('routine'), 'default', '2026-02-21'], // Sat in the Spring Festival: kept (stricter default)
    ['2026-02-06', office('routine'), 'roll', '2026-02-24'],
    ['2026-03-02', office('major'), 'default', '2026-04-02'],
    ['2026-01-31', office('major'), 'default', '2026-02-28'], // month-end clamp
    ['2026-09-01', office('major'), 'default', '2026-10-01'], // National Day
    ['2026-09-01', office('major'), 'roll', '2026-10-08'],
    ['2026-03-02', office('complex'), 'default', '2026-05-02'],
    ['2026-03-31', office('complex'), 'default', '2026-05-31'],
    ['2026-03-31', office('complex'), 'roll', '2026-06-01'],
  ])('handed over %s, %o, %s settings → due %s', (start, cls, settings, due) => {
    expect(itemDueDate(cal, start, cls, SETTINGS[settings])).toBe(due);
  });
});

describe('due date by class, petition table (seed 000 L1312; SCENARIOS seed000-b #19)', () => {
  it.each<[string, DeadlineClass, Named, string]>([
    ['2026-03-02', petition('sudden', 1), 'default', '2026-03-03'],
    ['2026-03-02', petition('sudden', 3), 'default', '2026-03-05'],
    ['2026-03-02', petition('sudden', 5), 'default', '2026-03-07'],
    ['2026-03-02', petition('fairly-urgent'), 'default', '2026-03-17'],
    ['2026-03-02', petition('general'), 'default', '2026-04-01'],
    ['2026-03-02', petition('complex'), 'default', '2026-05-01'], // Labour Day kept
    ['2026-03-02', petition('complex'), 'roll', '2026-05-06'],
    ['2026-02-10', petition('sudden', 5), 'roll', '2026-02-24'], // 15 Feb is the holiday's first day
  ])('assigned %s, %o, %s settings → due %s', (start, cls, settings, due) => {
    expect(itemDueDate(cal, start, cls, SETTINGS[settings])).toBe(due);
  });

  it.each<[string, DeadlineClass]>([
    ['no days', petition('sudden')],
    ['0 days', petition('sudden', 0)],
    ['6 days', petition('sudden', 6)],
    ['2.5 days', petition('sudden', 2.5)],
  ])('a sudden case with %s is BAD_USER_INPUT', (_name, cls) => {
    expect(code(() => itemDueDate(cal, '2026-03-02', cls, S))).toBe('BAD_USER_INPUT');
  });
});

describe('explicit due dates', () => {
  const start = '2026-03-02'; // routine class due 2026-03-17
  it.each<[string, DeadlineClass, ExplicitDeadline | undefined, string]>([
    ['especially urgent with its date', office('especially-urgent'), { due: '2026-03-05', setBy: 'supervisor' }, '2026-03-05'],
    ['especially urgent up to the routine date', office('especially-urgent'), { due: '2026-03-17', setBy: 'district-leader' }, '2026-03-17'],
    ['especially urgent beyond the routine date', office('especially-urgent'), { due: '2026-03-18', setBy: 'district-leader' }, 'DEADLINE_RULE'],
    ['especially urgent without a date', office('especially-urgent'), undefined, 'BAD_USER_INPUT'],
    ['supervisor shortens', office('routine'), { due: '2026-03-10', setBy: 'supervisor' }, '2026-03-10'],
    ['supervisor may not extend', office('routine'), { due: '2026-03-18', setBy: 'supervisor' }, 'DEADLINE_RULE'],
    ['district leader extends (seed 000 L336)', office('routine'), { due: '2026-04-30', setBy: 'district-leader' }, '2026-04-30'],
    ['higher authority overrides a petition class (seed 000 L1312)', petition('general'), { due: '2026-03-10', setBy: 'higher-authority' }, '2026-03-10'],
    ['the source names the deadline (seed 004 L205)', office('major'), { due: '2026-05-15', setBy: 'source' }, '2026-05-15'],
    ['a date before the hand-over', office('routine'), { due: '2026-03-01', setBy: 'district-leader' }, 'BAD_USER_INPUT'],
    ['not a date', office('routine'), { due: '2026-02-30', setBy: 'district-leader' }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_name, cls, explicit, expected) => {
    let result: string;
    try {
      result = itemDueDate(cal, start, cls, S, explicit);
    } catch (e) {
      result = (e as GovError).code;
    }
    expect(result).toBe(expected);
  });
});

describe('hand-over (交办) timing, seed 000 L336 (SCENARIOS seed000-a #15: issued by D+1)', () => {
  it.each<[string, 'ordinary' | 'urgent', Named, string]>([
    ['2026-03-02', 'ordinary', 'default', '2026-03-03'],
    ['2026-03-02', 'urgent', 'default', '2026-03-02'],
    ['2026-03-07', 'urgent', 'default', '2026-03-07'], // at once, even on a Saturday
    ['2026-03-06', 'ordinary', 'default', '2026-03-07'], // Friday: the next day is Saturday (stricter default)
    ['2026-03-06', 'ordinary', 'roll', '2026-03-09'],
    ['2026-03-06', 'ordinary', 'next-working-day', '2026-03-09'],
    ['2026-02-13', 'ordinary', 'default', '2026-02-14'], // make-up Saturday before the Spring Festival
    ['2026-02-14', 'ordinary', 'default', '2026-02-15'],
    ['2026-02-14', 'ordinary', 'roll', '2026-02-24'],
    ['2026-02-14', 'ordinary', 'next-working-day', '2026-02-24'],
    ['2026-09-30', 'ordinary', 'default', '2026-10-01'],
    ['2026-09-30', 'ordinary', 'next-working-day', '2026-10-08'],
  ])('received %s (%s), %s settings → hand over by %s', (receivedOn, urgency, settings, due) => {
    expect(handoverDue(cal, receivedOn, urgency, SETTINGS[settings])).toBe(due);
  });

  it.each([
    ['2026-03-05', '2026-03-09'], // SCENARIOS seed000-b #19: Thursday → Monday
    ['2026-02-12', '2026-02-14'], // Fri 13, make-up Sat 14
    ['2026-09-29', '2026-10-08'], // Wed 30 Sep, then Thu 8 Oct
  ])('petition 交办函 for an item received %s is due %s (2 working days, seed 000 L1310)', (receivedOn, due) => {
    expect(assignmentLetterDue(cal, receivedOn, S)).toBe(due);
  });
});

describe('the clock and the second round (二次督查, seed 000 L356; seed 003 L13@c17470)', () => {
  it('runs from hand-over to due in calendar days', () => {
    const clock = clockFor('2026-03-02', '2026-03-17');
    expect(clock.duration).toEqual({ amount: 15, unit: 'calendar' });
    expect(clock.dueDate(cal)).toBe('2026-03-17');
    expect(clock.pause('2026-03-05').resume('2026-03-08').dueDate(cal)).toBe('2026-03-20');
  });

  it('refuses a due date before the start', () => {
    expect(code(() => clockFor('2026-03-02', '2026-03-01'))).toBe('BAD_USER_INPUT');
  });

  it.each<[string, DeadlineClass, Named, ExplicitDeadline | undefined, string]>([
    ['2026-03-20', office('routine'), 'default', undefined, '2026-04-04'], // Qingming Saturday kept
    ['2026-03-20', office('routine'), 'roll', undefined, '2026-04-07'],
    ['2026-03-31', office('major'), 'default', undefined, '2026-04-30'],
    ['2026-03-20', office('routine'), 'default', { due: '2026-03-27', setBy: 'district-leader' }, '2026-03-27'],
  ])('a new instruction on %s (%o, %s settings, explicit %o) restarts the clock, due %s', (on, cls, settings, explicit, due) => {
    const first = clockFor('2026-03-02', '2026-03-17').pause('2026-03-10');
    const second = secondRoundClock(cal, first, on, cls, SETTINGS[settings], explicit);
    expect(second.start).toBe(on);
    expect(second.pauses).toEqual([]);
    expect(second.dueDate(cal)).toBe(due);
  });

  it('cannot restart before the round began', () => {
    expect(code(() => secondRoundClock(cal, clockFor('2026-03-02', '2026-03-17'), '2026-03-01', office('routine'), S))).toBe('BAD_USER_INPUT');
  });
});

describe('overdue days', () => {
  it.each([
    ['2026-02-13', '2026-02-13', false, 0, 0],
    ['2026-02-13', '2026-02-14', true, 1, 1], // make-up Saturday is a working day
    ['2026-02-13', '2026-02-24', true, 11, 2],
    ['2026-09-30', '2026-10-09', true, 9, 2], // 8 and 9 Oct
    ['2026-03-06', '2026-03-08', true, 2, 0], // the weekend after a Friday
  ])('due %s, as of %s: overdue %s by %i calendar / %i working days', (due, asOf, late, days, workingDays) => {
    expect(overdue(cal, due, asOf)).toEqual({ overdue: late, calendarDays: days, workingDays });
  });
});

describe('reminders (催办): first working day after the deadline, again on the 16th day after the first (seed 000 L1322)', () => {
  it.each<[string, Named, string, string, string]>([
    // SCENARIOS seed000-b #20: due on a Friday → reminder 1 the following Monday, reminder 2 on its 16th day
    ['2026-03-06', 'default', '2026-03-03', '2026-03-09', '2026-03-25'],
    ['2026-02-13', 'default', '2026-02-10', '2026-02-14', '2026-03-02'], // make-up Saturday is the first working day
    ['2026-02-15', 'default', '2026-02-12', '2026-02-24', '2026-03-12'], // due in the holiday
    ['2026-09-30', 'default', '2026-09-24', '2026-10-08', '2026-10-24'],
    ['2026-09-30', 'roll', '2026-09-24', '2026-10-08', '2026-10-26'],
  ])('due %s, %s settings → prompt %s, reminder 1 %s, reminder 2 %s', (due, settings, prompt, first, second) => {
    expect(reminderSchedule(cal, due, SETTINGS[settings])).toEqual({ prompt, first, second });
  });

  it('counts the second reminder from the first one actually sent', () => {
    expect(reminderSchedule(cal, '2026-03-06', S, { firstSentOn: '2026-03-11' }).second).toBe('2026-03-27');
  });
});

describe('colour escalation: blue → orange → red', () => {
  it('schedules the steps', () => {
    expect(escalationSchedule(cal, '2026-03-06', S)).toEqual([
      { colour: 'blue', on: '2026-03-09' },
      { colour: 'orange', on: '2026-03-25' },
      { colour: 'red', on: '2026-04-10' },
    ]);
  });

  it.each<[string, string | null, unknown]>([
    ['2026-03-06', null, null], // due today: on time
    ['2026-03-08', null, null], // overdue on Sunday, but the first reminder is Monday's
    ['2026-03-09', null, 'blue'],
    ['2026-03-24', null, 'blue'],
    ['2026-03-25', null, 'orange'],
    ['2026-04-09', null, 'orange'],
    ['2026-04-10', null, 'red'],
    ['2026-06-30', null, 'red'],
    ['2026-04-20', '2026-03-25', 'blue'], // the report arrived the day orange fell due
    ['2026-04-20', '2026-03-09', null],
    ['2026-04-20', '2026-03-06', null], // reported on time
  ])('due 2026-03-06, as of %s, stopped %s → %s', (asOf, stoppedOn, colour) => {
    expect(colourOn(cal, '2026-03-06', asOf, S, { stoppedOn })).toBe(colour);
  });

  it('follows the reminders actually sent', () => {
    expect(colourOn(cal, '2026-03-06', '2026-03-26', S, { firstSentOn: '2026-03-11' })).toBe('blue'); // orange moves to 27 Mar
    expect(colourOn(cal, '2026-03-06', '2026-03-27', S, { firstSentOn: '2026-03-11' })).toBe('orange');
  });

  it('takes its colours from the settings (宿迁 naming: yellow instead of orange)', () => {
    const yellow = parseSupervisionSettings({
      ...structuredClone(S),
      escalation: [
        { colour: 'blue', trigger: { on: 'reminder', n: 1 } },
        { colour: 'yellow', trigger: { on: 'reminder', n: 2 } },
        { colour: 'red', trigger: { on: 'after-previous-step', period: { amount: 5, unit: 'working' } } },
      ],
    });
    expect(escalationSchedule(cal, '2026-03-06', yellow).map((s) => [s.colour, s.on])).toEqual([
      ['blue', '2026-03-09'],
      ['yellow', '2026-03-25'],
      ['red', '2026-04-01'],
    ]);
  });

  it.each([
    [null, 0],
    ['blue', 1],
    ['yellow', 2],
    ['orange', 3],
    ['red', 4],
  ] as const)('colour %s ranks %i', (colour, rank) => {
    expect(colourRank(colour)).toBe(rank);
  });
});

describe('notices due and not yet recorded (each notice recorded once)', () => {
  it.each<[string, NoticeKey[], string | null, { key: NoticeKey; on: string }[]]>([
    ['2026-03-02', [], null, []],
    ['2026-03-04', [], null, [{ key: 'prompt', on: '2026-03-03' }]],
    ['2026-03-04', ['prompt'], null, []],
    [
      '2026-03-09',
      ['prompt'],
      null,
      [
        { key: 'reminder-1', on: '2026-03-09' },
        { key: 'colour-blue', on: '2026-03-09' },
      ],
    ],
    [
      '2026-04-10',
      ['prompt', 'reminder-1', 'colour-blue'],
      null,
      [
        { key: 'reminder-2', on: '2026-03-25' },
        { key: 'colour-orange', on: '2026-03-25' },
        { key: 'colour-red', on: '2026-04-10' },
      ],
    ],
    ['2026-04-10', ['reminder-1', 'colour-blue'], '2026-03-20', []],
    ['2026-03-09', [], '2026-03-06', []],
  ])('due 2026-03-06, as of %s, issued %j, stopped %s', (asOf, issued, stoppedOn, expected) => {
    expect(noticesDue(cal, '2026-03-06', asOf, S, { issued, stoppedOn })).toEqual(expected);
  });
});

describe('no prompt before the hand-over', () => {
  it.each<[string | undefined, { key: NoticeKey; on: string }[]]>([
    [undefined, [{ key: 'prompt', on: '2026-03-03' }]],
    ['2026-03-03', [{ key: 'prompt', on: '2026-03-03' }]],
    ['2026-03-04', []], // handed over 4 Mar with a deadline of 6 Mar: the 3-working-day prompt would precede it
  ])('handed over %s, due 2026-03-06, as of 2026-03-05', (assignedOn, expected) => {
    expect(noticesDue(cal, '2026-03-06', '2026-03-05', S, assignedOn ? { assignedOn } : {})).toEqual(expected);
  });
});

describe('archive transfer (seed 000 L328, L358)', () => {
  it.each([
    ['2024-03-01', '2025-03-01'], // SCENARIOS seed000-a #17
    ['2024-02-29', '2025-02-28'],
    ['2026-10-01', '2027-10-01'],
  ])('filed %s → to the archives on %s', (archivedOn, transfer) => {
    expect(archiveTransferDate(cal, archivedOn, S)).toBe(transfer);
  });
});
