import { Module } from '@nestjs/common';
import { ReviewsHandlers } from './reviews.handlers.js';
import { ConcludeLegalReview } from './conclude-review.use-case.js';
import { GetLegalReview, ListLegalReviews } from './read-reviews.use-case.js';
import { RecordReviewRequest } from './record-review-request.consumer.js';

/** 合法性审查: requests from other sections and their opinions. */
@Module({ controllers: [ReviewsHandlers], providers: [ConcludeLegalReview, GetLegalReview, ListLegalReviews, RecordReviewRequest] })
export class ReviewsModule {}
