import { parseMeetingsSettings } from '../meetings/settings.js';

/**
 * The section's settings as the request, weekly-schedule and activity-plan use cases read them: every number
 * with its unit, the defaults documented in RULES.md (D1–D21). There is no deployment override yet, so the
 * defaults apply (a later change can feed `parseMeetingsSettings` from configuration).
 */
export const SETTINGS = parseMeetingsSettings();
