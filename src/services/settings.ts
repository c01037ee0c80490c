// Settings live in document properties (shared by everyone using this spreadsheet), stored as one
// JSON value so a save is a single atomic write.
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
import { DEFAULT_SETTINGS, type Settings } from '../okr/model';

const KEY = 'okrOwners.settings';

export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch (_e) {
    return { ...DEFAULT_SETTINGS };
  }
}

export function storeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(settings));
}
