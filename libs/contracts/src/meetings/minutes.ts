import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Minutes (会议纪要) as other sections see them: each decision of issued minutes is one item of
 * `gov.meetings.minutes.issued`, which supervision turns into one supervision item (issue 4 §5, issue 5 §1).
 */

const IsoDateSchema = z.iso.date();

export const MinutesDecisionSchema = z.object({
  /** 1-based, in the order of the minutes; with minutesId the decision's identity */
  decisionNo: z.number().int().min(1),
  /** the decided matter; null when the minutes are classified */
  matter: z.string().nullable(),
  /** the undertaking unit the minutes name, if any */
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  /** the deadline the minutes name, if any */
  dueOn: IsoDateSchema.nullable(),
  /**
   * Who follows the decision up (督查和反馈): `supervision` (督查室 / 区目督室 opens a supervision item) or
   * `liaison-cadre` (the office's liaison cadre of the meeting, 联系科级干部: 副区长专题会议, seed 002 L459).
   * Absent means `supervision` (events from before the field, and the meetings service writes it only for the
   * liaison cadre); read it with {@link followUpOf}.
   */
  followUp: z.enum(['supervision', 'liaison-cadre']).optional(),
});
export type MinutesDecision = z.infer<typeof MinutesDecisionSchema>;
/** A decision as a producer writes it. */
export type MinutesDecisionInput = z.input<typeof MinutesDecisionSchema>;
export type MinutesFollowUp = NonNullable<MinutesDecision['followUp']>;

/** Who follows the decision up: its `followUp`, `supervision` when absent. */
export function followUpOf(decision: Pick<MinutesDecision, 'followUp'>): MinutesFollowUp {
  return decision.followUp ?? 'supervision';
}

export const minutesIssued = defineEvent({
  section: 'meetings',
  aggregate: 'minutes',
  name: 'issued',
  subjectKey: 'minutesId',
  description:
    'Minutes (纪要) were issued. One item per decision; supervision opens one supervision item per decision followed up by supervision (followUp), keyed by minutesId and decisionNo; decisions followed up by the liaison cadre (副区长专题会议) open none.',
  data: z.object({
    minutesId: UuidSchema,
    meetingId: UuidSchema,
    /** the meeting type code of the reference data (e.g. executive, standing-committee) */
    meetingType: z.string(),
    /** the minutes' number, e.g. 区政府常务会议纪要〔2026〕3号 */
    number: z.string(),
    /** null when classified */
    title: z.string().nullable(),
    classification: z.enum(['none', 'secret', 'confidential', 'top-secret']),
    issuedOn: IsoDateSchema,
    issuedAt: IsoDateTimeSchema,
    issuedBy: z.string(),
    decisions: z.array(MinutesDecisionSchema),
  }),
  example: {
    minutesId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    meetingType: 'executive',
    number: '区政府常务会议纪要〔2026〕3号',
    title: '区政府第3次常务会议纪要',
    classification: 'none',
    issuedOn: '2026-03-12',
    issuedAt: '2026-03-12T01:00:00.000Z',
    issuedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
    decisions: [
      { decisionNo: 1, matter: '原则通过《老旧小区改造实施方案》，由区住建局牵头实施。', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-06-30', followUp: 'supervision' },
      { decisionNo: 2, matter: '区财政局研究资金保障办法。', leadUnit: 'QCZJ', coUnits: [], dueOn: null },
    ],
  },
});

// ---- Commands (issue 4 §5): draft by the responsible section, reviews, registration with the number,
// signatures (the office director; for major matters the relevant leaders), issue the day after signing. ----

export const MINUTES_STATES = ['drafted', 'section-reviewed', 'deputy-reviewed', 'registered', 'in-signature', 'signed', 'issued', 'archived'] as const;

/** One decision (议定事项) as the drafter records it: every decision names its lead unit (一事一项). */
export const MinutesDecisionInputSchema = z
  .object({
    text: z.string().trim().min(1).max(4000),
    leadUnit: z.string().trim().min(1).max(64),
    coUnits: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
    dueDate: IsoDateSchema.nullable().default(null),
    requiresDocument: z.boolean().default(false),
  })
  .strict();

export const DraftMinutesInputSchema = z
  .object({
    meetingId: UuidSchema,
    title: z.string().trim().min(1).max(200),
    /** major matters: the relevant leaders sign too (seed 003 L13@c11995) */
    major: z.boolean().default(false),
    relevantLeaderIds: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    decisions: z.array(MinutesDecisionInputSchema).min(1).max(100),
  })
  .strict();
export type DraftMinutesInput = z.input<typeof DraftMinutesInputSchema>;

export const MinutesSignatureViewSchema = z.object({
  signerId: z.string(),
  signerName: z.string(),
  step: z.string(),
  at: IsoDateTimeSchema,
});

export const MinutesViewSchema = z.object({
  id: UuidSchema,
  meetingId: UuidSchema,
  meetingTypeCode: z.string(),
  title: z.string(),
  classification: z.enum(['none', 'secret', 'confidential', 'top-secret']),
  major: z.boolean(),
  state: z.enum(MINUTES_STATES),
  number: z.string().nullable(),
  decisions: z.array(
    z.object({ text: z.string(), leadUnit: z.string(), coUnits: z.array(z.string()), dueDate: IsoDateSchema.nullable(), requiresDocument: z.boolean() }),
  ),
  draftedAt: IsoDateTimeSchema,
  draftDueAt: IsoDateTimeSchema,
  /** executive-24-hours | standing-committee | general | urgent */
  draftBasis: z.string(),
  draftOverdue: z.boolean(),
  /** standing committee: issued within a week (seed 003 L13@c11913) */
  issueDueAt: IsoDateTimeSchema.nullable(),
  /** who still has to sign, in order (role:…, post:…, leader:…) */
  requiredSigners: z.array(z.string()),
  missingSigners: z.array(z.string()),
  signatures: z.array(MinutesSignatureViewSchema),
  signedAt: IsoDateTimeSchema.nullable(),
  /** the day after signing (seed 004 L91) */
  issueDueAfterSigningAt: IsoDateTimeSchema.nullable(),
  issuedAt: IsoDateTimeSchema.nullable(),
  issuedLate: z.boolean().nullable(),
  history: z.array(HistoryEntrySchema),
});
export type MinutesView = z.infer<typeof MinutesViewSchema>;

const MinutesIdInput = z.object({ id: UuidSchema }).strict();

export const draftMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'draft',
  input: DraftMinutesInputSchema,
  output: MinutesViewSchema,
  description: '起草纪要: the responsible section drafts the minutes of a held meeting; the due time follows the meeting type.',
});

