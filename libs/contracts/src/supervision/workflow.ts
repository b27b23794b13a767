import { z } from 'zod';
import { IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import {
  AnyItemClassSchema,
  ColourSchema,
  SupervisionItemSummarySchema,
  SupervisionItemViewSchema,
  UnitCodeSchema,
} from './items.js';

/**
 * The rest of a supervision item's life (issue 5 §1–§4): declining, the unit's side (receipt, progress,
 * explaining a delay), 催办 with its log, the daily checks (overdue reminders and colour notices), the review
 * of the completion report, the second round, 办结/销号 and filing; with the reads of §8. The rules are in
 * services/supervision/src/items/ (seed000-a W14–W17, seed000-b W47, seed003 W13–W14, seed004 W9).
 */

const IsoDateSchema = z.iso.date();
const id = { id: UuidSchema };
const View = SupervisionItemViewSchema;

export const declineItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'decline',
  input: z.object({ ...id, reason: text(1000) }).strict(),
  output: View,
  description: '不予立项: the office director declines a proposed item, with the reason.',
});

export const acknowledgeItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'acknowledge',
  input: z.object({ ...id, note: text(1000).optional() }).strict(),
  output: View,
  description: "签收: a liaison of a unit the item was handed to confirms receipt (assigned → in-progress).",
});

export const reportProgress = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'report-progress',
  input: z.object({ ...id, progress: text(4000) }).strict(),
  output: View,
  description: '进展情况: a liaison of an assigned unit (lead or co-unit) reports progress.',
});

export const explainDelay = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'explain-delay',
  input: z.object({ ...id, reason: text(2000) }).strict(),
  output: View,
  description: '说明理由: the lead unit explains why the item cannot be finished in time (seed 000 L346, L1318).',
});

export const REMINDER_METHODS = ['phone', 'notice', 'in-person', 'letter', 'summoned-talk', 'on-site', 'joint', 'by-document'] as const;

export const remindItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'remind',
  input: z
    .object({
      ...id,
      /** 电话, 催办通知, 当面, 发函, 约谈, 实地 (approval), 联合 (approval), 发文 */
      method: z.enum(REMINDER_METHODS),
      /** 催办内容 */
      content: text(2000),
      /** 承办单位联系人 */
      contactPerson: text(100),
      /** the principal head who approved on-site or joint supervision */
      approvedBy: text(100).optional(),
    })
    .strict(),
  output: View,
  description: '催办: a supervisor reminds the units, logged with time, content, method and contact person (seed 000 L346).',
});

export const submitReport = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'submit-report',
  input: z
    .object({
      ...id,
      /** the form it came in: only a formal document (公文) counts (seed 000 L1328) */
      form: z.enum(['formal-document', 'minutes', 'investigation-report', 'other']),
      /** 部门主要领导签字 (seed 004 L209) */
      signedByUnitHead: z.boolean(),
      /** 加盖单位公章 (seed 004 L209) */
      sealed: z.boolean(),
      summary: text(4000),
    })
    .strict(),
  output: View,
  description: "办结报告: the lead unit's liaison submits the completion report; escalation stops unless it is sent back.",
});

export const RETURN_REASON_CODES = [
  'not-signed', 'not-sealed', 'wrong-form', 'skips-level', 'facts-unclear', 'judgement-inaccurate',
  'handling-improper', 'instruction-not-followed', 'omission-or-untrue', 'non-compliant',
] as const;

export const returnReport = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'return-report',
  input: z
    .object({
      ...id,
      reasons: z.array(z.object({ code: z.enum(RETURN_REASON_CODES), note: text(1000).optional() }).strict()).min(1).max(10),
    })
    .strict(),
  output: View,
  description: '退回重报: a supervisor sends the report back with reasons (seed 000 L348, L1328); the item is in progress again.',
});

export const acceptReport = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'accept-report',
  input: z.object(id).strict(),
  output: View,
  description: '审核通过: a supervisor accepts a signed, sealed, formal report of the lead unit.',
});

export const feedBackItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'feed-back',
  input: z.object({ ...id, note: text(2000).optional() }).strict(),
  output: View,
  description: '《督查反馈》: the office director approves the feedback to the leader (seed 000 L354).',
});

