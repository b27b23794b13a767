import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { IncomingWorkflow } from './incoming-workflow.use-cases.js';
import { GetIncomingInbox } from './inbox.use-case.js';

/** NATS handlers of the incoming workflow steps: each validates its command and calls one step. */
@Controller()
export class IncomingWorkflowHandlers {
  constructor(
    private readonly workflow: IncomingWorkflow,
    private readonly inbox: GetIncomingInbox,
  ) {}

  @CommandHandler(documents.incomingInbox)
  getInbox(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.incomingInbox, data, ctx, (input, c) => this.inbox.execute(input, c));
  }

  @CommandHandler(documents.receiveIncoming)
  receive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.receiveIncoming, data, ctx, (input, c) => this.workflow.receive(input, c));
  }

  @CommandHandler(documents.handOverIncoming)
  handOver(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.handOverIncoming, data, ctx, (input, c) => this.workflow.handOver(input, c));
  }

  @CommandHandler(documents.proposeIncomingReturn)
  proposeReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proposeIncomingReturn, data, ctx, (input, c) => this.workflow.proposeReturn(input, c));
  }

  @CommandHandler(documents.endorseIncomingReturn)
  endorseReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.endorseIncomingReturn, data, ctx, (input, c) => this.workflow.endorseReturn(input, c));
  }

  @CommandHandler(documents.approveIncomingReturn)
  approveReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveIncomingReturn, data, ctx, (input, c) => this.workflow.approveReturn(input, c));
  }

  @CommandHandler(documents.rejectIncomingReturn)
  rejectReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.rejectIncomingReturn, data, ctx, (input, c) => this.workflow.rejectReturn(input, c));
  }

  @CommandHandler(documents.acceptIncoming)
  accept(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.acceptIncoming, data, ctx, (input, c) => this.workflow.accept(input, c));
  }

  @CommandHandler(documents.proposeIncomingHandling)
  proposeHandling(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proposeIncomingHandling, data, ctx, (input, c) => this.workflow.proposeHandling(input, c));
  }

  @CommandHandler(documents.routeIncomingForOpinion)
  routeForOpinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.routeIncomingForOpinion, data, ctx, (input, c) => this.workflow.routeForOpinion(input, c));
  }

  @CommandHandler(documents.recordIncomingSectionOpinion)
  recordSectionOpinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.recordIncomingSectionOpinion, data, ctx, (input, c) => this.workflow.recordSectionOpinion(input, c));
  }

  @CommandHandler(documents.submitIncomingForReview)
  submitForReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.submitIncomingForReview, data, ctx, (input, c) => this.workflow.submitForReview(input, c));
  }

  @CommandHandler(documents.approveIncomingProposal)
  approveProposal(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveIncomingProposal, data, ctx, (input, c) => this.workflow.approveProposal(input, c));
  }

  @CommandHandler(documents.sendBackIncoming)
  sendBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.sendBackIncoming, data, ctx, (input, c) => this.workflow.sendBack(input, c));
  }

  @CommandHandler(documents.referIncomingToDirector)
  referToDirector(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.referIncomingToDirector, data, ctx, (input, c) => this.workflow.referToDirector(input, c));
  }

  @CommandHandler(documents.submitIncomingToLeaders)
  submitToLeaders(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.submitIncomingToLeaders, data, ctx, (input, c) => this.workflow.submitToLeaders(input, c));
  }

  @CommandHandler(documents.transferIncoming)
  transfer(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.transferIncoming, data, ctx, (input, c) => this.workflow.transfer(input, c));
  }

  @CommandHandler(documents.signIncomingInstruction)
  signInstruction(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.signIncomingInstruction, data, ctx, (input, c) => this.workflow.signInstruction(input, c));
  }

  @CommandHandler(documents.closeIncomingInstructions)
  closeInstructions(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.closeIncomingInstructions, data, ctx, (input, c) => this.workflow.closeInstructions(input, c));
  }

  @CommandHandler(documents.resolveIncomingInstructions)
  resolveInstructions(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.resolveIncomingInstructions, data, ctx, (input, c) => this.workflow.resolveInstructions(input, c));
  }

  @CommandHandler(documents.assignIncoming)
  assign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.assignIncoming, data, ctx, (input, c) => this.workflow.assign(input, c));
  }

  @CommandHandler(documents.circulateIncoming)
  circulate(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.circulateIncoming, data, ctx, (input, c) => this.workflow.circulate(input, c));
  }

  @CommandHandler(documents.passOnIncoming)
  passOn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.passOnIncoming, data, ctx, (input, c) => this.workflow.passOn(input, c));
  }

  @CommandHandler(documents.finishIncomingCirculation)
  finishCirculation(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.finishIncomingCirculation, data, ctx, (input, c) => this.workflow.finishCirculation(input, c));
  }

  @CommandHandler(documents.chaseIncoming)
  chase(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.chaseIncoming, data, ctx, (input, c) => this.workflow.chase(input, c));
  }

  @CommandHandler(documents.completeIncoming)
  complete(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.completeIncoming, data, ctx, (input, c) => this.workflow.complete(input, c));
  }

  @CommandHandler(documents.replyIncoming)
  reply(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.replyIncoming, data, ctx, (input, c) => this.workflow.reply(input, c));
  }

  @CommandHandler(documents.archiveIncoming)
  archive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.archiveIncoming, data, ctx, (input, c) => this.workflow.archive(input, c));
  }
}
