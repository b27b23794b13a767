import type { z } from 'zod';
import type { EventContract } from './define.js';
import { DOCUMENTS_EVENTS } from './documents/events.js';
import { MEETINGS_EVENTS } from './meetings/events.js';
import { SUPERVISION_EVENTS } from './supervision/events.js';
import { PETITIONS_EVENTS } from './petitions/events.js';
import { LEGAL_REVIEW_EVENTS } from './legal-review/events.js';

/**
 * Every event the platform publishes; docs/events/asyncapi.json is generated from this list. Each section
 * keeps its own list in `<section>/events.ts`.
 */
export const EVENT_CATALOG: readonly EventContract<z.ZodType>[] = [
  ...DOCUMENTS_EVENTS,
  ...MEETINGS_EVENTS,
  ...SUPERVISION_EVENTS,
  ...PETITIONS_EVENTS,
  ...LEGAL_REVIEW_EVENTS,
];
