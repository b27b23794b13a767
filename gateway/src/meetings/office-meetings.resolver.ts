import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { DecideOfficeItemInput, DecisionMethodCheck, OfficeMatterInput, OfficeMeetingItemType } from './office-meetings.types.js';

const OFFICE = ['clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin'] as const;

@Resolver(() => OfficeMeetingItemType)
export class OfficeMeetingsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => OfficeMeetingItemType, { description: '室务会 decides one item (quorum, chair last, recusal, one candidate at a time).' })
  @Roles('clerk')
  decideOfficeItem(@Args('input') input: DecideOfficeItemInput, @CurrentCaller() caller: Caller) {
    const ballots = input.ballots.map((b) => withoutNulls({ ...b }));
    const matter = input.matter ? withoutNulls({ ...input.matter }) : undefined;
    return this.rpc.request(meetings.decideOfficeItem, withoutNulls({ ...input, matter, ballots }) as never, caller);
  }

  @Query(() => [OfficeMeetingItemType])
  @Roles(...OFFICE)
  async officeMeetingItems(@Args('meetingId', { type: () => ID }) meetingId: string, @CurrentCaller() caller: Caller) {
    return (await this.rpc.request(meetings.listOfficeItems, { meetingId }, caller)).items;
  }

  @Query(() => DecisionMethodCheck, { description: 'Whether a matter may be decided this way (三重一大 only in a 室务会).' })
  @Roles(...OFFICE)
  checkDecisionMethod(
    @Args('matter') matter: OfficeMatterInput,
    @Args('method') method: string,
    @Args('emergency', { type: () => Boolean, nullable: true }) emergency: boolean | null,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(meetings.checkDecisionMethod, withoutNulls({ matter: withoutNulls({ ...matter }), method, emergency }) as never, caller);
  }
}
