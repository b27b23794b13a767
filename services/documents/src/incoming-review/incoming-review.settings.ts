import { GovError } from '@gov/contracts';
import { DurationSchema } from '@gov/calendar';
import { z } from 'zod';

/**
 * Settings of the incoming-review rules (初审 → 归档). Every number carries its unit; where the seeds disagree
 * the default is the stricter reading, and where they are silent the default is written down with its reason
 * (services/documents/src/RULES.md, "Decisions").
 */

/** What happens when several leaders' instructions on one item disagree. */
export const ConflictPolicySchema = z.enum([
  /** Return the item to the person who handed it over (特殊件: seed 000 L250 ④, L270 ④). */
  'return-to-handover-person',
  /** Follow the most senior leader's instruction and inform the deputy director in charge (seed 000 L1036). */
  'higher-rank-prevails',
  /** Stop and put the conflict to the office leader in charge, who decides (default where the seeds are silent). */
  'refer-to-office-leader',
]);
export type ConflictPolicy = z.infer<typeof ConflictPolicySchema>;

const UrgencySchema = z.enum(['normal', 'urgent', 'very-urgent']);

/** A date in the year: month 1–12, day 1–31, and how many years after the closing year it falls. */
export const YearlyDateSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  yearsAfter: z.number().int().min(0).max(5),
});

export const IncomingReviewSettingsSchema = z.strictObject({
  /** Several leaders sign a request in ascending rank, junior first (seed 000 L174: 按职务由小到大送签). */
  coSigningOrder: z.enum(['ascending', 'descending']).default('ascending'),
  /** Per flow: ordinary requests (seeds silent), special items (seed 000 L250), higher-level documents (L1036). */
  conflictingInstructions: z
    .strictObject({
      ordinary: ConflictPolicySchema.default('refer-to-office-leader'),
      specialItem: ConflictPolicySchema.default('return-to-handover-person'),
      higherLevelDocument: ConflictPolicySchema.default('higher-rank-prevails'),
    })
    .default({ ordinary: 'refer-to-office-leader', specialItem: 'return-to-handover-person', higherLevelDocument: 'higher-rank-prevails' }),
  /**
   * Urgencies whose assignment must carry a handling deadline: 急件/特急件 "应注明办理时限" (seed 000 L100),
   * "紧急公文应当明确办理时限" (seed 003 L13@c8700), art. 24 (national-rules 2.1).
   */
  deadlineRequiredFor: z.array(UrgencySchema).default(['urgent', 'very-urgent']),
  /** Urgent or important items get a dedicated chaser (seed 003 L13@c8846; art. 24). */
  dedicatedChaserForUrgentOrImportant: z.boolean().default(true),
  /** Urgent items submitted to leaders are tracked by a designated person (seed 000 L174: 急件专人跟踪). */
  trackerForUrgentSubmissions: z.boolean().default(true),
  /**
   * Items that go to the district head (or another principal leader) are signed off in the office by the
   * director; others by the deputy director in charge (seed 004 L18). Setting it false leaves every item
   * with the deputy director.
   */
  directorSignsOffForPrincipalLeader: z.boolean().default(true),
  /**
   * Whether the office director must review every item after the deputy director. Seeds differ: office 办件
   * go 科长—分管副主任—主任 (seed 000 L100); 办文科 requests go 承办人—科长—办领导 (L172), as the issue says.
   * Default false: the director only where seed 004 L18 requires it.
   */
  directorReviewsEveryItem: z.boolean().default(false),
  /**
   * Items for reading (阅件) are circulated on the day they are registered and never held back to batch with
   * the next day's (seed 000 L102: 一天一送,不得累积送阅; L448 the same day). Amount 0 calendar days = same day.
   */
  readingCirculationWithin: DurationSchema.default({ amount: 0, unit: 'calendar' }),
  /**
   * Formal documents from non-superior sources (非上三级来文) arrive in 3 copies: one archived by the registry
   * (综合股), one by the secretary, one for circulation (seed 002 L387: 一式3份).
   */
  nonSuperiorIncomingCopies: z.number().int().min(1).max(10).default(3),
  /** The handling feedback form to a non-organ originator is made in 2 copies (seed 002 L388: 一式两份). */
  feedbackFormCopies: z.number().int().min(1).max(10).default(2),
  /** Concluded items go to the district archives at the end of the year (seed 000 L180: 年底…移交区档案局(馆)). */
  archiveTransferBy: YearlyDateSchema.default({ month: 12, day: 31, yearsAfter: 0 }),
});

export type IncomingReviewSettings = z.infer<typeof IncomingReviewSettingsSchema>;

export const DEFAULT_INCOMING_REVIEW_SETTINGS: IncomingReviewSettings = IncomingReviewSettingsSchema.parse({});

/** Validated settings from a deployment's overrides; BAD_USER_INPUT names the bad field. */
export function incomingReviewSettings(overrides: unknown = {}): IncomingReviewSettings {
  const parsed = IncomingReviewSettingsSchema.safeParse(overrides);
  if (!parsed.success) {
    throw GovError.badInput(`invalid incoming-review settings: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
