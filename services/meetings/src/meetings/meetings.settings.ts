import { parseMeetingsSettings, type MeetingsSettings } from './settings.js';

/**
 * The meetings settings the use cases read: every number of RULES.md with its unit, parsed once when the
 * service starts. `MEETINGS_SETTINGS` (JSON) overrides any part; a bad value stops the start with its name.
 */
export const SETTINGS: MeetingsSettings = parseMeetingsSettings(
  process.env.MEETINGS_SETTINGS ? (JSON.parse(process.env.MEETINGS_SETTINGS) as unknown) : {},
);
