import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IncomingDocumentType } from './incoming.types.js';

@InputType({ description: 'A person named on a hand-over or a plan.' })
export class PersonInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@InputType({ description: 'A step on an incoming item; handTo moves the paper (the receiver signs for it).' })
export class IncomingStepInput {
  @Field(() => ID) id!: string;
  @Field(() => PersonInput, { nullable: true }) handTo?: PersonInput | null;
}

@InputType()
export class IncomingCommentStepInput extends IncomingStepInput {
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
export class IncomingReasonStepInput extends IncomingStepInput {
  @Field() reason!: string;
}

@InputType({ description: 'A step with a text: 催办 note, 办结 result or 办复 reply.' })
export class IncomingTextStepInput extends IncomingStepInput {
  @Field() text!: string;
}

@InputType()
export class HandOverIncomingInput {
  @Field(() => ID) id!: string;
  @Field(() => PersonInput) handTo!: PersonInput;
}

@InputType({ description: 'One of the ten 初审 return grounds: not-our-remit, unlawful, wrong-format-or-type, incomplete, not-coordinated, skipped-level-or-several-matters, improper-presentation, missing-organ-date-seal, wrong-channel, other (with text).' })
export class ReturnGroundInput {
  @Field() ground!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
}

@InputType()
export class ProposeIncomingReturnInput extends IncomingStepInput {
  @Field(() => [ReturnGroundInput]) grounds!: ReturnGroundInput[];
  @Field(() => String, { nullable: true }) opinion?: string | null;
}

@InputType()
export class ProposeIncomingHandlingInput extends IncomingStepInput {
  @Field({ description: '拟办意见' }) opinion!: string;
  @Field(() => Boolean, { nullable: true }) involvesLegalMatters?: boolean | null;
  @Field(() => Boolean, { nullable: true }) involvesForeignAffairs?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'goes to the district head: the director signs off' }) needsPrincipalLeader?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '非上三级来文: needs 3 copies and the 送批件' }) fromNonSuperiorSource?: boolean | null;
  @Field(() => Boolean, { nullable: true }) coverSheetAttached?: boolean | null;
}

@InputType()
export class RecordIncomingSectionOpinionInput extends IncomingStepInput {
  @Field({ description: 'legal | foreign-affairs' }) section!: string;
  @Field() text!: string;
}

@InputType()
export class LeaderInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int, { description: '1 = most senior' }) rank!: number;
}

@InputType()
export class SubmitIncomingToLeadersInput extends IncomingStepInput {
  @Field(() => [LeaderInput]) leaders!: LeaderInput[];
  @Field(() => PersonInput, { nullable: true, description: '急件跟踪人 (required for urgent items)' }) tracker?: PersonInput | null;
}

@InputType({ description: '承办 / 转办: lead unit, co-units, deadline (Beijing date), chaser.' })
export class AssignIncomingInput extends IncomingStepInput {
  @Field() leadUnit!: string;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field(() => String, { nullable: true }) deadline?: string | null;
  @Field(() => Boolean, { nullable: true }) important?: boolean | null;
  @Field(() => PersonInput, { nullable: true }) chaser?: PersonInput | null;
  @Field(() => Boolean, { nullable: true, description: '承办 only: to 财政局 for funds, the original instruction goes with it' }) toFinanceForFunds?: boolean | null;
}

@InputType({ description: 'A matter the instruction sends to another section: supervision | meetings | petitions | drafting.' })
export class InstructionRouteInput {
  @Field() to!: string;
  @Field(() => String, { nullable: true }) matter?: string | null;
  @Field(() => String, { nullable: true }) leadUnit?: string | null;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field(() => String, { nullable: true }) dueOn?: string | null;
  @Field(() => Boolean, { nullable: true }) urgent?: boolean | null;
}

@InputType()
export class SignIncomingInstructionInput extends IncomingStepInput {
  @Field({ description: 'verbatim' }) text!: string;
  @Field(() => String, { nullable: true, description: 'agree | disagree | other' }) stance?: string | null;
  @Field(() => [String], { nullable: true }) sendsTo?: string[] | null;
  @Field(() => [InstructionRouteInput], { nullable: true }) routes?: InstructionRouteInput[] | null;
}

@InputType()
export class ReaderInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'office-director | office-leader | unit' }) kind!: string;
}

@InputType()
export class CirculateIncomingInput extends IncomingStepInput {
  @Field(() => [ReaderInput]) readers!: ReaderInput[];
}

@ObjectType('IncomingInboxEntry', { description: 'Something waiting for me: to-sign-for, in-hand or to-chase.' })
export class IncomingInboxEntry {
  @Field() reason!: string;
  @Field(() => IncomingDocumentType) document!: IncomingDocumentType;
}

@ObjectType('IncomingInbox')
export class IncomingInbox {
  @Field(() => [IncomingInboxEntry], { complexity: 5 }) items!: IncomingInboxEntry[];
}

@InputType()
export class ResolveIncomingInstructionsInput extends IncomingStepInput {
  @Field(() => ID) followInstructionId!: string;
  @Field() reason!: string;
}
