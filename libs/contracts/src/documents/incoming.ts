import { z } from 'zod';
import { ClassificationSchema, HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Incoming documents (收文). Registration rules: seed000-a W9 (seed 000 L166: fields 来文单位, 收文日期, 标题,
 * 办文编号, 密级; a processing receipt for the sender), seed001 A (seed 001 L1040: 编号登记 and every flow step
 * recorded at once), national-rules 2.1 (the 15 document types and urgency marks of 党政机关公文处理工作条例).
 */

/** 文种: the 15 types of 党政机关公文处理工作条例 art. 8, plus 其他 for items that are not formal documents. */
export const DOCUMENT_TYPES = [
  '决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要', '其他',
] as const;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);

/** 紧急程度: 特急 / 加急, or an ordinary item (平件). */
export const UrgencySchema = z.enum(['normal', 'urgent', 'very-urgent']);
export type Urgency = z.infer<typeof UrgencySchema>;

/**
 * Where an incoming document stands: 登记 → 初审 (退文 or 受理) → 拟办 → 送审 → 呈批 → 批示 → 承办 / 传阅 → 办结 →
 * 办复 → 归档 (services/documents/src/incoming-review/initial-review.rules.ts, INCOMING_REVIEW_TRANSITIONS).
 */
export const INCOMING_STATUSES = [
  'received', 'registered', 'return-proposed', 'return-endorsed', 'returned', 'accepted', 'proposed',
  'awaiting-section-opinion', 'chief-review', 'deputy-review', 'director-review', 'with-leaders', 'instructed',
  'in-handling', 'circulating', 'completed', 'replied', 'archived',
] as const;
export const IncomingStatusSchema = z.enum(INCOMING_STATUSES);
export type IncomingStatus = z.infer<typeof IncomingStatusSchema>;

/** A person named on a hand-over or a plan (id as in the token's `sub`, name as printed). */
export const PersonSchema = z.object({ id: text(100), name: text(50) }).strict();
export type Person = z.infer<typeof PersonSchema>;
const PersonViewSchema = z.object({ id: z.string(), name: z.string() });

/** A typed return ground as given (⑩ other needs its text). */
export const GivenGroundSchema = z.object({ ground: text(60), text: text(500).optional() }).strict();

/** The workflow part of the view: what the steps after registration have recorded. */
export const IncomingWorkflowViewSchema = z.object({
  /** 交接中: the person the item was handed to and who has not yet signed for it (the holder keeps it until then). */
  inTransitTo: PersonViewSchema.nullable(),
  returnGrounds: z.array(z.object({ ground: z.string(), text: z.string().nullable() })),
  /** 退文通知: the grounds as printed on the notice to the sender. */
  returnNotice: z.array(z.string()),
  /** 拟办意见 */
  proposal: z.string().nullable(),
  involvesLegalMatters: z.boolean(),
  involvesForeignAffairs: z.boolean(),
  needsPrincipalLeader: z.boolean(),
  sectionOpinions: z.array(z.object({ section: z.string(), text: z.string(), by: PersonViewSchema, at: IsoDateTimeSchema })),
  /** 呈批: the leaders in signing order (ascending rank: junior first). */
  leaders: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number().int().nullable() })),
  /** Who may sign next (empty when all have signed or the item is not with the leaders). */
  nextSigners: z.array(PersonViewSchema),
  tracker: PersonViewSchema.nullable(),
  instructions: z.array(
    z.object({
      id: UuidSchema,
      leader: PersonViewSchema,
      rank: z.number().int().nullable(),
      /** verbatim, as the leader wrote it */
      text: z.string(),
      stance: z.enum(['agree', 'disagree', 'other']),
      signedAt: IsoDateTimeSchema,
      routes: z.array(z.string()),
    }),
  ),
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  important: z.boolean(),
  deadline: z.string().nullable(),
  chaser: PersonViewSchema.nullable(),
  /** 催办: where the item stands against its deadline today (Beijing). */
  chaseStatus: z.enum(['no-deadline', 'open', 'due-today', 'overdue']),
  replyRequired: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: IsoDateTimeSchema.nullable(),
  archivedAt: IsoDateTimeSchema.nullable(),
  /** 传阅 list in circulation order */
  readers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});

