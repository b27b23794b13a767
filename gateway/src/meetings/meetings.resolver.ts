import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  LeaderPostAssignment,
  MeetingChairReport,
  MeetingDocumentCopiesInput,
  MeetingNoticeRun,
  MeetingPage,
  MeetingType,
  MeetingWorkTask,
  PlanMeetingInput,
  UnsignedMeetingNoticeList,
} from './meetings.types.js';

/** Readers of meetings; the service hides classified meetings beyond clearance and limits a unit liaison to its own notices. */
const READERS = ['clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin', 'unit-liaison'] as const;
const OFFICE = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'confidential-clerk', 'supervisor', 'auditor', 'admin'] as const;

/** The plan record of the wire as a list of fields on the graph. */
function toGraph(view: meetings.MeetingView) {
  return { ...view, plan: Object.entries(view.plan).map(([field, value]) => ({ field, value })) };
}

@Resolver(() => MeetingType)
export class MeetingsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  private async call<I>(contract: Parameters<RpcClient['request']>[0], input: I, caller: Caller) {
    return toGraph((await this.rpc.request(contract as never, input as never, caller)) as meetings.MeetingView);
  }

  @Mutation(() => MeetingType, { description: '会务方案: a clerk drafts a meeting plan.' })
  @Roles('clerk')
  planMeeting(@Args('input') input: PlanMeetingInput, @CurrentCaller() caller: Caller) {
    const plan = Object.fromEntries((input.plan ?? []).map((f) => [f.field, f.value]));
    return this.call(meetings.planMeeting, withoutNulls({ ...input, plan }), caller);
  }

  @Mutation(() => MeetingType, { description: 'The deputy director reviews the plan.' })
  @Roles('deputy-director')
  reviewMeetingPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.reviewMeetingPlan, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: 'A district leader approves the plan.' })
  @Roles('district-leader')
  approveMeetingPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.approveMeetingPlan, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: 'The plan goes back to be redrafted.' })
  @Roles('deputy-director', 'district-leader')
  sendBackMeetingPlan(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.sendBackMeetingPlan, { id, reason }, caller);
  }

  @Mutation(() => MeetingType, { description: '专题会议方案 审签: the next signer of the route signs off.' })
  @Roles('section-chief', 'director', 'district-leader')
  signOffMeetingPlan(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.signOffMeetingPlan, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: 'A district leader approves the seating plan.' })
  @Roles('district-leader')
  approveMeetingSeating(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.approveSeating, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: '预通知, with the consenting leader.' })
  @Roles('clerk')
  issueMeetingPreNotice(@Args('id', { type: () => ID }) id: string, @Args('consentedBy') consentedBy: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.issuePreNotice, { id, consentedBy }, caller);
  }

  @Mutation(() => MeetingType, { description: '会议通知, with the lead time of the meeting type.' })
  @Roles('clerk')
  issueMeetingNotice(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.issueNotice, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: '签收: a unit signs for the notice.' })
  @Roles('clerk', 'unit-liaison')
  signForMeetingNotice(@Args('id', { type: () => ID }) id: string, @Args('unit') unit: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.signForNotice, { id, unit }, caller);
  }

  @Mutation(() => MeetingType, { description: 'The materials reach the attendees.' })
  @Roles('clerk')
  distributeMeetingMaterials(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.distributeMaterials, { id }, caller);
  }

  @Mutation(() => MeetingType, { description: '签到.' })
  @Roles('clerk')
  signInToMeeting(@Args('id', { type: () => ID }) id: string, @Args('attendeeId') attendeeId: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.signIn, { id, attendeeId }, caller);
  }

  @Mutation(() => MeetingType, { description: '请假.' })
  @Roles('clerk')
  requestMeetingLeave(
    @Args('id', { type: () => ID }) id: string,
    @Args('attendeeId') attendeeId: string,
    @Args('reason') reason: string,
    @Args('approved') approved: boolean,
    @CurrentCaller() caller: Caller,
  ) {
    return this.call(meetings.requestLeave, { id, attendeeId, reason, approved }, caller);
  }

  @Mutation(() => MeetingType, { description: '缺席原因.' })
  @Roles('clerk')
  recordMeetingAbsenceReason(
    @Args('id', { type: () => ID }) id: string,
    @Args('attendeeId') attendeeId: string,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.call(meetings.recordAbsenceReason, { id, attendeeId, reason }, caller);
  }

  @Mutation(() => MeetingType, { description: 'Documents handed out to be recovered.' })
  @Roles('clerk')
  issueMeetingDocuments(
    @Args('id', { type: () => ID }) id: string,
    @Args('documents', { type: () => [MeetingDocumentCopiesInput] }) documents: MeetingDocumentCopiesInput[],
    @CurrentCaller() caller: Caller,
  ) {
    return this.call(meetings.issueDocuments, { id, documents }, caller);
  }

  @Mutation(() => MeetingType, { description: '会议文件回收, counted against the copies issued.' })
  @Roles('clerk')
  recoverMeetingDocuments(
    @Args('id', { type: () => ID }) id: string,
    @Args('documents', { type: () => [MeetingDocumentCopiesInput] }) documents: MeetingDocumentCopiesInput[],
    @CurrentCaller() caller: Caller,
  ) {
    return this.call(meetings.recoverDocuments, { id, documents }, caller);
  }

  @Mutation(() => MeetingType, { description: 'The meeting was held.' })
  @Roles('clerk')
  holdMeeting(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.holdMeeting, { id }, caller);
  }

  @Mutation(() => LeaderPostAssignment, { description: 'Who holds a leader post (party-secretary, district-mayor, deputy-head-in-charge, leader-in-charge).' })
  @Roles('director', 'admin')
  assignLeaderPost(@Args('post') post: string, @Args('userId') userId: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.assignLeaderPost, { post, userId } as never, caller);
  }

  @Query(() => MeetingType, { description: 'A meeting with its notice status, sign-in, topics and minutes.' })
  @Roles(...READERS)
  meeting(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.call(meetings.getMeeting, { id }, caller);
  }

  @Query(() => MeetingPage)
  @Roles(...OFFICE)
  meetings(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('typeCode', { type: () => String, nullable: true }) typeCode?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(meetings.listMeetings, withoutNulls({ state, typeCode, limit, offset }) as never, caller);
  }

  @Query(() => MeetingChairReport)
  @Roles(...OFFICE)
  meetingChairReport(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.chairReport, { id }, caller);
  }

  @Query(() => UnsignedMeetingNoticeList, { description: 'The daily list of units that have not signed for a notice.' })
  @Roles('clerk', 'section-chief', 'deputy-director', 'director')
  unsignedMeetingNotices(@Args('date') date: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.unsignedNotices, { date }, caller);
  }

  @Mutation(() => MeetingNoticeRun, {
    description: '会议通知提醒 for an instant (default now, never later): the report to the chair 5 minutes before the start, the unsigned list at close of business on a working day; idempotent.',
  })
  @Roles('clerk', 'admin')
  runMeetingNotices(@Args('at', { type: () => String, nullable: true }) at: string | null, @CurrentCaller() caller: Caller) {
    return this.rpc.request(meetings.runMeetingNotices, withoutNulls({ at }) as never, caller);
  }

  @Query(() => [MeetingWorkTask], { description: 'My tasks on meetings, topics and minutes.' })
  @Roles(...READERS)
  async myMeetingWork(@CurrentCaller() caller: Caller) {
    return (await this.rpc.request(meetings.myMeetingWork, {}, caller)).tasks;
  }
}
