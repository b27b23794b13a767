import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * 《督办事项交办单》 after a leader's research trip (调研): the accompanying section lists, within 1 working day of
 * the trip's end, the matters that need follow-up, and 督查室 follows them up (seed 000 L640(2); SCENARIOS.md
 * seed000-b #3). A form issued after its due instant is recorded and flagged late, not refused (DB6: late is
 * flagged). Rules: services/meetings/src/minutes/minutes.rules.ts (supervisionFormDue).
 */

const IsoDateSchema = z.iso.date();
const UnitSchema = z.string().trim().min(1).max(64);

export const ResearchTripMatterSchema = z
  .object({
    /** the matter needing follow-up, as the form states it */
    matter: z.string().trim().min(1).max(2000),
    leadUnit: UnitSchema,
    coUnits: z.array(UnitSchema).max(20).default([]),
    dueOn: IsoDateSchema.nullable().default(null),
  })
  .strict();

export const ResearchTripFormViewSchema = z.object({
  id: UuidSchema,
  leaderId: z.string(),
  place: z.string(),
  endedAt: IsoDateTimeSchema,
  /** the Beijing date and instant the form was due (1 working day after the trip) */
  dueDate: IsoDateSchema,
  dueAt: IsoDateTimeSchema,
  issuedAt: IsoDateTimeSchema,
  issuedBy: z.string(),
  late: z.boolean(),
  matters: z.array(
    z.object({ matterNo: z.number().int().min(1), matter: z.string(), leadUnit: z.string(), coUnits: z.array(z.string()), dueOn: IsoDateSchema.nullable() }),
  ),
});
export type ResearchTripFormView = z.infer<typeof ResearchTripFormViewSchema>;

export const issueResearchTripSupervisionForm = defineCommand({
  section: 'meetings',
  aggregate: 'research-trip',
  verb: 'issue-supervision-form',
  input: z
    .object({
      /** the leader who made the trip */
      leaderId: z.string().trim().min(1).max(200),
      place: z.string().trim().min(1).max(200),
      endedAt: IsoDateTimeSchema,
      matters: z.array(ResearchTripMatterSchema).min(1).max(50),
    })
    .strict(),
  output: ResearchTripFormViewSchema,
  description:
    "Issues the 《督办事项交办单》 of a leader's research trip (clerk/section-chief): due 1 working day after the trip ended (seed 000 L640(2)); issued later it is recorded and flagged late. Emits gov.meetings.research-trip.supervision-form-issued, one item per matter.",
});

export const researchTripSupervisionFormIssued = defineEvent({
  section: 'meetings',
  aggregate: 'research-trip',
  name: 'supervision-form-issued',
  subjectKey: 'formId',
  description:
    "A 《督办事项交办单》 after a leader's research trip was issued: one item per matter (matterNo from 1) with its text, units and due date, for 督查室 to open one supervision item each. The form has no classification input: a classified matter is not entered here.",
  data: z.object({
    formId: UuidSchema,
    leaderId: z.string(),
    place: z.string(),
    endedAt: IsoDateTimeSchema,
    dueAt: IsoDateTimeSchema,
    late: z.boolean(),
    issuedAt: IsoDateTimeSchema,
    issuedBy: z.string(),
    matters: z.array(z.object({ matterNo: z.number().int().min(1), matter: z.string(), leadUnit: z.string(), coUnits: z.array(z.string()), dueOn: IsoDateSchema.nullable() })).min(1),
  }),
  example: {
    formId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    leaderId: 'leader-district-head',
    place: '某街道老旧小区',
    endedAt: '2026-03-09T09:30:00.000Z',
    dueAt: '2026-03-10T09:00:00.000Z',
    late: false,
    issuedAt: '2026-03-10T02:00:00.000Z',
    issuedBy: 'clerk-1',
    matters: [{ matterNo: 1, matter: '加快推进片区改造方案编制', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-04-30' }],
  },
});
