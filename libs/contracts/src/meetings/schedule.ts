import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * The leaders' weekly schedule (周表, 区领导一周主要工作安排表; issue 4 §2): collected from approved requests and
 * the NPC, CPPCC and discipline-commission offices' pre-arrangements, screened, drafted with conflicts in a
 * leader's time resolved by the deputy director, reviewed, read by the director, approved by BOTH the Party
 * secretary and the district mayor, issued before close of business on Monday, amended with notices.
 * Rules: services/meetings/src/schedule/weekly-schedule.rules.ts (seed 000 L32–40).
 */

export const SCHEDULE_STATES = [
  'collected', 'screened', 'draft', 'in-conflict', 'chief-reviewed', 'deputy-reviewed', 'with-director',
  'awaiting-approvals', 'secretary-approved', 'mayor-approved', 'approved', 'issued', 'amended',
] as const;
export const ScheduleStateSchema = z.enum(SCHEDULE_STATES);

/** Sources a clerk enters by hand; approved requests are collected by the service itself. */
export const MANUAL_ENTRY_SOURCES = ['leader-instruction', 'npc-office', 'cppcc-office', 'discipline-office'] as const;
export const ENTRY_SOURCES = [...MANUAL_ENTRY_SOURCES, 'approved-request'] as const;

const IsoDateSchema = z.iso.date();
const userIds = z.array(z.string().min(1).max(64)).max(50);

export const ScheduleEntryInputSchema = z
  .object({
    source: z.enum(MANUAL_ENTRY_SOURCES),
    startsAt: IsoDateTimeSchema,
    endsAt: IsoDateTimeSchema,
    place: text(200),
    content: text(2000),
    leaderIds: userIds.min(1),
    hostUnit: text(100),
    accompanyingSections: z.array(text(100)).max(20).default([]),
  })
  .strict();
export type ScheduleEntryInput = z.input<typeof ScheduleEntryInputSchema>;

/** A change to one entry (conflict resolution or amendment): only the fields given change. */
export const EntryChangeInputSchema = z
  .object({
    entryId: UuidSchema,
    startsAt: IsoDateTimeSchema.optional(),
    endsAt: IsoDateTimeSchema.optional(),
    place: text(200).optional(),
    leaderIds: userIds.min(1).optional(),
    /** take the entry out of the table, with the reason */
    removeReason: text(500).optional(),
  })
  .strict();

export const ScheduleEntryViewSchema = z.object({
  id: UuidSchema,
  source: z.enum(ENTRY_SOURCES),
  requestId: UuidSchema.nullable(),
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  place: z.string(),
  content: z.string(),
  leaderIds: z.array(z.string()),
  hostUnit: z.string(),
  accompanyingSections: z.array(z.string()),
  excluded: z.boolean(),
  excludedReason: z.string().nullable(),
});

export const ScheduleConflictViewSchema = z.object({
  kind: z.enum(['leader-time', 'venue']),
  /** the leader (leader-time) or the place (venue) */
  subject: z.string(),
  entryIds: z.array(UuidSchema),
});

export const WeeklyScheduleViewSchema = z.object({
  id: UuidSchema,
  weekMonday: IsoDateSchema,
  state: ScheduleStateSchema,
  partySecretaryId: z.string(),
  districtMayorId: z.string(),
  secretaryApprovedAt: IsoDateTimeSchema.nullable(),
  mayorApprovedAt: IsoDateTimeSchema.nullable(),
  issueDueAt: IsoDateTimeSchema,
  issuedAt: IsoDateTimeSchema.nullable(),
  issuedLate: z.boolean().nullable(),
  amendmentCount: z.number().int(),
  entries: z.array(ScheduleEntryViewSchema),
  /** conflicts among the included entries, as the table stands */
  conflicts: z.array(ScheduleConflictViewSchema),
  history: z.array(HistoryEntrySchema),
});
export type WeeklyScheduleView = z.infer<typeof WeeklyScheduleViewSchema>;

export const collectSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'collect',
  input: z
    .object({
      /** the Monday of the week covered */
      weekMonday: IsoDateSchema,
      /** who holds the posts whose approvals the table needs (书记, 区长), user ids */
      partySecretaryId: z.string().min(1).max(64),
      districtMayorId: z.string().min(1).max(64),
      /** leaders' own arrangements and the NPC, CPPCC and discipline offices' pre-arrangements */
      entries: z.array(ScheduleEntryInputSchema).max(300).default([]),
    })
    .strict(),
  output: WeeklyScheduleViewSchema,
  description:
    '收集: the clerk opens the week’s table with the hand-entered items; every approved request of that week is collected with them.',
});

export const screenSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'screen',
  input: z
    .object({ id: UuidSchema, exclusions: z.array(z.object({ entryId: UuidSchema, reason: text(500) }).strict()).max(300).default([]) })
    .strict(),
  output: WeeklyScheduleViewSchema,
  description: '审查: the clerk screens the collected items (every kept item complete and in the week; excluded ones with a reason).',
});

export const draftSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'draft',
  input: z.object({ id: UuidSchema }).strict(),
  output: WeeklyScheduleViewSchema,
  description: '拟办: the draft table; conflicts in a leader’s time (or a venue) are detected and flagged for the deputy director.',
});

