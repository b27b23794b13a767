import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { allocateYearNumber } from '@gov/persistence';
import { supervision } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { ITEM_INCLUDE, toView } from './items.mapper.js';
import { ITEM_NUMBER_PREFIX } from './item-number.js';
import { handoverDue } from './deadlines.rules.js';
import type { SupervisionSettings } from './supervision.settings.js';
import { SUPERVISION_SETTINGS } from './settings.module.js';
import { assertOneMatter, deadlineTable, nextState, originKey, parseItemSource, SOURCE_KIND_ZH } from './supervision-item.rules.js';

type Input = z.infer<typeof supervision.openItem.input>;
type Output = z.infer<typeof supervision.openItem.output>;

/**
 * 立项 by hand (督查室录入): a supervisor registers one matter as a proposed item with its 督办编号, in one
 * transaction with its history, audit entry and `gov.supervision.item.created` event. The office director
 * admits it next (AdmitSupervisionItem).
 */
@Injectable()
export class OpenSupervisionItem {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<Output> {
    const { actor } = context;
    const now = this.clock.now();
    assertOneMatter([input.content]);
    const state = nextState(null, 'propose', actor);
    const id = randomUUID();
    // 交办 the same or the next day, an especially urgent matter at once (seed 000 L336).
    const handOverBy = handoverDue(this.calendars.calendar, toIsoDate(now), input.class === 'especially-urgent' ? 'urgent' : 'ordinary', this.settings);
    const source = parseItemSource({ kind: 'manual', entryId: id, origin: input.sourceReference ?? SOURCE_KIND_ZH.manual });

    const item = await this.uow.run(async (tx) => {
      const number = await allocateYearNumber(tx, {
        prefix: ITEM_NUMBER_PREFIX,
        at: now,
        entityType: 'supervision-item',
        entityId: id,
        issuedBy: actor.id,
      });
      const created = await tx.supervisionItem.create({
        data: {
          id,
          registerNumber: number.formatted,
          registerYear: number.year,
          registerSeq: number.value,
          title: input.title,
          content: input.content,
          sourceKind: source.kind,
          source,
          originKey: originKey(source),
          deadlineTable: deadlineTable(source),
          itemClass: input.class,
          handOverBy,
          state,
          openedAt: now,
          openedById: actor.id,
          openedByName: actor.name,
          history: {
            create: [
              {
                at: now,
                actorId: actor.id,
                actorName: actor.name,
                action: 'propose',
                fromState: null,
                toState: state,
                details: { registerNumber: number.formatted, class: input.class, source },
              },
            ],
          },
        },
        include: ITEM_INCLUDE,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'supervision-item',
        entityId: id,
        action: 'supervision-item.open',
        details: { registerNumber: number.formatted, class: input.class },
        event: { contract: supervision.itemCreated, data: {
            itemId: id,
            registerNumber: number.formatted,
            sourceKind: source.kind,
            class: input.class,
            state,
            openedAt: now.toISOString(),
            openedBy: actor.id,
          } },
      });
      return created;
    });
    return toView(item);
  }
}
