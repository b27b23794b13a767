import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Clock } from '@gov/calendar';
import { GovError, meetings, type EventContract } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { ActivityPlan, Prisma } from '../generated/prisma/client.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import {
  assertActivityNoticeInTime,
  assertOfficeAssistance,
  assertPlanApproved,
  assertReceptionMayBeHeld,
  assertReceptionPlanComplete,
  assertReimbursementComplete,
  assertVenueSetInTime,
  largeEventTimeline,
  nextActivityState,
  planApprovers,
  receptionLead,
  type ActivityAction,
  type ActivityState,
  type ReceptionPlanKind,
} from './reception.rules.js';
import { PLAN_INCLUDE, toView } from './receptions.mapper.js';

export const NO_SUCH_PLAN = () => GovError.notFound('no such activity plan');
const CHANGED_MEANWHILE = () => GovError.conflict('the activity plan was changed meanwhile; reload it and try again');

type View = meetings.ActivityPlanView;

/** Who leads a reception (seed 004 L162–168): a pure answer, for the clerk deciding whether the office takes it on. */
@Injectable()
export class DecideReceptionLead {
  constructor(@Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings) {}

  execute(input: z.infer<typeof meetings.receptionLead.input>): z.infer<typeof meetings.receptionLead.output> {
    return receptionLead(input, this.settings.receptions);
  }
}

/**
 * The plan (seed 004 L172–174, L183; seed 000 L84): the fields by kind, a reception only when the office leads
 * or supports it by the decision table (a reception the matching department handles alone is CONFLICT), the
 * office's assistance limited to venue, catering, news units and recording (L178–180), and the timeline: the
 * venue set by the calendar day before, staff at their posts 1 hour before (L185).
 */
@Injectable()
export class DraftActivityPlan {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: z.infer<typeof meetings.draftActivityPlan.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const state = nextActivityState(null, 'draft', actor, { foreignRelated: input.foreignRelated });
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() <= now.getTime()) throw GovError.badInput('the activity must lie ahead', { startsAt: input.startsAt });
    let lead = null;
    if (input.kind === 'reception') {
      if (!input.visit) throw GovError.badInput('a reception names the visit (origin, rank, escort)');
      lead = receptionLead(input.visit, this.settings.receptions);
      if (!lead.officeInvolved) {
        throw GovError.conflict('the matching district department receives this visit; the office is not involved (seed 004 L164–168)', { lead });
      }
      if (lead.lead === 'matching-department') assertOfficeAssistance(input.officeAssistance);
      if (!input.leaderInChargeId || !input.principalLeaderId) {
        throw GovError.badInput('a reception plan names the leader in charge and the principal leader who approve it (seed 004 L172)');
      }
    }
    const plan = { ...input.plan, ...(input.officeAssistance.length ? { officeAssistance: input.officeAssistance } : {}) };
    assertReceptionPlanComplete(input.kind as ReceptionPlanKind, plan);
    const { venueSetBy, staffOnPostAt } = largeEventTimeline(startsAt, this.calendars.calendar, this.settings.receptions, undefined, this.settings.time);
    const id = randomUUID();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.activityPlan.create({
        data: {
          id,
          kind: input.kind,
          title: input.title,
          startsAt,
          place: input.place,
          foreignRelated: input.foreignRelated,
          visit: (input.visit ?? undefined) as never,
          lead: (lead ?? undefined) as never,
          plan: plan as never,
          state,
          approvals: [],
          leaderInChargeId: input.leaderInChargeId ?? null,
          principalLeaderId: input.principalLeaderId ?? null,
          venueSetBy,
          staffOnPostAt,
          draftedById: actor.id,
          draftedAt: now,
          history: {
            create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'draft', fromState: null, toState: state, details: { kind: input.kind, lead, venueSetBy } as never }],
          },
        },
        include: PLAN_INCLUDE,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'activity-plan',
        entityId: id,
        action: 'activity-plan.draft',
        details: { kind: input.kind, title: input.title, lead, venueSetBy, staffOnPostAt: staffOnPostAt.toISOString() },
      });
      return created;
    });
    return toView(row);
  }
}

interface Step {
  action: ActivityAction;
  reason?: string | undefined;
  guard?: (row: ActivityPlan, now: Date) => void;
  /** the state actually reached (a reception's first of two approvals stays with the leaders) */
  reached?: (row: ActivityPlan, to: ActivityState) => ActivityState;
  data?: (row: ActivityPlan, to: ActivityState, now: Date) => Prisma.ActivityPlanUpdateManyMutationInput;
  details?: (row: ActivityPlan, now: Date) => Record<string, unknown>;
  event?: (row: ActivityPlan, now: Date) => { contract: EventContract<z.ZodType>; data: unknown } | undefined;
}

