// npm start: the whole platform on this machine, for development.
//
//   1. checks that PostgreSQL (DATABASE_URL) and NATS (NATS_URL) answer
//   2. generates missing Prisma clients (db:generate) and builds dist/ (npm run build)
//   3. creates and migrates every service's database (db:migrate)
//   4. starts the development token issuer in this process, unless KEYCLOAK_URL names a Keycloak to use
//   5. runs the eight section services and the GraphQL gateway as child processes, their log lines prefixed
//   6. waits for every /health, prints the URLs, the demo users and curl examples
//   Ctrl-C (or SIGTERM) stops everything.
//
//   npm start -- --no-build     skip generate and build (quick restart over an existing dist/)
//
// Settings (environment): DATABASE_URL (server of the per-service databases, default
// postgresql://postgres@127.0.0.1:5432/postgres), <NAME>_DATABASE_URL, DATABASE_ADMIN_URL, NATS_URL
// (default nats://127.0.0.1:4222), NATS_NAMESPACE, LOG_LEVEL (default info), PORT (gateway, default 4000),
// ISSUER_PORT (default 8080), KEYCLOAK_URL (use that Keycloak instead of the development issuer).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_URL,
  formatTable,
  helperProcesses,
  importDist,
  natsAddress,
  natsProblem,
  portFree,
  postgresProblem,
  probeNats,
  probePostgres,
  redactUrl,
  ROOT,
  runBuild,
  seconds,
  servicesMissingClient,
  discoverServices,
  withDatabase,
} from './lib/common.mjs';

const t0 = performance.now();
const env = process.env;

const USAGE = `usage: npm start [-- --no-build]
  --no-build   skip db:generate and the TypeScript build; run what is in dist/`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknownArgs = args.filter((a) => a !== '--no-build');
