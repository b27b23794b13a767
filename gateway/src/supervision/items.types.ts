import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import { HistoryEntry } from '../graphql/history.types.js';

const CLASSES = `class: ${supervision.ITEM_CLASSES.join(' | ')} (特别紧急, 常规 半个月, 重大 一个月, 复杂或涉诉 两个月)`;
const STATES = `state: ${supervision.ITEM_STATES.join(' | ')}`;

@ObjectType('SupervisionItemPerson')
export class SupervisionItemPerson {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('SupervisionItemAssignee', { description: '承办单位: the lead unit (主办) or a co-unit (协办).' })
export class SupervisionItemAssigneeType {
  @Field() unit!: string;
  @Field({ description: 'lead (主办) | co (协办)' }) role!: string;
  @Field({ description: '责任人' }) responsiblePerson!: string;
}

@ObjectType('SupervisionItem', { description: '督查事项: one matter under supervision.' })
export class SupervisionItemType {
  @Field(() => ID) id!: string;
  @Field({ description: '督办编号, e.g. 督〔2026〕1号' }) registerNumber!: string;
  @Field() title!: string;
  @Field({ description: 'the one matter (一事一项)' }) content!: string;
  @Field({ description: 'leader-instruction | meeting-decision | petition | manual' }) sourceKind!: string;
  @Field(() => String, { nullable: true }) sourceReference!: string | null;
  @Field({ description: CLASSES }) class!: string;
  @Field({ description: STATES }) state!: string;
  @Field(() => Int) round!: number;
  @Field() openedAt!: string;
  @Field(() => SupervisionItemPerson) openedBy!: SupervisionItemPerson;
  @Field(() => String, { nullable: true }) admittedAt!: string | null;
  @Field(() => String, { nullable: true }) assignedAt!: string | null;
  @Field(() => String, { nullable: true, description: '交办 day (Beijing date)' }) assignedOn!: string | null;
  @Field(() => String, { nullable: true, description: '办结时限 (Beijing date)' }) dueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'class | supervisor | district-leader | higher-authority | source' })
  dueSetBy!: string | null;
  @Field(() => [SupervisionItemAssigneeType], { complexity: 2 }) assignees!: SupervisionItemAssigneeType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class SupervisionItemPage {
  @Field(() => [SupervisionItemType]) items!: SupervisionItemType[];
  @Field(() => Int) total!: number;
}

@InputType({ description: '立项 by hand: one matter, its class and where it came from.' })
export class OpenSupervisionItemInput {
  @Field() title!: string;
  @Field({ description: 'the one matter (一事一项)' }) content!: string;
  @Field({ description: CLASSES }) class!: string;
  @Field(() => String, { nullable: true }) sourceReference?: string | null;
}

@InputType({ description: '交办: exactly one lead unit (主办), optional co-units (协办), the 责任人, and a due date only where the rules allow.' })
export class AssignSupervisionItemInput {
  @Field(() => ID) id!: string;
  @Field() leadUnit!: string;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field() responsiblePerson!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: required for especially-urgent, otherwise only shorter than the class date' })
  dueOn?: string | null;
}
