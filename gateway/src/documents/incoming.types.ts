import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import { Classification, Urgency } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';

@ObjectType({ description: 'The person who holds the paper now (the last to sign for it).' })
export class Holder {
  @Field(() => ID) id!: string;
  @Field() name!: string;
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
