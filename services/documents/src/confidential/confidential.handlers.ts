import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import {
  ArchiveConfidentialDocument,
  CarryConfidentialDocument,
  CheckTopSecretDocument,
  CopyConfidentialDocument,
  ListTopSecretCheckAlerts,
  ApproveCipherDestruction,
  WitnessCipherDestruction,
  DestroyConfidentialDocument,
  GetConfidentialDocument,
  InstructConfidentialDocument,
  ListConfidentialDocuments,
  ListOverdueConfidentialReturns,
  RecoverConfidentialDocument,
  RegisterConfidentialDocument,
  ReportConfidentialProgress,
  ReturnConfidentialDocument,
  WriteConfidentialProposal,
} from './confidential.use-cases.js';
import {
  AcceptTelegram,
  DraftTelegram,
  GetTelegram,
  ListTelegramsOwingSignature,
  RecordTelegramPhoneApproval,
  SignTelegram,
} from './telegram.use-cases.js';

/** NATS handlers of confidential documents (机要文件, 来电): one validated command, one use case. */
@Controller()
export class ConfidentialHandlers {
  constructor(
    private readonly registerUc: RegisterConfidentialDocument,
    private readonly proposalUc: WriteConfidentialProposal,
    private readonly carryUc: CarryConfidentialDocument,
    private readonly instructUc: InstructConfidentialDocument,
    private readonly progressUc: ReportConfidentialProgress,
    private readonly recoverUc: RecoverConfidentialDocument,
    private readonly returnUc: ReturnConfidentialDocument,
    private readonly archiveUc: ArchiveConfidentialDocument,
    private readonly getUc: GetConfidentialDocument,
    private readonly listUc: ListConfidentialDocuments,
    private readonly overdueUc: ListOverdueConfidentialReturns,
    private readonly copyUc: CopyConfidentialDocument,
    private readonly checkUc: CheckTopSecretDocument,
    private readonly alertsUc: ListTopSecretCheckAlerts,
    private readonly approveDestructionUc: ApproveCipherDestruction,
    private readonly witnessUc: WitnessCipherDestruction,
    private readonly destroyUc: DestroyConfidentialDocument,
  ) {}

  @CommandHandler(documents.approveCipherDestruction)
  approveDestruction(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveCipherDestruction, d, ctx, (i, c) => this.approveDestructionUc.execute(i, c));
  }

  @CommandHandler(documents.witnessCipherDestruction)
  witness(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.witnessCipherDestruction, d, ctx, (i, c) => this.witnessUc.execute(i, c));
  }

  @CommandHandler(documents.destroyConfidential)
  destroy(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.destroyConfidential, d, ctx, (i, c) => this.destroyUc.execute(i, c));
  }

  @CommandHandler(documents.copyConfidential)
  copy(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.copyConfidential, d, ctx, (i, c) => this.copyUc.execute(i, c));
  }

  @CommandHandler(documents.checkTopSecret)
  check(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.checkTopSecret, d, ctx, (i, c) => this.checkUc.execute(i, c));
  }

  @CommandHandler(documents.topSecretCheckAlerts)
  alerts(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.topSecretCheckAlerts, d, ctx, (i, c) => this.alertsUc.execute(i, c));
  }

  @CommandHandler(documents.registerConfidential)
  register(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerConfidential, d, ctx, (i, c) => this.registerUc.execute(i, c));
  }

  @CommandHandler(documents.writeConfidentialProposal)
  proposal(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.writeConfidentialProposal, d, ctx, (i, c) => this.proposalUc.execute(i, c));
  }

  @CommandHandler(documents.carryConfidential)
  carry(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.carryConfidential, d, ctx, (i, c) => this.carryUc.execute(i, c));
  }

  @CommandHandler(documents.instructConfidential)
  instruct(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.instructConfidential, d, ctx, (i, c) => this.instructUc.execute(i, c));
  }

  @CommandHandler(documents.reportConfidentialProgress)
  progress(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.reportConfidentialProgress, d, ctx, (i, c) => this.progressUc.execute(i, c));
  }

  @CommandHandler(documents.recoverConfidential)
  recover(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.recoverConfidential, d, ctx, (i, c) => this.recoverUc.execute(i, c));
  }

  @CommandHandler(documents.returnConfidential)
  returnToSender(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.returnConfidential, d, ctx, (i, c) => this.returnUc.execute(i, c));
  }

  @CommandHandler(documents.archiveConfidential)
  archive(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.archiveConfidential, d, ctx, (i, c) => this.archiveUc.execute(i, c));
  }

  @CommandHandler(documents.getConfidential)
  get(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getConfidential, d, ctx, (i, c) => this.getUc.execute(i, c));
  }

  @CommandHandler(documents.listConfidential)
  list(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.listConfidential, d, ctx, (i, c) => this.listUc.execute(i, c));
  }

  @CommandHandler(documents.overdueConfidentialReturns)
  overdue(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.overdueConfidentialReturns, d, ctx, (i, c) => this.overdueUc.execute(i, c));
  }
}

/** NATS handlers of outgoing telegrams (发电). */
@Controller()
export class TelegramHandlers {
  constructor(
    private readonly draftUc: DraftTelegram,
    private readonly signUc: SignTelegram,
    private readonly phoneUc: RecordTelegramPhoneApproval,
    private readonly acceptUc: AcceptTelegram,
    private readonly getUc: GetTelegram,
    private readonly owingUc: ListTelegramsOwingSignature,
  ) {}

  @CommandHandler(documents.draftTelegram)
  draft(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.draftTelegram, d, ctx, (i, c) => this.draftUc.execute(i, c));
  }

  @CommandHandler(documents.signTelegram)
  sign(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.signTelegram, d, ctx, (i, c) => this.signUc.execute(i, c));
  }

  @CommandHandler(documents.recordTelegramPhoneApproval)
  phone(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.recordTelegramPhoneApproval, d, ctx, (i, c) => this.phoneUc.execute(i, c));
  }

  @CommandHandler(documents.acceptTelegram)
  accept(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.acceptTelegram, d, ctx, (i, c) => this.acceptUc.execute(i, c));
  }

  @CommandHandler(documents.getTelegram)
  get(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getTelegram, d, ctx, (i, c) => this.getUc.execute(i, c));
  }

  @CommandHandler(documents.telegramsOwingSignature)
  owing(@Payload() d: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.telegramsOwingSignature, d, ctx, (i, c) => this.owingUc.execute(i, c));
  }
}
