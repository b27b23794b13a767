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
