import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Classification } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';

@ObjectType('MinutesDecision', { description: '议定事项: one decision with its lead unit (一事一项).' })
export class MinutesDecisionType {
  @Field() text!: string;
  @Field() leadUnit!: string;
  @Field(() => [String]) coUnits!: string[];
  @Field(() => String, { nullable: true }) dueDate!: string | null;
  @Field() requiresDocument!: boolean;
}

@ObjectType('MinutesSignature')
export class MinutesSignatureType {
  @Field() signerId!: string;
  @Field() signerName!: string;
  @Field({ description: 'review | sign' }) step!: string;
  @Field() at!: string;
}

@ObjectType('Minutes', { description: '会议纪要: deadlines by type, signatures in order, the number, the issue.' })
export class MinutesType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field() meetingTypeCode!: string;
  @Field() title!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() major!: boolean;
  @Field() state!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => [MinutesDecisionType], { complexity: 2 }) decisions!: MinutesDecisionType[];
  @Field() draftedAt!: string;
  @Field() draftDueAt!: string;
  @Field() draftBasis!: string;
  @Field() draftOverdue!: boolean;
  @Field(() => String, { nullable: true }) issueDueAt!: string | null;
  @Field(() => [String]) requiredSigners!: string[];
  @Field(() => [String]) missingSigners!: string[];
  @Field(() => [MinutesSignatureType]) signatures!: MinutesSignatureType[];
  @Field(() => String, { nullable: true }) signedAt!: string | null;
  @Field(() => String, { nullable: true }) issueDueAfterSigningAt!: string | null;
  @Field(() => String, { nullable: true }) issuedAt!: string | null;
  @Field(() => Boolean, { nullable: true }) issuedLate!: boolean | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@InputType('MinutesDecisionInput')
export class MinutesDecisionInput {
  @Field() text!: string;
  @Field() leadUnit!: string;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field(() => String, { nullable: true }) dueDate?: string | null;
  @Field(() => Boolean, { nullable: true }) requiresDocument?: boolean | null;
}

@InputType('DraftMinutesInput')
export class DraftMinutesInput {
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field(() => Boolean, { nullable: true }) major?: boolean | null;
  @Field(() => [String], { nullable: true }) relevantLeaderIds?: string[] | null;
  @Field(() => [MinutesDecisionInput]) decisions!: MinutesDecisionInput[];
}
