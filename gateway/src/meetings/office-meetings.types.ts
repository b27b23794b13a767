import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OfficeMatter')
export class OfficeMatterType {
  @Field() kind!: string;
  @Field(() => Float, { nullable: true, description: 'yuan' }) amount?: number | null;
}

@InputType('OfficeMatterInput', { description: 'investment-project / one-time-purchase / unbudgeted-expense with an amount in yuan; cadre, major-decision, …' })
export class OfficeMatterInput {
  @Field() kind!: string;
  @Field(() => Float, { nullable: true }) amount?: number | null;
}

@ObjectType('OfficeItemTally')
export class OfficeItemTally {
  @Field(() => String, { nullable: true }) candidateId!: string | null;
  @Field(() => Int) agree!: number;
  @Field(() => Int) disagree!: number;
  @Field(() => Int) defer!: number;
  @Field(() => Int) shouldAttend!: number;
  @Field(() => [String], { description: 'absent members whose written opinions are recorded, not counted' }) notCounted!: string[];
  @Field({ description: 'passed | not-passed | deferred' }) outcome!: string;
}

@ObjectType('OfficeMeetingItem', { description: '室务会 item with its tallies.' })
export class OfficeMeetingItemType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field() kind!: string;
  @Field(() => OfficeMatterType) matter!: OfficeMatterType;
  @Field() requiresCollectiveDecision!: boolean;
  @Field(() => Int) members!: number;
  @Field(() => Int) present!: number;
  @Field(() => [String]) conflictedMemberIds!: string[];
  @Field() chairId!: string;
  @Field(() => [OfficeItemTally]) tallies!: OfficeItemTally[];
  @Field() decidedAt!: string;
  @Field() decidedBy!: string;
}

@InputType('OfficeBallotInput')
export class OfficeBallotInput {
  @Field() memberId!: string;
  @Field({ description: 'agree | disagree | defer' }) opinion!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => [String], { nullable: true }) candidateIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) written?: boolean | null;
}

@InputType('DecideOfficeItemInput')
export class DecideOfficeItemInput {
  @Field(() => ID) meetingId!: string;
  @Field() title!: string;
  @Field({ description: 'major-decision | cadre | discipline | project | funds | other' }) kind!: string;
  @Field(() => OfficeMatterInput, { nullable: true }) matter?: OfficeMatterInput | null;
  @Field(() => [String], { nullable: true }) conflictedMemberIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) tripleOneMajor?: boolean | null;
  @Field(() => Boolean, { nullable: true }) emergency?: boolean | null;
  @Field(() => Boolean, { nullable: true }) largeDivergence?: boolean | null;
  @Field(() => Boolean, { nullable: true }) adHocMotion?: boolean | null;
  @Field(() => [String]) speakingOrder!: string[];
  @Field(() => [String], { nullable: true }) candidateIds?: string[] | null;
  @Field(() => [OfficeBallotInput]) ballots!: OfficeBallotInput[];
}

@ObjectType('DecisionMethodCheck')
export class DecisionMethodCheck {
  @Field() requiresCollectiveDecision!: boolean;
  @Field() followUpReport!: boolean;
}
