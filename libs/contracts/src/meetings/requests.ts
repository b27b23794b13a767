import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Meeting and activity requests for the weekly schedule (会议、活动请示, 秘书科 收文办理; issue 4 §1): registered and
 * numbered, reviewed for admission (all failed checks as reasons), the opinion by request type, the review
 * chain clerk → section chief → deputy director → (foreign affairs) → district leader, and the reply (办复).
 * Rules: services/meetings/src/requests/meeting-request.rules.ts (seed 000 L14–30, L124).
 */

export const REQUEST_TYPES = ['higher-level-meeting', 'inspection-visit', 'outside-study-visit', 'unit-meeting'] as const;
export const RequestTypeSchema = z.enum(REQUEST_TYPES);

export const REQUEST_STATES = [
  'registered', 'return-proposed', 'return-endorsed', 'returned', 'opinion-drafted', 'chief-reviewed', 'deputy-reviewed',
  'with-foreign-affairs', 'foreign-affairs-opinion-given', 'with-leader', 'approved', 'declined', 'replied', 'archived',
] as const;
export const RequestStateSchema = z.enum(REQUEST_STATES);

/** Steps that need nothing but the request and an optional reason. */
export const REQUEST_STEP_ACTIONS = [
  'endorse-return', 'approve-return', 'overrule-return', 'review', 'send-back', 'send-to-foreign-affairs',
  'submit-to-leader', 'approve', 'decline', 'archive',
] as const;
export const RequestStepActionSchema = z.enum(REQUEST_STEP_ACTIONS);

const names = z.array(text(200)).max(200);

export const RegisterRequestInputSchema = z
  .object({
    type: RequestTypeSchema,
    title: text(200),
    /** the unit that sent the request or the notice */
    requestingUnit: text(100),
    /** when the office received it; defaults to now, never in the future */
    receivedAt: IsoDateTimeSchema.optional(),
    /** 时间 */
    startsAt: IsoDateTimeSchema.optional(),
    endsAt: IsoDateTimeSchema.optional(),
    /** 地点 */
    place: text(200).optional(),
    /** 规模: the expected number of people */
    scale: z.number().int().min(0).max(100_000).optional(),
    /** 内容 */
    content: text(4000).optional(),
    /** 参加人员 */
    participants: names.default([]),
    /** 议程 */
    agenda: names.default([]),
    /** how many separate matters the request asks about (一文一事: exactly one) */
    matterCount: z.number().int().min(0).max(50).default(1),
    affectedDepartments: names.default([]),
    consultedDepartments: names.default([]),
    declaredAttachments: names.default([]),
    attachedAttachments: names.default([]),
    leaderToSpeak: z.boolean().default(false),
    speechDraftAttached: z.boolean().default(false),
    /** 其他不规范行文, one note each */
    irregularities: names.default([]),
    /** 涉外政务活动 (seed 000 L124) */
    foreignRelated: z.boolean().default(false),
  })
  .strict();
export type RegisterRequestInput = z.input<typeof RegisterRequestInputSchema>;

/** One failed admission check, flattened for the wire: `items` are the missing fields, departments, attachments or notes. */
export const AdmissionReasonSchema = z.object({
  check: z.enum(['complete', 'consulted', 'one-matter', 'lead-time', 'attachments', 'speech-draft', 'irregular']),
  /** the check in the seed's words */
  description: z.string(),
  items: z.array(z.string()),
  /** lead-time only: the latest receipt date that would have passed, and the working days actually ahead */
  latestDate: z.string().nullable(),
  workingDaysAhead: z.number().int().nullable(),
});
export type AdmissionReason = z.infer<typeof AdmissionReasonSchema>;

export const ReplyTaskSchema = z.object({
  to: z.enum([
    'attending-leaders-and-department-heads', 'drafting-section-party', 'drafting-section-government',
    'relevant-department', 'requesting-unit', 'proposed-departments',
  ]),
  what: z.enum(['copy-notice-and-materials', 'prepare-speech', 'prepare-meeting-service', 'prepare-briefing-materials']),
});

export const MeetingRequestViewSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string(),
  type: RequestTypeSchema,
  title: z.string(),
  requestingUnit: z.string(),
  receivedAt: IsoDateTimeSchema,
  startsAt: IsoDateTimeSchema.nullable(),
  endsAt: IsoDateTimeSchema.nullable(),
  place: z.string().nullable(),
  scale: z.number().int().nullable(),
  content: z.string().nullable(),
  participants: z.array(z.string()),
  agenda: z.array(z.string()),
  matterCount: z.number().int(),
  affectedDepartments: z.array(z.string()),
  consultedDepartments: z.array(z.string()),
  leaderToSpeak: z.boolean(),
  speechDraftAttached: z.boolean(),
  foreignRelated: z.boolean(),
  /** whether the admission review passed (经审查合格) */
  admitted: z.boolean(),
  reasons: z.array(AdmissionReasonSchema),
  state: RequestStateSchema,
  /** 拟办意见 as JSON text (its fields depend on the type) */
  opinion: z.string().nullable(),
  proposedLeaderIds: z.array(z.string()),
  foreignAffairsOpinion: z.string().nullable(),
  replyTasks: z.array(ReplyTaskSchema),
  registeredBy: z.object({ id: z.string(), name: z.string() }),
  approvedAt: IsoDateTimeSchema.nullable(),
  history: z.array(HistoryEntrySchema),
});
export type MeetingRequestView = z.infer<typeof MeetingRequestViewSchema>;

