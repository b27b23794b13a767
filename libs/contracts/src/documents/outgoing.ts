import { z } from 'zod';
import { ClassificationSchema, HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import { DocumentTypeSchema, UrgencySchema } from './incoming.js';

/**
 * Outgoing documents (发文): 拟稿 → 初核/登记 → 拟办 (文种, 行文规格, 会稿, 法制审核) → 核稿 → 副主任审核 → 签发 → 复核 →
 * 编号 → 校对 → 印制 (份号) → 用印 → 分发 → 归档 (seed000-a W10, seed 000 L182–240; seed002 W19; seed003 W5;
 * seed004 W3; 条例 art. 22, 25). The rules are in services/documents/src/outgoing/; these are the wire shapes.
 */

/** The states of the outgoing state table (services/documents/src/outgoing/outgoing.rules.ts). */
export const OUTGOING_STATES = [
  'submitted', 'return-proposed', 'return-endorsed', 'returned', 'registered', 'proposed', 'joint-review',
  'legal-review', 'chief-check', 'revising', 'deputy-review', 'signing', 'rechecking', 'awaiting-resign',
  'rechecked', 'numbered', 'proofread', 'printed', 'sealed', 'distributed', 'archived', 'withdrawn',
] as const;
export const OutgoingStateSchema = z.enum(OUTGOING_STATES);

/** 发文机关 / 行文规格. */
export const ISSUING_NAMES = ['party-committee', 'government', 'party-government-joint', 'party-office', 'government-office', 'offices-joint'] as const;
export const IssuingNameSchema = z.enum(ISSUING_NAMES);

/** Posts that sign (one person may hold several). */
export const LEADER_POSTS = [
  'party-secretary', 'district-head', 'standing-committee-member', 'deputy-district-head', 'party-office-director',
  'government-office-director', 'office-deputy-director',
] as const;
export const LeaderPostSchema = z.enum(LEADER_POSTS);

/** 行政许可、行政处罚、行政收费、行政强制措施 (seed 004 L44). */
export const LegalTopicSchema = z.enum(['licensing', 'penalty', 'fee', 'compulsory-measure']);

export const DISTRIBUTION_CHANNELS = [
  'exchange-station', 'mobile-office-platform', 'hand-delivery', 'confidential-courier', 'postal-confidential',
  'city-confidential-exchange', 'confidential-clerk', 'cipher-telegram', 'accredited-network',
] as const;
export const DistributionChannelSchema = z.enum(DISTRIBUTION_CHANNELS);

const id = z.object({ id: UuidSchema });
const FullDate = text(40);

// ——— views ———

export const SignOffViewSchema = z.object({
  signerId: z.string(),
  signerName: z.string(),
  signedName: z.string(),
  opinion: z.string(),
  decision: z.enum(['agree', 'disagree']),
  signedAt: z.string(),
  posts: z.array(LeaderPostSchema),
  round: z.number().int(),
  kind: z.enum(['sign', 're-sign']),
  proxy: z.object({ kind: z.enum(['ab-post', 'authorised']), onBehalfOf: z.string(), consentRef: z.string() }).nullable(),
  laterSignaturePending: z.boolean(),
});

export const OpinionViewSchema = z.object({
  kind: z.enum(['joint', 'legal']),
  unit: z.string().nullable(),
  opinion: z.string(),
  signedName: z.string().nullable(),
  signedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  opinionNumber: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});

export const OutgoingDocumentViewSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string().nullable(),
  documentNumber: z.string().nullable(),
  title: z.string(),
  draftingUnit: z.string(),
  summary: z.string().nullable(),
  classification: ClassificationSchema,
  urgency: UrgencySchema,
  docType: DocumentTypeSchema.nullable(),
  issuingName: IssuingNameSchema.nullable(),
  major: z.boolean(),
  upward: z.boolean(),
  portfolios: z.array(z.string()),
  generalDistribution: z.boolean(),
  toCityGovernment: z.boolean(),
  jointReview: z.object({ required: z.boolean(), units: z.array(z.string()) }),
  legalReview: z.object({ required: z.boolean(), reasons: z.array(z.string()), status: z.enum(['not-required', 'pending', 'requested', 'passed', 'failed']) }),
  status: OutgoingStateSchema,
  holder: z.object({ id: z.string(), name: z.string() }),
  /** What may happen next and which roles may do it (the rows leaving the current state), for inboxes. */
  nextActions: z.array(z.object({ action: z.string(), roles: z.array(z.string()) })),
  /** The signatures of the current round, in order, and which are in (签发). */
  signingPlan: z.array(z.object({ id: z.string(), labelZh: z.string(), satisfied: z.boolean() })),
  signOffs: z.array(SignOffViewSchema),
  opinions: z.array(OpinionViewSchema),
  proofMark: z
    .object({ text: z.string(), proofreaderName: z.string(), at: IsoDateTimeSchema, warnings: z.array(z.string()) })
    .nullable(),
  copyNumbers: z.array(z.string()),
  copies: z.number().int().nullable(),
  seal: z
    .object({
      mode: z.enum(['none', 'printed-on', 'stamped']),
      seals: z.array(z.string()),
      at: IsoDateTimeSchema,
      /** The 印章使用登记簿 entry (seals workflow) of a stamped seal; null when printed on or none. */
      sealRegisterRef: z.string().nullable(),
    })
    .nullable(),
  distribution: z
    .object({ channel: DistributionChannelSchema, recipients: z.array(z.string()), at: IsoDateTimeSchema, status: z.enum(['on-time', 'late']) })
    .nullable(),
  distributionDueAt: IsoDateTimeSchema.nullable(),
  submittedAt: IsoDateTimeSchema,
  numberedAt: IsoDateTimeSchema.nullable(),
  archivedAt: IsoDateTimeSchema.nullable(),
  /** 电子文档名称 `文号-文种-标题(yyyy.mm.dd)` (seed 002 L399–401), once archived; null before. */
  eDocumentName: z.string().nullable(),
  history: z.array(HistoryEntrySchema),
});
export type OutgoingDocumentView = z.infer<typeof OutgoingDocumentViewSchema>;
export const OutgoingSummaryViewSchema = OutgoingDocumentViewSchema.omit({ history: true, signOffs: true, opinions: true, signingPlan: true });
export type OutgoingSummaryView = z.infer<typeof OutgoingSummaryViewSchema>;

