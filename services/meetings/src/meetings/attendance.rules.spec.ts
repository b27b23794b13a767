import {
  arrivalDue,
  assertAbsenceReasons,
  AttendanceSettingsSchema,
  attendanceAt,
  chairReport,
  DEFAULT_ARRIVAL_TABLE,
  DEFAULT_ATTENDANCE_SETTINGS,
  meetingDayChecks,
  recoveryShortfall,
  type StaffRole,
} from './attendance.rules.js';
import { minutesOf } from './lead-time.js';
import type { ArrivalClass } from './meeting-types.js';
import { bj, caught, code } from './spec-kit.js';

const START = bj('2026-03-12 09:00');

describe('settings', () => {
  it('defaults: the arrival table, chair told and absentees chased 5 minutes before, leaders reminded 3', () => {
    expect(DEFAULT_ATTENDANCE_SETTINGS.arrivals).toEqual(DEFAULT_ARRIVAL_TABLE);
    expect(DEFAULT_ATTENDANCE_SETTINGS.chairReport).toEqual(minutesOf(5));
    expect(DEFAULT_ATTENDANCE_SETTINGS.chaseAbsentees).toEqual(minutesOf(5));
    expect(DEFAULT_ATTENDANCE_SETTINGS.remindLeaders).toEqual(minutesOf(3));
  });
  it.each([[{ arrivals: [] }], [{ chairReport: { amount: 5 } }], [{ arrivals: [{ arrival: 'picnic', staff: 'sign-in', lead: minutesOf(5), relativeTo: 'start', source: 's' }] }]])(
    'rejects %j',
    (bad) => {
      expect(AttendanceSettingsSchema.safeParse(bad).success).toBe(false);
    },
  );
});

describe('staff arrival times', () => {
  it.each<[string, { typeCode?: string; arrival?: ArrivalClass; large?: boolean }, StaffRole, string | null]>([
    // SCENARIOS.md seed000-a #6: a 09:00 (large) meeting, staff check-in due by 08:30 (seed 000 L74)
    ['large meeting, meeting service: 30 min', { typeCode: 'committee-plenary' }, 'meeting-service', '08:30'],
    // SCENARIOS.md seed003 #20: 全区性大会 T-60, teleconference T-30
    ['district-wide conference: 1 hour (beats the large 30)', { typeCode: 'committee-district-wide-conference' }, 'meeting-service', '08:00'],
    ['teleconference: 30 min', { typeCode: 'teleconference' }, 'meeting-service', '08:30'],
    ['specialised meeting, sign-in staff: 40 min (seed 004 L135)', { typeCode: 'specialised-meeting' }, 'sign-in', '08:20'],
    ['specialised meeting, speakers: 20 min (seed 004 L137)', { typeCode: 'specialised-meeting' }, 'speaker', '08:40'],
    ['standing committee, meeting service: 30 min', { typeCode: 'standing-committee' }, 'meeting-service', '08:30'],
    ['standing committee, 综合一科 recorder: 10 min (seed 000 L556)', { typeCode: 'standing-committee' }, 'recorder', '08:50'],
    ['executive meeting, meeting service: 30 min, not seed 004’s 15', { typeCode: 'executive-meeting' }, 'meeting-service', '08:30'],
    ['executive meeting, recorder: 10 min (seed 000 L628)', { typeCode: 'executive-meeting' }, 'recorder', '08:50'],
    ['a leader’s work meeting, accompanying: 15 min (seed 000 L548)', { typeCode: 'committee-leaders-office-meeting' }, 'accompanying', '08:45'],
    ['research trip, assembly: 15 min (seed 000 L636)', { arrival: 'research-trip' }, 'accompanying', '08:45'],
    ['large event, at posts 1 hour (seed 004 L185)', { arrival: 'large-event' }, 'meeting-service', '08:00'],
    ['a forum held as a large meeting: 30 min', { typeCode: 'committee-forum', large: true }, 'meeting-service', '08:30'],
    ['a plain forum: no seed sets the meeting service’s time', { typeCode: 'committee-forum' }, 'meeting-service', null],
    ['a teleconference has no speakers’ time', { typeCode: 'teleconference' }, 'speaker', null],
  ])('%s', (_n, m, staff, due) => {
    const r = arrivalDue({ ...m, startsAt: START }, staff);
    expect(r ? r.dueAt : null).toEqual(due ? bj(`2026-03-12 ${due}`) : null);
  });
  it('reporting heads come 10 minutes before their topic’s slot (seed 003 L13@c11771; SCENARIOS.md seed003 #20)', () => {
    expect(arrivalDue({ typeCode: 'standing-committee', startsAt: START, topicSlotAt: bj('2026-03-12 10:30') }, 'reporting-head')?.dueAt).toEqual(
      bj('2026-03-12 10:20'),
    );
    expect(code(() => arrivalDue({ typeCode: 'standing-committee', startsAt: START }, 'reporting-head'))).toBe('BAD_USER_INPUT');
  });
  it('names its source', () => {
    expect(arrivalDue({ typeCode: 'teleconference', startsAt: START }, 'meeting-service')?.source).toContain('seed 003 L13@c12391');
  });
  it('the table is a setting', () => {
    const s = { ...DEFAULT_ATTENDANCE_SETTINGS, arrivals: [{ arrival: 'general' as const, staff: 'meeting-service' as const, lead: minutesOf(20), relativeTo: 'start' as const, source: 'local' }] };
    expect(arrivalDue({ typeCode: 'committee-forum', startsAt: START }, 'meeting-service', s)?.dueAt).toEqual(bj('2026-03-12 08:40'));
  });
  it('needs a type or an arrival class', () => {
    expect(code(() => arrivalDue({ startsAt: START }, 'meeting-service'))).toBe('BAD_USER_INPUT');
  });
});

