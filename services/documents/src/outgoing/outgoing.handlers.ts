import { Controller } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { SubmitOutgoingDraft, ProposeOutgoingReturn, EndorseOutgoingReturn, ApproveOutgoingReturn, RejectOutgoingReturn, RegisterOutgoing } from './draft.use-cases.js';
import { ProposeOutgoingHandling, RequestOutgoingJointReview, RecordOutgoingJointOpinion, CloseOutgoingJointReview, RequestOutgoingLegalReview, SubmitOutgoingForCheck, CheckOutgoing, ResubmitOutgoing, ReviewOutgoingAsDeputy } from './handling.use-cases.js';
import { SignOutgoing, CloseOutgoingSigning, RecheckOutgoing, ChangeOutgoingAfterSigning, ReSignOutgoing, SetSignatory } from './signing.use-cases.js';
import { NumberOutgoing, WithdrawOutgoing, ProofreadOutgoing, SecondProofreadOutgoing, PrintOutgoing, SealOutgoing, DistributeOutgoing, ArchiveOutgoing } from './issuing.use-cases.js';
import { GetOutgoingDocument, ListOutgoingDocuments, OutgoingInbox } from './read-outgoing.use-case.js';

/** NATS handlers of outgoing documents (发文): each turns a message into a validated command and calls one use case. */
@Controller()
export class OutgoingHandlers {
  constructor(private readonly refs: ModuleRef) {}

