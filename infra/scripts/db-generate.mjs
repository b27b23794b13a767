// npm run db:generate: `prisma generate` for every service that has prisma/schema.prisma, at most four at a time.
// Each service's prisma.config.ts (run from its folder) writes the client to services/<s>/src/generated/prisma.
// `prisma generate` does not connect to a database, but the CLI wants DATABASE_URL set: a placeholder does.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { discoverServices, isMainModule, ROOT, runCommand, seconds } from './lib/common.mjs';

const PLACEHOLDER_URL = 'postgresql://placeholder@127.0.0.1:5432/placeholder';
// At most four at a time, and no more than the machine has cores (each generate is CPU-bound for a second or two).
const DEFAULT_CONCURRENCY = Math.min(4, Math.max(2, availableParallelism()));
const PRISMA_CLI = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');

export class GenerateError extends Error {
  constructor(message, failures = []) {
    super(message);
    this.name = 'GenerateError';
    /** [{ service, output }] */
    this.failures = failures;
  }
}

/**
 * Generates the Prisma clients of `services` (default: every services/<s> with prisma/schema.prisma).
 * Logs one line per service; throws a GenerateError carrying each failed service's output.
 */
export async function generateAll({ services = discoverServices(), env = process.env, log = console.log, concurrency = DEFAULT_CONCURRENCY } = {}) {
  if (!existsSync(PRISMA_CLI)) {
    throw new GenerateError('node_modules/prisma is missing: run npm install (or npm ci) first');
  }
  if (services.length === 0) {
    log('no service has prisma/schema.prisma: nothing to generate');
    return [];
  }
  const childEnv = {
    ...env,
    DATABASE_URL: env.DATABASE_URL || PLACEHOLDER_URL,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  const width = Math.max(...services.map((s) => s.length)) + 2;
  const results = [];
  const queue = [...services];

  const worker = async () => {
    for (let service = queue.shift(); service !== undefined; service = queue.shift()) {
      const t0 = performance.now();
      const cwd = path.join(ROOT, 'services', service);
      let result;
      try {
        result = await runCommand(process.execPath, [PRISMA_CLI, 'generate'], { cwd, env: childEnv });
      } catch (error) {
        result = { code: null, signal: null, output: `could not start prisma: ${error.message}` };
      }
      const ok = result.code === 0;
      const version = /Generated Prisma Client \(([^)]+)\)/.exec(result.output)?.[1];
      log(
        ok
          ? `  ${service.padEnd(width)}generated services/${service}/src/generated/prisma${version ? ` (Prisma ${version})` : ''} in ${seconds(t0)}`
          : `  ${service.padEnd(width)}FAILED (${result.signal ?? `exit code ${result.code}`}) after ${seconds(t0)}`,
      );
      results.push({ service, ok, output: result.output });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, services.length) }, worker));

  const failures = results.filter((r) => !r.ok);
  if (failures.length > 0) {
    const details = failures
      .map((f) => `--- prisma generate in services/${f.service} ---\n${f.output.trimEnd()}`)
      .join('\n\n');
    throw new GenerateError(
      `prisma generate failed for ${failures.map((f) => f.service).join(', ')}:\n\n${details}`,
      failures.map(({ service, output }) => ({ service, output })),
    );
  }
  return results;
}

if (isMainModule(import.meta.url)) {
  const t0 = performance.now();
  const services = discoverServices();
  console.log(`prisma generate for ${services.length} service(s): ${services.join(', ')}`);
  try {
    await generateAll({ services });
    console.log(`done in ${seconds(t0)}`);
  } catch (error) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
}
