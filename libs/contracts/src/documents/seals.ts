import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import { IsoDateOnlySchema } from './confidential.js';

/**
 * Seals (印章): use requests, the approver by seal and purpose, the keeper's check and the seal register.
 * Rules: seed 001 L217–237, seed 000 L236, L466, L790, seed 002 L142; services/documents/src/RULES.md D22, D23 and confidential/README.md C3–C6.
 */

export const SealKindSchema = z.enum(['party-committee', 'government', 'party-office', 'government-office', 'office-certification']);
export const SealPurposeSchema = z.enum(['outgoing-document', 'contract', 'approval', 'personnel', 'finance', 'other']);
export const SealApproverPostSchema = z.enum([
  'party-secretary', 'district-head', 'standing-committee-member', 'deputy-district-head',
  'party-office-director', 'government-office-director', 'office-deputy-director',
]);
export const SealRequestStateSchema = z.enum(['requested', 'approved', 'queried', 'confirmed', 'stamped', 'refused']);

export const SealViewSchema = z.object({ kind: SealKindSchema, name: z.string(), keeperIds: z.array(z.string()) });

export const registerSeal = defineCommand({
  section: 'documents',
  aggregate: 'seal',
  verb: 'register',
  input: z.object({ kind: SealKindSchema, name: text(100), keeperIds: z.array(text(200)).min(1).max(10) }).strict(),
  output: SealViewSchema,
  description: 'Record a seal and its keepers (专人保管, seed 001 L219); replaces the keepers of a seal already recorded.',
});

export const SealApproverViewSchema = z.object({ userId: z.string(), name: z.string(), posts: z.array(SealApproverPostSchema), portfolios: z.array(z.string()) });

export const registerSealApprover = defineCommand({
  section: 'documents',
  aggregate: 'seal',
  verb: 'register-approver',
  input: z.object({ userId: text(200), name: text(100), posts: z.array(SealApproverPostSchema).max(7), portfolios: z.array(text(50)).max(30).default([]) }).strict(),
  output: SealApproverViewSchema,
  description: 'Record a leader’s posts and areas in charge (分管), which decide the seals and purposes they may approve.',
});

export const SealRefusalSchema = z.object({ code: z.string(), messageZh: z.string(), source: z.string() });

export const SealRequestViewSchema = z.object({
  id: UuidSchema,
  seal: SealKindSchema,
  purpose: SealPurposeSchema,
  purposeText: z.string(),
  documentTitle: z.string(),
  impressions: z.number().int(),
  area: z.string().nullable(),
  requester: z.object({ id: z.string(), name: z.string() }),
  state: SealRequestStateSchema,
  approval: z.object({ approverId: z.string(), approverName: z.string(), approvalText: z.string(), approvedAt: IsoDateTimeSchema }).nullable(),
  doubtful: z.boolean(),
  confirmation: z.object({ byName: z.string(), at: IsoDateTimeSchema }).nullable(),
  refusals: z.array(SealRefusalSchema),
  history: z.array(HistoryEntrySchema),
});
export type SealRequestView = z.infer<typeof SealRequestViewSchema>;

const scommand = <I extends z.ZodType>(verb: string, input: I, description: string) =>
  defineCommand({ section: 'documents', aggregate: 'seal', verb, input, output: SealRequestViewSchema, description });

export const requestSealUse = scommand(
  'request',
  z
    .object({
      seal: SealKindSchema,
      purpose: SealPurposeSchema,
      /** 用印事由 */
      purposeText: text(500),
      /** 用印文件(资料)名称 */
      documentTitle: text(200),
      /** 盖印数 */
      impressions: z.number().int().min(1).max(10000),
      /** The requesting area (分管范围), for approval by the deputy in charge of it. */
      area: text(50).optional(),
    })
    .strict(),
  '用印申请: names the seal, the purpose and the number of impressions.',
);

export const approveSealUse = scommand(
  'approve',
  z.object({ id: UuidSchema, approvalText: text(500) }).strict(),
  '批准: a leader writes the approval; whether this leader may approve this seal and purpose is the keeper’s check.',
);

export const reviewSealUse = scommand(
  'review',
  z.object({ id: UuidSchema, doubtful: z.boolean().default(false), note: text(500).optional() }).strict(),
  '审核用印: the seal’s keeper checks the request; compliant → stamped and entered in the register; otherwise refused with every reason, or queried when in doubt.',
);

export const confirmSealUse = scommand(
  'confirm',
  z.object({ id: UuidSchema, note: text(500) }).strict(),
  'An office leader confirms a request the keeper queried (seed 001 L233).',
);

export const getSealRequest = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'seal',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: SealRequestViewSchema,
  description: 'One seal-use request with its history and the keeper’s reasons.',
});

export const SealRegisterEntrySchema = z.object({
  id: UuidSchema,
  requestId: UuidSchema,
  date: IsoDateOnlySchema,
  seal: SealKindSchema,
  purpose: z.string(),
  purposeCategory: SealPurposeSchema,
  documentTitle: z.string(),
  approverName: z.string(),
  approvalText: z.string(),
  impressions: z.number().int(),
  handlerName: z.string(),
  stampedAt: IsoDateTimeSchema,
});

export const sealRegister = defineCommand({
  kind: 'query',
  section: 'documents',
  aggregate: 'seal',
  verb: 'register-entries',
  input: z.object({ from: IsoDateOnlySchema, to: IsoDateOnlySchema, seal: SealKindSchema.optional() }).strict(),
  output: z.object({ items: z.array(SealRegisterEntrySchema), totalImpressions: z.number().int() }),
  description: '印章使用登记簿: every use in a period (Beijing dates, both inclusive), optionally of one seal.',
});

const SealEventSchema = z.object({
  requestId: UuidSchema,
  seal: SealKindSchema,
  purpose: SealPurposeSchema,
  impressions: z.number().int(),
  state: SealRequestStateSchema,
  by: z.string(),
  at: IsoDateTimeSchema,
  reasons: z.array(z.string()),
});
const sealExample = (state: z.infer<typeof SealRequestStateSchema>, reasons: string[] = []) => ({
  requestId: '2d3c8b7e-5a41-4d2b-9e0f-7c1a2b3c4d5e',
  seal: 'government-office' as const,
  purpose: 'contract' as const,
  impressions: 3,
  state,
  by: 'ee7d013a-99bd-4e64-b190-63a56ea64c44',
  at: '2026-11-20T07:00:00.000Z',
  reasons,
});
const sealEvent = (name: string, description: string, state: z.infer<typeof SealRequestStateSchema>, reasons: string[] = []) =>
  defineEvent({ section: 'documents', aggregate: 'seal', name, subjectKey: 'requestId', description, data: SealEventSchema, example: sealExample(state, reasons) });

export const sealUseRequested = sealEvent('requested', 'A seal-use request was made.', 'requested');
export const sealUseApproved = sealEvent('approved', 'A leader approved a seal-use request.', 'approved');
export const sealUseStamped = sealEvent('stamped', 'The keeper stamped and entered the use in the seal register.', 'stamped');
export const sealUseRefused = sealEvent('refused', 'The keeper refused a request; reasons are the refusal codes.', 'refused', ['approver-not-authorised']);
export const sealUseQueried = sealEvent('queried', 'The keeper doubts a request and waits for an office leader’s confirmation.', 'queried', ['doubtful-not-confirmed']);

export const SEAL_EVENTS = [sealUseRequested, sealUseApproved, sealUseStamped, sealUseRefused, sealUseQueried] as const;
