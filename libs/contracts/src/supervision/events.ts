import { itemAdmitted, itemAssigned, itemCreated } from './items.js';

/** Every event the supervision section publishes (add new ones here; catalog.ts collects the sections). */
export const SUPERVISION_EVENTS = [itemCreated, itemAdmitted, itemAssigned] as const;
