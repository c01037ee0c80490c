// Settings live in document properties (shared by everyone using this spreadsheet), stored as one
// JSON value so a save is a single atomic write.
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
import type { Settings } from '../okr/core/model';
import { parseStoredSettings, SETTINGS_KEY } from '../okr/core/settings';

export function loadSettings(): Settings {
  return parseStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
}

export function storeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
