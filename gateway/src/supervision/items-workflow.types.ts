import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import { SupervisionItemType } from './items.types.js';

@InputType({ description: "催办: method, content and the unit's contact person; on-site and joint supervision need the approver." })
export class RemindSupervisionItemInput {
  @Field(() => ID) id!: string;
  @Field({ description: supervision.REMINDER_METHODS.join(' | ') }) method!: string;
  @Field({ description: '催办内容' }) content!: string;
  @Field({ description: '承办单位联系人' }) contactPerson!: string;
  @Field(() => String, { nullable: true, description: 'the principal head who approved on-site or joint supervision' }) approvedBy?: string | null;
}

@InputType({ description: "办结报告 of the lead unit: its form, the unit head's signature and the unit seal." })
export class SubmitSupervisionReportInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'formal-document | minutes | investigation-report | other' }) form!: string;
  @Field() signedByUnitHead!: boolean;
  @Field() sealed!: boolean;
  @Field() summary!: string;
}

@InputType('SupervisionReturnReasonInput')
export class SupervisionReturnReasonInput {
  @Field({ description: supervision.RETURN_REASON_CODES.join(' | ') }) code!: string;
  @Field(() => String, { nullable: true, description: 'required for a judgement reason: what to supplement or redo' }) note?: string | null;
}

@InputType({ description: '退回重报: at least one reason.' })
export class ReturnSupervisionReportInput {
  @Field(() => ID) id!: string;
  @Field(() => [SupervisionReturnReasonInput]) reasons!: SupervisionReturnReasonInput[];
}

@ObjectType('SupervisionDailyNotice')
export class SupervisionDailyNoticeType {
  @Field(() => ID) itemId!: string;
  @Field() registerNumber!: string;
  @Field(() => Int) round!: number;
  @Field() key!: string;
  @Field() scheduledOn!: string;
  @Field(() => String, { nullable: true }) colour!: string | null;
}

@ObjectType('SupervisionDailyChecks', { description: 'What one run of the daily checks recorded.' })
export class SupervisionDailyChecksType {
  @Field() date!: string;
  @Field(() => Int) checked!: number;
  @Field(() => [SupervisionDailyNoticeType], { complexity: 2 }) notices!: SupervisionDailyNoticeType[];
}

@ObjectType('SupervisionOverdueEntry')
export class SupervisionOverdueEntryType {
  @Field(() => SupervisionItemType) item!: SupervisionItemType;
  @Field(() => String, { nullable: true }) leadUnit!: string | null;
  @Field(() => String, { nullable: true }) colour!: string | null;
  @Field(() => Int) overdueCalendarDays!: number;
  @Field(() => Int) overdueWorkingDays!: number;
}

@ObjectType('SupervisionColourCounts')
export class SupervisionColourCountsType {
  @Field(() => Int) none!: number;
  @Field(() => Int) blue!: number;
  @Field(() => Int) yellow!: number;
  @Field(() => Int) orange!: number;
  @Field(() => Int) red!: number;
}

@ObjectType('SupervisionOverdueBoard', { description: '逾期督办: overdue open items, most severe colour first.' })
export class SupervisionOverdueBoardType {
  @Field() asOf!: string;
  @Field(() => [SupervisionOverdueEntryType], { complexity: 2 }) entries!: SupervisionOverdueEntryType[];
  @Field(() => SupervisionColourCountsType) byColour!: SupervisionColourCountsType;
}
