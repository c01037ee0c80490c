// The onEdit trigger's reads and writes for an edit on a closed cycle's rows (the decision is
// src/okr/cycle/closedEdit.ts). Nothing is read while no cycle is closed (one document property,
// read by the caller). Otherwise, whatever the sheet's size: 12 Sheets calls of which 2 reads (the
// header rows, which the owner check of the same edit then reuses, and the edited rows), then 1 write to put a typed cell back, or 1 getNotes and 1 setNotes over the edited range
// for a paste (the range's other notes, such as the owner check's, are kept).
import type { Lang, OkrColumn } from '../okr/core/model';
import { type TableLayout, tableLayout } from '../okr/core/parse';
import { HEADER_SEARCH_ROWS, OKR_ALIASES } from '../okr/core/schema';
import { type ClosedEdit, closedEdit, putBackValue } from '../okr/cycle/closedEdit';
import { spreadsheetLanguage } from './language';
import type { EditEventLike } from './ownerCheck';
import { loadSettings } from './settings';
import { tabOfName } from './tabs';

type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ClosedRowEdit {
  decision: Exclude<ClosedEdit, { kind: 'none' }>;
  range: Range;
  /** The edited range's first row and column (1-based). */
  top: number;
  left: number;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheetName: string;
  lang: Lang;
  layout: TableLayout<OkrColumn>;
}

/** What the edit did to closed rows, or null (not the OKRs tab, no closed row or guarded column). */
export function readClosedRowEdit(
  e: EditEventLike | null | undefined,
  loadClosed: () => ReadonlySet<string>,
  /** Receives the header rows as read, so the owner check of the same edit need not read them again. */
  read: { top?: unknown[][] } = {},
): ClosedRowEdit | null {
  const range = e?.range;
  if (!range || typeof (range as { getSheet?: unknown }).getSheet !== 'function') return null;
  // The property first: while no cycle is closed, the edit costs no Sheets call here.
  const closed = loadClosed();
  if (closed.size === 0) return null;
  const sheet = range.getSheet();
  const sheetName = sheet.getName();
  if (tabOfName(sheetName) !== 'okrs') return null;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const top = sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues();
  read.top = top;
  const layout = tableLayout(top, OKR_ALIASES);
  const [row, rowCount, column, columnCount] = [
    range.getRow(),
    range.getNumRows(),
    range.getColumn(),
    range.getNumColumns(),
  ];
  const firstRow = Math.max(row, layout.headerRow + 2);
  // Rows below the last one with content have no cycle: nothing closed there.
  const lastEdited = Math.min(row + rowCount - 1, lastRow);
  if (firstRow > lastEdited) return null;
  const rows = sheet.getRange(firstRow, 1, lastEdited - firstRow + 1, lastColumn).getValues();
  const one = rowCount === 1 && columnCount === 1;
  const decision = closedEdit({
    columns: layout.columns,
    rows,
    firstRow,
    fromColumn: column,
    toColumn: column + columnCount - 1,
    closed,
    single: one ? { oldValue: e?.oldValue, value: e?.value } : null,
  });
  if (decision.kind === 'none') return null;
  const ss = e?.source ?? sheet.getParent();
  const lang = spreadsheetLanguage(ss, loadSettings(), top[layout.headerRow]);
  return { decision, range, top: row, left: column, ss, sheetName, lang, layout };
}

/**
 * Puts the one typed cell back. Google's oldValue is the cell's value as text (a date as its serial
 * number), which setValue would parse as typed input; putBackValue turns it into the value of the
 * cell's column (a number, a date serial, or text written as text), so it reads back as it was.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 */
export function putBack(edit: ClosedRowEdit): void {
  if (edit.decision.kind !== 'revert') return;
  const index = edit.decision.column - 1;
  const column = (Object.keys(edit.layout.columns) as OkrColumn[]).find(
    (c) => edit.layout.columns[c] === index,
  );
  edit.range.setValue(putBackValue(column, edit.decision.value));
}

/** The note on every flagged cell (one getNotes, one setNotes over the edited range). */
export function noteFlaggedCells(edit: ClosedRowEdit, note: string): number {
  if (edit.decision.kind !== 'flag') return 0;
  const { range, top, left } = edit;
  const notes = range.getNotes();
  for (const cell of edit.decision.cells) {
    const row = notes[cell.row - top];
    if (!row) continue;
    const before = row[cell.column - left] ?? '';
    // The owner check's note (and any other) stays; ours is added once, however often the cell is
    // pasted over (it may already sit under another note).
    if (before.includes(note)) continue;
    row[cell.column - left] = before ? `${before}\n\n${note}` : note;
  }
  range.setNotes(notes);
  return edit.decision.cells.length;
}
