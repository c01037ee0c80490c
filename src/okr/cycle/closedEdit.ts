// An edit typed or pasted straight into a closed cycle's rows. The sidebar refuses writes there
// (src/endpoints/sidebar/closedRows.ts), the sheet itself cannot: the onEdit trigger decides here
// what to do. Google's edit event carries the cell's old and new value only for a single cell
// ("Only available if the edited range is a single cell"), and neither for a paste:
// https://developers.google.com/apps-script/guides/triggers/events#edit
// So a typed single cell is put back exactly (oldValue; absent = the cell was empty), and a paste or
// a block, which cannot be put back safely, is flagged: a note on its cells, and the validator's
// edited-after-close problem (src/okr/cycle/editedAfterClose.ts) compares the rows with the Results
// tab, the graded record, whether or not the trigger ran.
import type { ColumnMap, OkrColumn } from '../core/model';
import { asSheetText, DATE_COLUMNS, okrCellValue } from '../core/sheetText';
import { inClosedCycle } from './closedCycles';

/**
 * Columns still free on a closed row: the Note (a remark, not the grade), the Source (no longer
 * read once the cycle is closed), and every column the add-on does not know.
 */
const FREE: ReadonlySet<OkrColumn> = new Set<OkrColumn>(['note', 'source']);

export interface ClosedEditInput {
  columns: ColumnMap<OkrColumn>;
  /** The edited rows' values after the edit (whole rows), the first one at `firstRow`. */
  rows: readonly unknown[][];
  firstRow: number;
  /** 1-based, inclusive. */
  fromColumn: number;
  toColumn: number;
  closed: ReadonlySet<string>;
  /** Google's event fields when the edited range is one cell; null for a block. */
  single: { oldValue?: unknown; value?: unknown } | null;
}

export type ClosedEdit =
  | { kind: 'none' }
  /** Put the one typed cell back: `value` is Google's oldValue ('' = it was empty). */
  | { kind: 'revert'; cycle: string; row: number; column: number; value: string }
  /** Cells (1-based) of closed rows that a paste or a block changed. */
  | { kind: 'flag'; cycles: string[]; cells: Array<{ row: number; column: number }> };

/** The guarded columns among those edited (1-based). */
function guardedColumns(input: ClosedEditInput): number[] {
  const byIndex = new Map<number, OkrColumn>();
  for (const [key, index] of Object.entries(input.columns) as Array<[OkrColumn, number]>)
    byIndex.set(index, key);
  const out: number[] = [];
  for (let c = input.fromColumn; c <= input.toColumn; c++) {
    const key = byIndex.get(c - 1);
    if (key && !FREE.has(key)) out.push(c);
  }
  return out;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function closedEdit(input: ClosedEditInput): ClosedEdit {
  const cycleIndex = input.columns.cycle;
  if (input.closed.size === 0 || cycleIndex === undefined) return { kind: 'none' };
  const columns = guardedColumns(input);
  if (columns.length === 0) return { kind: 'none' };
  const cycleOf = (r: number) => text(input.rows[r]?.[cycleIndex]).trim();
  const single = input.single;
  if (single) {
    const cycle = cycleOf(0);
    // Typing a cycle's name moves the row between cycles: the old one counts as much as the new.
    const old = input.fromColumn === cycleIndex + 1 ? text(single.oldValue).trim() : '';
    const closedCycle = [cycle, old].find((c) => c && inClosedCycle({ cycle: c }, input.closed));
    if (!closedCycle) return { kind: 'none' };
    // Neither value given: a paste into one cell (nothing to put back), else a typed edit.
    if (single.oldValue !== undefined || single.value !== undefined) {
      return {
        kind: 'revert',
        cycle: closedCycle,
        row: input.firstRow,
        column: input.fromColumn,
        value: text(single.oldValue),
      };
    }
  }
  const cycles = new Set<string>();
  const cells: Array<{ row: number; column: number }> = [];
  input.rows.forEach((_, r) => {
    const cycle = cycleOf(r);
    if (!cycle || !inClosedCycle({ cycle }, input.closed)) return;
    cycles.add(cycle);
    for (const column of columns) cells.push({ row: input.firstRow + r, column });
  });
  return cells.length ? { kind: 'flag', cycles: [...cycles], cells } : { kind: 'none' };
}

/** Google's oldValue of a date cell: its serial number (days since 1899-12-30, a fraction for the time). */
const SERIAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * The value that puts a typed cell of `column` back to Google's oldValue (always a string, which
 * Sheets would parse like typed input: "007" → 7, "+1 NPS" a formula, "12.5" not a number in a
 * de_DE spreadsheet). The one rule for OKRs cells decides (okrCellValue): a number column gets the
 * number, a text column the text as text. A date column gets its serial back as a number, which the
 * cell, still date-formatted, shows as the same date and time; anything else there was text.
 */
export function putBackValue(column: OkrColumn | undefined, oldValue: string): unknown {
  if (column && DATE_COLUMNS.has(column))
    return SERIAL.test(oldValue) ? Number(oldValue) : asSheetText(oldValue);
  // The time zone only matters for a date column's string, handled above.
  return okrCellValue(column, oldValue, 'Etc/GMT');
}
