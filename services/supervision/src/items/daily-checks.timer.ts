import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { z } from 'zod';
import type { supervision } from '@gov/contracts';
import type { JsonLogger } from '@gov/messaging';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, LOGGER } from '@gov/service-kit';
import { systemContext } from './item-workflow.js';
import { RunDailySupervisionChecks } from './daily-checks.use-case.js';

/**
 * The timer of the daily checks: once a day at `SUPERVISION_DAILY_CHECK_AT` (Beijing time, default 07:30,
 * before office hours), and once at start-up to catch up a day the service was down. `SUPERVISION_DAILY_CHECKS`
 * = on | off; the default is on, and off under a test runner (NODE_ENV=test), where tests run the checks
 * through the command for the dates they choose. A bad value stops the service at start-up.
 */
export const DailyChecksConfigSchema = z.object({
  SUPERVISION_DAILY_CHECKS: z.enum(['on', 'off']).optional(),
  SUPERVISION_DAILY_CHECK_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (Beijing time)')
    .default('07:30'),
  NODE_ENV: z.string().optional(),
});

export function dailyChecksConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = DailyChecksConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`supervision: invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const { SUPERVISION_DAILY_CHECKS, SUPERVISION_DAILY_CHECK_AT, NODE_ENV } = parsed.data;
  return { enabled: (SUPERVISION_DAILY_CHECKS ?? (NODE_ENV === 'test' ? 'off' : 'on')) === 'on', at: SUPERVISION_DAILY_CHECK_AT };
}

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Milliseconds from `now` to the next `HH:MM` Beijing time (a full day when it is exactly now). */
export function msUntilNext(now: Date, at: string): number {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const beijing = now.getTime() + BEIJING_OFFSET_MS;
  const dayStart = Math.floor(beijing / DAY_MS) * DAY_MS;
  let next = dayStart + (h * 60 + m) * 60_000;
  if (next <= beijing) next += DAY_MS;
  return next - beijing;
}

@Injectable()
export class DailyChecksTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly config = dailyChecksConfig();

  constructor(
    private readonly checks: RunDailySupervisionChecks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.enabled) return;
    this.run();
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.run();
      this.schedule();
    }, msUntilNext(this.clock.now(), this.config.at));
    this.timer.unref();
  }

  private run(): void {
    this.running = this.runNow().catch(() => undefined);
  }

  /** One run for today as 督查室 (what the timer does each day); logs the outcome. */
  async runNow(): Promise<supervision.DailyChecksResult> {
    const date = toIsoDate(this.clock.now());
    try {
      const r = await this.checks.execute({ date }, systemContext('daily-checks'));
      this.logger.info('supervision daily checks done', { date, checked: r.checked, notices: r.notices.length });
      return r;
    } catch (error) {
      this.logger.error('supervision daily checks failed', { date, error: (error as Error).message });
      throw error;
    }
  }
}