if (unknownArgs.length > 0) {
  console.error(`unknown argument${unknownArgs.length > 1 ? 's' : ''}: ${unknownArgs.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const noBuild = args.includes('--no-build');

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const NAME_WIDTH = 15; // 'foreign-affairs'
const natsUrl = env.NATS_URL || DEFAULT_NATS_URL;
const logLevel = env.LOG_LEVEL || 'info';
const gatewayPort = Number(env.PORT || 4000);
const issuerPort = Number(env.ISSUER_PORT ?? 8080);
const externalKeycloak = env.KEYCLOAK_URL ? env.KEYCLOAK_URL.replace(/\/+$/, '') : undefined;

// ---------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------

const color = process.stdout.isTTY && !env.NO_COLOR;
const PALETTE = [36, 32, 33, 35, 34, 96, 92, 93, 95, 94];
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const label = (name, code) => `${paint(code, name.padEnd(NAME_WIDTH))} | `;
const START_LABEL = label('start', 1);
const say = (message) => {
  for (const line of String(message).split('\n')) process.stdout.write(`${START_LABEL}${line}\n`);
};
const complain = (message) => {
  for (const line of String(message).split('\n')) process.stderr.write(`${START_LABEL}${line}\n`);
};

// ---------------------------------------------------------------------------------------------------
// State and shutdown
// ---------------------------------------------------------------------------------------------------

/** name → { name, child, port, healthUrl, exit?: { code, signal }, exited: Promise<void> } */
const apps = new Map();
let issuer;
let stopping = false;

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);

function killAll(signal) {
  for (const child of helperProcesses) child.kill(signal);
  for (const app of apps.values()) if (!app.exit) app.child.kill(signal);
}

/** Stops every app (SIGTERM, SIGKILL after 15 s), closes the issuer and exits with `code`. */
async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) (code === 0 ? say : complain)(reason);
  const running = [...apps.values()].filter((a) => !a.exit);
  for (const child of helperProcesses) child.kill('SIGTERM');
  if (running.length > 0) {
    say(`stopping ${running.map((a) => a.name).join(', ')} (SIGTERM)`);
    for (const app of running) app.child.kill('SIGTERM');
    const killer = setTimeout(() => {
      const stuck = running.filter((a) => !a.exit);
      complain(`${stuck.map((a) => a.name).join(', ')} did not stop within ${STOP_TIMEOUT_MS / 1000} s: SIGKILL`);
      for (const app of stuck) app.child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    await Promise.all(running.map((a) => a.exited));
    clearTimeout(killer);
    const unclean = running.filter((a) => a.exit.code !== 0 && a.exit.signal !== 'SIGTERM' && a.exit.signal !== 'SIGINT');
    for (const app of unclean) complain(`${app.name} stopped with ${describeExit(app.exit)}`);
  }
  if (issuer) await issuer.close().catch(() => undefined);
  if (running.length > 0 || issuer) say(code === 0 ? 'stopped' : `stopped (exit code ${code})`);
  process.exit(code);
}

let signals = 0;
const onSignal = (signal) => {
  signals += 1;
  if (signals === 1) {
    if (signal === 'SIGINT') process.stdout.write('\n');
    void shutdown(0, `${signal}: stopping the platform`);
  } else {
    complain(`${signal} again: killing everything now (SIGKILL)`);
    killAll('SIGKILL');
    if (issuer) void issuer.close().catch(() => undefined);
    setTimeout(() => process.exit(0), 200).unref();
  }
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

// `npm start` execs this script (package.json), so npm's signals reach it. As a fallback for other launchers
// (a shell that forwards nothing, a killed parent): when the parent changes, stop as on SIGTERM.
const originalParent = process.ppid;
setInterval(() => {
  if (process.ppid !== originalParent && !stopping) void shutdown(0, `the parent process (pid ${originalParent}) is gone: stopping the platform`);
}, 500).unref();

/** Fails start-up: the message, then everything started so far is stopped, exit code 1. */
const fail = (message) => shutdown(1, message);

// ---------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------

async function checkServers() {
  const adminProbeUrl = env.DATABASE_ADMIN_URL || withDatabase(env.DATABASE_URL || DEFAULT_DATABASE_URL, 'postgres');
  const [pgError, nats] = await Promise.all([probePostgres(adminProbeUrl), probeNats(natsUrl)]);
  const problems = [];
  if (pgError) problems.push(postgresProblem(adminProbeUrl, pgError));
  if (!nats.ok) problems.push(natsProblem(natsUrl, nats.error));
  if (problems.length > 0) return problems.join('\n\n');
  const { host, port } = natsAddress(natsUrl);
  if (nats.notNats) return `${host}:${port} (NATS_URL) answers, but not as a NATS server`;
  if (nats.info && !nats.info.jetstream) {
    complain(`warning: the NATS server at ${host}:${port} does not announce JetStream; the services need it (nats-server -js)`);
  }
  say(
    `PostgreSQL ${new URL(adminProbeUrl).host} and NATS ${host}:${port}` +
      `${nats.info?.version ? ` (${nats.info.version})` : ''} answer`,
  );
  return undefined;
}

/** Services whose generated client is missing or older than a file of their prisma schema folder. */
function servicesNeedingGenerate() {
  const missing = new Set(servicesMissingClient());
  for (const service of discoverServices()) {
    if (missing.has(service)) continue;
    const client = path.join(ROOT, 'services', service, 'src', 'generated', 'prisma', 'client.ts');
    const schemaDir = path.join(ROOT, 'services', service, 'prisma');
    const newest = Math.max(
      ...readdirSync(schemaDir)
        .filter((f) => f.endsWith('.prisma'))
        .map((f) => statSync(path.join(schemaDir, f)).mtimeMs),
    );
    if (newest > statSync(client).mtimeMs) missing.add(service);
  }
  return [...missing].sort();
}

async function whoListens(port) {
  const result = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8', timeout: 2000 });
  const users = /users:\(\((.*?)\)\)/.exec(result.stdout ?? '')?.[1];
  return users ? ` (held by ${users})` : '';
}

async function checkPorts(services) {
  const wanted = [
    ...services.map((s) => ({ port: s.port, what: `the ${s.name} service (SERVICE_HTTP_PORTS)` })),
    { port: gatewayPort, what: 'the gateway (PORT)' },
    ...(externalKeycloak || issuerPort === 0 ? [] : [{ port: issuerPort, what: 'the development token issuer (ISSUER_PORT)' }]),
  ];
  const taken = [];
  for (const w of wanted) if (!(await portFree(w.port))) taken.push(`port ${w.port}, for ${w.what}, is taken${await whoListens(w.port)}`);
  if (taken.length === 0) return undefined;
  const hints = ['Is another `npm start` (or docker compose) still running? `pgrep -af "dist/(services|gateway)"` lists leftover apps.'];
  if (taken.some((t) => t.includes('ISSUER_PORT'))) {
    hints.push(
      `Port ${issuerPort} is Keycloak's: to use a running Keycloak set KEYCLOAK_URL=http://127.0.0.1:${issuerPort}; ` +
        'to run the development issuer elsewhere set ISSUER_PORT=<free port>.',
    );
  }
  return `${taken.join('\n')}\n${hints.join('\n')}`;
}

