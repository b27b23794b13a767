import { incomingRegistered } from './incoming.js';
import { CONFIDENTIAL_EVENTS } from './confidential.js';
import { SEAL_EVENTS } from './seals.js';
import { TELEGRAM_EVENTS } from './telegrams.js';
import { INCOMING_WORKFLOW_EVENTS } from './incoming-workflow.js';
import { SPECIAL_ITEM_EVENTS } from './special-items.js';
import { incomingRouted } from './instructions.js';
import { outgoingLegalReviewRequested } from './legal-review.js';
import { OUTGOING_EVENTS } from './outgoing.js';

/** Every event the documents section publishes (add new ones here; catalog.ts collects the sections). */
export const DOCUMENTS_EVENTS = [incomingRegistered, ...INCOMING_WORKFLOW_EVENTS, ...SPECIAL_ITEM_EVENTS, incomingRouted, outgoingLegalReviewRequested, ...OUTGOING_EVENTS, ...CONFIDENTIAL_EVENTS, ...TELEGRAM_EVENTS, ...SEAL_EVENTS] as const;
