import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import type { NpcCppccItem, NpcCppccUnit, Prisma } from '../generated/prisma/client.js';
import {
  actionForResponse,
  assertMayExplain,
  assertMaySendBack,
  assertNpcAssignment,
  assignResponsibilityBy,
  nextNpcState,
  npcClocks,
  npcReplyDue,
  type NpcAction,
  type NpcState,
} from '../items/npc-cppcc.rules.js';
import type { UnitAssignment } from '../items/supervision-item.rules.js';
import { DEFAULT_SUPERVISION_SETTINGS } from '../items/supervision.settings.js';
import { NPC_INCLUDE, toNpcView } from './npc-cppcc.mapper.js';

const SETTINGS = DEFAULT_SUPERVISION_SETTINGS;

export const NO_SUCH_NPC_ITEM = () => GovError.notFound('no such suggestion or proposal');
const CHANGED_MEANWHILE = () => GovError.conflict('the suggestion or proposal was changed meanwhile; reload it and try again');

type Current = NpcCppccItem & { units: NpcCppccUnit[] };

/** What one transition writes: the row's new fields, the history details, the audit details and the event. */
interface Change {
  action: NpcAction | 'check';
  to: NpcState;
  data: Prisma.NpcCppccItemUpdateManyMutationInput;
  reason?: string;
  details: Record<string, unknown>;
  event?: { contract: unknown; data: unknown };
  /** replace the units (assignment) */
  units?: { unit: string; role: 'lead' | 'co'; responsiblePerson: string; round: number }[];
}

/**
 * The shared shape of every change to a suggestion or proposal: load it, let the use case decide (rules before
 * the transaction), then write the row with its version (a concurrent change is CONFLICT and writes nothing),
 * the units, the history row, the audit entry and the event together.
 */
@Injectable()
export class NpcChanges {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(CALENDAR) readonly calendars: CalendarStore,
  ) {}

  async apply(id: string, context: RequestContext, decide: (current: Current, now: Date, today: IsoDate) => Change): Promise<supervision.NpcItemView> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.npcCppccItem.findUnique({ where: { id }, include: { units: true } });
    if (!current) throw NO_SUCH_NPC_ITEM();
    const change = decide(current, now, toIsoDate(now));
    const item = await this.uow.run(async (tx) => {
      const { count } = await tx.npcCppccItem.updateMany({
        where: { id, version: current.version },
        data: { ...change.data, state: change.to, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED_MEANWHILE();
      if (change.units) {
        await tx.npcCppccUnit.deleteMany({ where: { itemId: id } });
        await tx.npcCppccUnit.createMany({ data: change.units.map((u) => ({ itemId: id, ...u })) });
      }
      await tx.npcCppccHistory.create({
        data: {
          itemId: id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: change.action,
          fromState: current.state,
          toState: change.to,
          reason: change.reason ?? null,
          details: change.details as Prisma.InputJsonValue,
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'npc-cppcc-item',
        entityId: id,
        action: `npc-cppcc.${change.action}`,
        details: { kind: current.kind, externalNumber: current.externalNumber, ...change.details },
        ...(change.event ? { event: change.event as never } : {}),
      });
      return tx.npcCppccItem.findUniqueOrThrow({ where: { id }, include: NPC_INCLUDE });
    });
    return toNpcView(item);
  }
}

const ref = (c: Current) => ({ itemId: c.id, kind: c.kind as supervision.NpcItemView['kind'], externalNumber: c.externalNumber });
const leadOf = (c: Current) => c.units.find((u) => u.role === 'lead')?.unit ?? null;

/**
 * A unit's action: the actor's unit is the lead unit (主办) of the item (in 分办, any of its units). Another
 * unit's liaison gets FORBIDDEN; co-units (会办) send their opinion to the lead unit (seed 001 L830).
 */
function assertLeadUnit(actor: Actor, c: Current): string {
  const mine = c.units.find((u) => u.unit === actor.unit);
  if (!mine) throw GovError.forbidden('this suggestion or proposal was not handed to your unit');
  if (mine.role !== 'lead') throw GovError.forbidden('the lead unit (主办) acts; co-units (会办) send their opinion to it');
  return mine.unit;
}

type AssignInput = z.infer<typeof supervision.assignNpcItem.input>;

/**
 * 交办: a supervisor assigns responsibility to a lead unit and co-units (or one unit alone); received and
 * sent-back items only. The clocks count from today: day-45 check, 10-day send-back, co-unit opinion, 3 and 6
 * months (npcClocks). After the 20-working-day limit the assignment still goes through, marked late.
 */
@Injectable()
export class AssignNpcItem {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: AssignInput, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, _now, today) => {
      const to = nextNpcState(c.state as NpcState, 'assign', context.actor);
      const units: UnitAssignment[] =
        input.mode === 'split'
          ? [input.leadUnit, ...input.coUnits].map((unit) => ({ unit, role: 'lead' as const, responsiblePerson: input.responsiblePerson }))
          : [
              { unit: input.leadUnit, role: 'lead', responsiblePerson: input.responsiblePerson },
              ...input.coUnits.map((unit) => ({ unit, role: 'co' as const, responsiblePerson: input.responsiblePerson })),
            ];
      assertNpcAssignment(input.mode, units, SETTINGS);
      const clocks = npcClocks(this.changes.calendars.calendar, today, SETTINGS);
      const round = c.round + 1;
      const assignedLate = today > c.assignBy;
      return {
        action: 'assign',
        to,
        units: units.map((u) => ({ unit: u.unit, role: u.role, responsiblePerson: u.responsiblePerson, round })),
        data: {
          mode: input.mode,
          round,
          assignedOn: today,
          assignedLate,
          midpointCheckOn: clocks.midpointCheck,
          midpointCheckedOn: null,
          sendBackBy: clocks.sendBackBy,
          replyBy: clocks.replyBy,
          replyLatestBy: clocks.replyLatestBy,
          replyDueOn: clocks.replyBy,
          explainedOn: null,
          reopenedOn: null,
        },
        details: { mode: input.mode, leadUnit: input.leadUnit, coUnits: input.coUnits, round, assignedOn: today, assignedLate, ...clocks },
        event: {
          contract: supervision.npcAssigned,
          data: {
            ...ref(c),
            mode: input.mode,
            leadUnit: input.leadUnit,
            coUnits: input.mode === 'split' ? [] : input.coUnits,
            round,
            assignedOn: today,
            assignedLate,
            midpointCheckOn: clocks.midpointCheck,
            sendBackBy: clocks.sendBackBy,
            replyBy: clocks.replyBy,
            replyLatestBy: clocks.replyLatestBy,
            assignedBy: context.actor.id,
          },
        },
      };
    });
  }
}

