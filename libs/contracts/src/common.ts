import { z } from 'zod';

/** 密级. Ordered none < secret 秘密 < confidential 机密 < top-secret 绝密 (libs/auth owns the ordering). */
export const ClassificationSchema = z.enum(['none', 'secret', 'confidential', 'top-secret']);
export type Classification = z.infer<typeof ClassificationSchema>;

/** Text fields: trimmed, non-empty, bounded; Chinese text is counted in characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const IsoDateTimeSchema = z.string().datetime({ offset: true });
export const UuidSchema = z.string().uuid();

export const PageSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