function spawnApp({ name, main, childEnv, port, healthUrl, colorCode }) {
  const child = spawn(
    process.execPath,
    ['--import', './infra/scripts/lib/exit-with-parent.mjs', '--import', './infra/scripts/paths-hook.mjs', main],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let resolveExited;
  const app = { name, child, port, healthUrl, exit: undefined, exited: new Promise((r) => (resolveExited = r)) };
  apps.set(name, app);
  const prefix = label(name, colorCode);
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => process.stderr.write(`${prefix}${line}\n`));
  const onGone = (code, signal) => {
    if (app.exit) return;
    app.exit = { code, signal };
    resolveExited();
    if (stopping) return;
    // A Ctrl-C in the terminal reaches the apps and this process together: give our handler a moment.
    setTimeout(() => {
      if (!stopping) void fail(`${name} exited unexpectedly (${describeExit(app.exit)}); stopping everything`);
    }, 200);
  };
  child.once('error', (error) => {
    complain(`${name}: ${error.message}`);
    onGone(null, null);
  });
  child.once('close', onGone);
  return app;
}

async function waitHealthy(list) {
  const pending = new Map(list.map((a) => [a.name, a]));
  const problem = new Map();
  const started = performance.now();
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (pending.size > 0 && !stopping && Date.now() < deadline) {
    await Promise.all(
      [...pending.values()].map(async (app) => {
        try {
          const res = await fetch(app.healthUrl, { signal: AbortSignal.timeout(2000) });
          const body = await res.text();
          if (res.status === 200) {
            pending.delete(app.name);
            say(`${app.name} is up (${seconds(started)})`);
          } else {
            problem.set(app.name, `HTTP ${res.status} ${body.slice(0, 300)}`);
          }
        } catch (error) {
          problem.set(app.name, error.cause?.code ?? error.message);
        }
      }),
    );
    if (pending.size > 0) await sleep(250);
  }
  return [...pending.keys()].map((name) => `${name} (${pending.get(name).healthUrl}: ${problem.get(name) ?? 'no answer'})`);
}

function usersTable(users) {
  const rows = [['username', 'name', 'roles', 'unit', 'clearance']];
  for (const u of users) {
    rows.push([u.username, u.name, u.roles.filter((r) => !r.startsWith('default-roles-')).join(', '), u.unit ?? '', u.clearance ?? '']);
  }
  return formatTable(rows, '    ');
}

/** Users of infra/keycloak/gov-office-realm.json, for the banner when a real Keycloak serves that realm. */
async function realmFileUsers() {
  const { loadRealmFile, defaultRealmFile } = await importDist('libs/auth/src/index.js');
  return [...loadRealmFile(defaultRealmFile()).users.values()].map((u) => ({
    username: u.username,
    name: u.lastName && u.firstName ? `${u.lastName}${u.firstName}` : u.username,
    roles: u.realmRoles,
    unit: u.attributes.unit?.[0],
    clearance: u.attributes.clearance?.[0],
  }));
}

