// Range: a rectangle on a sheet, as scripts see it.
// https://developers.google.com/apps-script/reference/spreadsheet/range
import { type GridRect, rectA1 } from './a1';
import type { Env } from './env';
import { DEFAULT_NUMBER_FORMAT, defaultDateTimeFormat, displayValue, isDate } from './format';
import { shiftFormula } from './formulaShift';
import { parseTyped } from './input';
import { DataValidation } from './rules';
import type { Cell, CellValue, GridRef } from './types';
import { copyValidation, hasContent, mayEdit, readValue, type SheetData, toCellValue } from './workbook';

export interface RangeShape {
  openRows?: boolean;
  openCols?: boolean;
  wholeRows?: boolean;
  wholeCols?: boolean;
}

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Google refuses a write with any cell over 50,000 characters, before writing anything. */
export function assertCellSizes(env: Env, values: unknown[]): void {
  for (const v of values)
    if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw env.err(CELL_TOO_LONG);
}

/** Stores a script-written value the way Sheets does (text is parsed as if typed). */
export function storeScriptValue(env: Env, c: Cell, v: unknown): void {
  if (typeof v === 'string') {
    const p = parseTyped(v, { timeZone: env.wb.timeZone, locale: env.wb.locale, cellFormat: c.numberFormat });
    if (p.formula !== undefined) {
      c.formula = p.formula;
      c.value = '';
      return;
    }
    delete c.formula;
    c.value = p.value;
    if (p.format && (!c.numberFormat || c.numberFormat === DEFAULT_NUMBER_FORMAT)) c.numberFormat = p.format;
    return;
  }
  delete c.formula;
  c.value = toCellValue(v);
  if (isDate(c.value) && (!c.numberFormat || c.numberFormat === DEFAULT_NUMBER_FORMAT))
    c.numberFormat = defaultDateTimeFormat(env.wb.locale);
}

/** Whether `actor` may write the rectangle; warning-only protections never block scripts. */
export function protectionBlocking(env: Env, sheet: SheetData, r: GridRect, actor: string): boolean {
  const wb = env.wb;
  const overlaps = (a: GridRect, b: GridRect) =>
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols;
  for (const p of wb.protections) {
    if (p.sheetId !== sheet.id || mayEdit(p, actor, wb.owner)) continue;
    if (p.type === 'RANGE' && p.range && overlaps(p.range, r)) return true;
    if (p.type === 'SHEET') {
      // Cells in the sheet's unprotected ranges stay editable.
      for (let i = r.row; i < r.row + r.numRows; i++) {
        for (let j = r.col; j < r.col + r.numCols; j++) {
          const cell = { row: i, col: j, numRows: 1, numCols: 1 };
          if (!p.unprotected.some((u) => overlaps(u, cell))) return true;
        }
      }
    }
  }
  return false;
}

type FormatKey =
  | 'background'
  | 'fontWeight'
  | 'fontColor'
  | 'fontStyle'
  | 'fontSize'
  | 'fontFamily'
  | 'fontLine'
  | 'numberFormat'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'wrapStrategy'
  | 'border';

const FORMAT_KEYS: FormatKey[] = [
  'background',
  'fontWeight',
  'fontColor',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'fontLine',
  'numberFormat',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'wrapStrategy',
  'border',
];

const DEFAULTS = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  fontLine: 'none',
  numberFormat: DEFAULT_NUMBER_FORMAT,
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  // A new cell's getWrap() is true in Apps Script (while its wrap strategy reads OVERFLOW): the
  // conformance kit's observation.
  wrap: true,
  wrapStrategy: 'OVERFLOW',
} as const;

interface PastedParts {
  contents: boolean;
  /** With the contents: formulas (else their values). */
  formulas: boolean;
  formats: boolean;
  validation: boolean;
}

/** What a copyTo pastes, by CopyPasteType or by the {contentsOnly, formatOnly} options; null: not emulated. */
function pastedParts(
  pasteType: string | null,
  options: { contentsOnly?: boolean; formatOnly?: boolean },
): PastedParts | null {
  const all = { contents: true, formulas: true, formats: true, validation: true };
  const none = { contents: false, formulas: false, formats: false, validation: false };
  switch (pasteType) {
    case null:
      if (options.contentsOnly) return { ...none, contents: true, formulas: true };
      if (options.formatOnly) return { ...none, formats: true, validation: true };
      return all;
    case 'PASTE_NORMAL':
    case 'PASTE_NO_BORDERS':
      return all;
    case 'PASTE_VALUES':
      return { ...none, contents: true };
    case 'PASTE_FORMULA':
      return { ...none, contents: true, formulas: true };
    case 'PASTE_FORMAT':
      return { ...none, formats: true };
    case 'PASTE_DATA_VALIDATION':
      return { ...none, validation: true };
    default:
      return null;
  }
}

function isEnumValue(v: unknown): v is { name(): string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { name?: unknown }).name === 'function' &&
    typeof (v as { ordinal?: unknown }).ordinal === 'function'
  );
}

/**
 * 'General' (any case) is Sheets' automatic format, which getNumberFormat() reports as
 * DEFAULT_NUMBER_FORMAT ('0.###############'), the same as a cell never formatted.
 */
