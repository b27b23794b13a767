import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType('ResearchTripMatterInput', { description: 'One matter of the 《督办事项交办单》: its text, lead unit, co-units, due date.' })
export class ResearchTripMatterInput {
  @Field() matter!: string;
  @Field() leadUnit!: string;
  @Field(() => [String], { nullable: true }) coUnits?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn?: string | null;
}

@InputType('IssueResearchTripSupervisionFormInput')
export class IssueResearchTripSupervisionFormInput {
  @Field({ description: 'the leader who made the research trip (调研)' }) leaderId!: string;
  @Field() place!: string;
  @Field({ description: 'when the trip ended (ISO instant)' }) endedAt!: string;
  @Field(() => [ResearchTripMatterInput]) matters!: ResearchTripMatterInput[];
}

@ObjectType('ResearchTripMatter')
export class ResearchTripMatterType {
  @Field(() => Int) matterNo!: number;
  @Field() matter!: string;
  @Field() leadUnit!: string;
  @Field(() => [String]) coUnits!: string[];
  @Field(() => String, { nullable: true }) dueOn!: string | null;
}

@ObjectType('ResearchTripSupervisionForm', { description: '《督办事项交办单》 after a leader’s research trip: due 1 working day after the trip (seed 000 L640(2)); late is flagged.' })
export class ResearchTripSupervisionFormType {
  @Field(() => ID) id!: string;
  @Field() leaderId!: string;
  @Field() place!: string;
  @Field() endedAt!: string;
  @Field() dueDate!: string;
  @Field() dueAt!: string;
  @Field() issuedAt!: string;
  @Field() issuedBy!: string;
  @Field() late!: boolean;
  @Field(() => [ResearchTripMatterType]) matters!: ResearchTripMatterType[];
}
