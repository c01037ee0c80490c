// Where the settings are stored and how a stored value is read back. Shared by the sidebar's settings
// endpoints (src/services/settings.ts) and the weekly run, which reads every document property in one
// call and must find the settings under the same key.
import { DEFAULT_SETTINGS, type Settings } from './model';

/** One document property holding the settings as JSON, so a save is a single atomic write. */
export const SETTINGS_KEY = 'okrOwners.settings';

/** The stored settings over the defaults; a missing or unreadable value gives the defaults. */
export function parseStoredSettings(raw: string | null | undefined): Settings {
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch (_e) {
    return { ...DEFAULT_SETTINGS };
  }
}
