// Writes the sidebar's plans to the sheet, by row number found from the ID just re-read under the
// document lock: changed cells grouped into contiguous blocks (one setValues per block, never one
// per cell), new rows inserted under their objective, check-ins appended to the log in one call.
// Columns are found by header, so reordered or renamed columns still get the right values.
import type { CellValue, CheckInLogEntry, RowPatch } from '../endpoints/sidebar/checkIn';
import type { CheckInColumn, ColumnMap, OkrColumn } from '../okr/core/model';
import { tableLayout } from '../okr/core/parse';
import { zonedTime } from '../okr/core/parseValues';
import { CHECK_IN_ALIASES, HEADER_SEARCH_ROWS, REQUIRED_CHECK_IN_COLUMNS } from '../okr/core/schema';
import { asSheetText, okrCellValue } from '../okr/core/sheetText';
import { tabSize } from './tabReads';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A rectangle to write: 1-based top-left cell and the values (already sheet-ready). */
export interface Block {
  row: number;
  column: number;
  values: unknown[][];
}

/**
 * The sheet value of a planned cell. Progress is kept as a fraction in a percent-formatted cell
 * (0.45 shows as 45%), as set-up formats it and the parser reads it. Strings go through
 * okrCellValue, the one rule for what is text (a title starting with "=" never becomes a formula).
 */
export function sheetValue(
  column: string,
  value: CellValue,
  timeZone: string,
  makeDate: (ms: number) => unknown,
): unknown {
  if (value === null) return '';
  if (typeof value === 'string') return okrCellValue(column as OkrColumn, value, timeZone);
  if (typeof value === 'number') return column === 'progress' ? Math.round(value * 10) / 1000 : value;
  if ('time' in value) return makeDate(value.time);
  const [y, m, d] = value.day.split('-').map(Number);
  return makeDate(zonedTime(y, m, d, 0, 0, 0, timeZone));
}

/**
 * Group cell writes into rectangles: per row, runs of adjacent columns; then identical runs on
 * consecutive rows merge into one block. Columns missing from the sheet are skipped (an optional
 * column the team deleted is not recreated by a check-in).
 */
export function planBlocks(
  columns: ColumnMap<OkrColumn>,
  patches: ReadonlyArray<{ row: number; patch: RowPatch }>,
  toValue: (column: OkrColumn, value: CellValue) => unknown,
): Block[] {
  const runs: Array<{ row: number; column: number; cells: unknown[] }> = [];
  for (const { row, patch } of [...patches].sort((a, b) => a.row - b.row)) {
    const cells = (Object.keys(patch) as OkrColumn[])
      .filter((c) => columns[c] !== undefined)
      .map((c) => ({ index: columns[c] as number, value: toValue(c, patch[c] as CellValue) }))
      .sort((a, b) => a.index - b.index);
    let run: { row: number; column: number; cells: unknown[] } | null = null;
    for (const cell of cells) {
      if (run && cell.index === run.column - 1 + run.cells.length) {
        run.cells.push(cell.value);
      } else {
        run = { row, column: cell.index + 1, cells: [cell.value] };
        runs.push(run);
      }
    }
  }
  const blocks: Block[] = [];
  for (const run of runs) {
    const prev = blocks.find(
      (b) =>
        b.column === run.column &&
        b.values[0].length === run.cells.length &&
        b.row + b.values.length === run.row,
    );
    if (prev) prev.values.push(run.cells);
    else blocks.push({ row: run.row, column: run.column, values: [run.cells] });
  }
  return blocks;
}

export function writeBlocks(sheet: Sheet, blocks: readonly Block[]): void {
  for (const b of blocks) {
    sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values);
  }
}

/** A full row for a new OKR: every known column placed by header, the rest blank. */
export function newRowValues(
  columns: ColumnMap<OkrColumn>,
  width: number,
  values: RowPatch,
  toValue: (column: OkrColumn, value: CellValue) => unknown,
): unknown[] {
  const row: unknown[] = new Array(Math.max(width, 1)).fill('');
  for (const c of Object.keys(values) as OkrColumn[]) {
    const index = columns[c];
    if (index !== undefined) row[index] = toValue(c, values[c] as CellValue);
  }
  return row;
}

/**
 * Insert one row below `afterRow` (1-based; 0 = after the last row) and fill it. The row is always
 * inserted, also at the bottom: a sheet without spare rows has no row below its last one to write to.
 */
export function insertOkrRow(sheet: Sheet, afterRow: number, row: unknown[]): number {
  const lastRow = sheet.getLastRow();
  const after = afterRow > 0 ? Math.min(afterRow, lastRow) : lastRow;
  // An empty sheet still has its first row (and no row 0 to insert after).
  if (after > 0) sheet.insertRowAfter(after);
  sheet.getRange(after + 1, 1, 1, row.length).setValues([row]);
  return after + 1;
}

export interface CheckInLog {
  sheet: Sheet;
  columns: ColumnMap<CheckInColumn>;
  width: number;
  /** The last row with content when the header was read (under the document lock). */
  lastRow: number;
}

/**
 * Find the Check-ins log's columns from its header (one small read of the top rows). Returns null
 * when the tab lacks the columns a log row needs, so the caller refuses before writing anything.
 */
export function checkInLog(sheet: Sheet | null): CheckInLog | null {
  if (!sheet) return null;
  // The size in one call (tabSize); an empty tab's 1×1 then finds no columns and refuses as before.
  const { lastRow, lastColumn } = tabSize(sheet);
  if (lastRow < 1 || lastColumn < 1) return null;
  const top = sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues();
  const { columns } = tableLayout(top, CHECK_IN_ALIASES);
  if (REQUIRED_CHECK_IN_COLUMNS.some((c) => columns[c] === undefined)) return null;
  return { sheet, columns, width: lastColumn, lastRow };
}

export function appendCheckIns(
  log: CheckInLog,
  entries: readonly CheckInLogEntry[],
  makeDate: (ms: number) => unknown,
  confidenceLabel: (c: NonNullable<CheckInLogEntry['confidence']>) => string,
): void {
  if (entries.length === 0) return;
  const rows = entries.map((e) => {
    const row: unknown[] = new Array(log.width).fill('');
    const put = (c: CheckInColumn, v: unknown) => {
      const index = log.columns[c];
      if (index !== undefined) row[index] = v;
    };
    put('time', makeDate(e.time));
    put('id', asSheetText(e.id));
    put('by', asSheetText(e.by));
    put('current', e.current ?? '');
    put('progress', e.progress === null ? '' : Math.round(e.progress * 10) / 1000);
    put('confidence', e.confidence ? confidenceLabel(e.confidence) : '');
    put('note', asSheetText(e.note));
    return row;
  });
  // A range below the sheet's last row throws "The coordinates of the range are outside the
  // dimensions of the sheet" (a full log has no spare rows), so the rows are inserted first, right
  // under the last entry: the log grows by exactly the rows written, whether or not blank rows
  // follow, and the new rows inherit the formats of the entry above. Then one setValues fills them;
  // if the insert fails nothing is written, if the write fails only blank rows remain.
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  log.sheet.insertRowsAfter(log.lastRow, rows.length);
  log.sheet.getRange(log.lastRow + 1, 1, rows.length, log.width).setValues(rows);
  log.lastRow += rows.length;
}
