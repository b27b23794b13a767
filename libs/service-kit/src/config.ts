import { z } from 'zod';
import type { Section } from '@gov/contracts';

/** Default HTTP (health/metrics) port of each service; compose and `npm start` use the same. */
export const SERVICE_HTTP_PORTS: Record<Section, number> = {
  documents: 3101,
  meetings: 3102,
  supervision: 3103,
  'legal-review': 3104,
  petitions: 3105,
  secrecy: 3106,
  archives: 3107,
  'foreign-affairs': 3108,
};

/** A service's database name: `legal-review` → `legal_review`. */
export function serviceDatabaseName(section: Section): string {
  return section.replace(/-/g, '_');
}

/** The environment variable naming a service's database in multi-service settings: DOCUMENTS_DATABASE_URL. */
export function serviceDatabaseEnv(section: Section): string {
  return `${serviceDatabaseName(section).toUpperCase()}_DATABASE_URL`;
}

const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);

function schemaFor(section: Section) {
  return z.object({
    DATABASE_URL: z
      .string({ error: 'is required: the PostgreSQL URL of this service\'s own database' })
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
    NATS_URL: z.string().regex(/^(nats|tls):\/\//, 'must be a nats:// URL').default('nats://127.0.0.1:4222'),
    NATS_USER: z.string().optional(),
    NATS_PASSWORD: z.string().optional(),
    NATS_NAMESPACE: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores')
      .optional(),
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(SERVICE_HTTP_PORTS[section]),
    HTTP_HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: LogLevel.default('info'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  });
}

export type ServiceConfig = z.infer<ReturnType<typeof schemaFor>> & { section: Section };

/** Thrown at start-up; its message names every bad or missing setting. */
export class ConfigError extends Error {
  constructor(readonly app: string, readonly problems: string[]) {
    super(`${app}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function formatConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`);
}

/** Reads and validates a service's configuration once, at start-up. */
export function loadServiceConfig(section: Section, env: Record<string, string | undefined> = process.env): ServiceConfig {
  const result = schemaFor(section).safeParse(env);
  if (!result.success) throw new ConfigError(section, formatConfigIssues(result.error));
  return { ...result.data, section };
}
