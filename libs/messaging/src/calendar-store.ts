import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { parseHolidayYear, WorkingCalendar, type HolidayYear } from '@gov/calendar';
import type { SubjectSpace } from '@gov/contracts';
import type { JsonLogger } from './logger.js';

/**
 * The platform's working-day calendar: the years shipped with libs/calendar plus the years an administrator
 * loads later (the State Council publishes each year's schedule in November). Loaded years live in the JetStream
 * key-value bucket `gov_calendar` (key `year.<YYYY>`): the gateway writes, every service reads at start and
 * watches, so a newly loaded year reaches every deadline computation without a restart.
 */
export class CalendarStore {
  private current: WorkingCalendar;
  private stopWatch: (() => void) | undefined;

  private constructor(
    private readonly kv: KV,
    base: WorkingCalendar,
    private readonly logger?: JsonLogger,
  ) {
    this.current = base;
  }

  static async open(nc: NatsConnection, space: SubjectSpace, options: { logger?: JsonLogger; base?: WorkingCalendar } = {}) {
    const kv = await new Kvm(nc).create(space.calendarBucket, { history: 5 });
    const store = new CalendarStore(kv, options.base ?? WorkingCalendar.bundled(), options.logger);
    const watcher = await kv.watch({ key: 'year.*' });
    store.stopWatch = () => watcher.stop();
    let initialised!: () => void;
    const ready = new Promise<void>((r) => (initialised = r));
    (async () => {
      for await (const entry of watcher) {
        if (entry.operation === 'PUT') store.apply(entry.string());
        if (entry.delta === 0) initialised();
      }
    })().catch((error) => options.logger?.error('calendar watch ended', { error: String(error) }));
    // An empty bucket sends no entries; do not wait for one.
    const status = await kv.status();
    if (status.values === 0) initialised();
    await ready;
    return store;
  }

  get calendar(): WorkingCalendar {
    return this.current;
  }

  /** Validates and stores a year; every service's store picks it up through its watch. */
  async put(input: unknown): Promise<HolidayYear> {
    const year = parseHolidayYear(input);
    await this.kv.put(`year.${year.year}`, JSON.stringify(year));
    this.current = this.current.withYear(year);
    return year;
  }

  close(): void {
    this.stopWatch?.();
  }

  private apply(json: string): void {
    try {
      this.current = this.current.withYear(parseHolidayYear(JSON.parse(json)));
    } catch (error) {
      this.logger?.error('ignoring an invalid calendar year in the bucket', { error: String(error) });
    }
  }
}
