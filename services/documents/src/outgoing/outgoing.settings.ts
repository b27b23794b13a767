import { GovError } from '@gov/contracts';
import { z } from 'zod';

/**
 * Settings of the outgoing-document rules (发文). Numbers carry their unit; where seeds disagree the default
 * is the stricter reading; silent points have a documented default (services/documents/src/RULES.md).
 */

export const HoursSchema = z.strictObject({ amount: z.number().int().min(1).max(720), unit: z.literal('hours') });
export type Hours = z.infer<typeof HoursSchema>;

const OrganCodeSchema = z.strictObject({
  /** 代字 of formal documents (文件), e.g. 区委发. */
  document: z.string().trim().min(1).max(20),
  /** 代字 of letters (函), e.g. 区府函. */
  letter: z.string().trim().min(1).max(20),
});

/**
 * 机关发文代字 per issuing name (seed 000 L230: the handler sets the 代字 category by issuing level, document
 * type and distribution scope). The seeds name real codes of other districts (深宝办发 seed 000 L164; 遂安府发,
 * 遂安府办发, 遂安府办函, 遂安委办发 seed 002 L1); a deployment sets its own. Joint documents carry only the lead
 * organ's number (GB/T 9704, national-rules 2.2), so they have no codes of their own.
 */
export const OrganCodesSchema = z.strictObject({
  'party-committee': OrganCodeSchema,
  government: OrganCodeSchema,
  'party-office': OrganCodeSchema,
  'government-office': OrganCodeSchema,
});

export const LegalTopicSchema = z.enum(['licensing', 'penalty', 'fee', 'compulsory-measure']);
export type LegalTopic = z.infer<typeof LegalTopicSchema>;

export const OutgoingSettingsSchema = z.strictObject({
  organCodes: OrganCodesSchema.default({
    'party-committee': { document: '区委发', letter: '区委函' },
    government: { document: '区府发', letter: '区府函' },
    'party-office': { document: '区委办发', letter: '区委办函' },
    'government-office': { document: '区府办发', letter: '区府办函' },
  }),
  /**
   * Topics that always need 法制办's written opinion (seed 004 L44: 行政许可、行政处罚、行政收费、行政强制措施).
   * seed 002 L289 leaves specific acts *not in the government's name* out of its review; a document issued by
   * the office is in its name, so the stricter seed 004 list applies.
   */
  legalReviewTopics: z.array(LegalTopicSchema).default(['licensing', 'penalty', 'fee', 'compulsory-measure']),
  /**
   * seed 000 L294 sends normative documents effective over six months straight to 法制办 and says nothing of
   * shorter ones (seed000-a gap 13). Default false: a short-lived normative document is reviewed too.
   */
  shortLivedNormativeExempt: z.boolean().default(false),
  /** A circled read (圈阅) as consent: 条例 art. 22 allows it, seed 002 L381 refuses a bare mark. Stricter: false. */
  acceptCircledReadAsConsent: z.boolean().default(false),
  /**
   * 事后补签 (seed 002 L379) lets an urgent draft go on before the absent leader signs. Default false: a
   * signature still owed blocks numbering, as 漏签 does (seed 000 L230).
   */
  allowNumberingWithPendingLaterSignature: z.boolean().default(false),
  /** Major office-name documents are signed by 区长 as major government documents are (seed 004 L48, stricter reading). */
  majorOfficeDocumentsSignedByDistrictHead: z.boolean().default(true),
  /** Documents to the city government get a second proofreading by the 研究室 director (seed 002 L317). */
  secondProofForCityGovernment: z.boolean().default(true),
  /** 份号 digits (GB/T 9704 7.2.1, national-rules 2.2 "[mem]: use 6 digits"). */
  copyNumberDigits: z.number().int().min(1).max(8).default(6),
  /**
   * Which documents carry 份号: every copy of every document (the issue: "印制 with 份号 per copy"), or only
   * classified ones (条例 art. 9 [mem]). Default every-document, the stricter.
   */
  copyNumbersFor: z.enum(['every-document', 'classified-only']).default('every-document'),
  /** 分发 normally within 24 hours (seed 000 L238: 一般应24小时内发出). */
  distributionWithin: HoursSchema.default({ amount: 24, unit: 'hours' }),
  /**
   * Where the 24 hours start (seed000-a gap 12: not stated). Default `printed`, as SCENARIOS seed000-a #13;
   * `numbered` is earlier and stricter.
   */
  distributionClockStartsAt: z.enum(['printed', 'numbered']).default('printed'),
});

export type OutgoingSettings = z.infer<typeof OutgoingSettingsSchema>;

export const DEFAULT_OUTGOING_SETTINGS: OutgoingSettings = OutgoingSettingsSchema.parse({});

export function outgoingSettings(overrides: unknown = {}): OutgoingSettings {
  const parsed = OutgoingSettingsSchema.safeParse(overrides);
  if (!parsed.success) {
    throw GovError.badInput(`invalid outgoing settings: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
