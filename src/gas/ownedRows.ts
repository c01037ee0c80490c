// The caller's own rows of the OKRs tab without reading the whole tab: the header, the Owner column,
// then the rows whose Owner cell is the caller's email in a bounded number of runs (planRowReads).
// On a 10,000-row tab this reads about a twentieth of the cells the whole-tab read does.
import { QUICK_READS } from '../api';
import { cellText } from '../okr/core/parseValues';
import { planRowReads } from '../okr/core/quickRead';
import { ownerEmail } from '../okr/ownership/owners';
import { NO_CELLS, readOkrHeader } from './okrData';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows read above each of the caller's rows, for its objective; and the gap two runs merge across. */
const LOOKBACK = 10;
const MERGE_GAP = 50;
/** Rows read in all (about 180 ms of cells on an 18-column tab): the quick open stays quick for anyone. */
const MAX_ROWS = 500;

export interface OwnedRows {
  /** Shaped like the tab's values: the header rows and the rows read, every other row empty. */
  grid: unknown[][];
  /** Rows naming the caller as owner that were not read (more runs than QUICK_READS). */
  unread: number;
}

/** `email` lower-case, as ownerEmail returns it; '' reads only the header. */
export function readOwnedRows(sheet: Sheet, email: string): OwnedRows {
  return readRowsOwnedBy(sheet, new Set(email ? [email] : []));
}

/**
 * The rows whose Owner is one of `emails` (lower-case), read the same bounded way (a manager's
 * reports, for My team): the header, the Owner column, at most QUICK_READS runs of rows.
 */
export function readRowsOwnedBy(sheet: Sheet, emails: ReadonlySet<string>): OwnedRows {
  const header = readOkrHeader(sheet);
  if (!header) return { grid: [], unread: 0 };
  const { lastRow, lastColumn, top, layout } = header;
  const ownerColumn = layout.columns.owner;
  // The top rows are read already: the Owner column is scanned below them.
  const firstRow = Math.max(header.firstRow, top.length + 1);
  if (ownerColumn === undefined || firstRow > lastRow || !emails.size) return { grid: top, unread: 0 };
  const owners = sheet.getSheetValues(firstRow, ownerColumn + 1, lastRow - firstRow + 1, 1);
  const mine: number[] = [];
  owners.forEach((cells, i) => {
    const owner = ownerEmail(cellText(cells[0]));
    if (owner && emails.has(owner)) mine.push(firstRow + i);
  });
  const plan = planRowReads(mine, {
    firstRow,
    lookback: LOOKBACK,
    mergeGap: MERGE_GAP,
    maxRuns: QUICK_READS,
    maxRows: MAX_ROWS,
  });
  const grid: unknown[][] = top.slice();
  const rows = plan.runs.length
    ? plan.runs[plan.runs.length - 1].row + plan.runs[plan.runs.length - 1].count - 1
    : 0;
  while (grid.length < rows) grid.push(NO_CELLS);
  for (const run of plan.runs) {
    const values = sheet.getSheetValues(run.row, 1, run.count, lastColumn);
    values.forEach((cells, i) => {
      grid[run.row - 1 + i] = cells;
    });
  }
  return { grid, unread: plan.unread.length };
}