export const instructAgain = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'instruct-again',
  input: z
    .object({
      ...id,
      /** the leader's new instruction */
      reason: text(2000),
      /** the leader's own deadline for the new round, else the class period from today */
      dueOn: IsoDateSchema.optional(),
    })
    .strict(),
  output: View,
  description: '二次督查: a district leader instructs again on the feedback; the round goes up and the clock restarts (seed 000 L356).',
});

export const closeItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'close',
  input: z.object({ ...id, note: text(1000).optional() }).strict(),
  output: View,
  description: '办结/销号: a supervisor closes the item after the leader read the feedback (seed 000 L328).',
});

export const archiveItem = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'archive',
  input: z.object(id).strict(),
  output: View,
  description: '立卷归档: a supervisor files a closed item (seed 000 L358; seed 004 L211).',
});

export const DailyChecksResultSchema = z.object({
  date: IsoDateSchema,
  /** open items looked at */
  checked: z.number().int(),
  /** notices recorded by this run (none when the day was already checked) */
  notices: z.array(
    z.object({
      itemId: UuidSchema,
      registerNumber: z.string(),
      round: z.number().int(),
      key: z.string(),
      scheduledOn: IsoDateSchema,
      colour: ColourSchema.nullable(),
    }),
  ),
});
export type DailyChecksResult = z.infer<typeof DailyChecksResultSchema>;

export const runDailyChecks = defineCommand({
  section: 'supervision',
  aggregate: 'item',
  verb: 'run-daily-checks',
  input: z.object({ date: IsoDateSchema.optional() }).strict(),
  output: DailyChecksResultSchema,
  description:
    "每日督查检查: for every open item, records the prompt, the overdue reminders and the colour notices due by the date (default today, never a later day); running it again for the same day records nothing new.",
});

export const myItems = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'item',
  verb: 'mine',
  input: PageSchema.extend({ state: z.string().optional() }).strict(),
  output: z.object({ items: z.array(SupervisionItemSummarySchema), total: z.number().int() }),
  description: "My items: a unit liaison's unit's items; every item for the office readers. Open items first by due date.",
});

export const OverdueEntrySchema = z.object({
  item: SupervisionItemSummarySchema,
  leadUnit: z.string().nullable(),
  colour: ColourSchema.nullable(),
  overdueCalendarDays: z.number().int(),
  overdueWorkingDays: z.number().int(),
});

export const overdueBoard = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'item',
  verb: 'overdue-board',
  input: z.object({ colour: ColourSchema.optional(), unit: UnitCodeSchema.optional(), asOf: IsoDateSchema.optional() }).strict(),
  output: z.object({
    asOf: IsoDateSchema,
    entries: z.array(OverdueEntrySchema),
    /** how many overdue items show each colour ('none' before the first notice) */
    byColour: z.object({ none: z.number().int(), blue: z.number().int(), yellow: z.number().int(), orange: z.number().int(), red: z.number().int() }),
  }),
  description: 'The overdue board (逾期督办): open items past their due date, most severe colour first, then the most overdue.',
});

// ---------------------------------------------------------------------------------------------------------
// Events: identifiers and non-classified metadata only.

const ITEM = '5f0c3d2e-7a1b-4c8d-9e2f-3a4b5c6d7e8f';
const ACTOR = '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11';

export const itemDeclined = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'declined',
  subjectKey: 'itemId',
  description: '不予立项: the office director declined a proposed item.',
  data: z.object({ itemId: UuidSchema, registerNumber: z.string(), declinedAt: IsoDateTimeSchema, declinedBy: z.string() }),
  example: { itemId: ITEM, registerNumber: '督〔2026〕1号', declinedAt: '2026-02-10T03:00:00.000Z', declinedBy: ACTOR },
});

