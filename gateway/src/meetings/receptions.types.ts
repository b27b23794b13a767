import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import { HistoryEntry } from '../graphql/history.types.js';

const STATES = `state: ${meetings.ACTIVITY_STATES.join(' | ')}`;

@ObjectType('ReceptionLead', { description: 'Who leads a reception and who supports (seed 004 decision table).' })
export class ReceptionLeadType {
  @Field({ description: 'district-government-office | matching-department' }) lead!: string;
  @Field(() => String, { nullable: true }) support!: string | null;
  @Field() officeInvolved!: boolean;
  @Field(() => Int) row!: number;
}

@ObjectType('ActivityPlan', { description: '接待、大型活动、重大公务活动: a plan with its approvals and timeline.' })
export class ActivityPlanType {
  @Field(() => ID) id!: string;
  @Field({ description: 'reception | large-event | activity' }) kind!: string;
  @Field() title!: string;
  @Field() startsAt!: string;
  @Field() place!: string;
  @Field() foreignRelated!: boolean;
  @Field(() => ReceptionLeadType, { nullable: true }) lead!: ReceptionLeadType | null;
  @Field({ description: 'the plan’s fields as JSON text' }) plan!: string;
  @Field({ description: STATES }) state!: string;
  @Field(() => [String]) approvals!: string[];
  @Field(() => String, { nullable: true }) leaderInChargeId!: string | null;
  @Field(() => String, { nullable: true }) principalLeaderId!: string | null;
  @Field(() => String, { nullable: true }) foreignAffairsOpinion!: string | null;
  @Field({ description: 'the venue is set by this date (the day before)' }) venueSetBy!: string;
  @Field({ description: 'staff at their posts by (1 hour before)' }) staffOnPostAt!: string;
  @Field(() => String, { nullable: true }) noticeSentAt!: string | null;
  @Field(() => String, { nullable: true }) noticeLatestDate!: string | null;
  @Field(() => String, { nullable: true }) venueSetAt!: string | null;
  @Field(() => String, { nullable: true }) heldAt!: string | null;
  @Field(() => String, { nullable: true }) reimbursedAt!: string | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class ActivityPlanPage {
  @Field(() => [ActivityPlanType]) items!: ActivityPlanType[];
  @Field(() => Int) total!: number;
}

@InputType({ description: 'The visit: origin, rank and escort.' })
export class VisitInput {
  @Field({ description: 'municipal-government | municipal-general-office | other-municipal-organ | national-ministry | other-province-or-municipality' }) origin!: string;
  @Field({ description: 'vice-ministerial-or-above | bureau-level-or-below' }) rank!: string;
  @Field(() => String, { nullable: true, description: 'municipal-government-leader | municipal-general-office-leader | none' }) accompaniedBy?: string | null;
}

@InputType()
export class DraftActivityPlanInput {
  @Field({ description: 'reception | large-event | activity' }) kind!: string;
  @Field() title!: string;
  @Field() startsAt!: string;
  @Field() place!: string;
  @Field(() => Boolean, { nullable: true }) foreignRelated?: boolean | null;
  @Field(() => VisitInput, { nullable: true }) visit?: VisitInput | null;
  @Field({ description: 'the plan’s fields as a JSON object' }) plan!: string;
  @Field(() => [String], { nullable: true }) officeAssistance?: string[] | null;
  @Field(() => String, { nullable: true }) leaderInChargeId?: string | null;
  @Field(() => String, { nullable: true }) principalLeaderId?: string | null;
}

@InputType()
export class HoldActivityInput {
  @Field(() => ID) id!: string;
  @Field(() => Float, { nullable: true }) estimatedCost?: number | null;
  @Field(() => Boolean, { nullable: true }) approvedByLogisticsCadre?: boolean | null;
  @Field(() => Boolean, { nullable: true }) directorInformed?: boolean | null;
}