/**
 * 退回: the lead unit says the matter is not its own, within 10 days of the assignment (DEADLINE_RULE after),
 * with a written opinion bearing its seal (seed 001 L820). The item waits for a new assignment, due 20 working
 * days from the send-back (README decision: the seeds give no separate limit for re-assignment).
 */
@Injectable()
export class SendBackNpcItem {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: z.infer<typeof supervision.sendBackNpcItem.input>, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, _now, today) => {
      const to = nextNpcState(c.state as NpcState, 'send-back', context.actor);
      const unit = assertLeadUnit(context.actor, c);
      assertMaySendBack(this.changes.calendars.calendar, c.assignedOn!, today, { text: input.opinion, sealed: input.sealed }, SETTINGS);
      const assignBy = assignResponsibilityBy(this.changes.calendars.calendar, today, SETTINGS);
      return {
        action: 'send-back',
        to,
        reason: input.opinion,
        data: { assignBy },
        details: { unit, round: c.round, sentBackOn: today, sealed: input.sealed, assignBy },
        event: { contract: supervision.npcSentBack, data: { ...ref(c), unit, round: c.round, sentBackOn: today, sentBackBy: context.actor.id } },
      };
    });
  }
}

/**
 * 说明情况: the lead unit told the proposer, before the 3-month limit, that the matter is complex; the reply
 * is then due by the latest limit, 6 months (seed 000 L378). After the 3 months: DEADLINE_RULE.
 */
@Injectable()
export class ExplainNpcItem {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: z.infer<typeof supervision.explainNpcItem.input>, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, _now, today) => {
      const to = nextNpcState(c.state as NpcState, 'explain', context.actor);
      assertLeadUnit(context.actor, c);
      assertMayExplain(this.changes.calendars.calendar, c.assignedOn!, today, SETTINGS);
      const replyDueOn = npcReplyDue(this.changes.calendars.calendar, c.assignedOn!, SETTINGS, { explainedOn: today });
      return {
        action: 'explain',
        to,
        reason: input.explanation,
        data: { explainedOn: today, replyDueOn },
        details: { explainedOn: today, replyDueOn },
        event: { contract: supervision.npcExplained, data: { ...ref(c), explainedOn: today, replyDueOn } },
      };
    });
  }
}

