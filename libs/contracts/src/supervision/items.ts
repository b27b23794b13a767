import { z } from 'zod';
import { IsoDateTimeSchema, PageSchema, UuidSchema, text, HistoryEntrySchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Supervision items (督查事项), first slice of issue 5: manual 立项 by a supervisor, admission by the office
 * director, 交办 to one lead unit (主办) and optional co-units (协办) with a due date from the item's class.
 * The rules are in services/supervision/src/items/ (seed000-a W14–W15, seed000-b W47, seed004 W9).
 */

/** 督查室 feedback classes (seed 000 L338): 特别紧急, 常规 (半个月), 重大 (一个月), 情况复杂或涉及司法案件 (两个月). */
export const ITEM_CLASSES = ['especially-urgent', 'routine', 'major', 'complex'] as const;
export const ItemClassSchema = z.enum(ITEM_CLASSES);
/** 信访督查督办 classes (seed 000 L1312): 突发紧急 1–5 days, 较为紧急 15, 一般 30, 情况较复杂 60. */
export const CASE_CLASSES = ['sudden', 'fairly-urgent', 'general', 'complex'] as const;
/** An item's class in its deadline table: the office classes, or a petition case's class. */
export const ANY_ITEM_CLASSES = [...ITEM_CLASSES, 'sudden', 'fairly-urgent', 'general'] as const;
export const AnyItemClassSchema = z.enum(ANY_ITEM_CLASSES);
/** Colours of a supervision notice (督办单), ascending severity. */
export const COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export const ColourSchema = z.enum(COLOURS);

export const ITEM_STATES = [
  'proposed', 'declined', 'admitted', 'assigned', 'in-progress', 'report-submitted', 'verified', 'fed-back', 'closed', 'archived',
] as const;
export const ItemStateSchema = z.enum(ITEM_STATES);

/** A unit code as the realm knows it (e.g. QFGW). */
export const UnitCodeSchema = z.string().trim().min(1).max(64);
const IsoDateSchema = z.iso.date();

export const OpenItemInputSchema = z
  .object({
    title: text(200),
    /** the one matter (一事一项) */
    content: text(4000),
    class: ItemClassSchema,
    /** where the matter came from, as the supervisor records it (e.g. 区长办公会 or a phone call) */
    sourceReference: text(500).optional(),
  })
  .strict();
export type OpenItemInput = z.input<typeof OpenItemInputSchema>;

export const AssignItemInputSchema = z
  .object({
    id: UuidSchema,
    leadUnit: UnitCodeSchema,
    coUnits: z.array(UnitCodeSchema).max(50).default([]),
    /** 责任人 */
    responsiblePerson: text(100),
    /**
     * An explicit due date, only where the rules allow: required for an especially urgent item (no later than
     * the routine date); otherwise the supervisor may only shorten the class date.
     */
    dueOn: IsoDateSchema.optional(),
    /** a sudden petition case's days (1–5, seed 000 L1312), when the petitions section did not set them */
    suddenDays: z.number().int().min(1).max(5).optional(),
  })
  .strict();
export type AssignItemInput = z.input<typeof AssignItemInputSchema>;

export const ItemAssigneeSchema = z.object({
  unit: z.string(),
  role: z.enum(['lead', 'co']),
  responsiblePerson: z.string(),
});

export const SupervisionItemViewSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string(),
  title: z.string(),
  content: z.string(),
  sourceKind: z.string(),
  sourceReference: z.string().nullable(),
  class: AnyItemClassSchema,
  /** office (督查室 classes) | petition (信访 classes) */
  deadlineTable: z.enum(['office', 'petition']),
  /** a sudden petition case's days (1–5) */
  suddenDays: z.number().int().nullable(),
  /** false when the source already names the unit and the deadline: no separate 督查通知 (seed 004 L205) */
  needsSeparateNotice: z.boolean(),
  classification: z.string(),
  state: ItemStateSchema,
  round: z.number().int(),
  openedAt: IsoDateTimeSchema,
  openedBy: z.object({ id: z.string(), name: z.string() }),
  admittedAt: IsoDateTimeSchema.nullable(),
  assignedAt: IsoDateTimeSchema.nullable(),
  /** 交办时限: hand over by this day (same or next day, urgent at once; a petition's 交办函 within 2 working days) */
  handOverBy: IsoDateSchema.nullable(),
  assignedOn: IsoDateSchema.nullable(),
  dueOn: IsoDateSchema.nullable(),
  dueSetBy: z.string().nullable(),
  /** the highest colour notice of the current round, null before any */
  colour: ColourSchema.nullable(),
  /** escalation stopped on this day (a report arrived that was not sent back, or the item closed) */
  stoppedOn: IsoDateSchema.nullable(),
  closedAt: IsoDateTimeSchema.nullable(),
  archivedAt: IsoDateTimeSchema.nullable(),
  /** the day the filed item goes to the archives (one year after filing) */
  archiveTransferOn: IsoDateSchema.nullable(),
  assignees: z.array(ItemAssigneeSchema),
  history: z.array(HistoryEntrySchema),
  /** 催办登记: every reminder with its time, content, method and contact person */
  reminders: z.array(
    z.object({
      id: UuidSchema,
      round: z.number().int(),
      at: IsoDateTimeSchema,
      sentOn: IsoDateSchema,
      method: z.string(),
      content: z.string(),
      contactPerson: z.string(),
      approvedBy: z.string().nullable(),
      by: z.object({ id: z.string(), name: z.string() }),
      noticeKey: z.string().nullable(),
    }),
  ),
  /** the notices the daily checks recorded (prompt, reminders, colours), in order */
  notices: z.array(
    z.object({
      round: z.number().int(),
      key: z.string(),
      scheduledOn: IsoDateSchema,
      sentOn: IsoDateSchema,
      colour: ColourSchema.nullable(),
      recordedAt: IsoDateTimeSchema,
    }),
  ),
  /** the lead unit's completion reports and their review */
  reports: z.array(
    z.object({
      id: UuidSchema,
      round: z.number().int(),
      submittedAt: IsoDateTimeSchema,
      submittedBy: z.object({ id: z.string(), name: z.string() }),
      fromUnit: z.string(),
      form: z.string(),
      signedByUnitHead: z.boolean(),
      sealed: z.boolean(),
      summary: z.string(),
      outcome: z.enum(['submitted', 'returned', 'accepted']),
      reasons: z.array(z.object({ code: z.string(), note: z.string().optional() })),
      reviewedAt: IsoDateTimeSchema.nullable(),
    }),
  ),
});
export type SupervisionItemView = z.infer<typeof SupervisionItemViewSchema>;
/** An item in a list: without its history, reminders, notices and reports. */
export const SupervisionItemSummarySchema = SupervisionItemViewSchema.omit({ history: true, reminders: true, notices: true, reports: true });
export type SupervisionItemSummary = z.infer<typeof SupervisionItemSummarySchema>;

