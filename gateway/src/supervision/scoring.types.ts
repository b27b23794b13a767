import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ScorePerson')
export class ScorePersonType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('ScoreEntry', { description: 'A deduction or addition of seed 002\'s table (内务督查考核).' })
export class ScoreEntryType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() zh!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int) points!: number;
  @Field() on!: string;
  @Field(() => Int) quarter!: number;
  @Field() sectionId!: string;
  @Field(() => String, { nullable: true }) personId!: string | null;
  @Field() criticisedByLeader!: boolean;
  @Field() evidenceSubmittedOn!: string;
  @Field({ description: 'on-time | late' }) evidenceStatus!: string;
  @Field({ description: 'the seed line of the table row' }) seed!: string;
  @Field() mayBeHandledSeparately!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() recordedAt!: string;
  @Field(() => ScorePersonType) recordedBy!: ScorePersonType;
}

@ObjectType('SectionPosting', { description: "A person's posting to the section during the year." })
export class SectionPostingType {
  @Field() personId!: string;
  @Field() from!: string;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType('SectionScore')
export class SectionScoreType {
  @Field() sectionId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) base!: number;
  @Field(() => Int) score!: number;
  @Field(() => [ScoreEntryType]) entries!: ScoreEntryType[];
  @Field(() => [SectionPostingType]) postings!: SectionPostingType[];
}

@ObjectType('PersonScore')
export class PersonScoreType {
  @Field() personId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) base!: number;
  @Field(() => Int) score!: number;
  @Field(() => [ScoreEntryType]) entries!: ScoreEntryType[];
}

@ObjectType('PersonPosting')
export class PersonPostingType {
  @Field() sectionId!: string;
  @Field() from!: string;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType('PersonPostings')
export class PersonPostingsType {
  @Field() personId!: string;
  @Field(() => [PersonPostingType]) postings!: PersonPostingType[];
}

@ObjectType('RankedSection')
export class RankedSectionType {
  @Field() sectionId!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int, { description: 'competition ranking (1, 2, 2, 4)' }) rank!: number;
  @Field({ description: 'among the top 3 commended' }) commended!: boolean;
  @Field({ description: 'among the bottom 2: the head takes no part in the year\'s awards' }) headExcludedFromAwards!: boolean;
}

@ObjectType('AdvancedIndividualsRange')
export class AdvancedIndividualsRange {
  @Field(() => Int) min!: number;
  @Field(() => Int) max!: number;
}

@ObjectType('YearEndRanking')
export class YearEndRankingType {
  @Field(() => Int) year!: number;
  @Field(() => [RankedSectionType]) sections!: RankedSectionType[];
  @Field(() => AdvancedIndividualsRange) advancedIndividuals!: AdvancedIndividualsRange;
}

@ObjectType('UnitScore')
export class UnitScoreType {
  @Field() unit!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int) items!: number;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) sentBack!: number;
}

@ObjectType('UnitScores')
export class UnitScoresType {
  @Field(() => Int) year!: number;
  @Field() asOf!: string;
  @Field(() => Int) base!: number;
  @Field(() => [UnitScoreType]) units!: UnitScoreType[];
}

@InputType({ description: 'A late leader-assigned matter (L44): the day it was assigned and, if done, the day it was done.' })
export class LeaderMatterInput {
  @Field() assignedOn!: string;
  @Field(() => String, { nullable: true }) doneOn?: string | null;
}

@InputType({ description: 'A deduction or addition against a section, or a person (and so their section that day).' })
export class RecordScoreInput {
  @Field({ description: 'the table row, e.g. late-or-early-leave, municipal-commendation' }) code!: string;
  @Field(() => Int, { nullable: true }) count?: number | null;
  @Field({ description: 'the day of the event (YYYY-MM-DD)' }) on!: string;
  @Field(() => String, { nullable: true }) sectionId?: string | null;
  @Field(() => String, { nullable: true }) personId?: string | null;
  @Field(() => Boolean, { nullable: true }) criticisedByLeader?: boolean | null;
  @Field(() => LeaderMatterInput, { nullable: true, description: 'required for leader-assigned-matter-late' }) leaderMatter?: LeaderMatterInput | null;
  @Field() evidenceSubmittedOn!: string;
  @Field({ description: 'signed by the providing section\'s cadre in charge (分管科级干部审签)' }) signedByCadreInCharge!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
}
