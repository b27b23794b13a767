import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import { createEnvelope, SubjectSpace, type EventContract, type EventEnvelope } from '@gov/contracts';
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

/** Every event in a test namespace's stream, oldest first, with the Nats-Msg-Id it was published under. */
export async function readEventStream(
  nc: NatsConnection,
  space: SubjectSpace,
): Promise<{ envelope: EventEnvelope; msgId: string | undefined }[]> {
  const consumer = await jetstream(nc).consumers.get(space.streamName); // ordered, ephemeral
  const pending = (await consumer.info()).num_pending;
  const out: { envelope: EventEnvelope; msgId: string | undefined }[] = [];
  if (!pending) return out;
  for await (const m of await consumer.fetch({ max_messages: pending, expires: 2000 })) {
    out.push({ envelope: m.json<EventEnvelope>(), msgId: m.headers?.get('Nats-Msg-Id') });
    if (out.length === pending) break;
  }
  return out;
}

/**
 * Publishes an event onto a test namespace's stream as another section's outbox relay would (validated against
 * its contract, Nats-Msg-Id = envelope id), for tests of a consumer whose producer is not running. Pass the
 * same `id` twice to see JetStream's duplicate window drop it; a new id is a second delivery of the same fact.
 */
export async function publishTestEvent<D extends z.ZodType>(
  nc: NatsConnection,
  space: SubjectSpace,
  contract: EventContract<D>,
  data: z.input<D>,
  options: { id?: string; time?: Date; msgId?: string } = {},
): Promise<EventEnvelope<z.infer<D>>> {
  const parsed = contract.data.parse(data) as z.infer<D>;
  const envelope = createEnvelope({
    section: contract.section,
    type: contract.type,
    subject: String((parsed as Record<string, unknown>)[contract.subjectKey]),
    data: parsed,
    ...(options.id ? { id: options.id } : {}),
    ...(options.time ? { time: options.time } : {}),
  });
  await republishTestEvent(nc, space, envelope, options.msgId ?? envelope.id);
  return envelope;
}

/**
 * Publishes an envelope as it is, under the given Nats-Msg-Id: with a new one, JetStream delivers the same event
 * again, as a relay that lost its ack would after the duplicate window.
 */
export async function republishTestEvent(nc: NatsConnection, space: SubjectSpace, envelope: EventEnvelope, msgId: string): Promise<void> {
  await jetstream(nc).publish(space.event(envelope.type), JSON.stringify(envelope), { msgID: msgId });
}
