// Shared facts and helpers for the infrastructure tests (tests/infra/*.spec.ts, *.int.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);

export interface Section {
  /** Nx project, compose service, NATS user, subject section and queue group. */
  name: string;
  /** PostgreSQL database and role. */
  database: string;
  httpPort: number;
}

export const SECTIONS: readonly Section[] = [
  { name: 'documents', database: 'documents', httpPort: 3101 },
  { name: 'meetings', database: 'meetings', httpPort: 3102 },
  { name: 'supervision', database: 'supervision', httpPort: 3103 },
  { name: 'legal-review', database: 'legal_review', httpPort: 3104 },
  { name: 'petitions', database: 'petitions', httpPort: 3105 },
  { name: 'secrecy', database: 'secrecy', httpPort: 3106 },
  { name: 'archives', database: 'archives', httpPort: 3107 },
  { name: 'foreign-affairs', database: 'foreign_affairs', httpPort: 3108 },
];

/** `legal-review` -> `LEGAL_REVIEW`. */
export const envName = (name: string): string => name.toUpperCase().replace(/-/g, '_');

/** Every NATS user of infra/nats/nats.conf and the environment variable holding its password. */
export const NATS_USERS: ReadonlyArray<{ user: string; passwordVar: string }> = [
  { user: 'sys', passwordVar: 'SYS_NATS_PASSWORD' },
  { user: 'ops', passwordVar: 'OPS_NATS_PASSWORD' },
  { user: 'gateway', passwordVar: 'GATEWAY_NATS_PASSWORD' },
  { user: 'integrator', passwordVar: 'INTEGRATOR_NATS_PASSWORD' },
  ...SECTIONS.map((s) => ({ user: s.name, passwordVar: `${envName(s.name)}_NATS_PASSWORD` })),
];

export type Env = Record<string, string>;

export interface Healthcheck {
  test: string[] | string;
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string } | string;
  command?: string[] | string;
  environment?: Env;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  restart?: string;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml with YAML anchors and merge keys resolved (as Compose resolves them). */
export function loadCompose(): ComposeFile {
  return parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/**
 * Compose variable interpolation for the forms this repository uses: `${VAR:-default}`, `${VAR-default}`,
 * `${VAR}`, `$VAR` and `$$` (a literal `$`). With an empty `vars` every variable takes its default.
 */
export function interpolate(value: string, vars: Env = {}): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match: string, braced?: string, op?: string, fallback?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      const set = vars[name];
      if (op === ':-') return set !== undefined && set !== '' ? set : (fallback ?? '');
      if (op === '-') return set !== undefined ? set : (fallback ?? '');
      return set ?? '';
    },
  );
}

/** A service's environment after interpolation with defaults. */
export function resolvedEnv(service: ComposeService, vars: Env = {}): Env {
  const out: Env = {};
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    out[key] = interpolate(String(value), vars);
  }
  return out;
}

/** The databases listed in infra/postgres/init.sh (GOV_DATABASES="..."). */
export function initScriptDatabases(): string[] {
  const script = readFileSync(repoPath('infra', 'postgres', 'init.sh'), 'utf8');
  const match = /^\s*GOV_DATABASES="([^"]*)"/m.exec(script);
  if (!match) throw new Error('GOV_DATABASES="..." not found in infra/postgres/init.sh');
  return (match[1] ?? '').split(/\s+/).filter((s) => s.length > 0);
}

/** Environment variables that infra/nats/nats.conf reads as passwords (`password: $VAR`). */
export function natsConfPasswordVars(): string[] {
  const conf = readFileSync(repoPath('infra', 'nats', 'nats.conf'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return [...conf.matchAll(/password:\s*\$([A-Z0-9_]+)/g)].map((m) => m[1] ?? '');
}
