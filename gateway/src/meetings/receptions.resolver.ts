import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GovError, meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { ActivityPlanPage, ActivityPlanType, DraftActivityPlanInput, HoldActivityInput, ReceptionLeadType, VisitInput } from './receptions.types.js';

const READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer', 'auditor'] as const;

function parsePlan(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw GovError.badInput('the plan is a JSON object of its fields');
}

/** Receptions, large events and activities: one mutation per step, gated by the roles of its row. */
@Resolver(() => ActivityPlanType)
export class ActivityPlansResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  private step(id: string, action: (typeof meetings.ACTIVITY_STEP_ACTIONS)[number], caller: Caller, reason?: string | null) {
    return this.rpc.request(meetings.advanceActivityPlan, withoutNulls({ id, action, reason }) as never, caller);
  }

  @Query(() => ReceptionLeadType, { description: 'Who leads a reception, by the visitor’s origin, rank and escort.' })
  @Roles('clerk', 'section-chief', 'deputy-director', 'director', 'district-leader')
  receptionLead(@Args('visit') visit: VisitInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.receptionLead, withoutNulls({ ...visit }) as never, caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'Draft a reception, large-event or activity plan.' })
  @Roles('clerk')
  draftActivityPlan(@Args('input') input: DraftActivityPlanInput, @CurrentCaller() caller: Caller) {
    const visit = input.visit ? withoutNulls({ ...input.visit }) : undefined;
    return this.rpc.request(meetings.draftActivityPlan, withoutNulls({ ...input, visit, plan: parsePlan(input.plan) }) as never, caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'The deputy director reviews the plan.' })
  @Roles('deputy-director')
  reviewActivityPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'review', caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'A foreign-related plan goes to 外事科 (event foreign-affairs-opinion.requested).' })
  @Roles('clerk')
  sendActivityPlanToForeignAffairs(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'send-to-foreign-affairs', caller);
  }

  @Mutation(() => ActivityPlanType, { description: '外事科 gives its opinion.' })
  @Roles('foreign-affairs-officer')
  giveActivityPlanForeignAffairsOpinion(@Args('id', { type: () => ID }) id: string, @Args('opinion') opinion: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.giveActivityForeignAffairsOpinion, { id, opinion }, caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'Submit the plan to the district leader(s).' })
  @Roles('clerk')
  submitActivityPlanToLeader(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'submit-to-leader', caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'A district leader approves (a reception needs the leader in charge and the principal leader).' })
  @Roles('district-leader')
  approveActivityPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'approve', caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'The district leader sends the plan back, with a reason.' })
  @Roles('district-leader')
  sendBackActivityPlan(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'send-back', caller, reason);
  }

  @Mutation(() => ActivityPlanType, { description: 'The notice, 1 working day before (late refused unless ad hoc).' })
  @Roles('clerk')
  issueActivityNotice(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller, @Args('adHoc', { type: () => Boolean, nullable: true }) adHoc?: boolean | null) {
    return this.rpc.request(meetings.issueActivityNotice, withoutNulls({ id, adHoc }) as never, caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'The venue set (by the day before).' })
  @Roles('clerk')
  setActivityVenue(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.setActivityVenue, { id }, caller);
  }

  @Mutation(() => ActivityPlanType, { description: 'Held (a reception: spending approved, director told over ¥500).' })
  @Roles('clerk')
  holdActivity(@Args('input') input: HoldActivityInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.holdActivity, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => ActivityPlanType, { description: '报销 of a held reception with its four documents (invoice, approval-form, official-letter, menu).' })
  @Roles('clerk')
  reimburseReception(@Args('id', { type: () => ID }) id: string, @Args('attached', { type: () => [String] }) attached: string[], @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.reimburseReception, { id, attached } as never, caller);
  }

  @Query(() => ActivityPlanType)
  @Roles(...READERS)
  activityPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.getActivityPlan, { id }, caller);
  }

  @Query(() => ActivityPlanPage)
  @Roles(...READERS)
  activityPlans(
    @CurrentCaller() caller: Caller,
    @Args('kind', { type: () => String, nullable: true }) kind?: string | null,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(meetings.listActivityPlans, withoutNulls({ kind, state, limit, offset }) as never, caller);
  }
}
