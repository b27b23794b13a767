import type { ServiceDefinition } from '@gov/service-kit';
import { LegalReviewDatabase } from './database.js';

/** The 法制审核 (legal review, filing, reconsideration) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const legalReviewService: ServiceDefinition<InstanceType<typeof LegalReviewDatabase>> = {
  section: 'legal-review',
  modules: [],
  prismaClient: LegalReviewDatabase as never,
};
