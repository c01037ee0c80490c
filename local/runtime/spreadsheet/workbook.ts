// The in-memory spreadsheet: sheets of cells keeping Google's types, and everything Sheets attaches
// to a spreadsheet (validation, conditional rules, protections, named ranges, charts, selections).
// Host-side helpers here are NOT metered and run no validation or triggers: they are for tests,
// tools and the xlsx loader. Scripts reach the workbook only through createSpreadsheetApp.
import { fromWallTime, wallTime } from '../wallClock';
import { cellA1, columnToLetters, type GridRect, parseA1, quoteSheetName, rectA1, resolveA1 } from './a1';
import {
  DEFAULT_NUMBER_FORMAT,
  dateToSerial,
  displayValue,
  isDate,
  isDateFormat,
  serialToDate,
} from './format';
import { buildSidecar, type Sidecar } from './sidecar';
import type {
  Cell,
  CellValue,
  ChartSpec,
  ConditionalRuleSpec,
  GridRef,
  ProtectionSpec,
  RowGroupSpec,
  Selection,
  ValidationInfo,
  ValidationSpec,
} from './types';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_OWNER = 'owner@example.com';

/**
 * The value a script reads: Sheets keeps numbers, and a number under a date/time format is read
 * as a Date, a date under a number format as its serial number.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
 * ("…of type Number, Boolean, Date, or String depending on the value of the cell")
 */
export function readValue(c: Cell | undefined, timeZone: string): CellValue {
  if (!c) return '';
  const v = c.value;
  const f = c.numberFormat;
  const auto = !f || f === 'General' || f === DEFAULT_NUMBER_FORMAT || f === '@';
  if (typeof v === 'number' && !auto && isDateFormat(f)) return serialToDate(v, timeZone);
  if (isDate(v)) return !auto && !isDateFormat(f) ? dateToSerial(v, timeZone) : new Date(v.getTime());
  return v;
}

/**
 * Whether `who` may edit under a protection: the owner always, everyone under a warning-only one or
 * one whose editors still mirror the spreadsheet's, else its listed editors. Emails compare
 * case-insensitively, as Google accounts do.
 */
export function mayEdit(p: ProtectionSpec, who: string, owner: string): boolean {
  const w = who.toLowerCase();
  if (w && w === owner.toLowerCase()) return true;
  if (p.warningOnly || p.editors === null) return true;
  return p.editors.some((e) => e.toLowerCase() === w);
}

export function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.formula !== undefined || c.value !== '');
}

