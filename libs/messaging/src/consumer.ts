import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventEnvelopeSchema, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import type { SqlDatabase, SqlExecutor } from '@gov/persistence';
import { ensureEventsStream } from './stream.js';
import type { JsonLogger } from './logger.js';
import { parseTraceparent, runInTrace, childTrace } from './trace.js';

export interface ConsumerSpec {
  /** Durable name `<service>-<purpose>`: survives restarts; replicas share it (each event to one replica). */
  durable: string;
  /** Event types handled, e.g. ['gov.documents.incoming.registered']. */
  eventTypes: string[];
  /** The effect, run in the transaction that also records the event id in the inbox. */
  handle: (event: EventEnvelope, tx: SqlExecutor) => Promise<void>;
  /** Redeliveries before an event is given up (and logged as an error). */
  maxDeliver?: number;
}

/**
 * Durable, idempotent JetStream consumer. Each event's effect and its inbox row commit in one transaction;
 * an event whose id is already in the inbox is acknowledged without running the effect again, so
 * redelivery (after a crash, a lost ack, or a re-published outbox row) is harmless.
 */
export class IdempotentConsumer {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  handled = 0;
  duplicates = 0;
  private readonly types: ReadonlySet<string>;

  constructor(
    private readonly nc: NatsConnection,
    private readonly db: SqlDatabase,
    private readonly space: SubjectSpace,
    private readonly spec: ConsumerSpec,
    private readonly logger: JsonLogger,
  ) {
    this.types = new Set(spec.eventTypes);
  }

  async start(): Promise<void> {
    const jsm = await ensureEventsStream(this.nc, this.space);
    const subjects = this.spec.eventTypes.map((t) => this.space.event(t));
    // One filter_subject, which servers before 2.10 (Debian 12's 2.9) also understand: several types share
    // their narrowest covering wildcard, and process() acknowledges the others without effect.
    const filter = { filter_subject: coveringSubject(subjects) };
    const config = {
      durable_name: this.spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_deliver: this.spec.maxDeliver ?? 20,
      ack_wait: 30_000_000_000,
      ...filter,
    };
    const existing = await jsm.consumers.info(this.space.streamName, this.spec.durable).catch(() => undefined);
    if (existing) {
      await jsm.consumers.update(this.space.streamName, this.spec.durable, { ...filter, max_deliver: config.max_deliver });
    } else {
      await jsm.consumers.add(this.space.streamName, config);
    }
    const consumer = await jetstream(this.nc).consumers.get(this.space.streamName, this.spec.durable);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = (async () => {
      for await (const msg of this.messages!) await this.process(msg);
    })();
  }

  async stop(): Promise<void> {
    // Let the message in hand finish, then stop pulling.
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
  }

  private async process(msg: JsMsg): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = EventEnvelopeSchema.parse(msg.json()) as EventEnvelope;
    } catch (error) {
      this.logger.error('dropping a message that is not a platform event', { subject: msg.subject, error: String(error) });
      msg.term();
      return;
    }
    if (!this.types.has(envelope.type)) {
      msg.ack();
      return;
    }
    const trace = childTrace(parseTraceparent(envelope.traceparent));
    await runInTrace(trace, async () => {
      try {
        const fresh = await this.db.$transaction(async (tx) => {
          const inserted = await tx.$executeRawUnsafe(
            `INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            this.spec.durable,
            envelope.id,
            envelope.type,
          );
          if (inserted === 0) return false;
          await this.spec.handle(envelope, tx);
          return true;
        });
        if (fresh) this.handled += 1;
        else this.duplicates += 1;
        msg.ack();
        this.logger.debug(fresh ? 'event handled' : 'duplicate event ignored', { eventId: envelope.id, type: envelope.type });
      } catch (error) {
        const attempt = msg.info.deliveryCount;
        this.logger.error('event handling failed; it will be redelivered', {
          eventId: envelope.id,
          type: envelope.type,
          attempt,
          error: (error as Error).message,
        });
        msg.nak(Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
      }
    });
  }
}

/**
 * The narrowest single subject that covers all of them, token by token: equal tokens stay, differing ones
 * become `*` (`gov.documents.outgoing.x` and `gov.meetings.topic.x` → `gov.*.*.x`). Subjects of different
 * lengths share their common prefix and `>`.
 */
export function coveringSubject(subjects: readonly string[]): string {
  if (subjects.length === 0) throw new Error('a consumer needs at least one event type');
  const split = subjects.map((s) => s.split('.'));
  const length = split[0]!.length;
  if (split.every((t) => t.length === length)) {
    return split[0]!.map((token, i) => (split.every((t) => t[i] === token) ? token : '*')).join('.');
  }
  const prefix: string[] = [];
  for (let i = 0; split.every((t) => i < t.length - 1 && t[i] === split[0]![i]); i++) prefix.push(split[0]![i]!);
  return [...prefix, '>'].join('.');
}