export const itemReminded = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'reminded',
  subjectKey: 'itemId',
  description:
    '催办: the units of an item were reminded, by a supervisor or by the daily checks (the overdue reminders, noticeKey reminder-1 / reminder-2, or the prompt before the deadline).',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    round: z.number().int(),
    leadUnit: z.string().nullable(),
    method: z.string(),
    /** prompt | reminder-1 | reminder-2 for the daily checks; null for a supervisor's reminder */
    noticeKey: z.string().nullable(),
    sentOn: IsoDateSchema,
    remindedAt: IsoDateTimeSchema,
    remindedBy: z.string(),
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    round: 1,
    leadUnit: 'QZJJ',
    method: 'letter',
    noticeKey: 'reminder-1',
    sentOn: '2026-02-26',
    remindedAt: '2026-02-26T00:00:00.000Z',
    remindedBy: 'system:supervision-daily-checks',
  },
});

export const itemEscalated = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'escalated',
  subjectKey: 'itemId',
  description: '督办单 colour: an overdue item went up one colour (blue → orange → red by default), recorded by the daily checks.',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    round: z.number().int(),
    leadUnit: z.string().nullable(),
    colour: ColourSchema,
    previousColour: ColourSchema.nullable(),
    dueOn: IsoDateSchema,
    sentOn: IsoDateSchema,
    escalatedAt: IsoDateTimeSchema,
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    round: 1,
    leadUnit: 'QZJJ',
    colour: 'blue',
    previousColour: null,
    dueOn: '2026-02-25',
    sentOn: '2026-02-26',
    escalatedAt: '2026-02-26T00:00:00.000Z',
  },
});

export const itemReported = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'reported',
  subjectKey: 'itemId',
  description: "办结报告: the lead unit submitted its completion report (awaiting 督查室's review).",
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    round: z.number().int(),
    reportId: UuidSchema,
    fromUnit: z.string(),
    submittedAt: IsoDateTimeSchema,
    /** submitted after the due date */
    late: z.boolean(),
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    round: 1,
    reportId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    fromUnit: 'QZJJ',
    submittedAt: '2026-02-20T02:00:00.000Z',
    late: false,
  },
});

export const itemSentBack = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'sent-back',
  subjectKey: 'itemId',
  description: '退回重报: 督查室 sent the completion report back with reason codes; the unit redoes it.',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    round: z.number().int(),
    reportId: UuidSchema,
    leadUnit: z.string(),
    reasons: z.array(z.string()),
    sentBackAt: IsoDateTimeSchema,
    sentBackBy: z.string(),
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    round: 1,
    reportId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    leadUnit: 'QZJJ',
    reasons: ['not-sealed'],
    sentBackAt: '2026-02-21T02:00:00.000Z',
    sentBackBy: ACTOR,
  },
});

export const itemReportAccepted = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'report-accepted',
  subjectKey: 'itemId',
  description: '审核通过: 督查室 accepted the completion report.',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    round: z.number().int(),
    reportId: UuidSchema,
    leadUnit: z.string(),
    acceptedAt: IsoDateTimeSchema,
    acceptedBy: z.string(),
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    round: 1,
    reportId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    leadUnit: 'QZJJ',
    acceptedAt: '2026-02-22T02:00:00.000Z',
    acceptedBy: ACTOR,
  },
});

export const itemClosed = defineEvent({
  section: 'supervision',
  aggregate: 'item',
  name: 'closed',
  subjectKey: 'itemId',
  description: '办结/销号: the item was closed; `onTime` compares the accepted report of the last round with its due date.',
  data: z.object({
    itemId: UuidSchema,
    registerNumber: z.string(),
    sourceKind: z.string(),
    class: AnyItemClassSchema,
    leadUnit: z.string().nullable(),
    rounds: z.number().int(),
    dueOn: IsoDateSchema.nullable(),
    onTime: z.boolean().nullable(),
    closedAt: IsoDateTimeSchema,
    closedBy: z.string(),
  }),
  example: {
    itemId: ITEM,
    registerNumber: '督〔2026〕1号',
    sourceKind: 'manual',
    class: 'routine',
    leadUnit: 'QZJJ',
    rounds: 1,
    dueOn: '2026-02-25',
    onTime: true,
    closedAt: '2026-02-24T02:00:00.000Z',
    closedBy: ACTOR,
  },
});

export const WORKFLOW_EVENTS = [itemDeclined, itemReminded, itemEscalated, itemReported, itemSentBack, itemReportAccepted, itemClosed] as const;