function numberFormatOf(v: unknown): string | null {
  const f = String(v);
  return f.trim().toLowerCase() === 'general' ? null : f;
}

export class Range {
  constructor(
    readonly env: Env,
    readonly sheet: SheetData,
    readonly rect: GridRect,
    readonly shape: RangeShape = {},
  ) {}

  toString() {
    return 'Range';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }

  __ref(): GridRef {
    return { sheetId: this.sheet.id, ...this.rect };
  }

  private get n(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  private m(method: string, cells = 0) {
    this.env.m(`Range.${method}`, cells);
  }

  private live(): void {
    if (!this.env.wb.sheets.includes(this.sheet)) throw this.env.err('Range not found');
  }

  /** Rows × columns of a per-cell getter, as realm arrays. */
  private grid<T>(f: (c: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.rect.numCols; j++) {
        const r = this.rect.row + i;
        const c = this.rect.col + j;
        line.push(f(this.sheet.cell(r, c), r, c));
      }
      out.push(line);
    }
    return this.env.out(out);
  }

  private first<T>(f: (c: Cell | undefined) => T): T {
    return f(this.sheet.cell(this.rect.row, this.rect.col));
  }

  private assertWritable(): void {
    this.live();
    if (protectionBlocking(this.env, this.sheet, this.rect, this.env.actor))
      throw this.env.err(PROTECTED_MESSAGE);
  }

  /** Applies f to every cell of the range (creating cells), after the protection check. */
  private each(f: (c: Cell, i: number, j: number) => void): void {
    this.assertWritable();
    for (let i = 0; i < this.rect.numRows; i++) {
      for (let j = 0; j < this.rect.numCols; j++)
        f(this.sheet.cellForWrite(this.rect.row + i, this.rect.col + j), i, j);
    }
  }

