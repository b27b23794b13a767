import { GovError } from '@gov/contracts';
import { DeadlineClock, dueDate, type Duration } from './deadline.js';
import { WorkingCalendar } from './working-calendar.js';
import { refusal as caught } from '@gov/spec-kit';

// Dates follow /work/shared/domain/holidays.md (State Council 放假调休 notices for 2025 and 2026).
const cal = WorkingCalendar.bundled();
const working = (amount: number): Duration => ({ amount, unit: 'working' });
const calendar = (amount: number): Duration => ({ amount, unit: 'calendar' });


describe('dueDate', () => {
  it.each<[string, Duration, boolean, string]>([
    ['2026-02-06', working(10), false, '2026-02-27'],
    ['2026-02-15', working(0), false, '2026-02-24'],
    ['2025-09-30', working(5), false, '2025-10-14'],
    ['2025-12-31', working(1), false, '2026-01-04'],
    // calendar days: the stricter default keeps a due date that falls on a day off
    ['2026-09-24', calendar(7), false, '2026-10-01'],
    ['2026-09-24', calendar(7), true, '2026-10-08'],
    ['2025-09-23', calendar(15), false, '2025-10-08'],
    ['2025-09-23', calendar(15), true, '2025-10-09'],
    ['2026-03-04', calendar(3), false, '2026-03-07'],
    ['2026-03-04', calendar(3), true, '2026-03-09'],
    ['2025-12-29', calendar(3), false, '2026-01-01'],
    ['2025-12-29', calendar(3), true, '2026-01-04'], // Sun 4 Jan 2026 is a make-up workday
    ['2026-02-04', calendar(10), true, '2026-02-14'], // a make-up Saturday needs no roll
    ['2025-12-15', calendar(30), true, '2026-01-14'],
    ['2026-02-06', calendar(0), false, '2026-02-06'],
  ])('%s + %o (roll forward: %s) = %s', (start, duration, roll, expected) => {
    expect(dueDate(cal, start, duration, { rollForwardToWorkingDay: roll })).toBe(expected);
  });

  it('calendar days without roll-forward need no holiday data; with it, a 2027 due date throws', () => {
    expect(dueDate(cal, '2026-12-20', calendar(15))).toBe('2027-01-04');
    expect(caught(() => dueDate(cal, '2026-12-20', calendar(15), { rollForwardToWorkingDay: true })).code).toBe(
      'CALENDAR_DATA_MISSING',
    );
    expect(caught(() => dueDate(cal, '2026-12-20', working(15))).details).toEqual({ year: 2027 });
  });

  it.each<[unknown]>([[{ amount: -1, unit: 'working' }], [{ amount: 1.5, unit: 'calendar' }], [{ amount: 3, unit: 'days' }]])(
    'rejects the duration %o',
    (duration) => {
      expect(caught(() => dueDate(cal, '2026-02-06', duration as Duration)).code).toBe('BAD_USER_INPUT');
    },
  );
});

describe('DeadlineClock without pauses', () => {
  it.each<[string, Duration]>([
    ['2026-02-06', working(10)],
    ['2025-09-30', working(5)],
    ['2026-02-15', working(0)],
    ['2026-09-24', calendar(7)],
    ['2026-02-06', calendar(0)],
  ])('%s + %o: same due date as dueDate()', (start, duration) => {
    expect(DeadlineClock.create(start, duration).dueDate(cal)).toBe(dueDate(cal, start, duration));
  });

  // 10 working days from Fri 6 Feb 2026: day 1 is Mon 9 Feb, day 10 (due) is Fri 27 Feb.
  const clock = DeadlineClock.create('2026-02-06', working(10));
  it.each<[string, number, number, boolean, number]>([
    // asOf, elapsed, remaining, overdue, overdue days
    ['2026-02-06', 0, 10, false, 0],
    ['2026-02-09', 1, 9, false, 0],
    ['2026-02-14', 6, 4, false, 0],
    ['2026-02-20', 6, 4, false, 0],
    ['2026-02-27', 10, 0, false, 0],
    ['2026-02-28', 11, 0, true, 1], // make-up Saturday counts
    ['2026-03-01', 11, 0, true, 1],
    ['2026-03-03', 13, 0, true, 3],
  ])('as of %s: elapsed %i, remaining %i, overdue %s by %i', (asOf, elapsed, remaining, overdue, days) => {
    expect(clock.elapsed(cal, asOf)).toBe(elapsed);
    expect(clock.remaining(cal, asOf)).toBe(remaining);
    expect(clock.isOverdue(cal, asOf)).toBe(overdue);
    expect(clock.overdueDays(cal, asOf)).toBe(days);
    expect(clock.status(cal, asOf)).toBe(overdue ? 'overdue' : 'running');
  });
});