export const reviewMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'review',
  input: MinutesIdInput,
  output: MinutesViewSchema,
  description: 'The section chief, then the deputy director, review the draft (their reviews are the first signatures).',
});

export const sendBackMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'send-back',
  input: z.object({ id: UuidSchema, reason: z.string().trim().min(1).max(500) }).strict(),
  output: MinutesViewSchema,
  description: 'The deputy director sends the minutes back to be redrafted.',
});

export const registerMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'register',
  input: MinutesIdInput,
  output: MinutesViewSchema,
  description: '办文科登记: the minutes get their number like a document (e.g. 区委常委会议纪要〔2026〕3号), gap-free per series and year.',
});

export const signMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'sign',
  input: MinutesIdInput,
  output: MinutesViewSchema,
  description: '审签: the office director and, for major matters, the relevant leaders sign, in order.',
});

export const completeMinutesSigning = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'complete-signing',
  input: MinutesIdInput,
  output: MinutesViewSchema,
  description: 'Signing is complete once every required signature is there, in order.',
});

export const issueMinutes = defineCommand({
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'issue',
  input: z
    .object({
      id: UuidSchema,
      /**
       * the number of the separate 重大问题会议纪要, required for major-issue minutes of the 常委会 and the 常务会议
       * ("同时撰写重大问题会议纪要", seed 000 L560(1), L632(2)), refused for others
       */
      majorIssueMinutesNumber: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  output: MinutesViewSchema,
  description: '印发: issued the day after signing (seed 004 L91); each decision becomes one item of gov.meetings.minutes.issued.',
});

export const getMinutes = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'minutes',
  verb: 'get',
  input: MinutesIdInput,
  output: MinutesViewSchema,
  description: 'One set of minutes with its decisions, deadlines, signatures and history.',
});
