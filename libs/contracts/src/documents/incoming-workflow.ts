import { z } from 'zod';
import { ClassificationSchema, IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import { GivenGroundSchema, IncomingDocumentViewSchema, PersonSchema, UrgencySchema } from './incoming.js';
import { InstructionRouteSchema } from './instructions.js';

/**
 * The steps of an incoming request, report or letter after registration (issue 3 §1): 初审 → 退文 | 受理 → 拟办 →
 * (法制/外事 opinion) → 送审 → 呈批 → 批示 → 承办 / 传阅 → 催办 → 办结 → 办复 → 归档. Every step is one command on
 * `documents.incoming.<verb>`; each answers the document view. A step that moves the paper names `handTo`: the
 * item then waits in that person's inbox until they sign for it (`receive`), and only the holder acts on it
 * (seed 000 L174, L228, L254: 每个交接环节都要履行签收手续). Rules: services/documents/src/incoming-review/.
 */

const IsoDateSchema = z.iso.date();
const id = UuidSchema;
const handTo = PersonSchema.optional();
const View = IncomingDocumentViewSchema;

function step<S extends z.ZodRawShape>(verb: string, shape: S, description: string) {
  return defineCommand({
    section: 'documents',
    aggregate: 'incoming',
    verb,
    input: z.object({ id, handTo, ...shape }).strict(),
    output: View,
    description,
  });
}

export const receiveIncoming = defineCommand({
  section: 'documents',
  aggregate: 'incoming',
  verb: 'receive',
  input: z.object({ id }).strict(),
  output: View,
  description: '签收 on a hand-over: the person the item was handed to signs for it and becomes its holder.',
});

export const handOverIncoming = defineCommand({
  section: 'documents',
  aggregate: 'incoming',
  verb: 'hand-over',
  input: z.object({ id, handTo: PersonSchema }).strict(),
  output: View,
  description: 'Hand the paper to someone without a change of state (e.g. back to the clerk); it waits for their signature.',
});

export const proposeIncomingReturn = step(
  'propose-return',
  { grounds: z.array(GivenGroundSchema).min(1).max(10), opinion: text(1000).optional() },
  '初审 → 拟退文意见: the clerk proposes returning the item with one or more of the ten typed grounds (seed 000 L150–164).',
);
export const endorseIncomingReturn = step('endorse-return', { comment: text(500).optional() }, '科室负责人 endorses the proposed return.');
export const approveIncomingReturn = step('approve-return', { comment: text(500).optional() }, '办公室分管主任 approves the return: the item goes back to the sender with its notice.');
export const rejectIncomingReturn = step('reject-return', { reason: text(500) }, 'The chief or deputy director rejects the proposed return; the item is back at 初审.');
export const acceptIncoming = step('accept', {}, '初审合格, 受理: the item is accepted for handling.');
export const proposeIncomingHandling = step(
  'propose-handling',
  {
    opinion: text(2000),
    involvesLegalMatters: z.boolean().default(false),
    involvesForeignAffairs: z.boolean().default(false),
    /** the item must go to the district head (a principal leader): the director signs off (seed 004 L18) */
    needsPrincipalLeader: z.boolean().default(false),
    /** a formal document not from the three higher levels (非上三级来文): 3 copies and the 送批件 (seed 002 L387) */
    fromNonSuperiorSource: z.boolean().default(false),
    coverSheetAttached: z.boolean().default(false),
  },
  '拟办: the clerk writes the proposed handling (文件处理表); legal or foreign-affairs matters need those sections\u2019 opinion.',
);
export const routeIncomingForOpinion = step('route-for-opinion', {}, 'The deputy director sends the item to 法制办 / 外事科 for their opinion (an event asks them).');
export const recordIncomingSectionOpinion = step(
  'record-section-opinion',
  { section: z.enum(['legal', 'foreign-affairs']), text: text(2000) },
  'The legal or foreign-affairs officer records their section\u2019s opinion.',
);
export const submitIncomingForReview = step('submit-for-review', {}, '送审: the handler submits the proposal to the section chief.');
export const approveIncomingProposal = step('approve-proposal', { comment: text(500).optional() }, 'The section chief approves the proposal; it goes to the deputy director.');
export const sendBackIncoming = step('send-back', { reason: text(500) }, 'The chief, deputy director or director sends the proposal back to the handler.');
export const referIncomingToDirector = step('refer-to-director', {}, 'The deputy director refers the item to the office director (items for the principal leader).');
export const submitIncomingToLeaders = step(
  'submit-to-leaders',
  {
    leaders: z.array(z.object({ id: text(100), name: text(50), rank: z.number().int().min(1) }).strict()).min(1).max(20),
    tracker: PersonSchema.optional(),
  },
  '呈批: the office sends the item to one or more district leaders, who sign in ascending rank (junior first); urgent items name a tracker.',
);
export const transferIncoming = step(
  'transfer',
  {
    leadUnit: text(100),
    coUnits: z.array(text(100)).max(30).default([]),
    deadline: IsoDateSchema.optional(),
    important: z.boolean().default(false),
    chaser: PersonSchema.optional(),
  },
  '转办: the office leader sends the item straight to an undertaking unit without leaders\u2019 instruction.',
);
export const signIncomingInstruction = step(
  'sign-instruction',
  {
    /** verbatim: stored exactly as given, never trimmed */
    text: z.string().min(1).max(5000),
    stance: z.enum(['agree', 'disagree', 'other']).default('other'),
    /** units the instruction sends the item to */
    sendsTo: z.array(text(100)).max(30).default([]),
    /** matters the instruction sends to other sections (documents.incomingRouted on close) */
    routes: z
      .array(
        z
          .object({
            to: InstructionRouteSchema,
            matter: text(2000).optional(),
            leadUnit: text(100).optional(),
            coUnits: z.array(text(100)).max(30).default([]),
            dueOn: IsoDateSchema.optional(),
            urgent: z.boolean().default(false),
          })
          .strict(),
      )
      .max(4)
      .default([]),
  },
  '批示: a district leader records an instruction, in turn (ascending rank), verbatim.',
);
export const closeIncomingInstructions = step('close-instructions', {}, 'The clerk closes the instructions once every planned leader has signed in order; routed matters go out as events.');
export const resolveIncomingInstructions = step(
  'resolve-instructions',
  { followInstructionId: UuidSchema, reason: text(500) },
  'The office leader in charge decides which of disagreeing leaders\u2019 instructions is followed (批示意见不一致).',
);
export const assignIncoming = step(
  'assign',
  {
    leadUnit: text(100),
    coUnits: z.array(text(100)).max(30).default([]),
    deadline: IsoDateSchema.optional(),
    important: z.boolean().default(false),
    chaser: PersonSchema.optional(),
    /** sent to the finance bureau to apply for funds: the original instruction goes with it (seed 000 L174) */
    toFinanceForFunds: z.boolean().default(false),
  },
  '承办: one lead unit (主办) and co-units (协办); urgent items carry a deadline and urgent or important ones a chaser.',
);
export const circulateIncoming = step(
  'circulate',
  { readers: z.array(z.object({ id: text(100), name: text(50), kind: z.enum(['office-director', 'office-leader', 'unit']) }).strict()).min(1).max(30) },
  '传阅: an item for reading goes out the day it was registered, to the office director, the other office leaders, then units.',
);
export const passOnIncoming = step('pass-on', {}, '传阅: the clerk passes the item to the next reader on the list (handTo defaults to that reader).');
export const finishIncomingCirculation = step('finish-circulation', {}, 'Every reader has had it: circulation is over.');
export const chaseIncoming = step('chase', { note: text(500) }, '催办: a chaser records a reminder to the undertaking unit.');
export const completeIncoming = step('complete', { result: text(2000) }, '办结: the undertaking unit has finished.');
export const replyIncoming = step('reply', { reply: text(2000) }, '办复: the result is answered to the sender.');
export const archiveIncoming = step('archive', {}, '归档: the item is filed (a reply is due first where one is required).');

export const incomingInbox = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'incoming',
  verb: 'inbox',
  input: z.object({}).strict(),
  output: z.object({
    items: z.array(
      z.object({
        /** why it is in the inbox: to sign for, in hand to act on, or to chase */
        reason: z.enum(['to-sign-for', 'in-hand', 'to-chase']),
        document: View.omit({ history: true }),
      }),
    ),
  }),
  description: 'What waits for me: items handed to me to sign for, items I hold, and items I chase.',
});