/** Host data → a cell value; anything that is not number/boolean/Date becomes text, null/undefined ''. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  // A sheet's number cell has no negative zero (values reach Sheets as JSON, where -0 is 0): x + 0.
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : String(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (isDate(v)) return new Date(v.getTime());
  return String(v);
}

function copyCell(c: Cell): Cell {
  const out: Cell = { ...c };
  if (isDate(c.value)) out.value = new Date(c.value.getTime());
  if (c.validation) out.validation = copyValidation(c.validation);
  if (c.border) out.border = { ...c.border };
  return out;
}

export function copyValidation(v: ValidationSpec): ValidationSpec {
  return {
    ...v,
    values: v.values.map((x) =>
      Array.isArray(x)
        ? [...x]
        : isDate(x)
          ? new Date(x.getTime())
          : x && typeof x === 'object'
            ? { ...(x as object) }
            : x,
    ),
  };
}

export class SheetData {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  columnWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Row group depth per row (1-based row → depth ≥ 1); groups are runs of rows at a depth. */
  rowDepths: Record<number, number> = {};
  /** Collapsed groups, as "depth:startRow". */
  collapsedGroups = new Set<string>();
  merges: GridRect[] = [];
  conditionalRules: ConditionalRuleSpec[] = [];
  charts: ChartSpec[] = [];
  tabColor: string | null = null;

  constructor(
    public id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLS,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell, created (empty) if needed, growing the grid when written past its edge. */
  cellForWrite(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { value: '' };
      r[col - 1] = c;
    }
    if (row > this.maxRows) this.maxRows = row;
    if (col > this.maxCols) this.maxCols = col;
    return c;
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? '';
  }

  /**
   * The last row with a value or formula (formats, notes and cells set to '' do not count; a formula
   * showing '' does), 0 when empty: "the position of the last row that has content".
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
   */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row?.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) last = c;
    }
    return last;
  }

  /** Visits every cell object in a rectangle (only those that exist). */
  *cellsIn(r: GridRect): Generator<[number, number, Cell]> {
    for (let i = r.row; i < r.row + r.numRows; i++) {
      const row = this.rows[i - 1];
      if (!row) continue;
      for (let j = r.col; j < r.col + r.numCols; j++) {
        const c = row[j - 1];
        if (c) yield [i, j, c];
      }
    }
  }

  /** The row groups, derived from the depths: maximal runs of rows at depth ≥ d. */
  rowGroups(): RowGroupSpec[] {
    const out: RowGroupSpec[] = [];
    const rows = Object.keys(this.rowDepths)
      .map(Number)
      .sort((a, b) => a - b);
    const maxDepth = Math.max(0, ...Object.values(this.rowDepths));
    for (let d = 1; d <= maxDepth; d++) {
      let start = -1;
      let prev = -2;
      const flush = () => {
        if (start > 0)
          out.push({
            start,
            count: prev - start + 1,
            depth: d,
            collapsed: this.collapsedGroups.has(`${d}:${start}`),
          });
      };
      for (const r of rows) {
        if ((this.rowDepths[r] ?? 0) < d) continue;
        if (r !== prev + 1) {
          flush();
          start = r;
        }
        prev = r;
      }
      flush();
    }
    return out;
  }

  clone(): SheetData {
    const s = new SheetData(this.id, this.name, this.maxRows, this.maxCols);
    s.rows = this.rows.map((row) => row?.map((c) => (c ? copyCell(c) : undefined)));
    s.hidden = this.hidden;
    s.frozenRows = this.frozenRows;
    s.frozenCols = this.frozenCols;
    s.columnWidths = { ...this.columnWidths };
    s.rowHeights = { ...this.rowHeights };
    s.hiddenRows = new Set(this.hiddenRows);
    s.hiddenCols = new Set(this.hiddenCols);
    s.rowDepths = { ...this.rowDepths };
    s.collapsedGroups = new Set(this.collapsedGroups);
    s.merges = this.merges.map((m) => ({ ...m }));
    s.conditionalRules = this.conditionalRules.map(copyRule);
    s.charts = this.charts.map((c) => structuredClone(c));
    s.tabColor = this.tabColor;
    return s;
  }
}

export function copyRule(r: ConditionalRuleSpec): ConditionalRuleSpec {
  return {
    ranges: r.ranges.map((g) => ({ ...g })),
    condition: {
      type: r.condition.type,
      values: r.condition.values.map((v) => (isDate(v) ? new Date(v.getTime()) : v)),
    },
    format: { ...r.format },
  };
}

let idCounter = 0;
function newSpreadsheetId(): string {
  // Shaped like a Drive file id (44 characters); unique per process is all the runtime needs.
  const base = `1local${Date.now().toString(36)}${(++idCounter).toString(36)}${Math.random().toString(36).slice(2)}`;
  return (base + 'x'.repeat(44)).slice(0, 44);
}

export interface WorkbookOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  owner?: string;
}

export class Workbook {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  /** The spreadsheet's owner: always an editor of every protection. */
  owner: string;
  sheets: SheetData[] = [];
  namedRanges = new Map<string, GridRef>();
  protections: ProtectionSpec[] = [];
  /** Each user's active sheet and range; '' is the default (no user known). */
  selections = new Map<string, Selection>();
  nextSheetId = 0;
  nextProtectionId = 1;
  nextChartId = 1;

