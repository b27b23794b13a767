import { z } from 'zod';
import { ClassificationSchema, HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Meetings by type (会议, issue 4 §3): the meeting plan with its approvals, the pre-notice, the notice with its
 * lead time by type, sign-for tracking and the daily list of units that have not signed, the seating plan
 * approved by a district leader, staff arrival times, sign-in, leave and absence reasons, the report to the
 * chair 5 minutes before the start, recovered documents, and the meeting held. Rules:
 * services/meetings/src/meetings/ (RULES.md D1–D13).
 */

const IsoDateSchema = z.iso.date();
/** A unit code as the realm knows it (e.g. QFGW). */
export const MeetingUnitSchema = z.string().trim().min(1).max(64);
/** A person (user id or name as the office records them). */
export const PersonSchema = z.string().trim().min(1).max(100);

export const MEETING_STATES = ['drafted', 'reviewed', 'approved', 'pre-notified', 'notified', 'held'] as const;
export const MeetingStateSchema = z.enum(MEETING_STATES);

export const DurationViewSchema = z.object({ amount: z.number().int(), unit: z.enum(['working', 'calendar']) });

export const PlanMeetingInputSchema = z
  .object({
    /** a code of the reference data (services/meetings/src/meetings/meeting-types.ts), e.g. executive-meeting */
    typeCode: z.string().trim().min(1).max(64),
    title: text(200),
    classification: ClassificationSchema.default('none'),
    place: text(200),
    startsAt: IsoDateTimeSchema,
    endsAt: IsoDateTimeSchema,
    /** 会议主持人 */
    chair: PersonSchema.optional(),
    /** the plan's fields (会务方案 seed 000 L66; 专题会议方案 seed 002 L434): name, theme, hostUnit, scale, agenda, … */
    plan: z.record(z.string().trim().min(1).max(64), z.string().trim().min(1).max(4000)).default({}),
    /** 出列席人员 (for a 室务会: all its members) */
    attendees: z.array(PersonSchema).max(500).default([]),
    /** units the notice goes to (sign-for tracking) */
    recipientUnits: z.array(MeetingUnitSchema).max(500).default([]),
    /** a general meeting held at the scale of a 大型会议 (seed 000 L64) */
    large: z.boolean().default(false),
    /** 常委会 / 常务会议: the topics include major issues / cadre and personnel matters (seed 000 L68) */
    majorIssues: z.boolean().default(false),
    cadreMatters: z.boolean().default(false),
    /** 临时安排 (seed 000 L60): a late notice is allowed and the attending leaders are phoned */
    adHoc: z.boolean().default(false),
    /** 紧急会议: minutes at once (seed 000 L552) */
    urgent: z.boolean().default(false),
    /** 参会人数较多,涉及面较广 (seed 000 L68): a pre-notice may go out */
    manyAttendeesOrWideScope: z.boolean().default(false),
    /** 专题会议 (seed 002 L436–438): the district head attends / signs the plan */
    districtHeadAttends: z.boolean().default(false),
    districtHeadSigns: z.boolean().default(false),
    /** 专题会议: the plan goes for sign-off with a full set of meeting materials (seed 002 L440) */
    materialsComplete: z.boolean().default(false),
  })
  .strict();
export type PlanMeetingInput = z.input<typeof PlanMeetingInputSchema>;

const IdInput = z.object({ id: UuidSchema }).strict();

export const NoticeSignForViewSchema = z.object({ unit: z.string(), signedAt: IsoDateTimeSchema, signedBy: z.string() });

export const NoticeViewSchema = z.object({
  preNoticeSentAt: IsoDateTimeSchema.nullable(),
  preNoticeConsentBy: z.string().nullable(),
  sentAt: IsoDateTimeSchema.nullable(),
  /** general | activity | large | major-issues | cadre-matters | office-affairs; null: any time (主任办公会议) */
  basis: z.string().nullable(),
  lead: DurationViewSchema.nullable(),
  /** the latest date the notice could go out (close of business) */
  latestDate: IsoDateSchema.nullable(),
  late: z.boolean(),
  /** late but ad hoc: the attending leaders are phoned (seed 000 L60) */
  phoneAttendingLeaders: z.boolean(),
  signed: z.array(NoticeSignForViewSchema),
  unsignedUnits: z.array(z.string()),
});

export const ArrivalViewSchema = z.object({
  staff: z.string(),
  dueAt: IsoDateTimeSchema,
  lead: z.object({ amount: z.number().int(), unit: z.enum(['minutes', 'hours']) }),
  source: z.string(),
});

export const AttendanceViewSchema = z.object({
  present: z.array(z.object({ attendeeId: z.string(), signedInAt: IsoDateTimeSchema })),
  onLeave: z.array(z.object({ attendeeId: z.string(), reason: z.string() })),
  notArrived: z.array(z.string()),
  absenceReasons: z.array(z.object({ attendeeId: z.string(), reason: z.string() })),
  /** when the chair is told of attendance (5 minutes before the start, seed 004 L143) */
  chairReportAt: IsoDateTimeSchema,
  chaseAbsenteesAt: IsoDateTimeSchema,
});

export const MeetingDocumentViewSchema = z.object({
  documentId: z.string(),
  copiesIssued: z.number().int(),
  copiesRecovered: z.number().int(),
  outstanding: z.number().int(),
});

export const TopicSummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  proposingUnit: z.string(),
  origin: z.enum(['planned', 'ad-hoc']),
  state: z.string(),
  legalReview: z.string(),
  blocks: z.array(z.string()),
});

