import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { before, ClockDurationSchema, hoursOf, minutesOf, type ClockDuration } from './lead-time.js';
import { meetingType, type ArrivalClass } from './meeting-types.js';

/**
 * The meeting day: when staff must be on site, when the chair is told who is there, who is chased, absence
 * reasons, documents recovered after the meeting.
 */

/** Who arrives (the seeds set different times for different staff). */
export const STAFF_ROLES = [
  'meeting-service', // 会务工作人员 (秘书科 / 秘书二室)
  'sign-in', // 签到人员 (specialised meetings)
  'recorder', // 跟会人员 of 综合一科 / 综合二科
  'speaker', // 典型发言人员
  'reporting-head', // 汇报部门负责人 (常委会), counted from the topic's slot
  'accompanying', // 服务人员 accompanying a leader's activity or research trip
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const ARRIVAL_CLASSES = [
  'large',
  'district-wide',
  'teleconference',
  'specialised',
  'standing-committee',
  'executive',
  'general',
  'research-trip',
  'large-event',
] as const satisfies readonly ArrivalClass[];

export const ArrivalRowSchema = z.strictObject({
  arrival: z.enum(ARRIVAL_CLASSES),
  staff: z.enum(STAFF_ROLES),
  lead: ClockDurationSchema,
  relativeTo: z.enum(['start', 'topic-slot']),
  source: z.string().min(1),
});
export type ArrivalRow = z.infer<typeof ArrivalRowSchema>;

/**
 * The arrival table. Where two seeds give a time for the same meeting and staff, the earlier arrival (the
 * stricter) is kept; a large meeting of another class also takes the large-meeting row, and the earliest
 * applicable row wins.
 */
export const DEFAULT_ARRIVAL_TABLE: readonly ArrivalRow[] = [
  { arrival: 'large', staff: 'meeting-service', lead: minutesOf(30), relativeTo: 'start', source: 'seed 000 L74 会议开始前半个小时到达会场' },
  { arrival: 'district-wide', staff: 'meeting-service', lead: hoursOf(1), relativeTo: 'start', source: 'seed 003 L13@c12273 提前1个小时到会场' },
  { arrival: 'teleconference', staff: 'meeting-service', lead: minutesOf(30), relativeTo: 'start', source: 'seed 003 L13@c12391 提前30分钟到会场' },
  { arrival: 'specialised', staff: 'sign-in', lead: minutesOf(40), relativeTo: 'start', source: 'seed 004 L135 签到人员应提前40分钟到达会场' },
  { arrival: 'specialised', staff: 'speaker', lead: minutesOf(20), relativeTo: 'start', source: 'seed 004 L137 发言人员提前20分钟到会' },
  // The 大型会议 procedure names the 常委会 and 常务会议 (seed 000 L68), so its 30 minutes apply to their meeting
  // service; seed 004 L81's 15 minutes for the 常务会议 is the looser value.
  { arrival: 'standing-committee', staff: 'meeting-service', lead: minutesOf(30), relativeTo: 'start', source: 'seed 000 L68, L74' },
  { arrival: 'standing-committee', staff: 'recorder', lead: minutesOf(10), relativeTo: 'start', source: 'seed 000 L556 提前10分钟到达会场' },
  { arrival: 'standing-committee', staff: 'reporting-head', lead: minutesOf(10), relativeTo: 'topic-slot', source: 'seed 003 L13@c11771 议题安排的时间前10分钟到会' },
  { arrival: 'executive', staff: 'meeting-service', lead: minutesOf(30), relativeTo: 'start', source: 'seed 000 L68, L74 (seed 004 L81: 15 minutes, looser)' },
  { arrival: 'executive', staff: 'recorder', lead: minutesOf(10), relativeTo: 'start', source: 'seed 000 L628 提前10分钟到达会场' },
  { arrival: 'general', staff: 'accompanying', lead: minutesOf(15), relativeTo: 'start', source: 'seed 000 L548 提前15分钟到达会议室或候车集合地点' },
  { arrival: 'research-trip', staff: 'accompanying', lead: minutesOf(15), relativeTo: 'start', source: 'seed 000 L636(2) 提前15分钟到集合地点' },
  { arrival: 'large-event', staff: 'meeting-service', lead: hoursOf(1), relativeTo: 'start', source: 'seed 004 L185 会务人员要提前1小时到岗' },
];

/**
 * Settings.
 * - `arrivals`: the table above.
 * - `chairReport` 5 minutes: "签到人员要在开会前5分钟向会议主持人报告签到情况" (seed 004 L143); seed 000 L74 reports
 *   attendance to the chair and chases absentees "会前5分钟".
 * - `chaseAbsentees` 5 minutes: "会务工作人员在会前5分钟,应对没有到会的人员进行催促" (seed 000 L74; L636(3)).
 * - `remindLeaders` 3 minutes: research trips, "提前3分钟对参加调研的区领导进行提醒" (seed 000 L636(4)).
 */
export const AttendanceSettingsSchema = z.strictObject({
  arrivals: z.array(ArrivalRowSchema).min(1).default([...DEFAULT_ARRIVAL_TABLE]),
  chairReport: ClockDurationSchema.default(minutesOf(5)),
  chaseAbsentees: ClockDurationSchema.default(minutesOf(5)),
  remindLeaders: ClockDurationSchema.default(minutesOf(3)),
});
export type AttendanceSettings = z.infer<typeof AttendanceSettingsSchema>;
export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = AttendanceSettingsSchema.parse({});

export interface ArrivalDue {
  readonly dueAt: Date;
  readonly lead: ClockDuration;
  readonly source: string;
}

/**
 * When `staff` must be on site for a meeting of `typeCode` (or a research trip / large event, given as the
 * arrival class), or null where no seed sets a time. A meeting held as a large meeting also takes the
 * large-meeting row. `topicSlotAt` is needed for reporting heads.
 */
export function arrivalDue(
  meeting: { typeCode?: string; arrival?: ArrivalClass; startsAt: Date; large?: boolean; topicSlotAt?: Date },
  staff: StaffRole,
  settings: AttendanceSettings = DEFAULT_ATTENDANCE_SETTINGS,
): ArrivalDue | null {
  const type = meeting.typeCode ? meetingType(meeting.typeCode) : null;
  const arrival = meeting.arrival ?? type?.arrival;
  if (!arrival) throw GovError.badInput('arrivalDue needs a meeting type or an arrival class');
  const classes = new Set<ArrivalClass>([arrival]);
  if (meeting.large || type?.noticeClass === 'large') classes.add('large');
  const rows = settings.arrivals.filter((r) => classes.has(r.arrival) && r.staff === staff);
  let best: ArrivalDue | null = null;
  for (const row of rows) {
    let anchor = meeting.startsAt;
    if (row.relativeTo === 'topic-slot') {
      if (!meeting.topicSlotAt) throw GovError.badInput('a reporting head’s arrival is counted from the topic’s slot', { field: 'topicSlotAt' });
      anchor = meeting.topicSlotAt;
    }
    const dueAt = before(anchor, row.lead);
    if (!best || dueAt.getTime() < best.dueAt.getTime()) best = { dueAt, lead: row.lead, source: row.source };
  }
  return best;
}

/** The instants of the meeting-day checks before the start. */
export function meetingDayChecks(startsAt: Date, settings: AttendanceSettings = DEFAULT_ATTENDANCE_SETTINGS) {
  return {
    chairReportAt: before(startsAt, settings.chairReport),
    chaseAbsenteesAt: before(startsAt, settings.chaseAbsentees),
    remindLeadersAt: before(startsAt, settings.remindLeaders),
  };
}

export interface SignIn {
  readonly attendeeId: string;
  readonly at: Date;
}

export interface LeaveRequest {
  readonly attendeeId: string;
  readonly reason: string;
  readonly approved: boolean;
}

export interface AttendanceReport {
  readonly present: string[];
  readonly onLeave: Array<{ attendeeId: string; reason: string }>;
  /** Neither signed in nor on approved leave: to be chased (and, for units, asked why). */
  readonly notArrived: string[];
}

/** Attendance at `asOf`: who signed in, who is on approved leave, who is missing. */
export function attendanceAt(
  attendees: readonly string[],
  signIns: readonly SignIn[],
  leaves: readonly LeaveRequest[],
  asOf: Date,
): AttendanceReport {
  const signed = new Set(signIns.filter((s) => s.at.getTime() <= asOf.getTime()).map((s) => s.attendeeId));
  const leave = new Map(leaves.filter((l) => l.approved).map((l) => [l.attendeeId, l.reason]));
  const list = [...new Set(attendees)];
  return {
    present: list.filter((a) => signed.has(a)),
    onLeave: list.filter((a) => !signed.has(a) && leave.has(a)).map((a) => ({ attendeeId: a, reason: leave.get(a)! })),
    notArrived: list.filter((a) => !signed.has(a) && !leave.has(a)),
  };
}

/**
 * The report to the chair, due {@link AttendanceSettings.chairReport} before the start, as attendance stands
 * then (SCENARIOS.md seed000-a #6: a 09:00 meeting, the list of those not signed in at 08:55).
 */
export function chairReport(
  startsAt: Date,
  attendees: readonly string[],
  signIns: readonly SignIn[],
  leaves: readonly LeaveRequest[],
  settings: AttendanceSettings = DEFAULT_ATTENDANCE_SETTINGS,
): AttendanceReport & { dueAt: Date } {
  const dueAt = before(startsAt, settings.chairReport);
  return { dueAt, ...attendanceAt(attendees, signIns, leaves, dueAt) };
}

/**
 * Units absent from a specialised meeting are asked why ("对没有到会的单位要问清原因", seed 004 L135): the record
 * closes only with a reason for each. BAD_USER_INPUT lists those without one.
 */
export function assertAbsenceReasons(absent: readonly string[], reasons: Readonly<Record<string, string>>): void {
  const without = absent.filter((a) => !(reasons[a] ?? '').trim());
  if (without.length > 0) throw GovError.badInput(`no absence reason for ${without.join(', ')}`, { without });
}

/**
 * Documents to be recovered after the meeting are collected in full ("对需要回收的会议文件要及时如数收回", seed 000
 * L78): what is still out, per document. Recovering more copies than were issued is BAD_USER_INPUT.
 */
export function recoveryShortfall(
  issued: ReadonlyArray<{ documentId: string; copies: number }>,
  recovered: ReadonlyArray<{ documentId: string; copies: number }>,
): Array<{ documentId: string; issued: number; recovered: number; outstanding: number }> {
  const back = new Map<string, number>();
  for (const r of recovered) back.set(r.documentId, (back.get(r.documentId) ?? 0) + r.copies);
  const known = new Set(issued.map((i) => i.documentId));
  const unknown = [...back.keys()].filter((d) => !known.has(d));
  if (unknown.length > 0) throw GovError.badInput(`recovered documents that were not issued: ${unknown.join(', ')}`, { unknown });
  const out: Array<{ documentId: string; issued: number; recovered: number; outstanding: number }> = [];
  for (const i of issued) {
    const got = back.get(i.documentId) ?? 0;
    if (got > i.copies) {
      throw GovError.badInput(`more copies of ${i.documentId} recovered (${got}) than issued (${i.copies})`, { documentId: i.documentId });
    }
    if (got < i.copies) out.push({ documentId: i.documentId, issued: i.copies, recovered: got, outstanding: i.copies - got });
  }
  return out;
}

