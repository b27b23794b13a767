import { Module } from '@nestjs/common';
import { SubmitOutgoingDraft, ProposeOutgoingReturn, EndorseOutgoingReturn, ApproveOutgoingReturn, RejectOutgoingReturn, RegisterOutgoing } from './draft.use-cases.js';
import { ProposeOutgoingHandling, RequestOutgoingJointReview, RecordOutgoingJointOpinion, CloseOutgoingJointReview, RequestOutgoingLegalReview, SubmitOutgoingForCheck, CheckOutgoing, ResubmitOutgoing, ReviewOutgoingAsDeputy } from './handling.use-cases.js';
import { SignOutgoing, CloseOutgoingSigning, RecheckOutgoing, ChangeOutgoingAfterSigning, ReSignOutgoing, SetSignatory } from './signing.use-cases.js';
import { NumberOutgoing, WithdrawOutgoing, ProofreadOutgoing, SecondProofreadOutgoing, PrintOutgoing, SealOutgoing, DistributeOutgoing, ArchiveOutgoing } from './issuing.use-cases.js';
import { GetOutgoingDocument, ListOutgoingDocuments, OutgoingInbox } from './read-outgoing.use-case.js';
import { OutgoingHandlers } from './outgoing.handlers.js';
import { OutgoingSteps, outgoingSettingsProvider } from './outgoing.steps.js';
import { RecordOutgoingLegalOpinion } from './legal-review-concluded.consumer.js';

/** 发文: outgoing documents from 拟稿 to 归档, and the consumer of legal review's conclusions. */
@Module({
  controllers: [OutgoingHandlers],
  providers: [
    outgoingSettingsProvider,
    OutgoingSteps,
    RecordOutgoingLegalOpinion,
    SubmitOutgoingDraft,
    ProposeOutgoingReturn,
    EndorseOutgoingReturn,
    ApproveOutgoingReturn,
    RejectOutgoingReturn,
    RegisterOutgoing,
    ProposeOutgoingHandling,
    RequestOutgoingJointReview,
    RecordOutgoingJointOpinion,
    CloseOutgoingJointReview,
    RequestOutgoingLegalReview,
    SubmitOutgoingForCheck,
    CheckOutgoing,
    ResubmitOutgoing,
    ReviewOutgoingAsDeputy,
    SignOutgoing,
    CloseOutgoingSigning,
    RecheckOutgoing,
    ChangeOutgoingAfterSigning,
    ReSignOutgoing,
    SetSignatory,
    NumberOutgoing,
    WithdrawOutgoing,
    ProofreadOutgoing,
    SecondProofreadOutgoing,
    PrintOutgoing,
    SealOutgoing,
    DistributeOutgoing,
    ArchiveOutgoing,
    GetOutgoingDocument,
    ListOutgoingDocuments,
    OutgoingInbox,
  ],
})
export class OutgoingModule {}
