import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { ApproveAdHocTopic, DeliberateTopic, GetTopic, RecordIndustryOpinion, SubmitTopic } from './topics.use-case.js';

/** NATS handlers of topics (议题). */
@Controller()
export class TopicsHandlers {
  constructor(
    private readonly submitTopic: SubmitTopic,
    private readonly approveAdHoc: ApproveAdHocTopic,
    private readonly industry: RecordIndustryOpinion,
    private readonly deliberateTopic: DeliberateTopic,
    private readonly getTopic: GetTopic,
  ) {}

  @CommandHandler(meetings.submitTopic)
  submit(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.submitTopic, data, ctx, (i, c) => this.submitTopic.execute(i, c));
  }
  @CommandHandler(meetings.approveAdHocTopic)
  approve(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.approveAdHocTopic, data, ctx, (i, c) => this.approveAdHoc.execute(i, c));
  }
  @CommandHandler(meetings.recordIndustryOpinion)
  industryOpinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.recordIndustryOpinion, data, ctx, (i, c) => this.industry.execute(i, c));
  }
  @CommandHandler(meetings.deliberateTopic)
  deliberate(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.deliberateTopic, data, ctx, (i, c) => this.deliberateTopic.execute(i, c));
  }
  @CommandHandler(meetings.getTopic)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getTopic, data, ctx, (i, c) => this.getTopic.execute(i, c));
  }
}
