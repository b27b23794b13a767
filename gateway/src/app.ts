import 'reflect-metadata';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import type { ExecutionResult } from 'graphql';
import type { NatsConnection } from '@nats-io/transport-node';
import { KeycloakTokenVerifier } from '@gov/auth';
import { SubjectSpace } from '@gov/contracts';
import { CalendarStore, childTrace, ConnectionWatch, connectNats, JsonLogger, parseTraceparent, RpcClient, runInTrace, type TraceContext } from '@gov/messaging';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { AuthGuard } from './auth/auth.guard.js';
import { formatError, GovErrorFilter } from './graphql/errors.js';
import { queryLimitsPlugin } from './graphql/limits.js';
import type { GatewayContext } from './graphql/context.js';
import { DocumentsGraphqlModule } from './documents/documents.module.js';
import { SupervisionGraphqlModule } from './supervision/supervision.module.js';
import { MeetingsGraphqlModule } from './meetings/meetings.module.js';
import { LegalReviewGraphqlModule } from './legal-review/legal-review.module.js';
import { CalendarGraphqlModule } from './calendar/calendar.resolver.js';
import { GatewayHealthController } from './platform/health.controller.js';
import { CALENDAR_STORE, EVENT_HUB, GATEWAY_CONFIG, LOGGER, NATS, NATS_WATCH, RPC, SPACE, VERIFIER } from './tokens.js';
import { EventHub } from './subscriptions/event-hub.js';
import { SubscriptionsGraphqlModule } from './subscriptions/subscriptions.module.js';
import { metricsPlugin } from './platform/metrics.js';

export interface Gateway {
  app: NestFastifyApplication;
  url: string;
  config: GatewayConfig;
  stop(): Promise<void>;
}

