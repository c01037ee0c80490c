// Key results whose Current comes from a cell of the same spreadsheet: which tabs and named ranges
// one operation must read (each once, whatever the number of key results), and what each key
// result's Source then says: a number to record, or a problem naming the row, the Source cell and
// what to do. Pure: src/gas/sourceCells.ts fetches the grids, src/endpoints/sourceUpdate.ts writes.
import { t } from '../core/i18n';
import type { KeyResult, Lang } from '../core/model';
import { dateMs } from '../core/parseValues';
import { cellA1, shortValue } from '../core/problems';
import { HEADER_SEARCH_ROWS, headerKey } from '../core/schema';
import { SOURCE_MESSAGES, type SourceProblemCode } from './sourceMessages';
import { type ParsedSource, parseSourceRef, type SourceRef } from './sourceRef';

/** A block of cells as read: values (getValues) and number formats (getNumberFormats), from its top-left. */
export interface SourceGrid {
  values: unknown[][];
  formats: string[][];
  /** 1-based row and column of values[0][0] on its tab, and the tab's name (for messages). */
  row: number;
  column: number;
  tab: string;
}

/** What one operation read: each tab's data range and each named range, by the name the Sources use; null = not there. */
export interface SourceReads {
  tabs: ReadonlyMap<string, SourceGrid | null>;
  names: ReadonlyMap<string, SourceGrid | null>;
}

/** The tabs and named ranges to read, each once. */
export function sourceNeeds(keyResults: readonly KeyResult[]): { tabs: string[]; names: string[] } {
  const tabs = new Set<string>();
  const names = new Set<string>();
  for (const kr of keyResults) {
    const parsed = kr.source ? parseSourceRef(kr.source) : null;
    if (!parsed?.ok) continue;
    if (parsed.ref.kind === 'name') names.add(parsed.ref.name);
    else tabs.add(parsed.ref.tab);
  }
  return { tabs: [...tabs], names: [...names] };
}

export interface SourceProblem {
  id: string;
  row: number;
  /** The Source cell, e.g. "OKRs!S7". */
  cell: string;
  code: SourceProblemCode;
  message: string;
}

export interface SourceValue {
  kr: KeyResult;
  /** The figure to record as Current. */
  value: number;
  /** The cell it was read from, e.g. "'Sales data'!B7". */
  at: string;
}

/** Google Sheets' error values, as getValues returns them (text). */
const ERROR_VALUE = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

/** A number format that shows a percentage ("0%", "0.00%"), not a literal % inside quotes. */
function isPercentFormat(format: string): boolean {
  return /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** A key result counted in percent ("%", "％", "percent"): a 45% cell is 45 there, not 0.45. */
function countsInPercent(kr: KeyResult): boolean {
  return /^(%|percent|pct|パーセント)$/i.test(kr.unit.normalize('NFKC').trim());
}

type Found =
  | { ok: true; value: unknown; format: string; at: string }
  | { ok: false; code: SourceProblemCode; params?: Record<string, string> };

function cellOf(grid: SourceGrid, row: number, column: number): Found {
  const r = row - grid.row;
  const c = column - grid.column;
  const at = cellA1(grid.tab, row, column - 1);
  // Outside the tab's data range: an empty cell, as Sheets shows it.
  const value = r >= 0 && c >= 0 ? grid.values[r]?.[c] : undefined;
  return { ok: true, value: value ?? '', format: (r >= 0 && c >= 0 && grid.formats[r]?.[c]) || '', at };
}

/** Lookup: the column headed `header` in the first rows, the first row below it whose first cell is `rowKey`. */
function lookUp(grid: SourceGrid, ref: Extract<SourceRef, { kind: 'lookup' }>): Found {
  const headerWanted = headerKey(ref.header);
  const keyWanted = headerKey(ref.rowKey);
  const params = { tab: ref.tab, header: ref.header, rowKey: ref.rowKey };
  let headerRow = -1;
  let column = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.values.length) && column < 0; r++) {
    column = grid.values[r].findIndex((v) => headerKey(keyText(v)) === headerWanted);
    if (column >= 0) headerRow = r;
  }
  if (column < 0) return { ok: false, code: 'header-missing', params };
  const row = (rowIndex(grid).get(keyWanted) ?? []).find((r) => r > headerRow);
  if (row === undefined) return { ok: false, code: 'row-missing', params };
  return cellOf(grid, grid.row + row, grid.column + column);
}

