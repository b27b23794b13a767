import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, served at /metrics. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
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
  eventsHandled: new Gauge({
    name: 'gov_events_handled',
    help: 'Events whose effect this process recorded (first delivery)',
    labelNames: ['consumer'] as const,
    registers: [registry],
  }),
};