// ——— events (no classified content: titles are null when classified, instruction texts never travel) ———

const Ref = {
  documentId: UuidSchema,
  registerNumber: z.string(),
  classification: ClassificationSchema,
  title: z.string().nullable(),
};
const refExample = {
  documentId: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
  registerNumber: '收文〔2026〕15号',
  classification: 'none' as const,
  title: '关于申请老旧小区改造专项资金的请示',
};

export const incomingReturned = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'returned',
  subjectKey: 'documentId',
  description: '初审退文: the deputy director approved returning the item to its sender, with its typed grounds.',
  data: z.object({ ...Ref, senderUnit: z.string(), grounds: z.array(z.string()), approvedBy: z.string(), returnedAt: IsoDateTimeSchema }),
  example: { ...refExample, senderUnit: '区住房和建设局', grounds: ['wrong-format-or-type'], approvedBy: 'u-deputy', returnedAt: '2026-11-20T03:00:00.000Z' },
});

export const incomingOpinionRequested = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'opinion-requested',
  subjectKey: 'documentId',
  description: '拟办: the item involves legal or foreign-affairs matters and was sent to those sections for their opinion.',
  data: z.object({ ...Ref, sections: z.array(z.enum(['legal', 'foreign-affairs'])), requestedBy: z.string(), requestedAt: IsoDateTimeSchema }),
  example: { ...refExample, sections: ['legal'], requestedBy: 'u-deputy', requestedAt: '2026-11-20T03:00:00.000Z' },
});

