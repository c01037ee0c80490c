// The SpreadsheetApp surface a script sees: SpreadsheetApp, Spreadsheet, Sheet, Ui and Menu.
// Every method counts one call on the meter (with the cells it touches) before doing anything.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
import type { ExecutionContext, MenuSpec } from '../contract';
import { markClass } from '../notImplemented';
import { type GridRect, parseA1, resolveA1 } from './a1';
import { Env, makeEnum } from './env';
import { isDate } from './format';
import {
  CHART_TYPES,
  EmbeddedChart,
  EmbeddedChartBuilder,
  Group,
  NamedRange,
  newChartSpec,
  Protection,
  User,
} from './objects';
import {
  assertCellSizes,
  PROTECTED_MESSAGE,
  protectionBlocking,
  Range,
  RangeList,
  type RangeShape,
  storeScriptValue,
  TextFinder,
} from './range';
import {
  BooleanCondition,
  ConditionalFormatRule,
  ConditionalFormatRuleBuilder,
  DataValidation,
  DataValidationBuilder,
  makeBooleanCriteria,
  makeDataValidationCriteria,
} from './rules';
import type { GridRef, ProtectionSpec } from './types';
import {
  copyRule,
  DEFAULT_COLUMN_WIDTH,
  mayEdit,
  readValue,
  type SheetData,
  type Workbook,
} from './workbook';

const MSG = {
  rangeNotFound: 'Range not found',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  colTooSmall: 'The starting column of the range is too small.',
  rowsAtLeast1: 'The number of rows in the range must be at least 1.',
  colsAtLeast1: 'The number of columns in the range must be at least 1.',
  sheetExists: (n: string) => `A sheet with the name "${n}" already exists. Please enter another name.`,
  rowsOut: 'Those rows are out of bounds.',
  colsOut: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllCols: 'Sorry, it is not possible to delete all non-frozen columns.',
  lastSheet: "You can't remove all the sheets in a document.",
  hideAll: "You can't hide all the sheets in a document.",
  freezeAll: "You can't freeze all visible rows on the sheet.",
};

export function makeEnums() {
  return {
    DataValidationCriteria: makeDataValidationCriteria(),
    BooleanCriteria: makeBooleanCriteria(),
    ProtectionType: makeEnum(['RANGE', 'SHEET'] as const),
    BorderStyle: makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const),
    WrapStrategy: makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const),
    Dimension: makeEnum(['COLUMNS', 'ROWS'] as const),
    Direction: makeEnum(['UP', 'DOWN', 'PREVIOUS', 'NEXT'] as const),
    GroupControlTogglePosition: makeEnum(['BEFORE', 'AFTER'] as const),
    SheetType: makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const),
    CopyPasteType: makeEnum([
      'PASTE_NORMAL',
      'PASTE_NO_BORDERS',
      'PASTE_FORMAT',
      'PASTE_FORMULA',
      'PASTE_DATA_VALIDATION',
      'PASTE_VALUES',
      'PASTE_CONDITIONAL_FORMATTING',
      'PASTE_COLUMN_WIDTHS',
    ] as const),
    RelativeDate: makeEnum([
      'TODAY',
      'TOMORROW',
      'YESTERDAY',
      'PAST_WEEK',
      'PAST_MONTH',
      'PAST_YEAR',
    ] as const),
    TextDirection: makeEnum(['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'] as const),
    AutoFillSeries: makeEnum(['DEFAULT_SERIES', 'ALTERNATE_SERIES'] as const),
    ChartType: makeEnum(CHART_TYPES),
    Button: makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const),
    ButtonSet: makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const),
  };
}

const chartTypes = new WeakMap<object, ReturnType<typeof makeEnum<typeof CHART_TYPES>>>();
function chartTypesFor(ctx: ExecutionContext) {
  let e = chartTypes.get(ctx);
  if (!e) {
    e = makeEnum(CHART_TYPES);
    chartTypes.set(ctx, e);
  }
  return e;
}

