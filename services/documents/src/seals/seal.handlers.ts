import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import {
  ApproveSealUse,
  ConfirmSealUse,
  GetSealRequest,
  ReadSealRegister,
  RegisterSeal,
  RegisterSealApprover,
  RequestSealUse,
  ReviewSealUse,
} from './seal.use-cases.js';

/** NATS handlers of seals (印章): one validated command, one use case. */
@Controller()
export class SealHandlers {
  constructor(
    private readonly registerSealUc: RegisterSeal,
    private readonly registerApproverUc: RegisterSealApprover,
    private readonly requestUc: RequestSealUse,
    private readonly approveUc: ApproveSealUse,
    private readonly reviewUc: ReviewSealUse,
    private readonly confirmUc: ConfirmSealUse,
    private readonly getUc: GetSealRequest,
    private readonly registerUc: ReadSealRegister,
  ) {}

  @CommandHandler(documents.registerSeal)
  registerSeal(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerSeal, d, ctx, (i, c) => this.registerSealUc.execute(i, c));
  }

  @CommandHandler(documents.registerSealApprover)
  registerApprover(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerSealApprover, d, ctx, (i, c) => this.registerApproverUc.execute(i, c));
  }

  @CommandHandler(documents.requestSealUse)
  request(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.requestSealUse, d, ctx, (i, c) => this.requestUc.execute(i, c));
  }

  @CommandHandler(documents.approveSealUse)
  approve(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveSealUse, d, ctx, (i, c) => this.approveUc.execute(i, c));
  }

  @CommandHandler(documents.reviewSealUse)
  review(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.reviewSealUse, d, ctx, (i, c) => this.reviewUc.execute(i, c));
  }

  @CommandHandler(documents.confirmSealUse)
  confirm(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.confirmSealUse, d, ctx, (i, c) => this.confirmUc.execute(i, c));
  }

  @CommandHandler(documents.getSealRequest)
  get(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getSealRequest, d, ctx, (i, c) => this.getUc.execute(i, c));
  }

  @CommandHandler(documents.sealRegister)
  register(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.sealRegister, d, ctx, (i, c) => this.registerUc.execute(i, c));
  }
}