export const incomingHandedOver = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'handed-over',
  subjectKey: 'documentId',
  description: 'The item was handed to someone and now waits in their inbox for their signature (签收).',
  data: z.object({ ...Ref, fromId: z.string(), toId: z.string(), action: z.string(), handedAt: IsoDateTimeSchema }),
  example: { ...refExample, fromId: 'u-clerk', toId: 'u-chief', action: 'submit-for-review', handedAt: '2026-11-20T03:00:00.000Z' },
});

export const incomingInstructed = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'instructed',
  subjectKey: 'documentId',
  description: '批示: a district leader signed an instruction on the item (the text is not carried).',
  data: z.object({ ...Ref, instructionId: UuidSchema, leaderId: z.string(), rank: z.number().int().nullable(), instructedAt: IsoDateTimeSchema, remainingSigners: z.number().int() }),
  example: { ...refExample, instructionId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', leaderId: 'u-leader', rank: 1, instructedAt: '2026-11-20T03:00:00.000Z', remainingSigners: 0 },
});

export const incomingAssigned = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'assigned',
  subjectKey: 'documentId',
  description: '承办 (or 转办): the item was given to a lead unit and co-units, with its deadline.',
  data: z.object({
    ...Ref,
    leadUnit: z.string(),
    coUnits: z.array(z.string()),
    deadline: IsoDateSchema.nullable(),
    urgency: UrgencySchema,
    transferred: z.boolean(),
    assignedAt: IsoDateTimeSchema,
  }),
  example: { ...refExample, leadUnit: 'QZJJ', coUnits: ['QCZJ'], deadline: '2026-12-04', urgency: 'urgent', transferred: false, assignedAt: '2026-11-20T03:00:00.000Z' },
});

export const incomingCompleted = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'completed',
  subjectKey: 'documentId',
  description: '办结: handling (or circulation) of the item is finished.',
  data: z.object({ ...Ref, completedAt: IsoDateTimeSchema, onTime: z.boolean().nullable() }),
  example: { ...refExample, completedAt: '2026-11-27T03:00:00.000Z', onTime: true },
});

export const incomingArchived = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'archived',
  subjectKey: 'documentId',
  description: '归档: the item was filed; it goes to the district archives by the transfer date.',
  data: z.object({ ...Ref, archivedAt: IsoDateTimeSchema, transferDue: IsoDateSchema }),
  example: { ...refExample, archivedAt: '2026-11-28T03:00:00.000Z', transferDue: '2026-12-31' },
});

export const INCOMING_WORKFLOW_EVENTS = [
  incomingReturned,
  incomingOpinionRequested,
  incomingHandedOver,
  incomingInstructed,
  incomingAssigned,
  incomingCompleted,
  incomingArchived,
] as const;
