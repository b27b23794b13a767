import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import { Classification, Urgency } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';
import { Holder } from './incoming.types.js';

const STATES = documents.OUTGOING_STATES.join(' ');
const NAMES = documents.ISSUING_NAMES.join(' ');
const POSTS = documents.LEADER_POSTS.join(' ');
const CHANNELS = documents.DISTRIBUTION_CHANNELS.join(' ');

@ObjectType({ description: 'An action that may come next on a draft, and the roles that may take it.' })
export class OutgoingNextAction {
  @Field() action!: string;
  @Field(() => [String]) roles!: string[];
}

@ObjectType({ description: 'One signature of the signing plan (签发) and whether it is in.' })
export class OutgoingSigningStep {
  @Field() id!: string;
  @Field() labelZh!: string;
  @Field() satisfied!: boolean;
}

@ObjectType({ description: 'A proxy signature: for whom, and the recorded consent.' })
export class OutgoingProxy {
  @Field() kind!: string;
  @Field() onBehalfOf!: string;
  @Field() consentRef!: string;
}

@ObjectType({ description: 'A sign-off as written on the draft: opinion, name and full date.' })
export class OutgoingSignOff {
  @Field(() => ID) signerId!: string;
  @Field() signerName!: string;
  @Field() signedName!: string;
  @Field() opinion!: string;
  @Field({ description: 'agree | disagree' }) decision!: string;
  @Field() signedAt!: string;
  @Field(() => [String], { description: POSTS }) posts!: string[];
  @Field(() => Int) round!: number;
  @Field({ description: 'sign | re-sign' }) kind!: string;
  @Field(() => OutgoingProxy, { nullable: true }) proxy!: OutgoingProxy | null;
  @Field() laterSignaturePending!: boolean;
}

@ObjectType({ description: 'A 会稿 opinion of a unit, or the legal office’s written opinion.' })
export class OutgoingOpinion {
  @Field({ description: 'joint | legal' }) kind!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field() opinion!: string;
  @Field(() => String, { nullable: true }) signedName!: string | null;
  @Field(() => String, { nullable: true }) signedAt!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => String, { nullable: true }) opinionNumber!: string | null;
  @Field() recordedAt!: string;
}

@ObjectType()
export class OutgoingJointReview {
  @Field() required!: boolean;
  @Field(() => [String]) units!: string[];
}

@ObjectType()
export class OutgoingLegalReview {
  @Field() required!: boolean;
  @Field(() => [String]) reasons!: string[];
  @Field({ description: 'not-required | pending | requested | passed | failed' }) status!: string;
}

@ObjectType()
export class OutgoingProofMark {
  @Field() text!: string;
  @Field() proofreaderName!: string;
  @Field() at!: string;
  @Field(() => [String], { description: 'e.g. proofreader-is-liaison-secretary (seed 002 L369, a warning only)' }) warnings!: string[];
}

@ObjectType()
export class OutgoingSeal {
  @Field({ description: 'none | printed-on | stamped' }) mode!: string;
  @Field(() => [String]) seals!: string[];
  @Field() at!: string;
  @Field(() => String, { nullable: true, description: 'the seal-register entry (用印登记) of a stamped seal' }) sealRegisterRef?: string | null;
}

@ObjectType()
export class OutgoingDistribution {
  @Field({ description: CHANNELS }) channel!: string;
  @Field(() => [String]) recipients!: string[];
  @Field() at!: string;
  @Field({ description: 'on-time | late (against the 24-hour norm)' }) status!: string;
}

