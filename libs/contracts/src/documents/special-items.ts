import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';
import { GivenGroundSchema, PersonSchema } from './incoming.js';
import { InstructionRouteSchema } from './instructions.js';

/**
 * Special items (特殊件, issue 3 §2): requests and reports sent to a district leader personally, which arrive with
 * that leader's instruction through the leader's secretary or 秘书科 (seed 000 L246–256). 签收 → 退回交办人 (four
 * grounds) | 登记 → 拟办 → 分管副主任核报 → 转办 (instruction copied and kept first) → 办结 → 归档. Only office leaders
 * and the person who handed the item over may read or copy the instruction (seed 000 L254(6)).
 */

export const SPECIAL_ITEM_STATUSES = ['received', 'returned', 'registered', 'proposed', 'reviewed', 'transferred', 'completed', 'archived'] as const;

const InstructionInputSchema = z
  .object({
    leaderId: text(100),
    leaderName: text(50),
    rank: z.number().int().min(1).optional(),
    /** verbatim */
    text: z.string().min(1).max(5000),
    stance: z.enum(['agree', 'disagree', 'other']).default('other'),
    sendsTo: z.array(text(100)).max(30).default([]),
    signedAt: IsoDateTimeSchema,
  })
  .strict();

export const SpecialItemViewSchema = z.object({
  id: UuidSchema,
  registerNumber: z.string().nullable(),
  title: z.string(),
  senderUnit: z.string(),
  receivedAt: IsoDateTimeSchema,
  handoverPerson: z.object({ id: z.string(), name: z.string() }),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  instructedUnits: z.array(z.object({ name: z.string(), districtLevel: z.boolean() })),
  /** grounds the record itself shows (① no contact, ③ non-district unit, ④ conflicting instructions) */
  detectedGrounds: z.array(z.string()),
  returnGrounds: z.array(z.object({ ground: z.string(), text: z.string().nullable() })),
  returnNotice: z.array(z.string()),
  status: z.enum(SPECIAL_ITEM_STATUSES),
  holder: z.object({ id: z.string(), name: z.string() }),
  proposal: z.string().nullable(),
  instructionCopyKeptAt: IsoDateTimeSchema.nullable(),
  transferredTo: z.string().nullable(),
  /** false when the caller may not read the instruction: then every `text` is null */
  instructionVisible: z.boolean(),
  instructions: z.array(
    z.object({ leader: z.object({ id: z.string(), name: z.string() }), rank: z.number().int().nullable(), text: z.string().nullable(), stance: z.string(), signedAt: IsoDateTimeSchema }),
  ),
  history: z.array(HistoryEntrySchema),
});
export type SpecialItemView = z.infer<typeof SpecialItemViewSchema>;

const def = <I extends z.ZodType, O extends z.ZodType>(verb: string, input: I, output: O, description: string, kind?: 'query') =>
  defineCommand({ section: 'documents', aggregate: 'special-item', verb, input, output, description, ...(kind ? { kind } : {}) });
const idOnly = z.object({ id: UuidSchema }).strict();

