import { AsyncLocalStorage } from 'node:async_hooks';
import { MessagePattern, RpcException, type NatsContext } from '@nestjs/microservices';
import type { z } from 'zod';
import { ACTOR_HEADER, decodeActorHeader, type Actor } from '@gov/auth';
import { GovError, parseInput, type CommandContract } from '@gov/contracts';
import { childTrace, parseTraceparent, runInTrace, TRACEPARENT_HEADER, type JsonLogger } from '@gov/messaging';
import type { ServiceMetrics } from './metrics.js';

/** Marks a controller method as the NATS handler of a command or query contract. */
export function CommandHandler(contract: CommandContract<z.ZodType, z.ZodType>): MethodDecorator {
  return MessagePattern(contract.subject);
}

/** What a use case receives besides its input: who acts, and the trace the request belongs to. */
export interface RequestContext {
  actor: Actor;
  traceparent: string;
  traceId: string;
}

/** The service whose NATS server is handling the current request (several may share a process). */
interface ServiceScope {
  logger: JsonLogger;
  metrics: ServiceMetrics;
}
const serviceScope = new AsyncLocalStorage<ServiceScope>();

export function runInServiceScope<T>(scope: ServiceScope, fn: () => T): T {
  return serviceScope.run(scope, fn);
}

/**
 * The whole job of a NATS handler: read the actor and trace from the headers, validate the input against the
 * contract (BAD_USER_INPUT, nothing done), run the use case, and turn any failure into the wire's typed error.
 */
export async function runCommand<I extends z.ZodType, O extends z.ZodType>(
  contract: CommandContract<I, O>,
  data: unknown,
  ctx: NatsContext,
  useCase: (input: z.infer<I>, context: RequestContext) => Promise<z.infer<O>>,
): Promise<z.infer<O>> {
  const headers = ctx.getHeaders();
  const trace = childTrace(parseTraceparent(headers?.get(TRACEPARENT_HEADER)));
  const started = process.hrtime.bigint();
  const scope = serviceScope.getStore();
  const logger = scope?.logger;
  return runInTrace(trace, async () => {
    let outcome = 'ok';
    try {
      const actor = decodeActorHeader(headers?.get(ACTOR_HEADER) ?? '');
      const input = parseInput(contract.input, data);
      return await useCase(input, { actor, traceparent: trace.traceparent, traceId: trace.traceId });
    } catch (error) {
      const govError =
        error instanceof GovError ? error : new GovError('INTERNAL', 'internal error; see the service log');
      outcome = govError.code;
      if (!(error instanceof GovError)) {
        logger?.error(error, { subject: contract.subject });
      } else {
        logger?.info('request refused', { subject: contract.subject, code: govError.code, reason: govError.message });
      }
      throw new RpcException(govError.toPayload());
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      scope?.metrics.rpcRequests.inc({ subject: contract.subject, outcome });
      scope?.metrics.rpcDuration.observe({ subject: contract.subject }, seconds);
      if (outcome === 'ok') logger?.info('request handled', { subject: contract.subject, ms: Math.round(seconds * 1e4) / 10 });
    }
  });
}
