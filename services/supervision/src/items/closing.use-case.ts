import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { supervision } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { DeadlineClock, toIsoDate, type Clock } from '@gov/calendar';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { deadlineClassOf, leadOf, loadItem, readView, writeTransition } from './item-workflow.js';
import { assertReason, nextState, roundAfter, type ItemState } from './supervision-item.rules.js';
import { archiveTransferDate, clockFor, itemDueDate, secondRoundClock, type ExplicitDeadline } from './deadlines.rules.js';
import type { SupervisionSettings } from './supervision.settings.js';
import { SUPERVISION_SETTINGS } from './settings.module.js';

type View = supervision.SupervisionItemView;

/** 《督查反馈》: the office director approves the feedback to the leader ("经常委、办主任审核", seed 000 L354). */
@Injectable()
export class FeedBackSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.feedBackItem.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'feed-back', context.actor);
    return this.uow.run(async (tx) => {
      await writeTransition(tx, context, { current, action: 'feed-back', to, at: now, details: input.note ? { note: input.note } : {} });
      return readView(tx, current.id);
    });
  }
}

/**
 * 二次督查: a district leader's new instruction on the feedback starts the next round ("再督查，直至办结为止",
 * seed 003 L13@c17470; seed 000 L356): back to `assigned` with the same units, round + 1, the clock restarted
 * on the instruction day with the class period or the leader's own date (secondRoundClock), colour and stop
 * cleared. `gov.supervision.item.assigned` with the new round and due date.
 */
@Injectable()
export class InstructSecondRound {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async execute(input: z.infer<typeof supervision.instructAgain.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'instruct-again', context.actor);
    assertReason('instruct-again', input.reason);
    const instructedOn = toIsoDate(now);
    const round = roundAfter('instruct-again', current.round);
    const cls = deadlineClassOf(current);
    const explicit: ExplicitDeadline | undefined = input.dueOn ? { due: input.dueOn, setBy: 'district-leader' } : undefined;
    const previous = current.clock ? DeadlineClock.fromJSON(current.clock) : clockFor(current.assignedOn ?? instructedOn, current.dueOn ?? instructedOn);
    const clock = secondRoundClock(this.calendars.calendar, previous, instructedOn, cls, this.settings, explicit);
    const dueOn = itemDueDate(this.calendars.calendar, instructedOn, cls, this.settings, explicit);
    const dueSetBy = explicit ? explicit.setBy : 'class';
    const lead = leadOf(current);
    return this.uow.run(async (tx) => {
      await tx.supervisionItemAssignee.updateMany({ where: { itemId: current.id }, data: { round } });
      await writeTransition(tx, context, {
        current,
        action: 'instruct-again',
        to,
        at: now,
        reason: input.reason,
        data: {
          round,
          assignedAt: now,
          assignedOn: instructedOn,
          dueOn,
          dueSetBy,
          clock: clock.toJSON() as never,
          colour: null,
          stoppedOn: null,
        },
        details: { round, assignedOn: instructedOn, dueOn, dueSetBy },
        event: {
          contract: supervision.itemAssigned,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            leadUnit: lead?.unit ?? '',
            coUnits: current.assignees.filter((a) => a.role === 'co').map((a) => a.unit).sort(),
            class: cls.cls,
            assignedOn: instructedOn,
            dueOn,
            round,
            assignedBy: context.actor.id,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}

/**
 * 办结/销号: a supervisor closes the item after the feedback (seed 000 L328 圈阅后办结). Escalation stops for
 * good. `gov.supervision.item.closed` says whether the accepted report of the last round came by its due
 * date (unit scoring and statistics read it; closedAt is the column they query).
 */
@Injectable()
export class CloseSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.closeItem.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'close', context.actor);
    const accepted = await this.db.supervisionReport.findFirst({
      where: { itemId: current.id, round: current.round, outcome: 'accepted' },
      orderBy: { submittedAt: 'desc' },
    });
    const onTime = accepted && current.dueOn ? toIsoDate(accepted.submittedAt) <= current.dueOn : null;
    return this.uow.run(async (tx) => {
      await writeTransition(tx, context, {
        current,
        action: 'close',
        to,
        at: now,
        data: { closedAt: now, stoppedOn: current.stoppedOn ?? toIsoDate(now) },
        details: { onTime, ...(input.note ? { note: input.note } : {}) },
        event: {
          contract: supervision.itemClosed,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            sourceKind: current.sourceKind,
            class: current.itemClass as View['class'],
            leadUnit: leadOf(current)?.unit ?? null,
            rounds: current.round,
            dueOn: current.dueOn,
            onTime,
            closedAt: now.toISOString(),
            closedBy: context.actor.id,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}

/**
 * 立卷归档: a supervisor files a closed item (seed 000 L358; seed 004 L211), which goes to the archives one year
 * later (归档期限为一年, seed 000 L328; seed000-a #17: filed 2024-03-01, transferred 2025-03-01). History and audit.
 */
@Injectable()
export class ArchiveSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async execute(input: z.infer<typeof supervision.archiveItem.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'archive', context.actor);
    return this.uow.run(async (tx) => {
      const archiveTransferOn = archiveTransferDate(this.calendars.calendar, toIsoDate(now), this.settings);
      await writeTransition(tx, context, { current, action: 'archive', to, at: now, data: { archivedAt: now, archiveTransferOn }, details: { archiveTransferOn } });
      return readView(tx, current.id);
    });
  }
}
