import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import { Classification } from '../graphql/scalars.js';
import { HistoryEntry } from '../graphql/history.types.js';

const STATES = `state: ${meetings.MEETING_STATES.join(' | ')}`;

@ObjectType('MeetingPlanField', { description: 'One field of the meeting plan (会务方案), e.g. theme, hostUnit, agenda.' })
export class MeetingPlanField {
  @Field() field!: string;
  @Field() value!: string;
}

@InputType('MeetingPlanFieldInput')
export class MeetingPlanFieldInput {
  @Field() field!: string;
  @Field() value!: string;
}

@ObjectType('MeetingDuration')
export class MeetingDuration {
  @Field(() => Int) amount!: number;
  @Field({ description: 'working | calendar (days), minutes | hours' }) unit!: string;
}

@ObjectType('MeetingNoticeSignFor', { description: '签收: a recipient unit signed for the notice.' })
export class MeetingNoticeSignFor {
  @Field() unit!: string;
  @Field() signedAt!: string;
  @Field() signedBy!: string;
}

@ObjectType('MeetingNotice', { description: '会议通知 status: lead time by type, late or not, sign-fors and the units still to sign.' })
export class MeetingNotice {
  @Field(() => String, { nullable: true }) preNoticeSentAt!: string | null;
  @Field(() => String, { nullable: true }) preNoticeConsentBy!: string | null;
  @Field(() => String, { nullable: true }) sentAt!: string | null;
  @Field(() => String, { nullable: true, description: 'general | activity | large | major-issues | cadre-matters | office-affairs' }) basis!: string | null;
  @Field(() => MeetingDuration, { nullable: true }) lead!: MeetingDuration | null;
  @Field(() => String, { nullable: true, description: 'the latest date (close of business) the notice could go out' }) latestDate!: string | null;
  @Field() late!: boolean;
  @Field({ description: 'late but ad hoc: the attending leaders are phoned' }) phoneAttendingLeaders!: boolean;
  @Field(() => [MeetingNoticeSignFor], { complexity: 2 }) signed!: MeetingNoticeSignFor[];
  @Field(() => [String]) unsignedUnits!: string[];
}

@ObjectType('MeetingPlanSignature')
export class MeetingPlanSignature {
  @Field() step!: string;
  @Field() signerName!: string;
  @Field() at!: string;
}

@ObjectType('MeetingPlanSignOff', { description: '专题会议方案 审签: the route, who signed, and whether it was signed off by the day before.' })
export class MeetingPlanSignOff {
  @Field(() => [String]) route!: string[];
  @Field(() => [MeetingPlanSignature]) signed!: MeetingPlanSignature[];
  @Field(() => String, { nullable: true }) signedOffAt!: string | null;
  @Field(() => Boolean, { nullable: true }) nonCompliant!: boolean | null;
}

@ObjectType('MeetingArrival', { description: 'When staff must be on site (30 min; 1 h district-wide; 40/20 min specialised).' })
export class MeetingArrival {
  @Field() staff!: string;
  @Field() dueAt!: string;
  @Field(() => MeetingDuration) lead!: MeetingDuration;
  @Field() source!: string;
}

@ObjectType('MeetingSignIn')
export class MeetingSignIn {
  @Field() attendeeId!: string;
  @Field() signedInAt!: string;
}

@ObjectType('MeetingAttendeeReason')
export class MeetingAttendeeReason {
  @Field() attendeeId!: string;
  @Field() reason!: string;
}

@ObjectType('MeetingAttendance', { description: '签到 / 请假 / 缺席原因, and when the chair is told (5 minutes before the start).' })
export class MeetingAttendance {
  @Field(() => [MeetingSignIn]) present!: MeetingSignIn[];
  @Field(() => [MeetingAttendeeReason]) onLeave!: MeetingAttendeeReason[];
  @Field(() => [String]) notArrived!: string[];
  @Field(() => [MeetingAttendeeReason]) absenceReasons!: MeetingAttendeeReason[];
  @Field() chairReportAt!: string;
  @Field() chaseAbsenteesAt!: string;
}

