import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { HistoryEntry } from '../graphql/history.types.js';

@ObjectType('MeetingTopicApprovals', { description: 'Approvals of an ad-hoc topic.' })
export class MeetingTopicApprovals {
  @Field() director!: boolean;
  @Field() principalLeader!: boolean;
  @Field() districtMayor!: boolean;
}

@ObjectType('MeetingTopic', { description: '议题: a topic with its legality review, industry opinion and what blocks its deliberation.' })
export class MeetingTopicType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field() meetingTypeCode!: string;
  @Field() title!: string;
  @Field() proposingUnit!: string;
  @Field({ description: 'planned | ad-hoc' }) origin!: string;
  @Field() major!: boolean;
  @Field() urgent!: boolean;
  @Field() submittedAt!: string;
  @Field(() => String, { nullable: true }) submissionLatestDate!: string | null;
  @Field() materialsAttached!: boolean;
  @Field() normativeDocument!: boolean;
  @Field() majorAdministrativeDecision!: boolean;
  @Field() legalOfficeSitsIn!: boolean;
  @Field({ description: 'not-requested | pending | passed | failed' }) legalReview!: string;
  @Field(() => ID, { nullable: true }) legalReviewRequestId!: string | null;
  @Field(() => String, { nullable: true }) legalReviewOpinionNumber!: string | null;
  @Field() industrialLand!: boolean;
  @Field() planning!: boolean;
  @Field() industryOpinionNeeded!: boolean;
  @Field() industryCommissionOpinion!: boolean;
  @Field(() => MeetingTopicApprovals) adHocApprovals!: MeetingTopicApprovals;
  @Field({ description: 'submitted | blocked | deliberated' }) state!: string;
  @Field(() => [String], { description: 'legal-review-pending | legal-review-failed | industry-opinion-missing' }) blocks!: string[];
  @Field(() => String, { nullable: true }) deliberatedAt!: string | null;
  @Field(() => [HistoryEntry], { nullable: true, complexity: 5 }) history?: HistoryEntry[];
}

@InputType('OfficeTopicAdmissionInput', { description: '室务会 topic admission facts (前置审核, 调研论证, 部门协商, 分管领导先行审核).' })
export class OfficeTopicAdmissionInput {
  @Field() normativeOrMajorDecision!: boolean;
  @Field() preReviewDone!: boolean;
  @Field() requiredStudySkipped!: boolean;
  @Field() crossUnit!: boolean;
  @Field() unitsAgreed!: boolean;
  @Field() preferredOptionAndOthersAttached!: boolean;
  @Field() reviewedByMemberInCharge!: boolean;
}

@InputType('SubmitMeetingTopicInput', { description: '议题 with its materials, submitted by the deadline of its meeting type.' })
export class SubmitMeetingTopicInput {
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field() proposingUnit!: string;
  @Field(() => String, { nullable: true, description: 'planned | ad-hoc' }) origin?: string | null;
  @Field(() => Boolean, { nullable: true }) major?: boolean | null;
  @Field(() => Boolean, { nullable: true }) urgent?: boolean | null;
  @Field() materialsAttached!: boolean;
  @Field(() => Boolean, { nullable: true }) materialsSignedByLeader?: boolean | null;
  @Field(() => Boolean, { nullable: true }) attendeeListAttached?: boolean | null;
  @Field(() => Boolean, { nullable: true }) normativeDocument?: boolean | null;
  @Field(() => Boolean, { nullable: true }) majorAdministrativeDecision?: boolean | null;
  @Field(() => Boolean, { nullable: true }) involvesLegalProvisions?: boolean | null;
  @Field(() => String, { nullable: true }) exemptSubject?: string | null;
  @Field(() => Boolean, { nullable: true }) industrialLand?: boolean | null;
  @Field(() => Boolean, { nullable: true }) planning?: boolean | null;
  @Field(() => OfficeTopicAdmissionInput, { nullable: true }) officeAdmission?: OfficeTopicAdmissionInput | null;
}
