import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { legalReview } from '@gov/contracts';

@ObjectType('LegalReviewSubject', { description: 'The record that asked for review in its own section.' })
export class LegalReviewSubjectType {
  @Field({ description: 'documents | meetings' }) section!: string;
  @Field({ description: 'outgoing (发文稿) | topic (议题)' }) kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('LegalReviewPerson')
export class LegalReviewPerson {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('LegalReview', { description: '合法性审查: a review request and its opinion.' })
export class LegalReviewType {
  @Field(() => ID) id!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => LegalReviewSubjectType) subject!: LegalReviewSubjectType;
  @Field(() => String, { nullable: true, description: 'null when the asking record is classified' }) title!: string | null;
  @Field(() => [String], { description: legalReview.LEGAL_REVIEW_GROUNDS.join(' | ') }) grounds!: string[];
  @Field({ description: legalReview.REVIEW_STATES.join(' | ') }) state!: string;
  @Field() requestedAt!: string;
  @Field(() => String, { nullable: true, description: legalReview.LEGAL_REVIEW_OUTCOMES.join(' | ') }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: '法审〔YYYY〕N号' }) opinionNumber!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) concludedAt!: string | null;
  @Field(() => LegalReviewPerson, { nullable: true }) concludedBy!: LegalReviewPerson | null;
}

@ObjectType()
export class LegalReviewPage {
  @Field(() => [LegalReviewType]) items!: LegalReviewType[];
  @Field(() => Int) total!: number;
}

@InputType({ description: 'A legal officer’s opinion; anything but passed needs its reason.' })
export class ConcludeLegalReviewInput {
  @Field(() => ID) id!: string;
  @Field({ description: legalReview.LEGAL_REVIEW_OUTCOMES.join(' | ') }) outcome!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
}
