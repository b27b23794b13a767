// docker-compose.yml and the files it mounts, checked by parsing (no Docker engine on CI), plus the
// healthcheck commands executed for real against a loopback HTTP server.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SECTIONS,
  envName,
  initScriptDatabases,
  loadCompose,
  natsConfPasswordVars,
  NATS_USERS,
  repoPath,
  resolvedEnv,
  type ComposeService,
  type Healthcheck,
} from './support.js';

const compose = loadCompose();
const APP_IMAGE = 'gov-office-app';
const INFRA = ['postgres', 'nats', 'keycloak', 'migrate'];

function service(name: string): ComposeService {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
}

function commandOf(s: ComposeService): string[] {
  const c = s.command;
  if (c === undefined) throw new Error('service has no command');
  return Array.isArray(c) ? c : c.split(/\s+/);
}

/** [host path, container path] of each bind mount / named volume. */
function mounts(s: ComposeService): Array<[string, string]> {
  return (s.volumes ?? []).map((v) => {
    const [source = '', target = ''] = v.split(':');
    return [source, target];
  });
}

function healthcheckArgv(h: Healthcheck | undefined): string[] {
  if (!h) throw new Error('no healthcheck');
  const test = Array.isArray(h.test) ? h.test : ['CMD-SHELL', h.test];
  expect(test[0]).toBe('CMD');
  return test.slice(1);
}

const natsEnv = resolvedEnv(service('nats'));
const postgresEnv = resolvedEnv(service('postgres'));
const migrateEnv = resolvedEnv(service('migrate'));

describe('docker-compose.yml: services', () => {
  it('defines exactly the infrastructure, the migration job, the eight section services and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...INFRA, ...SECTIONS.map((s) => s.name), 'gateway'].sort(),
    );
  });

  it('builds the app image once (migrate) from infra/docker/Dockerfile and every app uses that image', () => {
    const builders = Object.entries(compose.services).filter(([, s]) => s.build !== undefined).map(([n]) => n);
    expect(builders).toEqual(['migrate']);
    expect(service('migrate').build).toEqual({ context: '.', dockerfile: 'infra/docker/Dockerfile' });
    expect(existsSync(repoPath('infra', 'docker', 'Dockerfile'))).toBe(true);
    for (const name of ['migrate', 'gateway', ...SECTIONS.map((s) => s.name)]) {
      expect({ name, image: service(name).image }).toEqual({ name, image: APP_IMAGE });
    }
  });
});

describe('docker-compose.yml: postgres', () => {
  const pg = service('postgres');

  it('runs postgres:15 with a data volume and a pg_isready healthcheck over TCP', () => {
    expect(pg.image).toMatch(/^postgres:15(\.|$|-)/);
    expect(mounts(pg)).toContainEqual(['postgres-data', '/var/lib/postgresql/data']);
    expect(compose.volumes).toHaveProperty('postgres-data');
    const argv = healthcheckArgv(pg.healthcheck);
    expect(argv[0]).toBe('pg_isready');
    expect(argv).toContain('127.0.0.1');
  });

  it('mounts infra/postgres/init.sh into /docker-entrypoint-initdb.d', () => {
    const init = mounts(pg).find(([, target]) => target.startsWith('/docker-entrypoint-initdb.d/'));
    expect(init).toBeDefined();
    const [source = '', target = ''] = init ?? [];
    expect(source).toBe('./infra/postgres/init.sh');
    expect(target).toMatch(/\.sh$/);
    expect(existsSync(repoPath('infra', 'postgres', 'init.sh'))).toBe(true);
  });

  it('init script creates exactly the eight service databases, each with pg_trgm', () => {
    expect(initScriptDatabases()).toEqual(SECTIONS.map((s) => s.database));
    const script = readFileSync(repoPath('infra', 'postgres', 'init.sh'), 'utf8');
    expect(script).toMatch(/CREATE DATABASE :"db" OWNER :"db"/);
    expect(script).toMatch(/CREATE EXTENSION IF NOT EXISTS pg_trgm/);
    expect(script).toMatch(/REVOKE ALL ON DATABASE :"db" FROM PUBLIC/);
  });

  it('gives the init script a password for every service role', () => {
    for (const s of SECTIONS) {
      const value = postgresEnv[`${envName(s.database)}_DB_PASSWORD`];
      expect({ db: s.database, set: typeof value === 'string' && value.length > 0 }).toEqual({ db: s.database, set: true });
    }
    expect(postgresEnv['POSTGRES_PASSWORD']).toBeTruthy();
  });
});

