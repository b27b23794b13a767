import { z } from 'zod';
import { ClassificationSchema, HistoryEntrySchema, IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import { IsoDateOnlySchema, TelegramChannelSchema, TelegramPrioritySchema } from './confidential.js';

/**
 * Outgoing telegrams (发电, 明传/密码电报): drafted, signed by the issuing unit's leader (a district telegram by a
 * district leader personally, or approved by phone with the signature following), accepted and numbered by the
 * confidential clerk (seed 000 L1070–1080: 没有领导签发的电报,机要局不予受理); a cipher telegram is answered only by
 * cipher (seed 000 L1086(4)). services/documents/src/RULES.md D28, D31, D32 and confidential/README.md C1.
 */

export const OutgoingTelegramStateSchema = z.enum(['drafted', 'accepted']);

export const TelegramIssuerSchema = z.object({ unit: text(100), district: z.boolean().default(false) }).strict();

export const DraftTelegramInputSchema = z
  .object({
    title: text(200),
    channel: TelegramChannelSchema,
    /** The header used on the first page (明、密分别使用电报版头): must match the channel. */
    header: TelegramChannelSchema,
    priority: TelegramPrioritySchema,
    classification: ClassificationSchema,
    sendingUnit: text(100),
    /** The issuing units; a joint telegram is co-signed by each. */
    issuers: z.array(TelegramIssuerSchema).min(1).max(10),
    destinations: z.array(text(100)).min(1).max(200),
    /** The received telegram (confidential register id) this one answers. */
    replyToId: UuidSchema.optional(),
    /** 知悉范围 besides the drafter: user ids or unit codes. */
    needToKnow: z.array(text(200)).max(100).default([]),
  })
  .strict();

export const TelegramSignatureViewSchema = z.object({
  unit: z.string(),
  mode: z.enum(['signed', 'phone-approved']),
  signerId: z.string(),
  signerName: z.string(),
  signedAt: IsoDateTimeSchema.nullable(),
  phoneApproval: z.object({ approvedBy: z.string(), approvedByName: z.string(), at: IsoDateTimeSchema, recordedBy: z.string() }).nullable(),
  laterSignedAt: IsoDateTimeSchema.nullable(),
});

export const OutgoingTelegramViewSchema = z.object({
  id: UuidSchema,
  /** 明电〔YYYY〕N号 / 密电〔YYYY〕N号, given at acceptance. */
  number: z.string().nullable(),
  title: z.string(),
  channel: TelegramChannelSchema,
  priority: TelegramPrioritySchema,
  classification: ClassificationSchema,
  sendingUnit: z.string(),
  issuers: z.array(z.object({ unit: z.string(), district: z.boolean() })),
  destinations: z.array(z.string()),
  replyToId: UuidSchema.nullable(),
  state: OutgoingTelegramStateSchema,
  signatures: z.array(TelegramSignatureViewSchema),
  /** Units whose leader approved by phone and still owes the signature (补签). */
  pendingLaterSignatures: z.array(z.string()),
  laterSignatureDue: z.string().nullable(),
  laterSignatureOverdue: z.boolean(),
  acceptedAt: IsoDateTimeSchema.nullable(),
  history: z.array(HistoryEntrySchema),
});
export type OutgoingTelegramView = z.infer<typeof OutgoingTelegramViewSchema>;

const tcommand = <I extends z.ZodType>(verb: string, input: I, description: string) =>
  defineCommand({ section: 'documents', aggregate: 'telegram', verb, input, output: OutgoingTelegramViewSchema, description });

export const draftTelegram = tcommand('draft', DraftTelegramInputSchema, '发电拟稿: a telegram to send, with its header, issuers and destinations; a reply to a cipher telegram must be cipher.');

export const signTelegram = tcommand(
  'sign',
  z.object({ id: UuidSchema, unit: text(100) }).strict(),
  '签发: the issuing unit’s leader signs (a district telegram: a district leader personally); also the later signature (补签) after a phone approval.',
);

export const recordTelegramPhoneApproval = tcommand(
  'record-phone-approval',
  z.object({ id: UuidSchema, unit: text(100), approvedById: text(200), approvedByName: text(100), approvedAt: IsoDateTimeSchema }).strict(),
  '电话请示同意: the confidential clerk records who approved by phone, when, and who took the call; the signature is then owed.',
);

export const acceptTelegram = tcommand(
  'accept',
  z.object({ id: UuidSchema }).strict(),
  '受理、登记、编号: the confidential clerk accepts a signed telegram (refused without its leaders’ signatures) and numbers it.',
);

export const getTelegram = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'telegram',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: OutgoingTelegramViewSchema,
  description: 'One outgoing telegram, within clearance and need-to-know (else NOT_FOUND like an unknown id); classified reads audited.',
});

export const telegramsOwingSignature = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'telegram',
  verb: 'owing-signature',
  input: z.object({ overdueOnly: z.boolean().default(false) }).strict(),
  output: z.object({
    today: z.string(),
    items: z.array(
      z.object({ id: UuidSchema, number: z.string().nullable(), classification: ClassificationSchema, units: z.array(z.string()), due: z.string().nullable(), overdue: z.boolean() }),
    ),
  }),
  description: 'Accepted telegrams still waiting for a leader’s later signature (补签), flagged when overdue. No titles.',
});

export const telegramAccepted = defineEvent({
  section: 'documents',
  aggregate: 'telegram',
  name: 'accepted',
  subjectKey: 'telegramId',
  description: 'The confidential clerk accepted and numbered an outgoing telegram. No title; pendingLaterSignatures lists units owing 补签.',
  data: z.object({
    telegramId: UuidSchema,
    number: z.string(),
    channel: TelegramChannelSchema,
    priority: TelegramPrioritySchema,
    classification: ClassificationSchema,
    replyToId: UuidSchema.nullable(),
    pendingLaterSignatures: z.array(z.string()),
    laterSignatureDue: IsoDateOnlySchema.nullable(),
    acceptedAt: IsoDateTimeSchema,
    acceptedBy: z.string(),
  }),
  example: {
    telegramId: '0b7a3e11-6c4f-4f0e-8a8e-3c2d1f0e9a77',
    number: '密电〔2026〕4号',
    channel: 'cipher',
    priority: 'urgent',
    classification: 'secret',
    replyToId: null,
    pendingLaterSignatures: ['区政府'],
    laterSignatureDue: '2026-11-23',
    acceptedAt: '2026-11-20T06:00:00.000Z',
    acceptedBy: 'a391bfca-3dd7-4746-9d73-5d0799a2bab7',
  },
});

export const telegramLaterSigned = defineEvent({
  section: 'documents',
  aggregate: 'telegram',
  name: 'later-signed',
  subjectKey: 'telegramId',
  description: 'A leader who approved a telegram by phone signed it afterwards (事后补签).',
  data: z.object({ telegramId: UuidSchema, unit: z.string(), signerId: z.string(), signedAt: IsoDateTimeSchema, stillPending: z.array(z.string()) }),
  example: {
    telegramId: '0b7a3e11-6c4f-4f0e-8a8e-3c2d1f0e9a77',
    unit: '区政府',
    signerId: '7012c082-4253-4bc1-b1b4-7cc7a8d3fc59',
    signedAt: '2026-11-21T01:00:00.000Z',
    stillPending: [],
  },
});

export const TELEGRAM_EVENTS = [telegramAccepted, telegramLaterSigned] as const;
