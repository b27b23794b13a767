import { incomingRegistered } from './incoming.js';
import { incomingRouted } from './instructions.js';
import { outgoingLegalReviewRequested } from './legal-review.js';

/** Every event the documents section publishes (add new ones here; catalog.ts collects the sections). */
export const DOCUMENTS_EVENTS = [incomingRegistered, incomingRouted, outgoingLegalReviewRequested] as const;
