import { z } from 'zod';
import { IsoDateTimeSchema, PageSchema, UuidSchema, text, HistoryEntrySchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * NPC deputies' suggestions and CPPCC members' proposals (人大代表建议、政协委员提案) handled by 督查室 (issue 5 §5):
 * received, responsibility assigned within 20 working days, sent back by a unit within 10 days, a check at day
 * 45, the reply within 3 months (6 at the latest) graded A–D, an "unsatisfied" response reopens it. Rules:
 * services/supervision/src/items/npc-cppcc.rules.ts (seed000-a W17, seed001 D5, seed004 W10b).
 */

export const NPC_KINDS = ['npc-suggestion', 'cppcc-proposal'] as const;
export const NpcKindSchema = z.enum(NPC_KINDS);
export const NPC_STATES = ['received', 'assigned', 'sent-back', 'explained', 'replied', 'reopened', 'closed'] as const;
export const NpcStateSchema = z.enum(NPC_STATES);
export const NPC_MODES = ['sole', 'split', 'lead-and-co'] as const;
export const NpcModeSchema = z.enum(NPC_MODES);
export const REPLY_GRADE_LETTERS = ['A', 'B', 'C', 'D'] as const;
export const ReplyGradeSchema = z.enum(REPLY_GRADE_LETTERS);
export const PROPOSER_RESPONSES = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export const ProposerResponseSchema = z.enum(PROPOSER_RESPONSES);

const IsoDateSchema = z.iso.date();
const UnitCode = z.string().trim().min(1).max(64);

export const ProposerSchema = z.object({ name: text(100), leads: z.boolean().default(false) }).strict();

export const ReceiveNpcInputSchema = z
  .object({
    kind: NpcKindSchema,
    externalNumber: text(100),
    title: text(200),
    content: text(8000),
    proposers: z.array(ProposerSchema).min(1).max(100),
    /** the day it came from the 人大/政协; today when absent; never in the future */
    receivedOn: IsoDateSchema.optional(),
  })
  .strict();
export type ReceiveNpcInput = z.input<typeof ReceiveNpcInputSchema>;

export const AssignNpcInputSchema = z
  .object({
    id: UuidSchema,
    mode: NpcModeSchema,
    leadUnit: UnitCode,
    coUnits: z.array(UnitCode).max(50).default([]),
    responsiblePerson: text(100),
  })
  .strict();

export const NpcUnitSchema = z.object({ unit: z.string(), role: z.enum(['lead', 'co']), responsiblePerson: z.string() });

export const NpcItemViewSchema = z.object({
  id: UuidSchema,
  kind: NpcKindSchema,
  externalNumber: z.string(),
  title: z.string(),
  content: z.string(),
  proposers: z.array(z.object({ name: z.string(), leads: z.boolean() })),
  state: NpcStateSchema,
  receivedOn: IsoDateSchema,
  assignBy: IsoDateSchema,
  mode: NpcModeSchema.nullable(),
  round: z.number().int(),
  assignedOn: IsoDateSchema.nullable(),
  assignedLate: z.boolean(),
  midpointCheckOn: IsoDateSchema.nullable(),
  midpointCheckedOn: IsoDateSchema.nullable(),
  sendBackBy: IsoDateSchema.nullable(),
  replyBy: IsoDateSchema.nullable(),
  replyLatestBy: IsoDateSchema.nullable(),
  replyDueOn: IsoDateSchema.nullable(),
  explainedOn: IsoDateSchema.nullable(),
  reopenedOn: IsoDateSchema.nullable(),
  repliedOn: IsoDateSchema.nullable(),
  repliedLate: z.boolean().nullable(),
  grade: ReplyGradeSchema.nullable(),
  replyReference: z.string().nullable(),
  response: ProposerResponseSchema.nullable(),
  closedAt: IsoDateTimeSchema.nullable(),
  units: z.array(NpcUnitSchema),
  history: z.array(HistoryEntrySchema),
});
export type NpcItemView = z.infer<typeof NpcItemViewSchema>;

const NPC = { section: 'supervision', aggregate: 'npc-cppcc' } as const;

export const receiveNpcItem = defineCommand({
  ...NPC,
  verb: 'receive',
  input: ReceiveNpcInputSchema,
  output: NpcItemViewSchema,
  description: '接收: a supervisor registers a suggestion or proposal from the 人大/政协; responsibility is due within 20 working days.',
});

export const assignNpcItem = defineCommand({
  ...NPC,
  verb: 'assign',
  input: AssignNpcInputSchema,
  output: NpcItemViewSchema,
  description: '交办: responsibility to a lead unit (主办) and co-units (会办); the clocks (day 45, 10 days, 3 and 6 months) start.',
});

export const sendBackNpcItem = defineCommand({
  ...NPC,
  verb: 'send-back',
  input: z.object({ id: UuidSchema, opinion: text(2000), sealed: z.boolean() }).strict(),
  output: NpcItemViewSchema,
  description: '退回: the lead unit says it is not its matter, within 10 days of the assignment, with a sealed written opinion.',
});

export const explainNpcItem = defineCommand({
  ...NPC,
  verb: 'explain',
  input: z.object({ id: UuidSchema, explanation: text(2000) }).strict(),
  output: NpcItemViewSchema,
  description: '说明情况: the lead unit told the proposer before the 3-month limit that the reply needs longer (6 months at the latest).',
});

export const replyNpcItem = defineCommand({
  ...NPC,
  verb: 'reply',
  input: z.object({ id: UuidSchema, grade: ReplyGradeSchema, replyReference: text(200) }).strict(),
  output: NpcItemViewSchema,
  description: '答复: the lead unit replies, graded A/B/C/D; a reply after its due date is recorded as late.',
});

export const recordNpcResponse = defineCommand({
  ...NPC,
  verb: 'record-response',
  input: z.object({ id: UuidSchema, response: ProposerResponseSchema, note: text(2000).optional() }).strict(),
  output: NpcItemViewSchema,
  description: "征求意见表: the proposer's response; unsatisfied reopens the item (重新办理), otherwise it is closed.",
});

export const checkNpcItem = defineCommand({
  ...NPC,
  verb: 'check',
  input: z.object({ id: UuidSchema, note: text(2000) }).strict(),
  output: NpcItemViewSchema,
  description: '过半检查: 督查室 records the mid-point check (day 45 after the assignment).',
});

export const getNpcItem = defineCommand({
  kind: 'query',
  ...NPC,
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: NpcItemViewSchema,
  description: 'One suggestion or proposal with its units and history (a unit liaison sees only those handed to its unit).',
});

export const listNpcItems = defineCommand({
  kind: 'query',
  ...NPC,
  verb: 'list',
  input: PageSchema.extend({ kind: NpcKindSchema.optional(), state: NpcStateSchema.optional(), unit: UnitCode.optional() }).strict(),
  output: z.object({ items: z.array(NpcItemViewSchema.omit({ history: true })), total: z.number().int() }),
  description: 'Suggestions and proposals, newest first, by kind, state and unit.',
});

export const NPC_CHECK_KINDS = ['assign-responsibility', 'midpoint-check', 'reply'] as const;

export const dueNpcChecks = defineCommand({
  kind: 'query',
  ...NPC,
  verb: 'due-checks',
  input: z.object({ on: IsoDateSchema }).strict(),
  output: z.object({
    on: IsoDateSchema,
    checks: z.array(
      z.object({
        itemId: UuidSchema,
        kind: NpcKindSchema,
        externalNumber: z.string(),
        state: NpcStateSchema,
        check: z.enum(NPC_CHECK_KINDS),
        dueOn: IsoDateSchema,
        /** the date has passed (the due date itself is not overdue) */
        overdue: z.boolean(),
        leadUnit: z.string().nullable(),
      }),
    ),
  }),
  description: 'What is due by a date: assignments (20 working days), mid-point checks (day 45) and replies (3/6 months, redo).',
});

// ---------------------------------------------------------------------------------------------------------
// Events: identifiers and metadata only (no title, no content, no proposer names).

const base = { itemId: UuidSchema, kind: NpcKindSchema, externalNumber: z.string() };
const example = { itemId: '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d', kind: 'npc-suggestion' as const, externalNumber: '2026年第15号' };

export const npcReceived = defineEvent({
  ...NPC,
  name: 'received',
  subjectKey: 'itemId',
  description: 'A suggestion or proposal was received by 督查室; responsibility is due by assignBy.',
  data: z.object({ ...base, receivedOn: IsoDateSchema, assignBy: IsoDateSchema, receivedBy: z.string() }),
  example: { ...example, receivedOn: '2026-03-02', assignBy: '2026-03-30', receivedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11' },
});

export const npcAssigned = defineEvent({
  ...NPC,
  name: 'assigned',
  subjectKey: 'itemId',
  description: 'Responsibility for a suggestion or proposal was assigned, with its clocks.',
  data: z.object({
    ...base,
    mode: NpcModeSchema,
    leadUnit: z.string(),
    coUnits: z.array(z.string()),
    round: z.number().int(),
    assignedOn: IsoDateSchema,
    assignedLate: z.boolean(),
    midpointCheckOn: IsoDateSchema,
    sendBackBy: IsoDateSchema,
    replyBy: IsoDateSchema,
    replyLatestBy: IsoDateSchema,
    assignedBy: z.string(),
  }),
  example: {
    ...example,
    mode: 'lead-and-co',
    leadUnit: 'QZJJ',
    coUnits: ['QFGW'],
    round: 1,
    assignedOn: '2026-03-10',
    assignedLate: false,
    midpointCheckOn: '2026-04-24',
    sendBackBy: '2026-03-20',
    replyBy: '2026-06-10',
    replyLatestBy: '2026-09-10',
    assignedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});

export const npcSentBack = defineEvent({
  ...NPC,
  name: 'sent-back',
  subjectKey: 'itemId',
  description: 'The lead unit sent a suggestion or proposal back as not its matter; 督查室 assigns it again.',
  data: z.object({ ...base, unit: z.string(), round: z.number().int(), sentBackOn: IsoDateSchema, sentBackBy: z.string() }),
  example: { ...example, unit: 'QZJJ', round: 1, sentBackOn: '2026-03-15', sentBackBy: '00000000-0000-4000-8000-0000000000f1' },
});

export const npcExplained = defineEvent({
  ...NPC,
  name: 'explained',
  subjectKey: 'itemId',
  description: 'The lead unit told the proposer the reply needs longer; it is now due by the latest limit.',
  data: z.object({ ...base, explainedOn: IsoDateSchema, replyDueOn: IsoDateSchema }),
  example: { ...example, explainedOn: '2026-05-20', replyDueOn: '2026-09-10' },
});

export const npcChecked = defineEvent({
  ...NPC,
  name: 'checked',
  subjectKey: 'itemId',
  description: '督查室 recorded the mid-point check (过半检查).',
  data: z.object({ ...base, checkedOn: IsoDateSchema, midpointCheckOn: IsoDateSchema, checkedBy: z.string() }),
  example: { ...example, checkedOn: '2026-04-24', midpointCheckOn: '2026-04-24', checkedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11' },
});

export const npcReplied = defineEvent({
  ...NPC,
  name: 'replied',
  subjectKey: 'itemId',
  description: 'The lead unit replied to the proposer, graded A–D; late when after the due date.',
  data: z.object({ ...base, unit: z.string(), grade: ReplyGradeSchema, repliedOn: IsoDateSchema, replyDueOn: IsoDateSchema, late: z.boolean() }),
  example: { ...example, unit: 'QZJJ', grade: 'A', repliedOn: '2026-06-01', replyDueOn: '2026-06-10', late: false },
});

export const npcReopened = defineEvent({
  ...NPC,
  name: 'reopened',
  subjectKey: 'itemId',
  description: 'The proposer was unsatisfied: the item is reopened for a new reply (重新办理).',
  data: z.object({ ...base, reopenedOn: IsoDateSchema, replyDueOn: IsoDateSchema, leadUnit: z.string().nullable() }),
  example: { ...example, reopenedOn: '2026-06-20', replyDueOn: '2026-07-05', leadUnit: 'QZJJ' },
});

export const npcClosed = defineEvent({
  ...NPC,
  name: 'closed',
  subjectKey: 'itemId',
  description: 'A suggestion or proposal was closed after a satisfied or basically satisfied response.',
  data: z.object({ ...base, response: ProposerResponseSchema, grade: ReplyGradeSchema.nullable(), closedAt: IsoDateTimeSchema }),
  example: { ...example, response: 'satisfied', grade: 'A', closedAt: '2026-06-20T02:00:00.000Z' },
});
