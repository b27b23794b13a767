import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { DraftMinutesInput, MinutesType } from './minutes.types.js';

@Resolver(() => MinutesType)
export class MinutesResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => MinutesType, { description: '起草纪要 for a held meeting.' })
  @Roles('clerk')
  draftMinutes(@Args('input') input: DraftMinutesInput, @CurrentCaller() caller: Caller) {
    const decisions = input.decisions.map((d) => withoutNulls({ ...d }));
    return this.rpc.request(meetings.draftMinutes, withoutNulls({ ...input, decisions }) as never, caller);
  }

  @Mutation(() => MinutesType, { description: 'Section chief, then deputy director review.' })
  @Roles('section-chief', 'deputy-director')
  reviewMinutes(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.reviewMinutes, { id }, caller);
  }

  @Mutation(() => MinutesType)
  @Roles('deputy-director')
  sendBackMinutes(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.sendBackMinutes, { id, reason }, caller);
  }

  @Mutation(() => MinutesType, { description: '登记 with the minutes number.' })
  @Roles('clerk')
  registerMinutes(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.registerMinutes, { id }, caller);
  }

  @Mutation(() => MinutesType, { description: '审签: the office director, the relevant leaders.' })
  @Roles('director', 'district-leader')
  signMinutes(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.signMinutes, { id }, caller);
  }

  @Mutation(() => MinutesType)
  @Roles('clerk')
  completeMinutesSigning(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.completeMinutesSigning, { id }, caller);
  }

  @Mutation(() => MinutesType, {
    description:
      '印发: each decision becomes one item of gov.meetings.minutes.issued. Minutes on major issues of 常委会/常务会议 name their separate 重大问题会议纪要 (majorIssueMinutesNumber).',
  })
  @Roles('clerk')
  issueMinutes(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('majorIssueMinutesNumber', { type: () => String, nullable: true }) majorIssueMinutesNumber?: string | null,
  ) {
    return this.rpc.request(meetings.issueMinutes, withoutNulls({ id, majorIssueMinutesNumber }) as never, caller);
  }

  @Query(() => MinutesType)
  @Roles('clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin')
  minutes(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.getMinutes, { id }, caller);
  }
}
