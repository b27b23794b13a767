import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { GovError, meetings } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { CommandHandler, runCommand } from '@gov/service-kit';
import {
  AdvanceActivityPlan,
  DecideReceptionLead,
  DraftActivityPlan,
  GiveActivityForeignAffairsOpinion,
  HoldActivity,
  IssueActivityNotice,
  ReimburseReception,
  SetActivityVenue,
} from './activity-steps.use-case.js';
import { GetActivityPlan, ListActivityPlans } from './read-activities.use-case.js';

/** NATS handlers of receptions, large events and activity plans. */
@Controller()
export class ReceptionsHandlers {
  constructor(
    private readonly decideLead: DecideReceptionLead,
    private readonly draftPlan: DraftActivityPlan,
    private readonly advancePlan: AdvanceActivityPlan,
    private readonly foreignAffairsOpinion: GiveActivityForeignAffairsOpinion,
    private readonly issueNotice: IssueActivityNotice,
    private readonly setVenue: SetActivityVenue,
    private readonly holdActivity: HoldActivity,
    private readonly reimburse: ReimburseReception,
    private readonly getPlan: GetActivityPlan,
    private readonly listPlans: ListActivityPlans,
  ) {}

  @CommandHandler(meetings.receptionLead)
  lead(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.receptionLead, data, ctx, async (input, c) => {
      if (!hasAnyRole(c.actor, ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader'])) throw GovError.forbidden('you may not decide receptions');
      return this.decideLead.execute(input);
    });
  }

  @CommandHandler(meetings.draftActivityPlan)
  draft(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.draftActivityPlan, data, ctx, (input, c) => this.draftPlan.execute(input, c));
  }

  @CommandHandler(meetings.advanceActivityPlan)
  advance(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.advanceActivityPlan, data, ctx, (input, c) => this.advancePlan.execute(input, c));
  }

  @CommandHandler(meetings.giveActivityForeignAffairsOpinion)
  opinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.giveActivityForeignAffairsOpinion, data, ctx, (input, c) => this.foreignAffairsOpinion.execute(input, c));
  }

  @CommandHandler(meetings.issueActivityNotice)
  notice(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueActivityNotice, data, ctx, (input, c) => this.issueNotice.execute(input, c));
  }

  @CommandHandler(meetings.setActivityVenue)
  venue(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.setActivityVenue, data, ctx, (input, c) => this.setVenue.execute(input, c));
  }

  @CommandHandler(meetings.holdActivity)
  hold(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.holdActivity, data, ctx, (input, c) => this.holdActivity.execute(input, c));
  }

  @CommandHandler(meetings.reimburseReception)
  reimburseReception(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.reimburseReception, data, ctx, (input, c) => this.reimburse.execute(input, c));
  }

  @CommandHandler(meetings.getActivityPlan)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getActivityPlan, data, ctx, (input, c) => this.getPlan.execute(input, c));
  }

  @CommandHandler(meetings.listActivityPlans)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.listActivityPlans, data, ctx, (input, c) => this.listPlans.execute(input, c));
  }
}
