import { z } from 'zod';
import { ClassificationSchema, HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Confidential documents (机要文件) and received telegrams (来电, 明传/密码电报). Rules: seed004 W2 (seed 004 L28–40:
 * the 机要室 receives, the office director writes the proposed handling, only the full-time confidential clerk
 * carries, recovered after handling and returned complete by the due date), seed000-b W36–W40 (seed 000
 * L1026–1090), services/documents/src/RULES.md D24–D32. Events carry no title: this track is classified content.
 */

/** A Beijing calendar date, YYYY-MM-DD. */
export const IsoDateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const ConfidentialKindSchema = z.enum(['document', 'telegram']);
export const TelegramChannelSchema = z.enum(['plain', 'cipher']);
export const TelegramPrioritySchema = z.enum(['routine', 'urgent', 'very-urgent', 'flash']);
export const ConfidentialStateSchema = z.enum(['received', 'registered', 'proposal-written', 'with-leader', 'with-unit', 'recovered', 'returned', 'archived', 'destroyed']);
export const ReturnStatusSchema = z.enum(['not-required', 'returned', 'returned-late', 'open', 'due-today', 'overdue']);
const ConfidentialUrgencySchema = z.enum(['normal', 'urgent', 'very-urgent']);

/** The sender's 电报签收清单 line a received telegram is checked against (seed 000 L1062). */
export const TelegramListLineSchema = z
  .object({ number: text(60), copies: z.number().int().min(1).max(10000), pages: z.number().int().min(1).max(100000), priority: TelegramPrioritySchema })
  .strict();

export const RegisterConfidentialInputSchema = z
  .object({
    kind: ConfidentialKindSchema.default('document'),
    title: text(200),
    /** 来文单位 */
    senderUnit: text(100),
    senderDocNumber: text(60).optional(),
    classification: ClassificationSchema,
    urgency: ConfidentialUrgencySchema.default('normal'),
    /** 缓急时限: required for urgent items. */
    deadline: IsoDateOnlySchema.optional(),
    /** 件数 and pages counted at sign-for (逐件清点, seed 000 L1028); the return is checked against them. */
    items: z.number().int().min(1).max(10000),
    pages: z.number().int().min(1).max(100000),
    receivedAt: IsoDateTimeSchema,
    /** 清退: the sender wants it back by `returnDue` (seed 004 L40). */
    mustReturn: z.boolean().default(false),
    returnDue: IsoDateOnlySchema.optional(),
    /** 知悉范围: user ids or unit codes; the registering clerk is always on it. */
    needToKnow: z.array(text(200)).max(100).default([]),
    /** 绝密: the designated handler (专人); defaults to the registering clerk. */
    designatedHandlerId: text(200).optional(),
    /** Telegrams: the channel, as received, and the sign-for list line it is checked against. */
    telegram: z
      .object({
        channel: TelegramChannelSchema,
        number: text(60),
        priority: TelegramPrioritySchema,
        qualityOk: z.boolean().default(true),
        listed: TelegramListLineSchema,
      })
      .strict()
      .optional(),
  })
  .strict();

const PersonSchema = z.object({ id: z.string(), name: z.string() });

export const ConfidentialDocumentViewSchema = z.object({
  id: UuidSchema,
  /** 机要收文〔YYYY〕N号 */
  registerNumber: z.string(),
  kind: ConfidentialKindSchema,
  channel: TelegramChannelSchema.nullable(),
  telegramNumber: z.string().nullable(),
  title: z.string(),
  senderUnit: z.string(),
  senderDocNumber: z.string().nullable(),
  classification: ClassificationSchema,
  urgency: ConfidentialUrgencySchema,
  deadline: z.string().nullable(),
  items: z.number().int(),
  pages: z.number().int(),
  /** Copies made with approval, controlled like originals and recovered with them. */
  copiesMade: z.number().int(),
  receivedAt: IsoDateTimeSchema,
  registeredAt: IsoDateTimeSchema,
  state: ConfidentialStateSchema,
  holder: PersonSchema,
  proposal: z.object({ text: z.string(), byName: z.string(), at: IsoDateTimeSchema }).nullable(),
  instructions: z.array(z.object({ text: z.string(), byName: z.string(), at: IsoDateTimeSchema })),
  mustReturn: z.boolean(),
  returnDue: z.string().nullable(),
  returnedAt: IsoDateTimeSchema.nullable(),
  returnStatus: ReturnStatusSchema,
  history: z.array(HistoryEntrySchema),
});
export type ConfidentialDocumentView = z.infer<typeof ConfidentialDocumentViewSchema>;

const byId = z.object({ id: UuidSchema }).strict();
const command = <I extends z.ZodType>(verb: string, input: I, description: string) =>
  defineCommand({ section: 'documents', aggregate: 'confidential', verb, input, output: ConfidentialDocumentViewSchema, description });

export const registerConfidential = defineCommand({
  section: 'documents',
  aggregate: 'confidential',
  verb: 'register',
  input: RegisterConfidentialInputSchema,
  output: ConfidentialDocumentViewSchema,
  description: '机要文件/来电 签收登记 by the confidential clerk (count, classification, return date; telegrams checked against the sign-for list).',
});

export const writeConfidentialProposal = command(
  'write-proposal',
  z.object({ id: UuidSchema, text: text(2000), readers: z.array(text(200)).max(50).default([]) }).strict(),
  '拟办: the office director writes the proposed handling, naming who receives it (added to the need-to-know list); nothing moves before.',
);

export const carryConfidential = command(
  'carry',
  z.object({ id: UuidSchema, to: z.enum(['leader', 'unit']), recipientId: text(200), recipientName: text(100) }).strict(),
  'Only the confidential clerk carries it to a leader or the handling unit, after the proposal, to someone on its need-to-know list.',
);

export const instructConfidential = command(
  'instruct',
  z.object({ id: UuidSchema, text: z.string().min(1).max(20000).refine((s) => s.trim().length > 0, 'the instruction needs its text') }).strict(),
  'A district leader holding the document records the instruction (批示), verbatim.',
);

export const reportConfidentialProgress = command(
  'report-progress',
  z.object({ id: UuidSchema, note: text(2000) }).strict(),
  'The handling unit reports progress (seed 004 L36).',
);

export const recoverConfidential = command(
  'recover',
  z.object({ id: UuidSchema, items: z.number().int().min(0).max(10000), pages: z.number().int().min(0).max(100000) }).strict(),
  '回收: the confidential clerk takes it back after handling, every item and page counted.',
);

export const returnConfidential = command(
  'return',
  z.object({ id: UuidSchema, items: z.number().int().min(0).max(10000), pages: z.number().int().min(0).max(100000) }).strict(),
  '清退: returned complete to the sender (copy and page count checked), recorded against the due date.',
);

export const archiveConfidential = command('archive', byId, '归档: file a document that need not go back to its sender.');

export const copyConfidential = command(
  'copy',
  z.object({ id: UuidSchema, copies: z.number().int().min(1).max(100), reason: text(500) }).strict(),
  '复印: approved by the director (setting), never for 绝密 documents or cipher telegrams; copies are controlled like originals.',
);

export const approveCipherDestruction = command(
  'approve-destruction',
  z.object({ id: UuidSchema, text: text(500) }).strict(),
  '核准销毁: the leader in charge approves and signs the destruction of a cipher telegram not to be archived (seed 000 L1090).',
);

export const witnessCipherDestruction = command(
  'witness-destruction',
  byId,
  '监销: a secrecy-bureau staff member signs as witness of the destruction.',
);

export const destroyConfidential = command(
  'destroy',
  byId,
  '销毁 a recovered cipher telegram not to be archived: refused without the approval or with fewer than two distinct bureau witnesses.',
);

export const checkTopSecret = command(
  'check',
  z.object({ id: UuidSchema, note: text(500).optional() }).strict(),
  'The bureau head logs a progress check of a 绝密 document (at least twice a day, seed 000 L1040).',
);

export const topSecretCheckAlerts = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'confidential',
  verb: 'top-secret-alerts',
  input: z.object({ day: IsoDateOnlySchema.optional() }).strict(),
  output: z.object({
    day: z.string(),
    required: z.number().int(),
    items: z.array(z.object({ id: UuidSchema, registerNumber: z.string(), state: ConfidentialStateSchema, holder: PersonSchema, checks: z.number().int() })),
  }),
  description: '绝密 documents in progress with fewer progress checks that Beijing day than required (SCENARIOS seed000-b #10). No titles.',
});

