/** Injection tokens of what the service kit gives every service's providers. */
export const DATABASE = Symbol('DATABASE'); // the service's PrismaClient
export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');
export const CLOCK = Symbol('CLOCK');
export const LOGGER = Symbol('LOGGER');
/** A CalendarStore: `.calendar` is the current WorkingCalendar (bundled years + admin-loaded ones). */
export const CALENDAR = Symbol('CALENDAR');

/** A JetStream consumer a service declares as a Nest provider; the kit runs it idempotently. */
export interface EventConsumer {
  /** Durable name `<service>-<purpose>`. */
  readonly durable: string;
  readonly eventTypes: string[];
  handle(event: import('@gov/contracts').EventEnvelope, tx: import('@gov/persistence').SqlExecutor): Promise<void>;
}