const view = OutgoingDocumentViewSchema;
const cmd = <I extends z.ZodType>(verb: string, input: I, description: string) =>
  defineCommand({ section: 'documents', aggregate: 'outgoing', verb, input, output: view, description });

// ——— commands ———

export const SubmitDraftInputSchema = z
  .object({
    title: text(200),
    draftingUnit: text(100),
    summary: text(4000).optional(),
    classification: ClassificationSchema.default('none'),
    urgency: UrgencySchema.default('normal'),
    /** 知悉范围 of a classified draft (user ids or unit codes); defaults to the drafter and the office. */
    needToKnow: z.array(text(100)).max(200).optional(),
  })
  .strict();
export const submitOutgoingDraft = cmd('submit-draft', SubmitDraftInputSchema, '拟稿: a department or section submits a draft to be issued.');

/** One 初核 return ground (key of OUTGOING_RETURN_GROUNDS; ⑩ `other` needs a text). */
export const OutgoingReturnGroundSchema = z.object({ ground: text(60), text: text(500).optional() }).strict();
export const proposeOutgoingReturn = cmd(
  'propose-return',
  id.extend({ grounds: z.array(OutgoingReturnGroundSchema).min(1).max(10) }).strict(),
  '初核 退文: the clerk proposes returning the draft on one or more of the ten grounds (seed 000 L188–200).',
);
export const endorseOutgoingReturn = cmd('endorse-return', id.strict(), '退文: the section chief endorses the proposed return.');
export const approveOutgoingReturn = cmd('approve-return', id.strict(), '退文: the deputy director in charge approves the return; the drafter is told.');
export const rejectOutgoingReturn = cmd('reject-return', id.extend({ reason: text(500) }).strict(), '退文: the chief or deputy director refuses the return; the draft goes back to 初核.');
export const registerOutgoing = cmd('register', id.strict(), '登记: the draft is accepted and given a register number (办文流程单).');

export const NormativeElementsSchema = z
  .object({ affectsRightsOrDuties: z.boolean(), publishedAndRepeatedlyApplied: z.boolean(), generallyBinding: z.boolean() })
  .strict();
