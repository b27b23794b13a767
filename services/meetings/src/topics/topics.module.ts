import { Module } from '@nestjs/common';
import { TopicsHandlers } from './topics.handlers.js';
import { ApproveAdHocTopic, DeliberateTopic, GetTopic, RecordIndustryOpinion, SubmitTopic } from './topics.use-case.js';
import { ApplyTopicLegalReview } from './apply-legal-review.consumer.js';

/** 议题: topics with their deadlines, ad-hoc approvals, the legality-review gate and the industry opinion (issue 4 §4). */
@Module({
  controllers: [TopicsHandlers],
  providers: [SubmitTopic, ApproveAdHocTopic, RecordIndustryOpinion, DeliberateTopic, GetTopic, ApplyTopicLegalReview],
})
export class TopicsModule {}
