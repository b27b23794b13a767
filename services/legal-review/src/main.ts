import { runServiceMain } from '@gov/service-kit';
import { legalReviewService } from './service.js';

await runServiceMain(legalReviewService);
