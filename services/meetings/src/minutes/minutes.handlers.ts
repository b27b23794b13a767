import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { CompleteMinutesSigning, DraftMinutes, GetMinutes, IssueMinutes, RegisterMinutes, ReviewMinutes, SendBackMinutes, SignMinutes } from './minutes.use-case.js';

/** NATS handlers of minutes (纪要). */
@Controller()
export class MinutesHandlers {
  constructor(
    private readonly draftMinutes: DraftMinutes,
    private readonly reviewMinutes: ReviewMinutes,
    private readonly sendBackMinutes: SendBackMinutes,
    private readonly registerMinutes: RegisterMinutes,
    private readonly signMinutes: SignMinutes,
    private readonly completeSigning: CompleteMinutesSigning,
    private readonly issueMinutes: IssueMinutes,
    private readonly getMinutes: GetMinutes,
  ) {}

  @CommandHandler(meetings.draftMinutes)
  draft(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.draftMinutes, data, ctx, (i, c) => this.draftMinutes.execute(i, c));
  }
  @CommandHandler(meetings.reviewMinutes)
  review(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.reviewMinutes, data, ctx, (i, c) => this.reviewMinutes.execute(i, c));
  }
  @CommandHandler(meetings.sendBackMinutes)
  sendBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.sendBackMinutes, data, ctx, (i, c) => this.sendBackMinutes.execute(i, c));
  }
  @CommandHandler(meetings.registerMinutes)
  register(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.registerMinutes, data, ctx, (i, c) => this.registerMinutes.execute(i, c));
  }
  @CommandHandler(meetings.signMinutes)
  sign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.signMinutes, data, ctx, (i, c) => this.signMinutes.execute(i, c));
  }
  @CommandHandler(meetings.completeMinutesSigning)
  complete(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.completeMinutesSigning, data, ctx, (i, c) => this.completeSigning.execute(i, c));
  }
  @CommandHandler(meetings.issueMinutes)
  issue(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueMinutes, data, ctx, (i, c) => this.issueMinutes.execute(i, c));
  }
  @CommandHandler(meetings.getMinutes)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getMinutes, data, ctx, (i, c) => this.getMinutes.execute(i, c));
  }
}
