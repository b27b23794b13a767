import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { HistoryEntry } from '../graphql/history.types.js';

const SEALS = 'party-committee (区委印章) | government (区政府印章) | party-office (区委办公室印章) | government-office (区政府办公室印章) | office-certification (办公室证明专用章)';
const PURPOSES = 'outgoing-document | contract | approval | personnel | finance | other';

@ObjectType('Seal')
export class SealType {
  @Field({ description: SEALS }) kind!: string;
  @Field() name!: string;
  @Field(() => [String]) keeperIds!: string[];
}

@ObjectType('SealApprover')
export class SealApproverType {
  @Field() userId!: string;
  @Field() name!: string;
  @Field(() => [String]) posts!: string[];
  @Field(() => [String]) portfolios!: string[];
}

@ObjectType('SealApproval')
export class SealApprovalType {
  @Field() approverId!: string;
  @Field() approverName!: string;
  @Field() approvalText!: string;
  @Field() approvedAt!: string;
}

@ObjectType('SealConfirmation')
export class SealConfirmationType {
  @Field() byName!: string;
  @Field() at!: string;
}

@ObjectType('SealRefusal', { description: 'A reason the keeper refuses (or queries) a request, with its seed line.' })
export class SealRefusalType {
  @Field() code!: string;
  @Field() messageZh!: string;
  @Field() source!: string;
}

@ObjectType('SealPerson')
export class SealPerson {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('SealRequest', { description: '用印申请' })
export class SealRequestType {
  @Field(() => ID) id!: string;
  @Field({ description: SEALS }) seal!: string;
  @Field({ description: PURPOSES }) purpose!: string;
  @Field() purposeText!: string;
  @Field() documentTitle!: string;
  @Field(() => Int) impressions!: number;
  @Field(() => String, { nullable: true }) area!: string | null;
  @Field(() => SealPerson) requester!: SealPerson;
  @Field({ description: 'requested | approved | queried | confirmed | stamped | refused' }) state!: string;
  @Field(() => SealApprovalType, { nullable: true }) approval!: SealApprovalType | null;
  @Field() doubtful!: boolean;
  @Field(() => SealConfirmationType, { nullable: true }) confirmation!: SealConfirmationType | null;
  @Field(() => [SealRefusalType]) refusals!: SealRefusalType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType('SealRegisterEntry', { description: '印章使用登记簿 line' })
export class SealRegisterEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field() date!: string;
  @Field() seal!: string;
  @Field() purpose!: string;
  @Field() purposeCategory!: string;
  @Field() documentTitle!: string;
  @Field() approverName!: string;
  @Field() approvalText!: string;
  @Field(() => Int) impressions!: number;
  @Field() handlerName!: string;
  @Field() stampedAt!: string;
}

@ObjectType()
export class SealRegister {
  @Field(() => [SealRegisterEntryType]) items!: SealRegisterEntryType[];
  @Field(() => Int) totalImpressions!: number;
}

@InputType()
export class RegisterSealInput {
  @Field({ description: SEALS }) kind!: string;
  @Field() name!: string;
  @Field(() => [String]) keeperIds!: string[];
}

@InputType()
export class RegisterSealApproverInput {
  @Field() userId!: string;
  @Field() name!: string;
  @Field(() => [String], { description: 'party-secretary | district-head | standing-committee-member | deputy-district-head | party-office-director | government-office-director | office-deputy-director' })
  posts!: string[];
  @Field(() => [String], { nullable: true }) portfolios?: string[] | null;
}

@InputType({ description: '用印申请' })
export class RequestSealUseInput {
  @Field({ description: SEALS }) seal!: string;
  @Field({ description: PURPOSES }) purpose!: string;
  @Field() purposeText!: string;
  @Field() documentTitle!: string;
  @Field(() => Int) impressions!: number;
  @Field(() => String, { nullable: true }) area?: string | null;
}