  @CommandHandler(documents.submitOutgoingDraft)
  submit(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.submitOutgoingDraft, data, ctx, (input, c) => this.refs.get(SubmitOutgoingDraft).execute(input, c));
  }

  @CommandHandler(documents.proposeOutgoingReturn)
  proposeReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proposeOutgoingReturn, data, ctx, (input, c) => this.refs.get(ProposeOutgoingReturn).execute(input, c));
  }

  @CommandHandler(documents.endorseOutgoingReturn)
  endorseReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.endorseOutgoingReturn, data, ctx, (input, c) => this.refs.get(EndorseOutgoingReturn).execute(input, c));
  }

  @CommandHandler(documents.approveOutgoingReturn)
  approveReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.approveOutgoingReturn, data, ctx, (input, c) => this.refs.get(ApproveOutgoingReturn).execute(input, c));
  }

  @CommandHandler(documents.rejectOutgoingReturn)
  rejectReturn(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.rejectOutgoingReturn, data, ctx, (input, c) => this.refs.get(RejectOutgoingReturn).execute(input, c));
  }

  @CommandHandler(documents.registerOutgoing)
  register(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerOutgoing, data, ctx, (input, c) => this.refs.get(RegisterOutgoing).execute(input, c));
  }

  @CommandHandler(documents.proposeOutgoingHandling)
  proposeHandling(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proposeOutgoingHandling, data, ctx, (input, c) => this.refs.get(ProposeOutgoingHandling).execute(input, c));
  }

  @CommandHandler(documents.requestOutgoingJointReview)
  requestJointReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.requestOutgoingJointReview, data, ctx, (input, c) => this.refs.get(RequestOutgoingJointReview).execute(input, c));
  }

  @CommandHandler(documents.recordOutgoingJointOpinion)
  recordJointOpinion(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.recordOutgoingJointOpinion, data, ctx, (input, c) => this.refs.get(RecordOutgoingJointOpinion).execute(input, c));
  }

  @CommandHandler(documents.closeOutgoingJointReview)
  closeJointReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.closeOutgoingJointReview, data, ctx, (input, c) => this.refs.get(CloseOutgoingJointReview).execute(input, c));
  }

  @CommandHandler(documents.requestOutgoingLegalReview)
  requestLegalReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.requestOutgoingLegalReview, data, ctx, (input, c) => this.refs.get(RequestOutgoingLegalReview).execute(input, c));
  }

  @CommandHandler(documents.submitOutgoingForCheck)
  submitForCheck(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.submitOutgoingForCheck, data, ctx, (input, c) => this.refs.get(SubmitOutgoingForCheck).execute(input, c));
  }

  @CommandHandler(documents.checkOutgoing)
  check(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.checkOutgoing, data, ctx, (input, c) => this.refs.get(CheckOutgoing).execute(input, c));
  }

  @CommandHandler(documents.resubmitOutgoing)
  resubmit(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.resubmitOutgoing, data, ctx, (input, c) => this.refs.get(ResubmitOutgoing).execute(input, c));
  }

  @CommandHandler(documents.reviewOutgoingAsDeputy)
  deputyReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.reviewOutgoingAsDeputy, data, ctx, (input, c) => this.refs.get(ReviewOutgoingAsDeputy).execute(input, c));
  }

  @CommandHandler(documents.signOutgoing)
  sign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.signOutgoing, data, ctx, (input, c) => this.refs.get(SignOutgoing).execute(input, c));
  }

  @CommandHandler(documents.closeOutgoingSigning)
  closeSigning(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.closeOutgoingSigning, data, ctx, (input, c) => this.refs.get(CloseOutgoingSigning).execute(input, c));
  }

  @CommandHandler(documents.recheckOutgoing)
  recheck(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.recheckOutgoing, data, ctx, (input, c) => this.refs.get(RecheckOutgoing).execute(input, c));
  }

  @CommandHandler(documents.changeOutgoingAfterSigning)
  changeAfterSigning(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.changeOutgoingAfterSigning, data, ctx, (input, c) => this.refs.get(ChangeOutgoingAfterSigning).execute(input, c));
  }

  @CommandHandler(documents.reSignOutgoing)
  reSign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.reSignOutgoing, data, ctx, (input, c) => this.refs.get(ReSignOutgoing).execute(input, c));
  }

  @CommandHandler(documents.setSignatory)
  setSignatory(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.setSignatory, data, ctx, (input, c) => this.refs.get(SetSignatory).execute(input, c));
  }

  @CommandHandler(documents.numberOutgoing)
  assignNumber(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.numberOutgoing, data, ctx, (input, c) => this.refs.get(NumberOutgoing).execute(input, c));
  }

  @CommandHandler(documents.withdrawOutgoing)
  withdraw(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.withdrawOutgoing, data, ctx, (input, c) => this.refs.get(WithdrawOutgoing).execute(input, c));
  }

  @CommandHandler(documents.proofreadOutgoing)
  proofread(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.proofreadOutgoing, data, ctx, (input, c) => this.refs.get(ProofreadOutgoing).execute(input, c));
  }

  @CommandHandler(documents.secondProofreadOutgoing)
  secondProofread(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.secondProofreadOutgoing, data, ctx, (input, c) => this.refs.get(SecondProofreadOutgoing).execute(input, c));
  }

  @CommandHandler(documents.printOutgoing)
  print(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.printOutgoing, data, ctx, (input, c) => this.refs.get(PrintOutgoing).execute(input, c));
  }

  @CommandHandler(documents.sealOutgoing)
  applySeal(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.sealOutgoing, data, ctx, (input, c) => this.refs.get(SealOutgoing).execute(input, c));
  }

  @CommandHandler(documents.distributeOutgoing)
  distribute(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.distributeOutgoing, data, ctx, (input, c) => this.refs.get(DistributeOutgoing).execute(input, c));
  }

  @CommandHandler(documents.archiveOutgoing)
  archive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.archiveOutgoing, data, ctx, (input, c) => this.refs.get(ArchiveOutgoing).execute(input, c));
  }

  @CommandHandler(documents.getOutgoing)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getOutgoing, data, ctx, (input, c) => this.refs.get(GetOutgoingDocument).execute(input, c));
  }

  @CommandHandler(documents.listOutgoing)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.listOutgoing, data, ctx, (input, c) => this.refs.get(ListOutgoingDocuments).execute(input, c));
  }

  @CommandHandler(documents.outgoingInbox)
  inbox(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.outgoingInbox, data, ctx, (input, c) => this.refs.get(OutgoingInbox).execute(input, c));
  }
}
