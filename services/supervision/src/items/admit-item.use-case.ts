import { Inject, Injectable } from '@nestjs/common';
import { supervision } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { ITEM_INCLUDE, toView } from './items.mapper.js';
import { nextState, type ItemState } from './supervision-item.rules.js';
import { CHANGED_MEANWHILE, NO_SUCH_ITEM } from './item-workflow.js';

export { CHANGED_MEANWHILE, NO_SUCH_ITEM } from './item-workflow.js';

/**
 * 立项批准: the office director admits a proposed item ("经区政府办公室主任审核同意，列入督查事项", seed 004
 * L203), with its history, audit entry and `gov.supervision.item.admitted` event in one transaction.
 */
@Injectable()
export class AdmitSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<supervision.SupervisionItemView> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.supervisionItem.findUnique({ where: { id } });
    if (!current) throw NO_SUCH_ITEM();
    const from = current.state as ItemState;
    const to = nextState(from, 'admit', actor);

    const item = await this.uow.run(async (tx) => {
      const { count } = await tx.supervisionItem.updateMany({
        where: { id, version: current.version },
        data: { state: to, admittedAt: now, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED_MEANWHILE();
      await tx.supervisionItemHistory.create({
        data: { itemId: id, at: now, actorId: actor.id, actorName: actor.name, action: 'admit', fromState: from, toState: to },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'supervision-item',
        entityId: id,
        action: 'supervision-item.admit',
        details: { registerNumber: current.registerNumber },
        event: { contract: supervision.itemAdmitted, data: { itemId: id, registerNumber: current.registerNumber, admittedAt: now.toISOString(), admittedBy: actor.id } },
      });
      return tx.supervisionItem.findUniqueOrThrow({ where: { id }, include: ITEM_INCLUDE });
    });
    return toView(item);
  }
}
