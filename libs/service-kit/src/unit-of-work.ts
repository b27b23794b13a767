import type { OutboxRelay } from '@gov/messaging';

/** The service's Prisma client as the unit of work sees it. */
export interface TransactionalClient<Tx> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
}

/**
 * Runs a use case's writes in one transaction: the state change, its history, its audit entry and its
 * outbox events commit together. After the commit the relay is woken so events leave at once.
 */
export class UnitOfWork<Tx> {
  constructor(
    private readonly client: TransactionalClient<Tx>,
    private readonly relay: Pick<OutboxRelay, 'kick'>,
  ) {}

  async run<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    const result = await this.client.$transaction(work, { timeout: 15_000, maxWait: 5_000 });
    this.relay.kick();
    return result;
  }
}
