import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { supervision } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { leadOf, loadItem, readView, writeTransition } from './item-workflow.js';
import { nextState, type ItemState } from './supervision-item.rules.js';
import { assertReminderRecord } from './reminder.rules.js';

type Input = z.infer<typeof supervision.remindItem.input>;

/**
 * 催办: a supervisor reminds the units of a running item. "每次催办都要严格履行登记手续，详细记录催办的时间、内容和
 * 承办单位联系人" (seed 000 L346): the reminder log gets the time, method, content and contact person; on-site
 * and joint supervision need the principal head's approval (seed 000 L1320, FORBIDDEN without it).
 * `gov.supervision.item.reminded` with noticeKey null.
 */
@Injectable()
export class RemindSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<supervision.SupervisionItemView> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'remind', actor);
    const record = { method: input.method, content: input.content, contactPerson: input.contactPerson, approvedBy: input.approvedBy ?? null };
    assertReminderRecord(record);
    const sentOn = toIsoDate(now);
    const reminderId = randomUUID();
    return this.uow.run(async (tx) => {
      await tx.supervisionReminder.create({
        data: {
          id: reminderId,
          itemId: current.id,
          round: current.round,
          at: now,
          sentOn,
          ...record,
          byId: actor.id,
          byName: actor.name,
          noticeKey: null,
        },
      });
      await writeTransition(tx, context, {
        current,
        action: 'remind',
        to,
        at: now,
        details: { reminderId, method: input.method, contactPerson: input.contactPerson, content: input.content, ...(record.approvedBy ? { approvedBy: record.approvedBy } : {}) },
        event: {
          contract: supervision.itemReminded,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            round: current.round,
            leadUnit: leadOf(current)?.unit ?? null,
            method: input.method,
            noticeKey: null,
            sentOn,
            remindedAt: now.toISOString(),
            remindedBy: actor.id,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}
