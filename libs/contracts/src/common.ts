import { z } from 'zod';

/** 密级. Ordered none < secret 秘密 < confidential 机密 < top-secret 绝密 (libs/auth owns the ordering). */
export const ClassificationSchema = z.enum(['none', 'secret', 'confidential', 'top-secret']);
export type Classification = z.infer<typeof ClassificationSchema>;

/** Text fields: trimmed, non-empty, bounded; Chinese text is counted in characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const IsoDateTimeSchema = z.string().datetime({ offset: true });
export const UuidSchema = z.string().uuid();

/** One signed step in an aggregate's history (who, when, from, to, why): the same shape in every section. */
export const HistoryEntrySchema = z.object({
  at: IsoDateTimeSchema,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A history row as every service's table stores it, turned into its wire view. */
export function toHistoryEntry(row: {
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
}): HistoryEntry {
  return {
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    fromState: row.fromState,
    toState: row.toState,
    reason: row.reason,
  };
}

export const PageSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
