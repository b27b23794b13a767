import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { MeetingTopicType, SubmitMeetingTopicInput } from './topics.types.js';

@Resolver(() => MeetingTopicType)
export class MeetingTopicsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => MeetingTopicType, { description: 'Submit a topic with its materials (a unit liaison for its own unit).' })
  @Roles('clerk', 'unit-liaison')
  submitMeetingTopic(@Args('input') input: SubmitMeetingTopicInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.submitTopic, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => MeetingTopicType, { description: 'Approve an ad-hoc topic (director; Party secretary; district mayor).' })
  @Roles('director', 'district-leader')
  approveAdHocMeetingTopic(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.approveAdHocTopic, { id }, caller);
  }

  @Mutation(() => MeetingTopicType, { description: '工信委 opinion on an industrial-land or planning topic.' })
  @Roles('clerk')
  recordMeetingTopicIndustryOpinion(@Args('id', { type: () => ID }) id: string, @Args('opinion') opinion: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.recordIndustryOpinion, { id, opinion }, caller);
  }

  @Mutation(() => MeetingTopicType, { description: 'Deliberate a topic (refused while blocked).' })
  @Roles('clerk')
  deliberateMeetingTopic(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.deliberateTopic, { id }, caller);
  }

  @Query(() => MeetingTopicType)
  @Roles('clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin', 'unit-liaison')
  meetingTopic(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.getTopic, { id }, caller);
  }
}