  constructor(opts: WorkbookOptions = {}) {
    this.id = opts.id ?? newSpreadsheetId();
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.timeZone = opts.timeZone ?? 'America/New_York';
    this.locale = opts.locale ?? 'en_US';
    this.owner = opts.owner ?? DEFAULT_OWNER;
  }

  static fromRows(tabs: Record<string, unknown[][]>, opts: WorkbookOptions = {}): Workbook {
    const wb = new Workbook(opts);
    for (const [name, rows] of Object.entries(tabs)) {
      const s = wb.addSheet(name);
      const width = Math.max(0, ...rows.map((r) => r.length));
      s.maxRows = Math.max(DEFAULT_ROWS, rows.length);
      s.maxCols = Math.max(DEFAULT_COLS, width);
      if (rows.length && width) wb.writeRect(s, 1, 1, rows);
    }
    if (!wb.sheets.length) wb.addSheet('Sheet1');
    return wb;
  }

  // ---- sheets ----

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet by name (Sheets matches sheet names case-insensitively). */
  findSheet(name: string): SheetData | undefined {
    return (
      this.sheets.find((s) => s.name === name) ??
      this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }

  sheet(name: string): SheetData {
    const s = this.findSheet(name);
    if (!s)
      throw new Error(`No sheet named ${JSON.stringify(name)} (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string, index?: number, size?: { rows?: number; cols?: number }): SheetData {
    if (this.findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const s = new SheetData(this.nextSheetId, name, size?.rows ?? DEFAULT_ROWS, size?.cols ?? DEFAULT_COLS);
    // Sheets gives the first sheet gid 0 and later ones large random ids; sequential is enough here.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 1_000_003;
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, index), 0, s);
    return s;
  }

  removeSheet(s: SheetData): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.protections = this.protections.filter((p) => p.sheetId !== s.id);
    for (const [n, g] of this.namedRanges) if (g.sheetId === s.id) this.namedRanges.delete(n);
    for (const [u, sel] of this.selections) if (sel.sheetId === s.id) this.selections.delete(u);
  }

  /** The rectangle a host A1 reference names ("Sheet!A1:B2", or A1 on `sheetName`). */
  locate(sheetName: string | undefined, a1: string): { sheet: SheetData; rect: GridRect } {
    const p = parseA1(a1);
    if (!p) throw new Error(`Range not found: ${a1}`);
    const name = p.sheetName ?? sheetName;
    const sheet = name === undefined ? (this.sheets[0] as SheetData) : this.sheet(name);
    return { sheet, rect: resolveA1(p, sheet.maxRows, sheet.maxCols) };
  }

  // ---- values ----

  /** Writes host values as a script would store them, without parsing text (host helper). */
  writeRect(sheet: SheetData, row: number, col: number, values: unknown[][]): void {
    values.forEach((r, i) => {
      r.forEach((v, j) => {
        const c = sheet.cellForWrite(row + i, col + j);
        storeRaw(c, v);
      });
    });
  }

  /** The data range's values (A1 to the last row and column with content), Google's types. */
  values(sheetName: string): CellValue[][] {
    const s = this.sheet(sheetName);
    const rows = s.lastRow();
    const cols = s.lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= cols; c++) line.push(readValue(s.cell(r, c), this.timeZone));
      out.push(line);
    }
    return out;
  }

  displayValues(sheetName: string): string[][] {
    const s = this.sheet(sheetName);
    const rows = s.lastRow();
    const cols = s.lastColumn();
    const out: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      for (let c = 1; c <= cols; c++) line.push(this.display(s, r, c));
      out.push(line);
    }
    return out;
  }

  display(s: SheetData, row: number, col: number): string {
    const c = s.cell(row, col);
    if (!c) return '';
    return displayValue(c.value, c.numberFormat, this.timeZone);
  }

  /** Host write (no validation, no triggers, no parsing of text except '=' formulas and "'" text). */
  setValues(sheetName: string, a1: string, values: unknown[][]): void {
    const { sheet, rect } = this.locate(sheetName, a1);
    if (values.length !== rect.numRows || values.some((r) => r.length !== rect.numCols)) {
      if (!(rect.numRows === 1 && rect.numCols === 1)) {
        throw new Error(
          `setValues(${a1}): data is ${values.length}x${values[0]?.length ?? 0}, range is ${rect.numRows}x${rect.numCols}`,
        );
      }
    }
    this.writeRect(sheet, rect.row, rect.col, values);
  }

  value(sheetName: string, a1: string): CellValue {
    const { sheet, rect } = this.locate(sheetName, a1);
    return readValue(sheet.cell(rect.row, rect.col), this.timeZone);
  }

  displayValue(sheetName: string, a1: string): string {
    const { sheet, rect } = this.locate(sheetName, a1);
    return this.display(sheet, rect.row, rect.col);
  }

  /** The raw cell (a copy), or undefined when it was never written or formatted. */
  cell(sheetName: string, a1: string): Cell | undefined {
    const { sheet, rect } = this.locate(sheetName, a1);
    const c = sheet.cell(rect.row, rect.col);
    return c ? copyCell(c) : undefined;
  }

  formula(sheetName: string, a1: string): string {
    return this.cell(sheetName, a1)?.formula ?? '';
  }

  note(sheetName: string, a1: string): string {
    return this.cell(sheetName, a1)?.note ?? '';
  }

  numberFormat(sheetName: string, a1: string): string {
    return this.cell(sheetName, a1)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  background(sheetName: string, a1: string): string {
    return this.cell(sheetName, a1)?.background ?? '#ffffff';
  }

  fontWeight(sheetName: string, a1: string): 'bold' | 'normal' {
    return this.cell(sheetName, a1)?.fontWeight ?? 'normal';
  }

  fontColor(sheetName: string, a1: string): string {
    return this.cell(sheetName, a1)?.fontColor ?? '#000000';
  }

  validation(sheetName: string, a1: string): ValidationInfo | null {
    const v = this.cell(sheetName, a1)?.validation;
    return v ? this.validationInfo(v) : null;
  }

  validationInfo(v: ValidationSpec): ValidationInfo {
    const info: ValidationInfo = { type: v.criteria, allowInvalid: v.allowInvalid, helpText: v.helpText };
    if (v.criteria === 'VALUE_IN_LIST') {
      info.values = (v.values[0] as unknown[]).map(String);
      info.showDropdown = v.values[1] !== false;
    } else if (v.criteria === 'VALUE_IN_RANGE') {
      info.rangeA1 = this.refA1(v.values[0] as GridRef, true);
      info.showDropdown = v.values[1] !== false;
    } else if (v.criteria.endsWith('BETWEEN')) {
      info.min = v.values[0] as number | Date;
      info.max = v.values[1] as number | Date;
    } else if (v.values.length === 1 && (typeof v.values[0] === 'number' || isDate(v.values[0]))) {
      info.min = v.values[0] as number | Date;
    }
    return info;
  }

  // ---- structure ----

  frozenRows(sheetName: string): number {
    return this.sheet(sheetName).frozenRows;
  }

  columnWidth(sheetName: string, col: number): number {
    return this.sheet(sheetName).columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
  }

  conditionalRules(sheetName: string): Array<ConditionalRuleSpec & { rangesA1: string[] }> {
    return this.sheet(sheetName).conditionalRules.map((r) => ({
      ...copyRule(r),
      rangesA1: r.ranges.map((g) => this.refA1(g)),
    }));
  }

  protectionsOf(sheetName?: string): Array<ProtectionSpec & { rangeA1?: string; sheetName: string }> {
    return this.protections
      .filter((p) => sheetName === undefined || this.sheetById(p.sheetId)?.name === sheetName)
      .map((p) => ({
        ...structuredClone(p),
        sheetName: this.sheetById(p.sheetId)?.name ?? '',
        ...(p.range ? { rangeA1: this.refA1(p.range) } : {}),
      }));
  }

  charts(sheetName: string): ChartSpec[] {
    return this.sheet(sheetName).charts.map((c) => structuredClone(c));
  }

  namedRangeA1(name: string): string | null {
    const g = this.namedRanges.get(name);
    return g ? this.refA1(g, true) : null;
  }

  isHidden(sheetName: string): boolean {
    return this.sheet(sheetName).hidden;
  }

  mergedRanges(sheetName: string): string[] {
    return this.sheet(sheetName).merges.map((m) => rectA1(m));
  }

  /** "A1:B2" or, with the sheet, "'Sheet name'!A1:B2". */
  refA1(g: GridRef, withSheet = false): string {
    const a1 = rectA1(g);
    if (!withSheet) return a1;
    const s = this.sheetById(g.sheetId);
    return `${quoteSheetName(s?.name ?? '#REF')}!${a1}`;
  }

  // ---- row/column structure, shifting everything that points into the sheet ----

  insertRows(s: SheetData, before: number, count: number): void {
    s.rows.splice(before - 1, 0, ...new Array<undefined>(count).fill(undefined));
    s.maxRows += count;
    this.shiftRefs(s, 'row', before, count);
  }

  deleteRows(s: SheetData, start: number, count: number): void {
    s.rows.splice(start - 1, count);
    s.maxRows -= count;
    this.shiftRefs(s, 'row', start, -count);
  }

  insertColumns(s: SheetData, before: number, count: number): void {
    for (const row of s.rows)
      if (row && row.length >= before)
        row.splice(before - 1, 0, ...new Array<undefined>(count).fill(undefined));
    s.maxCols += count;
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(s.columnWidths))
      widths[Number(k) >= before ? Number(k) + count : Number(k)] = w;
    s.columnWidths = widths;
    this.shiftRefs(s, 'col', before, count);
  }

  deleteColumns(s: SheetData, start: number, count: number): void {
    for (const row of s.rows) if (row) row.splice(start - 1, count);
    s.maxCols -= count;
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(s.columnWidths)) {
      const c = Number(k);
      if (c < start) widths[c] = w;
      else if (c >= start + count) widths[c - count] = w;
    }
    s.columnWidths = widths;
    this.shiftRefs(s, 'col', start, -count);
  }

  /**
   * Keeps ranges pointing at the same cells when rows/columns are inserted (delta > 0, before `at`)
   * or deleted (delta < 0, starting at `at`), as Sheets does for named ranges, protections,
   * conditional formats, validation sources, merges and charts. A range fully deleted shrinks to nothing
   * and is dropped (conditional rules, merges) or kept at its anchor (others).
   */
  private shiftRefs(s: SheetData, dim: 'row' | 'col', at: number, delta: number): void {
    const shift = (g: { row: number; col: number; numRows: number; numCols: number }): boolean => {
      const start = dim === 'row' ? g.row : g.col;
      const size = dim === 'row' ? g.numRows : g.numCols;
      let ns = start;
      let nsize = size;
      if (delta > 0) {
        if (start >= at) ns = start + delta;
        else if (start + size - 1 >= at) nsize = size + delta;
      } else {
        const del = -delta;
        const delEnd = at + del - 1;
        const end = start + size - 1;
        const keptBefore = Math.max(0, Math.min(end, at - 1) - start + 1);
        const keptAfter = Math.max(0, end - Math.max(start, delEnd + 1) + 1);
        nsize = keptBefore + keptAfter;
        ns = start < at ? start : Math.max(at, start - del);
        if (start > delEnd) ns = start - del;
      }
      if (dim === 'row') {
        g.row = ns;
        g.numRows = Math.max(nsize, 0);
      } else {
        g.col = ns;
        g.numCols = Math.max(nsize, 0);
      }
      return nsize > 0;
    };
    const onSheet = (g: GridRef) => g.sheetId === s.id;
    for (const g of this.namedRanges.values()) if (onSheet(g)) shift(g);
    for (const p of this.protections) {
      if (p.range && onSheet(p.range)) shift(p.range);
      p.unprotected = p.unprotected.filter((g) => !onSheet(g) || shift(g));
    }
    s.merges = s.merges.filter((m) => shift(m));
    for (const r of s.conditionalRules) r.ranges = r.ranges.filter((g) => shift(g));
    s.conditionalRules = s.conditionalRules.filter((r) => r.ranges.length > 0);
    for (const c of s.charts) c.ranges = c.ranges.filter((g) => shift(g));
    for (const sheet of this.sheets) {
      for (const row of sheet.rows) {
        if (!row) continue;
        for (const c of row) {
          const src =
            c?.validation?.criteria === 'VALUE_IN_RANGE' ? (c.validation.values[0] as GridRef) : undefined;
          if (src && onSheet(src)) shift(src);
        }
      }
    }
    if (dim === 'row') {
      const moved = (r: number) =>
        delta > 0 ? (r >= at ? r + delta : r) : r >= at - delta ? r + delta : r < at ? r : -1;
      s.hiddenRows = new Set([...s.hiddenRows].map(moved).filter((r) => r > 0));
      const depths: Record<number, number> = {};
      for (const [r, d] of Object.entries(s.rowDepths)) {
        const nr = moved(Number(r));
        if (nr > 0) depths[nr] = d;
      }
      s.rowDepths = depths;
      const heights: Record<number, number> = {};
      for (const [r, h] of Object.entries(s.rowHeights)) {
        const nr = moved(Number(r));
        if (nr > 0) heights[nr] = h;
      }
      s.rowHeights = heights;
    }
  }

  /**
   * Changes the spreadsheet's time zone as Sheets does: date cells are wall-clock serials, so they
   * keep showing the same date and time, and the instants a script reads move.
   */
  setTimeZone(tz: string): void {
    const old = this.timeZone;
    if (tz === old) return;
    const move = (d: Date) => {
      const w = wallTime(d.getTime(), old);
      return new Date(fromWallTime(tz, w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms));
    };
    for (const s of this.sheets) {
      for (const row of s.rows) {
        for (const c of row ?? []) {
          if (!c) continue;
          if (isDate(c.value)) c.value = move(c.value);
          if (c.validation) c.validation.values = c.validation.values.map((v) => (isDate(v) ? move(v) : v));
        }
      }
      for (const r of s.conditionalRules)
        r.condition.values = r.condition.values.map((v) => (isDate(v) ? move(v) : v));
    }
    this.timeZone = tz;
  }

  // ---- copies and state ----

  /** JSON-safe state xlsx cannot hold; give it back to workbookFromXlsx. */
  sidecar(): Sidecar {
    return buildSidecar(this);
  }

  clone(): Workbook {
    const wb = new Workbook({
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      owner: this.owner,
    });
    wb.sheets = this.sheets.map((s) => s.clone());
    wb.namedRanges = new Map([...this.namedRanges].map(([k, g]) => [k, { ...g }]));
    wb.protections = this.protections.map((p) => structuredClone(p));
    wb.selections = new Map([...this.selections].map(([k, s]) => [k, structuredClone(s)]));
    wb.nextSheetId = this.nextSheetId;
    wb.nextProtectionId = this.nextProtectionId;
    wb.nextChartId = this.nextChartId;
    return wb;
  }

  /** A1 of a cell on a sheet, for messages. */
  static cellName(sheet: SheetData, row: number, col: number): string {
    return `${quoteSheetName(sheet.name)}!${cellA1(row, col)}`;
  }

  static columnName(col: number): string {
    return columnToLetters(col);
  }
}

/** Stores a host value into a cell: '=…' is a formula, a leading apostrophe marks text. */
export function storeRaw(c: Cell, v: unknown): void {
  if (typeof v === 'string' && v.length > 1 && v.startsWith('=')) {
    c.formula = v;
    c.value = '';
    return;
  }
  delete c.formula;
  c.value = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : toCellValue(v);
}
