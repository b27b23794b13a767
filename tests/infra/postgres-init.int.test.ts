// infra/postgres/init.sh run for real against a throwaway PostgreSQL cluster (initdb in a temp dir,
// random loopback port), never against the shared server: it creates databases named documents,
// meetings, ... which other tests and developers may use.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SECTIONS, envName, repoPath } from './support.js';

const INIT_SCRIPT = repoPath('infra', 'postgres', 'init.sh');

function findPgBin(): string | undefined {
  const fromEnv = process.env['PG_BIN_DIR'];
  if (fromEnv) return existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  // Prefer 15, the version docker-compose.yml runs.
  const pick = versions.includes('15') ? '15' : versions[0];
  return pick === undefined ? undefined : path.join(root, pick, 'bin');
}

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` OS user. */
function osUser(): { prefix: string[]; uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return { prefix: [] };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
  } catch {
    return undefined;
  }
}

const PG_BIN = findPgBin();
const RUN_AS = osUser();
const SKIP_REASON = !PG_BIN
  ? 'no PostgreSQL server binaries (initdb) under /usr/lib/postgresql (set PG_BIN_DIR)'
  : !RUN_AS
    ? 'running as root and there is no `postgres` OS user to run the server'
    : undefined;
if (SKIP_REASON) console.warn(`postgres-init.int.test: SKIPPED, ${SKIP_REASON}`);

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const [file = '', ...args] = [...(RUN_AS?.prefix ?? []), 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v ?? ''}`), ...argv];
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

const passwordEnv = (passwords: Record<string, string>): Record<string, string> =>
  Object.fromEntries(SECTIONS.map((s) => [`${envName(s.database)}_DB_PASSWORD`, passwords[s.database] ?? '']));

describe('infra/postgres/init.sh without passwords', () => {
  it('fails when executed, naming the missing variable', async () => {
    const r = await new Promise<RunResult>((resolve) => {
      execFile('bash', [INIT_SCRIPT], { env: { PATH: process.env['PATH'] ?? '' } }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('DOCUMENTS_DB_PASSWORD is not set');
  });

  it('fails when sourced (as the postgres entrypoint does) without leaking its shell options', async () => {
    const r = await new Promise<RunResult>((resolve) => {
      execFile(
        'bash',
        ['-c', `. ${JSON.stringify(INIT_SCRIPT)}; echo "status=$?"; echo "opts=$-"`],
        { env: { PATH: process.env['PATH'] ?? '' } },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    expect(r.stdout).toContain('status=1');
    expect(r.stdout).not.toMatch(/opts=.*e/);
  });
});

(SKIP_REASON ? describe.skip : describe)('infra/postgres/init.sh on a throwaway PostgreSQL cluster', () => {
  let dir = '';
  let port = 0;
  let started = false;
  const passwords: Record<string, string> = {};
  const bin = (name: string): string => path.join(PG_BIN ?? '', name);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gov-pg-'));
    if (RUN_AS?.uid !== undefined && RUN_AS.gid !== undefined) chownSync(dir, RUN_AS.uid, RUN_AS.gid);
    port = await freePort();
    const data = path.join(dir, 'data');
    const init = await run([bin('initdb'), '-D', data, '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--auth-local=trust', '--auth-host=scram-sha-256']);
    if (init.code !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const start = await run([
      bin('pg_ctl'), '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start',
    ]);
    if (start.code !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`);
    started = true;

    for (const s of SECTIONS) passwords[s.database] = `p${randomBytes(12).toString('hex')}`;
    // As the image runs it: psql over the local socket as POSTGRES_USER, passwords from the environment.
    const r = await run(['bash', INIT_SCRIPT], {
      PATH: process.env['PATH'] ?? '',
      PGHOST: dir,
      PGPORT: String(port),
      POSTGRES_USER: 'postgres',
      POSTGRES_DB: 'postgres',
      ...passwordEnv(passwords),
    });
    if (r.code !== 0) throw new Error(`init.sh failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  }, 90_000);

  afterAll(async () => {
    if (started) await run([bin('pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function query<T extends pg.QueryResultRow>(
    config: pg.ClientConfig,
    sql: string,
  ): Promise<T[]> {
    const client = new pg.Client({ port, ...config });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('creates exactly the eight service databases, each owned by its own role, UTF8 with a UTF-8 ctype', async () => {
    const rows = await query<{ datname: string; owner: string; encoding: string; ctype: string }>(
      { host: dir, user: 'postgres', database: 'postgres' },
      `SELECT datname, pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding) AS encoding, datctype AS ctype
         FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname`,
    );
    expect(rows).toEqual(
      SECTIONS.map((s) => ({ datname: s.database, owner: s.database, encoding: 'UTF8', ctype: 'C.UTF-8' })).sort((a, b) =>
        a.datname.localeCompare(b.datname),
      ),
    );
  });

  it.each(SECTIONS.map((s) => [s.database]))(
    '%s: its role logs in over TCP with its password, has pg_trgm and can create tables',
    async (db) => {
      const conn = { host: '127.0.0.1', user: db, password: passwords[db] ?? '', database: db };
      const ext = await query<{ extname: string }>(conn, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'");
      expect(ext).toEqual([{ extname: 'pg_trgm' }]);
      // The cluster runs with --no-locale (C ctype): Chinese trigrams must still work in the database.
      // (Under a C ctype show_trgm of Chinese text is empty and every similarity is 0.)
      const sim = await query<{ s: number; trigrams: number }>(
        conn,
        "SELECT similarity('关于做好防汛工作的通知', '防汛工作通知') AS s, cardinality(show_trgm('防汛工作')) AS trigrams",
      );
      expect(sim[0]?.s).toBeGreaterThan(0.1);
      expect(sim[0]?.trigrams).toBeGreaterThan(0);
      await query(conn, 'CREATE TABLE probe (title text); CREATE INDEX probe_trgm ON probe USING gin (title gin_trgm_ops)');
    },
  );

  it('a service role cannot connect to another section\'s database', async () => {
    await expect(
      query({ host: '127.0.0.1', user: 'documents', password: passwords['documents'] ?? '', database: 'secrecy' }, 'SELECT 1'),
    ).rejects.toThrow(/permission denied for database "secrecy"/);
  });

  it('a wrong password is refused', async () => {
    await expect(
      query({ host: '127.0.0.1', user: 'documents', password: passwords['meetings'] ?? '', database: 'documents' }, 'SELECT 1'),
    ).rejects.toThrow(/password authentication failed/);
  });
});
