import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineEvent } from '../define.js';

/**
 * Petition cases (信访事项) that the petitions section refers to 督查室 for supervision (信访督查督办,
 * seed 000 L1306–1312; issue 5 §1). Supervision opens one item per petition, with the petition classes.
 */

/** 办理时限 classes of a petition case (seed 000 L1312): sudden 1–5 days, fairly urgent 15, general 30, complex 60. */
export const PETITION_CASE_CLASSES = ['sudden', 'fairly-urgent', 'general', 'complex'] as const;
export const PetitionCaseClassSchema = z.enum(PETITION_CASE_CLASSES);

export const petitionReferred = defineEvent({
  section: 'petitions',
  aggregate: 'case',
  name: 'referred',
  subjectKey: 'petitionId',
  description:
    'A petition case was referred to the supervision office (信访督查督办) with its case class; supervision opens one item per petition.',
  data: z.object({
    petitionId: UuidSchema,
    /** the petition register number (信访件编号) */
    caseNumber: z.string(),
    /** the matter, without the petitioner's personal data */
    matter: z.string(),
    caseClass: PetitionCaseClassSchema,
    /** for a sudden case, the 1–5 days the petitions section set */
    suddenDays: z.number().int().min(1).max(5).nullable(),
    /** the responsible unit the petitions section proposes, if any */
    leadUnit: z.string().nullable(),
    referredAt: IsoDateTimeSchema,
    referredBy: z.string(),
  }),
  example: {
    petitionId: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
    caseNumber: '信〔2026〕41号',
    matter: '某小区供暖不达标，群众多次反映未解决。',
    caseClass: 'fairly-urgent',
    suddenDays: null,
    leadUnit: 'QZJJ',
    referredAt: '2026-03-10T02:00:00.000Z',
    referredBy: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  },
});