@Global()
@Module({})
class GatewayCoreModule {
  static with(values: Record<symbol, unknown>): DynamicModule {
    const providers = Object.getOwnPropertySymbols(values).map((token) => ({ provide: token, useValue: values[token] }));
    return { module: GatewayCoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}

const TRACE = Symbol('trace');

/** What graphql-ws gives the context function of a subscription. */
interface SocketContext {
  connectionParams?: Readonly<Record<string, unknown>>;
}

function isSocket(value: FastifyRequest | SocketContext): value is SocketContext {
  return 'connectionParams' in value;
}

function socketAuthorization(ctx: SocketContext): string | undefined {
  const value = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** The request's trace: a child of the caller's traceparent header, or a new trace. */
function requestTrace(request: FastifyRequest): TraceContext {
  const holder = request as unknown as { [TRACE]?: TraceContext };
  holder[TRACE] ??= childTrace(parseTraceparent(request.headers.traceparent as string | undefined));
  return holder[TRACE];
}

/** Starts the GraphQL gateway (NestJS on Fastify, Apollo, code-first) on the configured port. */
export async function startGateway(options: { env?: Record<string, string | undefined> } = {}): Promise<Gateway> {
  const config = loadGatewayConfig(options.env ?? process.env);
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const space = new SubjectSpace(config.NATS_NAMESPACE ?? '');
  const nc: NatsConnection = await connectNats(
    { url: config.NATS_URL, user: config.NATS_USER, password: config.NATS_PASSWORD },
    'gateway',
  );
  const rpc = new RpcClient(nc, space, config.REQUEST_TIMEOUT_MS);
  const calendar = await CalendarStore.open(nc, space, { logger });
  const verifier = new KeycloakTokenVerifier({
    url: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    clientId: config.KEYCLOAK_CLIENT_ID,
    ...(config.KEYCLOAK_CLIENT_SECRET ? { secret: config.KEYCLOAK_CLIENT_SECRET } : {}),
    onReject: ({ reason, detail }) => logger.info('token refused', { reason, detail }),
  });
  let schemaHost: GraphQLSchemaHost | undefined;
  const formatGraphqlError = formatError(logger);
  const hub = new EventHub(nc, space, logger);
  hub.start();

  @Module({
    imports: [
      GatewayCoreModule.with({
        [GATEWAY_CONFIG]: config,
        [LOGGER]: logger,
        [SPACE]: space,
        [NATS]: nc,
        [NATS_WATCH]: new ConnectionWatch(nc),
        [RPC]: rpc,
        [VERIFIER]: verifier,
        [CALENDAR_STORE]: calendar,
        [EVENT_HUB]: hub,
      }),
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        csrfPrevention: true,
        introspection: config.GRAPHQL_INTROSPECTION,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        context: (request: FastifyRequest | SocketContext): GatewayContext =>
          isSocket(request)
            ? { authorization: socketAuthorization(request), trace: childTrace(undefined) }
            : { authorization: request.headers.authorization, trace: requestTrace(request) },
        subscriptions: {
          // graphql-ws on the same path; the token travels in connection_init's payload ({ authorization }).
          'graphql-ws': {
            path: '/graphql',
            // The same error mapping as HTTP (GovError → extensions.code), for refusals and failures alike.
            onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
              result.errors ? { ...result, errors: result.errors.map((e) => formatGraphqlError(e.toJSON(), e)) } : result,
            onConnect: async (ctx: SocketContext) => {
              try {
                await verifier.verify(socketAuthorization(ctx));
                return true;
              } catch {
                return false; // closes with 4403 Forbidden
              }
            },
          },
        },
        plugins: [
          metricsPlugin,
          queryLimitsPlugin(() => schemaHost!.schema, { maxDepth: config.GRAPHQL_MAX_DEPTH, maxComplexity: config.GRAPHQL_MAX_COMPLEXITY }),
          {
            // One log line per operation, and the traceparent back to the client, so a request can be
            // followed through the logs of the gateway, the services and the consumers of its events.
            async requestDidStart({ contextValue }) {
              const trace = (contextValue as GatewayContext).trace;
              const started = process.hrtime.bigint();
              return {
                async willSendResponse({ response, operationName }) {
                  if (response.http) response.http.headers.set('traceparent', trace.traceparent);
                  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
                  const codes = [...new Set((body?.errors ?? []).map((e) => e.extensions?.code))];
                  runInTrace(trace, () =>
                    logger.info('graphql operation', {
                      operation: operationName ?? 'anonymous',
                      actor: (contextValue as GatewayContext).actor?.username,
                      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
                      ...(codes.length ? { errors: codes } : {}),
                    }),
                  );
                },
              };
            },
          },
        ],
      }),
      DocumentsGraphqlModule,
      SupervisionGraphqlModule,
      MeetingsGraphqlModule,
      LegalReviewGraphqlModule,
      SubscriptionsGraphqlModule,
      CalendarGraphqlModule,
    ],
    controllers: [GatewayHealthController],
    providers: [
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: GovErrorFilter },
    ],
  })
  class GatewayModule {}

  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, new FastifyAdapter(), {
    logger: config.LOG_LEVEL === 'debug' ? logger : ['error', 'warn'],
  });
  // Resolvers run in the request's trace (AsyncLocalStorage), so every log line and NATS header carries it.
  app.getHttpAdapter().getInstance().addHook('preHandler', (request, _reply, done) => {
    runInTrace(requestTrace(request), done);
  });
  schemaHost = app.get(GraphQLSchemaHost);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  logger.info('gateway started', { graphql: `${url}/graphql` });

  let stopping: Promise<void> | undefined;
  return {
    app,
    url,
    config,
    stop() {
      stopping ??= (async () => {
        // Stop taking requests and let those in hand finish, for at most the grace period.
        await Promise.race([app.close(), new Promise((r) => setTimeout(r, config.SHUTDOWN_GRACE_MS).unref())]);
        calendar.close();
        await hub.stop();
        await nc.drain().catch(() => undefined);
      })();
      return stopping;
    },
  };
}