export const registerRequest = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'register',
  input: RegisterRequestInputSchema,
  output: MeetingRequestViewSchema,
  description:
    '登记、编号 and 审核: the clerk registers a meeting or activity request with its 会议收文 number; the admission review runs at once and its failed checks are kept as reasons.',
});

export const proposeRequestReturn = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'propose-return',
  input: z.object({ id: UuidSchema, reason: text(1000).optional() }).strict(),
  output: MeetingRequestViewSchema,
  description: 'The clerk proposes returning a request that failed review (退文), with the failed checks as its reasons.',
});

export const draftRequestOpinion = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'draft-opinion',
  input: z
    .object({
      id: UuidSchema,
      /** 拟办意见: the fields its type needs (OPINION_FIELDS), e.g. time, place, proposedLeadersAndDepartments */
      opinion: z.record(z.string(), z.union([z.string().max(2000), z.boolean(), z.array(z.string().max(200)).max(100)])),
      /** the district leaders the opinion proposes (user ids) */
      proposedLeaderIds: z.array(z.string().min(1).max(64)).max(50).default([]),
    })
    .strict(),
  output: MeetingRequestViewSchema,
  description: '拟办: the clerk drafts the opinion of an admitted request; its content depends on the request type.',
});

export const advanceRequest = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'advance',
  input: z.object({ id: UuidSchema, action: RequestStepActionSchema, reason: text(1000).optional() }).strict(),
  output: MeetingRequestViewSchema,
  description:
    'One step of the review chain: endorse/approve/overrule a return, review or send back (科长, 分管副主任), send to foreign affairs, submit to the district leader, approve or decline, archive.',
});

export const giveRequestForeignAffairsOpinion = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'give-foreign-affairs-opinion',
  input: z.object({ id: UuidSchema, opinion: text(2000) }).strict(),
  output: MeetingRequestViewSchema,
  description: '外事科 gives its opinion on a foreign-related request (seed 000 L124).',
});

export const replyRequest = defineCommand({
  section: 'meetings',
  aggregate: 'request',
  verb: 'reply',
  input: z
    .object({
      id: UuidSchema,
      districtLeaderSpeaks: z.boolean().default(false),
      /** whose leader speaks: 区委 (综合一科 drafts), 区政府 (综合二科) or a department */
      speakerSide: z.enum(['party-committee', 'government', 'department']).optional(),
    })
    .strict(),
  output: MeetingRequestViewSchema,
  description: '办复: tell the attendees and the drafting sections what to prepare (seed 000 L28).',
});

export const getRequest = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'request',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: MeetingRequestViewSchema,
  description: 'One meeting request with its reasons, opinion, reply tasks and history.',
});

export const listRequests = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'request',
  verb: 'list',
  input: PageSchema.extend({ state: RequestStateSchema.optional(), type: RequestTypeSchema.optional(), admitted: z.boolean().optional() }).strict(),
  output: z.object({ items: z.array(MeetingRequestViewSchema.omit({ history: true })), total: z.number().int() }),
  description: 'The register of meeting and activity requests (会议收文登记), newest first.',
});

/** A task waiting for the caller in one of the request, weekly-schedule and activity-plan workflows. */
export const MeetingTaskSchema = z.object({
  workflow: z.enum(['meeting-request', 'weekly-schedule', 'activity-plan']),
  id: UuidSchema,
  reference: z.string(),
  state: z.string(),
  /** the actions the caller's roles (and posts) allow now */
  actions: z.array(z.string()),
  since: IsoDateTimeSchema,
});

export const myTasks = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'task',
  verb: 'mine',
  input: z.object({}).strict(),
  output: z.object({ tasks: z.array(MeetingTaskSchema) }),
  description: "The caller's tasks in the request, weekly-schedule and activity-plan workflows: each item whose state has a step the caller may take.",
});

const ReasonEventSchema = z.object({ check: z.string(), items: z.array(z.string()) });