function banner({ graphqlUrl, issuerBase, realm, users, services, timings }) {
  const tokenUrl = `${issuerBase}/realms/${realm}/protocol/openid-connect/token`;
  const mutation =
    'mutation { registerIncomingDocument(input: {title: "关于申请老旧小区改造专项资金的请示", senderUnit: "区住房和建设局", ' +
    `docType: "请示", copies: 2, receivedAt: "${new Date().toISOString()}"}) { document { id registerNumber } receipt { registerNumber } } }`;
  const rule = '='.repeat(100);
  const lines = [
    '',
    rule,
    `  The gov-office platform is running: ready in ${seconds(t0)} (${timings})`,
    '  Ctrl-C stops everything.',
    '',
    `  GraphQL        ${graphqlUrl}`,
    `  Token issuer   ${issuerBase}/realms/${realm}${issuer ? '   (development issuer, in this process)' : '   (KEYCLOAK_URL)'}`,
    `  Services       ${services.map((s) => `${s.name} :${s.port}`).join('  ')}`,
    '                 (health and metrics: http://127.0.0.1:<port>/health, /metrics)',
    '',
    issuer
      ? '  Demo users (username = role, password: demo)'
      : '  Users of infra/keycloak/gov-office-realm.json (password demo, if that Keycloak imported this realm)',
    usersTable(users),
    '',
    '  Get a token for clerk:',
    `    TOKEN=$(curl -s ${tokenUrl} -d grant_type=password -d client_id=gov-web -d username=clerk -d password=demo \\`,
    `      | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token')`,
    '',
    '  Register an incoming document (收文登记) as clerk:',
    `    curl -s ${graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
    `      -d '${JSON.stringify({ query: mutation })}'`,
    rule,
    '',
  ];
  say(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------

async function main() {
  const timings = [];
  const step = async (name, fn) => {
    const s = performance.now();
    const result = await fn();
    timings.push(`${name} ${seconds(s)}`);
    return result;
  };

  // (a) PostgreSQL and NATS
  const serverProblem = await step('checks', checkServers);
  if (serverProblem) return fail(serverProblem);
  if (stopping) return;

  // (b) Prisma clients, (c) dist/
  if (noBuild) {
    say('--no-build: using dist/ as it is');
  } else {
    const stale = servicesNeedingGenerate();
    if (stale.length > 0) {
      say(`prisma generate for ${stale.join(', ')} (client missing or older than the schema)`);
      const { generateAll } = await import('./db-generate.mjs');
      try {
        await step('generate', () => generateAll({ services: stale, log: say }));
      } catch (error) {
        return fail(error.message);
      }
    }
    if (stopping) return;
    try {
      await step('build', () => runBuild({ log: say }));
    } catch (error) {
      return fail(stopping ? 'build interrupted' : error.message);
    }
  }
  if (stopping) return;

  // The apps: every services/<s> with src/main.ts, in SERVICE_HTTP_PORTS order, plus the gateway.
  const { SERVICE_HTTP_PORTS } = await importDist('libs/service-kit/src/config.js');
  const { serviceDatabases, migrateAll } = await import('./db-migrate.mjs');
  const serviceNames = discoverServices(path.join('src', 'main.ts'));
  const unknown = serviceNames.filter((s) => SERVICE_HTTP_PORTS[s] === undefined);
  if (unknown.length > 0) return fail(`no HTTP port for ${unknown.join(', ')} in SERVICE_HTTP_PORTS (libs/service-kit/src/config.ts)`);
  const databases = new Map((await serviceDatabases({ env, services: serviceNames })).map((d) => [d.service, d]));
  const services = serviceNames
    .map((name) => ({ name, port: SERVICE_HTTP_PORTS[name], main: `dist/services/${name}/src/main.js`, db: databases.get(name) }))
    .sort((a, b) => a.port - b.port);
  const missing = [...services.map((s) => s.main), 'dist/gateway/src/main.js'].filter((m) => !existsSync(path.join(ROOT, m)));
  if (missing.length > 0) {
    return fail(`${missing.join(', ')} missing${noBuild ? ': run npm start without --no-build' : ' after the build'}`);
  }

  const portProblem = await checkPorts(services);
  if (portProblem) return fail(portProblem);

  // (d) databases
  say(`creating and migrating the service databases on ${redactUrl(withDatabase(env.DATABASE_URL || DEFAULT_DATABASE_URL, ''))}${serviceNames.some((s) => databases.get(s).fromEnv) ? ' (and <NAME>_DATABASE_URL)' : ''}`);
  try {
    await step('migrate', () => migrateAll({ env, log: say }));
  } catch (error) {
    return fail(error.message);
  }
  if (stopping) return;

  // (e) token issuer
  let issuerBase = externalKeycloak;
  const realm = env.KEYCLOAK_REALM || 'gov-office';
  let users;
  if (externalKeycloak) {
    say(`KEYCLOAK_URL is set: the gateway verifies tokens of ${externalKeycloak}/realms/${realm}`);
    users = await realmFileUsers().catch(() => []);
  } else {
    const { startDevIssuer } = await importDist('libs/auth/src/index.js');
    try {
      issuer = await startDevIssuer({ port: issuerPort });
    } catch (error) {
      if (error.code === 'EADDRINUSE') {
        return fail(
          `port ${issuerPort} is taken${await whoListens(issuerPort)}: the development token issuer cannot listen there.\n` +
            `Stop what holds it, set ISSUER_PORT=<free port>, or set KEYCLOAK_URL=http://127.0.0.1:${issuerPort} if it is a Keycloak with the gov-office realm.`,
        );
      }
      return fail(`the development token issuer did not start: ${error.message}`);
    }
    issuerBase = issuer.url;
    users = issuer.demoUsers.map((u) => ({ ...u, roles: u.realmRoles }));
    say(`development token issuer at ${issuer.realmUrl} (${users.length} demo users)`);
  }
  if (stopping) return;

  // (f) the apps
  const appsStarted = performance.now();
  const shared = {
    NATS_URL: natsUrl,
    LOG_LEVEL: logLevel,
    ...(env.NATS_NAMESPACE ? { NATS_NAMESPACE: env.NATS_NAMESPACE } : {}),
  };
  say(`starting ${services.length} services and the gateway`);
  services.forEach((s, i) =>
    spawnApp({
      name: s.name,
      main: s.main,
      port: s.port,
      healthUrl: `http://127.0.0.1:${s.port}/health`,
      colorCode: PALETTE[i % PALETTE.length],
      childEnv: { ...env, ...shared, DATABASE_URL: s.db.url, HTTP_PORT: String(s.port) },
    }),
  );
  const gatewayEnv = { ...env, ...shared, PORT: String(gatewayPort), KEYCLOAK_URL: issuerBase };
  delete gatewayEnv.DATABASE_URL;
  spawnApp({
    name: 'gateway',
    main: 'dist/gateway/src/main.js',
    port: gatewayPort,
    healthUrl: `http://127.0.0.1:${gatewayPort}/health`,
    colorCode: 97,
    childEnv: gatewayEnv,
  });

  // (g) health
  const notUp = await waitHealthy([...apps.values()]);
  if (stopping) return;
  if (notUp.length > 0) {
    return fail(`not healthy after ${HEALTH_TIMEOUT_MS / 1000} s:\n${notUp.map((n) => `  - ${n}`).join('\n')}\nstopping everything`);
  }
  timings.push(`apps ${seconds(appsStarted)}`);

  // (h) banner
  banner({
    graphqlUrl: `http://localhost:${gatewayPort}/graphql`,
    issuerBase,
    realm: issuer?.realm ?? realm,
    users,
    services,
    timings: timings.join(', '),
  });
}

main().catch((error) => fail(`start failed: ${error.stack ?? error.message}`));