describe('before the start: the chair is told, absentees chased, leaders reminded', () => {
  it('08:55, 08:55 and 08:57 for a 09:00 meeting (seed 004 L143; seed 000 L74, L636)', () => {
    expect(meetingDayChecks(START)).toEqual({
      chairReportAt: bj('2026-03-12 08:55'),
      chaseAbsenteesAt: bj('2026-03-12 08:55'),
      remindLeadersAt: bj('2026-03-12 08:57'),
    });
  });
  // SCENARIOS.md seed000-a #6: at 08:55 the system lists attendees who have not signed in
  it('the chair report as attendance stands at 08:55', () => {
    const report = chairReport(
      START,
      ['甲', '乙', '丙', '丁'],
      [
        { attendeeId: '甲', at: bj('2026-03-12 08:40') },
        { attendeeId: '乙', at: bj('2026-03-12 08:56') }, // after the report
      ],
      [
        { attendeeId: '丙', reason: '出差', approved: true },
        { attendeeId: '丁', reason: '身体不适', approved: false },
      ],
    );
    expect(report).toEqual({
      dueAt: bj('2026-03-12 08:55'),
      present: ['甲'],
      onLeave: [{ attendeeId: '丙', reason: '出差' }],
      notArrived: ['乙', '丁'],
    });
  });
  it('a leave request not approved does not excuse', () => {
    expect(attendanceAt(['甲'], [], [{ attendeeId: '甲', reason: 'x', approved: false }], START).notArrived).toEqual(['甲']);
  });
});

describe('absence reasons (seed 004 L135) and recovered documents (seed 000 L78)', () => {
  it.each<[string[], Record<string, string>, string]>([
    [['区教育局'], { 区教育局: '同时参加市里会议' }, 'ok'],
    [['区教育局', '区卫健局'], { 区教育局: '同时参加市里会议', 区卫健局: ' ' }, 'BAD_USER_INPUT'],
    [[], {}, 'ok'],
  ])('absent %j with reasons %j → %s', (absent, reasons, expected) => {
    expect(code(() => assertAbsenceReasons(absent, reasons))).toBe(expected);
  });
  it('counts what is still out, per document', () => {
    expect(
      recoveryShortfall(
        [
          { documentId: 'd1', copies: 30 },
          { documentId: 'd2', copies: 10 },
        ],
        [
          { documentId: 'd1', copies: 20 },
          { documentId: 'd1', copies: 10 },
          { documentId: 'd2', copies: 7 },
        ],
      ),
    ).toEqual([{ documentId: 'd2', issued: 10, recovered: 7, outstanding: 3 }]);
  });
  it.each<[string, Array<{ documentId: string; copies: number }>]>([
    ['more than issued', [{ documentId: 'd1', copies: 31 }]],
    ['never issued', [{ documentId: 'd9', copies: 1 }]],
  ])('recovering %s is BAD_USER_INPUT', (_n, recovered) => {
    expect(caught(() => recoveryShortfall([{ documentId: 'd1', copies: 30 }], recovered)).code).toBe('BAD_USER_INPUT');
  });
});
