import { DurationSchema } from '@gov/calendar';
import { YearlyDateSchema } from '../incoming-review/incoming-review.settings.js';
import { GovError } from '@gov/contracts';
import { z } from 'zod';

/**
 * Settings of the confidential-document (机要) and telegram rules. Numbers carry their unit; where seeds
 * disagree the default is the stricter reading (services/documents/src/RULES.md).
 */
export const ConfidentialSettingsSchema = z.strictObject({
  /**
   * Who writes the proposed handling before anything moves: seed 004 L30 the office director; seed 000 L1034
   * the deputy director in charge reads and instructs; seed 001 L1520 the deputy 核办 and the director 审定.
   * Stricter: the director.
   */
  proposalBy: z.enum(['director', 'deputy-director']).default('director'),
  /**
   * Return period when the sender states none. seed 004 L40 says only "按规定时间" (no number), so there is no
   * default period: a document to be returned must be registered with its due date.
   */
  defaultReturnPeriod: DurationSchema.nullable().default(null),
  /** The bureau head checks a 绝密 document's progress at least twice a day (seed 000 L1040: 不得少于二次). */
  topSecretChecksPerDay: z.number().int().min(1).max(24).default(2),
  /**
   * Copying 绝密 documents: never (seed 002 L104: 严禁复印, also cipher telegrams) or with the office director's
   * approval (seed 003 L13@c9551). Stricter: never.
   */
  topSecretCopy: z.enum(['never', 'director-approval']).default('never'),
  /**
   * Who approves copying 机密/秘密: the organ head (seed 003 L13@c9517: 本机关负责人, here the director) or the
   * cadre in charge of secrecy (seed 002 L104; here the secrecy officer). Stricter: the director.
   */
  classifiedCopyApprover: z.enum(['director', 'secrecy-officer']).default('director'),
  /** Witnesses of a cipher-telegram destruction (seed 000 L1090: 两人; seed 001 L1452: 两人以上). */
  destructionWitnesses: z.number().int().min(2).max(10).default(2),
  /**
   * Phone approval with a later signature (电话请示同意,事后补签) is written for 区委/区政府 telegrams (seed 000
   * L1074). Stricter default: those only; `all` extends it to units' telegrams.
   */
  phoneApprovalFor: z.enum(['district-only', 'all']).default('district-only'),
  /**
   * 绝密 cipher telegrams: 即送、即阅、即退 (seed 000 L1086(3)). The seeds give no number; the default reads 即退 as
   * back the same day (0 calendar days).
   */
  topSecretCipherReturnWithin: DurationSchema.default({ amount: 0, unit: 'calendar' }),
  /**
   * Higher-level documents received in a year go to the archives bureau by the end of March of the next year
   * (seed 000 L1154: 每年3月底前将上一年度收到的文件交档案局归档). Other units differ (seed000-a gap 8); this is the
   * 保密局 track's own rule.
   */
  archiveHandOverBy: YearlyDateSchema.default({ month: 3, day: 31, yearsAfter: 1 }),
  /**
   * A phone-approved telegram's later signature (事后补签, seed 000 L1074) is owed from acceptance. The seed gives
   * no time: the default is the next working day (confidential/README.md C1), after which the telegram is flagged overdue.
   */
  laterSignatureWithin: DurationSchema.default({ amount: 1, unit: 'working' }),
});

export type ConfidentialSettings = z.infer<typeof ConfidentialSettingsSchema>;

export const DEFAULT_CONFIDENTIAL_SETTINGS: ConfidentialSettings = ConfidentialSettingsSchema.parse({});

export function confidentialSettings(overrides: unknown = {}): ConfidentialSettings {
  const parsed = ConfidentialSettingsSchema.safeParse(overrides);
  if (!parsed.success) {
    throw GovError.badInput(`invalid confidential settings: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
