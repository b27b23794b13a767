import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { HistoryEntry } from '../graphql/history.types.js';
import { Holder, IncomingReturnGroundType } from './incoming.types.js';
import { InstructionRouteInput, PersonInput, ReturnGroundInput } from './incoming-workflow.types.js';

@ObjectType('SpecialItemUnit')
export class SpecialItemUnitType {
  @Field() name!: string;
  @Field() districtLevel!: boolean;
}

@ObjectType('SpecialItemInstruction', { description: 'The leader instruction the item came with; text is null unless you are an office leader or the 交办人.' })
export class SpecialItemInstructionType {
  @Field(() => Holder) leader!: Holder;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field() stance!: string;
  @Field() signedAt!: string;
}

@ObjectType('SpecialItem', { description: '特殊件: a request or report sent to a leader personally, with the leader\'s instruction.' })
export class SpecialItemType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '特办〔YYYY〕N号 once registered' }) registerNumber!: string | null;
  @Field() title!: string;
  @Field() senderUnit!: string;
  @Field() receivedAt!: string;
  @Field(() => Holder, { description: '交办人' }) handoverPerson!: Holder;
  @Field(() => String, { nullable: true }) contactPerson!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => [SpecialItemUnitType]) instructedUnits!: SpecialItemUnitType[];
  @Field(() => [String], { description: 'grounds the record shows: no-contact, sent-to-non-district-unit, conflicting-instructions' }) detectedGrounds!: string[];
  @Field(() => [IncomingReturnGroundType]) returnGrounds!: IncomingReturnGroundType[];
  @Field(() => [String]) returnNotice!: string[];
  @Field() status!: string;
  @Field(() => Holder) holder!: Holder;
  @Field(() => String, { nullable: true }) proposal!: string | null;
  @Field(() => String, { nullable: true }) instructionCopyKeptAt!: string | null;
  @Field(() => String, { nullable: true }) transferredTo!: string | null;
  @Field() instructionVisible!: boolean;
  @Field(() => [SpecialItemInstructionType]) instructions!: SpecialItemInstructionType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@InputType()
export class SpecialItemInstructionInput {
  @Field(() => ID) leaderId!: string;
  @Field() leaderName!: string;
  @Field(() => Int, { nullable: true }) rank?: number | null;
  @Field({ description: 'verbatim' }) text!: string;
  @Field(() => String, { nullable: true, description: 'agree | disagree | other' }) stance?: string | null;
  @Field(() => [String], { nullable: true }) sendsTo?: string[] | null;
  @Field() signedAt!: string;
}

@InputType()
export class SpecialItemUnitInput {
  @Field() name!: string;
  @Field() districtLevel!: boolean;
}

@InputType()
export class ReceiveSpecialItemInput {
  @Field() title!: string;
  @Field() senderUnit!: string;
  @Field() receivedAt!: string;
  @Field(() => PersonInput) handoverPerson!: PersonInput;
  @Field(() => String, { nullable: true }) contactPerson?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => [SpecialItemInstructionInput]) instructions!: SpecialItemInstructionInput[];
  @Field(() => [SpecialItemUnitInput], { nullable: true }) instructedUnits?: SpecialItemUnitInput[] | null;
}

@InputType()
export class ReturnSpecialItemInput {
  @Field(() => ID) id!: string;
  @Field(() => [ReturnGroundInput], { description: 'no-contact | illegible-or-altered | sent-to-non-district-unit | conflicting-instructions' }) grounds!: ReturnGroundInput[];
}

@InputType()
export class SpecialItemStepInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'opinion (propose-handling), reason (send-back) or unit (transfer)' }) text?: string | null;
}

@ObjectType('SpecialItemInstructionCopyLine')
export class SpecialItemInstructionCopyLine {
  @Field() leaderName!: string;
  @Field() text!: string;
  @Field() signedAt!: string;
}

@ObjectType('SpecialItemInstructionCopy')
export class SpecialItemInstructionCopy {
  @Field(() => ID) itemId!: string;
  @Field(() => [SpecialItemInstructionCopyLine]) instructions!: SpecialItemInstructionCopyLine[];
}

@InputType()
export class TransferSpecialItemInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'the undertaking unit' }) to!: string;
  @Field(() => [InstructionRouteInput], { nullable: true, description: 'e.g. tracking by 督查室; matter is your summary, never the instruction text' }) routes?: InstructionRouteInput[] | null;
}
