import { petitionReferred } from './cases.js';

/** Every event the petitions section publishes. */
export const PETITIONS_EVENTS = [petitionReferred] as const;
