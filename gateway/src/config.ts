import { z } from 'zod';

/** The gateway's settings, validated once at start-up; the error names each bad or missing one. */
const GatewayConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  NATS_URL: z.string().regex(/^(nats|tls):\/\//, 'must be a nats:// URL').default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  NATS_NAMESPACE: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores').optional(),
  KEYCLOAK_URL: z.string().url('must be the Keycloak base URL, e.g. http://127.0.0.1:8080').default('http://127.0.0.1:8080'),
  KEYCLOAK_REALM: z.string().min(1).default('gov-office'),
  KEYCLOAK_CLIENT_ID: z.string().min(1).default('gov-gateway'),
  KEYCLOAK_CLIENT_SECRET: z.string().optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(100_000).default(1000),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

export class GatewayConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`gateway: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GatewayConfigError';
  }
}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const result = GatewayConfigSchema.safeParse(env);
  if (!result.success) {
    throw new GatewayConfigError(result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  return result.data;
}