@Injectable()
export class ActivityTransitions {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(id: string, step: Step, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.activityPlan.findUnique({ where: { id } });
    if (!current) throw NO_SUCH_PLAN();
    const from = current.state as ActivityState;
    const table = nextActivityState(from, step.action, actor, { foreignRelated: current.foreignRelated });
    step.guard?.(current, now);
    const to = step.reached ? step.reached(current, table) : table;
    const row = await this.uow.run(async (tx) => {
      const { count } = await tx.activityPlan.updateMany({
        where: { id, version: current.version },
        data: { ...(step.data?.(current, to, now) ?? {}), state: to, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED_MEANWHILE();
      const details = { kind: current.kind, ...(step.details?.(current, now) ?? {}) };
      await tx.activityPlanHistory.create({
        data: { planId: id, at: now, actorId: actor.id, actorName: actor.name, action: step.action, fromState: from, toState: to, reason: step.reason ?? null, details: details as never },
      });
      const event = step.event?.(current, now);
      await recordChange(tx, context, {
        at: now,
        entityType: 'activity-plan',
        entityId: id,
        action: `activity-plan.${step.action}`,
        details: { ...details, from, to, ...(step.reason ? { reason: step.reason } : {}) },
        ...(event ? { event: event as never } : {}),
      });
      return tx.activityPlan.findUniqueOrThrow({ where: { id }, include: PLAN_INCLUDE });
    });
    return toView(row);
  }
}

/**
 * Review, foreign affairs, submission, approval and send-back (seed 000 L86, L124; seed 004 L172, L183):
 * the deputy director's review counts as the activity plan's first approval; a reception is approved by the
 * leader in charge AND the principal leader (either order; FORBIDDEN for another leader) and stays with the
 * leaders until both have; a large event or activity by a district leader. A foreign-related plan goes to 外事科
 * first (event `gov.meetings.foreign-affairs-opinion.requested`). Send-back clears the approvals.
 */
@Injectable()
export class AdvanceActivityPlan {
  constructor(private readonly steps: ActivityTransitions) {}
  execute(input: z.infer<typeof meetings.advanceActivityPlan.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (input.action === 'send-back' && !input.reason) throw GovError.badInput('send-back needs a reason');
    const approvalOf = (row: ActivityPlan): string => {
      if (input.action === 'review') return 'deputy-director';
      if (row.kind !== 'reception') return 'district-leader';
      if (actor.id === row.leaderInChargeId && !row.approvals.includes('leader-in-charge')) return 'leader-in-charge';
      if (actor.id === row.principalLeaderId && !row.approvals.includes('principal-leader')) return 'principal-leader';
      if (actor.id === row.leaderInChargeId || actor.id === row.principalLeaderId) throw GovError.conflict('you have already approved this plan');
      throw GovError.forbidden('a reception plan is approved by the leader in charge and the principal leader (seed 004 L172)');
    };
    const withApproval = (row: ActivityPlan) => [...row.approvals, approvalOf(row)];
    const records = input.action === 'review' || input.action === 'approve';
    return this.steps.run(
      input.id,
      {
        action: input.action,
        reason: input.reason,
        guard: (row) => {
          if (records) approvalOf(row);
        },
        reached: (row, to) => {
          if (input.action !== 'approve') return to;
          const missing = planApprovers(row.kind as ReceptionPlanKind).filter((a) => !withApproval(row).includes(a));
          return missing.length ? (row.state as ActivityState) : to;
        },
        data: (row) => (records ? { approvals: withApproval(row) } : input.action === 'send-back' ? { approvals: [] } : {}),
        details: (row) => (records ? { approval: approvalOf(row) } : {}),
        event: (row, now) =>
          input.action === 'send-to-foreign-affairs'
            ? {
                contract: meetings.foreignAffairsOpinionRequested as never,
                data: { caseId: row.id, kind: 'activity-plan', reference: row.title, startsAt: row.startsAt.toISOString(), requestedAt: now.toISOString(), requestedBy: actor.id },
              }
            : undefined,
      },
      context,
    );
  }
}

@Injectable()
export class GiveActivityForeignAffairsOpinion {
  constructor(private readonly steps: ActivityTransitions) {}
  execute(input: z.infer<typeof meetings.giveActivityForeignAffairsOpinion.input>, context: RequestContext): Promise<View> {
    return this.steps.run(input.id, { action: 'give-opinion', data: () => ({ foreignAffairsOpinion: input.opinion }) }, context);
  }
}

/**
 * The notice (seed 000 L86 "活动通知一般于活动开始前一个工作日发给参会人员"): only for an approved plan with every
 * approval; later than the latest date is DEADLINE_RULE unless the activity is ad hoc.
 */
@Injectable()
export class IssueActivityNotice {
  constructor(
    private readonly steps: ActivityTransitions,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  execute(input: z.infer<typeof meetings.issueActivityNotice.input>, context: RequestContext): Promise<View> {
    let latestDate: string | null = null;
    let phone = false;
    return this.steps.run(
      input.id,
      {
        action: 'issue-notice',
        guard: (row, now) => {
          assertPlanApproved(row.kind as ReceptionPlanKind, row.approvals);
          const timing = assertActivityNoticeInTime(row.startsAt, now, this.calendars.calendar, { adHoc: input.adHoc }, this.settings.notice, this.settings.time);
          latestDate = timing.check?.latestDate ?? null;
          phone = timing.phoneAttendingLeaders;
        },
        data: (_row, _to, now) => ({ noticeSentAt: now, noticeLatestDate: latestDate }),
        details: () => ({ latestDate, adHoc: input.adHoc, phoneAttendingLeaders: phone }),
      },
      context,
    );
  }
}

/** The venue, set by the day before (seed 004 L185 "提前一天"); after the eve DEADLINE_RULE. */
@Injectable()
export class SetActivityVenue {
  constructor(
    private readonly steps: ActivityTransitions,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  execute(input: z.infer<typeof meetings.setActivityVenue.input>, context: RequestContext): Promise<View> {
    return this.steps.run(
      input.id,
      {
        action: 'set-venue',
        guard: (row, now) => assertVenueSetInTime(row.startsAt, now, this.calendars.calendar, this.settings.receptions, this.settings.time),
        data: (_row, _to, now) => ({ venueSetAt: now }),
      },
      context,
    );
  }
}

/**
 * Held. A reception needs its spending approved by the logistics cadre, and an estimate over ¥500 reported to
 * the office director (seed 002 L62; SCENARIOS.md seed002 #1: exactly ¥500 needs no report).
 */
@Injectable()
export class HoldActivity {
  constructor(
    private readonly steps: ActivityTransitions,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  execute(input: z.infer<typeof meetings.holdActivity.input>, context: RequestContext): Promise<View> {
    return this.steps.run(
      input.id,
      {
        action: 'hold',
        guard: (row) => {
          if (row.kind !== 'reception') return;
          if (input.estimatedCost === undefined) throw GovError.badInput('a reception states its estimated cost (公务接待审批单)');
          assertReceptionMayBeHeld(
            { approvedByLogisticsCadre: input.approvedByLogisticsCadre, estimatedCost: input.estimatedCost, directorInformed: input.directorInformed },
            this.settings.receptions,
          );
        },
        data: (_row, _to, now) => ({ heldAt: now, ...(input.estimatedCost !== undefined ? { estimatedCost: input.estimatedCost } : {}) }),
        details: () => ({ estimatedCost: input.estimatedCost ?? null, directorInformed: input.directorInformed }),
      },
      context,
    );
  }
}

/**
 * 报销 of a held reception (四单制, seed 002 L63 "发票、审批单、公函、菜单"): all four documents or BAD_USER_INPUT
 * "手续不全" naming the missing ones (SCENARIOS.md seed002 #2). Once only; not a state of the plan's table, so
 * its history row keeps the state (held → held).
 */
@Injectable()
export class ReimburseReception {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof meetings.reimburseReception.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    if (!actor.roles.includes('clerk')) throw GovError.forbidden('the clerk submits the reimbursement');
    const current = await this.db.activityPlan.findUnique({ where: { id: input.id } });
    if (!current) throw NO_SUCH_PLAN();
    if (current.kind !== 'reception') throw GovError.conflict('only a reception is reimbursed here');
    if (current.state !== 'held') throw GovError.conflict('a reception is reimbursed after it is held', { state: current.state });
    if (current.reimbursedAt) throw GovError.conflict('the reception is already reimbursed');
    assertReimbursementComplete(input.attached);
    const row = await this.uow.run(async (tx) => {
      const { count } = await tx.activityPlan.updateMany({ where: { id: current.id, version: current.version }, data: { reimbursedAt: now, version: { increment: 1 } } });
      if (count !== 1) throw CHANGED_MEANWHILE();
      const details = { kind: current.kind, attached: input.attached, estimatedCost: current.estimatedCost?.toString() ?? null };
      await tx.activityPlanHistory.create({
        data: { planId: current.id, at: now, actorId: actor.id, actorName: actor.name, action: 'reimburse', fromState: 'held', toState: 'held', details: details as never },
      });
      await recordChange(tx, context, { at: now, entityType: 'activity-plan', entityId: current.id, action: 'activity-plan.reimburse', details });
      return tx.activityPlan.findUniqueOrThrow({ where: { id: current.id }, include: PLAN_INCLUDE });
    });
    return toView(row);
  }
}
