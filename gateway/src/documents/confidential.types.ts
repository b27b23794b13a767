import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Classification } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';
import { Holder } from './incoming.types.js';

@ObjectType('ConfidentialProposal', { description: '拟办意见 written by the office director.' })
export class ConfidentialProposal {
  @Field() text!: string;
  @Field() byName!: string;
  @Field() at!: string;
}

@ObjectType('ConfidentialInstruction', { description: '领导批示, verbatim.' })
export class ConfidentialInstruction {
  @Field() text!: string;
  @Field() byName!: string;
  @Field() at!: string;
}

@ObjectType('ConfidentialDocument', { description: '机要文件 or received telegram (来电) on the confidential register.' })
export class ConfidentialDocumentType {
  @Field(() => ID) id!: string;
  @Field({ description: '机要收文〔YYYY〕N号' }) registerNumber!: string;
  @Field({ description: 'document | telegram' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'telegrams: plain (明传) | cipher (密码)' }) channel!: string | null;
  @Field(() => String, { nullable: true }) telegramNumber!: string | null;
  @Field() title!: string;
  @Field({ description: '来文单位' }) senderUnit!: string;
  @Field(() => String, { nullable: true }) senderDocNumber!: string | null;
  @Field(() => Classification) classification!: Classification;
  @Field({ description: 'normal | urgent | very-urgent' }) urgency!: string;
  @Field(() => String, { nullable: true, description: '缓急时限 (YYYY-MM-DD)' }) deadline!: string | null;
  @Field(() => Int) items!: number;
  @Field(() => Int) pages!: number;
  @Field(() => Int, { description: 'approved copies, controlled like originals' }) copiesMade!: number;
  @Field() receivedAt!: string;
  @Field() registeredAt!: string;
  @Field({ description: 'received | registered | proposal-written | with-leader | with-unit | recovered | returned | archived | destroyed' }) state!: string;
  @Field(() => Holder) holder!: Holder;
  @Field(() => ConfidentialProposal, { nullable: true }) proposal!: ConfidentialProposal | null;
  @Field(() => [ConfidentialInstruction]) instructions!: ConfidentialInstruction[];
  @Field() mustReturn!: boolean;
  @Field(() => String, { nullable: true, description: '清退时限 (YYYY-MM-DD)' }) returnDue!: string | null;
  @Field(() => String, { nullable: true }) returnedAt!: string | null;
  @Field({ description: 'not-required | returned | returned-late | open | due-today | overdue' }) returnStatus!: string;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class ConfidentialDocumentPage {
  @Field(() => [ConfidentialDocumentType]) items!: ConfidentialDocumentType[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'A document to be returned that is not back by its due date (no title).' })
export class OverdueConfidentialReturn {
  @Field(() => ID) id!: string;
  @Field() registerNumber!: string;
  @Field() kind!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() senderUnit!: string;
  @Field() state!: string;
  @Field(() => Holder) holder!: Holder;
  @Field(() => String, { nullable: true }) returnDue!: string | null;
  @Field(() => Int, { nullable: true }) daysOverdue!: number | null;
}

@ObjectType()
export class OverdueConfidentialReturns {
  @Field() today!: string;
  @Field(() => [OverdueConfidentialReturn]) items!: OverdueConfidentialReturn[];
}

@ObjectType({ description: 'A 绝密 document in progress with too few checks that day (no title).' })
export class TopSecretCheckAlert {
  @Field(() => ID) id!: string;
  @Field() registerNumber!: string;
  @Field() state!: string;
  @Field(() => Holder) holder!: Holder;
  @Field(() => Int) checks!: number;
}

@ObjectType()
export class TopSecretCheckAlerts {
  @Field() day!: string;
  @Field(() => Int) required!: number;
  @Field(() => [TopSecretCheckAlert]) items!: TopSecretCheckAlert[];
}

@InputType({ description: 'The sender’s 电报签收清单 line.' })
export class TelegramListLineInput {
  @Field() number!: string;
  @Field(() => Int) copies!: number;
  @Field(() => Int) pages!: number;
  @Field({ description: 'routine | urgent | very-urgent | flash' }) priority!: string;
}

@InputType({ description: 'A received telegram: channel, number and the list line it is checked against.' })
export class ReceivedTelegramInput {
  @Field({ description: 'plain | cipher' }) channel!: string;
  @Field() number!: string;
  @Field({ description: 'routine | urgent | very-urgent | flash' }) priority!: string;
  @Field({ nullable: true }) qualityOk?: boolean;
  @Field(() => TelegramListLineInput) listed!: TelegramListLineInput;
}

@InputType({ description: '机要文件/来电 签收登记.' })
export class RegisterConfidentialDocumentInput {
  @Field({ nullable: true, description: 'document (default) | telegram' }) kind?: string;
  @Field() title!: string;
  @Field() senderUnit!: string;
  @Field(() => String, { nullable: true }) senderDocNumber?: string | null;
  @Field(() => Classification) classification!: Classification;
  @Field(() => String, { nullable: true, description: 'normal | urgent | very-urgent' }) urgency?: string | null;
  @Field(() => String, { nullable: true }) deadline?: string | null;
  @Field(() => Int) items!: number;
  @Field(() => Int) pages!: number;
  @Field() receivedAt!: string;
  @Field({ nullable: true }) mustReturn?: boolean;
  @Field(() => String, { nullable: true }) returnDue?: string | null;
  @Field(() => [String], { nullable: true, description: '知悉范围: user ids or unit codes' }) needToKnow?: string[] | null;
  @Field(() => String, { nullable: true }) designatedHandlerId?: string | null;
  @Field(() => ReceivedTelegramInput, { nullable: true }) telegram?: ReceivedTelegramInput | null;
}
