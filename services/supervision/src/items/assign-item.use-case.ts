import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { supervision } from '@gov/contracts';
import { type CalendarStore } from '@gov/messaging';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { ITEM_INCLUDE, toView } from './items.mapper.js';
import { CHANGED_MEANWHILE, NO_SUCH_ITEM } from './admit-item.use-case.js';
import { assertAssignment, nextState, type ItemState, type UnitAssignment } from './supervision-item.rules.js';
import { clockFor, itemDueDate, type DeadlineClass, type ExplicitDeadline } from './deadlines.rules.js';
import { deadlineClassOf } from './item-workflow.js';
import type { SupervisionSettings } from './supervision.settings.js';
import { SUPERVISION_SETTINGS } from './settings.module.js';

type Input = z.infer<typeof supervision.assignItem.input>;

/**
 * 交办: a supervisor hands an admitted item to exactly one lead unit (主办) and any co-units (协办), each once,
 * with the item's 责任人; the due date is the class's from the hand-over day (itemDueDate), or the
 * supervisor's explicit date where the rules allow it (shorter than the class's; required for 特别紧急).
 * State, units, history, audit entry and `gov.supervision.item.assigned` are written together.
 */
@Injectable()
export class AssignSupervisionItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<supervision.SupervisionItemView> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.supervisionItem.findUnique({ where: { id: input.id } });
    if (!current) throw NO_SUCH_ITEM();
    const from = current.state as ItemState;
    const to = nextState(from, 'assign', actor);
    // The item's 责任人 answers for it; co-units name their own contact later (README, "What is wired now").
    const units: UnitAssignment[] = [
      { unit: input.leadUnit, role: 'lead', responsiblePerson: input.responsiblePerson },
      ...input.coUnits.map((unit) => ({ unit, role: 'co' as const, responsiblePerson: input.responsiblePerson })),
    ];
    assertAssignment(units);
    const assignedOn = toIsoDate(now);
    // A sudden petition case takes the days the petitions section set, or the supervisor's now (1–5).
    const suddenDays = current.suddenDays ?? input.suddenDays ?? null;
    const cls: DeadlineClass = deadlineClassOf({ ...current, suddenDays });
    // The supervisor's own date (shorter only), else the date the source already names (a leader's instruction
    // or the minutes: "已明确…办结时限", seed 004 L205), else the class's.
    const named = (current.source as { deadline?: string | null } | null)?.deadline ?? null;
    const explicit: ExplicitDeadline | undefined = input.dueOn
      ? { due: input.dueOn, setBy: 'supervisor' }
      : named
        ? { due: named, setBy: 'source' }
        : undefined;
    const dueOn = itemDueDate(this.calendars.calendar, assignedOn, cls, this.settings, explicit);
    const dueSetBy = explicit ? explicit.setBy : 'class';
    const clock = clockFor(assignedOn, dueOn).toJSON();
    // Handed over after its 交办时限 (seed 000 L336, L1310): recorded, not refused; the item still has to go out.
    const handedOverLate = current.handOverBy !== null && assignedOn > current.handOverBy;

    const item = await this.uow.run(async (tx) => {
      const { count } = await tx.supervisionItem.updateMany({
        where: { id: input.id, version: current.version },
        data: { state: to, assignedAt: now, assignedOn, dueOn, dueSetBy, suddenDays, clock: clock as never, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED_MEANWHILE();
      await tx.supervisionItemAssignee.createMany({
        data: units.map((u) => ({ itemId: input.id, unit: u.unit, role: u.role, responsiblePerson: u.responsiblePerson, round: current.round })),
      });
      await tx.supervisionItemHistory.create({
        data: {
          itemId: input.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: 'assign',
          fromState: from,
          toState: to,
          details: { leadUnit: input.leadUnit, coUnits: input.coUnits, responsiblePerson: input.responsiblePerson, assignedOn, dueOn, dueSetBy, handOverBy: current.handOverBy, handedOverLate },
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'supervision-item',
        entityId: input.id,
        action: 'supervision-item.assign',
        details: { registerNumber: current.registerNumber, leadUnit: input.leadUnit, coUnits: input.coUnits, dueOn },
        event: { contract: supervision.itemAssigned, data: {
            itemId: input.id,
            registerNumber: current.registerNumber,
            leadUnit: input.leadUnit,
            coUnits: input.coUnits,
            class: cls.cls,
            assignedOn,
            dueOn,
            round: current.round,
            assignedBy: actor.id,
          } },
      });
      return tx.supervisionItem.findUniqueOrThrow({ where: { id: input.id }, include: ITEM_INCLUDE });
    });
    return toView(item);
  }
}
