import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { IssueResearchTripSupervisionFormInput, ResearchTripSupervisionFormType } from './research-trips.types.js';

@Resolver(() => ResearchTripSupervisionFormType)
export class ResearchTripsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => ResearchTripSupervisionFormType, {
    description: '随行科室 issues the 《督办事项交办单》 of a leader’s research trip: due 1 working day after the trip, later is flagged late; 督查室 opens one item per matter.',
  })
  @Roles('clerk', 'section-chief')
  issueResearchTripSupervisionForm(@Args('input') input: IssueResearchTripSupervisionFormInput, @CurrentCaller() caller: Caller) {
    const matters = input.matters.map((m) => withoutNulls({ ...m }));
    return this.rpc.request(meetings.issueResearchTripSupervisionForm, withoutNulls({ ...input, matters }) as never, caller);
  }
}