@ObjectType('MeetingDocument', { description: 'A document handed out to be recovered (如数收回).' })
export class MeetingDocument {
  @Field() documentId!: string;
  @Field(() => Int) copiesIssued!: number;
  @Field(() => Int) copiesRecovered!: number;
  @Field(() => Int) outstanding!: number;
}

@ObjectType('MeetingTopicSummary')
export class MeetingTopicSummary {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() proposingUnit!: string;
  @Field() origin!: string;
  @Field() state!: string;
  @Field() legalReview!: string;
  @Field(() => [String]) blocks!: string[];
}

@ObjectType('MeetingMinutesSummary')
export class MeetingMinutesSummary {
  @Field(() => ID) id!: string;
  @Field() state!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field() draftDueAt!: string;
  @Field(() => String, { nullable: true }) issuedAt!: string | null;
}

@ObjectType('MeetingCreator')
export class MeetingCreator {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('Meeting', { description: '会议: a meeting of a reference type with its plan, notice status, sign-in, topics and minutes.' })
export class MeetingType {
  @Field(() => ID) id!: string;
  @Field() typeCode!: string;
  @Field() typeName!: string;
  @Field() title!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() place!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field({ description: STATES }) state!: string;
  @Field(() => String, { nullable: true }) chair?: string | null;
  @Field(() => [MeetingPlanField], { nullable: true }) plan?: MeetingPlanField[];
  @Field(() => [String], { nullable: true }) attendees?: string[];
  @Field(() => [String], { nullable: true }) recipientUnits?: string[];
  @Field({ nullable: true }) large?: boolean;
  @Field({ nullable: true }) majorIssues?: boolean;
  @Field({ nullable: true }) cadreMatters?: boolean;
  @Field({ nullable: true }) adHoc?: boolean;
  @Field({ nullable: true }) urgent?: boolean;
  @Field(() => String, { nullable: true }) seatingApprovedBy?: string | null;
  @Field(() => String, { nullable: true }) seatingApprovedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'who keeps the record: research-office | secretariat-unit | general-affairs-unit | party-building-office' })
  recorderUnit?: string | null;
  @Field(() => MeetingPlanSignOff, { nullable: true }) planSignOff?: MeetingPlanSignOff | null;
  @Field(() => MeetingNotice, { nullable: true, complexity: 3 }) notice?: MeetingNotice;
  @Field(() => String, { nullable: true }) materialsDistributedAt?: string | null;
  @Field(() => [MeetingArrival], { nullable: true, complexity: 2 }) arrivals?: MeetingArrival[];
  @Field(() => MeetingAttendance, { nullable: true, complexity: 3 }) attendance?: MeetingAttendance;
  @Field(() => [MeetingDocument], { nullable: true, complexity: 2 }) documents?: MeetingDocument[];
  @Field(() => String, { nullable: true }) heldAt?: string | null;
  @Field(() => [MeetingTopicSummary], { nullable: true, complexity: 3 }) topics?: MeetingTopicSummary[];
  @Field(() => MeetingMinutesSummary, { nullable: true }) minutes?: MeetingMinutesSummary | null;
  @Field(() => MeetingCreator, { nullable: true }) createdBy?: MeetingCreator;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType('MeetingPage')
export class MeetingPage {
  @Field(() => [MeetingType]) items!: MeetingType[];
  @Field(() => Int) total!: number;
}

@ObjectType('MeetingChairReport', { description: 'The report to the chair 5 minutes before the start.' })
export class MeetingChairReport {
  @Field() dueAt!: string;
  @Field(() => [String]) present!: string[];
  @Field(() => [MeetingAttendeeReason]) onLeave!: MeetingAttendeeReason[];
  @Field(() => [String]) notArrived!: string[];
}

