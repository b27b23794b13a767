import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SubjectSpace } from '@gov/contracts';
import { testNatsUrl } from './environment.js';

/** A namespace of its own for one test file: its subjects, stream and KV bucket touch no one else's. */
export function uniqueSpace(): SubjectSpace {
  return new SubjectSpace(`t${randomBytes(5).toString('hex')}`);
}

export async function connectTestNats(url = testNatsUrl()): Promise<NatsConnection> {
  return connect({ servers: url, name: 'test' });
}

/** Removes a test namespace's stream and KV bucket from the shared server. */
export async function cleanupSpace(space: SubjectSpace, url = testNatsUrl()): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (const name of [space.streamName, `KV_${space.calendarBucket}`]) {
      await jsm.streams.delete(name).catch(() => undefined);
    }
  } finally {
    await nc.close();
  }
}
