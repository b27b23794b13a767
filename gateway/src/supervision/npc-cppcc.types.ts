import { Field, ID, InputType, ObjectType, Int } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import { HistoryEntry } from '../graphql/history.types.js';

const KINDS = `kind: ${supervision.NPC_KINDS.join(' | ')} (人大代表建议, 政协委员提案)`;
const STATES = `state: ${supervision.NPC_STATES.join(' | ')}`;
const MODES = `mode: ${supervision.NPC_MODES.join(' | ')} (独立承办, 分办, 主办+会办)`;

@ObjectType('NpcProposer', { description: 'A signatory; `leads` marks the lead signatory (领衔人) of a joint item.' })
export class NpcProposerType {
  @Field() name!: string;
  @Field() leads!: boolean;
}

@ObjectType('NpcUnit', { description: 'A unit handling the item: the lead (主办) or a co-unit (会办).' })
export class NpcUnitType {
  @Field() unit!: string;
  @Field({ description: 'lead | co' }) role!: string;
  @Field() responsiblePerson!: string;
}

@ObjectType('NpcCppccItem', { description: '人大代表建议、政协委员提案 handled by 督查室, with its clocks.' })
export class NpcCppccItemType {
  @Field(() => ID) id!: string;
  @Field({ description: KINDS }) kind!: string;
  @Field({ description: 'the number the 人大/政协 gave it' }) externalNumber!: string;
  @Field() title!: string;
  @Field() content!: string;
  @Field(() => [NpcProposerType]) proposers!: NpcProposerType[];
  @Field({ description: STATES }) state!: string;
  @Field() receivedOn!: string;
  @Field({ description: 'responsibility assigned by this day (20 working days)' }) assignBy!: string;
  @Field(() => String, { nullable: true, description: MODES }) mode!: string | null;
  @Field(() => Int) round!: number;
  @Field(() => String, { nullable: true }) assignedOn!: string | null;
  @Field() assignedLate!: boolean;
  @Field(() => String, { nullable: true, description: 'the day-45 check (过半检查)' }) midpointCheckOn!: string | null;
  @Field(() => String, { nullable: true }) midpointCheckedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'the last day the lead unit may send it back (10 days)' }) sendBackBy!: string | null;
  @Field(() => String, { nullable: true, description: '3 months' }) replyBy!: string | null;
  @Field(() => String, { nullable: true, description: '6 months at the latest' }) replyLatestBy!: string | null;
  @Field(() => String, { nullable: true, description: 'the reply due now (3 months, 6 once explained, the redo date once reopened)' })
  replyDueOn!: string | null;
  @Field(() => String, { nullable: true }) explainedOn!: string | null;
  @Field(() => String, { nullable: true }) reopenedOn!: string | null;
  @Field(() => String, { nullable: true }) repliedOn!: string | null;
  @Field(() => Boolean, { nullable: true }) repliedLate!: boolean | null;
  @Field(() => String, { nullable: true, description: 'A | B | C | D' }) grade!: string | null;
  @Field(() => String, { nullable: true }) replyReference!: string | null;
  @Field(() => String, { nullable: true, description: 'satisfied | basically-satisfied | unsatisfied' }) response!: string | null;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => [NpcUnitType], { complexity: 2 }) units!: NpcUnitType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class NpcCppccItemPage {
  @Field(() => [NpcCppccItemType]) items!: NpcCppccItemType[];
  @Field(() => Int) total!: number;
}

@ObjectType('NpcDueCheck', { description: 'Something due by a date: assign-responsibility | midpoint-check | reply.' })
export class NpcDueCheckType {
  @Field(() => ID) itemId!: string;
  @Field() kind!: string;
  @Field() externalNumber!: string;
  @Field() state!: string;
  @Field({ description: 'assign-responsibility | midpoint-check | reply' }) check!: string;
  @Field() dueOn!: string;
  @Field() overdue!: boolean;
  @Field(() => String, { nullable: true }) leadUnit!: string | null;
}

@ObjectType()
export class NpcDueChecks {
  @Field() on!: string;
  @Field(() => [NpcDueCheckType]) checks!: NpcDueCheckType[];
}

@InputType()
export class NpcProposerInput {
  @Field() name!: string;
  @Field(() => Boolean, { nullable: true }) leads?: boolean | null;
}

@InputType({ description: '接收: a suggestion or proposal as the 人大/政协 sent it.' })
export class ReceiveNpcCppccItemInput {
  @Field({ description: KINDS }) kind!: string;
  @Field() externalNumber!: string;
  @Field() title!: string;
  @Field() content!: string;
  @Field(() => [NpcProposerInput]) proposers!: NpcProposerInput[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when absent' }) receivedOn?: string | null;
}

@InputType({ description: '交办: the lead unit (主办), co-units (会办) and the 责任人.' })
export class AssignNpcCppccItemInput {
  @Field(() => ID) id!: string;
  @Field({ description: MODES }) mode!: string;
  @Field() leadUnit!: string;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field() responsiblePerson!: string;
}
