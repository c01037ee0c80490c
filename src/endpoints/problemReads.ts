// What the validator needs besides the OKRs, Team and Agreements tabs, read in a fixed number of
// calls whatever the sheet's size, so that Check problems (the menu's toast) and the sidebar's
// Problems list judge the same facts and count the same problems: the Results tab when a cycle is
// closed (edited-after-close), and when the OKRs tab has a Source column, that column's formulas and
// each tab or named range the Sources of live, open key results point at (source-unreadable).
import { columnFormulas } from '../gas/columnSpans';
import { readResultsValues } from '../gas/resultsTab';
import { readSourceCells } from '../gas/sourceCells';
import { findTabsByName } from '../gas/tabs';
import { cycleCalendar } from '../okr/core/cycle';
import type { KeyResult, OkrSheet, Settings } from '../okr/core/model';
import { type KeyResultResult, parseResults } from '../okr/cycle/results';
import { type SourceReads, sourceNeeds } from '../okr/source/sourceRead';
import { readsItsSource } from '../okr/source/sourceScope';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ProblemReads {
  /** The OKRs with a Source typed as a formula replaced by its formula (what an update reads). */
  okrs: OkrSheet;
  /** The Results tab's graded record, null when no cycle is closed or there is no Results tab. */
  results: Map<string, KeyResultResult> | null;
  sources: SourceReads | null;
}

export interface ProblemReadOptions {
  timeZone: string;
  now: number;
  closed: ReadonlySet<string>;
  /** The fiscal-year start: whether a cycle is over depends on it (core/cycle.ts cycleCalendar). */
  settings: Pick<Settings, 'fiscalYearStartMonth'>;
  okrTab?: Sheet | null;
  /** Source cells this operation has read already (an update from source): not read again. */
  known?: SourceReads | null;
}

/**
 * The Results tab and the Sources' cells for the validator. `okrTab` is the OKRs tab when the caller
 * has it already (else it is looked up only when a Source must be read).
 */
export function readProblemInputs(ss: Spreadsheet, okrs: OkrSheet, opts: ProblemReadOptions): ProblemReads {
  const results = opts.closed.size ? closedCycleResults(ss, opts.timeZone) : null;
  const sources = readSourcesOf(ss, okrs, opts);
  return { okrs: sources?.okrs ?? okrs, results, sources: sources?.reads ?? null };
}

/** The graded record of the closed cycles (one read of the Results tab), null without that tab. */
export function closedCycleResults(ss: Spreadsheet, timeZone: string): Map<string, KeyResultResult> | null {
  const values = readResultsValues(findTabsByName(ss, ['results']).results);
  return values ? parseResults(values, timeZone) : null;
}

/**
 * `keyResults` with a Source typed as a formula given as that formula: one getFormulas over the
 * Source column between the first and the last of their rows.
 */
export function withSourceFormulas(
  sheet: Sheet,
  keyResults: readonly KeyResult[],
  sourceColumn: number,
): KeyResult[] {
  const rows = keyResults.map((kr) => kr.row);
  const from = Math.min(...rows);
  const formulas = columnFormulas(sheet, sourceColumn, from, Math.max(...rows));
  return keyResults.map((kr) => {
    const formula = formulas[kr.row - from];
    return formula ? { ...kr, source: formula } : kr;
  });
}

/**
 * The cells the Sources of live, open key results point at, read as an update reads them: a Source
 * typed as a formula is its formula, then each referenced tab and named range once
 * (src/gas/sourceCells.ts). Null without a Source column or any Source.
 */
function readSourcesOf(
  ss: Spreadsheet,
  okrs: OkrSheet,
  opts: ProblemReadOptions,
): { okrs: OkrSheet; reads: SourceReads } | null {
  const column = okrs.columns.source;
  if (column === undefined) return null;
  // A formula Source may show a blank value: every live, open key result is looked at.
  const reads = readsItsSource(opts.now, cycleCalendar(opts.settings, opts.timeZone), opts.closed);
  const live = okrs.keyResults.filter(reads);
  if (live.length === 0) return null;
  const tab = opts.okrTab ?? findTabsByName(ss, ['okrs']).okrs;
  if (!tab) return null;
  const byRow = new Map(withSourceFormulas(tab, live, column).map((kr) => [kr.row, kr] as const));
  const keyResults = okrs.keyResults.map((kr) => byRow.get(kr.row) ?? kr);
  const withSource = keyResults.filter((kr) => kr.source && byRow.has(kr.row));
  if (withSource.length === 0) return null;
  return { okrs: { ...okrs, keyResults }, reads: readSourceCells(ss, sourceNeeds(withSource), opts.known) };
}
