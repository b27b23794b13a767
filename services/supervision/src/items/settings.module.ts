import { Global, Module } from '@nestjs/common';
import { DEFAULT_SUPERVISION_SETTINGS, parseSupervisionSettings, type SupervisionSettings } from './supervision.settings.js';

/** The section's settings (supervision.settings.ts) as the service runs with them. */
export const SUPERVISION_SETTINGS = Symbol('SUPERVISION_SETTINGS');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (numbers, durations' fields, the escalation array) is replaced. */
function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

/**
 * The settings from `SUPERVISION_SETTINGS` (JSON, only the values that differ from the defaults, e.g.
 * `{"handover":{"ordinary":{"amount":1,"unit":"working"}}}`), merged onto DEFAULT_SUPERVISION_SETTINGS and
 * validated; unset, the defaults. A bad value stops the service at start-up with the setting named.
 */
export function loadSupervisionSettings(env: Record<string, string | undefined> = process.env): SupervisionSettings {
  const raw = env.SUPERVISION_SETTINGS?.trim();
  if (!raw) return DEFAULT_SUPERVISION_SETTINGS;
  let overrides: unknown;
  try {
    overrides = JSON.parse(raw);
  } catch (error) {
    throw new Error(`supervision: invalid configuration: SUPERVISION_SETTINGS is not JSON (${(error as Error).message})`);
  }
  try {
    return parseSupervisionSettings(merge(structuredClone(DEFAULT_SUPERVISION_SETTINGS), overrides));
  } catch (error) {
    throw new Error(`supervision: invalid configuration: SUPERVISION_SETTINGS ${(error as Error).message}`);
  }
}

/** Global: every module of the service injects SUPERVISION_SETTINGS. */
@Global()
@Module({ providers: [{ provide: SUPERVISION_SETTINGS, useFactory: () => loadSupervisionSettings() }], exports: [SUPERVISION_SETTINGS] })
export class SupervisionSettingsModule {}
