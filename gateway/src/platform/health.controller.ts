import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HealthReport } from '@gov/contracts';
import type { ConnectionWatch } from '@gov/messaging';
import { NATS_WATCH } from '../tokens.js';
import { Public } from '../auth/roles.decorator.js';
import { gatewayRegistry } from './metrics.js';

/** /health (NATS connectivity) and /metrics (Prometheus) of the gateway. */
@Controller()
export class GatewayHealthController {
  constructor(@Inject(NATS_WATCH) private readonly nats: ConnectionWatch) {}

  @Get('health')
  @Public()
  health(@Res({ passthrough: true }) reply: FastifyReply): HealthReport {
    const nats = this.nats.check;
    reply.code(nats.ok ? 200 : 503);
    return { status: nats.ok ? 'ok' : 'down', service: 'gateway', checks: { nats } };
  }

  @Get('metrics')
  @Public()
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', gatewayRegistry.contentType);
    return gatewayRegistry.metrics();
  }
}
