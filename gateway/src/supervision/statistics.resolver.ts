import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { StatisticsPeriodInput, SupervisionReportType } from './statistics.types.js';

@Resolver(() => SupervisionReportType)
export class SupervisionStatisticsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Query(() => SupervisionReportType, { description: 'Items of a month, half year or year by source kind, lead unit, state and overdue days.' })
  @Roles('supervisor', 'director', 'deputy-director', 'auditor')
  supervisionReport(@Args('period') period: StatisticsPeriodInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.supervisionReport, { period: withoutNulls({ ...period }) as never }, caller);
  }
}
