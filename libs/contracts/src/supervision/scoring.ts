import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Scoring (issue 5 §6): the internal scoring of the office's sections and staff (内务督查考核, seed002 W5, seed 002
 * L33–48: base 100 a year, fixed deductions and additions, quarterly evidence before the 28th, year-end ranking)
 * and the scoring of units on supervision items (on time, late, sent back). Rules:
 * services/supervision/src/scoring/.
 */

const IsoDateSchema = z.iso.date();
const Id = z.string().trim().min(1).max(64);

export const RecordScoreInputSchema = z
  .object({
    /** the item of seed 002's table, e.g. late-or-early-leave, municipal-commendation */
    code: z.string().regex(/^[a-z][a-z-]*$/).max(64),
    count: z.number().int().min(1).max(100).default(1),
    /** the day of the event (Beijing date); its quarter sets the evidence deadline */
    on: IsoDateSchema,
    /** a section's own entry; for a person, the section is the person's posting on `on` (L45) */
    sectionId: Id.optional(),
    personId: Id.optional(),
    criticisedByLeader: z.boolean().default(false),
    /**
     * For a late leader-assigned matter (L44): the day the leader assigned it and the day it was done (absent while
     * open); the entry is refused unless the matter was late (2 working days) on \`on\`.
     */
    leaderMatter: z.object({ assignedOn: IsoDateSchema, doneOn: IsoDateSchema.optional() }).strict().optional(),
    /** the day the evidence reached 综合股; never after today */
    evidenceSubmittedOn: IsoDateSchema,
    /** signed by the providing section's cadre in charge (分管科级干部审签, L46) */
    signedByCadreInCharge: z.boolean(),
    note: text(1000).optional(),
  })
  .strict()
  .refine((v) => v.sectionId !== undefined || v.personId !== undefined, { message: 'a section or a person', path: ['sectionId'] });
export type RecordScoreInput = z.input<typeof RecordScoreInputSchema>;

export const ScoreEntryViewSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  zh: z.string(),
  count: z.number().int(),
  points: z.number().int(),
  on: IsoDateSchema,
  quarter: z.number().int(),
  sectionId: z.string(),
  personId: z.string().nullable(),
  criticisedByLeader: z.boolean(),
  evidenceSubmittedOn: IsoDateSchema,
  evidenceStatus: z.enum(['on-time', 'late']),
  seed: z.string(),
  mayBeHandledSeparately: z.boolean(),
  note: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
  recordedBy: z.object({ id: z.string(), name: z.string() }),
});
export type ScoreEntryView = z.infer<typeof ScoreEntryViewSchema>;

const SC = { section: 'supervision', aggregate: 'score' } as const;

export const recordScore = defineCommand({
  ...SC,
  verb: 'record',
  input: RecordScoreInputSchema,
  output: ScoreEntryViewSchema,
  description: 'A deduction or addition from seed 002\'s table against a section or a person, with its evidence (late evidence refused).',
});

export const recordPosting = defineCommand({
  ...SC,
  verb: 'post',
  input: z.object({ personId: Id, sectionId: Id, from: IsoDateSchema }).strict(),
  output: z.object({
    personId: z.string(),
    postings: z.array(z.object({ sectionId: z.string(), from: IsoDateSchema, to: IsoDateSchema.nullable() })),
  }),
  description: "A person's posting to a section from a day (调整工作岗位, L45); the previous posting ends the day before.",
});

export const sectionScore = defineCommand({
  kind: 'query',
  ...SC,
  verb: 'section',
  input: z.object({ sectionId: Id, year: z.number().int().min(2000).max(2100) }).strict(),
  output: z.object({
    sectionId: z.string(),
    year: z.number().int(),
    base: z.number().int(),
    score: z.number().int(),
    entries: z.array(ScoreEntryViewSchema),
    postings: z.array(z.object({ personId: z.string(), from: IsoDateSchema, to: IsoDateSchema.nullable() })),
  }),
  description: "A section's score for a year: the base, its entries and its people's (L45), and who was posted to it.",
});

export const personScore = defineCommand({
  kind: 'query',
  ...SC,
  verb: 'person',
  input: z.object({ personId: Id, year: z.number().int().min(2000).max(2100) }).strict(),
  output: z.object({ personId: z.string(), year: z.number().int(), base: z.number().int(), score: z.number().int(), entries: z.array(ScoreEntryViewSchema) }),
  description: "A person's score for a year (base 100, L39).",
});

export const yearEndRanking = defineCommand({
  kind: 'query',
  ...SC,
  verb: 'ranking',
  input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
  output: z.object({
    year: z.number().int(),
    sections: z.array(
      z.object({ sectionId: z.string(), score: z.number().int(), rank: z.number().int(), commended: z.boolean(), headExcludedFromAwards: z.boolean() }),
    ),
    advancedIndividuals: z.object({ min: z.number().int(), max: z.number().int() }),
  }),
  description: 'The year-end ranking (L48): top 3 commended, the heads of the bottom 2 excluded from awards, ties per the settings.',
});

export const unitScores = defineCommand({
  kind: 'query',
  ...SC,
  verb: 'units',
  input: z.object({ year: z.number().int().min(2000).max(2100), asOf: IsoDateSchema.optional(), unit: Id.optional() }).strict(),
  output: z.object({
    year: z.number().int(),
    asOf: IsoDateSchema,
    base: z.number().int(),
    units: z.array(
      z.object({
        unit: z.string(),
        score: z.number().int(),
        items: z.number().int(),
        onTime: z.number().int(),
        late: z.number().int(),
        open: z.number().int(),
        sentBack: z.number().int(),
      }),
    ),
  }),
  description: "Units' scores on the supervision items they lead that fall due in the year: on time, late, reports sent back.",
});

export const scoreRecorded = defineEvent({
  ...SC,
  name: 'recorded',
  subjectKey: 'entryId',
  description: 'A deduction or addition was recorded against a section or a person.',
  data: z.object({
    entryId: UuidSchema,
    code: z.string(),
    points: z.number().int(),
    on: IsoDateSchema,
    sectionId: z.string(),
    personId: z.string().nullable(),
    evidenceStatus: z.enum(['on-time', 'late']),
    recordedBy: z.string(),
  }),
  example: {
    entryId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    code: 'late-or-early-leave',
    points: -2,
    on: '2026-05-12',
    sectionId: 'zonghe',
    personId: 'staff-007',
    evidenceStatus: 'on-time',
    recordedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
  },
});
