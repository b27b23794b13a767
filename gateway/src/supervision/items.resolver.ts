import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { AssignSupervisionItemInput, OpenSupervisionItemInput, SupervisionItemPage, SupervisionItemType } from './items.types.js';

/** Readers of supervision items; the service limits a unit liaison to its own unit's items. */
const ITEM_READERS = ['supervisor', 'director', 'deputy-director', 'district-leader', 'auditor', 'unit-liaison'] as const;

@Resolver(() => SupervisionItemType)
export class SupervisionItemsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => SupervisionItemType, { description: '立项: a supervisor opens a supervision item by hand.' })
  @Roles('supervisor')
  openSupervisionItem(@Args('input') input: OpenSupervisionItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.openItem, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '立项批准: the office director admits a proposed item.' })
  @Roles('director')
  admitSupervisionItem(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.admitItem, { id }, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '交办: hand an admitted item to its lead unit and co-units.' })
  @Roles('supervisor')
  assignSupervisionItem(@Args('input') input: AssignSupervisionItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.assignItem, withoutNulls({ ...input }) as never, caller);
  }

  @Query(() => SupervisionItemType)
  @Roles(...ITEM_READERS)
  supervisionItem(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.getItem, { id }, caller);
  }

  @Query(() => SupervisionItemPage)
  @Roles(...ITEM_READERS)
  supervisionItems(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('unit', { type: () => String, nullable: true }) unit?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(supervision.listItems, withoutNulls({ state, unit, limit, offset }) as never, caller);
  }
}