describe('DeadlineClock pause / resume across the 2026 Spring Festival (working days)', () => {
  // Paused Tue 10 Feb (that day still counts: day 2), resumed Wed 25 Feb (not counted): 11–25 Feb removed,
  // which held 6 working days (11, 12, 13, Sat 14, 24, 25). Counting goes on: 26 (3), 27 (4), Sat 28 (5),
  // 2 Mar (6) … Fri 6 Mar (10).
  const created = DeadlineClock.create('2026-02-06', working(10));
  const paused = created.pause('2026-02-10');
  const resumed = paused.resume('2026-02-25');

  it('is immutable', () => {
    expect(created.isPaused).toBe(false);
    expect(paused.isPaused).toBe(true);
    expect(resumed.isPaused).toBe(false);
    expect(created.dueDate(cal)).toBe('2026-02-27');
  });

  it('has no due date while paused', () => {
    expect(paused.dueDate(cal)).toBeNull();
    expect(paused.status(cal, '2026-02-20')).toBe('paused');
    expect(paused.elapsed(cal, '2026-02-20')).toBe(2);
    expect(paused.remaining(cal, '2026-02-20')).toBe(8);
    expect(paused.isOverdue(cal, '2026-03-31')).toBe(false);
    expect(paused.overdueDays(cal, '2026-03-31')).toBe(0);
  });

  it('moves the due date by the working days inside the pause', () => {
    expect(resumed.dueDate(cal)).toBe('2026-03-06');
    expect(resumed.elapsed(cal, '2026-02-25')).toBe(2);
    expect(resumed.elapsed(cal, '2026-02-28')).toBe(5);
    expect(resumed.remaining(cal, '2026-02-27')).toBe(6);
    expect(resumed.isOverdue(cal, '2026-03-06')).toBe(false);
    expect(resumed.isOverdue(cal, '2026-03-07')).toBe(true);
    expect(resumed.overdueDays(cal, '2026-03-07')).toBe(0); // Saturday: late, but no working day lost yet
    expect(resumed.overdueDays(cal, '2026-03-13')).toBe(5);
  });

  it('a pause and resume on the same day change nothing', () => {
    expect(created.pause('2026-02-10').resume('2026-02-10').dueDate(cal)).toBe('2026-02-27');
  });

  it('an item paused after it was overdue stays overdue and stops adding overdue days', () => {
    const late = created.pause('2026-03-03');
    expect(late.dueDate(cal)).toBe('2026-02-27');
    expect(late.status(cal, '2026-03-10')).toBe('overdue');
    expect(late.overdueDays(cal, '2026-03-10')).toBe(3); // Sat 28 Feb, Mon 2 and Tue 3 Mar
  });
});

describe('DeadlineClock in calendar days across National Day 2026', () => {
  // 15 calendar days from Sun 20 Sep 2026: due Mon 5 Oct, a holiday.
  const clock = DeadlineClock.create('2026-09-20', calendar(15));
  // Paused Tue 29 Sep, resumed Thu 1 Oct: 30 Sep and 1 Oct removed, due Wed 7 Oct (holiday).
  const resumed = clock.pause('2026-09-29').resume('2026-10-01');

  it.each<[string, DeadlineClock, boolean, string]>([
    ['no pause', clock, false, '2026-10-05'],
    ['no pause', clock, true, '2026-10-08'],
    ['paused 2 days', resumed, false, '2026-10-07'],
    ['paused 2 days', resumed, true, '2026-10-08'],
  ])('%s, roll forward %s: due %s', (_name, c, roll, expected) => {
    expect(c.dueDate(cal, { rollForwardToWorkingDay: roll })).toBe(expected);
  });

  it('counts calendar days, not working days', () => {
    expect(resumed.elapsed(cal, '2026-10-04')).toBe(12); // 21–29 Sep (9), 2–4 Oct (3)
    expect(resumed.remaining(cal, '2026-10-04')).toBe(3);
    expect(resumed.overdueDays(cal, '2026-10-08')).toBe(1);
    expect(resumed.overdueDays(cal, '2026-10-08', { rollForwardToWorkingDay: true })).toBe(0);
    expect(resumed.isOverdue(cal, '2026-10-08', { rollForwardToWorkingDay: true })).toBe(false);
    expect(resumed.remaining(cal, '2026-10-07', { rollForwardToWorkingDay: true })).toBe(1);
  });
});

