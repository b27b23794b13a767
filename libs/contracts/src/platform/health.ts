import { z } from 'zod';

/** What /health answers on every service and the gateway. */
export const HealthReportSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  service: z.string(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
  outboxBacklog: z.number().int().optional(),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;