export const MinutesSummarySchema = z.object({
  id: UuidSchema,
  state: z.string(),
  number: z.string().nullable(),
  draftDueAt: IsoDateTimeSchema,
  issuedAt: IsoDateTimeSchema.nullable(),
});

export const MeetingViewSchema = z.object({
  id: UuidSchema,
  typeCode: z.string(),
  typeName: z.string(),
  title: z.string(),
  classification: ClassificationSchema,
  place: z.string(),
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  chair: z.string().nullable(),
  plan: z.record(z.string(), z.string()),
  attendees: z.array(z.string()),
  recipientUnits: z.array(z.string()),
  large: z.boolean(),
  majorIssues: z.boolean(),
  cadreMatters: z.boolean(),
  adHoc: z.boolean(),
  urgent: z.boolean(),
  state: MeetingStateSchema,
  seatingApprovedBy: z.string().nullable(),
  seatingApprovedAt: IsoDateTimeSchema.nullable(),
  /** who keeps the meeting record (会议记录, seed 002 L411–415), null where the seeds name none */
  recorderUnit: z.string().nullable(),
  /** 专题会议方案 sign-off route (seed 002 L436–439); null for other meetings */
  planSignOff: z
    .object({
      route: z.array(z.string()),
      signed: z.array(z.object({ step: z.string(), signerName: z.string(), at: IsoDateTimeSchema })),
      signedOffAt: IsoDateTimeSchema.nullable(),
      /** not signed off by the day before the meeting (原则要求在开会前一天完成审签): flagged, not refused */
      nonCompliant: z.boolean().nullable(),
    })
    .nullable(),
  notice: NoticeViewSchema,
  materialsDistributedAt: IsoDateTimeSchema.nullable(),
  arrivals: z.array(ArrivalViewSchema),
  attendance: AttendanceViewSchema,
  documents: z.array(MeetingDocumentViewSchema),
  heldAt: IsoDateTimeSchema.nullable(),
  topics: z.array(TopicSummarySchema),
  minutes: MinutesSummarySchema.nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  history: z.array(HistoryEntrySchema),
});
export type MeetingView = z.infer<typeof MeetingViewSchema>;

export const MeetingSummarySchema = MeetingViewSchema.pick({
  id: true,
  typeCode: true,
  typeName: true,
  title: true,
  classification: true,
  place: true,
  startsAt: true,
  endsAt: true,
  state: true,
});

export const planMeeting = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'plan',
  input: PlanMeetingInputSchema,
  output: MeetingViewSchema,
  description: '会务方案: a clerk drafts the plan of a meeting of a reference type with its fields, attendees and notice units.',
});

export const reviewMeetingPlan = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'review',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'The deputy director reviews the plan (方案报分管副主任审核, seed 000 L68).',
});

export const approveMeetingPlan = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'approve',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'A district leader approves the reviewed plan (呈区领导审批, seed 000 L68).',
});

export const sendBackMeetingPlan = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'send-back',
  input: z.object({ id: UuidSchema, reason: text(500) }).strict(),
  output: MeetingViewSchema,
  description: 'The deputy director or a district leader sends a reviewed plan back to be redrafted.',
});

