import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Process-level metrics (memory, CPU, event loop), shared by every service a process hosts. */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

/** A service's own Prometheus metrics, served at its /metrics with the process metrics. */
export function createServiceMetrics() {
  const registry = new Registry();
  return {
    registry,
    rpcRequests: new Counter({
      name: 'gov_rpc_requests_total',
      help: 'NATS requests handled, by subject and outcome (ok or error code)',
      labelNames: ['subject', 'outcome'] as const,
      registers: [registry],
    }),
    rpcDuration: new Histogram({
      name: 'gov_rpc_duration_seconds',
      help: 'Time to handle a NATS request',
      labelNames: ['subject'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'gov_outbox_backlog',
      help: 'Events written but not yet acknowledged by JetStream',
      registers: [registry],
    }),
    eventsHandled: new Counter({
      name: 'gov_events_handled_total',
      help: 'Events whose effect this service recorded (first delivery; redeliveries are not counted)',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    /** Prometheus text of the service's metrics and the process's. */
    async text(): Promise<string> {
      return Registry.merge([registry, processRegistry]).metrics();
    },
    contentType: registry.contentType,
  };
}

export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;