export const getConfidential = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'confidential',
  verb: 'get',
  input: byId,
  output: ConfidentialDocumentViewSchema,
  description: 'One confidential document: only within clearance and need-to-know, else NOT_FOUND like an unknown id; every read audited.',
});

export const listConfidential = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'confidential',
  verb: 'list',
  input: PageSchema.extend({
    year: z.number().int().optional(),
    kind: ConfidentialKindSchema.optional(),
    state: ConfidentialStateSchema.optional(),
    titleContains: text(100).optional(),
    /** 待办: only what waits for the caller (to propose, carry, instruct, handle, return or file). */
    waitingForMe: z.boolean().default(false),
  }).strict(),
  output: z.object({ items: z.array(ConfidentialDocumentViewSchema.omit({ history: true })), total: z.number().int() }),
  description: 'The confidential register, newest first, only what the caller may read (each classified entry shown is audited).',
});

export const OverdueReturnSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string(),
  kind: ConfidentialKindSchema,
  classification: ClassificationSchema,
  senderUnit: z.string(),
  state: ConfidentialStateSchema,
  holder: PersonSchema,
  returnDue: z.string().nullable(),
  daysOverdue: z.number().int().nullable(),
});

export const overdueConfidentialReturns = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'confidential',
  verb: 'overdue-returns',
  input: z.object({}).strict(),
  output: z.object({ today: z.string(), items: z.array(OverdueReturnSchema) }),
  description: 'Documents to be returned whose due date has passed (or that have none), without titles: the list the confidential clerk chases.',
});