describe('DeadlineClock restart (a leader’s new instruction)', () => {
  const paused = DeadlineClock.create('2026-02-02', working(10)).pause('2026-02-05');

  it('starts over from the restart day, pauses cleared, running', () => {
    const restarted = paused.restart('2026-02-12');
    expect(restarted.toJSON()).toEqual({ start: '2026-02-12', duration: working(10), pauses: [] });
    // 13 (1), Sat 14 (2), 24–27 (6), Sat 28 (7), 2–4 Mar (10)
    expect(restarted.dueDate(cal)).toBe('2026-03-04');
    expect(restarted.status(cal, '2026-02-20')).toBe('running');
  });

  it('may set a new time limit', () => {
    expect(paused.restart('2026-02-12', working(5)).dueDate(cal)).toBe('2026-02-26');
  });
});

describe('DeadlineClock rejects invalid sequences', () => {
  const clock = DeadlineClock.create('2026-02-06', working(10));
  it.each<[string, () => unknown, string, string]>([
    ['resume without pause', () => clock.resume('2026-02-10'), 'CONFLICT', 'the deadline clock is not paused'],
    ['pause while paused', () => clock.pause('2026-02-10').pause('2026-02-11'), 'CONFLICT', 'the deadline clock is already paused since 2026-02-10'],
    ['pause before start', () => clock.pause('2026-02-05'), 'BAD_USER_INPUT', "pause on 2026-02-05 is before the clock's last event on 2026-02-06"],
    ['resume before pause', () => clock.pause('2026-02-10').resume('2026-02-09'), 'BAD_USER_INPUT', "resume on 2026-02-09 is before the clock's last event on 2026-02-10"],
    ['pause before last resume', () => clock.pause('2026-02-10').resume('2026-02-12').pause('2026-02-11'), 'BAD_USER_INPUT', "pause on 2026-02-11 is before the clock's last event on 2026-02-12"],
    ['restart before start', () => clock.restart('2026-02-01'), 'BAD_USER_INPUT', "restart on 2026-02-01 is before the clock's last event on 2026-02-06"],
    ['asOf before start', () => clock.elapsed(cal, '2026-02-05'), 'BAD_USER_INPUT', "asOf 2026-02-05 is before the clock's start 2026-02-06"],
    ['bad date', () => clock.pause('2026-02-30'), 'BAD_USER_INPUT', 'pause date must be a date written YYYY-MM-DD, got "2026-02-30"'],
    ['bad duration', () => DeadlineClock.create('2026-02-06', working(-3)), 'BAD_USER_INPUT', 'invalid duration'],
  ])('%s', (_name, fn, code, message) => {
    const err = caught(fn);
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
  });

  it('throws CALENDAR_DATA_MISSING when a working-day clock runs into 2027', () => {
    const err = caught(() => DeadlineClock.create('2026-12-20', working(15)).dueDate(cal));
    expect(err.code).toBe('CALENDAR_DATA_MISSING');
    expect(err.details).toEqual({ year: 2027 });
  });
});

describe('DeadlineClock state is plain JSON', () => {
  const clock = DeadlineClock.create('2026-02-06', working(10)).pause('2026-02-10').resume('2026-02-25').pause('2026-03-02');

  it('round-trips through JSON.stringify / fromJSON', () => {
    const json = JSON.stringify(clock);
    expect(JSON.parse(json)).toEqual({
      start: '2026-02-06',
      duration: { amount: 10, unit: 'working' },
      pauses: [
        { from: '2026-02-10', to: '2026-02-25' },
        { from: '2026-03-02', to: null },
      ],
    });
    const back = DeadlineClock.fromJSON(JSON.parse(json));
    expect(back.isPaused).toBe(true);
    expect(back.resume('2026-03-04').dueDate(cal)).toBe('2026-03-10'); // 3, 4 Mar removed: 5, 6, 9, 10
  });

  it('cannot be changed through toJSON or the getters', () => {
    const state = clock.toJSON() as unknown as { pauses: { from: string }[] };
    state.pauses[0]!.from = '2026-01-01';
    expect(clock.pauses[0]!.from).toBe('2026-02-10');
    expect(Object.isFrozen(clock.pauses)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['open pause not last', { start: '2026-02-06', duration: working(10), pauses: [{ from: '2026-02-10', to: null }, { from: '2026-02-12', to: '2026-02-13' }] }],
    ['pause before start', { start: '2026-02-06', duration: working(10), pauses: [{ from: '2026-02-01', to: '2026-02-03' }] }],
    ['bad date', { start: '2026-02-31', duration: working(10), pauses: [] }],
    ['unknown unit', { start: '2026-02-06', duration: { amount: 10, unit: 'days' }, pauses: [] }],
    ['not an object', 'x'],
  ])('fromJSON rejects %s with BAD_USER_INPUT', (_name, state) => {
    const err = caught(() => DeadlineClock.fromJSON(state));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/^invalid deadline clock state: /);
  });
});