export const RegisterIncomingInputSchema = z
  .object({
    title: text(200),
    senderUnit: text(100),
    senderDocNumber: text(60).optional(),
    docType: DocumentTypeSchema,
    urgency: UrgencySchema.default('normal'),
    classification: ClassificationSchema.default('none'),
    copies: z.number().int().min(1).max(10000),
    pages: z.number().int().min(1).max(100000).optional(),
    summary: text(2000).optional(),
    receivedAt: IsoDateTimeSchema,
  })
  .strict();
export type RegisterIncomingInput = z.input<typeof RegisterIncomingInputSchema>;

export const IncomingDocumentViewSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string(),
  title: z.string(),
  senderUnit: z.string(),
  senderDocNumber: z.string().nullable(),
  docType: DocumentTypeSchema,
  urgency: UrgencySchema,
  classification: ClassificationSchema,
  copies: z.number().int(),
  pages: z.number().int().nullable(),
  summary: z.string().nullable(),
  receivedAt: IsoDateTimeSchema,
  registeredAt: IsoDateTimeSchema,
  status: IncomingStatusSchema,
  holder: z.object({ id: z.string(), name: z.string() }),
  history: z.array(HistoryEntrySchema),
}).extend(IncomingWorkflowViewSchema.shape);
export type IncomingDocumentView = z.infer<typeof IncomingDocumentViewSchema>;

/** 办文回执: what the sender is given back on registration. */
export const ProcessingReceiptSchema = z.object({
  registerNumber: z.string(),
  title: z.string(),
  senderUnit: z.string(),
  receivedAt: IsoDateTimeSchema,
  registeredAt: IsoDateTimeSchema,
  registeredBy: z.string(),
});

export const registerIncoming = defineCommand({
  section: 'documents',
  aggregate: 'incoming',
  verb: 'register',
  input: RegisterIncomingInputSchema,
  output: z.object({ document: IncomingDocumentViewSchema, receipt: ProcessingReceiptSchema }),
  description: '收文登记: sign for and register a received document, giving it a register number (办文编号).',
});

export const getIncoming = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'incoming',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: IncomingDocumentViewSchema,
  description: 'One incoming document with its full history and current holder (classified: clearance checked, read audited).',
});

export const listIncoming = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'incoming',
  verb: 'list',
  input: PageSchema.extend({
    year: z.number().int().optional(),
    titleContains: text(100).optional(),
    /** registered on or after this Beijing date (YYYY-MM-DD) */
    registeredFrom: z.iso.date().optional(),
    /** registered on or before this Beijing date (YYYY-MM-DD) */
    registeredTo: z.iso.date().optional(),
    status: IncomingStatusSchema.optional(),
    docType: DocumentTypeSchema.optional(),
    urgency: UrgencySchema.optional(),
    senderUnit: text(100).optional(),
    leadUnit: text(100).optional(),
    overdueOnly: z.boolean().optional(),
  }).strict(),
  output: z.object({ items: z.array(IncomingDocumentViewSchema.omit({ history: true })), total: z.number().int() }),
  description:
    'The incoming register by period (Beijing dates) with filters, newest first; titleContains searches Chinese titles (trigram index).',
});

export const incomingRegistered = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'registered',
  subjectKey: 'documentId',
  description:
    'An incoming document was registered (收文登记). title is null when the document is classified: events never carry classified content.',
  data: z.object({
    documentId: UuidSchema,
    registerNumber: z.string(),
    title: z.string().nullable(),
    docType: DocumentTypeSchema,
    urgency: UrgencySchema,
    classification: ClassificationSchema,
    senderUnit: z.string(),
    receivedAt: IsoDateTimeSchema,
    registeredAt: IsoDateTimeSchema,
    registeredBy: z.string(),
  }),
  example: {
    documentId: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
    registerNumber: '收文〔2026〕15号',
    title: '关于申请老旧小区改造专项资金的请示',
    docType: '请示',
    urgency: 'urgent',
    classification: 'none',
    senderUnit: '区住房和建设局',
    receivedAt: '2026-11-20T09:30:00+08:00',
    registeredAt: '2026-11-20T10:02:11.000Z',
    registeredBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
