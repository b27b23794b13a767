import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand } from '../define.js';

/**
 * Office decision meetings (室务会, issue 4 §6, seed 003 W1): each item is decided with its quorum (half;
 * two thirds for cadre items), passes only with more than half of all members who should attend, absent
 * members' written opinions are recorded but not counted, the chair speaks last, conflicted members step
 * out, cadre candidates are voted one by one; the 三重一大 matters (projects ≥ ¥100,000, purchases ≥ ¥50,000,
 * unbudgeted spending ≥ ¥50,000) must be decided in such a meeting. Rules:
 * services/meetings/src/office-meetings/office-meeting.rules.ts (RULES.md D18).
 */

export const OFFICE_ITEM_KINDS = ['major-decision', 'cadre', 'discipline', 'project', 'funds', 'other'] as const;
export const OPINIONS = ['agree', 'disagree', 'defer'] as const;
export const MATTER_KINDS = [
  'major-decision',
  'cadre',
  'investment-project',
  'one-time-purchase',
  'unbudgeted-expense',
  'collective-assets',
  'budget-arrangement',
  'extra-budget-arrangement',
  'other-large-funds',
  'routine',
] as const;
export const DECISION_METHODS = [
  'office-affairs-meeting',
  'director-office-meeting',
  'circulated-countersignature',
  'individual-consultation',
  'individual',
] as const;

const Member = z.string().trim().min(1).max(100);

export const MatterSchema = z
  .object({
    kind: z.enum(MATTER_KINDS),
    /** yuan, for projects, purchases and unbudgeted spending */
    amount: z.number().min(0).optional(),
  })
  .strict();

export const BallotSchema = z
  .object({
    memberId: Member,
    opinion: z.enum(OPINIONS),
    /** 三重一大: every member states the reason for the opinion (seed 003 L13@c7303) */
    reason: z.string().trim().max(1000).optional(),
    /** cadre items: the one candidate the opinion is on (逐个表决) */
    candidateIds: z.array(Member).max(20).optional(),
    /** a written opinion sent by an absent member: recorded, not counted */
    written: z.boolean().default(false),
  })
  .strict();

export const DecideOfficeItemInputSchema = z
  .object({
    meetingId: UuidSchema,
    title: text(200),
    kind: z.enum(OFFICE_ITEM_KINDS),
    matter: MatterSchema.default({ kind: 'routine' }),
    /** members with a conflict of interest: they step out (回避) */
    conflictedMemberIds: z.array(Member).max(50).default([]),
    tripleOneMajor: z.boolean().default(false),
    emergency: z.boolean().default(false),
    largeDivergence: z.boolean().default(false),
    /** raised at the meeting without being on the agenda (临时动议) */
    adHocMotion: z.boolean().default(false),
    /** the order in which members stated their opinions; the chair last */
    speakingOrder: z.array(Member).min(1).max(50),
    /** cadre appointments: the candidates, voted one by one */
    candidateIds: z.array(Member).max(20).default([]),
    ballots: z.array(BallotSchema).min(1).max(500),
  })
  .strict();
export type DecideOfficeItemInput = z.input<typeof DecideOfficeItemInputSchema>;

export const TallyViewSchema = z.object({
  candidateId: z.string().nullable(),
  agree: z.number().int(),
  disagree: z.number().int(),
  defer: z.number().int(),
  shouldAttend: z.number().int(),
  notCounted: z.array(z.string()),
  outcome: z.enum(['passed', 'not-passed', 'deferred']),
});

export const OfficeItemViewSchema = z.object({
  id: UuidSchema,
  meetingId: UuidSchema,
  title: z.string(),
  kind: z.enum(OFFICE_ITEM_KINDS),
  matter: MatterSchema,
  requiresCollectiveDecision: z.boolean(),
  members: z.number().int(),
  present: z.number().int(),
  conflictedMemberIds: z.array(z.string()),
  chairId: z.string(),
  tallies: z.array(TallyViewSchema),
  decidedAt: IsoDateTimeSchema,
  decidedBy: z.string(),
});
export type OfficeItemView = z.infer<typeof OfficeItemViewSchema>;

export const decideOfficeItem = defineCommand({
  section: 'meetings',
  aggregate: 'office-meeting',
  verb: 'decide-item',
  input: DecideOfficeItemInputSchema,
  output: OfficeItemViewSchema,
  description:
    '室务会 decides one item: quorum, the chair last, conflicted members out, per-candidate votes, passed with more than half of all members.',
});

export const listOfficeItems = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'office-meeting',
  verb: 'items',
  input: z.object({ meetingId: UuidSchema }).strict(),
  output: z.object({ items: z.array(OfficeItemViewSchema) }),
  description: 'The items a 室务会 decided, with their tallies.',
});

export const checkDecisionMethod = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'office-meeting',
  verb: 'check-decision-method',
  input: z.object({ matter: MatterSchema, method: z.enum(DECISION_METHODS), emergency: z.boolean().default(false) }).strict(),
  output: z.object({ requiresCollectiveDecision: z.boolean(), followUpReport: z.boolean() }),
  description:
    'Whether a matter may be decided this way: a 三重一大 matter (projects ≥ ¥100,000, purchases ≥ ¥50,000, unbudgeted ≥ ¥50,000, …) only in a 室务会 (CONFLICT otherwise).',
});
