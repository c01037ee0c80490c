// The Agreements log read column by column, for the read-only uses that need a few of its fields: the
// tab's size, its header rows, then only the columns asked for (one getValues per group of adjacent
// columns), or only some of their rows (a few runs). The grid is shaped like the tab (the
// header rows whole, every cell not read blank), so the one parser (parseAgreementLog) reads it and
// its entries carry what the columns read say, the other fields empty. For read-only uses: writes
// append a step from the log's header rows (src/gas/agreementStepsOf.ts).
import type { ColumnMap } from '../okr/core/model';
import { tableLayout } from '../okr/core/parse';
import { planRowReads } from '../okr/core/quickRead';
import { HEADER_SEARCH_ROWS } from '../okr/core/schema';
import { AGREEMENT_ALIASES, type AgreementColumn } from '../okr/ownership/agreementLog';
import { agreementTab } from './agreementLog';
import { readColumnGroups, tabSize } from './tabReads';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A read costs a round trip (about 122 ms on the calibrated model) and each cell about 0.02 ms: two
 * column groups this many cells apart or fewer are read as one (the cells between cost less than a
 * second round trip).
 */
const ROUND_TRIP_CELLS = 6000;
/** Rows asked for (`readAgreementRows`) are read in at most this many runs, else their columns whole. */
const MAX_RUNS = 3;
const MERGE_GAP = 50;

export interface AgreementColumns {
  sheet: Sheet;
  /** Shaped like the tab: header rows as read, the cells of the columns read, '' elsewhere. */
  grid: unknown[][];
  /** 1-based rows the columns cover: the first row below the rows read for the header, and the last. */
  firstRow: number;
  lastRow: number;
  /** 0-based columns of the log's fields, from its header (any order, either language). */
  columns: ColumnMap<AgreementColumn>;
  /** 0-based columns already read whole (below the header rows). */
  whole: Set<number>;
}

/**
 * The log's header and the columns of `fields` (those the tab has); null without the tab. Three reads
 * for adjacent fields: the tab's size, its header rows, the columns.
 */
export function readAgreementColumns(
  ss: Spreadsheet,
  fields: readonly AgreementColumn[],
): AgreementColumns | null {
  const sheet = agreementTab(ss);
  if (!sheet) return null;
  const { lastRow, lastColumn } = tabSize(sheet);
  const top =
    lastRow >= 1 && lastColumn >= 1
      ? sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues()
      : [];
  const grid: unknown[][] = top.map((row) => row.slice());
  for (let r = grid.length; r < lastRow; r++) grid.push(new Array(lastColumn).fill(''));
  const log: AgreementColumns = {
    sheet,
    grid,
    firstRow: top.length + 1,
    lastRow,
    columns: tableLayout(top, AGREEMENT_ALIASES).columns,
    whole: new Set(),
  };
  readColumnsWhole(log, fields);
  return log;
}

/**
 * The cells of `fields` in `rows` (1-based), added to the grid: in at most MAX_RUNS runs, else (rows
 * spread over the log) the columns whole, so the cost stays bounded either way.
 */
export function readAgreementRows(
  log: AgreementColumns,
  fields: readonly AgreementColumn[],
  rows: readonly number[],
): void {
  const todo = fields.filter((f) => !log.whole.has(log.columns[f] ?? -1));
  if (!todo.length) return;
  const plan = planRowReads(rows, {
    firstRow: log.firstRow,
    lookback: 0,
    mergeGap: MERGE_GAP,
    maxRuns: MAX_RUNS,
    maxRows: log.lastRow,
  });
  if (plan.unread.length) {
    readColumnsWhole(log, todo);
    return;
  }
  for (const run of plan.runs) readSpans(log, todo, run.row, run.count);
}

/** The 1-based rows below the header rows whose cell in `field` passes `test` (the text as read). */
export function agreementRowsWhere(
  log: AgreementColumns,
  field: AgreementColumn,
  test: (cell: unknown) => boolean,
): number[] {
  const c = log.columns[field];
  if (c === undefined) return [];
  const rows: number[] = [];
  for (let r = log.firstRow; r <= log.lastRow; r++) if (test(log.grid[r - 1][c])) rows.push(r);
  return rows;
}

function readColumnsWhole(log: AgreementColumns, fields: readonly AgreementColumn[]): void {
  const todo = fields.filter((f) => {
    const c = log.columns[f];
    return c !== undefined && !log.whole.has(c);
  });
  readSpans(log, todo, log.firstRow, log.lastRow - log.firstRow + 1);
  for (const f of todo) log.whole.add(log.columns[f] as number);
}

/** One getValues per group of the fields' columns (adjacent, or close enough), over `count` rows. */
function readSpans(
  log: AgreementColumns,
  fields: readonly AgreementColumn[],
  row: number,
  count: number,
): void {
  const columns = fields.flatMap((f) => (log.columns[f] === undefined ? [] : [log.columns[f] as number]));
  readColumnGroups(
    (r, c, rows, cols) => log.sheet.getRange(r, c, rows, cols).getValues(),
    log.grid,
    columns,
    row,
    count,
    ROUND_TRIP_CELLS,
  );
}
