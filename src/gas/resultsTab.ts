// The Results tab: the closed cycles' scores and retrospectives (src/okr/cycle/results.ts), read with
// one getValues and appended to in one setValues, every text through the one text rule (safeRow).
import type { Lang } from '../okr/core/model';
import { tableLayout } from '../okr/core/parse';
import { safeRow } from '../okr/core/sheetText';
import { TAB } from '../okr/core/tabs';
import {
  type KeyResultResult,
  RESULT_ALIASES,
  RESULT_HEADERS,
  type ResultColumn,
} from '../okr/cycle/results';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tab's values (one getValues), or null when there is no Results tab. */
export function readResultsValues(sheet: Sheet | null): unknown[][] | null {
  return sheet ? sheet.getDataRange().getValues() : null;
}

/**
 * The Results tab, created with its headers (in the spreadsheet's language) when missing. insertSheet
 * makes the new tab the active one; the person's place is given back.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
 */
export function ensureResultsTab(
  ss: Spreadsheet,
  found: Sheet | null,
  lang: Lang,
  read: unknown[][] | null,
): { sheet: Sheet; values: unknown[][] } {
  if (found) return { sheet: found, values: read ?? found.getDataRange().getValues() };
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(TAB.results, ss.getNumSheets());
  const headers = [...RESULT_HEADERS[lang]];
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  if (active) ss.setActiveSheet(active);
  return { sheet, values: [headers] };
}

/**
 * Appends results below the last row of `values` (the tab as just read): rows inserted first, then
 * one setValues (a full sheet has no spare rows to write into). Columns are found by header; a
 * Results tab missing a column simply does not get it. Throws when Cycle or ID is missing: the
 * caller checks with resultsWritable first.
 */
export function appendResults(
  sheet: Sheet,
  values: unknown[][],
  entries: readonly KeyResultResult[],
  makeDate: (ms: number) => unknown,
): void {
  if (entries.length === 0) return;
  const { columns } = tableLayout(values, RESULT_ALIASES);
  const width = Math.max(1, values[0]?.length ?? 1);
  const rows = entries.map((e) => {
    const row: unknown[] = new Array(width).fill('');
    const put = (c: ResultColumn, v: unknown) => {
      const i = columns[c];
      if (i !== undefined) row[i] = v;
    };
    put('time', makeDate(e.time));
    put('cycle', e.cycle);
    put('id', e.id);
    put('by', e.by);
    put('score', e.score ?? '');
    put('computed', e.computed ?? '');
    put('reason', e.reason);
    put('happened', e.happened);
    put('learned', e.learned);
    return safeRow(row);
  });
  const last = values.length;
  sheet.insertRowsAfter(Math.max(1, last), rows.length);
  sheet.getRange(last + 1, 1, rows.length, width).setValues(rows);
}

/** Whether the Results tab (as read) can take a result: it names a Cycle and an ID column. */
export function resultsWritable(values: unknown[][]): boolean {
  const { columns } = tableLayout(values, RESULT_ALIASES);
  return columns.cycle !== undefined && columns.id !== undefined;
}
