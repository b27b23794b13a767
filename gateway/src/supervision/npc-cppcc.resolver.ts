import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { AssignNpcCppccItemInput, NpcCppccItemPage, NpcCppccItemType, NpcDueChecks, ReceiveNpcCppccItemInput } from './npc-cppcc.types.js';

/** Readers; the service limits a unit liaison to the items handed to its unit. */
const READERS = ['supervisor', 'director', 'deputy-director', 'auditor', 'unit-liaison'] as const;
const OFFICE = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

@Resolver(() => NpcCppccItemType)
export class NpcCppccResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => NpcCppccItemType, { description: '接收: a supervisor registers a suggestion or proposal.' })
  @Roles('supervisor')
  receiveNpcCppccItem(@Args('input') input: ReceiveNpcCppccItemInput, @CurrentCaller() caller: Caller) {
    const proposers = input.proposers.map((p) => withoutNulls({ ...p }));
    return this.rpc.request(supervision.receiveNpcItem, withoutNulls({ ...input, proposers }) as never, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: '交办: responsibility to a lead unit and co-units; the clocks start.' })
  @Roles('supervisor')
  assignNpcCppccItem(@Args('input') input: AssignNpcCppccItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.assignNpcItem, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: '退回: the lead unit sends it back within 10 days with a sealed written opinion.' })
  @Roles('unit-liaison')
  sendBackNpcCppccItem(
    @Args('id', { type: () => ID }) id: string,
    @Args('opinion') opinion: string,
    @Args('sealed') sealed: boolean,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(supervision.sendBackNpcItem, { id, opinion, sealed }, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: '说明情况: the proposer was told the reply needs longer (before the 3 months).' })
  @Roles('unit-liaison')
  explainNpcCppccItem(@Args('id', { type: () => ID }) id: string, @Args('explanation') explanation: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.explainNpcItem, { id, explanation }, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: '答复: the lead unit replies, graded A/B/C/D.' })
  @Roles('unit-liaison')
  replyNpcCppccItem(
    @Args('id', { type: () => ID }) id: string,
    @Args('grade', { description: 'A | B | C | D' }) grade: string,
    @Args('replyReference') replyReference: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(supervision.replyNpcItem, { id, grade: grade as never, replyReference }, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: "征求意见表: the proposer's response; unsatisfied reopens, otherwise closed." })
  @Roles('supervisor')
  recordNpcCppccResponse(
    @Args('id', { type: () => ID }) id: string,
    @Args('response', { description: 'satisfied | basically-satisfied | unsatisfied' }) response: string,
    @CurrentCaller() caller: Caller,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.rpc.request(supervision.recordNpcResponse, withoutNulls({ id, response, note }) as never, caller);
  }

  @Mutation(() => NpcCppccItemType, { description: '过半检查: the day-45 check is recorded.' })
  @Roles('supervisor')
  checkNpcCppccItem(@Args('id', { type: () => ID }) id: string, @Args('note') note: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.checkNpcItem, { id, note }, caller);
  }

  @Query(() => NpcCppccItemType)
  @Roles(...READERS)
  npcCppccItem(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.getNpcItem, { id }, caller);
  }

  @Query(() => NpcCppccItemPage)
  @Roles(...READERS)
  npcCppccItems(
    @CurrentCaller() caller: Caller,
    @Args('kind', { type: () => String, nullable: true }) kind?: string | null,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('unit', { type: () => String, nullable: true }) unit?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(supervision.listNpcItems, withoutNulls({ kind, state, unit, limit, offset }) as never, caller);
  }

  @Query(() => NpcDueChecks, { description: 'Assignments, day-45 checks and replies due by a date (YYYY-MM-DD).' })
  @Roles(...OFFICE)
  npcCppccDueChecks(@Args('on') on: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.dueNpcChecks, { on }, caller);
  }
}
