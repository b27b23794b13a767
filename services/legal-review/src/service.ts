import type { ServiceDefinition } from '@gov/service-kit';
import { LegalReviewDatabase } from './database.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { RecordReviewRequest } from './reviews/record-review-request.consumer.js';

/** The 法制审核 (legal review, filing, reconsideration) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const legalReviewService: ServiceDefinition<InstanceType<typeof LegalReviewDatabase>> = {
  section: 'legal-review',
  modules: [ReviewsModule],
  prismaClient: LegalReviewDatabase as never,
  consumers: [RecordReviewRequest],
};
