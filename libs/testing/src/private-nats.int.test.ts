import net from 'node:net';
import { NATS_SERVER_BINARY, PrivateNatsServer } from './private-nats.js';

/** The outage tests' broker: it must stop, start again on the same port, and be destroyed from any state. */
const suite = PrivateNatsServer.available() ? describe : describe.skip;
if (!PrivateNatsServer.available()) console.warn(`PrivateNatsServer tests SKIPPED: no nats-server binary at ${NATS_SERVER_BINARY}`);

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** Resolves to 'returned', or 'hung' if the promise has not settled within ms. */
function within(promise: Promise<unknown>, ms: number): Promise<'returned' | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((r) => { timer = setTimeout(() => r('hung'), ms); });
  return Promise.race([promise.then(() => 'returned' as const), hung]).finally(() => clearTimeout(timer));
}

suite('PrivateNatsServer', () => {
  it('goes down and comes back up on the same port', async () => {
    const server = await PrivateNatsServer.start();
    try {
      expect(await listening(server.port)).toBe(true);
      await server.down();
      expect(await listening(server.port)).toBe(false);
      await server.up();
      expect(await listening(server.port)).toBe(true);
    } finally {
      await server.destroy();
    }
  });

  // Regression: a process ended by SIGKILL has exitCode null (signalCode 'SIGKILL'); down() once waited for an
  // 'exit' event that had already been emitted, so a second down() or destroy() after down() hung for ever.
  it('down() twice and destroy() after down() return at once', async () => {
    const server = await PrivateNatsServer.start();
    try {
      await server.down();
      expect(await within(server.down(), 3000)).toBe('returned');
      expect(await within(server.destroy(), 3000)).toBe('returned');
    } finally {
      // Whatever happened above: a fresh process, so that destroy() has one to stop and the store dir goes.
      await server.up();
      await server.destroy();
    }
  });
});
