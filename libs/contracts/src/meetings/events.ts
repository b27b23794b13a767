import { minutesIssued } from './minutes.js';
import { topicLegalReviewRequested } from './legal-review.js';

/** Every event the meetings section publishes (add new ones here; catalog.ts collects the sections). */
export const MEETINGS_EVENTS = [minutesIssued, topicLegalReviewRequested] as const;