const rowIndexes = new WeakMap<SourceGrid, Map<string, number[]>>();

/** Each first-column key's rows (0-based, in order), built once per grid: lookups by thousands stay linear. */
function rowIndex(grid: SourceGrid): Map<string, number[]> {
  let index = rowIndexes.get(grid);
  if (index) return index;
  index = new Map();
  grid.values.forEach((cells, r) => {
    const key = headerKey(keyText(cells[0]));
    if (!key) return;
    const rows = index?.get(key) ?? [];
    rows.push(r);
    index?.set(key, rows);
  });
  rowIndexes.set(grid, index);
  return index;
}

/** A first cell as text to compare: a date as YYYY-MM-DD (how people write a period's key). */
function keyText(v: unknown): string {
  const ms = v instanceof Object ? dateMs(v) : undefined;
  if (ms !== undefined && Number.isFinite(ms)) return new Date(ms).toISOString().slice(0, 10);
  return String(v ?? '');
}

function find(ref: SourceRef, reads: SourceReads): Found {
  if (ref.kind === 'name') {
    const grid = reads.names.get(ref.name);
    if (!grid) return { ok: false, code: 'name-missing', params: { name: ref.name } };
    if (grid.values.length !== 1 || grid.values[0].length !== 1) {
      return { ok: false, code: 'name-range', params: { name: ref.name } };
    }
    return cellOf(grid, grid.row, grid.column);
  }
  const grid = reads.tabs.get(ref.tab);
  if (!grid) return { ok: false, code: 'tab-missing', params: { tab: ref.tab } };
  return ref.kind === 'cell' ? cellOf(grid, ref.row, ref.column) : lookUp(grid, ref);
}

/** The figure a cell gives a key result, or why it gives none. */
function figure(kr: KeyResult, found: Extract<Found, { ok: true }>): number | SourceProblemCode {
  const { value, format } = found;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'error';
    if (isPercentFormat(format) && countsInPercent(kr)) return Math.round(value * 100 * 1e9) / 1e9;
    return value;
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return 'empty';
  if (typeof value === 'string' && ERROR_VALUE.test(value.trim())) return 'error';
  // Text (even "40", which Sheets keeps as text), a date or a checkbox: not a figure to record.
  return 'text';
}

export interface SourceOutcome {
  values: SourceValue[];
  problems: SourceProblem[];
}

/**
 * Each key result with a Source: its figure, or a problem. `sheetName` and `sourceColumn` (0-based)
 * place the Source cell the messages name.
 */
export function readSources(
  keyResults: readonly KeyResult[],
  reads: SourceReads,
  opts: { sheetName: string; sourceColumn: number; lang: Lang },
): SourceOutcome {
  const out: SourceOutcome = { values: [], problems: [] };
  for (const kr of keyResults) {
    if (!kr.source) continue;
    const cell = cellA1(opts.sheetName, kr.row, opts.sourceColumn);
    const base = { id: kr.id, row: String(kr.row), cell, source: shortValue(kr.source) };
    const fail = (code: SourceProblemCode, params: Record<string, string> = {}) =>
      out.problems.push({
        id: kr.id,
        row: kr.row,
        cell,
        code,
        message: t(SOURCE_MESSAGES, opts.lang, code, { ...base, ...params }),
      });
    const parsed: ParsedSource = parseSourceRef(kr.source);
    if (!parsed.ok) {
      fail(parsed.error);
      continue;
    }
    const found = find(parsed.ref, reads);
    if (!found.ok) {
      fail(found.code, found.params);
      continue;
    }
    const value = figure(kr, found);
    if (typeof value === 'number') out.values.push({ kr, value, at: found.at });
    else
      fail(value, {
        at: found.at,
        value: shortValue(found.value instanceof Date ? keyText(found.value) : found.value),
      });
  }
  return out;
}