// ——— events: ids and non-classified metadata only ———

export const confidentialRegistered = defineEvent({
  section: 'documents',
  aggregate: 'confidential',
  name: 'registered',
  subjectKey: 'documentId',
  description: 'A confidential document or received telegram was signed for and registered. Never carries its title.',
  data: z.object({
    documentId: UuidSchema,
    registerNumber: z.string(),
    kind: ConfidentialKindSchema,
    channel: TelegramChannelSchema.nullable(),
    classification: ClassificationSchema,
    senderUnit: z.string(),
    mustReturn: z.boolean(),
    returnDue: z.string().nullable(),
    registeredAt: IsoDateTimeSchema,
    registeredBy: z.string(),
  }),
  example: {
    documentId: '5f0e4c7a-1d1b-4f57-9a39-0c8f5e2b7d11',
    registerNumber: '机要收文〔2026〕3号',
    kind: 'document',
    channel: null,
    classification: 'confidential',
    senderUnit: '市委办公室',
    mustReturn: true,
    returnDue: '2026-12-10',
    registeredAt: '2026-11-20T02:00:00.000Z',
    registeredBy: 'a391bfca-3dd7-4746-9d73-5d0799a2bab7',
  },
});

const MovedSchema = z.object({
  documentId: UuidSchema,
  registerNumber: z.string(),
  classification: ClassificationSchema,
  fromState: ConfidentialStateSchema,
  toState: ConfidentialStateSchema,
  holderId: z.string(),
  by: z.string(),
  at: IsoDateTimeSchema,
});
const movedExample = (fromState: z.infer<typeof ConfidentialStateSchema>, toState: z.infer<typeof ConfidentialStateSchema>) => ({
  documentId: '5f0e4c7a-1d1b-4f57-9a39-0c8f5e2b7d11',
  registerNumber: '机要收文〔2026〕3号',
  classification: 'confidential' as const,
  fromState,
  toState,
  holderId: 'a391bfca-3dd7-4746-9d73-5d0799a2bab7',
  by: 'a391bfca-3dd7-4746-9d73-5d0799a2bab7',
  at: '2026-11-20T03:00:00.000Z',
});
const moved = (name: string, description: string, from: z.infer<typeof ConfidentialStateSchema>, to: z.infer<typeof ConfidentialStateSchema>) =>
  defineEvent({ section: 'documents', aggregate: 'confidential', name, subjectKey: 'documentId', description, data: MovedSchema, example: movedExample(from, to) });

export const confidentialProposalWritten = moved('proposal-written', 'The office director wrote the proposed handling (拟办). No text in the event.', 'registered', 'proposal-written');
export const confidentialCarried = moved('carried', 'The confidential clerk carried the document to a leader or the handling unit; holderId is the new holder.', 'proposal-written', 'with-leader');
export const confidentialInstructed = moved('instructed', 'A district leader recorded an instruction (批示) on a confidential document. No text in the event.', 'with-leader', 'with-leader');
export const confidentialRecovered = moved('recovered', 'The confidential clerk recovered the document complete after handling (回收).', 'with-unit', 'recovered');
export const confidentialReturned = moved('returned', 'The document went back complete to its sender (清退).', 'recovered', 'returned');
export const confidentialArchived = moved('archived', 'The document was filed (归档).', 'recovered', 'archived');
export const confidentialDestroyed = moved('destroyed', 'A cipher telegram not to be archived was destroyed under supervision (监销).', 'recovered', 'destroyed');

export const CONFIDENTIAL_EVENTS = [
  confidentialRegistered, confidentialProposalWritten, confidentialCarried, confidentialInstructed,
  confidentialRecovered, confidentialReturned, confidentialArchived, confidentialDestroyed,
] as const;