export const ProposeHandlingInputSchema = id
  .extend({
    docType: DocumentTypeSchema,
    issuingName: IssuingNameSchema,
    major: z.boolean().default(false),
    upward: z.boolean().default(false),
    portfolios: z.array(text(40)).max(20).default([]),
    delegatedToOffice: z.boolean().default(false),
    generalDistribution: z.boolean().default(false),
    toCityGovernment: z.boolean().default(false),
    /** the line's liaison secretary (联络秘书, seed 002 L369): a warning if they proofread */
    liaisonSecretaryId: text(200).optional(),
    normative: z.union([z.boolean(), NormativeElementsSchema]).default(false),
    effectiveSixMonthsOrLess: z.boolean().default(false),
    involvesLegalMatters: z.boolean().default(false),
    topics: z.array(LegalTopicSchema).max(4).default([]),
    majorAdministrativeDecision: z.boolean().default(false),
    jointReview: z
      .object({
        policyOrNormative: z.boolean().default(false),
        competentDepartments: z.number().int().min(0).max(100).default(0),
        modifiedDepartmentDraft: z.boolean().default(false),
        units: z.array(text(100)).max(50).default([]),
      })
      .strict()
      .default({ policyOrNormative: false, competentDepartments: 0, modifiedDepartmentDraft: false, units: [] }),
    opinion: text(2000).optional(),
  })
  .strict();
export const proposeOutgoingHandling = cmd(
  'propose-handling',
  ProposeHandlingInputSchema,
  '拟办: the clerk sets the 文种 (one of the 15), the issuing name, whether 会稿 and legal review are needed.',
);
export const requestOutgoingJointReview = cmd('request-joint-review', id.strict(), '会稿: send a clean proof to the units concerned.');
export const recordOutgoingJointOpinion = cmd(
  'record-joint-opinion',
  id.extend({ unit: text(100), opinion: text(2000), signedName: text(60), signedAt: FullDate }).strict(),
  '会稿: one unit’s explicit agree or disagree with name and full date (seed 002 L381).',
);
export const closeOutgoingJointReview = cmd(
  'close-joint-review',
  id.extend({ ruling: z.object({ by: text(60), text: text(2000) }).strict().optional() }).strict(),
  '会稿 closed: every unit answered; a disagreement needs the leaders’ ruling (seed 001 L163).',
);
export const requestOutgoingLegalReview = cmd(
  'request-legal-review',
  id.strict(),
  '法制审核: the deputy director sends the draft to legal review; it cannot proceed until a passing opinion arrives.',
);
export const submitOutgoingForCheck = cmd('submit-for-check', id.strict(), '送核稿: to the section chief, once type, 会稿 and legal review are in order.');
export const checkOutgoing = cmd(
  'check',
  id.extend({ content: z.boolean(), format: z.boolean(), wording: z.boolean(), remarks: text(2000).optional() }).strict(),
  '核稿 by the section chief: content, format and wording (seed 000 L216–224); any failure returns it for revision.',
);
export const resubmitOutgoing = cmd('resubmit', id.extend({ changes: text(2000) }).strict(), '修改后重新送核: the revised draft goes back to the section chief.');
export const reviewOutgoingAsDeputy = cmd(
  'deputy-review',
  id.extend({ decision: z.enum(['submit-for-signature', 'return-for-revision']), opinion: text(2000) }).strict(),
  '办公室分管领导审核 (seed 000 L226): send for signature (the opinion is written 拟同意) or return for revision.',
);
export const SignOffInputSchema = id
  .extend({
    opinion: text(2000),
    signedName: text(60),
    signedAt: FullDate,
    proxy: z
      .object({ kind: z.enum(['ab-post', 'authorised']), onBehalfOf: UuidSchema.or(text(100)), consentRef: z.string().max(200) })
      .strict()
      .optional(),
    laterSignaturePending: z.boolean().default(false),
  })
  .strict();
