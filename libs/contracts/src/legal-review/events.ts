import { reviewConcluded } from './reviews.js';

/** Every event the legal-review section publishes. */
export const LEGAL_REVIEW_EVENTS = [reviewConcluded] as const;