@ObjectType('UnsignedMeetingNotice')
export class UnsignedMeetingNotice {
  @Field(() => ID) meetingId!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => [String]) units!: string[];
}

@ObjectType('UnsignedMeetingNoticeList', { description: 'The daily list at close of business of units that have not signed.' })
export class UnsignedMeetingNoticeList {
  @Field() date!: string;
  @Field(() => String, { nullable: true }) checkAt!: string | null;
  @Field(() => [UnsignedMeetingNotice]) notices!: UnsignedMeetingNotice[];
}

@ObjectType('MeetingAttendanceReportPush', { description: 'A report to the chair recorded by one run of the meeting notices.' })
export class MeetingAttendanceReportPush {
  @Field(() => ID) meetingId!: string;
  @Field() dueAt!: string;
  @Field(() => [String]) present!: string[];
  @Field(() => [String]) onLeave!: string[];
  @Field(() => [String]) notArrived!: string[];
}

@ObjectType('MeetingUnsignedListPush', { description: "A day's unsigned list recorded by one run of the meeting notices." })
export class MeetingUnsignedListPush {
  @Field(() => ID) meetingId!: string;
  @Field() date!: string;
  @Field(() => [String]) units!: string[];
}

@ObjectType('MeetingNoticeRun', { description: 'What one run of the meeting notices recorded (nothing when run again for the same instant or day).' })
export class MeetingNoticeRun {
  @Field() at!: string;
  @Field(() => [MeetingAttendanceReportPush]) reports!: MeetingAttendanceReportPush[];
  @Field(() => String, { nullable: true, description: 'close of business of the day, null when not on a working day at or after it' }) unsignedCheckAt!: string | null;
  @Field(() => [MeetingUnsignedListPush]) unsignedLists!: MeetingUnsignedListPush[];
}

@ObjectType('MeetingWorkTask', { description: 'A step waiting for me on a meeting, topic or minutes.' })
export class MeetingWorkTask {
  @Field() kind!: string;
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) dueAt!: string | null;
}

@ObjectType('LeaderPostAssignment')
export class LeaderPostAssignment {
  @Field() post!: string;
  @Field() userId!: string;
  @Field() assignedAt!: string;
}

@InputType('PlanMeetingInput', { description: '会务方案: a meeting of a reference type with its fields, attendees and notice units.' })
export class PlanMeetingInput {
  @Field({ description: 'a meeting type code, e.g. standing-committee, executive-meeting, office-affairs-meeting' }) typeCode!: string;
  @Field() title!: string;
  @Field(() => Classification, { nullable: true }) classification?: Classification | null;
  @Field() place!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field(() => String, { nullable: true }) chair?: string | null;
  @Field(() => [MeetingPlanFieldInput], { nullable: true }) plan?: MeetingPlanFieldInput[] | null;
  @Field(() => [String], { nullable: true }) attendees?: string[] | null;
  @Field(() => [String], { nullable: true }) recipientUnits?: string[] | null;
  @Field(() => Boolean, { nullable: true }) large?: boolean | null;
  @Field(() => Boolean, { nullable: true }) majorIssues?: boolean | null;
  @Field(() => Boolean, { nullable: true }) cadreMatters?: boolean | null;
  @Field(() => Boolean, { nullable: true }) adHoc?: boolean | null;
  @Field(() => Boolean, { nullable: true }) urgent?: boolean | null;
  @Field(() => Boolean, { nullable: true }) manyAttendeesOrWideScope?: boolean | null;
  @Field(() => Boolean, { nullable: true }) districtHeadAttends?: boolean | null;
  @Field(() => Boolean, { nullable: true }) districtHeadSigns?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'topic meetings: a full set of materials goes with the plan' }) materialsComplete?: boolean | null;
}

@InputType('MeetingDocumentCopiesInput')
export class MeetingDocumentCopiesInput {
  @Field() documentId!: string;
  @Field(() => Int) copies!: number;
}
