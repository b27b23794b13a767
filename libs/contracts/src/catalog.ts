import type { z } from 'zod';
import type { EventContract } from './define.js';
import { incomingRegistered } from './documents/incoming.js';
import { itemAdmitted, itemAssigned, itemCreated } from './supervision/items.js';

/** Every event the platform publishes; docs/events/asyncapi.json is generated from this list. */
export const EVENT_CATALOG: readonly EventContract<z.ZodType>[] = [incomingRegistered, itemCreated, itemAdmitted, itemAssigned];