@ObjectType('OutgoingDocument', { description: '发文: a draft to be issued, from 拟稿 to 归档.' })
export class OutgoingDocumentType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '发文登记〔YYYY〕N号' }) registerNumber!: string | null;
  @Field(() => String, { nullable: true, description: '文号 <代字>〔YYYY〕N号' }) documentNumber!: string | null;
  @Field() title!: string;
  @Field({ description: '拟稿单位' }) draftingUnit!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => Classification) classification!: Classification;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => String, { nullable: true, description: '文种' }) docType!: string | null;
  @Field(() => String, { nullable: true, description: `发文机关: ${NAMES}` }) issuingName!: string | null;
  @Field() major!: boolean;
  @Field() upward!: boolean;
  @Field(() => [String]) portfolios!: string[];
  @Field() generalDistribution!: boolean;
  @Field() toCityGovernment!: boolean;
  @Field(() => OutgoingJointReview) jointReview!: OutgoingJointReview;
  @Field(() => OutgoingLegalReview) legalReview!: OutgoingLegalReview;
  @Field({ description: STATES }) status!: string;
  @Field(() => Holder, { description: 'who holds the draft now' }) holder!: Holder;
  @Field(() => [OutgoingNextAction], { description: 'what may happen next, by whom' }) nextActions!: OutgoingNextAction[];
  @Field(() => [OutgoingSigningStep], { nullable: true, complexity: 3 }) signingPlan?: OutgoingSigningStep[];
  @Field(() => [OutgoingSignOff], { nullable: true, complexity: 3 }) signOffs?: OutgoingSignOff[];
  @Field(() => [OutgoingOpinion], { nullable: true, complexity: 3 }) opinions?: OutgoingOpinion[];
  @Field(() => OutgoingProofMark, { nullable: true }) proofMark!: OutgoingProofMark | null;
  @Field(() => [String], { description: '份号 per copy' }) copyNumbers!: string[];
  @Field(() => Int, { nullable: true }) copies!: number | null;
  @Field(() => OutgoingSeal, { nullable: true }) seal!: OutgoingSeal | null;
  @Field(() => OutgoingDistribution, { nullable: true }) distribution!: OutgoingDistribution | null;
  @Field(() => String, { nullable: true }) distributionDueAt!: string | null;
  @Field() submittedAt!: string;
  @Field(() => String, { nullable: true }) numberedAt!: string | null;
  @Field(() => String, { nullable: true }) archivedAt!: string | null;
  @Field(() => String, { nullable: true, description: '电子文档名称 文号-文种-标题(yyyy.mm.dd) once archived (seed 002 L399–401)' }) eDocumentName!: string | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class OutgoingDocumentPage {
  @Field(() => [OutgoingDocumentType]) items!: OutgoingDocumentType[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'One draft waiting for me (发文): why, what I may do with it, and the draft.' })
export class OutgoingInboxItem {
  @Field(() => [String], { description: 'in-hand (I hold it) | my-role-acts-next (the state table names a role of mine)' }) reasons!: string[];
  @Field(() => [String], { description: 'the table actions leaving the current state that a role of mine may take' }) myActions!: string[];
  @Field(() => OutgoingDocumentType) document!: OutgoingDocumentType;
}

@ObjectType()
export class OutgoingInboxPage {
  @Field(() => [OutgoingInboxItem]) items!: OutgoingInboxItem[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'A leader in the directory of signers.' })
export class OutgoingSignatory {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field(() => [String], { description: POSTS }) posts!: string[];
  @Field(() => [String]) portfolios!: string[];
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field() active!: boolean;
}

// ——— inputs ———

@InputType()
export class SubmitOutgoingDraftInput {
  @Field() title!: string;
  @Field() draftingUnit!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => Classification, { nullable: true }) classification?: Classification | null;
  @Field(() => Urgency, { nullable: true }) urgency?: Urgency | null;
  @Field(() => [String], { nullable: true, description: '知悉范围 of a classified draft (user ids or unit codes)' }) needToKnow?: string[] | null;
}

@InputType()
export class OutgoingReturnGroundInput {
  @Field({ description: 'one of the ten 初核 grounds (not-our-remit, within-own-authority, …, other)' }) ground!: string;
  @Field(() => String, { nullable: true, description: 'required for other (⑩)' }) text?: string | null;
}