export const signOffMeetingPlan = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'sign-off-plan',
  input: IdInput,
  output: MeetingViewSchema,
  description: '专题会议方案 审签 along its route (liaison cadre → director → district head, or → deputy head), by the day before the meeting.',
});

export const approveSeating = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'approve-seating',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'A district leader approves the seating plan (座次 报区有关领导审定, seed 000 L72).',
});

export const issuePreNotice = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'issue-pre-notice',
  input: z.object({ id: UuidSchema, consentedBy: PersonSchema }).strict(),
  output: MeetingViewSchema,
  description: '预通知: for meetings with many attendees or a wide scope, with a leader’s consent (seed 000 L68).',
});

export const issueNotice = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'issue-notice',
  input: IdInput,
  output: MeetingViewSchema,
  description: '会议通知: sent with the lead time of the meeting type; a late notice is refused unless the meeting is ad hoc.',
});

export const signForNotice = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'sign-for-notice',
  input: z.object({ id: UuidSchema, unit: MeetingUnitSchema }).strict(),
  output: MeetingViewSchema,
  description: 'A recipient unit signs for the notice (签收); a unit liaison signs for its own unit, a clerk records one phoned in.',
});

export const distributeMaterials = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'distribute-materials',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'The meeting materials reach the attendees (常务会议: 1–2 days before, seed 004 L75).',
});

const DocumentCopies = z.object({ documentId: text(100), copies: z.number().int().min(1).max(10_000) }).strict();

export const issueDocuments = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'issue-documents',
  input: z.object({ id: UuidSchema, documents: z.array(DocumentCopies).min(1).max(100) }).strict(),
  output: MeetingViewSchema,
  description: 'Documents handed out at the meeting that are to be recovered, with their copies.',
});

export const recoverDocuments = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'recover-documents',
  input: z.object({ id: UuidSchema, documents: z.array(DocumentCopies).min(1).max(100) }).strict(),
  output: MeetingViewSchema,
  description: '会议文件回收: copies recovered are counted against those issued ("如数收回", seed 000 L78).',
});

export const signIn = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'sign-in',
  input: z.object({ id: UuidSchema, attendeeId: PersonSchema }).strict(),
  output: MeetingViewSchema,
  description: '签到: an attendee signs in (recorded by the sign-in staff).',
});

export const requestLeave = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'request-leave',
  input: z.object({ id: UuidSchema, attendeeId: PersonSchema, reason: text(500), approved: z.boolean() }).strict(),
  output: MeetingViewSchema,
  description: '请假: an attendee’s leave request and whether it was approved (reported to the chair before the start).',
});

export const recordAbsenceReason = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'record-absence-reason',
  input: z.object({ id: UuidSchema, attendeeId: PersonSchema, reason: text(500) }).strict(),
  output: MeetingViewSchema,
  description: '缺席原因: why an attendee who did not come was absent ("问清原因", seed 004 L135).',
});

export const holdMeeting = defineCommand({
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'hold',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'The meeting was held: attendance closes (every absentee with a reason) and the minutes fall due.',
});

export const getMeeting = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'get',
  input: IdInput,
  output: MeetingViewSchema,
  description: 'A meeting with its plan, notice status and sign-fors, arrivals, sign-in and attendance, topics, minutes and history.',
});

export const listMeetings = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'list',
  input: PageSchema.extend({ state: MeetingStateSchema.optional(), typeCode: z.string().max(64).optional() }).strict(),
  output: z.object({ items: z.array(MeetingSummarySchema), total: z.number().int() }),
  description: 'Meetings by start time, filtered by state and type (classified meetings only within clearance).',
});

export const chairReport = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'meeting',
  verb: 'chair-report',
  input: IdInput,
  output: z.object({
    dueAt: IsoDateTimeSchema,
    present: z.array(z.string()),
    onLeave: z.array(z.object({ attendeeId: z.string(), reason: z.string() })),
    notArrived: z.array(z.string()),
  }),
  description: 'The report to the chair 5 minutes before the start (seed 004 L143): present, on leave, not arrived as of then.',
});

