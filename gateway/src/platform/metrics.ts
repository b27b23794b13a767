import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus registry, served at /metrics. */
export const gatewayRegistry = new Registry();
collectDefaultMetrics({ register: gatewayRegistry });

const operations = new Counter({
  name: 'gov_graphql_operations_total',
  help: 'GraphQL operations, by root field (bounded by the schema, not by client-chosen names) and outcome (ok or the first error code)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [gatewayRegistry],
});
const duration = new Histogram({
  name: 'gov_graphql_duration_seconds',
  help: 'Time to answer a GraphQL operation',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [gatewayRegistry],
});

export const metricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse({ operation: op, response }) {
        // The label is `<kind>:<first root field>`, e.g. mutation:registerIncomingDocument: the schema bounds it.
        const root = op?.selectionSet.selections.find((s) => s.kind === 'Field');
        const operation = op && root && root.kind === 'Field' ? `${op.operation}:${root.name.value}` : 'invalid';
        const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const code = body?.errors?.[0]?.extensions?.code;
        operations.inc({ operation, outcome: typeof code === 'string' ? code : 'ok' });
        duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
      },
    };
  },
};
