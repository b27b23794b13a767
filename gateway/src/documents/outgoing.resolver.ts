import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  CheckOutgoingInput,
  OutgoingDocumentPage,
  OutgoingDocumentType,
  OutgoingInboxPage,
  OutgoingJointOpinionInput,
  OutgoingReturnGroundInput,
  OutgoingRulingInput,
  OutgoingSignatory,
  ProposeOutgoingHandlingInput,
  SetOutgoingSignatoryInput,
  SignOutgoingInput,
  SubmitOutgoingDraftInput,
} from './outgoing.types.js';

/** Roles that read the outgoing register; the service filters classified drafts and a liaison's view again. */
const OUTGOING_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'legal-officer',
  'secrecy-officer', 'archivist', 'supervisor', 'auditor', 'admin', 'unit-liaison',
] as const;

/**
 * 发文 on the GraphQL surface: the register by period with filters and Chinese title search, one draft with its
 * full history and current holder, and one mutation per step, each open to the roles of its row in the outgoing
 * state table (services/documents/src/outgoing/outgoing.rules.ts); the service checks state, record and rule.
 */
@Resolver(() => OutgoingDocumentType)
export class OutgoingDocumentsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Query(() => OutgoingDocumentType, { description: 'An outgoing draft or document with its full history, sign-offs, opinions and current holder.' })
  @Roles(...OUTGOING_READERS)
  outgoingDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getOutgoing, { id }, caller);
  }

  @Query(() => OutgoingDocumentPage, { description: 'The outgoing register by period (submitted in [from, to)), with filters and Chinese title search.' })
  @Roles(...OUTGOING_READERS)
  outgoingDocuments(
    @CurrentCaller() caller: Caller,
    @Args('from', { type: () => String, nullable: true }) from?: string | null,
    @Args('to', { type: () => String, nullable: true }) to?: string | null,
    @Args('status', { type: () => String, nullable: true }) status?: string | null,
    @Args('docType', { type: () => String, nullable: true }) docType?: string | null,
    @Args('issuingName', { type: () => String, nullable: true }) issuingName?: string | null,
    @Args('draftingUnit', { type: () => String, nullable: true }) draftingUnit?: string | null,
    @Args('titleContains', { type: () => String, nullable: true }) titleContains?: string | null,
    @Args('distributionOverdue', { type: () => Boolean, nullable: true, description: 'only documents late against the 24-hour distribution norm' })
    distributionOverdue?: boolean | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(
      documents.listOutgoing,
      withoutNulls({ from, to, status, docType, issuingName, draftingUnit, titleContains, distributionOverdue, limit, offset }) as never,
      caller,
    );
  }

  @Query(() => OutgoingInboxPage, { description: 'What waits for me (发文): drafts I hold and drafts where a role of mine acts next, oldest first.' })
  @Roles(...OUTGOING_READERS)
  outgoingInbox(
    @CurrentCaller() caller: Caller,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(documents.outgoingInbox, withoutNulls({ limit, offset }) as never, caller);
  }

  @Mutation(() => OutgoingSignatory, { description: 'The leader directory of signers (posts, portfolios, rank).' })
  @Roles('director', 'admin')
  setOutgoingSignatory(@Args('input') input: SetOutgoingSignatoryInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.setSignatory, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '拟稿: submit a draft to be issued.' })
  @Roles('unit-liaison', 'clerk', 'section-chief', 'confidential-clerk')
  submitOutgoingDraft(@Args('input') input: SubmitOutgoingDraftInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.submitOutgoingDraft, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '初核: propose returning the draft on typed grounds.' })
  @Roles('clerk')
  proposeOutgoingReturn(@Args('id', { type: () => ID }) id: string, @Args('grounds', { type: () => [OutgoingReturnGroundInput] }) grounds: OutgoingReturnGroundInput[], @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proposeOutgoingReturn, { id, grounds: grounds.map((g) => withoutNulls({ ...g })) } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '退文: the section chief endorses the return.' })
  @Roles('section-chief')
  endorseOutgoingReturn(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.endorseOutgoingReturn, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '退文: the deputy director approves the return.' })
  @Roles('deputy-director')
  approveOutgoingReturn(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveOutgoingReturn, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '退文 refused: back to 初核.' })
  @Roles('section-chief', 'deputy-director')
  rejectOutgoingReturn(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.rejectOutgoingReturn, { id, reason } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '登记: register the accepted draft.' })
  @Roles('clerk')
  registerOutgoing(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerOutgoing, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '拟办: 文种, 行文规格, 会稿 and 法制审核.' })
  @Roles('clerk')
  proposeOutgoingHandling(@Args('input') input: ProposeOutgoingHandlingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proposeOutgoingHandling, withoutNulls({ ...input, normative: input.normativeElements ? { ...input.normativeElements } : input.normative, normativeElements: undefined, jointReview: input.jointReview ? withoutNulls({ ...input.jointReview }) : undefined }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '会稿: send to the units concerned.' })
  @Roles('clerk')
  requestOutgoingJointReview(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.requestOutgoingJointReview, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '会稿: one unit’s opinion.' })
  @Roles('clerk', 'unit-liaison')
  recordOutgoingJointOpinion(@Args('input') input: OutgoingJointOpinionInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.recordOutgoingJointOpinion, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '会稿 closed (a disagreement needs a ruling).' })
  @Roles('clerk')
  closeOutgoingJointReview(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller, @Args('ruling', { type: () => OutgoingRulingInput, nullable: true }) ruling?: OutgoingRulingInput | null) {
    return this.rpc.request(documents.closeOutgoingJointReview, withoutNulls({ id, ruling: ruling ? { ...ruling } : null }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '法制审核: send to legal review; the draft waits for a passing opinion.' })
  @Roles('deputy-director')
  requestOutgoingLegalReview(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.requestOutgoingLegalReview, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '送核稿 to the section chief.' })
  @Roles('clerk')
  submitOutgoingForCheck(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.submitOutgoingForCheck, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '核稿: content, format, wording.' })
  @Roles('section-chief')
  checkOutgoing(@Args('input') input: CheckOutgoingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.checkOutgoing, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: 'The revised draft back to the section chief.' })
  @Roles('clerk')
  resubmitOutgoing(@Args('id', { type: () => ID }) id: string, @Args('changes') changes: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.resubmitOutgoing, { id, changes } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '办公室分管领导审核: send for signature or return.' })
  @Roles('deputy-director')
  reviewOutgoingAsDeputy(@Args('id', { type: () => ID }) id: string, @Args('decision', { description: 'submit-for-signature | return-for-revision' }) decision: string, @Args('opinion') opinion: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.reviewOutgoingAsDeputy, { id, decision, opinion } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '签发: sign with agree/disagree, name and full date.' })
  @Roles('district-leader', 'director', 'deputy-director')
  signOutgoing(@Args('input') input: SignOutgoingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.signOutgoing, withoutNulls({ ...input, proxy: input.proxy ? { ...input.proxy } : null }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '送签完: to 复核.' })
  @Roles('clerk')
  closeOutgoingSigning(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.closeOutgoingSigning, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '复核: missing or skip-level signatures block numbering.' })
  @Roles('section-chief')
  recheckOutgoing(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.recheckOutgoing, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: 'A change after signing (substantive: back to the original signer).' })
  @Roles('section-chief', 'clerk')
  changeOutgoingAfterSigning(@Args('id', { type: () => ID }) id: string, @Args('kind', { description: 'substantive | editorial' }) kind: string, @Args('description') description: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.changeOutgoingAfterSigning, { id, kind, description } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '原签批人复审 after a substantive change.' })
  @Roles('district-leader', 'director', 'deputy-director')
  reSignOutgoing(@Args('input') input: SignOutgoingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.reSignOutgoing, withoutNulls({ ...input, proxy: input.proxy ? { ...input.proxy } : null }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '编号: 文号 <代字>〔YYYY〕N号.' })
  @Roles('clerk')
  numberOutgoing(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.numberOutgoing, { id } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: 'Withdraw: the 文号 is voided with the reason.' })
  @Roles('deputy-director', 'director')
  withdrawOutgoing(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.withdrawOutgoing, { id, reason } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '校对: "已校核。此稿付印存档。"' })
  @Roles('clerk', 'section-chief')
  proofreadOutgoing(@Args('id', { type: () => ID }) id: string, @Args('text') text: string, @Args('proofreaderName') proofreaderName: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proofreadOutgoing, { id, text, proofreaderName } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '二校 for documents to the city government.' })
  @Roles('section-chief', 'director', 'deputy-director')
  secondProofreadOutgoing(@Args('id', { type: () => ID }) id: string, @Args('byName') byName: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.secondProofreadOutgoing, { id, byName } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '印制 with 份号 per copy.' })
  @Roles('clerk', 'confidential-clerk')
  printOutgoing(@Args('id', { type: () => ID }) id: string, @Args('copies', { type: () => Int }) copies: number, @CurrentCaller() caller: Caller, @Args('siteMeetsSecrecyRules', { type: () => Boolean, nullable: true }) siteMeetsSecrecyRules?: boolean | null) {
    return this.rpc.request(documents.printOutgoing, withoutNulls({ id, copies, siteMeetsSecrecyRules }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '用印: printed on or stamped.' })
  @Roles('clerk')
  sealOutgoing(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller, @Args('sealRegisterRef', { type: () => String, nullable: true, description: 'the seal-register entry of a stamped seal' }) sealRegisterRef?: string | null) {
    return this.rpc.request(documents.sealOutgoing, withoutNulls({ id, sealRegisterRef }) as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '分发 (classified: the secrecy section only).' })
  @Roles('clerk', 'confidential-clerk', 'secrecy-officer')
  distributeOutgoing(@Args('id', { type: () => ID }) id: string, @Args('channel', { description: documents.DISTRIBUTION_CHANNELS.join(' ') }) channel: string, @Args('recipients', { type: () => [String] }) recipients: string[], @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.distributeOutgoing, { id, channel, recipients } as never, caller);
  }

  @Mutation(() => OutgoingDocumentType, { description: '归档.' })
  @Roles('clerk', 'archivist')
  archiveOutgoing(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('eDocumentName', { nullable: true, description: 'the e-document file name, checked against 文号-文种-标题(yyyy.mm.dd)' }) eDocumentName?: string,
  ) {
    return this.rpc.request(documents.archiveOutgoing, withoutNulls({ id, eDocumentName }) as never, caller);
  }
}
