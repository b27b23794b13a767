import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { SqlDatabase } from '@gov/persistence';
import type { EventEnvelope, SubjectSpace } from '@gov/contracts';
import type { JsonLogger } from './logger.js';

export interface RelayOptions {
  /** Polling interval when idle; `kick()` after a commit makes publishing immediate. */
  intervalMs?: number;
  batchSize?: number;
  publishTimeoutMs?: number;
  /** Longest wait between attempts while NATS is unreachable. */
  maxBackoffMs?: number;
}

/**
 * Outbox relay: publishes outbox rows to JetStream in order, with Nats-Msg-Id = event id (JetStream drops a
 * duplicate within its window; consumers' inboxes drop any later one), and marks them published.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas can relay the same outbox.
 * While NATS is down nothing is lost: rows stay unpublished and are retried with backoff.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private readonly opts: Required<RelayOptions>;

  constructor(
    private readonly db: SqlDatabase,
    nc: NatsConnection,
    private readonly space: SubjectSpace,
    private readonly logger: JsonLogger,
    options: RelayOptions = {},
  ) {
    this.js = jetstream(nc);
    this.opts = { intervalMs: 1000, batchSize: 100, publishTimeoutMs: 2000, maxBackoffMs: 10_000, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.kick();
  }

  /** Publish now (called after a transaction that wrote events commits). */
  kick(): void {
    if (!this.running) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    // While NATS is failing, the backoff timer owns the retries: commits do not hammer a broker that is down.
    if (this.failures > 0 && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.draining = this.drain().then(() => undefined).finally(() => {
      this.draining = undefined;
      if (!this.running) return;
      const again = this.again;
      this.again = false;
      if (again && this.failures === 0) {
        this.kick();
        return;
      }
      const wait = this.failures
        ? Math.min(this.opts.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 6))
        : this.opts.intervalMs;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.kick();
      }, wait);
      this.timer.unref();
    });
  }

  /** Stops polling after a last attempt to publish what is waiting (graceful shutdown). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    await this.drain().catch(() => undefined);
  }

  /** Publishes batches until the outbox is empty or a publish fails. Returns the number published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn('outbox relay cannot publish; events wait in the outbox', {
            error: (error as Error).message,
            failures: this.failures,
          });
        }
        return total;
      }
      total += published;
      if (published < this.opts.batchSize) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const result = await this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ seq: bigint; envelope: EventEnvelope }[]>(
          `SELECT seq, envelope FROM outbox WHERE published_at IS NULL ORDER BY seq
           LIMIT $1 FOR UPDATE SKIP LOCKED`,
          this.opts.batchSize,
        );
        const done: bigint[] = [];
        let failure: Error | undefined;
        for (const row of rows) {
          try {
            const h = natsHeaders();
            if (row.envelope.traceparent) h.set('traceparent', row.envelope.traceparent);
            h.set('Content-Type', 'application/cloudevents+json');
            await this.js.publish(this.space.event(row.envelope.type), JSON.stringify(row.envelope), {
              msgID: row.envelope.id,
              timeout: this.opts.publishTimeoutMs,
              headers: h,
            });
            done.push(row.seq);
          } catch (error) {
            failure = error as Error;
            await tx.$executeRawUnsafe(
              'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1',
              row.seq,
              String(failure.message).slice(0, 500),
            );
            break;
          }
        }
        // What JetStream acknowledged is committed as published even when a later publish failed.
        if (done.length) {
          await tx.$executeRawUnsafe('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', done);
        }
        return { claimed: rows.length, failure };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (result.failure) throw result.failure;
    return result.claimed;
  }
}
