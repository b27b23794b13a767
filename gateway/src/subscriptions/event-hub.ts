import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { EventEnvelopeSchema, type EventEnvelope, type SubjectSpace } from '@gov/contracts';
import type { JsonLogger } from '@gov/messaging';

/** A GraphQL subscriber's filter and projection of platform events: undefined drops the event. */
export type EventProjection<T> = (event: EventEnvelope) => T | undefined;

/**
 * Live fan-out of platform events to GraphQL subscriptions (graphql-ws). One core NATS subscription to the
 * namespace's `gov.>` feeds every subscriber; each keeps a bounded queue so a slow socket cannot grow the
 * gateway's memory (the oldest notices are dropped, and the client re-reads its inbox or list on reconnect).
 * Subscriptions are notifications, not the record: at-most-once by design. The record of what happened is the
 * services' data and the JetStream stream; integrators who need every event use a durable consumer.
 */
export class EventHub {
  private readonly listeners = new Set<(event: EventEnvelope) => void>();
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly space: SubjectSpace,
    private readonly logger: JsonLogger,
    private readonly queueLimit = 256,
  ) {}

  start(): void {
    this.subscription = this.nc.subscribe(this.space.event('gov.>'));
    this.loop = (async () => {
      for await (const msg of this.subscription!) {
        if (this.listeners.size === 0) continue;
        const parsed = EventEnvelopeSchema.safeParse(msg.json());
        if (!parsed.success) continue;
        for (const listener of this.listeners) listener(parsed.data as EventEnvelope);
      }
    })().catch((error) => this.logger.error('event hub stopped', { error: String(error) }));
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.loop;
  }

  /** How many subscribers are listening now (for metrics and tests). */
  get size(): number {
    return this.listeners.size;
  }

  /** An async iterator of the projected events a subscriber may see, ended when the client unsubscribes. */
  listen<T>(project: EventProjection<T>): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: ((result: IteratorResult<T>) => void) | undefined;
    let done = false;
    const listener = (event: EventEnvelope) => {
      let value: T | undefined;
      try {
        value = project(event);
      } catch (error) {
        this.logger.error('subscription projection failed', { type: event.type, error: String(error) });
        return;
      }
      if (value === undefined) return;
      if (wake) {
        const w = wake;
        wake = undefined;
        w({ value, done: false });
        return;
      }
      queue.push(value);
      if (queue.length > this.queueLimit) queue.shift();
    };
    this.listeners.add(listener);
    const finish = (): Promise<IteratorResult<T>> => {
      done = true;
      this.listeners.delete(listener);
      queue.length = 0;
      wake?.({ value: undefined, done: true });
      wake = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (done) return Promise.resolve({ value: undefined, done: true });
        const value = queue.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: (error?: unknown) => {
        void finish();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
