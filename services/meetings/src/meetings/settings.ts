import { z } from 'zod';
import { OfficeMeetingSettingsSchema } from '../office-meetings/office-meeting.rules.js';
import { ReceptionSettingsSchema } from '../receptions/reception.rules.js';
import { RequestSettingsSchema } from '../requests/meeting-request.rules.js';
import { ScheduleSettingsSchema } from '../schedule/weekly-schedule.rules.js';
import { MinutesSettingsSchema } from '../minutes/minutes.rules.js';
import { AttendanceSettingsSchema } from './attendance.rules.js';
import { TimeSettingsSchema } from './lead-time.js';
import { PlanSettingsSchema } from './meeting-plan.rules.js';
import { NoticeSettingsSchema } from './notice.rules.js';
import { TopicSettingsSchema } from './topic.rules.js';

/**
 * Every number of the meetings rules in one validated object, each part defaulting to the values documented
 * in its rules file (and in RULES.md). A deployment overrides any part; an unknown key or a number without
 * its unit is refused. Parse once at start-up and hand the parts to the rules.
 */
export const MeetingsSettingsSchema = z.strictObject({
  time: TimeSettingsSchema.prefault({}),
  requests: RequestSettingsSchema.prefault({}),
  schedule: ScheduleSettingsSchema.prefault({}),
  notice: NoticeSettingsSchema.prefault({}),
  attendance: AttendanceSettingsSchema.prefault({}),
  plans: PlanSettingsSchema.prefault({}),
  topics: TopicSettingsSchema.prefault({}),
  minutes: MinutesSettingsSchema.prefault({}),
  officeMeetings: OfficeMeetingSettingsSchema.prefault({}),
  receptions: ReceptionSettingsSchema.prefault({}),
});
export type MeetingsSettings = z.infer<typeof MeetingsSettingsSchema>;

export function parseMeetingsSettings(input: unknown = {}): MeetingsSettings {
  return MeetingsSettingsSchema.parse(input);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of every part (RULES.md D1–D21), frozen: what the service runs with when nothing overrides them. */
export const DEFAULT_MEETINGS_SETTINGS: MeetingsSettings = deepFreeze(parseMeetingsSettings());