export const signOutgoing = cmd(
  'sign',
  SignOffInputSchema,
  '签发: a leader in the signing plan signs with agree or disagree, name and full date; a disagreement returns the draft.',
);
export const closeOutgoingSigning = cmd('close-signing', id.strict(), '文稿送签完后: the clerk sends the signed draft to 复核.');
export const recheckOutgoing = cmd(
  'recheck',
  id.strict(),
  '复核 by the section chief (seed 000 L230): missing or skip-level signatures send it back to signing and block numbering.',
);
export const changeOutgoingAfterSigning = cmd(
  'change-after-signing',
  id.extend({ kind: z.enum(['substantive', 'editorial']), description: text(2000) }).strict(),
  'A change after signing: a substantive one goes back to the original signer (seed 003 L13@c8963; 条例 art. 25).',
);
export const reSignOutgoing = cmd('re-sign', SignOffInputSchema, '原签批人复审: the original signer signs the changed draft again.');
export const numberOutgoing = cmd('assign-number', id.strict(), '编号: 文号 <代字>〔YYYY〕N号, gap-free per 代字 and year.');
export const withdrawOutgoing = cmd(
  'withdraw',
  id.extend({ reason: text(500) }).strict(),
  'Withdraw a numbered draft before distribution: its 文号 is voided with the reason and stays on record.',
);
export const proofreadOutgoing = cmd(
  'proofread',
  id.extend({ text: z.string().max(50), proofreaderName: text(60) }).strict(),
  '校对: the mark "已校核。此稿付印存档。" with the proofreader’s name and time (seed 002 L383).',
);
export const secondProofreadOutgoing = cmd(
  'second-proofread',
  id.extend({ byName: text(60) }).strict(),
  '二校 by the 研究室 director for documents to the city government (seed 002 L317).',
);
export const printOutgoing = cmd(
  'print',
  id.extend({ copies: z.number().int().min(1).max(999999), siteMeetsSecrecyRules: z.boolean().default(false) }).strict(),
  '印制: print run with 份号 per copy; classified only at premises meeting the secrecy rules.',
);
export const sealOutgoing = cmd(
  'apply-seal',
  id.extend({ sealRegisterRef: text(100).optional() }).strict(),
  '用印: printed on (套印) for general distribution, stamped otherwise (seed 000 L236); 纪要 carry none.',
);
export const distributeOutgoing = cmd(
  'distribute',
  id.extend({ channel: DistributionChannelSchema, recipients: z.array(text(100)).min(1).max(500) }).strict(),
  '分发: within 24 hours (flagged when late); classified documents only through the secrecy section and its channels.',
);
export const archiveOutgoing = cmd(
  'archive',
  /** eDocumentName: the file name of the electronic document, checked against 文号-文种-标题(yyyy.mm.dd) (seed 002 L399–401). */
  id.extend({ eDocumentName: text(300).optional() }).strict(),
  '归档: the original and its processing record are filed; the e-document is named 文号-文种-标题(yyyy.mm.dd).',
);

export const setSignatory = defineCommand({
  section: 'documents',
  aggregate: 'outgoing',
  verb: 'set-signatory',
  input: z
    .object({
      userId: text(200),
      name: text(60),
      posts: z.array(LeaderPostSchema).min(1).max(7),
      portfolios: z.array(text(40)).max(30).default([]),
      rank: z.number().int().min(1).max(9999).nullable().default(null),
      active: z.boolean().default(true),
    })
    .strict(),
  output: z.object({ userId: z.string(), name: z.string(), posts: z.array(LeaderPostSchema), portfolios: z.array(z.string()), rank: z.number().int().nullable(), active: z.boolean() }),
  description: 'The leader directory used by the signing rules: posts, portfolios (分管) and rank of each signer.',
});

export const getOutgoing = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'outgoing',
  verb: 'get',
  input: id.strict(),
  output: view,
  description: 'One outgoing draft or document with its full history, sign-offs, opinions and current holder.',
});

export const ListOutgoingInputSchema = PageSchema.extend({
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  status: OutgoingStateSchema.optional(),
  docType: DocumentTypeSchema.optional(),
  issuingName: IssuingNameSchema.optional(),
  draftingUnit: text(100).optional(),
  titleContains: text(100).optional(),
  /** Only documents printed (or numbered, per setting) and not distributed within the 24-hour norm (seed 000 L238). */
  distributionOverdue: z.boolean().optional(),
}).strict();
export const listOutgoing = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'outgoing',
  verb: 'list',
  input: ListOutgoingInputSchema,
  output: z.object({ items: z.array(OutgoingSummaryViewSchema), total: z.number().int() }),
  description: 'The outgoing register by period (submitted between from and to), with filters and Chinese title search.',
});

/** Why a draft is in my outgoing inbox: I hold it, or a role of mine acts next by the state table (or both). */
export const OutgoingInboxReasonSchema = z.enum(['in-hand', 'my-role-acts-next']);
export const outgoingInbox = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'outgoing',
  verb: 'inbox',
  input: PageSchema.strict(),
  output: z.object({
    items: z.array(
      z.object({
        reasons: z.array(OutgoingInboxReasonSchema).min(1),
        /** The table actions leaving the current state that a role of mine may take (empty when I only hold it). */
        myActions: z.array(z.string()),
        document: OutgoingSummaryViewSchema,
      }),
    ),
    total: z.number().int(),
  }),
  description:
    'What waits for me (发文): drafts I hold and drafts in a state where a role of mine acts next, oldest first; classified drafts outside my clearance or 知悉范围 are left out, each classified one shown is audited.',
});

