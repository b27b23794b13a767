import 'reflect-metadata';
import { Global, Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { SubjectSpace, type HealthReport, type Section } from '@gov/contracts';
import { systemClock, type Clock } from '@gov/calendar';
import { createPrismaClient, type SqlDatabase } from '@gov/persistence';
import {
  CalendarStore,
  ConnectionWatch,
  connectNats,
  ensureEventsStream,
  IdempotentConsumer,
  JsonLogger,
  OutboxRelay,
  outboxBacklog,
} from '@gov/messaging';
import { loadServiceConfig, type ServiceConfig } from './config.js';
import { GovNatsServer } from './nats-server.js';
import { CALENDAR, CLOCK, DATABASE, LOGGER, UNIT_OF_WORK, type EventConsumer } from './tokens.js';
import { UnitOfWork } from './unit-of-work.js';
import { createServiceMetrics } from './metrics.js';

export const RUNTIME = Symbol('RUNTIME');

export interface ServiceDefinition<Db> {
  section: Section;
  /** The service's feature modules (one per workflow folder). */
  modules: Type<unknown>[];
  /** The service's generated PrismaClient class. */
  prismaClient: new (options: { adapter: never }) => Db;
  /** Providers (declared in `modules`) that consume other sections' events. */
  consumers?: Type<EventConsumer>[];
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
}

/**
 * Everything a running service holds besides its Nest application: configuration, the NATS connection used
 * for events, the database, the outbox relay, the consumers. It starts them in order and stops them in the
 * reverse order so that nothing in flight is lost.
 */
export class ServiceRuntime {
  app!: NestFastifyApplication;
  server!: GovNatsServer;
  readonly consumers: IdempotentConsumer[] = [];
  readonly metrics = createServiceMetrics();
  private stopping: Promise<void> | undefined;
  private readonly natsWatch: ConnectionWatch;
  /** The request server's own connection (Nest's ServerNats opens it), watched once the server listens. */
  private rpcWatch: ConnectionWatch | undefined;

  constructor(
    readonly config: ServiceConfig,
    readonly logger: JsonLogger,
    readonly space: SubjectSpace,
    readonly nc: NatsConnection,
    readonly db: SqlDatabase,
    readonly relay: OutboxRelay,
    readonly clock: Clock,
    /** The working-day calendar: bundled years plus those an admin loaded (watched live). */
    readonly calendars: CalendarStore,
  ) {
    this.natsWatch = new ConnectionWatch(nc);
  }

  /** Called once the NATS request server is connected. */
  watchRequestConnection(): void {
    this.rpcWatch = new ConnectionWatch(this.server.unwrap<NatsConnection>());
  }

  get httpUrl(): string {
    const address = this.app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : this.config.HTTP_PORT;
    return `http://${this.config.HTTP_HOST}:${port}`;
  }

  backlog(): Promise<number> {
    return outboxBacklog(this.db);
  }

  async health(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    const events = this.natsWatch.check;
    const requests = this.rpcWatch?.check ?? { ok: false, detail: 'request server not started' };
    checks.nats = events.ok && requests.ok
      ? { ok: true }
      : { ok: false, detail: [!events.ok && `events: ${events.detail}`, !requests.ok && `requests: ${requests.detail}`].filter(Boolean).join('; ') };
    let backlog: number | undefined;
    try {
      await this.db.$queryRawUnsafe('SELECT 1');
      checks.database = { ok: true };
      backlog = await this.backlog();
      checks.outbox = { ok: backlog < 1000, detail: `${backlog} waiting` };
    } catch (error) {
      checks.database = { ok: false, detail: (error as Error).message };
    }
    const status = !checks.database.ok || !checks.nats.ok ? 'down' : checks.outbox?.ok ? 'ok' : 'degraded';
    return { status, service: this.config.section, checks, ...(backlog === undefined ? {} : { outboxBacklog: backlog }) };
  }

  /** Graceful shutdown: stop taking requests and finish those in hand, stop consumers, flush the outbox, drain NATS. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info('shutting down');
      await this.app.close();
      await Promise.all(this.consumers.map((c) => c.stop()));
      await this.relay.stop();
      this.calendars.close();
      await this.nc.drain().catch(() => undefined);
      await this.db.$disconnect();
      this.logger.info('stopped');
    })();
    return this.stopping;
  }
}

@Global()
@Module({})
class ServiceKitModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [], // HealthController is added by the root module below
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: DATABASE, useValue: runtime.db },
        { provide: UNIT_OF_WORK, useValue: new UnitOfWork(runtime.db as never, runtime.relay) },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: CALENDAR, useValue: runtime.calendars },
        { provide: LOGGER, useValue: runtime.logger },
      ],
      exports: [RUNTIME, DATABASE, UNIT_OF_WORK, CLOCK, CALENDAR, LOGGER],
    };
  }
}

/** Starts one office section: the whole main.ts of a service is a call to this. */
export async function startService<Db>(definition: ServiceDefinition<Db>, options: StartOptions = {}): Promise<ServiceRuntime> {
  const config = loadServiceConfig(definition.section, options.env ?? process.env);
  const logger = new JsonLogger(definition.section, config.LOG_LEVEL);
  const space = new SubjectSpace(config.NATS_NAMESPACE ?? '');
  const natsSettings = { url: config.NATS_URL, user: config.NATS_USER, password: config.NATS_PASSWORD };
  const nc = await connectNats(natsSettings, `${definition.section}-events`);
  await ensureEventsStream(nc, space);
  const db = createPrismaClient(definition.prismaClient as never, config.DATABASE_URL) as unknown as SqlDatabase;
  const relay = new OutboxRelay(db, nc, space, logger, { intervalMs: config.OUTBOX_POLL_MS });
  const runtime = new ServiceRuntime(
    config,
    logger,
    space,
    nc,
    db,
    relay,
    options.clock ?? systemClock,
    await CalendarStore.open(nc, space, { logger }),
  );

  try {
    await bootNest(runtime, definition, config);
  } catch (error) {
    // A service that cannot start leaves nothing running behind it.
    await runtime.app?.close().catch(() => undefined);
    await Promise.all(runtime.consumers.map((c) => c.stop()));
    await relay.stop().catch(() => undefined);
    runtime.calendars.close();
    await nc.close().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
    throw error;
  }
  logger.info('service started', { http: runtime.httpUrl, namespace: space.namespace || undefined });
  return runtime;
}


async function bootNest<Db>(runtime: ServiceRuntime, definition: ServiceDefinition<Db>, config: ServiceConfig): Promise<void> {
  const { logger, space, nc, db, relay } = runtime;
  const { HealthController } = await import('./health.controller.js');
  @Module({ imports: [ServiceKitModule.forRuntime(runtime), ...definition.modules], controllers: [HealthController] })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, new FastifyAdapter(), {
    logger: config.LOG_LEVEL === 'debug' ? logger : ['error', 'warn'],
  });
  if (config.LOG_LEVEL !== 'debug') app.useLogger(logger);
  runtime.app = app;
  runtime.server = new GovNatsServer(
    { servers: config.NATS_URL.split(','), name: `${definition.section}-rpc`, ...(config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD } : {}), maxReconnectAttempts: -1, reconnectTimeWait: 500 } as never,
    space,
    definition.section,
    config.SHUTDOWN_GRACE_MS,
    logger,
    runtime.metrics,
  );
  app.connectMicroservice({ strategy: runtime.server });
  await app.startAllMicroservices();
  runtime.watchRequestConnection();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  relay.start();
  for (const type of definition.consumers ?? []) {
    const spec = app.get(type);
    const consumer = new IdempotentConsumer(nc, db, space, {
      durable: spec.durable,
      eventTypes: spec.eventTypes,
      handle: async (event, tx) => {
        await spec.handle(event, tx);
        runtime.metrics.eventsHandled.inc({ consumer: spec.durable });
      },
    }, logger);
    await consumer.start();
    runtime.consumers.push(consumer);
  }
}

/** For main.ts: start, stop cleanly on SIGINT/SIGTERM, and exit with a clear message on a bad configuration. */
export async function runServiceMain<Db>(definition: ServiceDefinition<Db>): Promise<void> {
  let runtime: ServiceRuntime;
  try {
    runtime = await startService(definition);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const shutdown = () => {
    runtime.stop().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export type { INestApplication };
