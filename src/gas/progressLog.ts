// The Check-ins log's progress history (what the Summary uses: each check-in's time, ID and
// progress), read without the columns it does not use. The log is the longest tab (a row per
// check-in, for years: 54,000 rows × 7 columns at 10,000 key results), and every cell read costs
// (about 0.02 ms on the calibrated model, local/runtime/latency.ts), where a read is one round trip
// (about 122 ms). So: the log's size (its data range's bounds, one call), its top rows (where the
// header is looked for), then one getSheetValues per run of adjacent columns the Summary uses (the
// set-up log's Time and ID, then Progress: two reads of 3 columns instead of 7). The rows go to the
// one parser, parseProgressLog, in a grid shaped like the log (each cell at its own column), so the
// header, aliases and cell rules stay the ones every other reader of the log uses.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)
import type { CheckInColumn } from '../okr/core/model';
import { type ParseOptions, type ProgressEntry, parseProgressLog, tableLayout } from '../okr/core/parse';
import { CHECK_IN_ALIASES, HEADER_SEARCH_ROWS } from '../okr/core/schema';
import { readColumnGroups, tabSize } from './tabReads';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The log's columns the Summary's figures come from (parseProgressLog reads these and no other). */
const PROGRESS_COLUMNS: readonly CheckInColumn[] = ['time', 'id', 'progress'];

export function readProgressLog(sheet: Sheet, opts: ParseOptions): ProgressEntry[] {
  const { lastRow, lastColumn } = tabSize(sheet);
  if (lastRow < 1 || lastColumn < 1) return [];
  const top = sheet.getSheetValues(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn);
  const { headerRow, columns } = tableLayout(top, CHECK_IN_ALIASES);
  const wanted = PROGRESS_COLUMNS.map((c) => columns[c]).filter((c): c is number => c !== undefined);
  // Without a Time or an ID column the parser finds no check-in: nothing more to read.
  if (columns.time === undefined || columns.id === undefined) return parseProgressLog(top, opts);
  const firstRow = headerRow + 2; // 1-based, the row under the header
  const head = top.slice(0, headerRow + 1);
  if (firstRow > lastRow) return parseProgressLog(head, opts);
  const count = lastRow - firstRow + 1;
  // Shaped like the log: the header rows, then the rows under them (unread rows between stay blank).
  const grid: unknown[][] = [...head];
  while (grid.length < lastRow) grid.push([]);
  readColumnGroups(
    (r, c, rows, cols) => sheet.getSheetValues(r, c, rows, cols),
    grid,
    wanted,
    firstRow,
    count,
  );
  return parseProgressLog(grid, opts);
}
