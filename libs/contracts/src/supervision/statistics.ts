import { z } from 'zod';
import { UuidSchema } from '../common.js';
import { defineCommand } from '../define.js';

/**
 * Statistics of supervision items (issue 5 §7): monthly, half-year and annual reports by source kind, lead unit,
 * state and overdue days. An item is in a period's report when it was opened (立项) on or before the period's
 * last day and not closed before its first day. Its state is the one it had at the period's end (from its
 * history); overdue days run from the day after `dueOn` to the day it closed or the period's end (or today,
 * for a period not yet over), in calendar and in working days.
 */

const IsoDateSchema = z.iso.date();

export const StatisticsPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }).strict(),
  z.object({ kind: z.literal('half-year'), year: z.number().int().min(2000).max(2100), half: z.number().int().min(1).max(2) }).strict(),
  z.object({ kind: z.literal('year'), year: z.number().int().min(2000).max(2100) }).strict(),
]);
export type StatisticsPeriod = z.infer<typeof StatisticsPeriodSchema>;

export const StatisticsBucketSchema = z.object({
  key: z.string(),
  /** items in the period */
  items: z.number().int(),
  /** opened (立项) in the period */
  opened: z.number().int(),
  /** closed (办结) in the period */
  closed: z.number().int(),
  /** overdue at the period's end or when closed */
  overdue: z.number().int(),
  overdueCalendarDays: z.number().int(),
  overdueWorkingDays: z.number().int(),
  maxOverdueCalendarDays: z.number().int(),
});
export type StatisticsBucket = z.infer<typeof StatisticsBucketSchema>;

/**
 * Suggestions and proposals (人大代表建议、政协委员提案) of the period: received on or before its last day and not
 * closed before its first day; state at the period's end; a reply is overdue when it came, or has not come by
 * `countedTo`, after its current due date.
 */
export const NpcStatisticsBucketSchema = z.object({
  key: z.string(),
  items: z.number().int(),
  received: z.number().int(),
  closed: z.number().int(),
  replyOverdue: z.number().int(),
  replyOverdueCalendarDays: z.number().int(),
});
export type NpcStatisticsBucket = z.infer<typeof NpcStatisticsBucketSchema>;

export const SupervisionReportSchema = z.object({
  period: StatisticsPeriodSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** the day overdue days were counted to for items still open: the period's end, or today if earlier */
  countedTo: IsoDateSchema,
  total: StatisticsBucketSchema,
  bySourceKind: z.array(StatisticsBucketSchema),
  byLeadUnit: z.array(StatisticsBucketSchema),
  byState: z.array(StatisticsBucketSchema),
  npcCppcc: z.object({
    total: NpcStatisticsBucketSchema,
    byKind: z.array(NpcStatisticsBucketSchema),
    byState: z.array(NpcStatisticsBucketSchema),
    /** A–D of the replies given; `none` before a reply */
    byGrade: z.array(NpcStatisticsBucketSchema),
    byLeadUnit: z.array(NpcStatisticsBucketSchema),
  }),
  /** the overdue items, longest first (identifiers only) */
  overdueItems: z.array(
    z.object({
      itemId: UuidSchema,
      registerNumber: z.string(),
      sourceKind: z.string(),
      leadUnit: z.string().nullable(),
      state: z.string(),
      dueOn: IsoDateSchema,
      countedTo: IsoDateSchema,
      calendarDays: z.number().int(),
      workingDays: z.number().int(),
    }),
  ),
});
export type SupervisionReport = z.infer<typeof SupervisionReportSchema>;

export const supervisionReport = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'statistics',
  verb: 'report',
  input: z.object({ period: StatisticsPeriodSchema }).strict(),
  output: SupervisionReportSchema,
  description: 'A monthly, half-year or annual report of supervision items by source kind, lead unit, state and overdue days.',
});
