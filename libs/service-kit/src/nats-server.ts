import { ServerNats } from '@nestjs/microservices';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { SubjectSpace } from '@gov/contracts';
import type { JsonLogger } from '@gov/messaging';
import { runInServiceScope } from './command.js';
import type { ServiceMetrics } from './metrics.js';

/**
 * @nestjs/microservices' NATS transport with two additions: every handler subscribes under the configured
 * namespace (tests and shared servers), and close() drains: it stops taking requests, lets the ones in
 * hand finish (up to a grace period), then closes the connection.
 */
export class GovNatsServer extends ServerNats {
  private inFlight = 0;
  private readonly govSubscriptions: Subscription[] = [];

  constructor(
    options: ConstructorParameters<typeof ServerNats>[0],
    private readonly space: SubjectSpace,
    private readonly queue: string,
    private readonly graceMs: number,
    private readonly serviceLogger: JsonLogger,
    private readonly serviceMetrics: ServiceMetrics,
  ) {
    super(options);
  }

  override bindEvents(client: NatsConnection): void {
    for (const channel of this.messageHandlers.keys()) {
      const handle = this.getMessageHandler(channel).bind(this);
      const sub = client.subscribe(this.space.command(channel), {
        queue: this.queue,
        callback: (error, msg) => {
          this.inFlight += 1;
          void Promise.resolve(runInServiceScope({ logger: this.serviceLogger, metrics: this.serviceMetrics }, () => handle(error, msg))).finally(() => {
            this.inFlight -= 1;
          });
        },
      });
      this.govSubscriptions.push(sub);
    }
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  override async close(): Promise<void> {
    await Promise.all(this.govSubscriptions.map((s) => s.drain().catch(() => undefined)));
    const deadline = Date.now() + this.graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await super.close();
  }
}