export const resolveScheduleConflicts = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'resolve-conflicts',
  input: z.object({ id: UuidSchema, changes: z.array(EntryChangeInputSchema).min(1).max(100), reason: text(1000) }).strict(),
  output: WeeklyScheduleViewSchema,
  description: '协调: the deputy director changes or removes entries until no conflict is left (seed 000 L36).',
});

export const SCHEDULE_STEP_ACTIONS = [
  'review', 'send-back', 'submit-to-director', 'read', 'approve-as-party-secretary', 'approve-as-district-mayor',
] as const;

export const advanceSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'advance',
  input: z.object({ id: UuidSchema, action: z.enum(SCHEDULE_STEP_ACTIONS), reason: text(1000).optional() }).strict(),
  output: WeeklyScheduleViewSchema,
  description:
    '送审 and 呈批: section chief and deputy director review, the director reads, the Party secretary and the district mayor each approve.',
});

export const issueSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'issue',
  input: z.object({ id: UuidSchema }).strict(),
  output: WeeklyScheduleViewSchema,
  description: '发放: the approved table goes to the district leaders and units; after close of business on Monday it is flagged late.',
});

export const amendSchedule = defineCommand({
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'amend',
  input: z
    .object({
      id: UuidSchema,
      add: z.array(ScheduleEntryInputSchema).max(50).default([]),
      /** approved requests of the week approved after the table was collected */
      addRequestIds: z.array(UuidSchema).max(50).default([]),
      changes: z.array(EntryChangeInputSchema).max(50).default([]),
      reason: text(1000),
    })
    .strict(),
  output: WeeklyScheduleViewSchema,
  description: '更改: amend an issued table; the leaders, host units and accompanying sections concerned are notified (event).',
});

export const getSchedule = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'get',
  input: z.object({ id: UuidSchema.optional(), weekMonday: IsoDateSchema.optional() }).strict(),
  output: WeeklyScheduleViewSchema,
  description: 'One weekly table (by id or by its Monday) with entries, conflicts and history.',
});

export const listSchedules = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'list',
  input: PageSchema.extend({ state: ScheduleStateSchema.optional() }).strict(),
  output: z.object({ items: z.array(WeeklyScheduleViewSchema.omit({ history: true, entries: true, conflicts: true })), total: z.number().int() }),
  description: 'Weekly tables, latest week first.',
});

export const leaderWeek = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'schedule',
  verb: 'leader-week',
  input: z.object({ leaderId: z.string().min(1).max(64).optional(), weekMonday: IsoDateSchema }).strict(),
  output: z.object({
    leaderId: z.string(),
    weekMonday: IsoDateSchema,
    scheduleId: UuidSchema.nullable(),
    state: ScheduleStateSchema.nullable(),
    entries: z.array(ScheduleEntryViewSchema),
  }),
  description:
    "A leader's week: the entries of the issued (or amended) table that name the leader, in time order (a district leader reads only their own).",
});

export const scheduleIssued = defineEvent({
  section: 'meetings',
  aggregate: 'schedule',
  name: 'issued',
  subjectKey: 'scheduleId',
  description: 'The weekly table was issued to the district leaders and units; `late` when after close of business on Monday.',
  data: z.object({
    scheduleId: UuidSchema,
    weekMonday: IsoDateSchema,
    issuedAt: IsoDateTimeSchema,
    dueAt: IsoDateTimeSchema,
    late: z.boolean(),
    entryCount: z.number().int(),
    leaderIds: z.array(z.string()),
    hostUnits: z.array(z.string()),
    issuedBy: z.string(),
  }),
  example: {
    scheduleId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    weekMonday: '2026-03-02',
    issuedAt: '2026-03-02T07:00:00.000Z',
    dueAt: '2026-03-02T09:00:00.000Z',
    late: false,
    entryCount: 12,
    leaderIds: ['7012c082-4253-4bc1-b1b4-7cc7a8d3fc59'],
    hostUnits: ['区发改局'],
    issuedBy: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  },
});

export const scheduleAmended = defineEvent({
  section: 'meetings',
  aggregate: 'schedule',
  name: 'amended',
  subjectKey: 'scheduleId',
  description: 'An issued weekly table was changed; the leaders, host units and accompanying sections named are to be told (seed 000 L40, L136).',
  data: z.object({
    scheduleId: UuidSchema,
    weekMonday: IsoDateSchema,
    amendmentNo: z.number().int().min(1),
    changes: z.array(z.object({ entryId: UuidSchema, change: z.enum(['added', 'removed', 'changed']) })),
    notifyLeaderIds: z.array(z.string()),
    notifyUnits: z.array(z.string()),
    notifySections: z.array(z.string()),
    amendedAt: IsoDateTimeSchema,
    amendedBy: z.string(),
  }),
  example: {
    scheduleId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    weekMonday: '2026-03-02',
    amendmentNo: 1,
    changes: [{ entryId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', change: 'changed' }],
    notifyLeaderIds: ['7012c082-4253-4bc1-b1b4-7cc7a8d3fc59'],
    notifyUnits: ['区发改局'],
    notifySections: ['综合二科'],
    amendedAt: '2026-03-03T02:00:00.000Z',
    amendedBy: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  },
});