export const receiveSpecialItem = def(
  'receive',
  z
    .object({
      title: text(200),
      senderUnit: text(100),
      receivedAt: IsoDateTimeSchema,
      handoverPerson: PersonSchema,
      contactPerson: text(50).optional(),
      contactPhone: text(30).optional(),
      instructions: z.array(InstructionInputSchema).min(1).max(10),
      instructedUnits: z.array(z.object({ name: text(100), districtLevel: z.boolean() }).strict()).max(30).default([]),
    })
    .strict(),
  SpecialItemViewSchema,
  '签收 a special item with the leader instruction(s) it came with (seed 000 L248).',
);
export const returnSpecialItem = def(
  'return',
  z.object({ id: UuidSchema, grounds: z.array(GivenGroundSchema).min(1).max(4) }).strict(),
  SpecialItemViewSchema,
  '退回交办人 with one or more of the four grounds (seed 000 L250).',
);
export const registerSpecialItem = def('register', idOnly, SpecialItemViewSchema, '登记 once the check shows no ground (审查合格方可签收, seed 000 L250–252).');
export const proposeSpecialItemHandling = def(
  'propose-handling',
  z.object({ id: UuidSchema, opinion: text(2000) }).strict(),
  SpecialItemViewSchema,
  '拟办 (seed 000 L254(4)).',
);
export const approveSpecialItemProposal = def('approve-proposal', idOnly, SpecialItemViewSchema, '分管副主任核报 (seed 000 L254(4)).');
export const sendBackSpecialItem = def('send-back', z.object({ id: UuidSchema, reason: text(500) }).strict(), SpecialItemViewSchema, 'The deputy director sends the proposal back.');
export const keepSpecialItemInstructionCopy = def('keep-instruction-copy', idOnly, SpecialItemViewSchema, '批示件复印留存 before transfer (seed 000 L254(5)).');
export const transferSpecialItem = def(
  'transfer',
  z
    .object({
      id: UuidSchema,
      to: text(100),
      /**
       * matters the leader's instruction sends to other sections, e.g. tracking by 督查室 (seed 000 L280); each goes
       * out as documents.incomingRouted keyed by the item and the instruction. `matter` is the clerk's summary:
       * the instruction text itself never leaves the office leaders and the 交办人 (seed 000 L254(6)).
       */
      routes: z
        .array(
          z
            .object({
              to: InstructionRouteSchema,
              matter: text(2000).optional(),
              leadUnit: text(100).optional(),
              coUnits: z.array(text(100)).max(30).default([]),
              dueOn: z.iso.date().optional(),
              urgent: z.boolean().default(false),
            })
            .strict(),
        )
        .max(4)
        .default([]),
    })
    .strict(),
  SpecialItemViewSchema,
  '转办 to the undertaking unit (seed 000 L254(5)), with routes to other sections (seed 000 L280).',
);
export const completeSpecialItem = def('complete', idOnly, SpecialItemViewSchema, '办结.');
export const archiveSpecialItem = def('archive', idOnly, SpecialItemViewSchema, '归档 (seed 000 L256).');
export const getSpecialItem = def('get', idOnly, SpecialItemViewSchema, 'A special item; its instruction text only for office leaders and the person who handed it over.', 'query');
export const copySpecialItemInstruction = def(
  'copy-instruction',
  z.object({ id: UuidSchema, purpose: text(200) }).strict(),
  z.object({ itemId: UuidSchema, instructions: z.array(z.object({ leaderName: z.string(), text: z.string(), signedAt: IsoDateTimeSchema })) }),
  '查询/复印 the leader instruction: only office leaders and the person who handed the item over (seed 000 L254(6)); audited.',
);

export const specialItemReturned = defineEvent({
  section: 'documents',
  aggregate: 'special-item',
  name: 'returned',
  subjectKey: 'itemId',
  description: 'A special item was returned to the person who handed it over, with its grounds (no instruction text).',
  data: z.object({ itemId: UuidSchema, handoverPersonId: z.string(), grounds: z.array(z.string()), returnedAt: IsoDateTimeSchema }),
  example: { itemId: '8a6e0804-2bd0-4672-b79d-d97027f9071b', handoverPersonId: 'u-secretary', grounds: ['conflicting-instructions'], returnedAt: '2026-11-20T03:00:00.000Z' },
});

export const specialItemRegistered = defineEvent({
  section: 'documents',
  aggregate: 'special-item',
  name: 'registered',
  subjectKey: 'itemId',
  description: 'A special item passed the check and was registered (特办〔YYYY〕N号).',
  data: z.object({ itemId: UuidSchema, registerNumber: z.string(), title: z.string(), senderUnit: z.string(), registeredAt: IsoDateTimeSchema }),
  example: {
    itemId: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
    registerNumber: '特办〔2026〕3号',
    title: '关于请求协调解决企业用地问题的报告',
    senderUnit: '区某公司',
    registeredAt: '2026-11-20T03:00:00.000Z',
  },
});

export const SPECIAL_ITEM_EVENTS = [specialItemReturned, specialItemRegistered] as const;
