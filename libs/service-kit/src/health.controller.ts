import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HealthReport } from '@gov/contracts';
import { RUNTIME, type ServiceRuntime } from './runtime.js';

/** /health (NATS, database, outbox backlog) and /metrics (Prometheus) on every service. */
@Controller()
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: ServiceRuntime) {}

  @Get('health')
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.runtime.health();
    reply.code(report.status === 'down' ? 503 : 200);
    return report;
  }

  @Get('metrics')
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const metrics = this.runtime.metrics;
    metrics.outboxBacklog.set(await this.runtime.backlog().catch(() => -1));
    reply.header('content-type', metrics.contentType);
    return metrics.text();
  }
}