  /**
   * Google's row/column count checks for the 2-D setters: "The size of the two-dimensional array
   * must match the size of the range." (rows first, then each row's length; the texts are what
   * Apps Script throws, the reference does not spell them out).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
   */
  private checkGrid(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r)))
      throw this.env.signature(`SpreadsheetApp.Range.${method}`, [data]);
    if (data.length !== this.rect.numRows) {
      throw this.env.err(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.rect.numCols) {
        throw this.env.err(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private fromScript(v: unknown): unknown {
    return isDate(v) ? new Date(v.getTime()) : v;
  }

  // ---- geometry ----

  getA1Notation() {
    this.m('getA1Notation');
    return rectA1(this.rect, this.shape);
  }
  getRow() {
    this.m('getRow');
    return this.rect.row;
  }
  getRowIndex() {
    this.m('getRowIndex');
    return this.rect.row;
  }
  getColumn() {
    this.m('getColumn');
    return this.rect.col;
  }
  getColumnIndex() {
    this.m('getColumnIndex');
    return this.rect.col;
  }
  getNumRows() {
    this.m('getNumRows');
    return this.rect.numRows;
  }
  getNumColumns() {
    this.m('getNumColumns');
    return this.rect.numCols;
  }
  getHeight() {
    this.m('getHeight');
    return this.rect.numRows;
  }
  getWidth() {
    this.m('getWidth');
    return this.rect.numCols;
  }
  getLastRow() {
    this.m('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn() {
    this.m('getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }
  getGridId() {
    this.m('getGridId');
    return this.sheet.id;
  }
  getSheet() {
    this.m('getSheet');
    return this.env.sheetOf(this.sheet);
  }
  getCell(row: number, col: number) {
    this.m('getCell');
    if (typeof row !== 'number' || typeof col !== 'number')
      throw this.env.signature('SpreadsheetApp.Range.getCell', [row, col]);
    if (row < 1 || col < 1 || row > this.rect.numRows || col > this.rect.numCols) {
      throw this.env.err('Cell reference out of range');
    }
    return new Range(this.env, this.sheet, {
      row: this.rect.row + row - 1,
      col: this.rect.col + col - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number) {
    this.m('offset');
    const given = [rowOffset, colOffset, numRows, numCols].filter((a) => a !== undefined);
    if (given.some((a) => typeof a !== 'number'))
      throw this.env.signature('SpreadsheetApp.Range.offset', given);
    const r = {
      row: this.rect.row + rowOffset,
      col: this.rect.col + colOffset,
      numRows: numRows ?? this.rect.numRows,
      numCols: numCols ?? this.rect.numCols,
    };
    return this.env.checkedRange(this.sheet, r);
  }
  isBlank() {
    this.m('isBlank');
    for (const [, , c] of this.sheet.cellsIn(this.rect)) if (hasContent(c)) return false;
    return true;
  }

  // ---- values ----

  getValue() {
    this.m('getValue', 1);
    return this.env.out(this.first((c) => readValue(c, this.env.wb.timeZone)));
  }
  getValues() {
    this.m('getValues', this.n);
    return this.grid((c) => readValue(c, this.env.wb.timeZone));
  }
  getDisplayValue() {
    this.m('getDisplayValue', 1);
    return this.first((c) => (c ? displayValue(c.value, c.numberFormat, this.env.wb.timeZone) : ''));
  }
  getDisplayValues() {
    this.m('getDisplayValues', this.n);
    return this.grid((c) => (c ? displayValue(c.value, c.numberFormat, this.env.wb.timeZone) : ''));
  }
  setValue(value: unknown) {
    this.m('setValue', this.n);
    if (Array.isArray(value)) throw this.env.signature('SpreadsheetApp.Range.setValue', [value]);
    const v = this.fromScript(value);
    assertCellSizes(this.env, [v]);
    this.each((c) => storeScriptValue(this.env, c, v));
    return this;
  }
  setValues(values: unknown[][]) {
    this.m('setValues', this.n);
    const data = this.checkGrid('setValues', values);
    assertCellSizes(this.env, data.flat());
    this.each((c, i, j) => storeScriptValue(this.env, c, this.fromScript(data[i]?.[j])));
    return this;
  }
  getFormula() {
    this.m('getFormula', 1);
    return this.first((c) => c?.formula ?? '');
  }
  getFormulas() {
    this.m('getFormulas', this.n);
    return this.grid((c) => c?.formula ?? '');
  }
  /** On many cells the formula is the top left cell's; the others' relative references move with them (formulaShift.ts). */
  setFormula(formula: string) {
    this.m('setFormula', this.n);
    const f = String(formula);
    this.each((c, i, j) => {
      if (f.startsWith('=')) {
        c.formula = shiftFormula(f, i, j);
        c.value = '';
      } else storeScriptValue(this.env, c, f);
    });
    return this;
  }
  setFormulas(formulas: string[][]) {
    this.m('setFormulas', this.n);
    const data = this.checkGrid('setFormulas', formulas);
    this.each((c, i, j) => {
      const f = String(data[i]?.[j] ?? '');
      if (f.startsWith('=')) {
        c.formula = f;
        c.value = '';
      } else storeScriptValue(this.env, c, f);
    });
    return this;
  }

  // ---- notes ----

  getNote() {
    this.m('getNote');
    return this.first((c) => c?.note ?? '');
  }
  getNotes() {
    this.m('getNotes', this.n);
    return this.grid((c) => c?.note ?? '');
  }
  setNote(note: string | null) {
    this.m('setNote', this.n);
    this.each((c) => {
      if (note === null || note === undefined || note === '') delete c.note;
      else c.note = String(note);
    });
    return this;
  }
  setNotes(notes: Array<Array<string | null>>) {
    this.m('setNotes', this.n);
    const data = this.checkGrid('setNotes', notes);
    this.each((c, i, j) => {
      const v = data[i]?.[j];
      if (v === null || v === undefined || v === '') delete c.note;
      else c.note = String(v);
    });
    return this;
  }
  clearNote() {
    this.m('clearNote', this.n);
    this.each((c) => {
      delete c.note;
    });
    return this;
  }

  // ---- formats ----

  private setFormat<K extends FormatKey>(method: string, key: K, value: Cell[K] | null | undefined) {
    this.m(method, this.n);
    this.each((c) => {
      if (value === null || value === undefined) delete c[key];
      else c[key] = value;
    });
    return this;
  }
  private setFormats<K extends FormatKey>(
    method: string,
    key: K,
    values: unknown,
    conv: (v: unknown) => Cell[K] | null,
  ) {
    this.m(method, this.n);
    const data = this.checkGrid(method, values);
    this.each((c, i, j) => {
      const v = data[i]?.[j];
      const x = v === null || v === undefined ? null : conv(v);
      if (x === null) delete c[key];
      else c[key] = x;
    });
    return this;
  }
  private getFormat<K extends keyof typeof DEFAULTS>(method: string, key: K) {
    this.m(method);
    return this.first((c) => (c?.[key] as unknown) ?? DEFAULTS[key]);
  }
  private getFormatsGrid<K extends keyof typeof DEFAULTS>(method: string, key: K) {
    this.m(method, this.n);
    return this.grid((c) => (c?.[key] as unknown) ?? DEFAULTS[key]);
  }

  setBackground(color: string | null) {
    return this.setFormat('setBackground', 'background', color == null ? null : this.env.color(color));
  }
  setBackgroundRGB(r: number, g: number, b: number) {
    return this.setFormat(
      'setBackgroundRGB',
      'background',
      `#${[r, g, b].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}`,
    );
  }
  setBackgrounds(colors: Array<Array<string | null>>) {
    return this.setFormats('setBackgrounds', 'background', colors, (v) => this.env.color(String(v)));
  }
  getBackground() {
    return this.getFormat('getBackground', 'background');
  }
  getBackgrounds() {
    return this.getFormatsGrid('getBackgrounds', 'background');
  }
  setFontWeight(w: string | null) {
    return this.setFormat('setFontWeight', 'fontWeight', w == null ? null : w === 'bold' ? 'bold' : 'normal');
  }
  setFontWeights(ws: Array<Array<string | null>>) {
    return this.setFormats('setFontWeights', 'fontWeight', ws, (v) => (v === 'bold' ? 'bold' : 'normal'));
  }
  getFontWeight() {
    return this.getFormat('getFontWeight', 'fontWeight');
  }
  getFontWeights() {
    return this.getFormatsGrid('getFontWeights', 'fontWeight');
  }
  setFontColor(color: string | null) {
    return this.setFormat('setFontColor', 'fontColor', color == null ? null : this.env.color(color));
  }
  setFontColors(colors: Array<Array<string | null>>) {
    return this.setFormats('setFontColors', 'fontColor', colors, (v) => this.env.color(String(v)));
  }
  getFontColor() {
    return this.getFormat('getFontColor', 'fontColor');
  }
  getFontColors() {
    return this.getFormatsGrid('getFontColors', 'fontColor');
  }
  setFontStyle(s: string | null) {
    return this.setFormat(
      'setFontStyle',
      'fontStyle',
      s == null ? null : s === 'italic' ? 'italic' : 'normal',
    );
  }
  setFontStyles(ss: Array<Array<string | null>>) {
    return this.setFormats('setFontStyles', 'fontStyle', ss, (v) => (v === 'italic' ? 'italic' : 'normal'));
  }
  getFontStyle() {
    return this.getFormat('getFontStyle', 'fontStyle');
  }
  setFontSize(size: number) {
    return this.setFormat('setFontSize', 'fontSize', size);
  }
  getFontSize() {
    return this.getFormat('getFontSize', 'fontSize');
  }
  setFontFamily(f: string | null) {
    return this.setFormat('setFontFamily', 'fontFamily', f);
  }
  getFontFamily() {
    return this.getFormat('getFontFamily', 'fontFamily');
  }
  setFontLine(line: string | null) {
    return this.setFormat('setFontLine', 'fontLine', line as Cell['fontLine']);
  }
  getFontLine() {
    return this.getFormat('getFontLine', 'fontLine');
  }
  setNumberFormat(fmt: string) {
    return this.setFormat('setNumberFormat', 'numberFormat', fmt == null ? null : numberFormatOf(fmt));
  }
  setNumberFormats(fmts: string[][]) {
    return this.setFormats('setNumberFormats', 'numberFormat', fmts, numberFormatOf);
  }
  getNumberFormat() {
    return this.getFormat('getNumberFormat', 'numberFormat');
  }
  getNumberFormats() {
    return this.getFormatsGrid('getNumberFormats', 'numberFormat');
  }
  setHorizontalAlignment(a: string | null) {
    return this.setFormat(
      'setHorizontalAlignment',
      'horizontalAlignment',
      a == null ? null : String(a).toLowerCase(),
    );
  }
  getHorizontalAlignment() {
    return this.getFormat('getHorizontalAlignment', 'horizontalAlignment');
  }
  setVerticalAlignment(a: string | null) {
    return this.setFormat(
      'setVerticalAlignment',
      'verticalAlignment',
      a == null ? null : String(a).toLowerCase(),
    );
  }
  getVerticalAlignment() {
    return this.getFormat('getVerticalAlignment', 'verticalAlignment');
  }
  setWrap(w: boolean) {
    this.setFormat('setWrap', 'wrap', w);
    return this;
  }
  getWrap() {
    return this.getFormat('getWrap', 'wrap');
  }
  setWrapStrategy(s: unknown) {
    return this.setFormat('setWrapStrategy', 'wrapStrategy', String(s) as Cell['wrapStrategy']);
  }
  getWrapStrategy() {
    this.m('getWrapStrategy');
    const s = this.first((c) => c?.wrapStrategy ?? (c?.wrap ? 'WRAP' : 'OVERFLOW'));
    return this.env.enums.WrapStrategy[s];
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    _vertical: boolean | null,
    _horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ) {
    this.m('setBorder', this.n);
    this.each((c) => {
      const b = { ...(c.border ?? {}) };
      if (top !== null) b.top = top;
      if (left !== null) b.left = left;
      if (bottom !== null) b.bottom = bottom;
      if (right !== null) b.right = right;
      if (color !== undefined) b.color = color === null ? null : this.env.color(color);
      if (style !== undefined) b.style = style === null ? null : String(style);
      c.border = b;
    });
    return this;
  }
  setTextStyle(style: { bold?: boolean; italic?: boolean; color?: string; size?: number }) {
    this.m('setTextStyle', this.n);
    this.each((c) => {
      if (style.bold !== undefined) c.fontWeight = style.bold ? 'bold' : 'normal';
      if (style.italic !== undefined) c.fontStyle = style.italic ? 'italic' : 'normal';
      if (style.color !== undefined) c.fontColor = this.env.color(style.color);
      if (style.size !== undefined) c.fontSize = style.size;
    });
    return this;
  }

  // ---- clearing ----

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }) {
    this.m('clear', this.n);
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    this.each((c) => {
      if (!any || o.contentsOnly) {
        c.value = '';
        delete c.formula;
      }
      if (!any || o.formatOnly) for (const k of FORMAT_KEYS) delete c[k];
      if (o.validationsOnly) delete c.validation;
      if (o.commentsOnly) delete c.note;
    });
    return this;
  }
  clearContent() {
    this.m('clearContent', this.n);
    this.each((c) => {
      c.value = '';
      delete c.formula;
    });
    return this;
  }
  clearFormat() {
    this.m('clearFormat', this.n);
    this.each((c) => {
      for (const k of FORMAT_KEYS) delete c[k];
    });
    return this;
  }
  clearDataValidations() {
    this.m('clearDataValidations', this.n);
    this.each((c) => {
      delete c.validation;
    });
    return this;
  }

  // ---- data validation ----

  setDataValidation(rule: DataValidation | null) {
    this.m('setDataValidation', this.n);
    if (rule !== null && !(rule instanceof DataValidation))
      throw this.env.signature('SpreadsheetApp.Range.setDataValidation', [rule]);
    this.each((c) => {
      if (rule) c.validation = copyValidation(rule.spec);
      else delete c.validation;
    });
    return this;
  }
  setDataValidations(rules: Array<Array<DataValidation | null>>) {
    this.m('setDataValidations', this.n);
    const data = this.checkGrid('setDataValidations', rules);
    this.each((c, i, j) => {
      const r = data[i]?.[j];
      if (r instanceof DataValidation) c.validation = copyValidation(r.spec);
      else delete c.validation;
    });
    return this;
  }
  getDataValidation() {
    this.m('getDataValidation');
    const v = this.first((c) => c?.validation);
    return v ? new DataValidation(this.env, copyValidation(v)) : null;
  }
  getDataValidations() {
    this.m('getDataValidations', this.n);
    return this.grid((c) =>
      c?.validation ? new DataValidation(this.env, copyValidation(c.validation)) : null,
    );
  }

  // ---- checkboxes ----

  /**
   * Checkbox validation on every cell, and every cell set to the unchecked value (false; '' when
   * only a checked value is given).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()
   */
  insertCheckboxes(checked?: unknown, unchecked?: unknown) {
    this.m('insertCheckboxes', this.n);
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    const rule: Cell['validation'] = { criteria: 'CHECKBOX', values, allowInvalid: false, helpText: '' };
    const { off } = checkboxStates(rule);
    this.each((c) => {
      c.validation = { ...rule, values: [...values] };
      delete c.formula;
      c.value = off;
    });
    return this;
  }
  /** Clears the validation, and the value only where it is the checked or unchecked value. */
  removeCheckboxes() {
    this.m('removeCheckboxes', this.n);
    this.each((c) => {
      if (c.validation?.criteria !== 'CHECKBOX') return;
      const { on, off } = checkboxStates(c.validation);
      if (c.value === on || c.value === off) c.value = '';
      delete c.validation;
    });
    return this;
  }
  /** Cells whose value is neither the checked nor the unchecked value are left alone. */
  check() {
    this.m('check', this.n);
    this.each((c) => {
      if (c.validation?.criteria !== 'CHECKBOX') return;
      const { on, off } = checkboxStates(c.validation);
      if (c.value === on || c.value === off) c.value = on;
    });
    return this;
  }
  uncheck() {
    this.m('uncheck', this.n);
    this.each((c) => {
      if (c.validation?.criteria !== 'CHECKBOX') return;
      const { on, off } = checkboxStates(c.validation);
      if (c.value === on || c.value === off) c.value = off;
    });
    return this;
  }
  /** true when every cell is checked, false when every cell is unchecked, else null. */
  isChecked() {
    this.m('isChecked');
    let sawTrue = false;
    let sawFalse = false;
    for (let i = 0; i < this.rect.numRows; i++) {
      for (let j = 0; j < this.rect.numCols; j++) {
        const c = this.sheet.cell(this.rect.row + i, this.rect.col + j);
        if (c?.validation?.criteria !== 'CHECKBOX') return null;
        if (c.value === checkboxStates(c.validation).on) sawTrue = true;
        else sawFalse = true;
      }
    }
    return sawTrue && !sawFalse ? true : !sawTrue && sawFalse ? false : null;
  }

  // ---- merges ----

  merge() {
    this.m('merge', this.n);
    this.assertWritable();
    this.mergeRects([{ ...this.rect }]);
    return this;
  }
  mergeAcross() {
    this.m('mergeAcross', this.n);
    this.assertWritable();
    const rects: GridRect[] = [];
    for (let i = 0; i < this.rect.numRows; i++)
      rects.push({ row: this.rect.row + i, col: this.rect.col, numRows: 1, numCols: this.rect.numCols });
    this.mergeRects(rects);
    return this;
  }
  mergeVertically() {
    this.m('mergeVertically', this.n);
    this.assertWritable();
    const rects: GridRect[] = [];
    for (let j = 0; j < this.rect.numCols; j++)
      rects.push({ row: this.rect.row, col: this.rect.col + j, numRows: this.rect.numRows, numCols: 1 });
    this.mergeRects(rects);
    return this;
  }
  private mergeRects(rects: GridRect[]) {
    for (const r of rects) {
      if (r.numRows * r.numCols < 2) continue;
      // Merging keeps only the upper-left value.
      for (const [i, j, c] of this.sheet.cellsIn(r)) {
        if (i === r.row && j === r.col) continue;
        c.value = '';
        delete c.formula;
      }
      this.sheet.merges = this.sheet.merges.filter((m) => !overlap(m, r));
      this.sheet.merges.push({ ...r });
    }
  }
  breakApart() {
    this.m('breakApart', this.n);
    this.assertWritable();
    this.sheet.merges = this.sheet.merges.filter((m) => !overlap(m, this.rect));
    return this;
  }
  isPartOfMerge() {
    this.m('isPartOfMerge');
    return this.sheet.merges.some((m) => overlap(m, this.rect));
  }
  getMergedRanges() {
    this.m('getMergedRanges');
    return this.env.list(
      this.sheet.merges
        .filter((m) => overlap(m, this.rect))
        .map((m) => new Range(this.env, this.sheet, { ...m })),
    );
  }

  // ---- selection, protection, groups ----

  activate() {
    this.m('activate');
    this.env.select(this.sheet, this.rect);
    return this;
  }
  activateAsCurrentCell() {
    this.m('activateAsCurrentCell');
    this.env.select(this.sheet, { row: this.rect.row, col: this.rect.col, numRows: 1, numCols: 1 });
    return this;
  }
  protect() {
    this.m('protect');
    return this.env.protect(this.sheet, 'RANGE', this.rect);
  }
  shiftRowGroupDepth(delta: number) {
    this.m('shiftRowGroupDepth');
    for (let r = this.rect.row; r < this.rect.row + this.rect.numRows; r++) {
      const d = Math.max(0, Math.min(8, (this.sheet.rowDepths[r] ?? 0) + delta));
      if (d === 0) delete this.sheet.rowDepths[r];
      else this.sheet.rowDepths[r] = d;
    }
    return this;
  }
  shiftColumnGroupDepth(_delta: number) {
    this.m('shiftColumnGroupDepth');
    return this;
  }

  // ---- sorting and copying ----

  /**
   * sort(column | {column, ascending} | [...]): rows move with their formats, notes and validation.
   * Empty cells sort last; numbers before text; text compares case-insensitively.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)
   */
  sort(spec: unknown) {
    this.m('sort', this.n);
    const specs = (Array.isArray(spec) ? spec : [spec]).map((x) =>
      typeof x === 'number'
        ? { column: x, ascending: true }
        : {
            column: Number((x as { column: number }).column),
            ascending: (x as { ascending?: boolean }).ascending !== false,
          },
    );
    for (const sp of specs) {
      if (!(sp.column >= this.rect.col && sp.column < this.rect.col + this.rect.numCols)) {
        throw this.env.err(`Sort column ${sp.column} is outside the range ${rectA1(this.rect)}.`);
      }
    }
    this.assertWritable();
    const tz = this.env.wb.timeZone;
    const rows: Array<Array<Cell | undefined>> = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: Array<Cell | undefined> = [];
      for (let j = 0; j < this.rect.numCols; j++)
        line.push(this.sheet.cell(this.rect.row + i, this.rect.col + j));
      rows.push(line);
    }
    const rank = (c: Cell | undefined): [number, number | string] => {
      const v = readValue(c, tz);
      if (v === '') return [3, 0];
      if (typeof v === 'number') return [0, v];
      if (isDate(v)) return [0, v.getTime()];
      if (typeof v === 'boolean') return [2, v ? 1 : 0];
      return [1, v.toLowerCase()];
    };
    rows.sort((a, b) => {
      for (const sp of specs) {
        const [ka, va] = rank(a[sp.column - this.rect.col]);
        const [kb, vb] = rank(b[sp.column - this.rect.col]);
        if (ka === 3 || kb === 3) {
          if (ka !== kb) return ka === 3 ? 1 : -1;
          continue;
        }
        const d = ka !== kb ? ka - kb : va < vb ? -1 : va > vb ? 1 : 0;
        if (d !== 0) return sp.ascending ? d : -d;
      }
      return 0;
    });
    rows.forEach((line, i) => {
      const r = this.rect.row + i;
      let target = this.sheet.rows[r - 1];
      if (!target) {
        target = [];
        this.sheet.rows[r - 1] = target;
      }
      line.forEach((c, j) => {
        (target as Array<Cell | undefined>)[this.rect.col + j - 1] = c;
      });
    });
    return this;
  }

  /**
   * copyTo(destination), copyTo(destination, {contentsOnly, formatOnly}) and copyTo(destination,
   * copyPasteType, transposed): values, formulas (their relative references moved with the cell) and
   * formats. A destination a whole multiple of this range's height or width (transposed: of its
   * width or height) gets it repeated to fill it; any other destination gets it once, from its top
   * left cell, whatever its size. https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)
   * and the Sheets API's CopyPasteRequest ("If the range covers a span that's a multiple of the
   * source's height or width, then the data will be repeated to fill in the destination range"):
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#copypasterequest
   */
  copyTo(dest: Range, second?: unknown, transposed?: unknown) {
    this.m('copyTo', this.n);
    const pasteType = second !== undefined && second !== null && isEnumValue(second) ? second.name() : null;
    if (
      !(dest instanceof Range) ||
      (second !== undefined && second !== null && !isEnumValue(second) && typeof second !== 'object') ||
      (pasteType !== null && transposed !== undefined && typeof transposed !== 'boolean')
    )
      throw this.env.signature(
        'SpreadsheetApp.Range.copyTo',
        [dest, second, transposed].filter((a) => a !== undefined),
      );
    const options =
      pasteType === null ? ((second ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean }) : {};
    const what = pastedParts(pasteType, options);
    if (!what) throw this.env.err(`Range.copyTo with ${pasteType} is not implemented in the local runtime`);
    const flip = pasteType !== null && transposed === true;
    const height = flip ? this.rect.numCols : this.rect.numRows;
    const width = flip ? this.rect.numRows : this.rect.numCols;
    const repeat = (destSize: number, size: number) =>
      destSize > size && destSize % size === 0 ? destSize / size : 1;
    const rowsOut = height * repeat(dest.rect.numRows, height);
    const colsOut = width * repeat(dest.rect.numCols, width);
    const target = new Range(this.env, dest.sheet, {
      row: dest.rect.row,
      col: dest.rect.col,
      numRows: rowsOut,
      numCols: colsOut,
    });
    const snapshot: Array<Array<Cell | undefined>> = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: Array<Cell | undefined> = [];
      for (let j = 0; j < this.rect.numCols; j++) {
        const c = this.sheet.cell(this.rect.row + i, this.rect.col + j);
        line.push(c ? structuredClone(c) : undefined);
      }
      snapshot.push(line);
    }
    target.assertWritable();
    target.each((c, i, j) => {
      // The source cell this one copies, and where that cell is.
      const a = i % height;
      const b = j % width;
      const [si, sj] = flip ? [b, a] : [a, b];
      const src = snapshot[si]?.[sj];
      if (what.contents) {
        const moved = {
          rows: target.rect.row + i - (this.rect.row + si),
          cols: target.rect.col + j - (this.rect.col + sj),
        };
        c.value = src?.value ?? '';
        if (src?.formula !== undefined && what.formulas)
          c.formula = shiftFormula(src.formula, moved.rows, moved.cols);
        else delete c.formula;
      }
      if (what.formats) {
        for (const k of FORMAT_KEYS) {
          if (src?.[k] === undefined) delete c[k];
          else (c as unknown as Record<string, unknown>)[k] = src[k];
        }
      }
      if (what.validation) {
        if (src?.validation) c.validation = copyValidation(src.validation);
        else delete c.validation;
      }
    });
  }

  /** A TextFinder over this range (find, findAll, replaceAllWith; matchCase, matchEntireCell, useRegularExpression). */
  createTextFinder(text: string) {
    this.m('createTextFinder');
    return new TextFinder(this, String(text));
  }

  /** How many cells a search over this range looks at (its modeled cost). */
  __cellCount(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  /** Cells of the range in row-major order (for TextFinder). */
  __cells(): Array<{ row: number; col: number; cell: Cell | undefined }> {
    const out: Array<{ row: number; col: number; cell: Cell | undefined }> = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      for (let j = 0; j < this.rect.numCols; j++) {
        const row = this.rect.row + i;
        const col = this.rect.col + j;
        out.push({ row, col, cell: this.sheet.cell(row, col) });
      }
    }
    return out;
  }
}

/** https://developers.google.com/apps-script/reference/spreadsheet/text-finder */
export class TextFinder {
  private matchCaseOn = false;
  private entireCell = false;
  private regex = false;
  private next = 0;
  constructor(
    private readonly range: Range,
    private readonly text: string,
  ) {}
  toString() {
    return 'TextFinder';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private hits(): Array<{ row: number; col: number }> {
    const tz = this.range.env.wb.timeZone;
    const needle = this.matchCaseOn ? this.text : this.text.toLowerCase();
    // Google's patterns are RE2's; the ones the add-on writes (escaped text, classes such as
    // [ \t]) read the same in JavaScript. With matchEntireCell the pattern must match the whole cell.
    const re = this.regex
      ? new RegExp(this.entireCell ? `^(?:${this.text})$` : this.text, this.matchCaseOn ? 'u' : 'iu')
      : null;
    return this.range.__cells().filter(({ cell }) => {
      if (!cell || (cell.value === '' && cell.formula === undefined)) return false;
      const shown = displayValue(cell.value, cell.numberFormat, tz);
      if (re) return re.test(shown);
      const hay = this.matchCaseOn ? shown : shown.toLowerCase();
      return this.entireCell ? hay === needle : hay.includes(needle);
    });
  }
  private at(h: { row: number; col: number }) {
    return new Range(this.range.env, this.range.sheet, { row: h.row, col: h.col, numRows: 1, numCols: 1 });
  }
  matchCase(b: boolean) {
    this.range.env.m('TextFinder.matchCase');
    this.matchCaseOn = Boolean(b);
    return this;
  }
  matchEntireCell(b: boolean) {
    this.range.env.m('TextFinder.matchEntireCell');
    this.entireCell = Boolean(b);
    return this;
  }
  /**
   * The search text read as a regular expression.
   * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
   */
  useRegularExpression(b: boolean) {
    this.range.env.m('TextFinder.useRegularExpression');
    this.regex = Boolean(b);
    return this;
  }
  findAll() {
    this.range.env.m('TextFinder.findAll', this.range.__cellCount());
    return this.range.env.list(this.hits().map((h) => this.at(h)));
  }
  findNext() {
    this.range.env.m('TextFinder.findNext', this.range.__cellCount());
    const hits = this.hits();
    const h = hits[this.next];
    if (!h) return null;
    this.next++;
    return this.at(h);
  }
  replaceAllWith(replacement: string) {
    this.range.env.m('TextFinder.replaceAllWith', this.range.__cellCount());
    const hits = this.hits();
    for (const h of hits) {
      const c = this.range.sheet.cellForWrite(h.row, h.col);
      if (typeof c.value !== 'string') continue;
      const source = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(source, this.matchCaseOn ? 'g' : 'gi');
      c.value = this.entireCell ? String(replacement) : c.value.replace(re, () => String(replacement));
    }
    return hits.length;
  }
}

/** A checkbox rule's checked and unchecked values: true/false, or the custom ones ('' when only "checked" is given). */
export function checkboxStates(v: NonNullable<Cell['validation']>): { on: CellValue; off: CellValue } {
  if (v.values.length === 0) return { on: true, off: false };
  return { on: v.values[0] as CellValue, off: v.values.length > 1 ? (v.values[1] as CellValue) : '' };
}

function overlap(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

/**
 * Several ranges treated as one for formatting and clearing; each call applies to every range.
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list
 */
export class RangeList {
  constructor(
    private readonly env: Env,
    private readonly ranges: Range[],
  ) {}
  toString() {
    return 'RangeList';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private all(method: string, f: (r: Range) => void): this {
    this.env.m(
      `RangeList.${method}`,
      this.ranges.reduce((n, r) => n + r.rect.numRows * r.rect.numCols, 0),
    );
    // One call of the script, metered once with all its cells above: each range is applied without
    // being metered again (it was counted as a call of its own, and its cells twice).
    const quiet = Object.create(this.env, { m: { value: () => {} } }) as Env;
    for (const r of this.ranges) f(new Range(quiet, r.sheet, r.rect, r.shape));
    return this;
  }
  getRanges() {
    this.env.m('RangeList.getRanges');
    return this.env.list([...this.ranges]);
  }
  activate() {
    this.env.m('RangeList.activate');
    const last = this.ranges.at(-1);
    if (last) this.env.select(last.sheet, last.rect);
    return this;
  }
  setValue(v: unknown) {
    return this.all('setValue', (r) => r.setValue(v));
  }
  setFormula(f: string) {
    return this.all('setFormula', (r) => r.setFormula(f));
  }
  setBackground(c: string | null) {
    return this.all('setBackground', (r) => r.setBackground(c));
  }
  setFontWeight(w: string | null) {
    return this.all('setFontWeight', (r) => r.setFontWeight(w));
  }
  setFontColor(c: string | null) {
    return this.all('setFontColor', (r) => r.setFontColor(c));
  }
  setFontStyle(s: string | null) {
    return this.all('setFontStyle', (r) => r.setFontStyle(s));
  }
  setFontSize(n: number) {
    return this.all('setFontSize', (r) => r.setFontSize(n));
  }
  setFontFamily(f: string | null) {
    return this.all('setFontFamily', (r) => r.setFontFamily(f));
  }
  setNumberFormat(f: string) {
    return this.all('setNumberFormat', (r) => r.setNumberFormat(f));
  }
  setHorizontalAlignment(a: string | null) {
    return this.all('setHorizontalAlignment', (r) => r.setHorizontalAlignment(a));
  }
  setVerticalAlignment(a: string | null) {
    return this.all('setVerticalAlignment', (r) => r.setVerticalAlignment(a));
  }
  setWrap(w: boolean) {
    return this.all('setWrap', (r) => r.setWrap(w));
  }
  setNote(n: string | null) {
    return this.all('setNote', (r) => r.setNote(n));
  }
  setDataValidation(rule: DataValidation | null) {
    return this.all('setDataValidation', (r) => r.setDataValidation(rule));
  }
  setBorder(...args: Parameters<Range['setBorder']>) {
    return this.all('setBorder', (r) => r.setBorder(...args));
  }
  clear(options?: Parameters<Range['clear']>[0]) {
    return this.all('clear', (r) => r.clear(options));
  }
  clearContent() {
    return this.all('clearContent', (r) => r.clearContent());
  }
  clearFormat() {
    return this.all('clearFormat', (r) => r.clearFormat());
  }
  clearNote() {
    return this.all('clearNote', (r) => r.clearNote());
  }
  clearDataValidations() {
    return this.all('clearDataValidations', (r) => r.clearDataValidations());
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown) {
    return this.all('insertCheckboxes', (r) => r.insertCheckboxes(checked, unchecked));
  }
  removeCheckboxes() {
    return this.all('removeCheckboxes', (r) => r.removeCheckboxes());
  }
  check() {
    return this.all('check', (r) => r.check());
  }
  uncheck() {
    return this.all('uncheck', (r) => r.uncheck());
  }
  breakApart() {
    return this.all('breakApart', (r) => r.breakApart());
  }
}