export const openItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'open',
  input: OpenItemInputSchema,
  output: SupervisionItemViewSchema,
  description: '立项 by hand: a supervisor registers one matter as a proposed supervision item with its 督办编号 and class.',
});

export const admitItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'admit',
  input: z.object({ id: UuidSchema }).strict(),
  output: SupervisionItemViewSchema,
  description: "The office director's approval (经办公室主任审核同意, 列入督查事项): proposed → admitted.",
});

export const assignItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'assign',
  input: AssignItemInputSchema,
  output: SupervisionItemViewSchema,
  description: '交办: hand an admitted item to exactly one lead unit (主办) and optional co-units (协办); the due date follows the class.',
});

export const getItem = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'item',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: SupervisionItemViewSchema,
  description: 'One supervision item with its units and full history (a unit liaison sees only items handed to its unit).',
});

export const listItems = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'item',
  verb: 'list',
  input: PageSchema.extend({ state: ItemStateSchema.optional(), unit: UnitCodeSchema.optional() }).strict(),
  output: z.object({ items: z.array(SupervisionItemSummarySchema), total: z.number().int() }),
  description: 'Supervision items, newest first, filtered by state and unit (a unit liaison sees only its own unit).',
});

export const itemCreated = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'created',
  subjectKey: 'itemId',
  description: 'A supervision item was opened (立项) and awaits admission. Identifiers and metadata only, no content.',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    sourceKind: z.string(),
    class: AnyItemClassSchema,
    state: ItemStateSchema,
    openedAt: IsoDateTimeSchema,
    openedBy: z.string(),
    /** false when the source already names the unit and the deadline (no separate 督查通知) */
    needsSeparateNotice: z.boolean().optional(),
  }),
  example: {
    itemId: '5f0c3d2e-7a1b-4c8d-9e2f-3a4b5c6d7e8f',
    registerNumber: '督〔2026〕1号',
    sourceKind: 'manual',
    class: 'routine',
    state: 'proposed',
    openedAt: '2026-02-10T02:00:00.000Z',
    openedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});

export const itemAdmitted = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'admitted',
  subjectKey: 'itemId',
  description: "The office director admitted a supervision item (立项批准).",
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    admittedAt: IsoDateTimeSchema,
    admittedBy: z.string(),
  }),
  example: {
    itemId: '5f0c3d2e-7a1b-4c8d-9e2f-3a4b5c6d7e8f',
    registerNumber: '督〔2026〕1号',
    admittedAt: '2026-02-10T03:00:00.000Z',
    admittedBy: '7d2e9f10-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  },
});

export const itemAssigned = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'assigned',
  subjectKey: 'itemId',
  description: '交办: a supervision item was handed to its lead unit and co-units, with its due date; again with round + 1 when a district leader instructs a second round (the clock restarts).',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    leadUnit: z.string(),
    coUnits: z.array(z.string()),
    class: AnyItemClassSchema,
    assignedOn: IsoDateSchema,
    dueOn: IsoDateSchema,
    round: z.number().int(),
    assignedBy: z.string(),
  }),
  example: {
    itemId: '5f0c3d2e-7a1b-4c8d-9e2f-3a4b5c6d7e8f',
    registerNumber: '督〔2026〕1号',
    leadUnit: 'QFGW',
    coUnits: ['QCZJ'],
    class: 'routine',
    assignedOn: '2026-02-10',
    dueOn: '2026-02-25',
    round: 1,
    assignedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
