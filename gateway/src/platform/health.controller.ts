import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import type { HealthReport } from '@gov/contracts';
import { NATS } from '../tokens.js';
import { Public } from '../auth/roles.decorator.js';

@Controller()
export class GatewayHealthController {
  constructor(@Inject(NATS) private readonly nc: NatsConnection) {}

  @Get('health')
  @Public()
  health(@Res({ passthrough: true }) reply: FastifyReply): HealthReport {
    const nats = this.nc.isClosed() ? { ok: false, detail: 'closed' } : { ok: true };
    reply.code(nats.ok ? 200 : 503);
    return { status: nats.ok ? 'ok' : 'down', service: 'gateway', checks: { nats } };
  }
}
