import { jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { SubjectSpace } from '@gov/contracts';

/** How long JetStream remembers a Nats-Msg-Id to drop a re-published event (relay crash after publish). */
export const DUPLICATE_WINDOW_NS = 10 * 60 * 1_000_000_000;

/** Creates the GOV_EVENTS stream if missing (every service may start first); never shrinks an existing one. */
export async function ensureEventsStream(nc: NatsConnection, space: SubjectSpace): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(space.streamName);
  } catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error;
    try {
      await jsm.streams.add({
        name: space.streamName,
        subjects: space.streamSubjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        duplicate_window: DUPLICATE_WINDOW_NS,
        description: 'Events of the office platform (gov.<section>.<aggregate>.<event>), CloudEvents 1.0 JSON',
      });
    } catch (raced) {
      // Another service created it between our look and our add.
      if (!/already in use|exists/i.test(String((raced as Error).message))) throw raced;
    }
  }
  return jsm;
}
