import { actor, bj, code } from './spec-kit.js';
import {
  assertAttendanceOpen,
  assertMayHold,
  assertMaySignFor,
  assertMeetingTimes,
  assertSignsForOwnUnit,
  nextMeetingDayState,
  planKindFor,
  type HoldCheck,
} from './meeting-day.rules.js';

const clerk = actor(['clerk']);

describe('the meeting-day table', () => {
  it.each([
    ['notified', ['clerk'], 'held'],
    ['notified', ['deputy-director'], 'FORBIDDEN'],
    ['approved', ['clerk'], 'CONFLICT'],
    ['held', ['clerk'], 'CONFLICT'],
  ] as const)('%s + hold by %j → %s', (from, roles, expected) => {
    const run = () => nextMeetingDayState(from, 'hold', actor([...roles]));
    if (expected === 'held') expect(run()).toBe('held');
    else expect(code(run)).toBe(expected);
  });
});

describe('which plan form a meeting fills in', () => {
  it.each([
    ['committee-plenary', false, 'large-meeting'],
    ['executive-meeting', false, null],
    ['secretary-office-meeting', true, 'large-meeting'],
    ['district-head-topic-meeting', false, 'topic-meeting'],
    ['deputy-head-topic-meeting', true, 'topic-meeting'],
    ['specialised-meeting', false, 'specialised-application'],
    ['office-affairs-meeting', false, null],
  ] as const)('%s (large %s) → %s', (type, large, kind) => {
    expect(planKindFor(type, large)).toBe(kind);
  });
});

describe('notice, sign-for and attendance guards', () => {
  it('refuses a meeting that ends before it starts', () => {
    expect(code(() => assertMeetingTimes(bj('2026-03-13 09:00'), bj('2026-03-13 09:00')))).toBe('BAD_USER_INPUT');
    expect(code(() => assertMeetingTimes(bj('2026-03-13 09:00'), bj('2026-03-13 09:01')))).toBe('ok');
  });

  it.each([
    ['approved', 'QFGW', 'CONFLICT'],
    ['notified', 'QFGW', 'ok'],
    ['pre-notified', 'QFGW', 'ok'],
    ['notified', 'QJYJ', 'BAD_USER_INPUT'],
  ] as const)('sign-for in %s by %s → %s', (state, unit, expected) => {
    expect(code(() => assertMaySignFor(state, ['QFGW', 'QCZJ'], unit))).toBe(expected);
  });

  it('lets a unit liaison sign only for its own unit, the clerk for any', () => {
    expect(code(() => assertSignsForOwnUnit(actor(['unit-liaison'], 'u2'), 'QFGW'))).toBe('FORBIDDEN');
    expect(code(() => assertSignsForOwnUnit({ ...actor(['unit-liaison'], 'u2'), unit: 'QFGW' }, 'QFGW'))).toBe('ok');
    expect(code(() => assertSignsForOwnUnit(clerk, 'QFGW'))).toBe('ok');
  });

  it.each([
    ['notified', '甲', 'ok'],
    ['approved', '甲', 'CONFLICT'],
    ['held', '甲', 'CONFLICT'],
    ['notified', '戊', 'BAD_USER_INPUT'],
  ] as const)('attendance in %s for %s → %s', (state, who, expected) => {
    expect(code(() => assertAttendanceOpen(state, ['甲', '乙'], who))).toBe(expected);
  });
});

describe('holding the meeting', () => {
  const base: HoldCheck = {
    typeCode: 'standing-committee',
    large: false,
    startsAt: bj('2026-03-13 09:00'),
    seatingApprovedBy: null,
    attendees: ['甲', '乙', '丙', '丁'],
    signIns: [
      { attendeeId: '甲', at: bj('2026-03-13 08:30') },
      { attendeeId: '乙', at: bj('2026-03-13 08:50') },
    ],
    leaves: [{ attendeeId: '丁', reason: '出差', approved: true }],
    absenceReasons: { 丙: '因病' },
  };

  it('refuses before the start, and without a reason for every absentee', () => {
    expect(code(() => assertMayHold(base, bj('2026-03-13 08:59')))).toBe('CONFLICT');
    expect(code(() => assertMayHold({ ...base, absenceReasons: {} }, bj('2026-03-13 09:00')))).toBe('BAD_USER_INPUT');
    expect(assertMayHold(base, bj('2026-03-13 09:00'))).toEqual({ present: ['甲', '乙'], onLeave: [{ attendeeId: '丁', reason: '出差' }], notArrived: ['丙'] });
  });

  it('needs the seating plan of a large meeting approved by a district leader (seed 000 L72)', () => {
    const large = { ...base, typeCode: 'committee-plenary' };
    expect(code(() => assertMayHold(large, bj('2026-03-13 09:00')))).toBe('CONFLICT');
    expect(code(() => assertMayHold({ ...large, seatingApprovedBy: '区委副书记' }, bj('2026-03-13 09:00')))).toBe('ok');
    expect(code(() => assertMayHold({ ...base, large: true }, bj('2026-03-13 09:00')))).toBe('CONFLICT');
  });
});