// ——— events (identifiers and non-classified metadata only: title null when classified) ———

const EX_ID = '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a';
const EX_ACTOR = '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11';

export const outgoingRegistered = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'registered',
  subjectKey: 'documentId',
  description: 'A draft to be issued passed 初核 and was registered (登记). title is null when classified.',
  data: z.object({
    documentId: UuidSchema,
    registerNumber: z.string(),
    title: z.string().nullable(),
    classification: ClassificationSchema,
    draftingUnit: z.string(),
    registeredAt: IsoDateTimeSchema,
    registeredBy: z.string(),
  }),
  example: {
    documentId: EX_ID,
    registerNumber: '发文登记〔2026〕7号',
    title: '关于印发《区级行政规范性文件管理办法》的通知',
    classification: 'none',
    draftingUnit: '区司法局',
    registeredAt: '2026-03-01T02:00:00.000Z',
    registeredBy: EX_ACTOR,
  },
});

export const outgoingReturned = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'returned',
  subjectKey: 'documentId',
  description: 'A draft was returned to its drafting unit (退文) on typed grounds, approved by the deputy director.',
  data: z.object({
    documentId: UuidSchema,
    draftingUnit: z.string(),
    grounds: z.array(z.string()).min(1),
    returnedAt: IsoDateTimeSchema,
    approvedBy: z.string(),
  }),
  example: { documentId: EX_ID, draftingUnit: '区住建局', grounds: ['not-coordinated'], returnedAt: '2026-03-01T02:00:00.000Z', approvedBy: EX_ACTOR },
});

export const outgoingRecheckFailed = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'recheck-failed',
  subjectKey: 'documentId',
  description: '复核 found missing (漏签) or skip-level (越级签发) signatures: numbering is blocked and the office leader in charge is told (seed 000 L230).',
  data: z.object({
    documentId: UuidSchema,
    problems: z.array(z.string()).min(1),
    missingSteps: z.array(z.string()),
    checkedAt: IsoDateTimeSchema,
    checkedBy: z.string(),
  }),
  example: { documentId: EX_ID, problems: ['missing'], missingSteps: ['issue'], checkedAt: '2026-03-03T02:00:00.000Z', checkedBy: EX_ACTOR },
});

export const outgoingSignedOff = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'signed-off',
  subjectKey: 'documentId',
  description: '签发 complete and 复核 passed: every signature of the plan is in order.',
  data: z.object({ documentId: UuidSchema, signerIds: z.array(z.string()).min(1), recheckedAt: IsoDateTimeSchema, recheckedBy: z.string() }),
  example: { documentId: EX_ID, signerIds: [EX_ACTOR], recheckedAt: '2026-03-03T02:00:00.000Z', recheckedBy: EX_ACTOR },
});

export const outgoingNumbered = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'numbered',
  subjectKey: 'documentId',
  description: 'The document got its 文号 (<代字>〔YYYY〕N号, gap-free per 代字 and year). title is null when classified.',
  data: z.object({
    documentId: UuidSchema,
    documentNumber: z.string(),
    prefix: z.string(),
    year: z.number().int(),
    sequence: z.number().int(),
    title: z.string().nullable(),
    docType: DocumentTypeSchema,
    issuingName: IssuingNameSchema,
    classification: ClassificationSchema,
    numberedAt: IsoDateTimeSchema,
    numberedBy: z.string(),
  }),
  example: {
    documentId: EX_ID,
    documentNumber: '区委办发〔2026〕12号',
    prefix: '区委办发',
    year: 2026,
    sequence: 12,
    title: '关于做好2026年春节期间值班工作的通知',
    docType: '通知',
    issuingName: 'party-office',
    classification: 'none',
    numberedAt: '2026-03-04T02:00:00.000Z',
    numberedBy: EX_ACTOR,
  },
});

