import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import { Classification, Urgency } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';

@ObjectType({ description: 'The person who holds the paper now (the last to sign for it).' })
export class Holder {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('IncomingReturnGround', { description: '初审 return ground as given (one of the ten; ⑩ other has its text).' })
export class IncomingReturnGroundType {
  @Field() ground!: string;
  @Field(() => String, { nullable: true }) text!: string | null;
}

@ObjectType('IncomingSectionOpinion', { description: '法制办 / 外事科 opinion on the proposed handling.' })
export class IncomingSectionOpinionType {
  @Field({ description: 'legal | foreign-affairs' }) section!: string;
  @Field() text!: string;
  @Field(() => Holder) by!: Holder;
  @Field() at!: string;
}

@ObjectType('IncomingPlannedLeader', { description: 'A district leader the item is submitted to, in signing order.' })
export class IncomingPlannedLeaderType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true, description: '1 = most senior' }) rank!: number | null;
}

@ObjectType('IncomingInstruction', { description: '领导批示, verbatim.' })
export class IncomingInstructionType {
  @Field(() => ID) id!: string;
  @Field(() => Holder) leader!: Holder;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field({ description: 'exactly as the leader wrote it' }) text!: string;
  @Field({ description: 'agree | disagree | other' }) stance!: string;
  @Field() signedAt!: string;
  @Field(() => [String], { description: 'sections the instruction sends matters to' }) routes!: string[];
}

@ObjectType('IncomingReader', { description: '传阅 reader, in circulation order.' })
export class IncomingReaderType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'office-director | office-leader | unit' }) kind!: string;
}

@ObjectType('IncomingDocument', { description: '收文: a document received by the office.' })
export class IncomingDocumentType {
  @Field(() => ID) id!: string;
  @Field({ description: '办文编号, e.g. 收文〔2026〕15号' }) registerNumber!: string;
  @Field() title!: string;
  @Field({ description: '来文单位' }) senderUnit!: string;
  @Field(() => String, { nullable: true, description: '来文字号' }) senderDocNumber!: string | null;
  @Field({ description: `文种: ${documents.DOCUMENT_TYPES.join(' ')}` }) docType!: string;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => Classification) classification!: Classification;
  @Field(() => Int) copies!: number;
  @Field(() => Int, { nullable: true }) pages!: number | null;
  @Field(() => String, { nullable: true, description: '内容摘要' }) summary!: string | null;
  @Field() receivedAt!: string;
  @Field() registeredAt!: string;
  @Field() status!: string;
  @Field(() => Holder) holder!: Holder;
  @Field(() => Holder, { nullable: true, description: '交接中: handed to this person, who has not signed for it yet' }) inTransitTo!: Holder | null;
  @Field(() => [IncomingReturnGroundType]) returnGrounds!: IncomingReturnGroundType[];
  @Field(() => [String], { description: '退文通知: the grounds as printed for the sender' }) returnNotice!: string[];
  @Field(() => String, { nullable: true, description: '拟办意见' }) proposal!: string | null;
  @Field() involvesLegalMatters!: boolean;
  @Field() involvesForeignAffairs!: boolean;
  @Field() needsPrincipalLeader!: boolean;
  @Field(() => [IncomingSectionOpinionType]) sectionOpinions!: IncomingSectionOpinionType[];
  @Field(() => [IncomingPlannedLeaderType], { description: '呈批 leaders in signing order (ascending rank)' }) leaders!: IncomingPlannedLeaderType[];
  @Field(() => [Holder], { description: 'who may sign next' }) nextSigners!: Holder[];
  @Field(() => Holder, { nullable: true, description: '急件跟踪人' }) tracker!: Holder | null;
  @Field(() => [IncomingInstructionType], { complexity: 2 }) instructions!: IncomingInstructionType[];
  @Field(() => String, { nullable: true, description: '主办单位' }) leadUnit!: string | null;
  @Field(() => [String], { description: '协办单位' }) coUnits!: string[];
  @Field() important!: boolean;
  @Field(() => String, { nullable: true, description: '办理时限 (Beijing date)' }) deadline!: string | null;
  @Field(() => Holder, { nullable: true, description: '专人催办' }) chaser!: Holder | null;
  @Field({ description: 'no-deadline | open | due-today | overdue' }) chaseStatus!: string;
  @Field() replyRequired!: boolean;
  @Field(() => String, { nullable: true, description: '办复' }) reply!: string | null;
  @Field(() => String, { nullable: true }) repliedAt!: string | null;
  @Field(() => String, { nullable: true }) archivedAt!: string | null;
  @Field(() => [IncomingReaderType]) readers!: IncomingReaderType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType({ description: '办文回执: the receipt given to the sender on registration.' })
export class ProcessingReceipt {
  @Field() registerNumber!: string;
  @Field() title!: string;
  @Field() senderUnit!: string;
  @Field() receivedAt!: string;
  @Field() registeredAt!: string;
  @Field() registeredBy!: string;
}

@ObjectType()
export class RegisterIncomingDocumentResult {
  @Field(() => IncomingDocumentType) document!: IncomingDocumentType;
  @Field(() => ProcessingReceipt) receipt!: ProcessingReceipt;
}

@ObjectType()
export class IncomingDocumentPage {
  @Field(() => [IncomingDocumentType]) items!: IncomingDocumentType[];
  @Field(() => Int) total!: number;
}

@InputType({ description: '收文登记: what the clerk records when signing for and registering a document.' })
export class RegisterIncomingDocumentInput {
  @Field() title!: string;
  @Field() senderUnit!: string;
  @Field(() => String, { nullable: true }) senderDocNumber?: string | null;
  @Field({ description: `文种: ${documents.DOCUMENT_TYPES.join(' ')}` }) docType!: string;
  @Field(() => Urgency, { nullable: true }) urgency?: Urgency | null;
  @Field(() => Classification, { nullable: true }) classification?: Classification | null;
  @Field(() => Int) copies!: number;
  @Field(() => Int, { nullable: true }) pages?: number | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field({ description: 'ISO 8601 date-time with offset, e.g. 2026-11-20T09:30:00+08:00' }) receivedAt!: string;
}
