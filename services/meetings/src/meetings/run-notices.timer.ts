import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { z } from 'zod';
import type { meetings } from '@gov/contracts';
import type { JsonLogger } from '@gov/messaging';
import type { Clock } from '@gov/calendar';
import { CLOCK, LOGGER } from '@gov/service-kit';
import { RunMeetingNotices, noticeTimerContext } from './run-notices.use-case.js';

/**
 * The timer of the meeting notices: every `MEETINGS_NOTICE_TIMER_EVERY_SECONDS` (default 60, on the minute), and
 * once at start-up to catch up a report still ahead of its start or today's list after close of business.
 * `MEETINGS_NOTICE_TIMER` = on | off; the default is on, and off under a test runner (NODE_ENV=test), where tests
 * run the notices through the command for the instants they choose. A bad value stops the service at start-up.
 * A minute's step keeps the report to the chair within a minute of its due time (5 minutes before the start).
 */
export const NoticeTimerConfigSchema = z.object({
  MEETINGS_NOTICE_TIMER: z.enum(['on', 'off']).optional(),
  MEETINGS_NOTICE_TIMER_EVERY_SECONDS: z.coerce.number().int().min(10).max(300).default(60),
  NODE_ENV: z.string().optional(),
});

export function noticeTimerConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = NoticeTimerConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`meetings: invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const { MEETINGS_NOTICE_TIMER, MEETINGS_NOTICE_TIMER_EVERY_SECONDS, NODE_ENV } = parsed.data;
  return { enabled: (MEETINGS_NOTICE_TIMER ?? (NODE_ENV === 'test' ? 'off' : 'on')) === 'on', everyMs: MEETINGS_NOTICE_TIMER_EVERY_SECONDS * 1000 };
}

/** Milliseconds from `now` to the next multiple of `everyMs` (a full step when it is exactly now). */
export function msUntilNextTick(now: Date, everyMs: number): number {
  const rest = now.getTime() % everyMs;
  return everyMs - rest;
}

@Injectable()
export class MeetingNoticeTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly config = noticeTimerConfig();

  constructor(
    private readonly notices: RunMeetingNotices,
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
    }, msUntilNextTick(this.clock.now(), this.config.everyMs));
    this.timer.unref();
  }

  /** One run at a time: a tick that comes while the previous run is still going waits for it. */
  private run(): void {
    this.running = this.running.then(() => this.runNow()).catch(() => undefined);
  }

  /** One run for now as the 会务 clerk (what the timer does each tick); logs what it pushed. */
  async runNow(): Promise<meetings.MeetingNoticeRun> {
    const at = this.clock.now().toISOString();
    try {
      const r = await this.notices.execute({ at }, noticeTimerContext());
      if (r.reports.length > 0 || r.unsignedLists.length > 0) {
        this.logger.info('meetings notices pushed', { at, reports: r.reports.length, unsignedLists: r.unsignedLists.length });
      }
      return r;
    } catch (error) {
      this.logger.error('meetings notices failed', { at, error: (error as Error).message });
      throw error;
    }
  }
}