/** The SpreadsheetApp global for one execution. */
export function createSpreadsheetApp(wb: Workbook, ctx: ExecutionContext): object {
  const env = new Env(wb, ctx);
  const enums = { ...makeEnums(), ChartType: chartTypesFor(ctx) };
  env.enums = enums as unknown as Env['enums'];
  const sheetObjs = new Map<SheetData, Sheet>();
  env.sheetOf = (s) => {
    let o = sheetObjs.get(s);
    if (!o) {
      o = new Sheet(env, s);
      sheetObjs.set(s, o);
    }
    return o;
  };
  env.rangeOf = (g: GridRef) => {
    const s = wb.sheetById(g.sheetId);
    if (!s) throw env.err(MSG.rangeNotFound);
    return new Range(env, s, { row: g.row, col: g.col, numRows: g.numRows, numCols: g.numCols });
  };
  env.checkedRange = (s, r) => checkedRange(env, s, r);
  env.select = (s, r) => {
    const g = { sheetId: s.id, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
    wb.selections.set(env.user, { sheetId: s.id, range: g, cell: { row: r.row, col: r.col } });
  };
  env.protect = (s, type, r) => {
    if (type === 'SHEET') {
      // Protecting an already protected sheet returns the existing protection.
      // https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()
      const existing = wb.protections.find((p) => p.type === 'SHEET' && p.sheetId === s.id);
      if (existing) return new Protection(env, existing);
    }
    const spec: ProtectionSpec = {
      id: wb.nextProtectionId++,
      type,
      sheetId: s.id,
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: true,
      unprotected: [],
      ...(r ? { range: { sheetId: s.id, ...r } } : {}),
    };
    wb.protections.push(spec);
    return new Protection(env, spec);
  };
  // The runtime tells us the user's current selection ("Sheet!A1") when it knows one.
  const sel = (ctx as ExecutionContext & { activeRange?: string }).activeRange;
  if (sel) {
    try {
      const { sheet, rect } = wb.locate(undefined, sel);
      env.select(sheet, rect);
    } catch {
      // A selection on a sheet that no longer exists: Sheets falls back to the first sheet.
    }
  }
  return new SpreadsheetApp(env);
}

function checkedRange(env: Env, s: SheetData, r: GridRect, shape: RangeShape = {}): Range {
  if (![r.row, r.col, r.numRows, r.numCols].every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw env.signature('SpreadsheetApp.Sheet.getRange', [r.row, r.col, r.numRows, r.numCols]);
  }
  const rect = {
    row: Math.floor(r.row),
    col: Math.floor(r.col),
    numRows: Math.floor(r.numRows),
    numCols: Math.floor(r.numCols),
  };
  if (rect.row < 1) throw env.err(MSG.rowTooSmall);
  if (rect.col < 1) throw env.err(MSG.colTooSmall);
  if (rect.numRows < 1) throw env.err(MSG.rowsAtLeast1);
  if (rect.numCols < 1) throw env.err(MSG.colsAtLeast1);
  if (rect.row + rect.numRows - 1 > s.maxRows || rect.col + rect.numCols - 1 > s.maxCols)
    throw env.err(MSG.outside);
  return new Range(env, s, rect, shape);
}

function rangeFromA1(env: Env, fallback: SheetData, a1: string, method: string): Range {
  if (typeof a1 !== 'string') throw env.signature(method, [a1]);
  const p = parseA1(a1);
  if (!p) throw env.err(MSG.rangeNotFound);
  let s = fallback;
  if (p.sheetName !== undefined) {
    const named = env.wb.findSheet(p.sheetName);
    if (!named) throw env.err(MSG.rangeNotFound);
    s = named;
  }
  const rect = resolveA1(p, s.maxRows, s.maxCols);
  const shape: RangeShape = {
    wholeCols: p.startRow === undefined,
    wholeRows: p.startCol === undefined,
    openRows: p.startRow !== undefined && p.endRow === undefined && p.startCol !== undefined,
  };
  if (rect.row + rect.numRows - 1 > s.maxRows || rect.col + rect.numCols - 1 > s.maxCols)
    throw env.err(MSG.rangeNotFound);
  return checkedRange(env, s, rect, shape);
}

// ---------------------------------------------------------------------------------------------

class SpreadsheetApp {
  readonly DataValidationCriteria;
  readonly BooleanCriteria;
  readonly ProtectionType;
  readonly BorderStyle;
  readonly WrapStrategy;
  readonly Dimension;
  readonly Direction;
  readonly GroupControlTogglePosition;
  readonly SheetType;
  readonly CopyPasteType;
  readonly RelativeDate;
  readonly TextDirection;
  readonly AutoFillSeries;
  private ss?: Spreadsheet;

  constructor(private readonly env: Env) {
    const e = env.enums as unknown as ReturnType<typeof makeEnums>;
    this.DataValidationCriteria = e.DataValidationCriteria;
    this.BooleanCriteria = e.BooleanCriteria;
    this.ProtectionType = e.ProtectionType;
    this.BorderStyle = e.BorderStyle;
    this.WrapStrategy = e.WrapStrategy;
    this.Dimension = e.Dimension;
    this.Direction = e.Direction;
    this.GroupControlTogglePosition = e.GroupControlTogglePosition;
    this.SheetType = e.SheetType;
    this.CopyPasteType = e.CopyPasteType;
    this.RelativeDate = e.RelativeDate;
    this.TextDirection = e.TextDirection;
    this.AutoFillSeries = e.AutoFillSeries;
  }
  toString() {
    return 'SpreadsheetApp';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  /**
   * Counts the call (Env.m refuses data access in AuthMode.NONE); simple triggers (LIMITED) reach
   * the bound spreadsheet but may not open others.
   * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
   */
  private call(method: string) {
    this.env.m(`SpreadsheetApp.${method}`);
    const mode = this.env.ctx.authMode;
    if (mode !== 'FULL' && (method === 'openById' || method === 'openByUrl')) {
      throw this.env.err(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
      );
    }
  }
  private spreadsheet(): Spreadsheet {
    if (!this.ss) this.ss = new Spreadsheet(this.env);
    return this.ss;
  }
  getActive() {
    this.call('getActive');
    return this.spreadsheet();
  }
  getActiveSpreadsheet() {
    this.call('getActiveSpreadsheet');
    return this.spreadsheet();
  }
  getActiveSheet() {
    this.call('getActiveSheet');
    return this.env.sheetOf(activeSheet(this.env));
  }
  getActiveRange() {
    this.call('getActiveRange');
    return activeRange(this.env);
  }
  getActiveRangeList() {
    this.call('getActiveRangeList');
    return rangeList(this.env, activeRange(this.env));
  }
  getCurrentCell() {
    this.call('getCurrentCell');
    return currentCell(this.env);
  }
  getSelection() {
    this.call('getSelection');
    return new Selection(this.env);
  }
  setActiveSheet(sheet: Sheet) {
    this.call('setActiveSheet');
    return activateSheet(this.env, sheet);
  }
  setActiveRange(range: Range) {
    this.call('setActiveRange');
    this.env.select(range.sheet, range.rect);
    return range;
  }
  setActiveSpreadsheet(_ss: unknown) {
    this.call('setActiveSpreadsheet');
  }
  flush() {
    this.call('flush');
  }
  getUi() {
    this.env.m('SpreadsheetApp.getUi');
    // Time-driven and other UI-less executions cannot reach the editor's UI. The runtime says so
    // with `hasUi: false` on the context (an extra field; absent means a UI is there).
    if ((this.env.ctx as ExecutionContext & { hasUi?: boolean }).hasUi === false) {
      throw this.env.err('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return new Ui(this.env);
  }
  newDataValidation() {
    this.call('newDataValidation');
    return new DataValidationBuilder(this.env);
  }
  newConditionalFormatRule() {
    this.call('newConditionalFormatRule');
    return new ConditionalFormatRuleBuilder(this.env);
  }
  newTextStyle() {
    this.call('newTextStyle');
    const style: Record<string, unknown> = {};
    const set = (k: string) => (x: unknown) => {
      style[k] = x;
      return b;
    };
    const b = {
      setBold: set('bold'),
      setItalic: set('italic'),
      setForegroundColor: set('color'),
      setFontSize: set('size'),
      build: () => ({ ...style }),
    };
    return b;
  }
  openById(id: string) {
    this.call('openById');
    if (id !== this.env.wb.id)
      throw this.env.err(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.spreadsheet();
  }
  openByUrl(url: string) {
    this.call('openByUrl');
    if (!String(url).includes(this.env.wb.id))
      throw this.env.err(
        `Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`,
      );
    return this.spreadsheet();
  }
}

function activeSheet(env: Env): SheetData {
  const sel = env.wb.selections.get(env.user) ?? env.wb.selections.get('');
  const s = sel ? env.wb.sheetById(sel.sheetId) : undefined;
  return s ?? env.wb.sheets.find((x) => !x.hidden) ?? (env.wb.sheets[0] as SheetData);
}

function activeRange(env: Env): Range {
  const s = activeSheet(env);
  const sel = env.wb.selections.get(env.user) ?? env.wb.selections.get('');
  const g =
    sel?.sheetId === s.id && sel.range
      ? sel.range
      : { sheetId: s.id, row: 1, col: 1, numRows: 1, numCols: 1 };
  return new Range(env, s, { row: g.row, col: g.col, numRows: g.numRows, numCols: g.numCols });
}

function currentCell(env: Env): Range {
  const r = activeRange(env);
  const sel = env.wb.selections.get(env.user) ?? env.wb.selections.get('');
  const c = sel?.sheetId === r.sheet.id && sel.cell ? sel.cell : { row: r.rect.row, col: r.rect.col };
  return new Range(env, r.sheet, { row: c.row, col: c.col, numRows: 1, numCols: 1 });
}

function activateSheet(env: Env, sheet: Sheet): Sheet {
  const s = sheet.data;
  const sel = env.wb.selections.get(env.user);
  if (sel?.sheetId !== s.id) env.select(s, { row: 1, col: 1, numRows: 1, numCols: 1 });
  return sheet;
}

function rangeList(env: Env, r: Range) {
  return new RangeList(env, [r]);
}

function rangeListOf(env: Env, fallback: SheetData, a1s: unknown, method: string): RangeList {
  if (!Array.isArray(a1s) || !a1s.every((x) => typeof x === 'string')) throw env.signature(method, [a1s]);
  return new RangeList(
    env,
    (a1s as string[]).map((a1) => rangeFromA1(env, fallback, a1, method)),
  );
}

class Selection {
  constructor(private readonly env: Env) {}
  toString() {
    return 'Selection';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getActiveRange() {
    this.env.m('Selection.getActiveRange');
    return activeRange(this.env);
  }
  getActiveRangeList() {
    this.env.m('Selection.getActiveRangeList');
    return rangeList(this.env, activeRange(this.env));
  }
  getActiveSheet() {
    this.env.m('Selection.getActiveSheet');
    return this.env.sheetOf(activeSheet(this.env));
  }
  getCurrentCell() {
    this.env.m('Selection.getCurrentCell');
    return currentCell(this.env);
  }
}

// ---------------------------------------------------------------------------------------------

class Spreadsheet {
  constructor(private readonly env: Env) {}
  toString() {
    return 'Spreadsheet';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private m(method: string, cells?: number) {
    this.env.m(`Spreadsheet.${method}`, cells);
  }
  private get wb() {
    return this.env.wb;
  }
  getId() {
    this.m('getId');
    return this.wb.id;
  }
  getName() {
    this.m('getName');
    return this.wb.name;
  }
  rename(name: string) {
    this.m('rename');
    this.wb.name = String(name);
  }
  getUrl() {
    this.m('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.m('getSpreadsheetTimeZone');
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.m('setSpreadsheetTimeZone');
    this.wb.setTimeZone(String(tz));
  }
  getSpreadsheetLocale() {
    this.m('getSpreadsheetLocale');
    return this.wb.locale;
  }
  setSpreadsheetLocale(l: string) {
    this.m('setSpreadsheetLocale');
    this.wb.locale = String(l);
  }
  getOwner() {
    this.m('getOwner');
    return new User(this.wb.owner);
  }
  getEditors() {
    this.m('getEditors');
    return this.env.list([new User(this.wb.owner)]);
  }
  getSheets() {
    this.m('getSheets');
    return this.env.list(this.wb.sheets.map((s) => this.env.sheetOf(s)));
  }
  getNumSheets() {
    this.m('getNumSheets');
    return this.wb.sheets.length;
  }
  getSheetByName(name: string) {
    this.m('getSheetByName');
    const s = this.wb.findSheet(String(name));
    return s ? this.env.sheetOf(s) : null;
  }
  getSheetById(id: number) {
    this.m('getSheetById');
    const s = this.wb.sheetById(id);
    return s ? this.env.sheetOf(s) : null;
  }
  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet
   * becomes the active sheet. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
   */
  insertSheet(a?: unknown, b?: unknown) {
    this.m('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    else if (a !== undefined && a !== null && typeof a !== 'object')
      throw this.env.signature('SpreadsheetApp.Spreadsheet.insertSheet', [a, b]);
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.wb.findSheet(name)) throw this.env.err(MSG.sheetExists(name));
    if (index === undefined) {
      // Without an index the new sheet goes right after the active sheet.
      index = this.wb.sheets.indexOf(activeSheet(this.env)) + 1;
    }
    const s = this.wb.addSheet(name, index);
    this.env.select(s, { row: 1, col: 1, numRows: 1, numCols: 1 });
    return this.env.sheetOf(s);
  }
  deleteSheet(sheet: Sheet) {
    this.m('deleteSheet');
    if (!(sheet instanceof Sheet))
      throw this.env.signature('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    if (this.wb.sheets.length <= 1) throw this.env.err(MSG.lastSheet);
    if (
      protectionBlocking(
        this.env,
        sheet.data,
        { row: 1, col: 1, numRows: sheet.data.maxRows, numCols: sheet.data.maxCols },
        this.env.actor,
      )
    ) {
      throw this.env.err(PROTECTED_MESSAGE);
    }
    this.wb.removeSheet(sheet.data);
  }
  getActiveSheet() {
    this.m('getActiveSheet');
    return this.env.sheetOf(activeSheet(this.env));
  }
  setActiveSheet(sheet: Sheet) {
    this.m('setActiveSheet');
    return activateSheet(this.env, sheet);
  }
  getActiveRange() {
    this.m('getActiveRange');
    return activeRange(this.env);
  }
  getActiveRangeList() {
    this.m('getActiveRangeList');
    return rangeList(this.env, activeRange(this.env));
  }
  getActiveCell() {
    this.m('getActiveCell');
    return currentCell(this.env);
  }
  getCurrentCell() {
    this.m('getCurrentCell');
    return currentCell(this.env);
  }
  getSelection() {
    this.m('getSelection');
    return new Selection(this.env);
  }
  setActiveRange(range: Range) {
    this.m('setActiveRange');
    this.env.select(range.sheet, range.rect);
    return range;
  }
  setActiveSelection(r: Range | string) {
    this.m('setActiveSelection');
    const range =
      typeof r === 'string'
        ? rangeFromA1(this.env, activeSheet(this.env), r, 'SpreadsheetApp.Spreadsheet.setActiveSelection')
        : r;
    this.env.select(range.sheet, range.rect);
    return range;
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number) {
    this.m('toast');
    this.env.ctx.ui.toast(
      String(msg),
      title === undefined || title === null ? '' : String(title),
      timeoutSeconds ?? 5,
    );
  }
  getRange(a1: string) {
    this.m('getRange');
    return rangeFromA1(this.env, activeSheet(this.env), a1, 'SpreadsheetApp.Spreadsheet.getRange');
  }
  getRangeList(a1s: string[]) {
    this.m('getRangeList');
    return rangeListOf(this.env, activeSheet(this.env), a1s, 'SpreadsheetApp.Spreadsheet.getRangeList');
  }
  getRangeByName(name: string) {
    this.m('getRangeByName');
    const g = this.wb.namedRanges.get(String(name));
    return g ? this.env.rangeOf(g) : null;
  }
  setNamedRange(name: string, range: Range) {
    this.m('setNamedRange');
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(String(name)) ||
      /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      throw this.env.err(`Invalid name: ${name}`);
    }
    this.wb.namedRanges.set(String(name), range.__ref());
  }
  getNamedRanges() {
    this.m('getNamedRanges');
    return this.env.list([...this.wb.namedRanges.keys()].map((n) => new NamedRange(this.env, n)));
  }
  removeNamedRange(name: string) {
    this.m('removeNamedRange');
    this.wb.namedRanges.delete(String(name));
  }
  getProtections(type: unknown) {
    this.m('getProtections');
    const t = String(type);
    return this.env.list(
      this.wb.protections.filter((p) => p.type === t).map((p) => new Protection(this.env, p)),
    );
  }
  getLastRow() {
    this.m('getLastRow');
    return activeSheet(this.env).lastRow();
  }
  getLastColumn() {
    this.m('getLastColumn');
    return activeSheet(this.env).lastColumn();
  }
  getDataRange() {
    this.m('getDataRange');
    return (this.env.sheetOf(activeSheet(this.env)) as Sheet).__dataRange();
  }
  appendRow(row: unknown[]) {
    this.m('appendRow', Array.isArray(row) ? row.length : 0);
    (this.env.sheetOf(activeSheet(this.env)) as Sheet).__append(row);
    return this;
  }
  moveActiveSheet(pos: number) {
    this.m('moveActiveSheet');
    const s = activeSheet(this.env);
    this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
    this.wb.sheets.splice(Math.max(0, pos - 1), 0, s);
  }
}

// ---------------------------------------------------------------------------------------------

export class Sheet {
  constructor(
    private readonly env: Env,
    readonly data: SheetData,
  ) {}
  toString() {
    return 'Sheet';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private m(method: string, cells?: number) {
    this.env.m(`Sheet.${method}`, cells);
    if (!this.env.wb.sheets.includes(this.data)) throw this.env.err('Sheet not found');
  }
  /**
   * Integer parameters: anything else (a numeric string from getValues, null) is refused with
   * Google's "The parameters (String,number) don't match the method signature for
   * SpreadsheetApp.Sheet.<method>." naming the method called.
   */
  private numbers(method: string, args: unknown[]): void {
    if (args.some((a) => typeof a !== 'number'))
      throw this.env.signature(`SpreadsheetApp.Sheet.${method}`, args);
  }
  private whole(): GridRect {
    return { row: 1, col: 1, numRows: this.data.maxRows, numCols: this.data.maxCols };
  }
  private assertWritable(r: GridRect = this.whole()) {
    if (protectionBlocking(this.env, this.data, r, this.env.actor)) throw this.env.err(PROTECTED_MESSAGE);
  }
  /**
   * Structure edits (inserting rows/columns, renaming, hiding, freezing, widths, rules, charts) are
   * refused only by a protection of the whole sheet; protected ranges just move with them.
   */
  private assertInsertable() {
    const blocked = this.env.wb.protections.some(
      (p) =>
        p.sheetId === this.data.id && p.type === 'SHEET' && !mayEdit(p, this.env.actor, this.env.wb.owner),
    );
    if (blocked) throw this.env.err(PROTECTED_MESSAGE);
  }
  getName() {
    this.m('getName');
    return this.data.name;
  }
  setName(name: string) {
    this.m('setName');
    this.assertInsertable();
    const n = String(name);
    const other = this.env.wb.findSheet(n);
    if (other && other !== this.data) throw this.env.err(MSG.sheetExists(n));
    this.data.name = n;
    return this;
  }
  getSheetId() {
    this.m('getSheetId');
    return this.data.id;
  }
  getIndex() {
    this.m('getIndex');
    return this.env.wb.sheets.indexOf(this.data) + 1;
  }
  getParent() {
    this.m('getParent');
    return new Spreadsheet(this.env);
  }
  getType() {
    this.m('getType');
    return (this.env.enums as unknown as ReturnType<typeof makeEnums>).SheetType.GRID;
  }
  getLastRow() {
    this.m('getLastRow');
    return this.data.lastRow();
  }
  getLastColumn() {
    this.m('getLastColumn');
    return this.data.lastColumn();
  }
  getMaxRows() {
    this.m('getMaxRows');
    return this.data.maxRows;
  }
  getMaxColumns() {
    this.m('getMaxColumns');
    return this.data.maxCols;
  }
  getRange(a: unknown, col?: unknown, numRows?: unknown, numCols?: unknown) {
    this.m('getRange');
    if (typeof a === 'string' && col === undefined)
      return rangeFromA1(this.env, this.data, a, 'SpreadsheetApp.Sheet.getRange');
    if (typeof a !== 'number' || typeof col !== 'number')
      throw this.env.signature(
        'SpreadsheetApp.Sheet.getRange',
        [a, col, numRows, numCols].filter((x) => x !== undefined),
      );
    if (
      (numRows !== undefined && typeof numRows !== 'number') ||
      (numCols !== undefined && typeof numCols !== 'number')
    ) {
      throw this.env.signature(
        'SpreadsheetApp.Sheet.getRange',
        [a, col, numRows, numCols].filter((x) => x !== undefined),
      );
    }
    return checkedRange(this.env, this.data, {
      row: a,
      col,
      numRows: (numRows as number | undefined) ?? 1,
      numCols: (numCols as number | undefined) ?? 1,
    });
  }
  getRangeList(a1s: string[]) {
    this.m('getRangeList');
    return rangeListOf(this.env, this.data, a1s, 'SpreadsheetApp.Sheet.getRangeList');
  }
  /** Internal (not a Google method; the prefix keeps scripts from leaning on it). */
  __dataRange(): Range {
    return new Range(this.env, this.data, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.data.lastRow()),
      numCols: Math.max(1, this.data.lastColumn()),
    });
  }
  getDataRange() {
    this.m('getDataRange');
    return this.__dataRange();
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number) {
    this.m('getSheetValues', numRows * numCols);
    const rows = numRows === -1 ? this.data.lastRow() - row + 1 : numRows;
    const cols = numCols === -1 ? this.data.lastColumn() - col + 1 : numCols;
    const r = checkedRange(this.env, this.data, { row, col, numRows: rows, numCols: cols });
    const out: unknown[][] = [];
    for (let i = 0; i < r.rect.numRows; i++) {
      const line: unknown[] = [];
      for (let j = 0; j < r.rect.numCols; j++)
        line.push(readValue(this.data.cell(r.rect.row + i, r.rect.col + j), this.env.wb.timeZone));
      out.push(line);
    }
    return this.env.out(out);
  }
  __append(row: unknown[]) {
    if (!Array.isArray(row)) throw this.env.signature('SpreadsheetApp.Sheet.appendRow', [row]);
    const r = this.data.lastRow() + 1;
    assertCellSizes(this.env, row);
    this.assertWritable({ row: r, col: 1, numRows: 1, numCols: Math.max(1, row.length) });
    row.forEach((v, j) => {
      storeScriptValue(this.env, this.data.cellForWrite(r, j + 1), isDate(v) ? new Date(v.getTime()) : v);
    });
    if (r > this.data.maxRows) this.data.maxRows = r;
  }
  /** Appends after the last row with content; the sheet grows when full. */
  appendRow(row: unknown[]) {
    this.m('appendRow', Array.isArray(row) ? row.length : 0);
    this.__append(row);
    return this;
  }
  private inheritRow(from: number, to: number, count: number) {
    const src = this.data.rows[from - 1];
    if (!src) return;
    for (let i = 0; i < count; i++) {
      src.forEach((c, j) => {
        if (!c) return;
        const { value: _v, formula: _f, note: _n, ...fmt } = c;
        if (Object.keys(fmt).length === 0) return;
        Object.assign(this.data.cellForWrite(to + i, j + 1), structuredClone(fmt));
      });
    }
  }
  private insertRowsAt(before: number, count: number, inheritFrom: number | null) {
    if (typeof before !== 'number' || typeof count !== 'number')
      throw this.env.signature('SpreadsheetApp.Sheet.insertRows', [before, count]);
    if (before < 1 || before > this.data.maxRows + 1) throw this.env.err(MSG.rowsOut);
    this.assertInsertable();
    this.env.wb.insertRows(this.data, before, count);
    // New rows take the formats and validation of their neighbour, as in Sheets.
    if (inheritFrom !== null)
      this.inheritRow(inheritFrom >= before ? inheritFrom + count : inheritFrom, before, count);
  }
  insertRowAfter(after: number) {
    this.m('insertRowAfter');
    this.numbers('insertRowAfter', [after]);
    this.insertRowsAt(after + 1, 1, after);
    return this;
  }
  insertRowBefore(before: number) {
    this.m('insertRowBefore');
    this.numbers('insertRowBefore', [before]);
    this.insertRowsAt(before, 1, before);
    return this;
  }
  insertRowsAfter(after: number, count: number) {
    this.m('insertRowsAfter', count * this.data.maxCols);
    this.numbers('insertRowsAfter', [after, count]);
    this.insertRowsAt(after + 1, count, after);
    return this;
  }
  insertRowsBefore(before: number, count: number) {
    this.m('insertRowsBefore', count * this.data.maxCols);
    this.numbers('insertRowsBefore', [before, count]);
    this.insertRowsAt(before, count, before);
    return this;
  }
  insertRows(before: number, count = 1) {
    this.m('insertRows', count * this.data.maxCols);
    this.insertRowsAt(before, count, null);
    return this;
  }
  private insertCols(before: number, count: number) {
    if (typeof before !== 'number' || typeof count !== 'number')
      throw this.env.signature('SpreadsheetApp.Sheet.insertColumns', [before, count]);
    if (before < 1 || before > this.data.maxCols + 1) throw this.env.err(MSG.colsOut);
    this.assertInsertable();
    this.env.wb.insertColumns(this.data, before, count);
  }
  insertColumnAfter(after: number) {
    this.m('insertColumnAfter');
    this.numbers('insertColumnAfter', [after]);
    this.insertCols(after + 1, 1);
    return this;
  }
  insertColumnBefore(before: number) {
    this.m('insertColumnBefore');
    this.numbers('insertColumnBefore', [before]);
    this.insertCols(before, 1);
    return this;
  }
  insertColumnsAfter(after: number, count: number) {
    this.m('insertColumnsAfter', count * this.data.maxRows);
    this.numbers('insertColumnsAfter', [after, count]);
    this.insertCols(after + 1, count);
    return this;
  }
  insertColumnsBefore(before: number, count: number) {
    this.m('insertColumnsBefore', count * this.data.maxRows);
    this.numbers('insertColumnsBefore', [before, count]);
    this.insertCols(before, count);
    return this;
  }
  insertColumns(before: number, count = 1) {
    this.m('insertColumns', count * this.data.maxRows);
    this.insertCols(before, count);
    return this;
  }
  private delRows(start: number, count: number) {
    if (typeof start !== 'number' || typeof count !== 'number')
      throw this.env.signature('SpreadsheetApp.Sheet.deleteRows', [start, count]);
    if (start < 1 || count < 1 || start + count - 1 > this.data.maxRows) throw this.env.err(MSG.rowsOut);
    if (this.data.maxRows - count <= this.data.frozenRows) throw this.env.err(MSG.deleteAllRows);
    this.assertWritable({ row: start, col: 1, numRows: count, numCols: this.data.maxCols });
    this.env.wb.deleteRows(this.data, start, count);
  }
  deleteRow(row: number) {
    this.m('deleteRow');
    this.delRows(row, 1);
    return this;
  }
  deleteRows(start: number, count: number) {
    this.m('deleteRows', count * this.data.maxCols);
    this.delRows(start, count);
  }
  private delCols(start: number, count: number) {
    if (typeof start !== 'number' || typeof count !== 'number')
      throw this.env.signature('SpreadsheetApp.Sheet.deleteColumns', [start, count]);
    if (start < 1 || count < 1 || start + count - 1 > this.data.maxCols) throw this.env.err(MSG.colsOut);
    if (this.data.maxCols - count <= this.data.frozenCols) throw this.env.err(MSG.deleteAllCols);
    this.assertWritable({ row: 1, col: start, numRows: this.data.maxRows, numCols: count });
    this.env.wb.deleteColumns(this.data, start, count);
  }
  deleteColumn(col: number) {
    this.m('deleteColumn');
    this.delCols(col, 1);
    return this;
  }
  deleteColumns(start: number, count: number) {
    this.m('deleteColumns', count * this.data.maxRows);
    this.delCols(start, count);
  }
  setFrozenRows(n: number) {
    this.m('setFrozenRows');
    this.assertInsertable();
    if (typeof n !== 'number' || n < 0) throw this.env.signature('SpreadsheetApp.Sheet.setFrozenRows', [n]);
    if (n >= this.data.maxRows) throw this.env.err(MSG.freezeAll);
    this.data.frozenRows = n;
  }
  getFrozenRows() {
    this.m('getFrozenRows');
    return this.data.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.m('setFrozenColumns');
    this.assertInsertable();
    if (typeof n !== 'number' || n < 0)
      throw this.env.signature('SpreadsheetApp.Sheet.setFrozenColumns', [n]);
    this.data.frozenCols = n;
  }
  getFrozenColumns() {
    this.m('getFrozenColumns');
    return this.data.frozenCols;
  }
  setColumnWidth(col: number, width: number) {
    this.m('setColumnWidth');
    this.numbers('setColumnWidth', [col, width]);
    this.assertInsertable();
    this.data.columnWidths[col] = width;
    return this;
  }
  setColumnWidths(start: number, count: number, width: number) {
    this.m('setColumnWidths');
    this.numbers('setColumnWidths', [start, count, width]);
    this.assertInsertable();
    for (let c = start; c < start + count; c++) this.data.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(col: number) {
    this.m('getColumnWidth');
    return this.data.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(_col: number) {
    this.m('autoResizeColumn');
    return this;
  }
  autoResizeColumns(_start: number, _count: number) {
    this.m('autoResizeColumns');
    return this;
  }
  setRowHeight(row: number, h: number) {
    this.m('setRowHeight');
    this.assertInsertable();
    this.data.rowHeights[row] = h;
    return this;
  }
  getRowHeight(row: number) {
    this.m('getRowHeight');
    return this.data.rowHeights[row] ?? 21;
  }
  hideSheet() {
    this.m('hideSheet');
    this.assertInsertable();
    if (this.env.wb.sheets.filter((s) => !s.hidden && s !== this.data).length === 0)
      throw this.env.err(MSG.hideAll);
    this.data.hidden = true;
    return this;
  }
  showSheet() {
    this.m('showSheet');
    this.assertInsertable();
    this.data.hidden = false;
    return this;
  }
  isSheetHidden() {
    this.m('isSheetHidden');
    return this.data.hidden;
  }
  hideRows(start: number, count = 1) {
    this.m('hideRows');
    this.assertInsertable();
    for (let r = start; r < start + count; r++) this.data.hiddenRows.add(r);
  }
  showRows(start: number, count = 1) {
    this.m('showRows');
    this.assertInsertable();
    for (let r = start; r < start + count; r++) this.data.hiddenRows.delete(r);
  }
  isRowHiddenByUser(row: number) {
    this.m('isRowHiddenByUser');
    return this.data.hiddenRows.has(row);
  }
  hideColumns(start: number, count = 1) {
    this.m('hideColumns');
    this.assertInsertable();
    for (let c = start; c < start + count; c++) this.data.hiddenCols.add(c);
  }
  showColumns(start: number, count = 1) {
    this.m('showColumns');
    this.assertInsertable();
    for (let c = start; c < start + count; c++) this.data.hiddenCols.delete(c);
  }
  isColumnHiddenByUser(col: number) {
    this.m('isColumnHiddenByUser');
    return this.data.hiddenCols.has(col);
  }
  setTabColor(color: string | null) {
    this.m('setTabColor');
    this.assertInsertable();
    this.data.tabColor = color === null ? null : this.env.color(color);
    return this;
  }
  getTabColor() {
    this.m('getTabColor');
    return this.data.tabColor;
  }
  protect() {
    this.m('protect');
    return this.env.protect(this.data, 'SHEET');
  }
  getProtections(type: unknown) {
    this.m('getProtections');
    const t = String(type);
    return this.env.list(
      this.env.wb.protections
        .filter((p) => p.sheetId === this.data.id && p.type === t)
        .map((p) => new Protection(this.env, p)),
    );
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]) {
    this.m('setConditionalFormatRules');
    this.assertInsertable();
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRule)) {
      throw this.env.signature('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    for (const r of rules) {
      if (r.spec.ranges.some((g) => g.sheetId !== this.data.id)) {
        throw this.env.err('Conditional format rule cannot reference a different sheet.');
      }
    }
    this.data.conditionalRules = rules.map((r) => copyRule(r.spec));
  }
  getConditionalFormatRules() {
    this.m('getConditionalFormatRules');
    return this.env.list(
      this.data.conditionalRules.map((r) => new ConditionalFormatRule(this.env, copyRule(r))),
    );
  }
  clearConditionalFormatRules() {
    this.m('clearConditionalFormatRules');
    this.assertInsertable();
    this.data.conditionalRules = [];
  }
  newChart() {
    this.m('newChart');
    return new EmbeddedChartBuilder(this.env, newChartSpec(this.data));
  }
  insertChart(chart: EmbeddedChart) {
    this.m('insertChart');
    this.assertInsertable();
    if (!(chart instanceof EmbeddedChart))
      throw this.env.signature('SpreadsheetApp.Sheet.insertChart', [chart]);
    const spec = structuredClone(chart.spec);
    spec.id = this.env.wb.nextChartId++;
    spec.sheetId = this.data.id;
    this.data.charts.push(spec);
  }
  getCharts() {
    this.m('getCharts');
    return this.env.list(this.data.charts.map((c) => new EmbeddedChart(this.env, c)));
  }
  removeChart(chart: EmbeddedChart) {
    this.m('removeChart');
    this.assertInsertable();
    this.data.charts = this.data.charts.filter((c) => c.id !== chart.spec.id);
  }
  updateChart(chart: EmbeddedChart) {
    this.m('updateChart');
    this.assertInsertable();
    const i = this.data.charts.findIndex((c) => c.id === chart.spec.id);
    if (i < 0) throw this.env.err('Chart not found');
    this.data.charts[i] = structuredClone(chart.spec);
  }
  getRowGroupDepth(row: number) {
    this.m('getRowGroupDepth');
    return this.data.rowDepths[row] ?? 0;
  }
  getRowGroup(row: number, depth: number) {
    this.m('getRowGroup');
    const g = this.data
      .rowGroups()
      .find((x) => x.depth === depth && row >= x.start && row < x.start + x.count);
    return g ? new Group(this.env, this.data, g.start, g.count, g.depth) : null;
  }
  collapseAllRowGroups() {
    this.m('collapseAllRowGroups');
    for (const g of this.data.rowGroups()) this.data.collapsedGroups.add(`${g.depth}:${g.start}`);
    return this;
  }
  expandAllRowGroups() {
    this.m('expandAllRowGroups');
    this.data.collapsedGroups.clear();
    return this;
  }
  setRowGroupControlPosition(_p: unknown) {
    this.m('setRowGroupControlPosition');
    return this;
  }
  clear() {
    this.m('clear', this.data.maxRows * this.data.maxCols);
    this.assertWritable();
    for (const row of this.data.rows) {
      if (!row) continue;
      row.forEach((c, j) => {
        if (!c) return;
        row[j] =
          c.note !== undefined || c.validation
            ? {
                value: '',
                ...(c.note !== undefined ? { note: c.note } : {}),
                ...(c.validation ? { validation: c.validation } : {}),
              }
            : undefined;
      });
    }
    return this;
  }
  clearContents() {
    this.m('clearContents', this.data.maxRows * this.data.maxCols);
    this.assertWritable();
    for (const row of this.data.rows) {
      for (const c of row ?? []) {
        if (!c) continue;
        c.value = '';
        delete c.formula;
      }
    }
    return this;
  }
  clearFormats() {
    this.m('clearFormats', this.data.maxRows * this.data.maxCols);
    this.assertWritable();
    for (const row of this.data.rows) {
      row?.forEach((c, j) => {
        if (!c) return;
        const { value, formula, note, validation } = c;
        row[j] = {
          value,
          ...(formula !== undefined ? { formula } : {}),
          ...(note !== undefined ? { note } : {}),
          ...(validation ? { validation } : {}),
        };
      });
    }
    return this;
  }
  clearNotes() {
    this.m('clearNotes');
    for (const row of this.data.rows) for (const c of row ?? []) if (c) delete c.note;
    return this;
  }
  activate() {
    this.m('activate');
    return activateSheet(this.env, this);
  }
  getActiveRange() {
    this.m('getActiveRange');
    return activeRange(this.env);
  }
  getActiveCell() {
    this.m('getActiveCell');
    return currentCell(this.env);
  }
  setActiveRange(range: Range) {
    this.m('setActiveRange');
    this.env.select(range.sheet, range.rect);
    return range;
  }
  setActiveSelection(r: Range | string) {
    this.m('setActiveSelection');
    const range =
      typeof r === 'string'
        ? rangeFromA1(this.env, this.data, r, 'SpreadsheetApp.Sheet.setActiveSelection')
        : r;
    this.env.select(range.sheet, range.rect);
    return range;
  }
  createTextFinder(text: string) {
    this.m('createTextFinder');
    return new Range(this.env, this.data, this.whole()).createTextFinder(text);
  }
  getNamedRanges() {
    this.m('getNamedRanges');
    return this.env.list(
      [...this.env.wb.namedRanges]
        .filter(([, g]) => g.sheetId === this.data.id)
        .map(([n]) => new NamedRange(this.env, n)),
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Ui: menus, alerts, sidebars and dialogs go to the runtime's UiSink. */
class Ui {
  readonly Button;
  readonly ButtonSet;
  constructor(private readonly env: Env) {
    const e = env.enums as unknown as ReturnType<typeof makeEnums>;
    this.Button = e.Button;
    this.ButtonSet = e.ButtonSet;
  }
  toString() {
    return 'Ui';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  createAddonMenu() {
    this.env.m('Ui.createAddonMenu');
    return new Menu(this.env, '', true);
  }
  createMenu(caption: string) {
    this.env.m('Ui.createMenu');
    if (typeof caption !== 'string') throw this.env.signature('SpreadsheetApp.Ui.createMenu', [caption]);
    return new Menu(this.env, caption, false);
  }
  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons): the user answers with the first button. */
  alert(a: unknown, b?: unknown, c?: unknown) {
    this.env.m('Ui.alert');
    let title = '';
    let prompt = String(a);
    let buttons = 'OK';
    if (typeof b === 'string') {
      title = String(a);
      prompt = b;
      if (c !== undefined) buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    this.env.ctx.ui.alert(title ? `${title}\n${prompt}` : prompt);
    return this.Button[buttons.startsWith('YES') ? 'YES' : 'OK'];
  }
  /** No one is there to type: prompts answer CLOSE with empty text. */
  prompt(a: unknown, b?: unknown, c?: unknown) {
    this.env.m('Ui.prompt');
    const text = typeof b === 'string' ? `${String(a)}\n${b}` : String(a);
    this.env.ctx.ui.alert(text);
    void c;
    const Button = this.Button;
    return {
      getResponseText: () => '',
      getSelectedButton: () => Button.CLOSE,
      toString: () => 'PromptResponse',
    };
  }
  showSidebar(html: unknown) {
    this.opens('Ui.showSidebar');
    this.env.ctx.ui.showSidebar(html as never);
  }
  showModalDialog(html: unknown, title: string) {
    this.opens('Ui.showModalDialog');
    this.env.ctx.ui.showModalDialog(html as never, String(title));
  }
  showModelessDialog(html: unknown, title: string) {
    this.opens('Ui.showModelessDialog');
    this.env.ctx.ui.showModalDialog(html as never, String(title));
  }
  /**
   * A sidebar or dialog needs the container UI scope, which a simple trigger (LIMITED, NONE) runs
   * without: an add-on's onOpen may build its menu and toast, never open its sidebar by itself.
   * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
   */
  private opens(method: string) {
    this.env.m(method);
    if (this.env.ctx.authMode !== 'FULL')
      throw this.env.err(
        `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/script.container.ui`,
      );
  }
}

class Menu {
  private readonly items: MenuSpec['items'] = [];
  constructor(
    private readonly env: Env,
    private readonly title: string,
    private readonly addon: boolean,
  ) {}
  toString() {
    return 'Menu';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  addItem(caption: string, functionName: string) {
    this.env.m('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw this.env.signature('SpreadsheetApp.Menu.addItem', [caption, functionName]);
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.env.m('Menu.addSeparator');
    this.items.push({ separator: true });
    return this;
  }
  /** Sub-menus are flattened as "Sub › Item" (the UiSink has no nesting). */
  addSubMenu(menu: Menu) {
    this.env.m('Menu.addSubMenu');
    for (const it of menu.items) {
      if ('separator' in it) this.items.push(it);
      else this.items.push({ caption: `${menu.title} › ${it.caption}`, functionName: it.functionName });
    }
    return this;
  }
  addToUi() {
    this.env.m('Menu.addToUi');
    this.env.ctx.ui.addMenu({
      title: this.title,
      addon: this.addon,
      items: this.items.map((i) => ({ ...i })),
    });
  }
}

export type { User };
export { Menu, Spreadsheet, SpreadsheetApp, Ui };

/** The script realm's Error for an emulated object (each holds its Env, or a Range that does). */
function realmErrorOf(receiver: unknown): ErrorConstructor {
  const o = receiver as { env?: Env; range?: { env?: Env } } | null;
  return (o?.env ?? o?.range?.env)?.ctx.realm?.Error ?? Error;
}

// Apps Script methods not emulated throw "<Class>.<method> is not implemented in the local runtime"
// (../notImplemented.ts) instead of a TypeError.
for (const [cls, api] of [
  [SpreadsheetApp, 'Spreadsheet.SpreadsheetApp'],
  [Spreadsheet, 'Spreadsheet.Spreadsheet'],
  [Sheet, 'Spreadsheet.Sheet'],
  [Selection, 'Spreadsheet.Selection'],
  [Range, 'Spreadsheet.Range'],
  [RangeList, 'Spreadsheet.RangeList'],
  [TextFinder, 'Spreadsheet.TextFinder'],
  [Protection, 'Spreadsheet.Protection'],
  [NamedRange, 'Spreadsheet.NamedRange'],
  [Group, 'Spreadsheet.Group'],
  [EmbeddedChart, 'Spreadsheet.EmbeddedChart'],
  [EmbeddedChartBuilder, 'Spreadsheet.EmbeddedChartBuilder'],
  [DataValidation, 'Spreadsheet.DataValidation'],
  [DataValidationBuilder, 'Spreadsheet.DataValidationBuilder'],
  [BooleanCondition, 'Spreadsheet.BooleanCondition'],
  [ConditionalFormatRule, 'Spreadsheet.ConditionalFormatRule'],
  [ConditionalFormatRuleBuilder, 'Spreadsheet.ConditionalFormatRuleBuilder'],
  [Ui, 'Base.Ui'],
  [Menu, 'Base.Menu'],
  [User, 'Base.User'],
] as Array<[{ prototype: object }, string]>)
  markClass(cls, api, api.slice(api.indexOf('.') + 1), realmErrorOf);

/**
 * The Charts service's enums, for the runtime to install as the `Charts` global (scripts pass
 * Charts.ChartType.BAR to EmbeddedChartBuilder.setChartType). Reading an enum is not a service call.
 * https://developers.google.com/apps-script/reference/charts/chart-type
 */
export function createChartsService(ctx?: ExecutionContext): object {
  return {
    toString: () => 'Charts',
    // Shared with the execution's SpreadsheetApp, so getChartType() === Charts.ChartType.BAR holds.
    ChartType: ctx ? chartTypesFor(ctx) : makeEnum(CHART_TYPES),
    Position: makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const),
    CurveStyle: makeEnum(['NORMAL', 'SMOOTH'] as const),
    PointStyle: makeEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const),
    Orientation: makeEnum(['HORIZONTAL', 'VERTICAL'] as const),
    ChartHiddenDimensionStrategy: makeEnum([
      'IGNORE_BOTH',
      'IGNORE_ROWS',
      'IGNORE_COLUMNS',
      'SHOW_BOTH',
    ] as const),
    ChartMergeStrategy: makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const),
  };
}
