// The two languages the server asks for, both decided by chooseLanguage (src/okr/core/language.ts):
// the caller's (what only they see: sidebar answers, menu, set-up and import messages) follows the
// Language setting, else their locale; the spreadsheet's (what everyone sees: Summary, onEdit notes,
// the weekly emails' default) follows the setting, else Japanese headers on the OKRs tab, else the
// spreadsheet's locale. The locale is asked only when nothing before it decides.
import { chooseLanguage } from '../okr/core/language';
import type { Lang, Settings } from '../okr/core/model';
import { userLocale } from './session';

export function callerLanguage(settings: Pick<Settings, 'language'>): Lang {
  return chooseLanguage({ setting: settings.language, locale: userLocale });
}

/** `headers`: the OKRs tab's header row when the caller has read it (Japanese headers decide). */
export function spreadsheetLanguage(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Pick<Settings, 'language'>,
  headers?: readonly unknown[],
): Lang {
  return chooseLanguage({ setting: settings.language, headers, locale: () => ss.getSpreadsheetLocale() });
}

/** The spreadsheet's language, decided once the OKRs tab's header row is read (readOkrData). */
export function spreadsheetLanguageOf(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Pick<Settings, 'language'>,
): (headers: readonly unknown[]) => Lang {
  return (headers) => spreadsheetLanguage(ss, settings, headers);
}
