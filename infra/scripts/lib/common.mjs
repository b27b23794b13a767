// Helpers shared by infra/scripts/db-generate.mjs, infra/scripts/db-migrate.mjs and infra/scripts/start.mjs.
// Plain Node ESM: only Node built-ins and runtime `dependencies` (pg), because the Docker image prunes dev
// dependencies and runs `npm run db:migrate` with what is left.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { register } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (infra/scripts/lib/../../../), whatever the working directory. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The commands of /work/shared/TOOLCHAIN.md that start the local servers on a Debian machine like CI. */
export const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
export const START_NATS =
  'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log';

/** True when the module at `metaUrl` is the script node was started with (not imported by another one). */
export function isMainModule(metaUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(path.resolve(process.argv[1])) === realpathSync(fileURLToPath(metaUrl));
  } catch {
    return false;
  }
}

/** Service folders (services/<name>) that contain `marker`, sorted by name. */
export function discoverServices(marker = path.join('prisma', 'schema.prisma')) {
  const dir = path.join(ROOT, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, marker)))
    .map((e) => e.name)
    .sort();
}

export const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A URL with its password replaced, for messages. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** The same server URL with another database name. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);
export const isLocalHost = (host) => LOCAL_HOSTS.has(host);

// ---------------------------------------------------------------------------------------------------
// Built libraries (dist/) through the @gov/* resolve hook
// ---------------------------------------------------------------------------------------------------

let hookRegistered = false;

/** Registers infra/scripts/paths-resolve.mjs (what `node --import ./infra/scripts/paths-hook.mjs` does) once. */
export function registerPathsHook() {
  if (hookRegistered) return;
  register('../paths-resolve.mjs', import.meta.url);
  hookRegistered = true;
}

/** Imports dist/<relative> (a built module that may import @gov/<lib>). */
export async function importDist(relative) {
  const file = path.join(ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`dist/${relative} is missing: run npm run build`);
  registerPathsHook();
  return import(pathToFileURL(file).href);
}

/** Services whose generated Prisma client (src/generated/prisma/client.ts) is missing. */
export function servicesMissingClient(services = discoverServices()) {
  return services.filter((s) => !existsSync(path.join(ROOT, 'services', s, 'src', 'generated', 'prisma', 'client.ts')));
}

// ---------------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------------

/** Helper processes in flight (build, prisma generate), so that Ctrl-C can stop them too. */
export const helperProcesses = new Set();

/**
 * Runs a command to completion, collecting stdout and stderr together.
 * Resolves { code, signal, output }; rejects only when the command cannot be started.
 */
export function runCommand(command, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    helperProcesses.add(child);
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.once('error', (error) => {
      helperProcesses.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      helperProcesses.delete(child);
      resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** `npm run build` (tsc -p tsconfig.build.json). Throws with the compiler output when it fails. */
export async function runBuild({ log = console.log } = {}) {
  const t0 = performance.now();
  log('building: npm run build (tsc -p tsconfig.build.json)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await runCommand(npm, ['run', '--silent', 'build']);
  if (result.code !== 0) {
    const error = new Error(`npm run build failed (${result.signal ?? `exit code ${result.code}`}):\n${result.output.trimEnd()}`);
    error.output = result.output;
    throw error;
  }
  log(`built dist/ in ${seconds(t0)}`);
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL and NATS reachability
// ---------------------------------------------------------------------------------------------------

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', '57P03']);

/** Connects to `url` and runs SELECT 1. Resolves null, or the error. */
export async function probePostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A message for a failed probePostgres, with the command that starts a local server. */
export function postgresProblem(url, error) {
  const u = new URL(url);
  const where = `${u.hostname || 'localhost'}:${u.port || 5432}`;
  const detail = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
  const unreachable = UNREACHABLE_CODES.has(error.code) || /timeout|terminated/i.test(error.message);
  if (!unreachable) {
    return `PostgreSQL at ${where} refused the connection to ${redactUrl(url)} (${detail}).`;
  }
  return (
    `PostgreSQL is not reachable at ${where} (${detail}).\n` +
    (isLocalHost(u.hostname)
      ? `Start it with:\n  ${START_POSTGRES}`
      : 'Check that the server is running, or set DATABASE_URL / DATABASE_ADMIN_URL to one that is.')
  );
}

/** The host and port of the first server in a NATS_URL (which may be a comma-separated list). */
export function natsAddress(natsUrl = DEFAULT_NATS_URL) {
  const first = natsUrl.split(',')[0].trim();
  const u = new URL(/^[a-z]+:\/\//i.test(first) ? first : `nats://${first}`);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || 4222) };
}

/**
 * Opens a TCP connection to the NATS server and reads its INFO line.
 * Resolves { ok: true, info } (info may be undefined if the server said nothing in time) or { ok: false, error }.
 */
export function probeNats(natsUrl = DEFAULT_NATS_URL, timeoutMs = 3000) {
  const { host, port } = natsAddress(natsUrl);
  return new Promise((resolve) => {
    let settled = false;
    let buffer = '';
    const socket = net.connect({ host, port });
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(socket.connecting ? { ok: false, error: Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' }) } : { ok: true });
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\r\n')[0];
      if (buffer.includes('\r\n')) {
        let info;
        if (line.startsWith('INFO ')) {
          try {
            info = JSON.parse(line.slice(5));
          } catch {
            info = undefined;
          }
        }
        finish({ ok: true, info, notNats: !line.startsWith('INFO ') });
      }
    });
    socket.on('error', (error) => finish({ ok: false, error }));
  });
}

export function natsProblem(natsUrl, error) {
  const { host, port } = natsAddress(natsUrl);
  return (
    `NATS is not reachable at ${host}:${port} (${error.code ?? error.message}).\n` +
    (isLocalHost(host)
      ? `Start it (with JetStream) with:\n  ${START_NATS}`
      : 'Check that the server is running, or set NATS_URL to one that is.')
  );
}

/** True when nothing listens on host:port (tries to listen there for a moment). */
export function portFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text) {
  let width = 0;
  for (const ch of String(text)) {
    const c = ch.codePointAt(0);
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export const padDisplay = (text, width) => `${text}${' '.repeat(Math.max(0, width - displayWidth(text)))}`;

/** A plain-text table; `rows` are arrays of cells, the first row is the header. */
export function formatTable(rows, indent = '  ') {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r) => indent + r.map((cell, i) => padDisplay(cell ?? '', widths[i])).join('  ').trimEnd();
  return [line(rows[0]), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
