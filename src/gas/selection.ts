// The user's place in the sheet: which OKR rows are active/selected (so the sidebar can follow the
// cursor and assign to the selected rows) and moving the cursor to a problem's cell.
// The sidebar polls watchSheet every few seconds, so reading the active row costs a constant
// handful of calls: the header rows and the ID column of the selected rows only.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRangeList()
import type { OkrColumn, OkrSheet } from '../okr/core/model';
import { columnOf, OKR_ALIASES } from '../okr/core/schema';
import { readOkrHeader } from './okrData';
import { tabOfName } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Selections beyond this many rows are not turned into IDs (a whole-column selection would read the sheet). */
export const SELECTION_ROW_CAP = 1000;

export interface ActiveRows {
  id: string | null;
  selectedIds: string[];
}

function cellId(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKC')
    .trim();
}

export function activeOkrRows(ss: Spreadsheet): ActiveRows {
  const none: ActiveRows = { id: null, selectedIds: [] };
  const sheet = ss.getActiveSheet();
  if (!sheet || tabOfName(sheet.getName()) !== 'okrs') return none;
  const header = readOkrHeader(sheet);
  if (!header || header.lastRow < 2) return none;
  const { lastRow, layout } = header;
  const idColumn = layout.columns.id;
  if (idColumn === undefined) return none;
  const firstDataRow = header.firstRow;

  const current = ss.getCurrentCell();
  const list = ss.getActiveRangeList();
  const spans = (list ? list.getRanges() : []).map((r) => ({ from: r.getRow(), to: r.getLastRow() }));
  const currentRow = current ? current.getRow() : null;
  if (currentRow !== null) spans.push({ from: currentRow, to: currentRow });
  const from = Math.max(firstDataRow, Math.min(...spans.map((s) => s.from)));
  const to = Math.min(lastRow, Math.max(...spans.map((s) => s.to)), from + SELECTION_ROW_CAP - 1);
  if (!spans.length || to < from) return none;

  const ids = sheet.getRange(from, idColumn + 1, to - from + 1, 1).getValues();
  const idAt = (row: number) => (row >= from && row <= to ? cellId(ids[row - from][0]) : '');
  const selected: string[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    for (let row = Math.max(span.from, from); row <= Math.min(span.to, to); row++) {
      const id = idAt(row);
      if (id && !seen.has(id)) {
        seen.add(id);
        selected.push(id);
      }
    }
  }
  return { id: currentRow !== null ? idAt(currentRow) || null : null, selectedIds: selected };
}

/** The 0-based column of a problem's column: a header as written in the sheet, or a column key/alias. */
export function columnIndex(
  okrs: Pick<OkrSheet, 'headers' | 'columns'>,
  column: string | null,
): number | undefined {
  if (column) {
    const exact = okrs.headers.indexOf(column);
    if (exact >= 0) return exact;
    // Own properties only: "__proto__", "constructor" or "toString" sent as a column name must not
    // reach Object.prototype's members (they would be taken for a column index).
    const own = (key: string): key is OkrColumn => Object.keys(okrs.columns).includes(key);
    const key = own(column) ? column : columnOf(column, OKR_ALIASES);
    if (key && own(key) && typeof okrs.columns[key] === 'number') return okrs.columns[key];
  }
  return okrs.columns.id;
}

/** Select a row's cell in the OKRs tab (row found by ID just now). */
export function selectOkrCell(ss: Spreadsheet, sheetName: string, row: number, column: number): void {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  sheet.activate();
  sheet.getRange(row, column + 1).activate();
}

const A1_CELL = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?[1-9]\d{0,6})$/;

/** Select a cell given as "Tab!A1" (problems without an ID). Returns false when the tab or cell is not valid. */
export function selectA1(ss: Spreadsheet, a1: string): boolean {
  const m = A1_CELL.exec(a1.trim());
  if (!m) return false;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const sheet = ss.getSheetByName(name);
  if (!sheet) return false;
  let cell: GoogleAppsScript.Spreadsheet.Range;
  try {
    // A cell beyond the sheet's last row or column (OKRs!ZZZ99999) throws in getRange, as Google
    // does for coordinates outside the sheet's dimensions: that is a cell that cannot be selected.
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
    cell = sheet.getRange(m[3].replace(/\$/g, ''));
  } catch (_outside) {
    return false;
  }
  sheet.activate();
  cell.activate();
  return true;
}
