// One key result's steps in the Agreements log, read without the rest of the log: the tab's size and
// header rows, a TextFinder over the ID column, then the matched rows in a few getValues. An agreement
// step decides from these steps only (the state machine reads one key result's entries), so its cost
// does not grow with the log. New steps go under the log's last row, known from the size.
import type { Lang } from '../okr/core/model';
import { tableLayout } from '../okr/core/parse';
import { planRowReads } from '../okr/core/quickRead';
import { HEADER_SEARCH_ROWS } from '../okr/core/schema';
import { AGREEMENT_ALIASES, type AgreementEntry, parseAgreementLog } from '../okr/ownership/agreementLog';
import { appendAgreementRows } from './agreementLog';
import { tabSize } from './okrData';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AgreementStepsOf {
  /** The key result's entries in log order (every row whose ID cell, trimmed, is the ID). */
  entries: AgreementEntry[];
  /** Appends `steps` under the log's last row in the sheet's language (`lang`). */
  append(steps: readonly AgreementEntry[], lang: Lang): void;
}

/**
 * The matched rows are read in at most this many getValues (each a round trip), merged across gaps
 * of up to this many rows, this many rows in all; a key result with more scattered steps (hundreds
 * of steps) takes the whole log's read.
 */
const STEP_READS = 3;
const STEP_MERGE_GAP = 20;
const STEP_ROWS = 300;

/** Characters a regular expression gives a meaning to, escaped so the ID is matched as text. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The steps of key result `id`, or null when they cannot be read cheaply (no ID or Step column, or
 * too many runs of rows): the caller then reads the whole log. The log's reader trims IDs
 * (entriesById), so the search allows spaces and tabs around the ID: a regular expression over the
 * whole cell, case kept (the one ID rule, sameId in src/okr/core/ids.ts).
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
 */
export function agreementStepsOf(sheet: Sheet, id: string): AgreementStepsOf | null {
  const wanted = id.trim();
  if (!wanted) return null;
  const { lastRow, lastColumn } = tabSize(sheet);
  const top = sheet.getSheetValues(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn);
  const layout = tableLayout(top, AGREEMENT_ALIASES);
  const idColumn = layout.columns.id;
  if (idColumn === undefined || layout.columns.step === undefined) return null;
  const header = top.slice(0, layout.headerRow + 1);
  const firstRow = layout.headerRow + 2;
  const rows: number[] = [];
  if (firstRow <= lastRow) {
    const blank = '[ \\t\\n\\r]*';
    const hits = sheet
      .getRange(firstRow, idColumn + 1, lastRow - firstRow + 1, 1)
      .createTextFinder(`${blank}${escapeRegExp(wanted)}${blank}`)
      .useRegularExpression(true)
      .matchCase(true)
      .matchEntireCell(true)
      .findAll();
    for (const hit of hits) rows.push(hit.getRow());
  }
  const plan = planRowReads(rows, {
    firstRow,
    lookback: 0,
    mergeGap: STEP_MERGE_GAP,
    maxRuns: STEP_READS,
    maxRows: STEP_ROWS,
  });
  if (plan.unread.length) return null;
  const values = plan.runs.flatMap((run) => sheet.getRange(run.row, 1, run.count, lastColumn).getValues());
  // The header and the runs in log order: rows between the matches (read when merged) are others'.
  const entries = parseAgreementLog([...header, ...values]).filter((e) => e.id.trim() === wanted);
  return {
    entries,
    append(steps, lang) {
      appendAgreementRows(sheet, layout.columns, lastColumn, lastRow, steps, lang);
    },
  };
}
