import { Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { DEFAULT_MEETINGS_SETTINGS, parseMeetingsSettings, type MeetingsSettings } from './settings.js';

/** The section's settings (settings.ts) as the service runs with them: the one way every use case reads them. */
export const MEETINGS_SETTINGS = Symbol('MEETINGS_SETTINGS');

/** Each problem as `path: message`, so the operator sees which setting is wrong (e.g. `notice.general.amount`). */
function describeIssues(error: unknown): string {
  if (!(error instanceof z.ZodError)) return (error as Error).message;
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('; ');
}

/**
 * The settings from `MEETINGS_SETTINGS` (JSON, only the parts that differ from the defaults, e.g.
 * `{"notice":{"general":{"amount":2,"unit":"working"}}}`), validated over the defaults of settings.ts: each
 * part (`time`, `notice`, …) and each of its values left out keeps its default; a value given replaces the
 * default whole (a duration, a table). Unset or blank, the defaults. A bad value (not JSON, an unknown key, a
 * number without its unit) stops the service at start-up with the setting named.
 */
export function loadMeetingsSettings(env: Record<string, string | undefined> = process.env): MeetingsSettings {
  const raw = env.MEETINGS_SETTINGS?.trim();
  if (!raw) return DEFAULT_MEETINGS_SETTINGS;
  let overrides: unknown;
  try {
    overrides = JSON.parse(raw);
  } catch (error) {
    throw new Error(`meetings: invalid configuration: MEETINGS_SETTINGS is not JSON (${(error as Error).message})`);
  }
  try {
    return parseMeetingsSettings(overrides);
  } catch (error) {
    throw new Error(`meetings: invalid configuration: MEETINGS_SETTINGS ${describeIssues(error)}`);
  }
}

/** Global: every module of the service injects MEETINGS_SETTINGS (service.ts lists this module first). */
@Global()
@Module({ providers: [{ provide: MEETINGS_SETTINGS, useFactory: () => loadMeetingsSettings() }], exports: [MEETINGS_SETTINGS] })
export class MeetingsSettingsModule {}
