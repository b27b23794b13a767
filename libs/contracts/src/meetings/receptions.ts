import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, PageSchema, UuidSchema, text } from '../common.js';
import { defineCommand } from '../define.js';

/**
 * Receptions and large events (接待、大型活动、重大公务活动; issue 4 §7): who leads a reception by the visitor's rank
 * (seed 004 L162–168), plans with their approvals, the foreign-affairs opinion on foreign-related activities
 * (seed 000 L124, event gov.meetings.foreign-affairs-opinion.requested), the 1-working-day notice (seed 000 L86),
 * the venue set the day before and staff at their posts 1 hour early (seed 004 L185), reception spending
 * (seed 002 L62). Rules: services/meetings/src/receptions/reception.rules.ts.
 */

export const PLAN_KINDS = ['reception', 'large-event', 'activity'] as const;
export const PlanKindSchema = z.enum(PLAN_KINDS);
export const ACTIVITY_STATES = [
  'drafted', 'reviewed', 'with-foreign-affairs', 'foreign-affairs-opinion-given', 'with-leader', 'approved', 'notified', 'venue-set', 'held',
] as const;
export const ActivityStateSchema = z.enum(ACTIVITY_STATES);

export const VisitSchema = z
  .object({
    origin: z.enum(['municipal-government', 'municipal-general-office', 'other-municipal-organ', 'national-ministry', 'other-province-or-municipality']),
    rank: z.enum(['vice-ministerial-or-above', 'bureau-level-or-below']),
    accompaniedBy: z.enum(['municipal-government-leader', 'municipal-general-office-leader', 'none']).default('none'),
  })
  .strict();

export const ReceptionLeadSchema = z.object({
  lead: z.enum(['district-government-office', 'matching-department']),
  support: z.enum(['relevant-departments', 'matching-department', 'district-government-office']).nullable(),
  officeInvolved: z.boolean(),
  /** the row of the seed 004 decision table (1–4) */
  row: z.number().int(),
});

const planValue = z.union([z.string().max(2000), z.array(z.string().max(500)).max(100)]);

export const ActivityPlanViewSchema = z.object({
  id: UuidSchema,
  kind: PlanKindSchema,
  title: z.string(),
  startsAt: IsoDateTimeSchema,
  place: z.string(),
  foreignRelated: z.boolean(),
  lead: ReceptionLeadSchema.nullable(),
  /** the plan's fields as JSON text */
  plan: z.string(),
  state: ActivityStateSchema,
  approvals: z.array(z.string()),
  leaderInChargeId: z.string().nullable(),
  principalLeaderId: z.string().nullable(),
  foreignAffairsOpinion: z.string().nullable(),
  /** the venue is set by this Beijing date (the day before) */
  venueSetBy: z.string(),
  /** staff are at their posts by this instant (1 hour before) */
  staffOnPostAt: IsoDateTimeSchema,
  noticeSentAt: IsoDateTimeSchema.nullable(),
  noticeLatestDate: z.string().nullable(),
  venueSetAt: IsoDateTimeSchema.nullable(),
  heldAt: IsoDateTimeSchema.nullable(),
  reimbursedAt: IsoDateTimeSchema.nullable(),
  history: z.array(HistoryEntrySchema),
});
export type ActivityPlanView = z.infer<typeof ActivityPlanViewSchema>;

export const receptionLead = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'reception',
  verb: 'lead',
  input: VisitSchema,
  output: ReceptionLeadSchema,
  description: 'Who leads a reception and who supports, by the visitor’s origin, rank and escort (seed 004 L162–168).',
});

export const draftActivityPlan = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'draft',
  input: z
    .object({
      kind: PlanKindSchema,
      title: text(200),
      startsAt: IsoDateTimeSchema,
      place: text(200),
      foreignRelated: z.boolean().default(false),
      /** required for a reception */
      visit: VisitSchema.optional(),
      /** the plan's fields by kind (reception: time, place, attendingLeaders, departments, itinerary, …) */
      plan: z.record(z.string(), planValue),
      /** what the office is asked to do when a department leads (venue-setup, catering, notify-news-units, record-talks) */
      officeAssistance: z.array(z.string().max(100)).max(20).default([]),
      /** a reception plan is approved by the leader in charge and the principal leader (user ids) */
      leaderInChargeId: z.string().min(1).max(64).optional(),
      principalLeaderId: z.string().min(1).max(64).optional(),
    })
    .strict(),
  output: ActivityPlanViewSchema,
  description: 'The clerk drafts a reception, large-event or activity plan; a reception the office does not lead or support is refused.',
});

export const ACTIVITY_STEP_ACTIONS = ['review', 'send-to-foreign-affairs', 'submit-to-leader', 'approve', 'send-back'] as const;

export const advanceActivityPlan = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'advance',
  input: z.object({ id: UuidSchema, action: z.enum(ACTIVITY_STEP_ACTIONS), reason: text(1000).optional() }).strict(),
  output: ActivityPlanViewSchema,
  description: 'Review (deputy director), foreign affairs, submission, approval (district leader; a reception needs the leader in charge and the principal leader).',
});

export const giveActivityForeignAffairsOpinion = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'give-foreign-affairs-opinion',
  input: z.object({ id: UuidSchema, opinion: text(2000) }).strict(),
  output: ActivityPlanViewSchema,
  description: '外事科 gives its opinion on a foreign-related activity (seed 000 L124).',
});

export const issueActivityNotice = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'issue-notice',
  input: z.object({ id: UuidSchema, adHoc: z.boolean().default(false) }).strict(),
  output: ActivityPlanViewSchema,
  description: 'The notice to participants, 1 working day before (seed 000 L86); late is refused unless ad hoc.',
});

export const setActivityVenue = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'set-venue',
  input: z.object({ id: UuidSchema }).strict(),
  output: ActivityPlanViewSchema,
  description: 'The venue is set by the day before (seed 004 L185); later is refused.',
});

export const holdActivity = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'hold',
  input: z
    .object({
      id: UuidSchema,
      /** a reception's spending (seed 002 L62): the estimate in yuan, the logistics cadre's approval, the director told */
      estimatedCost: z.number().min(0).max(10_000_000).optional(),
      approvedByLogisticsCadre: z.boolean().default(false),
      directorInformed: z.boolean().default(false),
    })
    .strict(),
  output: ActivityPlanViewSchema,
  description: 'Mark the activity held; a reception needs its spending approved, and the director told when over ¥500.',
});

export const REIMBURSEMENT_DOCUMENTS = ['invoice', 'approval-form', 'official-letter', 'menu'] as const;

export const reimburseReception = defineCommand({
  section: 'meetings',
  aggregate: 'activity',
  verb: 'reimburse',
  input: z.object({ id: UuidSchema, attached: z.array(z.enum(REIMBURSEMENT_DOCUMENTS)).max(4) }).strict(),
  output: ActivityPlanViewSchema,
  description: '报销 of a held reception (四单制, seed 002 L63): invoice, approval form, official letter and menu, or refused as 手续不全.',
});

export const getActivityPlan = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'activity',
  verb: 'get',
  input: z.object({ id: UuidSchema }).strict(),
  output: ActivityPlanViewSchema,
  description: 'One activity or reception plan with its approvals, timeline and history.',
});

export const listActivityPlans = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'activity',
  verb: 'list',
  input: PageSchema.extend({ kind: PlanKindSchema.optional(), state: ActivityStateSchema.optional() }).strict(),
  output: z.object({ items: z.array(ActivityPlanViewSchema.omit({ history: true })), total: z.number().int() }),
  description: 'Activity and reception plans, soonest first.',
});