@InputType()
export class NormativeElementsInput {
  @Field() affectsRightsOrDuties!: boolean;
  @Field() publishedAndRepeatedlyApplied!: boolean;
  @Field() generallyBinding!: boolean;
}

@InputType()
export class OutgoingJointReviewInput {
  @Field({ nullable: true }) policyOrNormative?: boolean;
  @Field(() => Int, { nullable: true }) competentDepartments?: number;
  @Field({ nullable: true }) modifiedDepartmentDraft?: boolean;
  @Field(() => [String], { nullable: true }) units?: string[];
}

@InputType({ description: '拟办: 文种, 行文规格 and what decides 会稿, 法制审核 and the signing plan.' })
export class ProposeOutgoingHandlingInput {
  @Field(() => ID) id!: string;
  @Field({ description: '文种 (one of the 15)' }) docType!: string;
  @Field({ description: NAMES }) issuingName!: string;
  @Field({ nullable: true }) major?: boolean;
  @Field({ nullable: true }) upward?: boolean;
  @Field(() => [String], { nullable: true }) portfolios?: string[];
  @Field({ nullable: true }) delegatedToOffice?: boolean;
  @Field({ nullable: true }) generalDistribution?: boolean;
  @Field({ nullable: true }) toCityGovernment?: boolean;
  @Field(() => String, { nullable: true, description: 'the line’s liaison secretary (联络秘书)' }) liaisonSecretaryId?: string | null;
  @Field({ nullable: true, description: '规范性文件 declared at 拟办' }) normative?: boolean;
  @Field(() => NormativeElementsInput, { nullable: true, description: 'or its three elements (seed 002 L284)' }) normativeElements?: NormativeElementsInput;
  @Field({ nullable: true }) effectiveSixMonthsOrLess?: boolean;
  @Field({ nullable: true }) involvesLegalMatters?: boolean;
  @Field(() => [String], { nullable: true, description: 'licensing penalty fee compulsory-measure' }) topics?: string[];
  @Field({ nullable: true }) majorAdministrativeDecision?: boolean;
  @Field(() => OutgoingJointReviewInput, { nullable: true }) jointReview?: OutgoingJointReviewInput;
  @Field(() => String, { nullable: true }) opinion?: string | null;
}

@InputType()
export class OutgoingJointOpinionInput {
  @Field(() => ID) id!: string;
  @Field() unit!: string;
  @Field() opinion!: string;
  @Field() signedName!: string;
  @Field({ description: 'full date: 2026-11-20, an ISO date-time, or 2026年11月20日' }) signedAt!: string;
}

@InputType()
export class OutgoingRulingInput {
  @Field() by!: string;
  @Field() text!: string;
}

@InputType()
export class CheckOutgoingInput {
  @Field(() => ID) id!: string;
  @Field() content!: boolean;
  @Field() format!: boolean;
  @Field() wording!: boolean;
  @Field(() => String, { nullable: true }) remarks?: string | null;
}

@InputType()
export class OutgoingProxyInput {
  @Field({ description: 'ab-post | authorised' }) kind!: string;
  @Field({ description: 'user id of the leader signed for' }) onBehalfOf!: string;
  @Field() consentRef!: string;
}

@InputType({ description: 'A sign-off: agree or disagree, the signer’s name and the full date.' })
export class SignOutgoingInput {
  @Field(() => ID) id!: string;
  @Field() opinion!: string;
  @Field() signedName!: string;
  @Field() signedAt!: string;
  @Field(() => OutgoingProxyInput, { nullable: true }) proxy?: OutgoingProxyInput | null;
  @Field({ nullable: true }) laterSignaturePending?: boolean;
}

@InputType()
export class SetOutgoingSignatoryInput {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field(() => [String], { description: POSTS }) posts!: string[];
  @Field(() => [String], { nullable: true }) portfolios?: string[];
  @Field(() => Int, { nullable: true }) rank?: number | null;
  @Field({ nullable: true }) active?: boolean;
}
