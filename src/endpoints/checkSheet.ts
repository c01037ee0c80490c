// Check problems: every problem of the sheet from the validator (src/okr/ownership/validate.ts),
// for validateOkrs (read-only) and the menu's Check problems (a toast, and the sidebar's list).
// Besides the OKRs, Team and Agreements tabs it reads, in a fixed number of calls whatever the
// sheet's size: the Results tab when a cycle is closed (edited-after-close), and when the OKRs tab
// has a Source column, that column's formulas and each tab or named range the Sources point at
// (source-unreadable).
import type { CheckSheetResult } from '../api';
import { readAgreementLog } from '../gas/agreementLog';
import { loadClosedCycleNames } from '../gas/closedCycles';
import { callerLanguage } from '../gas/language';
import { readOkrData } from '../gas/okrData';
import { readResultsValues } from '../gas/resultsTab';
import { now } from '../gas/session';
import { loadSettings } from '../gas/settings';
import { readSourceCells } from '../gas/sourceCells';
import { findTabsByName } from '../gas/tabs';
import { t } from '../okr/core/i18n';
import type { Lang, OkrSheet } from '../okr/core/model';
import type { KeyResultResult } from '../okr/cycle/results';
import { parseResults } from '../okr/cycle/results';
import { countProblems, validateOkrs } from '../okr/ownership/validate';
import { type SourceReads, sourceNeeds } from '../okr/source/sourceRead';
import { readsItsSource } from '../okr/source/sourceScope';
import { openSidebar } from './menu';
import { SHEET_TEXT } from './sheetMessages';
import { withFormulas } from './sourceUpdate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  const results = closed.size ? closedCycleResults(ss, data.timeZone) : null;
  const sources = readSourcesOf(ss, data.okrs, at, closed);
  const problems = validateOkrs(
    { ...data, okrs: sources?.okrs ?? data.okrs, agreements, results, sources: sources?.reads ?? null },
    { now: at, settings, lang, timeZone: data.timeZone, closed },
  );
  return { ok: true, problems, counts: countProblems(problems) };
}

/** The graded record of the closed cycles (one read of the Results tab), null without that tab. */
function closedCycleResults(ss: Spreadsheet, timeZone: string): Map<string, KeyResultResult> | null {
  const values = readResultsValues(findTabsByName(ss, ['results']).results);
  return values ? parseResults(values, timeZone) : null;
}

/**
 * The cells the Sources of live, open key results point at, read as an update reads them: a Source
 * typed as a formula is its formula (one getFormulas over the Source column), then each referenced
 * tab and named range once (src/gas/sourceCells.ts). Null without a Source column or any Source.
 */
function readSourcesOf(
  ss: Spreadsheet,
  okrs: OkrSheet,
  at: number,
  closed: ReadonlySet<string>,
): { okrs: OkrSheet; reads: SourceReads } | null {
  const column = okrs.columns.source;
  if (column === undefined) return null;
  // A formula Source may show a blank value: every live, open key result is looked at.
  const live = okrs.keyResults.filter((kr) => readsItsSource(kr, at, closed));
  const tab = live.length ? findTabsByName(ss, ['okrs']).okrs : null;
  if (!tab) return null;
  const byRow = new Map(withFormulas(tab, live, column).map((kr) => [kr.row, kr] as const));
  const keyResults = okrs.keyResults.map((kr) => byRow.get(kr.row) ?? kr);
  const withSource = keyResults.filter((kr) => kr.source && byRow.has(kr.row));
  if (withSource.length === 0) return null;
  return { okrs: { ...okrs, keyResults }, reads: readSourceCells(ss, sourceNeeds(withSource)) };
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