export const unsignedNotices = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'notice',
  verb: 'unsigned',
  input: z.object({ date: IsoDateSchema }).strict(),
  output: z.object({
    date: IsoDateSchema,
    checkAt: IsoDateTimeSchema.nullable(),
    notices: z.array(z.object({ meetingId: UuidSchema, title: z.string().nullable(), units: z.array(z.string()) })),
  }),
  description:
    'The daily list (每天下班前检查签收情况, seed 000 L60): at close of business on a working day, the units that have not signed for each notice whose meeting is still ahead.',
});

export const MeetingWorkTaskSchema = z.object({
  kind: z.enum(['meeting', 'topic', 'minutes']),
  id: UuidSchema,
  meetingId: UuidSchema,
  title: z.string(),
  /** what the caller is to do next, e.g. review, approve, issue-notice, sign */
  action: z.string(),
  dueAt: IsoDateTimeSchema.nullable(),
});
export type MeetingWorkTask = z.infer<typeof MeetingWorkTaskSchema>;

export const myMeetingWork = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'meeting-task',
  verb: 'mine',
  input: z.object({}).strict(),
  output: z.object({ tasks: z.array(MeetingWorkTaskSchema) }),
  description: 'My tasks in the meetings section: plans to review or approve, notices to issue, meetings to hold, topics to deliberate, minutes to review, sign or issue.',
});

export const MEETING_LEADER_POSTS = ['party-secretary', 'district-mayor', 'deputy-head-in-charge', 'leader-in-charge'] as const;

export const assignLeaderPost = defineCommand({
  section: 'meetings',
  aggregate: 'post',
  verb: 'assign',
  input: z.object({ post: z.enum(MEETING_LEADER_POSTS), userId: z.string().trim().min(1).max(100) }).strict(),
  output: z.object({ post: z.enum(MEETING_LEADER_POSTS), userId: z.string(), assignedAt: IsoDateTimeSchema }),
  description: 'Who holds a leader post the roles cannot tell apart (区委书记, 区长, 分管副区长, 分管区领导), for signatures and approvals.',
});

export const noticeIssued = defineEvent({
  section: 'meetings',
  aggregate: 'meeting',
  name: 'notice-issued',
  subjectKey: 'meetingId',
  description:
    'A meeting notice (会议通知) went out, with the lead time its type needed and whether it was late (ad hoc: the attending leaders are phoned). Recipient units sign for it.',
  data: z.object({
    meetingId: UuidSchema,
    typeCode: z.string(),
    /** null when classified */
    title: z.string().nullable(),
    classification: ClassificationSchema,
    startsAt: IsoDateTimeSchema,
    sentAt: IsoDateTimeSchema,
    basis: z.string().nullable(),
    lead: DurationViewSchema.nullable(),
    latestDate: IsoDateSchema.nullable(),
    late: z.boolean(),
    phoneAttendingLeaders: z.boolean(),
    recipientUnits: z.array(z.string()),
    issuedBy: z.string(),
  }),
  example: {
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    typeCode: 'executive-meeting',
    title: '区政府第3次常务会议',
    classification: 'none',
    startsAt: '2026-03-12T01:00:00.000Z',
    sentAt: '2026-03-10T02:00:00.000Z',
    basis: 'major-issues',
    lead: { amount: 2, unit: 'working' },
    latestDate: '2026-03-10',
    late: false,
    phoneAttendingLeaders: false,
    recipientUnits: ['QFGW', 'QCZJ'],
    issuedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});

export const meetingHeld = defineEvent({
  section: 'meetings',
  aggregate: 'meeting',
  name: 'held',
  subjectKey: 'meetingId',
  description: 'A meeting was held: attendance counts, documents still out, and when its minutes fall due.',
  data: z.object({
    meetingId: UuidSchema,
    typeCode: z.string(),
    title: z.string().nullable(),
    classification: ClassificationSchema,
    heldAt: IsoDateTimeSchema,
    present: z.number().int(),
    onLeave: z.number().int(),
    absent: z.number().int(),
    documentsOutstanding: z.number().int(),
    /** null when the type drafts minutes only if needed */
    minutesDraftDueAt: IsoDateTimeSchema.nullable(),
    recordedBy: z.string(),
  }),
  example: {
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    typeCode: 'executive-meeting',
    title: '区政府第3次常务会议',
    classification: 'none',
    heldAt: '2026-03-12T03:30:00.000Z',
    present: 14,
    onLeave: 1,
    absent: 0,
    documentsOutstanding: 0,
    minutesDraftDueAt: '2026-03-13T01:00:00.000Z',
    recordedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
