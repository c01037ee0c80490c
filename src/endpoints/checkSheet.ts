// Check problems: every problem of the sheet from the validator (src/okr/ownership/validate.ts),
// for validateOkrs (read-only) and the menu's Check problems (a toast, and the sidebar's list).
// Besides the OKRs, Team and Agreements tabs it reads what src/endpoints/problemReads.ts reads for
// the sidebar's Problems list too (the Results tab, the Sources' cells).
import type { CheckSheetResult } from '../api';
import { readAgreementLog } from '../gas/agreementLog';
import { loadClosedCycleNames } from '../gas/closedCycles';
import { callerLanguage } from '../gas/language';
import { readOkrData } from '../gas/okrData';
import { now } from '../gas/session';
import { loadSettings } from '../gas/settings';
import { t } from '../okr/core/i18n';
import type { Lang } from '../okr/core/model';
import { countProblems, validateOkrs } from '../okr/ownership/validate';
import { openSidebar } from './menu';
import { readProblemInputs } from './problemReads';
import { SHEET_TEXT } from './sheetMessages';

/**
 * Every problem of the sheet (the validator, src/okr/ownership/validate.ts, on the tabs as read).
 * Read-only: one read per tab, no lock (nothing is written).
 */
export function checkSheet(lang: Lang = callerLanguage(loadSettings())): CheckSheetResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const at = now();
  const closed = loadClosedCycleNames();
  const data = readOkrData(ss, { checkIns: false, lang });
  const agreements = readAgreementLog(ss)?.entries ?? null;
  const extra = readProblemInputs(ss, data.okrs, { timeZone: data.timeZone, now: at, closed, settings });
  const problems = validateOkrs(
    { ...data, okrs: extra.okrs, agreements, results: extra.results, sources: extra.sources },
    { now: at, settings, lang, timeZone: data.timeZone, closed },
  );
  return { ok: true, problems, counts: countProblems(problems) };
}

export function showProblems(): CheckSheetResult {
  const lang = callerLanguage(loadSettings());
  const result = checkSheet(lang);
  const message =
    result.counts.total === 0
      ? t(SHEET_TEXT, lang, 'no-problems')
      : t(SHEET_TEXT, lang, 'problems', { errors: result.counts.errors, warnings: result.counts.warnings });
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'OKR Owners', 10);
  if (result.counts.total > 0) openSidebar();
  return result;
}
