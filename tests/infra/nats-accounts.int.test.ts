// infra/nats/nats.conf proven with the real nats-server: a private server on a random loopback port,
// temp JetStream store, random passwords, real client connections for every account and user.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  connect,
  nanos,
  PermissionViolationError,
  type Msg,
  type NatsConnection,
  type Subscription,
} from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { NATS_USERS, SECTIONS, repoPath } from './support.js';
import { CalendarStore } from '@gov/messaging';
import { SubjectSpace } from '@gov/contracts';

const NATS_SERVER = process.env['NATS_SERVER_BIN'] ?? '/usr/sbin/nats-server';
const HAVE_SERVER = existsSync(NATS_SERVER);
if (!HAVE_SERVER) {
  console.warn(`nats-accounts.int.test: SKIPPED, no nats-server binary at ${NATS_SERVER} (set NATS_SERVER_BIN)`);
}

const te = new TextEncoder();
const td = new TextDecoder();
const json = (value: unknown): Uint8Array => te.encode(JSON.stringify(value));
const parse = (m: { data: Uint8Array }): unknown => JSON.parse(td.decode(m.data));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Resolves with the next permission violation reported to `nc` for `operation` on `subject`. */
function nextViolation(
  nc: NatsConnection,
  operation: 'publish' | 'subscription',
  subject: string,
  timeoutMs = 3000,
): Promise<PermissionViolationError> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`no permission violation for ${operation} to "${subject}" within ${timeoutMs} ms`));
    }, timeoutMs);
    void (async () => {
      for await (const s of nc.status()) {
        if (done) break;
        if (
          s.type === 'error' &&
          s.error instanceof PermissionViolationError &&
          s.error.operation === operation &&
          s.error.subject === subject
        ) {
          done = true;
          clearTimeout(timer);
          resolve(s.error);
          break;
        }
      }
    })();
  });
}

async function expectPublishDenied(nc: NatsConnection, subject: string, data: Uint8Array = json({})): Promise<void> {
  const violation = nextViolation(nc, 'publish', subject);
  nc.publish(subject, data);
  await nc.flush();
  await expect(violation).resolves.toBeInstanceOf(PermissionViolationError);
}

async function expectSubscribeDenied(nc: NatsConnection, subject: string, queue?: string): Promise<void> {
  const violation = nextViolation(nc, 'subscription', subject);
  const sub = nc.subscribe(subject, queue === undefined ? {} : { queue });
  await nc.flush();
  await expect(violation).resolves.toBeInstanceOf(PermissionViolationError);
  await expect(sub.closed).resolves.toBeInstanceOf(PermissionViolationError);
}

