import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { RegisterMeetingRequest } from './register-request.use-case.js';
import {
  AdvanceMeetingRequest,
  DraftRequestOpinion,
  GiveRequestForeignAffairsOpinion,
  ProposeRequestReturn,
  ReplyToMeetingRequest,
} from './request-steps.use-case.js';
import { GetMeetingRequest, ListMeetingRequests, MyMeetingTasks } from './read-requests.use-case.js';

/** NATS handlers of meeting and activity requests (and the section's "my tasks"). */
@Controller()
export class RequestsHandlers {
  constructor(
    private readonly registerRequest: RegisterMeetingRequest,
    private readonly proposeReturn: ProposeRequestReturn,
    private readonly draftOpinion: DraftRequestOpinion,
    private readonly advanceRequest: AdvanceMeetingRequest,
    private readonly foreignAffairsOpinion: GiveRequestForeignAffairsOpinion,
    private readonly replyRequest: ReplyToMeetingRequest,
    private readonly getRequest: GetMeetingRequest,
    private readonly listRequests: ListMeetingRequests,
    private readonly myTasks: MyMeetingTasks,
  ) {}

  @CommandHandler(meetings.registerRequest)
  register(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.registerRequest, data, ctx, (input, c) => this.registerRequest.execute(input, c));
  }

  @CommandHandler(meetings.proposeRequestReturn)
  proposeRequestReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.proposeRequestReturn, data, ctx, (input, c) => this.proposeReturn.execute(input, c));
  }

  @CommandHandler(meetings.draftRequestOpinion)
  draft(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.draftRequestOpinion, data, ctx, (input, c) => this.draftOpinion.execute(input, c));
  }

  @CommandHandler(meetings.advanceRequest)
  advance(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.advanceRequest, data, ctx, (input, c) => this.advanceRequest.execute(input, c));
  }

  @CommandHandler(meetings.giveRequestForeignAffairsOpinion)
  giveOpinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.giveRequestForeignAffairsOpinion, data, ctx, (input, c) => this.foreignAffairsOpinion.execute(input, c));
  }

  @CommandHandler(meetings.replyRequest)
  reply(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.replyRequest, data, ctx, (input, c) => this.replyRequest.execute(input, c));
  }

  @CommandHandler(meetings.getRequest)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getRequest, data, ctx, (input, c) => this.getRequest.execute(input, c));
  }

  @CommandHandler(meetings.listRequests)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.listRequests, data, ctx, (input, c) => this.listRequests.execute(input, c));
  }

  @CommandHandler(meetings.myTasks)
  mine(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.myTasks, data, ctx, (input, c) => this.myTasks.execute(input, c));
  }
}
