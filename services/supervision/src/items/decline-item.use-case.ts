import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { supervision } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { loadItem, readView, writeTransition } from './item-workflow.js';
import { assertReason, nextState, type ItemState } from './supervision-item.rules.js';

type Input = z.infer<typeof supervision.declineItem.input>;

/**
 * 不予立项: the office director declines a proposed item with the reason (seed 004 L203; README, decisions),
 * for manual entries and for items opened from events alike. `gov.supervision.item.declined`.
 */
@Injectable()
export class DeclineSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<supervision.SupervisionItemView> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'decline', context.actor);
    assertReason('decline', input.reason);
    return this.uow.run(async (tx) => {
      await writeTransition(tx, context, {
        current,
        action: 'decline',
        to,
        at: now,
        reason: input.reason,
        event: {
          contract: supervision.itemDeclined,
          data: { itemId: current.id, registerNumber: current.registerNumber, declinedAt: now.toISOString(), declinedBy: context.actor.id },
        },
      });
      return readView(tx, current.id);
    });
  }
}
