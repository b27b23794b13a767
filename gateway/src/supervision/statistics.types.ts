import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType('SupervisionStatisticsPeriodInput', { description: 'month (year, month) | half-year (year, half 1 or 2) | year (year)' })
export class StatisticsPeriodInput {
  @Field({ description: 'month | half-year | year' }) kind!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) month?: number | null;
  @Field(() => Int, { nullable: true }) half?: number | null;
}

@ObjectType('SupervisionStatisticsPeriod')
export class StatisticsPeriodType {
  @Field() kind!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true }) month?: number;
  @Field(() => Int, { nullable: true }) half?: number;
}

@ObjectType('SupervisionStatisticsBucket', { description: 'Items of one source kind, lead unit or state in the period.' })
export class StatisticsBucketType {
  @Field() key!: string;
  @Field(() => Int) items!: number;
  @Field(() => Int) opened!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) overdueCalendarDays!: number;
  @Field(() => Int) overdueWorkingDays!: number;
  @Field(() => Int) maxOverdueCalendarDays!: number;
}

@ObjectType('NpcStatisticsBucket', { description: 'Suggestions and proposals of one kind, state, grade or lead unit in the period.' })
export class NpcStatisticsBucketType {
  @Field() key!: string;
  @Field(() => Int) items!: number;
  @Field(() => Int) received!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int) replyOverdue!: number;
  @Field(() => Int) replyOverdueCalendarDays!: number;
}

@ObjectType('NpcStatistics')
export class NpcStatisticsType {
  @Field(() => NpcStatisticsBucketType) total!: NpcStatisticsBucketType;
  @Field(() => [NpcStatisticsBucketType]) byKind!: NpcStatisticsBucketType[];
  @Field(() => [NpcStatisticsBucketType]) byState!: NpcStatisticsBucketType[];
  @Field(() => [NpcStatisticsBucketType], { description: 'A–D, none before a reply' }) byGrade!: NpcStatisticsBucketType[];
  @Field(() => [NpcStatisticsBucketType]) byLeadUnit!: NpcStatisticsBucketType[];
}

@ObjectType('SupervisionOverdueLine')
export class OverdueItemLineType {
  @Field(() => ID) itemId!: string;
  @Field() registerNumber!: string;
  @Field() sourceKind!: string;
  @Field(() => String, { nullable: true }) leadUnit!: string | null;
  @Field() state!: string;
  @Field() dueOn!: string;
  @Field() countedTo!: string;
  @Field(() => Int) calendarDays!: number;
  @Field(() => Int) workingDays!: number;
}

@ObjectType('SupervisionStatisticsReport', { description: 'A monthly, half-year or annual report of supervision items.' })
export class SupervisionReportType {
  @Field(() => StatisticsPeriodType) period!: StatisticsPeriodType;
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: 'overdue days of open items are counted to this day' }) countedTo!: string;
  @Field(() => StatisticsBucketType) total!: StatisticsBucketType;
  @Field(() => [StatisticsBucketType]) bySourceKind!: StatisticsBucketType[];
  @Field(() => [StatisticsBucketType]) byLeadUnit!: StatisticsBucketType[];
  @Field(() => [StatisticsBucketType]) byState!: StatisticsBucketType[];
  @Field(() => NpcStatisticsType, { description: '人大代表建议、政协委员提案 of the period' }) npcCppcc!: NpcStatisticsType;
  @Field(() => [OverdueItemLineType]) overdueItems!: OverdueItemLineType[];
}
