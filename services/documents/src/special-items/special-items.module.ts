import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { DEFAULT_INCOMING_REVIEW_SETTINGS } from '../incoming-review/incoming-review.settings.js';
import { INCOMING_REVIEW_SETTINGS } from '../incoming-workflow/incoming-steps.js';
import { SpecialItems } from './special-items.use-cases.js';

/** NATS handlers of special items (特殊件). */
@Controller()
export class SpecialItemHandlers {
  constructor(private readonly items: SpecialItems) {}

  @CommandHandler(documents.receiveSpecialItem)
  handleReceive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.receiveSpecialItem, data, ctx, (input, c) => this.items.receive(input, c));
  }

  @CommandHandler(documents.returnSpecialItem)
  handleReturnItem(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.returnSpecialItem, data, ctx, (input, c) => this.items.returnItem(input, c));
  }

  @CommandHandler(documents.registerSpecialItem)
  handleRegister(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerSpecialItem, data, ctx, (input, c) => this.items.register(input, c));
  }

  @CommandHandler(documents.proposeSpecialItemHandling)
  handleProposeHandling(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proposeSpecialItemHandling, data, ctx, (input, c) => this.items.proposeHandling(input, c));
  }

  @CommandHandler(documents.approveSpecialItemProposal)
  handleApproveProposal(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveSpecialItemProposal, data, ctx, (input, c) => this.items.approveProposal(input, c));
  }

  @CommandHandler(documents.sendBackSpecialItem)
  handleSendBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.sendBackSpecialItem, data, ctx, (input, c) => this.items.sendBack(input, c));
  }

  @CommandHandler(documents.keepSpecialItemInstructionCopy)
  handleKeepInstructionCopy(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.keepSpecialItemInstructionCopy, data, ctx, (input, c) => this.items.keepInstructionCopy(input, c));
  }

  @CommandHandler(documents.transferSpecialItem)
  handleTransfer(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.transferSpecialItem, data, ctx, (input, c) => this.items.transfer(input, c));
  }

  @CommandHandler(documents.completeSpecialItem)
  handleComplete(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.completeSpecialItem, data, ctx, (input, c) => this.items.complete(input, c));
  }

  @CommandHandler(documents.archiveSpecialItem)
  handleArchive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.archiveSpecialItem, data, ctx, (input, c) => this.items.archive(input, c));
  }

  @CommandHandler(documents.getSpecialItem)
  handleGet(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getSpecialItem, data, ctx, (input, c) => this.items.get(input, c));
  }

  @CommandHandler(documents.copySpecialItemInstruction)
  handleCopyInstruction(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.copySpecialItemInstruction, data, ctx, (input, c) => this.items.copyInstruction(input, c));
  }
}

/** 特殊件: special items sent to a leader personally (seed 000 L246–256). */
@Module({
  controllers: [SpecialItemHandlers],
  providers: [SpecialItems, { provide: INCOMING_REVIEW_SETTINGS, useValue: DEFAULT_INCOMING_REVIEW_SETTINGS }],
})
export class SpecialItemsModule {}
