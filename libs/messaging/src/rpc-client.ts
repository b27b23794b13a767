import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { encodeActorHeader, ACTOR_HEADER, type Actor } from '@gov/auth';
import { GovError, SubjectSpace, type CommandContract } from '@gov/contracts';
import { currentTrace, newTraceparent } from './trace.js';

export const TRACEPARENT_HEADER = 'traceparent';

export interface RequestOptions {
  actor: Actor;
  traceparent?: string | undefined;
  timeoutMs?: number;
}

/**
 * The one request-reply client. It speaks the wire format of @nestjs/microservices' NATS transport
 * (request `{pattern, data, id}`, reply `{id, response | err, isDisposed}`) and carries the actor and the
 * trace context in headers. A reply error with a platform code comes back as that GovError; a missing
 * responder or a timeout is UNAVAILABLE.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly space: SubjectSpace,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  async request<I extends z.ZodType, O extends z.ZodType>(
    contract: CommandContract<I, O>,
    input: z.input<I>,
    options: RequestOptions,
  ): Promise<z.infer<O>> {
    const h = natsHeaders();
    h.set(ACTOR_HEADER, encodeActorHeader(options.actor));
    h.set(TRACEPARENT_HEADER, options.traceparent ?? currentTrace()?.traceparent ?? newTraceparent());
    const id = randomUUID();
    let reply;
    try {
      reply = await this.nc.request(
        this.space.command(contract.subject),
        JSON.stringify({ pattern: contract.subject, data: input, id }),
        { timeout: options.timeoutMs ?? this.defaultTimeoutMs, headers: h },
      );
    } catch (error) {
      const text = String((error as Error).message ?? error);
      const noResponders = /no responders|503/i.test(text) || (error as { code?: string }).code === '503';
      throw new GovError(
        'UNAVAILABLE',
        noResponders ? `the ${contract.section} service is not running` : `the ${contract.section} service did not answer in time`,
        { subject: contract.subject },
      );
    }
    const packet = reply.json<{ response?: unknown; err?: unknown }>();
    if (packet.err !== undefined && packet.err !== null) {
      if (GovError.isPayload(packet.err)) throw GovError.fromPayload(packet.err);
      throw new GovError('INTERNAL', `the ${contract.section} service failed`, { subject: contract.subject });
    }
    return packet.response as z.infer<O>;
  }
}
