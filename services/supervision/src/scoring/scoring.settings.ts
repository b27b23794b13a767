import { GovError } from '@gov/contracts';
import { DurationSchema } from '@gov/calendar';
import { z } from 'zod';

/**
 * Settings of scoring: the internal scoring of the office's sections (内务督查考核, seed 002 L33–48) and the
 * scoring of units on supervision items. Seed references: /work/shared/seeds/002_*.txt by line (L).
 */

/**
 * One line of the deduction and addition table. `per: 'time'` counts every occurrence ("一次扣…"); `per: 'case'`
 * is counted once per recorded case although the seed does not say "一次" (see the line); `per: 'year'` once a
 * year at most.
 */
export const ScoreItemSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z-]*$/),
  zh: z.string().min(1),
  points: z.number().int().refine((n) => n !== 0, 'points are not 0'),
  per: z.enum(['time', 'case', 'year']),
  seed: z.string().min(1),
  /** the section that supplies the evidence, where the seed names it */
  evidenceFrom: z.string().nullable(),
  /** the case needs the assigning leader's criticism (L44) */
  needsCriticism: z.boolean().default(false),
  /** serious cases are dealt with separately as well (L42 "按相关规定另行处理") */
  mayBeHandledSeparately: z.boolean().default(false),
});
export type ScoreItem = z.infer<typeof ScoreItemSchema>;

export const ScoringSettingsSchema = z
  .strictObject({
    /** "各股室及其工作人员基础分为100分" (L39), every year */
    base: z.number().int().min(0),
    items: z.array(ScoreItemSchema).min(1),
    /** "原则上2个工作日办结" for leader-assigned matters (L44) */
    leaderAssignedMatter: DurationSchema,
    /** "于每季度最后一月28日前交综合股汇总" (L46) */
    evidence: z.strictObject({
      day: z.number().int().min(1).max(28),
      /** whether the day itself is still in time */
      dayIncluded: z.boolean(),
      /** what happens to evidence after it: refused, or accepted and marked late */
      late: z.enum(['refuse', 'mark-late']),
    }),
    /** "对表现优秀的前3个股室、5-8名先进个人进行表彰 … 得分后2名的股室负责人不参与年终评先选优" (L48) */
    yearEnd: z.strictObject({
      commendTopSections: z.number().int().min(1),
      excludeBottomSections: z.number().int().min(1),
      advancedIndividuals: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
      /** a tie at the boundary: every tied section is in (include) or none of them is (exclude) */
      boundaryTies: z.enum(['include', 'exclude']),
    }),
    /** units on supervision items; no seed gives numbers (README.md) */
    units: z.strictObject({
      base: z.number().int().min(0),
      onTime: z.number().int(),
      late: z.number().int(),
      sentBack: z.number().int(),
    }),
  })
  .superRefine((s, ctx) => {
    const codes = new Set<string>();
    s.items.forEach((item, i) => {
      if (codes.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `code ${item.code} repeats` });
      codes.add(item.code);
    });
    const { min, max } = s.yearEnd.advancedIndividuals;
    if (min > max) ctx.addIssue({ code: 'custom', path: ['yearEnd', 'advancedIndividuals'], message: 'min exceeds max' });
  });

export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

export function parseScoringSettings(input: unknown): ScoringSettings {
  const parsed = ScoringSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw GovError.badInput(`invalid scoring settings: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

type ItemInput = z.input<typeof ScoreItemSchema>;
const item = (code: string, zh: string, points: number, per: ItemInput['per'], seed: string, evidenceFrom: string | null = null, extra: Partial<ItemInput> = {}): ItemInput => ({
  code,
  zh,
  points,
  per,
  seed,
  evidenceFrom,
  ...extra,
});

/** seed 002 L40–44, line by line. */
export const SECTION_SCORE_ITEMS: readonly ItemInput[] = [
  item('document-handling-error', '公文办理失误', -1, 'time', 'seed 002 L40', '综合股'),
  item('writing-error', '材料写作失误', -1, 'time', 'seed 002 L40', '秘书股、研究室'),
  item('annual-research-not-done', '未完成年度调研任务', -5, 'year', 'seed 002 L41', '研究室'),
  item('meeting-handling-error', '会务办理失误', -2, 'time', 'seed 002 L42', '综合股'),
  item('specific-affairs-error', '具体事务办理失误', -2, 'time', 'seed 002 L42'),
  item('criticised-by-district-government-leader', '区政府领导在正式场合公开批评', -2, 'time', 'seed 002 L42'),
  item('criticised-by-office-leader', '办公室领导在正式场合公开批评', -1, 'time', 'seed 002 L42'),
  item('late-or-early-leave', '迟到、早退', -1, 'time', 'seed 002 L42'),
  item('absent-half-day', '无故缺勤半天', -2, 'time', 'seed 002 L42'),
  item('absent-full-day', '无故缺勤一天', -3, 'time', 'seed 002 L42'),
  // "未严格执行驻勤制度扣2分": no "一次" in the seed; decision: each recorded case.
  item('resident-duty-breach', '未严格执行驻勤制度', -2, 'case', 'seed 002 L42'),
  item('left-duty-post', '值班无故离岗', -3, 'time', 'seed 002 L42'),
  item('emergency-information-late', '未按要求及时处理突发事件信息', -3, 'time', 'seed 002 L42', null, { mayBeHandledSeparately: true }),
  item('phone-off', '无故关机或无法联系', -1, 'time', 'seed 002 L42'),
  item('missed-collective-activity', '集体活动无故缺席', -1, 'time', 'seed 002 L42'),
  item('provincial-commendation', '省级表彰', 5, 'time', 'seed 002 L43'),
  item('municipal-commendation', '市级表彰', 3, 'time', 'seed 002 L43'),
  item('district-activity-commendation', '区级活动表彰', 2, 'time', 'seed 002 L43'),
  item('praised-by-principal-leader', '区政府主要领导签批表扬，或区政府主要领导、办公室主要领导职工大会上表扬', 3, 'time', 'seed 002 L43'),
  item('leader-assigned-matter-late', '领导交办事项未按时办结受到交办领导批评（算工作失误一次）', -2, 'time', 'seed 002 L44', null, {
    needsCriticism: true,
  }),
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = deepFreeze(parseScoringSettings({
  base: 100,
  items: SECTION_SCORE_ITEMS,
  leaderAssignedMatter: { amount: 2, unit: 'working' },
  // "28日前": decision, the stricter reading: the 28th itself is late (last day the 27th); L46.
  evidence: { day: 28, dayIncluded: false, late: 'refuse' },
  yearEnd: {
    commendTopSections: 3,
    excludeBottomSections: 2,
    advancedIndividuals: { min: 5, max: 8 },
    // decision: equal scores are treated alike; the 主任办公会 decides the awards (L37).
    boundaryTies: 'include',
  },
  // No seed scores units on supervision items. decision, by analogy with seed 002: base 100 (L39); a late
  // item as a late leader-assigned matter, -2 (L44); a report sent back as a handling error, -1 (L40).
  units: { base: 100, onTime: 0, late: -2, sentBack: -1 },
}));
