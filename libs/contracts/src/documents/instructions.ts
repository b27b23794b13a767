import { z } from 'zod';
import { ClassificationSchema, IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineEvent } from '../define.js';

/**
 * Leader instructions on incoming documents (领导批示) and where they send the matter (issue 3 §1, routing):
 * a route to supervision becomes a supervision item (issue 5 §1), others go to meetings, petitions or the
 * drafting sections. Events carry no classified content: `matter` and `title` are null when the document is
 * classified.
 */

/** The sections a leader instruction can send a matter to. */
export const INSTRUCTION_ROUTES = ['supervision', 'meetings', 'petitions', 'drafting'] as const;
export const InstructionRouteSchema = z.enum(INSTRUCTION_ROUTES);
export type InstructionRoute = z.infer<typeof InstructionRouteSchema>;

const IsoDateSchema = z.iso.date();

export const incomingRouted = defineEvent({
  section: 'documents',
  aggregate: 'incoming',
  name: 'routed',
  subjectKey: 'routeId',
  description:
    'A leader instruction on an incoming document sends one matter to another section (supervision, meetings, petitions, drafting). Supervision opens one item per route with to = supervision, keyed by documentId and instructionId.',
  data: z.object({
    routeId: UuidSchema,
    documentId: UuidSchema,
    registerNumber: z.string(),
    instructionId: UuidSchema,
    to: InstructionRouteSchema,
    classification: ClassificationSchema,
    /** the document's title; null when classified */
    title: z.string().nullable(),
    /** the matter the instruction sends, in the leader's words; null when classified */
    matter: z.string().nullable(),
    /** the undertaking unit the instruction names, if any */
    leadUnit: z.string().nullable(),
    coUnits: z.array(z.string()),
    /** the deadline the instruction names, if any */
    dueOn: IsoDateSchema.nullable(),
    urgent: z.boolean(),
    instructedBy: z.object({ id: z.string(), name: z.string() }),
    instructedAt: IsoDateTimeSchema,
  }),
  example: {
    routeId: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
    documentId: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a',
    registerNumber: '收文〔2026〕12号',
    instructionId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    to: 'supervision',
    classification: 'none',
    title: '关于加快推进老旧小区改造的请示',
    matter: '请区住建局牵头，月底前拿出改造方案。',
    leadUnit: 'QZJJ',
    coUnits: ['QCZJ'],
    dueOn: '2026-03-31',
    urgent: false,
    instructedBy: { id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', name: '区长' },
    instructedAt: '2026-03-10T02:00:00.000Z',
  },
});
