import { Module } from '@nestjs/common';
import { ReceptionsHandlers } from './receptions.handlers.js';
import {
  ActivityTransitions,
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

/** 接待、大型活动、重大公务活动: who leads, plans and approvals, foreign affairs, notice, venue, held. */
@Module({
  controllers: [ReceptionsHandlers],
  providers: [
    DecideReceptionLead,
    ActivityTransitions,
    DraftActivityPlan,
    AdvanceActivityPlan,
    GiveActivityForeignAffairsOpinion,
    IssueActivityNotice,
    SetActivityVenue,
    HoldActivity,
    ReimburseReception,
    GetActivityPlan,
    ListActivityPlans,
  ],
})
export class ReceptionsModule {}
