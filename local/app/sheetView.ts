// The grid the page draws: what Sheets would display in each cell, its background (its own or a
// conditional format's), its note and its dropdown. Read host-side from the Workbook (not metered,
// no triggers): looking at a sheet is not an execution.
import type { Workbook } from '../runtime';
import { cellA1 } from '../runtime/spreadsheet/a1';
import { parseRange } from './a1';
import { conditionalFormats } from './conditional';
import type { CellView, SheetView } from './protocol';

/** A browser draws a thousand rows comfortably; a bigger sheet is cut with a notice. */
export const MAX_ROWS = 1000;

const WHITE = /^#?fff(fff)?$/i;
const BLACK = /^#?000(000)?$/i;

function listOptions(
  wb: Workbook,
  v: { values?: string[]; rangeA1?: string },
  sheet: string,
): string[] | undefined {
  if (v.values?.length) return v.values;
  if (!v.rangeA1) return undefined;
  const ref = parseRange(v.rangeA1);
  if (!ref) return undefined;
  const source = ref.sheet ?? sheet;
  if (!wb.sheetNames().includes(source)) return undefined;
  const shown = wb.displayValues(source);
  const out: string[] = [];
  const last = Math.min(ref.endRow ?? shown.length, shown.length);
  for (let r = ref.startRow; r <= last; r++) {
    for (let c = ref.startCol; c <= ref.endCol; c++) {
      const s = shown[r - 1]?.[c - 1] ?? '';
      if (s !== '' && !out.includes(s)) out.push(s);
    }
  }
  return out;
}

export function sheetView(wb: Workbook, name: string, now: number): SheetView {
  const shown = wb.displayValues(name);
  const width = shown.reduce((m, r) => Math.max(m, r.length), 0);
  const rowCount = Math.min(shown.length, MAX_ROWS);
  // Each tab's values read once per view, for formulas that look at other tabs (COUNTIF over Team).
  const cache = new Map<string, unknown[][]>();
  const host = {
    values: (s: string) => {
      if (!cache.has(s)) cache.set(s, wb.values(s));
      return cache.get(s) as unknown[][];
    },
    sheetNames: () => wb.sheetNames(),
    now: () => now,
  };
  const formats = conditionalFormats(wb.conditionalRules(name), name, host, rowCount, width);
  const warnings = warningProtections(wb, name, rowCount, width);
  const optionsByRule = new Map<string, string[] | undefined>();
  const rows: CellView[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: CellView[] = [];
    for (let c = 0; c < width; c++) {
      const ref = cellA1(r + 1, c + 1);
      const view: CellView = { text: shown[r]?.[c] ?? '' };
      const cell = wb.cell(name, ref);
      const align = alignment(cell?.horizontalAlignment, host.values(name)[r]?.[c]);
      if (align !== 'left') view.align = align;
      const cf = formats[r]?.[c];
      const bg = cf?.background ?? cell?.background;
      if (bg && !WHITE.test(bg)) view.bg = bg;
      const color = cf?.fontColor ?? cell?.fontColor;
      if (color && !BLACK.test(color)) view.color = color;
      if (cf?.bold || cell?.fontWeight === 'bold') view.bold = true;
      if (cell?.note) view.note = cell.note;
      const warn = warnings[r]?.[c];
      if (warn !== undefined) view.warn = warn;
      if (cell?.validation) {
        const v = wb.validation(name, ref);
        if (v && (v.type === 'VALUE_IN_LIST' || v.type === 'VALUE_IN_RANGE') && v.showDropdown !== false) {
          // A whole column usually shares one rule: resolve its list once.
          const key = `${v.type}|${v.rangeA1 ?? ''}|${(v.values ?? []).join('\u0000')}`;
          if (!optionsByRule.has(key)) optionsByRule.set(key, listOptions(wb, v, name));
          const options = optionsByRule.get(key);
          if (options) view.options = options;
        }
        if (v) {
          view.strict = !v.allowInvalid;
          if (v.helpText) view.helpText = v.helpText;
        }
      }
      row.push(view);
    }
    rows.push(row);
  }
  const widths = Array.from({ length: width }, (_, c) => wb.columnWidth(name, c + 1));
  return { name, frozenRows: wb.frozenRows(name), widths, rows, truncatedRows: shown.length - rowCount };
}

/** Cells under a warning-only protection (Sheets shows "Edit anyway?" before changing them). */
function warningProtections(
  wb: Workbook,
  name: string,
  rows: number,
  cols: number,
): Array<Array<string | undefined>> {
  const out: Array<Array<string | undefined>> = Array.from({ length: rows }, () => new Array(cols));
  const inside = (g: { row: number; col: number; numRows: number; numCols: number }, r: number, c: number) =>
    r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols;
  for (const p of wb.protectionsOf(name)) {
    if (!p.warningOnly) continue;
    const range = p.type === 'RANGE' && p.rangeA1 ? parseRange(p.rangeA1) : undefined;
    if (p.type === 'RANGE' && !range) continue;
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const covered = range
          ? r >= range.startRow && r <= (range.endRow ?? rows) && c >= range.startCol && c <= range.endCol
          : !p.unprotected.some((g) => inside(g, r, c));
        if (covered) out[r - 1][c - 1] ??= p.description;
      }
    }
  }
  return out;
}

function alignment(own: string | undefined, value: unknown): 'left' | 'center' | 'right' {
  const h = (own ?? '').toLowerCase();
  if (h === 'left' || h === 'center' || h === 'right') return h;
  if (h === 'normal' || h === 'general' || h === '') {
    if (typeof value === 'number' || Object.prototype.toString.call(value) === '[object Date]')
      return 'right';
    if (typeof value === 'boolean') return 'center';
  }
  return 'left';
}
