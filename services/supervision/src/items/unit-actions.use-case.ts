import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { supervision } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { loadItem, readView, unitsOf, writeTransition } from './item-workflow.js';
import { assertActsForUnit, assertReason, nextState, type ItemAction, type ItemState } from './supervision-item.rules.js';

type View = supervision.SupervisionItemView;

/**
 * The unit's side of an item (承办单位): confirming receipt, reporting progress, explaining a delay. Each is a
 * row of ITEM_TRANSITIONS for the unit liaison, and only for a unit the item was handed to
 * (assertActsForUnit: FORBIDDEN otherwise; explaining a delay is the lead unit's, seed 001 L830). History and
 * audit only: no other section needs these as events.
 */
abstract class UnitAction {
  constructor(
    private readonly db: InstanceType<typeof SupervisionDatabase>,
    private readonly uow: UnitOfWork<SupervisionTx>,
    private readonly clock: Clock,
  ) {}

  protected async act(id: string, action: ItemAction, context: RequestContext, text: { reason?: string; details?: Record<string, unknown> }): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, id);
    const to = nextState(current.state as ItemState, action, context.actor);
    assertActsForUnit(context.actor, unitsOf(current), action);
    assertReason(action, text.reason);
    return this.uow.run(async (tx) => {
      await writeTransition(tx, context, {
        current,
        action,
        to,
        at: now,
        reason: text.reason ?? null,
        details: { unit: context.actor.unit, ...text.details },
      });
      return readView(tx, id);
    });
  }
}

/** 签收: "要及时询问承办单位是否收到" (seed 003 L13@c17228): assigned → in-progress. */
@Injectable()
export class AcknowledgeSupervisionItem extends UnitAction {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(db, uow, clock);
  }

  execute(input: z.infer<typeof supervision.acknowledgeItem.input>, context: RequestContext) {
    return this.act(input.id, 'acknowledge', context, { details: input.note ? { note: input.note } : {} });
  }
}

/** 报告进展: "确有困难的要及时报告进展情况" (seed 000 L338); lead and co-units alike. */
@Injectable()
export class ReportItemProgress extends UnitAction {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(db, uow, clock);
  }

  execute(input: z.infer<typeof supervision.reportProgress.input>, context: RequestContext) {
    return this.act(input.id, 'report-progress', context, { details: { progress: input.progress } });
  }
}

/** 说明理由: the lead unit explains a delay ("需说明理由", seed 000 L346, L1318); the reason is required. */
@Injectable()
export class ExplainItemDelay extends UnitAction {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(db, uow, clock);
  }

  execute(input: z.infer<typeof supervision.explainDelay.input>, context: RequestContext) {
    return this.act(input.id, 'explain-delay', context, { reason: input.reason });
  }
}
