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

@ObjectType('SupervisionReminder', { description: '催办: one entry of the reminder log (time, method, content, contact person).' })
export class SupervisionReminderType {
  @Field(() => ID) id!: string;
  @Field(() => Int) round!: number;
  @Field() at!: string;
  @Field() sentOn!: string;
  @Field({ description: 'phone | notice | in-person | letter | summoned-talk | on-site | joint | by-document' }) method!: string;
  @Field() content!: string;
  @Field({ description: '承办单位联系人' }) contactPerson!: string;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => SupervisionItemPerson) by!: SupervisionItemPerson;
  @Field(() => String, { nullable: true, description: 'prompt | reminder-1 | reminder-2 when the daily checks sent it' }) noticeKey!: string | null;
}

@ObjectType('SupervisionNotice', { description: 'A notice the daily checks recorded: the prompt, a reminder or a colour.' })
export class SupervisionNoticeType {
  @Field(() => Int) round!: number;
  @Field({ description: 'prompt | reminder-1 | reminder-2 | colour-blue | colour-yellow | colour-orange | colour-red' }) key!: string;
  @Field() scheduledOn!: string;
  @Field() sentOn!: string;
  @Field(() => String, { nullable: true }) colour!: string | null;
  @Field() recordedAt!: string;
}

@ObjectType('SupervisionReportReason')
export class SupervisionReportReasonType {
  @Field() code!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('SupervisionReport', { description: "办结报告: the lead unit's completion report and its review." })
export class SupervisionReportType {
  @Field(() => ID) id!: string;
  @Field(() => Int) round!: number;
  @Field() submittedAt!: string;
  @Field(() => SupervisionItemPerson) submittedBy!: SupervisionItemPerson;
  @Field() fromUnit!: string;
  @Field({ description: 'formal-document | minutes | investigation-report | other' }) form!: string;
  @Field() signedByUnitHead!: boolean;
  @Field() sealed!: boolean;
  @Field() summary!: string;
  @Field({ description: 'submitted | returned | accepted' }) outcome!: string;
  @Field(() => [SupervisionReportReasonType]) reasons!: SupervisionReportReasonType[];
  @Field(() => String, { nullable: true }) reviewedAt!: string | null;
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
  @Field(() => String, { nullable: true, description: '交办时限: hand over by this day (same or next day, urgent at once)' }) handOverBy!: string | null;
  @Field(() => String, { nullable: true, description: '交办 day (Beijing date)' }) assignedOn!: string | null;
  @Field(() => String, { nullable: true, description: '办结时限 (Beijing date)' }) dueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'class | supervisor | district-leader | higher-authority | source' })
  dueSetBy!: string | null;
  @Field({ description: 'office (督查室 classes) | petition (信访 classes: sudden, fairly-urgent, general, complex)' }) deadlineTable!: string;
  @Field(() => Int, { nullable: true, description: "a sudden petition case's days (1–5)" }) suddenDays!: number | null;
  @Field({ description: 'false when the source already names the unit and the deadline: no separate 督查通知' }) needsSeparateNotice!: boolean;
  @Field({ description: "the source's classification (none | secret | confidential | top-secret)" }) classification!: string;
  @Field(() => String, { nullable: true, description: 'the highest colour notice of the current round: blue | yellow | orange | red' })
  colour!: string | null;
  @Field(() => String, { nullable: true, description: 'escalation stopped on this day (a report under review, or closed)' })
  stoppedOn!: string | null;
  @Field(() => String, { nullable: true, description: '办结/销号' }) closedAt!: string | null;
  @Field(() => String, { nullable: true, description: '立卷归档' }) archivedAt!: string | null;
  @Field(() => String, { nullable: true, description: '移交档案局: one year after filing' }) archiveTransferOn!: string | null;
  @Field(() => [SupervisionItemAssigneeType], { complexity: 2 }) assignees!: SupervisionItemAssigneeType[];
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
  @Field(() => [SupervisionReminderType], { nullable: true, complexity: 5, description: '催办登记' }) reminders?: SupervisionReminderType[];
  @Field(() => [SupervisionNoticeType], { nullable: true, complexity: 5, description: 'the notices of the daily checks' }) notices?: SupervisionNoticeType[];
  @Field(() => [SupervisionReportType], { nullable: true, complexity: 5, description: 'completion reports and their review' }) reports?: SupervisionReportType[];
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
  @Field(() => Int, { nullable: true, description: "a sudden petition case's days (1–5), when the petitions section did not set them" })
  suddenDays?: number | null;
}
