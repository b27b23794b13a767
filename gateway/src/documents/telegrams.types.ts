import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Classification } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';

@ObjectType('TelegramIssuer')
export class TelegramIssuerType {
  @Field() unit!: string;
  @Field({ description: '区委/区政府 themselves (signed by a district leader)' }) district!: boolean;
}

@ObjectType('TelegramPhoneApproval', { description: '电话请示同意: who approved, when, who took the call.' })
export class TelegramPhoneApproval {
  @Field() approvedBy!: string;
  @Field() approvedByName!: string;
  @Field() at!: string;
  @Field() recordedBy!: string;
}

@ObjectType('TelegramSignature')
export class TelegramSignatureType {
  @Field() unit!: string;
  @Field({ description: 'signed | phone-approved' }) mode!: string;
  @Field() signerId!: string;
  @Field() signerName!: string;
  @Field(() => String, { nullable: true }) signedAt!: string | null;
  @Field(() => TelegramPhoneApproval, { nullable: true }) phoneApproval!: TelegramPhoneApproval | null;
  @Field(() => String, { nullable: true, description: '事后补签' }) laterSignedAt!: string | null;
}

@ObjectType('OutgoingTelegram', { description: '发电: an outgoing telegram.' })
export class OutgoingTelegramType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '明电〔YYYY〕N号 / 密电〔YYYY〕N号' }) number!: string | null;
  @Field() title!: string;
  @Field({ description: 'plain | cipher' }) channel!: string;
  @Field() priority!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() sendingUnit!: string;
  @Field(() => [TelegramIssuerType]) issuers!: TelegramIssuerType[];
  @Field(() => [String]) destinations!: string[];
  @Field(() => ID, { nullable: true }) replyToId!: string | null;
  @Field({ description: 'drafted | accepted' }) state!: string;
  @Field(() => [TelegramSignatureType]) signatures!: TelegramSignatureType[];
  @Field(() => [String], { description: 'units owing the later signature (补签)' }) pendingLaterSignatures!: string[];
  @Field(() => String, { nullable: true }) laterSignatureDue!: string | null;
  @Field() laterSignatureOverdue!: boolean;
  @Field(() => String, { nullable: true }) acceptedAt!: string | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class TelegramOwingSignature {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => Classification) classification!: Classification;
  @Field(() => [String]) units!: string[];
  @Field(() => String, { nullable: true }) due!: string | null;
  @Field() overdue!: boolean;
}

@ObjectType()
export class TelegramsOwingSignature {
  @Field() today!: string;
  @Field(() => [TelegramOwingSignature]) items!: TelegramOwingSignature[];
}

@InputType()
export class TelegramIssuerInput {
  @Field() unit!: string;
  @Field({ nullable: true }) district?: boolean;
}

@InputType({ description: '发电拟稿' })
export class DraftTelegramInput {
  @Field() title!: string;
  @Field({ description: 'plain | cipher' }) channel!: string;
  @Field({ description: 'the header used: plain | cipher' }) header!: string;
  @Field({ description: 'routine | urgent | very-urgent | flash' }) priority!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() sendingUnit!: string;
  @Field(() => [TelegramIssuerInput]) issuers!: TelegramIssuerInput[];
  @Field(() => [String]) destinations!: string[];
  @Field(() => ID, { nullable: true, description: 'the received telegram this answers' }) replyToId?: string | null;
  @Field(() => [String], { nullable: true }) needToKnow?: string[] | null;
}

@InputType({ description: '电话请示同意' })
export class RecordTelegramPhoneApprovalInput {
  @Field(() => ID) id!: string;
  @Field() unit!: string;
  @Field() approvedById!: string;
  @Field() approvedByName!: string;
  @Field() approvedAt!: string;
}