/** Collects the subjects a subscription receives. */
function collect(sub: Subscription): { subjects: string[]; next: (subject: string, ms?: number) => Promise<Msg> } {
  const subjects: string[] = [];
  const waiters: Array<{ subject: string; resolve: (m: Msg) => void }> = [];
  void (async () => {
    for await (const m of sub) {
      subjects.push(m.subject);
      for (const w of waiters.filter((x) => x.subject === m.subject)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  })();
  return {
    subjects,
    next: (subject, ms = 3000) =>
      new Promise<Msg>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing received on ${subject}`)), ms);
        waiters.push({
          subject,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      }),
  };
}

const GOV_EVENTS = {
  name: 'GOV_EVENTS',
  subjects: ['gov.>'],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  duplicate_window: nanos(2 * 60 * 1000),
};

/** What a service does at start: STREAM.INFO, then STREAM.CREATE when missing or STREAM.UPDATE. */
async function ensureGovEvents(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const exists = await jsm.streams.info(GOV_EVENTS.name).then(
    () => true,
    (err: unknown) => {
      if (err instanceof Error && /stream not found/i.test(err.message)) return false;
      throw err;
    },
  );
  if (exists) {
    await jsm.streams.update(GOV_EVENTS.name, { ...GOV_EVENTS, description: 'gov-office domain events' });
  } else {
    await jsm.streams.add(GOV_EVENTS);
  }
}

(HAVE_SERVER ? describe : describe.skip)('infra/nats/nats.conf on a real nats-server', () => {
  let dir = '';
  let port = 0;
  let server: ChildProcess | undefined;
  let serverLog = '';
  const passwords: Record<string, string> = {};
  const connections: NatsConnection[] = [];

  async function as(user: string): Promise<NatsConnection> {
    const nc = await connect({
      servers: `nats://127.0.0.1:${port}`,
      user,
      pass: passwords[user] ?? '',
      name: `infra-test-${user}`,
      reconnect: false,
    });
    connections.push(nc);
    return nc;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gov-nats-'));
    port = await freePort();
    const monitorPort = await freePort();
    // The real file, unchanged, included from a tiny wrapper that only moves it to loopback ports
    // and a temp store (include paths are relative to the including file, hence the symlink).
    symlinkSync(repoPath('infra', 'nats', 'nats.conf'), path.join(dir, 'nats.conf'));
    writeFileSync(
      path.join(dir, 'test.conf'),
      [
        'include ./nats.conf',
        'host: 127.0.0.1',
        `port: ${port}`,
        `http_port: ${monitorPort}`,
        `jetstream { store_dir: ${JSON.stringify(path.join(dir, 'js'))} }`,
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '' };
    for (const { user, passwordVar } of NATS_USERS) {
      passwords[user] = `t${randomBytes(12).toString('hex')}`;
      env[passwordVar] = passwords[user];
    }
    const proc = spawn(NATS_SERVER, ['-c', path.join(dir, 'test.conf')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server = proc;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${serverLog}`)), 10_000);
      const onData = (chunk: Buffer): void => {
        serverLog += chunk.toString();
        if (serverLog.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited with ${String(code)}:\n${serverLog}`));
      });
    });
    expect(serverLog).toContain(`127.0.0.1:${port}`);
  });

  afterEach(async () => {
    await Promise.allSettled(connections.splice(0).map((nc) => nc.close()));
  });

  afterAll(async () => {
    await Promise.allSettled(connections.splice(0).map((nc) => nc.close()));
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('the file as compose mounts it', () => {
    const check = (env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> =>
      new Promise((resolve) => {
        execFile(NATS_SERVER, ['-c', repoPath('infra', 'nats', 'nats.conf'), '-js', '-t'], { env }, (error, stdout, stderr) =>
          resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}` }),
        );
      });
    const allPasswords = (): NodeJS.ProcessEnv =>
      Object.fromEntries(NATS_USERS.map(({ user, passwordVar }) => [passwordVar, passwords[user] ?? '']));

    it('passes `nats-server -c nats.conf -js -t` when every password variable is set', async () => {
      await expect(check(allPasswords())).resolves.toMatchObject({ code: 0 });
    });

    it('is refused when a password variable is missing', async () => {
      const env = allPasswords();
      delete env['SECRECY_NATS_PASSWORD'];
      const r = await check(env);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain('SECRECY_NATS_PASSWORD');
    });
  });

  describe('authentication', () => {
    it('refuses a connection without credentials', async () => {
      await expect(connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false })).rejects.toThrow(
        /Authorization/i,
      );
    });

    it('refuses a user presenting another user\'s password', async () => {
      await expect(
        connect({ servers: `nats://127.0.0.1:${port}`, user: 'documents', pass: passwords['gateway'] ?? '', reconnect: false }),
      ).rejects.toThrow(/Authorization/i);
    });
  });

  describe('gateway and services (account APP)', () => {
    it('gateway requests documents.incoming.register and gets the reply of a documents responder', async () => {
      const documents = await as('documents');
      const gateway = await as('gateway');
      const replySubjects: string[] = [];
      documents.subscribe('documents.>', {
        queue: 'documents',
        callback: (err, m) => {
          if (err) return;
          replySubjects.push(m.reply ?? '');
          m.respond(json({ ok: true, handledBy: 'documents', subject: m.subject, request: parse(m) }));
        },
      });
      await documents.flush();

      const reply = await gateway.request('documents.incoming.register', json({ title: '关于做好防汛工作的通知' }), {
        timeout: 3000,
      });
      expect(parse(reply)).toEqual({
        ok: true,
        handledBy: 'documents',
        subject: 'documents.incoming.register',
        request: { title: '关于做好防汛工作的通知' },
      });
      expect(replySubjects).toHaveLength(1);
      expect(replySubjects[0]).toMatch(/^_INBOX\./);
    });

    it.each(SECTIONS.map((s) => [s.name]))('gateway reaches %s, answered by its own user in its queue group', async (name) => {
      const svc = await as(name);
      const gateway = await as('gateway');
      const sub = svc.subscribe(`${name}.>`, {
        queue: name,
        callback: (err, m) => {
          if (!err) m.respond(json({ from: name, subject: m.subject }));
        },
      });
      await svc.flush();
      const reply = await gateway.request(`${name}.probe.get`, json({}), { timeout: 3000 });
      expect(parse(reply)).toEqual({ from: name, subject: `${name}.probe.get` });
      await sub.drain();
    });

    it('a service can only answer in its own queue group', async () => {
      const documents = await as('documents');
      await expectSubscribeDenied(documents, 'documents.>');
      await expectSubscribeDenied(documents, 'documents.>', 'meetings');
    });

    it('documents cannot subscribe to meetings.> nor publish gov.meetings.x, but can publish gov.documents.>', async () => {
      const documents = await as('documents');
      const integrator = await as('integrator');
      const seen = collect(integrator.subscribe('gov.>'));
      await integrator.flush();

      await expectSubscribeDenied(documents, 'meetings.>', 'meetings');
      await expectSubscribeDenied(documents, 'meetings.>');
      await expectPublishDenied(documents, 'gov.meetings.x');

      // Positive control from the same connection: had gov.meetings.x been forwarded, it would have
      // arrived before this one.
      const allowed = seen.next('gov.documents.control');
      documents.publish('gov.documents.control', json({}));
      await allowed;
      expect(seen.subjects).not.toContain('gov.meetings.x');
    });

    it('a service cannot send requests to another section or reply outside allow_responses', async () => {
      const documents = await as('documents');
      await expectPublishDenied(documents, 'meetings.meeting.get');
      await expectPublishDenied(documents, 'legal-review.request.get');
      await expectPublishDenied(documents, '_INBOX.forged');
    });

    it('gateway cannot publish events, nor listen to requests or events', async () => {
      const gateway = await as('gateway');
      const integrator = await as('integrator');
      const documents = await as('documents');
      const seen = collect(integrator.subscribe('gov.>'));
      await integrator.flush();

      await expectPublishDenied(gateway, 'gov.documents.x');
      await expectSubscribeDenied(gateway, 'documents.>');
      await expectSubscribeDenied(gateway, 'gov.>');

      const allowed = seen.next('gov.documents.after-gateway');
      documents.publish('gov.documents.after-gateway', json({}));
      await allowed;
      expect(seen.subjects).not.toContain('gov.documents.x');
    });

    it('gateway cannot touch the GOV_EVENTS stream', async () => {
      const gateway = await as('gateway');
      await expectPublishDenied(gateway, '$JS.API.STREAM.CREATE.GOV_EVENTS');
      await expectPublishDenied(gateway, '$JS.API.STREAM.DELETE.GOV_EVENTS');
      await expectPublishDenied(gateway, '$JS.API.CONSUMER.MSG.NEXT.GOV_EVENTS.documents-intake');
    });
  });

  describe('JetStream: GOV_EVENTS', () => {
    it('services create GOV_EVENTS, publish with acks and consume other sections through durable pull consumers', async () => {
      const documents = await as('documents');
      const meetings = await as('meetings');

      // Start-up of a service: create the stream if missing, update it otherwise.
      await ensureGovEvents(documents);
      await ensureGovEvents(meetings);
      const jsmMeetings = await jetstreamManager(meetings);
      await expect(jsmMeetings.streams.info('GOV_EVENTS')).resolves.toMatchObject({
        config: { subjects: ['gov.>'], description: 'gov-office domain events' },
      });

      // Durable pull consumer named <service>-<purpose>, filtered on another section's events.
      await jsmMeetings.consumers.add('GOV_EVENTS', {
        durable_name: 'meetings-document-intake',
        ack_policy: AckPolicy.Explicit,
        filter_subject: 'gov.documents.>',
        deliver_policy: DeliverPolicy.All,
      });

      const ack = await jetstream(documents).publish(
        'gov.documents.incoming.registered',
        json({ id: 'evt-1', type: 'gov.documents.incoming.registered' }),
        { msgID: 'evt-1' },
      );
      expect(ack).toMatchObject({ stream: 'GOV_EVENTS', duplicate: false });
      const dup = await jetstream(documents).publish('gov.documents.incoming.registered', json({ id: 'evt-1' }), {
        msgID: 'evt-1',
      });
      expect(dup.duplicate).toBe(true);

      const consumer = await jetstream(meetings).consumers.get('GOV_EVENTS', 'meetings-document-intake');
      const m = await consumer.next({ expires: 3000 });
      expect(m?.subject).toBe('gov.documents.incoming.registered');
      await expect(m?.ackAck()).resolves.toBe(true);
      const info = await consumer.info();
      expect(info.num_ack_pending).toBe(0);
      expect(info.delivered.consumer_seq).toBeGreaterThanOrEqual(1);
    });

    it('a service cannot create other streams, delete GOV_EVENTS or publish through JetStream for another section', async () => {
      const documents = await as('documents');
      await expectPublishDenied(documents, '$JS.API.STREAM.CREATE.ROGUE');
      await expectPublishDenied(documents, '$JS.API.STREAM.DELETE.GOV_EVENTS');
      await expectPublishDenied(documents, '$JS.API.STREAM.PURGE.GOV_EVENTS');
      const rejected = await jetstream(documents)
        .publish('gov.meetings.meeting.approved', json({}), { timeout: 2000 })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(rejected).toBeInstanceOf(Error);
      expect((rejected as Error).cause).toBeInstanceOf(PermissionViolationError);
      expect((rejected as Error).cause).toMatchObject({ operation: 'publish', subject: 'gov.meetings.meeting.approved' });
    });
  });

  describe('JetStream: gov_calendar key-value bucket', () => {
    it('gateway creates and writes the bucket; a service reads and watches it but cannot write', async () => {
      const gateway = await as('gateway');
      const archives = await as('archives');

      // What @nats-io/kv's Kvm.create("gov_calendar") sends.
      const jsmGateway = await jetstreamManager(gateway);
      await jsmGateway.streams.add({
        name: 'KV_gov_calendar',
        subjects: ['$KV.gov_calendar.>'],
        max_msgs_per_subject: 5,
        allow_rollup_hdrs: true,
        allow_direct: true,
        deny_delete: true,
        discard: DiscardPolicy.New,
        storage: StorageType.File,
      });
      await jetstream(gateway).publish('$KV.gov_calendar.2025', json({ holidays: ['2025-10-01'] }));

      // Reads, as Kvm.open(...).get(...) does them (direct get, and stream msg get).
      const jsmArchives = await jetstreamManager(archives);
      const direct = await jsmArchives.direct.getMessage('KV_gov_calendar', { last_by_subj: '$KV.gov_calendar.2025' });
      expect(direct?.json()).toEqual({ holidays: ['2025-10-01'] });
      const stored = await jsmArchives.streams.getMessage('KV_gov_calendar', { last_by_subj: '$KV.gov_calendar.2025' });
      expect(stored?.json()).toEqual({ holidays: ['2025-10-01'] });

      // Watch, as kv.watch() does it: an ordered push consumer with flow control and heartbeats.
      const watcher = await jetstream(archives).consumers.getPushConsumer('KV_gov_calendar', {
        name_prefix: 'KV_WATCHER',
        deliver_policy: DeliverPolicy.LastPerSubject,
        filter_subjects: '$KV.gov_calendar.>',
      });
      const updates: string[] = [];
      let gotUpdate: () => void = () => undefined;
      const updated = new Promise<void>((resolve) => {
        gotUpdate = resolve;
      });
      const iter = await watcher.consume({
        callback: (m) => {
          updates.push(td.decode(m.data));
          if (updates.length === 2) gotUpdate();
        },
      });
      await jetstream(gateway).publish('$KV.gov_calendar.2026', json({ holidays: ['2026-01-01'] }));
      await updated;
      expect(updates.map((u) => JSON.parse(u) as unknown)).toEqual([
        { holidays: ['2025-10-01'] },
        { holidays: ['2026-01-01'] },
      ]);
      await iter.close();

      await expectPublishDenied(archives, '$KV.gov_calendar.2025');
      await expectPublishDenied(archives, '$JS.API.STREAM.PURGE.KV_gov_calendar');
    });

    it('a service that starts before the gateway creates the empty bucket itself, and still cannot write it', async () => {
      const ops = await as('ops');
      await (await jetstreamManager(ops)).streams.delete('KV_gov_calendar');
      const documents = await as('documents');
      // The platform's own code path: every service opens the calendar store at start-up.
      const store = await CalendarStore.open(documents, new SubjectSpace(''));
      expect(store.calendar.years()).toEqual([2025, 2026]);
      await expect(store.put({ ...store.calendar.yearData(2026)!, year: 2026 })).rejects.toThrow(/permission|timeout|violation/i);
      store.close();
    });
  });

  describe('integrators (account INTEGRATORS)', () => {
    it('receive gov.documents.incoming.registered published by documents, live and through JetStream', async () => {
      const documents = await as('documents');
      const ops = await as('ops');
      const integrator = await as('integrator');

      await ensureGovEvents(documents);
      // The integrator's durable consumer is provisioned by ops (integrators cannot create consumers).
      const jsmOps = await jetstreamManager(ops);
      await jsmOps.consumers.add('GOV_EVENTS', {
        durable_name: 'integrator',
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
      });

      const live = collect(integrator.subscribe('gov.>'));
      await integrator.flush();
      const arrived = live.next('gov.documents.incoming.registered');
      await jetstream(documents).publish(
        'gov.documents.incoming.registered',
        json({ id: 'evt-integrator', source: 'documents' }),
        { msgID: 'evt-integrator' },
      );
      expect(parse(await arrived)).toEqual({ id: 'evt-integrator', source: 'documents' });

      const js = jetstream(integrator, { apiPrefix: '$JS.APP.API' });
      const consumer = await js.consumers.get('GOV_EVENTS', 'integrator');
      const m = await consumer.next({ expires: 3000 });
      expect(m?.subject).toBe('gov.documents.incoming.registered');
      expect(m?.json()).toEqual({ id: 'evt-integrator', source: 'documents' });
      await expect(m?.ackAck()).resolves.toBe(true);
      const info = await jsmOps.consumers.info('GOV_EVENTS', 'integrator');
      expect(info.num_ack_pending).toBe(0);
    });

    it('cannot publish anything on gov.> nor reach services\' consumers or the JetStream API', async () => {
      const integrator = await as('integrator');
      await expectPublishDenied(integrator, 'gov.documents.incoming.registered');
      await expectPublishDenied(integrator, 'gov.integrator.anything');
      await expectPublishDenied(integrator, '$JS.APP.API.CONSUMER.MSG.NEXT.GOV_EVENTS.meetings-document-intake');
      await expectPublishDenied(integrator, '$JS.APP.API.CONSUMER.CREATE.GOV_EVENTS');
      await expectPublishDenied(integrator, '$JS.API.STREAM.INFO.GOV_EVENTS');
    });

    it('cannot subscribe to requests (documents.>)', async () => {
      const integrator = await as('integrator');
      await expectSubscribeDenied(integrator, 'documents.>');
      await expectSubscribeDenied(integrator, '>');
    });
  });

  describe('ops', () => {
    it('administers JetStream but cannot publish events or requests', async () => {
      await ensureGovEvents(await as('documents'));
      const ops = await as('ops');
      const jsm = await jetstreamManager(ops);
      await expect(jsm.streams.names().next()).resolves.toEqual(expect.arrayContaining(['GOV_EVENTS']));
      await expectPublishDenied(ops, 'gov.documents.x');
      await expectPublishDenied(ops, 'documents.incoming.register');
      await expectSubscribeDenied(ops, 'gov.>');
    });
  });
});
