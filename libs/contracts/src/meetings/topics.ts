import { z } from 'zod';
import { HistoryEntrySchema, IsoDateTimeSchema, UuidSchema, text } from '../common.js';
import { defineCommand, defineEvent } from '../define.js';

/**
 * Topics (议题, issue 4 §4) of the standing committee, the executive meeting, the 室务会 and the topic meetings:
 * submitted with their materials by the deadline of the meeting type; ad-hoc topics refused unless major or
 * urgent and then approved; a topic that needs legality review waits for legal-review's
 * `gov.legal-review.review.concluded` (a failed review blocks it); an industrial-land or planning topic waits
 * for the industry commission's opinion. Rules: services/meetings/src/meetings/topic.rules.ts.
 */

export const TOPIC_STATES = ['submitted', 'blocked', 'deliberated'] as const;
export const LEGAL_REVIEW_STATES = ['not-requested', 'pending', 'passed', 'failed'] as const;
export const LEGAL_REVIEW_EXEMPT_SUBJECTS = [
  'personnel-appointment',
  'internal-management',
  'commendation',
  'specific-act-not-in-government-name',
  'emergency-response',
] as const;
export const DELIBERATION_BLOCKS = ['legal-review-pending', 'legal-review-failed', 'industry-opinion-missing'] as const;

export const SubmitTopicInputSchema = z
  .object({
    meetingId: UuidSchema,
    title: text(200),
    /** 议题提出单位 */
    proposingUnit: z.string().trim().min(1).max(64),
    /** planned (collected for the agenda) or ad hoc (临时性议题) */
    origin: z.enum(['planned', 'ad-hoc']).default('planned'),
    major: z.boolean().default(false),
    urgent: z.boolean().default(false),
    materialsAttached: z.boolean(),
    /** 常委会: materials signed by the unit's supervising leader (seed 003 L13@c11476) */
    materialsSignedByLeader: z.boolean().default(false),
    /** 常委会: the proposed list of attending units (seed 003 L13@c11563) */
    attendeeListAttached: z.boolean().default(false),
    normativeDocument: z.boolean().default(false),
    majorAdministrativeDecision: z.boolean().default(false),
    involvesLegalProvisions: z.boolean().default(false),
    exemptSubject: z.enum(LEGAL_REVIEW_EXEMPT_SUBJECTS).nullable().default(null),
    industrialLand: z.boolean().default(false),
    planning: z.boolean().default(false),
    /** 室务会 topics: what the admission check reads (seed 003 第二十条–第二十二条, L13@c2683–3030) */
    officeAdmission: z
      .object({
        normativeOrMajorDecision: z.boolean(),
        /** 综合室 前置审核 done */
        preReviewDone: z.boolean(),
        /** consultation, research or risk assessment was needed and skipped */
        requiredStudySkipped: z.boolean(),
        crossUnit: z.boolean(),
        unitsAgreed: z.boolean(),
        /** urgent cross-unit topics: the preferred option and the other units' opinions attached */
        preferredOptionAndOthersAttached: z.boolean(),
        /** reviewed first by the member in charge (经分管领导先行审核) */
        reviewedByMemberInCharge: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SubmitTopicInput = z.input<typeof SubmitTopicInputSchema>;

export const TopicViewSchema = z.object({
  id: UuidSchema,
  meetingId: UuidSchema,
  meetingTypeCode: z.string(),
  title: z.string(),
  proposingUnit: z.string(),
  origin: z.enum(['planned', 'ad-hoc']),
  major: z.boolean(),
  urgent: z.boolean(),
  submittedAt: IsoDateTimeSchema,
  /** the submission deadline of the meeting type, if any (close of business on this date) */
  submissionLatestDate: z.string().nullable(),
  materialsAttached: z.boolean(),
  normativeDocument: z.boolean(),
  majorAdministrativeDecision: z.boolean(),
  /** the head of the legal office sits in (seed 000 L114) */
  legalOfficeSitsIn: z.boolean(),
  legalReview: z.enum(LEGAL_REVIEW_STATES),
  legalReviewRequestId: UuidSchema.nullable(),
  legalReviewOpinionNumber: z.string().nullable(),
  industrialLand: z.boolean(),
  planning: z.boolean(),
  industryOpinionNeeded: z.boolean(),
  industryCommissionOpinion: z.boolean(),
  adHocApprovals: z.object({ director: z.boolean(), principalLeader: z.boolean(), districtMayor: z.boolean() }),
  state: z.enum(TOPIC_STATES),
  blocks: z.array(z.enum(DELIBERATION_BLOCKS)),
  deliberatedAt: IsoDateTimeSchema.nullable(),
  history: z.array(HistoryEntrySchema),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

const IdInput = z.object({ id: UuidSchema }).strict();

export const submitTopic = defineCommand({
  section: 'meetings',
  aggregate: 'topic',
  verb: 'submit',
  input: SubmitTopicInputSchema,
  output: TopicViewSchema,
  description: 'A unit submits a topic with its materials by the meeting type’s deadline; a topic needing legality review asks legal-review.',
});

export const approveAdHocTopic = defineCommand({
  section: 'meetings',
  aggregate: 'topic',
  verb: 'approve-ad-hoc',
  input: IdInput,
  output: TopicViewSchema,
  description: 'The approvals of an ad-hoc topic: the office director; the Party secretary (常委会) or the district mayor (常务会议).',
});

export const recordIndustryOpinion = defineCommand({
  section: 'meetings',
  aggregate: 'topic',
  verb: 'record-industry-opinion',
  input: z.object({ id: UuidSchema, opinion: text(2000) }).strict(),
  output: TopicViewSchema,
  description: '工信委 has studied an industrial-land or planning topic and given its opinion (seed 004 L119).',
});

export const deliberateTopic = defineCommand({
  section: 'meetings',
  aggregate: 'topic',
  verb: 'deliberate',
  input: IdInput,
  output: TopicViewSchema,
  description: 'The topic is deliberated at its meeting: refused while legality review or the industry opinion blocks it.',
});

export const getTopic = defineCommand({
  kind: 'query',
  section: 'meetings',
  aggregate: 'topic',
  verb: 'get',
  input: IdInput,
  output: TopicViewSchema,
  description: 'One topic with its review state, blocks and history.',
});

export const topicBlocked = defineEvent({
  section: 'meetings',
  aggregate: 'topic',
  name: 'blocked',
  subjectKey: 'topicId',
  description: 'A topic may not be deliberated: legal-review failed it (or another block applies). The reasons are the blocks.',
  data: z.object({
    topicId: UuidSchema,
    meetingId: UuidSchema,
    blocks: z.array(z.enum(DELIBERATION_BLOCKS)).min(1),
    /** the legal-review opinion that failed it, if any */
    opinionNumber: z.string().nullable(),
    blockedAt: IsoDateTimeSchema,
  }),
  example: {
    topicId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    blocks: ['legal-review-failed'],
    opinionNumber: '法审〔2026〕4号',
    blockedAt: '2026-03-02T06:00:00.000Z',
  },
});
