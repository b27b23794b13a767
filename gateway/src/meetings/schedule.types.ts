import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import { HistoryEntry } from '../graphql/history.types.js';

const STATES = `state: ${meetings.SCHEDULE_STATES.join(' | ')}`;

@ObjectType('WeeklyScheduleEntry', { description: 'One item of the weekly table: time, place, content, leaders, host unit.' })
export class WeeklyScheduleEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'leader-instruction | approved-request | npc-office | cppcc-office | discipline-office' }) source!: string;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field() place!: string;
  @Field() content!: string;
  @Field(() => [String]) leaderIds!: string[];
  @Field() hostUnit!: string;
  @Field(() => [String], { description: '跟会科室' }) accompanyingSections!: string[];
  @Field() excluded!: boolean;
  @Field(() => String, { nullable: true }) excludedReason!: string | null;
}

@ObjectType('WeeklyScheduleConflict')
export class WeeklyScheduleConflictType {
  @Field({ description: 'leader-time | venue' }) kind!: string;
  @Field({ description: 'the leader id or the place' }) subject!: string;
  @Field(() => [ID]) entryIds!: string[];
}

@ObjectType('WeeklySchedule', { description: '周表: the leaders’ weekly schedule.' })
export class WeeklyScheduleType {
  @Field(() => ID) id!: string;
  @Field() weekMonday!: string;
  @Field({ description: STATES }) state!: string;
  @Field() partySecretaryId!: string;
  @Field() districtMayorId!: string;
  @Field(() => String, { nullable: true }) secretaryApprovedAt!: string | null;
  @Field(() => String, { nullable: true }) mayorApprovedAt!: string | null;
  @Field({ description: 'close of business on the Monday' }) issueDueAt!: string;
  @Field(() => String, { nullable: true }) issuedAt!: string | null;
  @Field(() => Boolean, { nullable: true }) issuedLate!: boolean | null;
  @Field(() => Int) amendmentCount!: number;
  @Field(() => [WeeklyScheduleEntryType], { nullable: true, complexity: 5 }) entries?: WeeklyScheduleEntryType[];
  @Field(() => [WeeklyScheduleConflictType], { nullable: true, complexity: 2 }) conflicts?: WeeklyScheduleConflictType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class WeeklySchedulePage {
  @Field(() => [WeeklyScheduleType]) items!: WeeklyScheduleType[];
  @Field(() => Int) total!: number;
}

@ObjectType('LeaderWeek', { description: 'A leader’s week: the issued table’s entries naming the leader.' })
export class LeaderWeekType {
  @Field() leaderId!: string;
  @Field() weekMonday!: string;
  @Field(() => ID, { nullable: true }) scheduleId!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => [WeeklyScheduleEntryType], { complexity: 5 }) entries!: WeeklyScheduleEntryType[];
}

@InputType()
export class WeeklyScheduleEntryInput {
  @Field({ description: 'leader-instruction | npc-office | cppcc-office | discipline-office' }) source!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field() place!: string;
  @Field() content!: string;
  @Field(() => [String]) leaderIds!: string[];
  @Field() hostUnit!: string;
  @Field(() => [String], { nullable: true }) accompanyingSections?: string[] | null;
}

@InputType()
export class WeeklyScheduleEntryChangeInput {
  @Field(() => ID) entryId!: string;
  @Field(() => String, { nullable: true }) startsAt?: string | null;
  @Field(() => String, { nullable: true }) endsAt?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => [String], { nullable: true }) leaderIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'take the entry out, with this reason' }) removeReason?: string | null;
}

@InputType()
export class WeeklyScheduleExclusionInput {
  @Field(() => ID) entryId!: string;
  @Field() reason!: string;
}

@InputType({ description: '收集: the week, the post holders whose approvals it needs, and the hand-entered items.' })
export class CollectWeeklyScheduleInput {
  @Field({ description: 'the Monday of the week covered (YYYY-MM-DD)' }) weekMonday!: string;
  @Field() partySecretaryId!: string;
  @Field() districtMayorId!: string;
  @Field(() => [WeeklyScheduleEntryInput], { nullable: true }) entries?: WeeklyScheduleEntryInput[] | null;
}
