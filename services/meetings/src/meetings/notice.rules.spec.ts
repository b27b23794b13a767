import type { Duration } from '@gov/calendar';
import { DEFAULT_TIME_SETTINGS, workingDays } from './lead-time.js';
import {
  assertMaterialsInTime,
  assertNoticeInTime,
  dailyUnsignedList,
  DEFAULT_NOTICE_SETTINGS,
  materialsLeadTime,
  noticeLeadTime,
  NoticeSettingsSchema,
  noticeTiming,
  unsignedUnits,
  type IssuedNotice,
  type NoticeSubject,
  type SignFor,
} from './notice.rules.js';
import { bj, cal, caught, code } from './spec-kit.js';

const clear = { ...DEFAULT_TIME_SETTINGS, leadTimeReading: 'clear-working-days' as const };
const meeting = (typeCode: string, startsAt: string, over: Partial<NoticeSubject> = {}): NoticeSubject => ({
  kind: 'meeting',
  typeCode,
  startsAt: bj(startsAt),
  ...over,
});

describe('settings', () => {
  it('defaults: 1 / 1 / 2 / 2 / 1 / 1 working days and executive materials 2 working days', () => {
    expect(DEFAULT_NOTICE_SETTINGS).toEqual({
      general: workingDays(1),
      activity: workingDays(1),
      large: workingDays(2),
      majorIssues: workingDays(2),
      cadreMatters: workingDays(1),
      officeAffairs: workingDays(1),
      executiveMaterials: workingDays(2),
    });
  });
  it.each([[{ general: { amount: 1 } }], [{ large: { amount: -2, unit: 'working' } }], [{ other: 1 }]])('rejects %j', (bad) => {
    expect(NoticeSettingsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('which lead time applies', () => {
  it.each<[string, NoticeSubject, Duration | null, string | null]>([
    ['general meeting (seed 000 L58)', meeting('committee-forum', '2026-03-12 09:00'), workingDays(1), 'general'],
    ['official activity (seed 000 L86)', { kind: 'activity', startsAt: bj('2026-03-12 09:00') }, workingDays(1), 'activity'],
    ['general type held as a large meeting', meeting('committee-forum', '2026-03-12 09:00', { large: true }), workingDays(2), 'large'],
    ['large meeting (seed 000 L68)', meeting('committee-plenary', '2026-03-12 09:00'), workingDays(2), 'large'],
    ['district-wide conference', meeting('government-district-wide-conference', '2026-03-12 09:00'), workingDays(2), 'large'],
    ['standing committee on major issues', meeting('standing-committee', '2026-03-12 09:00', { majorIssues: true }), workingDays(2), 'major-issues'],
    ['standing committee on cadre matters', meeting('standing-committee', '2026-03-12 09:00', { cadreMatters: true }), workingDays(1), 'cadre-matters'],
    ['executive meeting on both: the stricter', meeting('executive-meeting', '2026-03-12 09:00', { majorIssues: true, cadreMatters: true }), workingDays(2), 'major-issues'],
    ['executive meeting on neither: the 2-day default', meeting('executive-meeting', '2026-03-12 09:00'), workingDays(2), 'large'],
    ['室务会 (seed 003 L13@c3150)', meeting('office-affairs-meeting', '2026-03-12 09:00'), workingDays(1), 'office-affairs'],
    ['主任办公会议 any time (seed 003 L13@c5489)', meeting('director-office-meeting', '2026-03-12 09:00'), null, null],
  ])('%s', (_n, subject, lead, basis) => {
    const rule = noticeLeadTime(subject);
    expect(rule?.lead ?? null).toEqual(lead);
    expect(rule?.basis ?? null).toBe(basis);
  });
  it('a meeting notice without a type is BAD_USER_INPUT', () => {
    expect(code(() => noticeLeadTime({ kind: 'meeting', startsAt: bj('2026-03-12 09:00') }))).toBe('BAD_USER_INPUT');
  });
});

describe('latest send date — SCENARIOS.md seed000-a #5 (a Thursday executive meeting, Thu 12 Mar 2026)', () => {
  it.each<[string, NoticeSubject, typeof DEFAULT_TIME_SETTINGS, string]>([
    // default reading: the n-th working day before (RULES.md D1). The scenario's "Monday" for 2 days is the clear-days reading.
    ['major issue, default reading: Tuesday', meeting('executive-meeting', '2026-03-12 09:00', { majorIssues: true }), DEFAULT_TIME_SETTINGS, '2026-03-10'],
    ['major issue, clear-days reading: Monday', meeting('executive-meeting', '2026-03-12 09:00', { majorIssues: true }), clear, '2026-03-09'],
    ['cadre matters, default reading: Wednesday', meeting('executive-meeting', '2026-03-12 09:00', { cadreMatters: true }), DEFAULT_TIME_SETTINGS, '2026-03-11'],
    ['cadre matters, clear-days reading: Tuesday', meeting('executive-meeting', '2026-03-12 09:00', { cadreMatters: true }), clear, '2026-03-10'],
    ['general activity: Wednesday', { kind: 'activity', startsAt: bj('2026-03-12 09:00') }, DEFAULT_TIME_SETTINGS, '2026-03-11'],
  ])('%s', (_n, subject, time, latest) => {
    expect(noticeTiming(subject, bj('2026-03-01 09:00'), cal, DEFAULT_NOTICE_SETTINGS, time).check?.latestDate).toBe(latest);
  });
});

describe('notices across the 2026 holidays', () => {
  it.each<[string, NoticeSubject, string, string]>([
    // Spring Festival: Tue 24 Feb is the first day back; Sat 14 Feb is worked
    ['general on Tue 24 Feb, sent Sat 14 Feb (make-up day)', meeting('committee-forum', '2026-02-24 09:00'), '2026-02-14 16:00', 'ok'],
    ['general on Tue 24 Feb, sent during the holiday', meeting('committee-forum', '2026-02-24 09:00'), '2026-02-23 10:00', 'DEADLINE_RULE'],
    ['large on Tue 24 Feb, sent Fri 13 Feb', meeting('committee-plenary', '2026-02-24 09:00'), '2026-02-13 10:00', 'ok'],
    ['large on Tue 24 Feb, sent Sat 14 Feb', meeting('committee-plenary', '2026-02-24 09:00'), '2026-02-14 10:00', 'DEADLINE_RULE'],
    ['general on Mon 2 Mar, sent Sat 28 Feb (make-up day)', meeting('committee-forum', '2026-03-02 09:00'), '2026-02-28 11:00', 'ok'],
    // National Day: 1–7 Oct off, Sat 10 Oct worked
    ['standing committee, major issues, Thu 8 Oct, sent Tue 29 Sep', meeting('standing-committee', '2026-10-08 09:00', { majorIssues: true }), '2026-09-29 16:00', 'ok'],
    ['standing committee, major issues, Thu 8 Oct, sent Wed 30 Sep', meeting('standing-committee', '2026-10-08 09:00', { majorIssues: true }), '2026-09-30 10:00', 'DEADLINE_RULE'],
    ['standing committee, cadre matters, Thu 8 Oct, sent Wed 30 Sep', meeting('standing-committee', '2026-10-08 09:00', { cadreMatters: true }), '2026-09-30 10:00', 'ok'],
    ['general on Mon 12 Oct, sent Sat 10 Oct (make-up day)', meeting('committee-forum', '2026-10-12 09:00'), '2026-10-10 15:00', 'ok'],
    ['general on Mon 12 Oct, sent Sun 11 Oct', meeting('committee-forum', '2026-10-12 09:00'), '2026-10-11 15:00', 'DEADLINE_RULE'],
  ])('%s → %s', (_n, subject, sent, expected) => {
    expect(code(() => assertNoticeInTime(subject, bj(sent), cal))).toBe(expected);
  });
});

describe('late notices', () => {
  const forum = meeting('committee-forum', '2026-03-12 09:00');
  it('after close of business on the latest date is late', () => {
    expect(code(() => assertNoticeInTime(forum, bj('2026-03-11 17:00'), cal))).toBe('ok');
    const err = caught(() => assertNoticeInTime(forum, bj('2026-03-11 17:01'), cal));
    expect(err.code).toBe('DEADLINE_RULE');
    expect(err.details).toMatchObject({ basis: 'general', latestDate: '2026-03-11', countedOn: '2026-03-12' });
  });
  it('an ad-hoc meeting may be notified late, and the attending leaders are phoned (seed 000 L60)', () => {
    const adHoc = { ...forum, adHoc: true };
    expect(assertNoticeInTime(adHoc, bj('2026-03-12 07:30'), cal)).toMatchObject({ late: true, phoneAttendingLeaders: true });
    expect(assertNoticeInTime(adHoc, bj('2026-03-10 07:30'), cal)).toMatchObject({ late: false, phoneAttendingLeaders: false });
  });
  // SCENARIOS.md seed003 #6: 室务会 notified on the day itself without "special circumstances"
  it.each<[string, Partial<NoticeSubject>, string]>([
    ['on the day itself', {}, 'DEADLINE_RULE'],
    ['on the day itself, special circumstances', { adHoc: true }, 'ok'],
  ])('室务会 notice %s → %s', (_n, over, expected) => {
    expect(code(() => assertNoticeInTime(meeting('office-affairs-meeting', '2026-03-12 15:00', over), bj('2026-03-12 08:00'), cal))).toBe(expected);
  });
  it('the 室务会’s “1 天” counts in working days (RULES.md D3): a Monday meeting is notified by Friday', () => {
    expect(code(() => assertNoticeInTime(meeting('office-affairs-meeting', '2026-03-16 09:00'), bj('2026-03-13 16:00'), cal))).toBe('ok');
    expect(code(() => assertNoticeInTime(meeting('office-affairs-meeting', '2026-03-16 09:00'), bj('2026-03-15 10:00'), cal))).toBe('DEADLINE_RULE');
  });
  it('a 主任办公会议 may be called at any time', () => {
    expect(noticeTiming(meeting('director-office-meeting', '2026-03-12 15:00'), bj('2026-03-12 14:50'), cal).late).toBe(false);
  });
  it('the lead times are settings', () => {
    const three = { ...DEFAULT_NOTICE_SETTINGS, general: workingDays(3) };
    expect(code(() => assertNoticeInTime(forum, bj('2026-03-10 09:00'), cal, three))).toBe('DEADLINE_RULE');
  });
});

describe('materials before an executive meeting (seed 004 L75 "开会前1—2天")', () => {
  it.each<[string, string, string]>([
    ['executive-meeting', '2026-03-10 16:00', 'ok'],
    ['executive-meeting', '2026-03-11 09:00', 'DEADLINE_RULE'], // one day: within the seed's range, refused by the stricter default
  ])('%s materials sent %s → %s', (type, sent, expected) => {
    expect(code(() => assertMaterialsInTime(type, bj('2026-03-12 09:00'), bj(sent), cal))).toBe(expected);
  });
  it('the 1-day end of the range is a setting', () => {
    const one = { ...DEFAULT_NOTICE_SETTINGS, executiveMaterials: workingDays(1) };
    expect(code(() => assertMaterialsInTime('executive-meeting', bj('2026-03-12 09:00'), bj('2026-03-11 09:00'), cal, one))).toBe('ok');
  });
  it('across National Day: a Thu 8 Oct executive meeting needs materials by Tue 29 Sep', () => {
    expect(code(() => assertMaterialsInTime('executive-meeting', bj('2026-10-08 09:00'), bj('2026-09-29 10:00'), cal))).toBe('ok');
    expect(code(() => assertMaterialsInTime('executive-meeting', bj('2026-10-08 09:00'), bj('2026-09-30 10:00'), cal))).toBe('DEADLINE_RULE');
  });
  it('other meetings have no materials lead time in the seeds', () => {
    expect(materialsLeadTime('committee-forum')).toBeNull();
    expect(assertMaterialsInTime('committee-forum', bj('2026-03-12 09:00'), bj('2026-03-12 08:00'), cal)).toBeNull();
  });
});

describe('sign-for tracking: the daily unsigned list (seed 000 L60; SCENARIOS.md seed000-a #7)', () => {
  const n1: IssuedNotice = { id: 'n1', sentAt: bj('2026-03-09 10:00'), meetingStartsAt: bj('2026-03-12 09:00'), recipientUnits: ['X', 'Y', 'Z'] };
  const n2: IssuedNotice = { id: 'n2', sentAt: bj('2026-03-10 18:00'), meetingStartsAt: bj('2026-03-13 09:00'), recipientUnits: ['X'] };
  const n3: IssuedNotice = { id: 'n3', sentAt: bj('2026-03-06 10:00'), meetingStartsAt: bj('2026-03-10 09:00'), recipientUnits: ['Y'] };
  const signs: SignFor[] = [
    { noticeId: 'n1', unit: 'Y', at: bj('2026-03-09 11:00') },
    { noticeId: 'n1', unit: 'Z', at: bj('2026-03-10 17:30') }, // after the check on the 10th
  ];
  it('units that have not signed, as of an instant', () => {
    expect(unsignedUnits(n1, signs, bj('2026-03-10 17:00'))).toEqual(['X', 'Z']);
    expect(unsignedUnits(n1, signs, bj('2026-03-10 18:00'))).toEqual(['X']);
  });
  it.each<[string, Array<{ noticeId: string; units: string[] }>]>([
    ['2026-03-09', [{ noticeId: 'n1', units: ['X', 'Z'] }, { noticeId: 'n3', units: ['Y'] }]],
    // n3's meeting has begun; n2 went out after close of business
    ['2026-03-10', [{ noticeId: 'n1', units: ['X', 'Z'] }]],
    ['2026-03-11', [{ noticeId: 'n1', units: ['X'] }, { noticeId: 'n2', units: ['X'] }]],
    ['2026-03-14', []], // Saturday: no check
  ])('at close of business on %s: %j', (date, expected) => {
    expect(dailyUnsignedList([n1, n2, n3], signs, date, cal)).toEqual(expected);
  });
  it('make-up Saturday 14 Feb 2026 is a check day; the holiday is not', () => {
    const n: IssuedNotice = { id: 'n', sentAt: bj('2026-02-13 10:00'), meetingStartsAt: bj('2026-02-24 09:00'), recipientUnits: ['X'] };
    expect(dailyUnsignedList([n], [], '2026-02-14', cal)).toEqual([{ noticeId: 'n', units: ['X'] }]);
    expect(dailyUnsignedList([n], [], '2026-02-18', cal)).toEqual([]);
  });
});
