import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { SupervisionItemPage, SupervisionItemType } from './items.types.js';
import {
  RemindSupervisionItemInput,
  ReturnSupervisionReportInput,
  SubmitSupervisionReportInput,
  SupervisionDailyChecksType,
  SupervisionOverdueBoardType,
} from './items-workflow.types.js';

/** Readers of supervision items; the service limits a unit liaison to its own unit's items. */
const ITEM_READERS = ['supervisor', 'director', 'deputy-director', 'district-leader', 'auditor', 'unit-liaison'] as const;

/**
 * The item workflow after 交办 (issue 5 §1–§4, §8). The roles here are the coarse gate (one per row of
 * ITEM_TRANSITIONS); the service checks the state, the unit and the rules again.
 */
@Resolver(() => SupervisionItemType)
export class SupervisionItemWorkflowResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => SupervisionItemType, { description: '不予立项: the office director declines a proposed item with the reason.' })
  @Roles('director')
  declineSupervisionItem(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.declineItem, { id, reason }, caller);
  }

  @Mutation(() => SupervisionItemType, { description: "签收: a liaison of an assigned unit confirms receipt." })
  @Roles('unit-liaison')
  acknowledgeSupervisionItem(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.rpc.request(supervision.acknowledgeItem, withoutNulls({ id, note }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '进展情况: a liaison of an assigned unit reports progress.' })
  @Roles('unit-liaison')
  reportSupervisionItemProgress(@Args('id', { type: () => ID }) id: string, @Args('progress') progress: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.reportProgress, { id, progress }, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '说明理由: the lead unit explains a delay.' })
  @Roles('unit-liaison')
  explainSupervisionItemDelay(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.explainDelay, { id, reason }, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '催办: a supervisor reminds the units; the reminder is logged.' })
  @Roles('supervisor')
  remindSupervisionItem(@Args('input') input: RemindSupervisionItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.remindItem, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => SupervisionDailyChecksType, { description: '每日督查检查 for a day (default today, never later): prompts, overdue reminders, colours; idempotent.' })
  @Roles('supervisor', 'admin')
  runDailySupervisionChecks(@CurrentCaller() caller: Caller, @Args('date', { type: () => String, nullable: true }) date?: string | null) {
    return this.rpc.request(supervision.runDailyChecks, withoutNulls({ date }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: "办结报告: the lead unit's liaison submits the completion report." })
  @Roles('unit-liaison')
  submitSupervisionReport(@Args('input') input: SubmitSupervisionReportInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.submitReport, { ...input } as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '退回重报: a supervisor sends the report back with reasons.' })
  @Roles('supervisor')
  returnSupervisionReport(@Args('input') input: ReturnSupervisionReportInput, @CurrentCaller() caller: Caller) {
    const reasons = input.reasons.map((r) => withoutNulls({ ...r }));
    return this.rpc.request(supervision.returnReport, { id: input.id, reasons } as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '审核通过: a supervisor accepts a signed, sealed, formal report of the lead unit.' })
  @Roles('supervisor')
  acceptSupervisionReport(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.acceptReport, { id }, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '《督查反馈》: the office director approves the feedback to the leader.' })
  @Roles('director')
  feedBackSupervisionItem(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.rpc.request(supervision.feedBackItem, withoutNulls({ id, note }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '二次督查: a district leader instructs again; round + 1, the clock restarts.' })
  @Roles('district-leader')
  instructSupervisionItemAgain(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
    @Args('dueOn', { type: () => String, nullable: true }) dueOn?: string | null,
  ) {
    return this.rpc.request(supervision.instructAgain, withoutNulls({ id, reason, dueOn }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '办结/销号: a supervisor closes the item after the feedback.' })
  @Roles('supervisor')
  closeSupervisionItem(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.rpc.request(supervision.closeItem, withoutNulls({ id, note }) as never, caller);
  }

  @Mutation(() => SupervisionItemType, { description: '立卷归档: a supervisor files a closed item.' })
  @Roles('supervisor')
  archiveSupervisionItem(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.archiveItem, { id }, caller);
  }

  @Query(() => SupervisionItemPage, { description: "My items: a unit liaison's unit's items, every item for the office; open items by due date first." })
  @Roles(...ITEM_READERS)
  mySupervisionItems(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(supervision.myItems, withoutNulls({ state, limit, offset }) as never, caller);
  }

  @Query(() => SupervisionOverdueBoardType, { description: '逾期督办: overdue open items by colour (blue, yellow, orange, red).' })
  @Roles(...ITEM_READERS)
  supervisionOverdueBoard(
    @CurrentCaller() caller: Caller,
    @Args('colour', { type: () => String, nullable: true }) colour?: string | null,
    @Args('unit', { type: () => String, nullable: true }) unit?: string | null,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ) {
    return this.rpc.request(supervision.overdueBoard, withoutNulls({ colour, unit, asOf }) as never, caller);
  }
}