describe('docker-compose.yml: nats', () => {
  const nats = service('nats');
  const conf = readFileSync(repoPath('infra', 'nats', 'nats.conf'), 'utf8');

  it('runs nats 2.10 with the mounted accounts config and JetStream', () => {
    expect(nats.image).toMatch(/^nats:2\.10(\.|-|$)/);
    const cmd = commandOf(nats);
    expect(cmd.slice(cmd.indexOf('-c'), cmd.indexOf('-c') + 2)).toEqual(['-c', '/etc/nats/nats.conf']);
    expect(cmd).toContain('-js');
    expect(mounts(nats)).toContainEqual(['./infra/nats/nats.conf', '/etc/nats/nats.conf']);
    expect(mounts(nats)).toContainEqual(['nats-data', '/data']);
    expect(compose.volumes).toHaveProperty('nats-data');
  });

  it('keeps JetStream files on the mounted volume and serves /healthz on the monitoring port', () => {
    expect(conf).toMatch(/^jetstream\s*\{[^}]*store_dir:\s*"\/data"/m);
    expect(conf).toMatch(/^http_port:\s*8222\s*$/m);
    const argv = healthcheckArgv(nats.healthcheck);
    expect(argv.join(' ')).toContain('http://127.0.0.1:8222/healthz');
  });

  it('declares the APP (JetStream), INTEGRATORS and SYS accounts', () => {
    expect(conf).toMatch(/^\s*APP:\s*\{\s*\n\s*jetstream:\s*enabled/m);
    expect(conf).toMatch(/^\s*INTEGRATORS:\s*\{/m);
    expect(conf).toMatch(/^system_account:\s*SYS\s*$/m);
  });

  it('passes exactly the passwords nats.conf reads, one distinct password per user', () => {
    const wanted = natsConfPasswordVars().sort();
    expect(wanted).toEqual(NATS_USERS.map((u) => u.passwordVar).sort());
    expect(Object.keys(natsEnv).sort()).toEqual(wanted);
    const values = wanted.map((v) => natsEnv[v]);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) {
      // nats.conf parses an environment value like a config token: keep it a plain word.
      expect(value).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      expect(['true', 'false', 'yes', 'no', 'on', 'off']).not.toContain(value?.toLowerCase());
    }
  });
});

describe('docker-compose.yml: keycloak', () => {
  const kc = service('keycloak');
  const kcEnv = resolvedEnv(kc);

  it('runs Keycloak 26 in dev mode importing the gov-office realm from infra/keycloak', () => {
    expect(kc.image).toMatch(/^quay\.io\/keycloak\/keycloak:26(\.|$)/);
    expect(commandOf(kc)).toEqual(['start-dev', '--import-realm']);
    expect(mounts(kc)).toContainEqual(['./infra/keycloak', '/opt/keycloak/data/import']);
  });

  it('bootstraps an admin, enables health and has a readiness healthcheck', () => {
    expect(kcEnv['KC_BOOTSTRAP_ADMIN_USERNAME']).toBeTruthy();
    expect(kcEnv['KC_BOOTSTRAP_ADMIN_PASSWORD']).toBeTruthy();
    expect(kcEnv['KC_HEALTH_ENABLED']).toBe('true');
    expect(healthcheckArgv(kc.healthcheck).join(' ')).toContain('/health/ready');
  });

  const realmFile = repoPath('infra', 'keycloak', 'gov-office-realm.json');
  (existsSync(realmFile) ? it : it.skip)('matches the realm export: realm gov-office, client gov-gateway and its secret', () => {
    const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as {
      realm: string;
      clients?: Array<{ clientId: string; secret?: string }>;
    };
    expect(realm.realm).toBe('gov-office');
    const client = realm.clients?.find((c) => c.clientId === 'gov-gateway');
    expect(client).toBeDefined();
    expect(resolvedEnv(service('gateway'))['KEYCLOAK_CLIENT_SECRET']).toBe(client?.secret);
  });
});

describe('docker-compose.yml: migrate', () => {
  const migrate = service('migrate');

  it('is a one-shot `npm run db:migrate` after postgres is healthy', () => {
    expect(commandOf(migrate)).toEqual(['npm', 'run', 'db:migrate']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('has every <NAME>_DATABASE_URL and the admin URL', () => {
    for (const s of SECTIONS) {
      const url = new URL(migrateEnv[`${envName(s.name)}_DATABASE_URL`] ?? 'invalid:');
      expect({ db: s.database, host: url.host, path: url.pathname, user: url.username }).toEqual({
        db: s.database,
        host: 'postgres:5432',
        path: `/${s.database}`,
        user: s.database,
      });
    }
    const admin = new URL(migrateEnv['DATABASE_ADMIN_URL'] ?? 'invalid:');
    expect(admin.username).toBe('postgres');
    expect(decodeURIComponent(admin.password)).toBe(postgresEnv['POSTGRES_PASSWORD']);
  });
});

describe.each(SECTIONS.map((s) => [s.name, s] as const))('docker-compose.yml: service %s', (name, section) => {
  const svc = service(name);
  const env = resolvedEnv(svc);

  it('runs its compiled main through the paths hook', () => {
    expect(commandOf(svc)).toEqual([
      'node',
      '--import',
      './infra/scripts/paths-hook.mjs',
      `dist/services/${name}/src/main.js`,
    ]);
  });

  it('connects to its own database as its own role, with the password the init script sets', () => {
    const url = new URL(env['DATABASE_URL'] ?? 'invalid:');
    expect(url.protocol).toBe('postgresql:');
    expect(url.host).toBe('postgres:5432');
    expect(url.pathname).toBe(`/${section.database}`);
    expect(url.username).toBe(section.database);
    expect(decodeURIComponent(url.password)).toBe(postgresEnv[`${envName(section.database)}_DB_PASSWORD`]);
    expect(env['DATABASE_URL']).toBe(migrateEnv[`${envName(name)}_DATABASE_URL`]);
  });

  it('uses its own NATS user and the password the NATS server expects for it', () => {
    expect(env['NATS_URL']).toBe('nats://nats:4222');
    expect(env['NATS_USER']).toBe(name);
    expect(env['NATS_PASSWORD']).toBe(natsEnv[`${envName(name)}_NATS_PASSWORD`]);
    expect(env['NATS_PASSWORD']).toBeTruthy();
  });

  it('has its HTTP port, a log level, a /health healthcheck and no published port', () => {
    expect(env['HTTP_PORT']).toBe(String(section.httpPort));
    expect(env['LOG_LEVEL']).toBeTruthy();
    expect(healthcheckArgv(svc.healthcheck).join(' ')).toContain('/health');
    expect(svc.ports).toBeUndefined();
  });

  it('starts after NATS is healthy and the migrations completed', () => {
    expect(svc.depends_on).toEqual({
      nats: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
  });
});

describe('docker-compose.yml: gateway', () => {
  const gw = service('gateway');
  const env = resolvedEnv(gw);

  it('runs the compiled gateway and publishes port 4000', () => {
    expect(commandOf(gw)).toEqual(['node', '--import', './infra/scripts/paths-hook.mjs', 'dist/gateway/src/main.js']);
    expect(gw.ports).toContain('4000:4000');
    expect(env['PORT']).toBe('4000');
    expect(healthcheckArgv(gw.healthcheck).join(' ')).toContain('/health');
  });

  it('has the Keycloak settings', () => {
    expect(env['KEYCLOAK_URL']).toBe('http://keycloak:8080');
    // The gateway's default host is loopback; in a container that would make the published port useless.
    expect(env['HOST']).toBe('0.0.0.0');
    expect(env['KEYCLOAK_REALM']).toBe('gov-office');
    expect(env['KEYCLOAK_CLIENT_ID']).toBe('gov-gateway');
    expect(env['KEYCLOAK_CLIENT_SECRET']).toBeTruthy();
  });

  it('uses the gateway NATS user', () => {
    expect(env['NATS_URL']).toBe('nats://nats:4222');
    expect(env['NATS_USER']).toBe('gateway');
    expect(env['NATS_PASSWORD']).toBe(natsEnv['GATEWAY_NATS_PASSWORD']);
  });

  it('starts after NATS, Keycloak and all eight services are healthy', () => {
    expect(gw.depends_on).toEqual({
      nats: { condition: 'service_healthy' },
      keycloak: { condition: 'service_healthy' },
      ...Object.fromEntries(SECTIONS.map((s) => [s.name, { condition: 'service_healthy' }])),
    });
  });
});

describe('infra/docker/Dockerfile and .dockerignore', () => {
  const dockerfile = readFileSync(repoPath('infra', 'docker', 'Dockerfile'), 'utf8');

  it('builds on node:20-bookworm-slim with npm ci, db:generate and build', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\} AS build$/m);
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime$/m);
    expect(dockerfile).toMatch(/npm ci\b/);
    expect(dockerfile).toMatch(/npm run db:generate && npm run build/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('keeps host artefacts out of the build context', () => {
    const ignored = readFileSync(repoPath('.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.git', 'coverage']) expect(ignored).toContain(entry);
  });
});

// ---------------------------------------------------------------------------------------------------
// The healthcheck commands themselves, run against a loopback server that answers 200 or 503.
// ---------------------------------------------------------------------------------------------------

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 10_000 }, (error) => {
      resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0);
    });
  });
}

