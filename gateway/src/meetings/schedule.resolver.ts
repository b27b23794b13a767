import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  CollectWeeklyScheduleInput,
  LeaderWeekType,
  WeeklyScheduleEntryChangeInput,
  WeeklyScheduleEntryInput,
  WeeklyScheduleExclusionInput,
  WeeklySchedulePage,
  WeeklyScheduleType,
} from './schedule.types.js';

const READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'auditor'] as const;

const clean = <T extends object>(xs: T[] | null | undefined) => (xs ?? []).map((x) => withoutNulls({ ...x }));

/** 周表: one mutation per step, gated by the roles of its row; the service checks the posts (书记, 区长). */
@Resolver(() => WeeklyScheduleType)
export class WeeklyScheduleResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  private step(id: string, action: (typeof meetings.SCHEDULE_STEP_ACTIONS)[number], caller: Caller, reason?: string | null) {
    return this.rpc.request(meetings.advanceSchedule, withoutNulls({ id, action, reason }) as never, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '收集: open the week’s table; approved requests of the week are collected too.' })
  @Roles('clerk')
  collectWeeklySchedule(@Args('input') input: CollectWeeklyScheduleInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.collectSchedule, { ...withoutNulls({ ...input }), entries: clean(input.entries) } as never, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '审查: screen out items, each with a reason.' })
  @Roles('clerk')
  screenWeeklySchedule(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('exclusions', { type: () => [WeeklyScheduleExclusionInput], nullable: true }) exclusions?: WeeklyScheduleExclusionInput[] | null,
  ) {
    return this.rpc.request(meetings.screenSchedule, { id, exclusions: clean(exclusions) } as never, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '草表: the draft; a clash in a leader’s time flags it for the deputy director.' })
  @Roles('clerk')
  draftWeeklySchedule(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.draftSchedule, { id }, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '协调: the deputy director changes entries until no conflict is left.' })
  @Roles('deputy-director')
  resolveWeeklyScheduleConflicts(
    @Args('id', { type: () => ID }) id: string,
    @Args('changes', { type: () => [WeeklyScheduleEntryChangeInput] }) changes: WeeklyScheduleEntryChangeInput[],
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(meetings.resolveScheduleConflicts, { id, changes: clean(changes), reason } as never, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '送审: the section chief, then the deputy director.' })
  @Roles('section-chief', 'deputy-director')
  reviewWeeklySchedule(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'review', caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: 'Back to the draft, with a reason.' })
  @Roles('section-chief', 'deputy-director', 'director')
  sendBackWeeklySchedule(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'send-back', caller, reason);
  }

  @Mutation(() => WeeklyScheduleType, { description: 'The deputy director presents the table to the office director.' })
  @Roles('deputy-director')
  submitWeeklyScheduleToDirector(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'submit-to-director', caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '办主要领导审阅.' })
  @Roles('director')
  readWeeklySchedule(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.step(id, 'read', caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '审定 by the Party secretary or the district mayor (as: party-secretary | district-mayor); issuing needs both.' })
  @Roles('district-leader')
  approveWeeklySchedule(@Args('id', { type: () => ID }) id: string, @Args('as') as: string, @CurrentCaller() caller: Caller) {
    return this.step(id, as === 'district-mayor' ? 'approve-as-district-mayor' : as === 'party-secretary' ? 'approve-as-party-secretary' : (as as never), caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '发放: issue to leaders and units (flagged late after close of business on Monday).' })
  @Roles('clerk')
  issueWeeklySchedule(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.issueSchedule, { id }, caller);
  }

  @Mutation(() => WeeklyScheduleType, { description: '更改: amend the issued table; those concerned are notified (event schedule.amended).' })
  @Roles('clerk')
  amendWeeklySchedule(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
    @Args('add', { type: () => [WeeklyScheduleEntryInput], nullable: true }) add?: WeeklyScheduleEntryInput[] | null,
    @Args('changes', { type: () => [WeeklyScheduleEntryChangeInput], nullable: true }) changes?: WeeklyScheduleEntryChangeInput[] | null,
    @Args('addRequestIds', { type: () => [ID], nullable: true, description: 'approved requests of the week approved after collection' }) addRequestIds?: string[] | null,
  ) {
    return this.rpc.request(meetings.amendSchedule, { id, reason, add: clean(add), changes: clean(changes), addRequestIds: addRequestIds ?? [] } as never, caller);
  }

  @Query(() => WeeklyScheduleType)
  @Roles(...READERS)
  weeklySchedule(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('weekMonday', { type: () => String, nullable: true }) weekMonday?: string | null,
  ) {
    return this.rpc.request(meetings.getSchedule, withoutNulls({ id, weekMonday }) as never, caller);
  }

  @Query(() => WeeklySchedulePage)
  @Roles(...READERS)
  weeklySchedules(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(meetings.listSchedules, withoutNulls({ state, limit, offset }) as never, caller);
  }

  @Query(() => LeaderWeekType, { description: 'A leader’s week (a district leader reads their own; leaderId defaults to the caller).' })
  @Roles(...READERS)
  leaderWeek(
    @Args('weekMonday') weekMonday: string,
    @CurrentCaller() caller: Caller,
    @Args('leaderId', { type: () => String, nullable: true }) leaderId?: string | null,
  ) {
    return this.rpc.request(meetings.leaderWeek, withoutNulls({ weekMonday, leaderId }) as never, caller);
  }
}
