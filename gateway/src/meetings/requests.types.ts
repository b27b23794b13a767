import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { meetings } from '@gov/contracts';
import { HistoryEntry } from '../graphql/history.types.js';

const TYPES = `type: ${meetings.REQUEST_TYPES.join(' | ')} (省市会议, 上级视察调研, 外单位参观学习, 区有关单位会议)`;
const STATES = `state: ${meetings.REQUEST_STATES.join(' | ')}`;

@ObjectType('MeetingRequestPerson')
export class MeetingRequestPerson {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('AdmissionReason', { description: 'One failed admission check (审核, seed 000 L18) and what it names.' })
export class AdmissionReasonType {
  @Field({ description: 'complete | consulted | one-matter | lead-time | attachments | speech-draft | irregular' }) check!: string;
  @Field() description!: string;
  @Field(() => [String], { description: 'missing fields, departments not consulted, missing attachments, notes' }) items!: string[];
  @Field(() => String, { nullable: true, description: 'lead-time: the latest receipt date that would have passed' }) latestDate!: string | null;
  @Field(() => Int, { nullable: true, description: 'lead-time: working days actually ahead' }) workingDaysAhead!: number | null;
}

@ObjectType('ReplyTask', { description: '办复: who is told to prepare what.' })
export class ReplyTaskType {
  @Field() to!: string;
  @Field() what!: string;
}

@ObjectType('MeetingRequest', { description: '会议、活动请示: a request for the weekly schedule, as registered and reviewed.' })
export class MeetingRequestType {
  @Field(() => ID) id!: string;
  @Field({ description: '会议收文〔YYYY〕N号' }) registerNumber!: string;
  @Field({ description: TYPES }) type!: string;
  @Field() title!: string;
  @Field() requestingUnit!: string;
  @Field() receivedAt!: string;
  @Field(() => String, { nullable: true }) startsAt!: string | null;
  @Field(() => String, { nullable: true }) endsAt!: string | null;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => Int, { nullable: true }) scale!: number | null;
  @Field(() => String, { nullable: true }) content!: string | null;
  @Field(() => [String]) participants!: string[];
  @Field(() => [String]) agenda!: string[];
  @Field(() => Int) matterCount!: number;
  @Field(() => [String]) affectedDepartments!: string[];
  @Field(() => [String]) consultedDepartments!: string[];
  @Field() leaderToSpeak!: boolean;
  @Field() speechDraftAttached!: boolean;
  @Field() foreignRelated!: boolean;
  @Field({ description: 'whether the admission review passed (经审查合格)' }) admitted!: boolean;
  @Field(() => [AdmissionReasonType], { complexity: 2 }) reasons!: AdmissionReasonType[];
  @Field({ description: STATES }) state!: string;
  @Field(() => String, { nullable: true, description: '拟办意见 as JSON text' }) opinion!: string | null;
  @Field(() => [String]) proposedLeaderIds!: string[];
  @Field(() => String, { nullable: true }) foreignAffairsOpinion!: string | null;
  @Field(() => [ReplyTaskType]) replyTasks!: ReplyTaskType[];
  @Field(() => MeetingRequestPerson) registeredBy!: MeetingRequestPerson;
  @Field(() => String, { nullable: true }) approvedAt!: string | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@ObjectType()
export class MeetingRequestPage {
  @Field(() => [MeetingRequestType]) items!: MeetingRequestType[];
  @Field(() => Int) total!: number;
}

@ObjectType('MeetingTask', { description: 'A step waiting for the caller in the request, weekly-schedule or activity-plan workflow.' })
export class MeetingTaskType {
  @Field({ description: 'meeting-request | weekly-schedule | activity-plan' }) workflow!: string;
  @Field(() => ID) id!: string;
  @Field({ description: 'register number, week Monday or plan title' }) reference!: string;
  @Field() state!: string;
  @Field(() => [String]) actions!: string[];
  @Field() since!: string;
}

@InputType({ description: '登记: a meeting or activity request as received; the admission review runs on it.' })
export class RegisterMeetingRequestInput {
  @Field({ description: TYPES }) type!: string;
  @Field() title!: string;
  @Field() requestingUnit!: string;
  @Field(() => String, { nullable: true }) receivedAt?: string | null;
  @Field(() => String, { nullable: true }) startsAt?: string | null;
  @Field(() => String, { nullable: true }) endsAt?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => Int, { nullable: true }) scale?: number | null;
  @Field(() => String, { nullable: true }) content?: string | null;
  @Field(() => [String], { nullable: true }) participants?: string[] | null;
  @Field(() => [String], { nullable: true }) agenda?: string[] | null;
  @Field(() => Int, { nullable: true, description: '一文一事: 1' }) matterCount?: number | null;
  @Field(() => [String], { nullable: true }) affectedDepartments?: string[] | null;
  @Field(() => [String], { nullable: true }) consultedDepartments?: string[] | null;
  @Field(() => [String], { nullable: true }) declaredAttachments?: string[] | null;
  @Field(() => [String], { nullable: true }) attachedAttachments?: string[] | null;
  @Field(() => Boolean, { nullable: true }) leaderToSpeak?: boolean | null;
  @Field(() => Boolean, { nullable: true }) speechDraftAttached?: boolean | null;
  @Field(() => [String], { nullable: true }) irregularities?: string[] | null;
  @Field(() => Boolean, { nullable: true }) foreignRelated?: boolean | null;
}