describe('healthcheck commands', () => {
  let server: Server;
  let port = 0;
  let status = 200;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** The app healthcheck as the container runs it: `node -e ...` with the container's environment. */
  async function appCheck(svc: ComposeService, env: Record<string, string>): Promise<number> {
    const [cmd, ...args] = healthcheckArgv(svc.healthcheck);
    expect(cmd).toBe('node');
    return run(process.execPath, args, { PATH: process.env['PATH'] ?? '', ...env });
  }

  it('an app healthcheck passes on 200 from /health of its HTTP_PORT and fails on 503', async () => {
    status = 200;
    paths.length = 0;
    await expect(appCheck(service('documents'), { HTTP_PORT: String(port) })).resolves.toBe(0);
    expect(paths).toEqual(['/health']);
    status = 503;
    await expect(appCheck(service('documents'), { HTTP_PORT: String(port) })).resolves.not.toBe(0);
  });

  it('the gateway healthcheck uses PORT', async () => {
    status = 200;
    await expect(appCheck(service('gateway'), { PORT: String(port) })).resolves.toBe(0);
  });

  it('an app healthcheck fails when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(appCheck(service('documents'), { HTTP_PORT: String(freePort) })).resolves.not.toBe(0);
  });

  const haveBash = existsSync('/bin/bash') || existsSync('/usr/bin/bash');
  (haveBash ? it : it.skip)('the Keycloak healthcheck passes only on 200 from /health/ready', async () => {
    const argv = healthcheckArgv(service('keycloak').healthcheck);
    expect(argv.slice(0, 2)).toEqual(['bash', '-c']);
    // Compose turns $$ into $; point the probe from the management port 9000 at the test server.
    const script = (argv[2] ?? '').replace(/\$\$/g, '$');
    expect(script).toContain('/dev/tcp/127.0.0.1/9000');
    const local = script.replace('/dev/tcp/127.0.0.1/9000', `/dev/tcp/127.0.0.1/${port}`);
    const env = { PATH: process.env['PATH'] ?? '' };
    status = 200;
    paths.length = 0;
    await expect(run('bash', ['-c', local], env)).resolves.toBe(0);
    expect(paths).toEqual(['/health/ready']);
    status = 503;
    await expect(run('bash', ['-c', local], env)).resolves.not.toBe(0);
  });
});
