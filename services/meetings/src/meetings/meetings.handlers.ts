import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { PlanMeeting } from './plan-meeting.use-case.js';
import { ApproveMeetingPlan, ApproveSeating, DistributeMaterials, IssueNotice, IssuePreNotice, ReviewMeetingPlan, SendBackMeetingPlan, SignOffMeetingPlan } from './meeting-steps.use-case.js';
import { HoldMeeting, IssueMeetingDocuments, RecordAbsenceReason, RecoverMeetingDocuments, RequestLeave, SignForNotice, SignIn } from './meeting-day.use-case.js';
import { AssignLeaderPost, ChairReport, GetMeeting, ListMeetings, MyMeetingWork, UnsignedNotices } from './read-meetings.use-case.js';
import { RunMeetingNotices } from './run-notices.use-case.js';

/** NATS handlers of meetings: each turns a message into a validated command and calls one use case. */
@Controller()
export class MeetingsHandlers {
  constructor(
    private readonly planMeeting: PlanMeeting,
    private readonly reviewPlan: ReviewMeetingPlan,
    private readonly approvePlan: ApproveMeetingPlan,
    private readonly sendBackPlan: SendBackMeetingPlan,
    private readonly signOffPlan: SignOffMeetingPlan,
    private readonly approveSeatingPlan: ApproveSeating,
    private readonly preNotice: IssuePreNotice,
    private readonly notice: IssueNotice,
    private readonly materials: DistributeMaterials,
    private readonly signFor: SignForNotice,
    private readonly signInAttendee: SignIn,
    private readonly leave: RequestLeave,
    private readonly absence: RecordAbsenceReason,
    private readonly issueDocs: IssueMeetingDocuments,
    private readonly recoverDocs: RecoverMeetingDocuments,
    private readonly holdMeeting: HoldMeeting,
    private readonly getMeeting: GetMeeting,
    private readonly listMeetings: ListMeetings,
    private readonly chair: ChairReport,
    private readonly unsigned: UnsignedNotices,
    private readonly work: MyMeetingWork,
    private readonly posts: AssignLeaderPost,
    private readonly notices: RunMeetingNotices,
  ) {}

  @CommandHandler(meetings.planMeeting)
  plan(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.planMeeting, data, ctx, (i, c) => this.planMeeting.execute(i, c));
  }
  @CommandHandler(meetings.reviewMeetingPlan)
  review(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.reviewMeetingPlan, data, ctx, (i, c) => this.reviewPlan.execute(i, c));
  }
  @CommandHandler(meetings.approveMeetingPlan)
  approve(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.approveMeetingPlan, data, ctx, (i, c) => this.approvePlan.execute(i, c));
  }
  @CommandHandler(meetings.sendBackMeetingPlan)
  sendBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.sendBackMeetingPlan, data, ctx, (i, c) => this.sendBackPlan.execute(i, c));
  }
  @CommandHandler(meetings.signOffMeetingPlan)
  signOff(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.signOffMeetingPlan, data, ctx, (i, c) => this.signOffPlan.execute(i, c));
  }
  @CommandHandler(meetings.approveSeating)
  seating(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.approveSeating, data, ctx, (i, c) => this.approveSeatingPlan.execute(i, c));
  }
  @CommandHandler(meetings.issuePreNotice)
  issuePreNotice(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issuePreNotice, data, ctx, (i, c) => this.preNotice.execute(i, c));
  }
  @CommandHandler(meetings.issueNotice)
  issueNotice(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueNotice, data, ctx, (i, c) => this.notice.execute(i, c));
  }
  @CommandHandler(meetings.distributeMaterials)
  distribute(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.distributeMaterials, data, ctx, (i, c) => this.materials.execute(i, c));
  }
  @CommandHandler(meetings.signForNotice)
  signForNotice(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.signForNotice, data, ctx, (i, c) => this.signFor.execute(i, c));
  }
  @CommandHandler(meetings.signIn)
  signIn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.signIn, data, ctx, (i, c) => this.signInAttendee.execute(i, c));
  }
  @CommandHandler(meetings.requestLeave)
  requestLeave(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.requestLeave, data, ctx, (i, c) => this.leave.execute(i, c));
  }
  @CommandHandler(meetings.recordAbsenceReason)
  absenceReason(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.recordAbsenceReason, data, ctx, (i, c) => this.absence.execute(i, c));
  }
  @CommandHandler(meetings.issueDocuments)
  issueDocuments(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueDocuments, data, ctx, (i, c) => this.issueDocs.execute(i, c));
  }
  @CommandHandler(meetings.recoverDocuments)
  recoverDocuments(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.recoverDocuments, data, ctx, (i, c) => this.recoverDocs.execute(i, c));
  }
  @CommandHandler(meetings.holdMeeting)
  hold(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.holdMeeting, data, ctx, (i, c) => this.holdMeeting.execute(i, c));
  }
  @CommandHandler(meetings.getMeeting)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getMeeting, data, ctx, (i, c) => this.getMeeting.execute(i, c));
  }
  @CommandHandler(meetings.listMeetings)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.listMeetings, data, ctx, (i, c) => this.listMeetings.execute(i, c));
  }
  @CommandHandler(meetings.chairReport)
  chairReport(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.chairReport, data, ctx, (i, c) => this.chair.execute(i, c));
  }
  @CommandHandler(meetings.unsignedNotices)
  unsignedNotices(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.unsignedNotices, data, ctx, (i, c) => this.unsigned.execute(i, c));
  }
  @CommandHandler(meetings.myMeetingWork)
  myWork(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.myMeetingWork, data, ctx, (i, c) => this.work.execute(i, c));
  }
  @CommandHandler(meetings.assignLeaderPost)
  assignPost(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.assignLeaderPost, data, ctx, (i, c) => this.posts.execute(i, c));
  }
  @CommandHandler(meetings.runMeetingNotices)
  runNotices(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.runMeetingNotices, data, ctx, (i, c) => this.notices.execute(i, c));
  }
}