export const outgoingNumberVoided = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'number-voided',
  subjectKey: 'documentId',
  description: 'A numbered document was withdrawn: its 文号 is void, kept on record with the reason, never reused.',
  data: z.object({ documentId: UuidSchema, documentNumber: z.string(), reason: z.string(), voidedAt: IsoDateTimeSchema, voidedBy: z.string() }),
  example: { documentId: EX_ID, documentNumber: '区委办发〔2026〕12号', reason: '情况变化,停止发文', voidedAt: '2026-03-04T03:00:00.000Z', voidedBy: EX_ACTOR },
});

export const outgoingSecrecyDistributionRequested = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'secrecy-distribution-requested',
  subjectKey: 'documentId',
  description:
    'A classified document is ready for distribution: only the secrecy section (机要保密局) registers and distributes it (seed 000 L238, L286). No title.',
  data: z.object({
    documentId: UuidSchema,
    documentNumber: z.string(),
    classification: ClassificationSchema,
    copies: z.number().int(),
    copyNumbers: z.array(z.string()),
    dueAt: IsoDateTimeSchema,
    requestedAt: IsoDateTimeSchema,
  }),
  example: {
    documentId: EX_ID,
    documentNumber: '区委发〔2026〕3号',
    classification: 'confidential',
    copies: 2,
    copyNumbers: ['000001', '000002'],
    dueAt: '2026-03-05T02:00:00.000Z',
    requestedAt: '2026-03-04T04:00:00.000Z',
  },
});

export const outgoingIssued = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'issued',
  subjectKey: 'documentId',
  description: 'The document was distributed (分发/印发), on time or late against the 24-hour norm. title is null when classified.',
  data: z.object({
    documentId: UuidSchema,
    documentNumber: z.string(),
    title: z.string().nullable(),
    docType: DocumentTypeSchema,
    issuingName: IssuingNameSchema,
    classification: ClassificationSchema,
    channel: DistributionChannelSchema,
    recipients: z.array(z.string()),
    distributedAt: IsoDateTimeSchema,
    onTime: z.boolean(),
    distributedBy: z.string(),
  }),
  example: {
    documentId: EX_ID,
    documentNumber: '区委办发〔2026〕12号',
    title: '关于做好2026年春节期间值班工作的通知',
    docType: '通知',
    issuingName: 'party-office',
    classification: 'none',
    channel: 'exchange-station',
    recipients: ['区发改委', '区住建局'],
    distributedAt: '2026-03-04T06:00:00.000Z',
    onTime: true,
    distributedBy: EX_ACTOR,
  },
});

export const outgoingArchived = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'archived',
  subjectKey: 'documentId',
  description: 'The original and its processing record were filed (归档); for a joint document the lead organ keeps the original.',
  data: z.object({
    documentId: UuidSchema,
    documentNumber: z.string(),
    classification: ClassificationSchema,
    originalHeldBy: IssuingNameSchema,
    archivedAt: IsoDateTimeSchema,
    archivedBy: z.string(),
  }),
  example: {
    documentId: EX_ID,
    documentNumber: '区委办发〔2026〕12号',
    classification: 'none',
    originalHeldBy: 'party-office',
    archivedAt: '2026-03-10T02:00:00.000Z',
    archivedBy: EX_ACTOR,
  },
});

export const outgoingHandedOver = defineEvent({
  section: 'documents',
  aggregate: 'outgoing',
  name: 'handed-over',
  subjectKey: 'documentId',
  description:
    'Every step of a draft (发文): who acted, who holds it now and which roles act next, for inboxes and their subscriptions. No title or content.',
  data: z.object({
    documentId: UuidSchema,
    action: z.string(),
    fromState: OutgoingStateSchema.nullable(),
    toState: OutgoingStateSchema,
    holder: z.object({ id: z.string(), name: z.string() }),
    nextRoles: z.array(z.string()),
    classification: ClassificationSchema,
    at: IsoDateTimeSchema,
    by: z.string(),
  }),
  example: {
    documentId: EX_ID,
    action: 'pass-check',
    fromState: 'chief-check',
    toState: 'deputy-review',
    holder: { id: EX_ACTOR, name: '王科长' },
    nextRoles: ['deputy-director'],
    classification: 'none',
    at: '2026-03-02T02:00:00.000Z',
    by: EX_ACTOR,
  },
});

export const OUTGOING_EVENTS = [
  outgoingHandedOver,
  outgoingRegistered,
  outgoingReturned,
  outgoingRecheckFailed,
  outgoingSignedOff,
  outgoingNumbered,
  outgoingNumberVoided,
  outgoingSecrecyDistributionRequested,
  outgoingIssued,
  outgoingArchived,
] as const;