export const requestAdmitted = defineEvent({
  section: 'meetings',
  aggregate: 'request',
  name: 'admitted',
  subjectKey: 'requestId',
  description: 'A meeting or activity request passed the admission review (经审查合格) and goes on to the opinion.',
  data: z.object({
    requestId: UuidSchema,
    registerNumber: z.string(),
    requestType: RequestTypeSchema,
    requestingUnit: z.string(),
    startsAt: IsoDateTimeSchema.nullable(),
    foreignRelated: z.boolean(),
    admittedAt: IsoDateTimeSchema,
    admittedBy: z.string(),
  }),
  example: {
    requestId: '3c2b1a0f-9e8d-4c7b-8a6f-5e4d3c2b1a0f',
    registerNumber: '会议收文〔2026〕3号',
    requestType: 'unit-meeting',
    requestingUnit: '区发改局',
    startsAt: '2026-03-05T01:30:00.000Z',
    foreignRelated: false,
    admittedAt: '2026-02-10T02:00:00.000Z',
    admittedBy: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  },
});

export const requestReturned = defineEvent({
  section: 'meetings',
  aggregate: 'request',
  name: 'returned',
  subjectKey: 'requestId',
  description: 'A request that failed review was returned to its unit (退文) with every failed check as a reason.',
  data: z.object({
    requestId: UuidSchema,
    registerNumber: z.string(),
    requestingUnit: z.string(),
    reasons: z.array(ReasonEventSchema),
    returnedAt: IsoDateTimeSchema,
    returnedBy: z.string(),
  }),
  example: {
    requestId: '3c2b1a0f-9e8d-4c7b-8a6f-5e4d3c2b1a0f',
    registerNumber: '会议收文〔2026〕4号',
    requestingUnit: '某街道办事处',
    reasons: [{ check: 'lead-time', items: ['10 working days'] }, { check: 'speech-draft', items: [] }],
    returnedAt: '2026-02-10T06:00:00.000Z',
    returnedBy: '7a1e3812-664e-4a7c-81aa-9353e2022f6b',
  },
});

export const requestApproved = defineEvent({
  section: 'meetings',
  aggregate: 'request',
  name: 'approved',
  subjectKey: 'requestId',
  description: 'A district leader approved a request (呈批); its item goes into the weekly schedule of its week.',
  data: z.object({
    requestId: UuidSchema,
    registerNumber: z.string(),
    requestType: RequestTypeSchema,
    startsAt: IsoDateTimeSchema.nullable(),
    leaderIds: z.array(z.string()),
    approvedAt: IsoDateTimeSchema,
    approvedBy: z.string(),
  }),
  example: {
    requestId: '3c2b1a0f-9e8d-4c7b-8a6f-5e4d3c2b1a0f',
    registerNumber: '会议收文〔2026〕3号',
    requestType: 'unit-meeting',
    startsAt: '2026-03-05T01:30:00.000Z',
    leaderIds: ['7012c082-4253-4bc1-b1b4-7cc7a8d3fc59'],
    approvedAt: '2026-02-12T02:00:00.000Z',
    approvedBy: '7012c082-4253-4bc1-b1b4-7cc7a8d3fc59',
  },
});

export const requestReplied = defineEvent({
  section: 'meetings',
  aggregate: 'request',
  name: 'replied',
  subjectKey: 'requestId',
  description: '办复: who was told to prepare what (attendees, drafting sections, the requesting unit, departments).',
  data: z.object({
    requestId: UuidSchema,
    registerNumber: z.string(),
    tasks: z.array(ReplyTaskSchema),
    repliedAt: IsoDateTimeSchema,
    repliedBy: z.string(),
  }),
  example: {
    requestId: '3c2b1a0f-9e8d-4c7b-8a6f-5e4d3c2b1a0f',
    registerNumber: '会议收文〔2026〕5号',
    tasks: [
      { to: 'attending-leaders-and-department-heads', what: 'copy-notice-and-materials' },
      { to: 'drafting-section-government', what: 'prepare-speech' },
    ],
    repliedAt: '2026-02-12T03:00:00.000Z',
    repliedBy: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  },
});

export const foreignAffairsOpinionRequested = defineEvent({
  section: 'meetings',
  aggregate: 'foreign-affairs-opinion',
  name: 'requested',
  subjectKey: 'caseId',
  description:
    'A foreign-related request or activity (涉外政务活动) was sent to foreign affairs (外事科) for its opinion before it reaches the district leader (seed 000 L124).',
  data: z.object({
    caseId: UuidSchema,
    kind: z.enum(['meeting-request', 'activity-plan']),
    /** the register number of a request, or the title of an activity plan */
    reference: z.string(),
    startsAt: IsoDateTimeSchema.nullable(),
    requestedAt: IsoDateTimeSchema,
    requestedBy: z.string(),
  }),
  example: {
    caseId: '3c2b1a0f-9e8d-4c7b-8a6f-5e4d3c2b1a0f',
    kind: 'meeting-request',
    reference: '会议收文〔2026〕6号',
    startsAt: '2026-03-05T01:30:00.000Z',
    requestedAt: '2026-02-11T02:00:00.000Z',
    requestedBy: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  },
});
