import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GovError, meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { MeetingRequestPage, MeetingRequestType, MeetingTaskType, RegisterMeetingRequestInput } from './requests.types.js';

const READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer', 'auditor'] as const;
const ACTORS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer'] as const;

function parseOpinion(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw GovError.badInput('the opinion is a JSON object of its fields');
}

/** 会议、活动收文: one mutation per step, each gated by the roles of its row in the state table. */
@Resolver(() => MeetingRequestType)
export class MeetingRequestsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  private step(id: string, action: (typeof meetings.REQUEST_STEP_ACTIONS)[number], caller: Caller, reason?: string | null) {
    return this.rpc.request(meetings.advanceRequest, withoutNulls({ id, action, reason }) as never, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '登记、编号 and 审核: register a request; the review keeps every failed check as a reason.' })
  @Roles('clerk')
  registerMeetingRequest(@Args('input') input: RegisterMeetingRequestInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.registerRequest, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '退文 proposed by the clerk for a request that failed review.' })
  @Roles('clerk')
  proposeMeetingRequestReturn(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller, @Args('reason', { type: () => String, nullable: true }) reason?: string | null) {
    return this.rpc.request(meetings.proposeRequestReturn, withoutNulls({ id, reason }) as never, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '科长 endorses the return.' })
  @Roles('section-chief')
  endorseMeetingRequestReturn(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'endorse-return', caller);
  }

  @Mutation(() => MeetingRequestType, { description: '分管副主任 approves the return: the request goes back with its reasons (event request.returned).' })
  @Roles('deputy-director')
  approveMeetingRequestReturn(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'approve-return', caller);
  }

  @Mutation(() => MeetingRequestType, { description: 'The chief or the deputy overrules a proposed return (with a reason).' })
  @Roles('section-chief', 'deputy-director')
  overruleMeetingRequestReturn(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'overrule-return', caller, reason);
  }

  @Mutation(() => MeetingRequestType, { description: '拟办: the opinion (a JSON object of the fields its type needs) and the proposed district leaders.' })
  @Roles('clerk')
  draftMeetingRequestOpinion(
    @Args('id', { type: () => ID }) id: string,
    @Args('opinion', { description: 'JSON object, e.g. {"time":"…","place":"…","proposedLeadersAndDepartments":["…"],"content":"…","agenda":["…"]}' }) opinion: string,
    @CurrentCaller() caller: Caller,
    @Args('proposedLeaderIds', { type: () => [String], nullable: true }) proposedLeaderIds?: string[] | null,
  ) {
    return this.rpc.request(meetings.draftRequestOpinion, withoutNulls({ id, opinion: parseOpinion(opinion), proposedLeaderIds }) as never, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '送审: the section chief, then the deputy director, review the opinion.' })
  @Roles('section-chief', 'deputy-director')
  reviewMeetingRequest(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'review', caller);
  }

  @Mutation(() => MeetingRequestType, { description: 'The chief or the deputy sends the opinion back to the clerk, with a reason.' })
  @Roles('section-chief', 'deputy-director')
  sendBackMeetingRequest(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'send-back', caller, reason);
  }

  @Mutation(() => MeetingRequestType, { description: 'A foreign-related request goes to 外事科 for its opinion (event foreign-affairs-opinion.requested).' })
  @Roles('clerk')
  sendMeetingRequestToForeignAffairs(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'send-to-foreign-affairs', caller);
  }

  @Mutation(() => MeetingRequestType, { description: '外事科 gives its opinion.' })
  @Roles('foreign-affairs-officer')
  giveMeetingRequestForeignAffairsOpinion(@Args('id', { type: () => ID }) id: string, @Args('opinion') opinion: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.giveRequestForeignAffairsOpinion, { id, opinion }, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '呈批: submit to the district leader.' })
  @Roles('clerk')
  submitMeetingRequestToLeader(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'submit-to-leader', caller);
  }

  @Mutation(() => MeetingRequestType, { description: 'The district leader approves (event request.approved) or declines (with a reason).' })
  @Roles('district-leader')
  decideMeetingRequest(
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @CurrentCaller() caller: Caller,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.step(id, approve ? 'approve' : 'decline', caller, reason);
  }

  @Mutation(() => MeetingRequestType, { description: '办复: tell the attendees and drafting sections what to prepare (event request.replied).' })
  @Roles('clerk')
  replyToMeetingRequest(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('districtLeaderSpeaks', { type: () => Boolean, nullable: true }) districtLeaderSpeaks?: boolean | null,
    @Args('speakerSide', { type: () => String, nullable: true, description: 'party-committee | government | department' }) speakerSide?: string | null,
  ) {
    return this.rpc.request(meetings.replyRequest, withoutNulls({ id, districtLeaderSpeaks, speakerSide }) as never, caller);
  }

  @Mutation(() => MeetingRequestType, { description: '归档.' })
  @Roles('clerk')
  archiveMeetingRequest(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'archive', caller);
  }

  @Query(() => MeetingRequestType)
  @Roles(...READERS)
  meetingRequest(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.getRequest, { id }, caller);
  }

  @Query(() => MeetingRequestPage, { description: '会议收文登记: the request register.' })
  @Roles(...READERS)
  meetingRequests(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('type', { type: () => String, nullable: true }) type?: string | null,
    @Args('admitted', { type: () => Boolean, nullable: true }) admitted?: boolean | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(meetings.listRequests, withoutNulls({ state, type, admitted, limit, offset }) as never, caller);
  }

  @Query(() => [MeetingTaskType], { description: 'My tasks in the request, weekly-schedule and activity-plan workflows.' })
  @Roles(...ACTORS)
  async myMeetingTasks(@CurrentCaller() caller: Caller) {
    return (await this.rpc.request(meetings.myTasks, {}, caller)).tasks;
  }
}
