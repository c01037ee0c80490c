// Writes scattered cells of a few columns (Current and Progress of every key result a Source
// updated, and their objectives' Progress) in a fixed number of calls whatever the sheet's size:
// per column one getFormulas and one setValues over the rows from the first to the last changed
// cell. The rows in between are written back as they are: a formula as its formula (setValues
// re-enters a string starting with "=" as a formula), a value through okrCellValue (the one text
// rule, so a text stays text). Called under the document lock, right after the tab was read.
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
import type { OkrColumn } from '../okr/core/model';
import { okrCellValue } from '../okr/core/sheetText';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ColumnSpan {
  column: OkrColumn;
  /** 0-based column index on the tab. */
  index: number;
  /** 1-based row → the sheet-ready value to write there. */
  cells: ReadonlyMap<number, unknown>;
}

export function writeColumnSpans(
  sheet: Sheet,
  values: readonly unknown[][],
  spans: readonly ColumnSpan[],
  timeZone: string,
): void {
  for (const span of spans) {
    if (span.cells.size === 0) continue;
    const rows = [...span.cells.keys()];
    const from = Math.min(...rows);
    const to = Math.max(...rows);
    const range = sheet.getRange(from, span.index + 1, to - from + 1, 1);
    const formulas = range.getFormulas();
    const out: unknown[][] = [];
    for (let row = from; row <= to; row++) {
      const formula = formulas[row - from]?.[0] ?? '';
      if (span.cells.has(row)) out.push([span.cells.get(row)]);
      else if (formula) out.push([formula]);
      else out.push([okrCellValue(span.column, values[row - 1]?.[span.index] ?? '', timeZone)]);
    }
    range.setValues(out);
  }
}

/** The formulas of one column (0-based index) from row `from` to `to` (1-based), '' where none: one call. */
export function columnFormulas(sheet: Sheet, index: number, from: number, to: number): string[] {
  if (to < from) return [];
  return sheet
    .getRange(from, index + 1, to - from + 1, 1)
    .getFormulas()
    .map((r) => r[0] ?? '');
}
