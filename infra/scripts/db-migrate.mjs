// npm run db:migrate: creates each service's database if it is missing and applies its Prisma migrations
// (services/<s>/prisma/migrations) with applyMigrations from the built libs/persistence.
//
// A service's database URL is <NAME>_DATABASE_URL (DOCUMENTS_DATABASE_URL, LEGAL_REVIEW_DATABASE_URL, ...),
// otherwise DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) with the database name
// replaced by the service's (documents, legal_review, ...). DATABASE_ADMIN_URL, when set, is the connection
// used to create missing databases (docker-compose.yml gives the services' own roles in the URLs).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_DATABASE_URL,
  discoverServices,
  importDist,
  isMainModule,
  postgresProblem,
  probePostgres,
  redactUrl,
  ROOT,
  runBuild,
  seconds,
  servicesMissingClient,
  withDatabase,
} from './lib/common.mjs';

export class MigrateError extends Error {
  constructor(message) {
    super(message);
    this.name = 'MigrateError';
  }
}

const BUILT_MODULES = ['libs/persistence/src/index.js', 'libs/service-kit/src/config.js'];

/** True when the built modules db:migrate needs are in dist/. */
export function distReady() {
  return BUILT_MODULES.every((m) => existsSync(path.join(ROOT, 'dist', m)));
}

/** Services with migrations: services/<s>/prisma/migrations. */
export function migratableServices() {
  return discoverServices(path.join('prisma', 'migrations'));
}

/**
 * The database URL of each service, as db:migrate and npm start use it.
 * Returns [{ service, database, envName, url, fromEnv }].
 */
export async function serviceDatabases({ env = process.env, services = migratableServices() } = {}) {
  // config.js only, not the service-kit index (which loads the whole Nest runtime).
  const { serviceDatabaseName, serviceDatabaseEnv } = await importDist('libs/service-kit/src/config.js');
  const base = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return services.map((service) => {
    const envName = serviceDatabaseEnv(service);
    const given = env[envName];
    const url = given || withDatabase(base, serviceDatabaseName(service));
    let database;
    try {
      database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    } catch {
      throw new MigrateError(`${envName} is not a URL: ${redactUrl(url)}`);
    }
    return { service, database, envName, url, fromEnv: Boolean(given) };
  });
}

/**
 * Creates missing databases and applies pending migrations of every service, in parallel.
 * Logs one line per service; throws a MigrateError with a clear message when PostgreSQL cannot be reached
 * or a migration fails. Returns [{ service, database, url, created, applied: [names], total }].
 */
export async function migrateAll({ env = process.env, log = console.log, services } = {}) {
  const t0 = performance.now();
  const { ensureDatabase, applyMigrations, adminUrl, databaseName } = await importDist('libs/persistence/src/index.js');
  const targets = await serviceDatabases({ env, services });
  if (targets.length === 0) {
    log('no service has prisma/migrations: nothing to migrate');
    return [];
  }
  const admin = env.DATABASE_ADMIN_URL || undefined;

  // One connection first, so an unreachable server gives one clear message instead of eight stack traces.
  const probeUrl = admin ?? adminUrl(targets[0].url);
  const unreachable = await probePostgres(probeUrl);
  if (unreachable) throw new MigrateError(postgresProblem(probeUrl, unreachable));

  for (const t of targets) {
    try {
      databaseName(t.url);
    } catch (error) {
      throw new MigrateError(`${t.service}: ${t.fromEnv ? t.envName : 'database URL'} ${redactUrl(t.url)}: ${error.message}`);
    }
  }

  const settled = await Promise.allSettled(
    targets.map(async (t) => {
      const dir = path.join(ROOT, 'services', t.service, 'prisma', 'migrations');
      const total = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
      const created = await ensureDatabase(t.url, admin);
      const applied = await applyMigrations(t.url, dir);
      return { ...t, created, applied: applied.map((m) => m.name), total };
    }),
  );

  const width = Math.max(...targets.map((t) => t.service.length)) + 2;
  const dbWidth = Math.max(...targets.map((t) => t.database.length)) + 2;
  const results = [];
  const failures = [];
  settled.forEach((s, i) => {
    const t = targets[i];
    const head = `  ${t.service.padEnd(width)}database ${t.database.padEnd(dbWidth)}`;
    if (s.status === 'rejected') {
      const reason = s.reason;
      const message = reason?.code ? `${reason.code}: ${reason.message}` : (reason?.message ?? String(reason));
      log(`${head}FAILED: ${message}`);
      failures.push(`${t.service} (${redactUrl(t.url)}): ${message}`);
      return;
    }
    const r = s.value;
    const state = r.created ? 'created ' : 'existing';
    const migrations =
      r.applied.length > 0
        ? `applied ${r.applied.length} migration${r.applied.length === 1 ? '' : 's'}: ${r.applied.join(', ')}`
        : `up to date (${r.total} migration${r.total === 1 ? '' : 's'} already applied)`;
    log(`${head}${state}  ${migrations}`);
    results.push(r);
  });
  if (failures.length > 0) {
    throw new MigrateError(`migrations failed for ${failures.length} service(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  }
  const createdCount = results.filter((r) => r.created).length;
  const appliedCount = results.reduce((n, r) => n + r.applied.length, 0);
  log(
    `migrated ${results.length} databases in ${seconds(t0)} ` +
      `(${createdCount} created, ${appliedCount} migration${appliedCount === 1 ? '' : 's'} applied)`,
  );
  return results;
}

if (isMainModule(import.meta.url)) {
  try {
    if (!distReady()) {
      console.log('dist/ is missing or incomplete: building the workspace first');
      const missing = servicesMissingClient();
      if (missing.length > 0) {
        console.log(`Prisma clients missing for ${missing.join(', ')}: running db:generate first`);
        const { generateAll } = await import('./db-generate.mjs');
        await generateAll();
      }
      await runBuild();
    }
    const base = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
    console.log(
      `db:migrate: ${migratableServices().length} services; databases on ${redactUrl(withDatabase(base, ''))}` +
        ' unless <NAME>_DATABASE_URL says otherwise',
    );
    await migrateAll();
  } catch (error) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
}
