import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsSettings {
  url: string;
  user?: string | undefined;
  password?: string | undefined;
  /** Prefix of every subject and of the stream name (SubjectSpace); empty in production. */
  namespace?: string | undefined;
}

/**
 * One way to connect. Reconnects for ever: a broker outage delays events (they wait in the outbox) and
 * requests (they fail with UNAVAILABLE), it does not stop a service.
 */
export async function connectNats(settings: NatsSettings, name: string): Promise<NatsConnection> {
  return connect({
    servers: settings.url.split(','),
    name,
    ...(settings.user ? { user: settings.user, pass: settings.password ?? '' } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  });
}

/** Follows a connection's status so /health can say "NATS down" while the client is reconnecting. */
export class ConnectionWatch {
  private up = true;
  private detail: string | undefined;

  constructor(private readonly nc: NatsConnection) {
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnecting') {
          this.up = false;
          this.detail = `disconnected from ${'server' in s ? String(s.server) : 'the server'}, reconnecting`;
        } else if (s.type === 'reconnect') {
          this.up = true;
          this.detail = undefined;
        }
      }
    })().catch(() => undefined);
  }

  get check(): { ok: boolean; detail?: string } {
    if (this.nc.isClosed()) return { ok: false, detail: 'closed' };
    return this.up ? { ok: true } : { ok: false, detail: this.detail ?? 'reconnecting' };
  }
}
