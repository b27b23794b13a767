import { DEFAULT_OFFICE_MEETING_SETTINGS } from '../office-meetings/office-meeting.rules.js';
import { DEFAULT_RECEPTION_SETTINGS } from '../receptions/reception.rules.js';
import { DEFAULT_REQUEST_SETTINGS } from '../requests/meeting-request.rules.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../schedule/weekly-schedule.rules.js';
import { DEFAULT_MINUTES_SETTINGS } from '../minutes/minutes.rules.js';
import { DEFAULT_ATTENDANCE_SETTINGS } from './attendance.rules.js';
import { DEFAULT_TIME_SETTINGS, workingDays } from './lead-time.js';
import { DEFAULT_PLAN_SETTINGS } from './meeting-plan.rules.js';
import { DEFAULT_NOTICE_SETTINGS } from './notice.rules.js';
import { MeetingsSettingsSchema, parseMeetingsSettings } from './settings.js';
import { DEFAULT_TOPIC_SETTINGS } from './topic.rules.js';

describe('meetings settings', () => {
  it('an empty object gives every documented default', () => {
    expect(parseMeetingsSettings()).toEqual({
      time: DEFAULT_TIME_SETTINGS,
      requests: DEFAULT_REQUEST_SETTINGS,
      schedule: DEFAULT_SCHEDULE_SETTINGS,
      notice: DEFAULT_NOTICE_SETTINGS,
      attendance: DEFAULT_ATTENDANCE_SETTINGS,
      plans: DEFAULT_PLAN_SETTINGS,
      topics: DEFAULT_TOPIC_SETTINGS,
      minutes: DEFAULT_MINUTES_SETTINGS,
      officeMeetings: DEFAULT_OFFICE_MEETING_SETTINGS,
      receptions: DEFAULT_RECEPTION_SETTINGS,
    });
  });
  it('an override keeps the other defaults of its part', () => {
    const s = parseMeetingsSettings({ notice: { general: workingDays(2) }, time: { closeOfBusiness: '17:30' } });
    expect(s.notice).toEqual({ ...DEFAULT_NOTICE_SETTINGS, general: workingDays(2) });
    expect(s.time.leadTimeReading).toBe('nth-working-day-before');
  });
  it.each([
    [{ notice: { general: 1 } }], // a bare number of days
    [{ notice: { general: { amount: 1, unit: 'days' } } }],
    [{ minutes: { executiveDraft: { amount: 24, unit: 'calendar' } } }],
    [{ unknownPart: {} }],
    [{ requests: { leadTime: { amount: 10, unit: 'working' }, extra: true } }],
  ])('refuses %j', (bad) => {
    expect(MeetingsSettingsSchema.safeParse(bad).success).toBe(false);
  });
});
