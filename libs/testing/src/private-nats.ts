import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NATS_SERVER_BINARY = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`nats-server port ${port} did not become ${up ? 'open' : 'closed'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A real nats-server of the test's own (the Debian binary), for outage tests: it can be stopped and started
 * again on the same port with the same JetStream store, like a broker restart.
 */
export class PrivateNatsServer {
  private proc: ChildProcess | undefined;
  private readonly storeDir = mkdtempSync(path.join(os.tmpdir(), 'gov-nats-'));

  private constructor(readonly port: number) {}

  static available(): boolean {
    return existsSync(NATS_SERVER_BINARY);
  }

  static async start(): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await freePort());
    await server.up();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.proc = spawn(NATS_SERVER_BINARY, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: 'ignore',
    });
    await waitForPort(this.port, true);
  }

  /** Broker outage: the process ends; clients see connection loss and keep reconnecting. */
  async down(): Promise<void> {
    const proc = this.proc;
    // A process killed by a signal has signalCode set and exitCode null.
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
    await waitForPort(this.port, false);
  }

  async destroy(): Promise<void> {
    await this.down();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
