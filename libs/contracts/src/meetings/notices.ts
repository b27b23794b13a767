import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * The pushes of the meeting-notice timer (issue 4 §3): the report to the chair 5 minutes before the start
 * (签到人员要在开会前5分钟向会议主持人报告签到情况, seed 004 L143) and the daily list of units that have not signed
 * for a notice at close of business on a working day (每天下班前要上协同办公网检查通知的签收情况, seed 000 L60).
 * Each is recorded once (per meeting; per meeting and day) and announced by an event. Rules:
 * services/meetings/src/meetings/run-notices.use-case.ts (RULES.md D14).
 */

const IsoDateSchema = z.iso.date();

export const MeetingNoticeRunSchema = z.object({
  /** the instant the run was for */
  at: IsoDateTimeSchema,
  reports: z.array(
    z.object({
      meetingId: UuidSchema,
      dueAt: IsoDateTimeSchema,
      present: z.array(z.string()),
      onLeave: z.array(z.string()),
      notArrived: z.array(z.string()),
    }),
  ),
  /** null when `at` is not on a working day at or after close of business */
  unsignedCheckAt: IsoDateTimeSchema.nullable(),
  unsignedLists: z.array(z.object({ meetingId: UuidSchema, date: IsoDateSchema, units: z.array(z.string()) })),
});
export type MeetingNoticeRun = z.infer<typeof MeetingNoticeRunSchema>;

export const runMeetingNotices = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'run-notices',
  input: z.object({ at: IsoDateTimeSchema.optional() }).strict(),
  output: MeetingNoticeRunSchema,
  description:
    'The meeting-notice timer for an instant (default now, never later): the report to the chair once the start is 5 minutes away, and at close of business on a working day the list of units that have not signed; idempotent.',
});

export const meetingAttendanceReported = defineEvent({
  section: 'meetings',
  aggregate: 'meeting',
  name: 'attendance-reported',
  subjectKey: 'meetingId',
  description:
    'The report to the chair 5 minutes before the start (seed 004 L143): who is present, on leave, not arrived as of the due time. Ids and counts only; no title.',
  data: z.object({
    meetingId: UuidSchema,
    typeCode: z.string(),
    startsAt: IsoDateTimeSchema,
    dueAt: IsoDateTimeSchema,
    present: z.number().int(),
    onLeave: z.number().int(),
    notArrived: z.number().int(),
    presentIds: z.array(z.string()),
    onLeaveIds: z.array(z.string()),
    notArrivedIds: z.array(z.string()),
    reportedAt: IsoDateTimeSchema,
    reportedBy: z.string(),
  }),
  example: {
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    typeCode: 'standing-committee',
    startsAt: '2026-03-13T01:00:00.000Z',
    dueAt: '2026-03-13T00:55:00.000Z',
    present: 2,
    onLeave: 1,
    notArrived: 1,
    presentIds: ['甲', '乙'],
    onLeaveIds: ['丁'],
    notArrivedIds: ['丙'],
    reportedAt: '2026-03-13T00:55:00.000Z',
    reportedBy: 'system:meetings-notice-timer',
  },
});

export const noticeUnsignedListed = defineEvent({
  section: 'meetings',
  aggregate: 'notice',
  name: 'unsigned-listed',
  subjectKey: 'meetingId',
  description:
    'The day\'s list of units that have not signed for a meeting notice, at close of business on a working day while the meeting is still ahead (seed 000 L60): the clerk phones them.',
  data: z.object({
    meetingId: UuidSchema,
    date: IsoDateSchema,
    checkAt: IsoDateTimeSchema,
    units: z.array(z.string()),
    listedAt: IsoDateTimeSchema,
    listedBy: z.string(),
  }),
  example: {
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    date: '2026-03-11',
    checkAt: '2026-03-11T09:00:00.000Z',
    units: ['QCZJ'],
    listedAt: '2026-03-11T09:01:00.000Z',
    listedBy: 'system:meetings-notice-timer',
  },
});