/**
 * 答复: the lead unit replies with the grade A–D (seed 001 L834) and its reference. A reply after the due date
 * (3 months, 6 after an explanation, the redo period after reopening) is accepted and recorded as late: the
 * proposer is owed an answer either way, and the lateness counts against the unit.
 */
@Injectable()
export class ReplyNpcItem {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: z.infer<typeof supervision.replyNpcItem.input>, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, _now, today) => {
      const to = nextNpcState(c.state as NpcState, 'reply', context.actor);
      const unit = assertLeadUnit(context.actor, c);
      const replyDueOn = c.replyDueOn!;
      const late = today > replyDueOn;
      return {
        action: 'reply',
        to,
        data: { repliedOn: today, repliedLate: late, grade: input.grade, replyReference: input.replyReference },
        details: { unit, grade: input.grade, replyReference: input.replyReference, repliedOn: today, replyDueOn, late },
        event: { contract: supervision.npcReplied, data: { ...ref(c), unit, grade: input.grade, repliedOn: today, replyDueOn, late } },
      };
    });
  }
}

/**
 * 征求意见表: a supervisor records the proposer's response. "不满意" reopens the item at once (立即责成…重新办理,
 * seed 000 L378; seed 004 L230) with a new reply due after the redo period; satisfied or basically satisfied
 * closes it.
 */
@Injectable()
export class RecordNpcResponse {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: z.infer<typeof supervision.recordNpcResponse.input>, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, now, today): Change => {
      const action = actionForResponse(input.response);
      const to = nextNpcState(c.state as NpcState, action, context.actor);
      if (to === 'reopened') {
        const replyDueOn = npcReplyDue(this.changes.calendars.calendar, c.assignedOn!, SETTINGS, { reopenedOn: today });
        return {
          action,
          to,
          reason: input.note,
          data: { response: input.response, reopenedOn: today, replyDueOn, repliedOn: null, repliedLate: null },
          details: { response: input.response, reopenedOn: today, replyDueOn, previousGrade: c.grade },
          event: { contract: supervision.npcReopened, data: { ...ref(c), reopenedOn: today, replyDueOn, leadUnit: leadOf(c) } },
        };
      }
      return {
        action,
        to,
        reason: input.note,
        data: { response: input.response, closedAt: now },
        details: { response: input.response, grade: c.grade },
        event: {
          contract: supervision.npcClosed,
          data: { ...ref(c), response: input.response, grade: c.grade as supervision.NpcItemView['grade'], closedAt: now.toISOString() },
        },
      };
    });
  }
}

const OPEN_AT_UNIT: readonly string[] = ['assigned', 'explained', 'reopened'];

/**
 * 过半检查: 督查室 checks with the units when half the time has passed (45日后, seed 000 L378). Once per round,
 * while the item is with the unit; not before the check day (the check is of progress at mid-point).
 */
@Injectable()
export class CheckNpcItem {
  constructor(private readonly changes: NpcChanges) {}

  execute(input: z.infer<typeof supervision.checkNpcItem.input>, context: RequestContext) {
    return this.changes.apply(input.id, context, (c, _now, today) => {
      if (!hasAnyRole(context.actor, ['supervisor'])) throw GovError.forbidden('check needs one of the roles supervisor', { requiredRoles: ['supervisor'] });
      if (!OPEN_AT_UNIT.includes(c.state)) throw GovError.conflict(`cannot check a suggestion or proposal that is ${c.state}`, { from: c.state });
      if (c.midpointCheckedOn) throw GovError.conflict(`the mid-point check of round ${c.round} was recorded on ${c.midpointCheckedOn}`);
      if (today < c.midpointCheckOn!) {
        throw new GovError('DEADLINE_RULE', `the mid-point check falls on ${c.midpointCheckOn}`, { on: today, earliest: c.midpointCheckOn });
      }
      return {
        action: 'check',
        to: c.state as NpcState,
        reason: input.note,
        data: { midpointCheckedOn: today },
        details: { checkedOn: today, midpointCheckOn: c.midpointCheckOn },
        event: {
          contract: supervision.npcChecked,
          data: { ...ref(c), checkedOn: today, midpointCheckOn: c.midpointCheckOn!, checkedBy: context.actor.id },
        },
      };
    });
  }
}
