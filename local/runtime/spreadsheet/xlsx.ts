// Workbooks as .xlsx files (ExcelJS) plus a JSON sidecar for what xlsx cannot hold.
//
// Through the xlsx itself: values with their types (numbers, booleans, dates as serials in the
// spreadsheet's time zone, text, formulas with cached results), number formats, backgrounds, font
// weight/style/colour/size/family, alignment and wrap, notes, merges, frozen rows/columns, column
// widths (px ↔ characters at 7 px), hidden sheets and rows, row group depths (outline levels),
// sheet protection, data validation (list, range, date, number, custom formula; allowInvalid as
// the error style; help text as the input message) and conditional formats (text equal /
// contains / starts / ends, number comparisons, custom formulas, empty / not empty).
// Only in the sidecar: the spreadsheet's id, name, time zone, locale and owner; sheet ids and grid
// sizes; protections with their editors, warning-only flags, descriptions and range protections;
// named ranges; charts; collapsed groups; selections; rules xlsx cannot express exactly
// (checkboxes, text/email/url rules, hidden dropdowns, list items containing commas).
// When a sidecar is given it wins over what the xlsx says for the things it holds.
import ExcelJS from 'exceljs';
import { fromWallTime, wallTime } from '../wallClock';
import { cellA1, columnToLetters, parseA1, quoteSheetName, rectA1, resolveA1, splitSheet } from './a1';
import { isDate, serialToDate } from './format';
import { decodeDates, type Sidecar } from './sidecar';
import type { BooleanCriteria, Cell, ConditionalRuleSpec, GridRef, ValidationSpec } from './types';
import { Workbook } from './workbook';

export { buildSidecar, type Sidecar } from './sidecar';

const PX_PER_CHAR = 7;

// ---------------------------------------------------------------------------------------------
// writing

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const fromArgb = (a: string | undefined): string | undefined =>
  a && /^[0-9A-Fa-f]{8}$/.test(a) ? `#${a.slice(2).toLowerCase()}` : undefined;

/** A Date as ExcelJS serialises it: its UTC fields are the wall time in the spreadsheet's zone. */
function toXlsxDate(d: Date, tz: string): Date {
  const w = wallTime(d.getTime(), tz);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
}

function fromXlsxDate(d: Date, tz: string): Date {
  return new Date(
    fromWallTime(
      tz,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

const DV_OPERATORS: Partial<Record<ValidationSpec['criteria'], string>> = {
  DATE_AFTER: 'greaterThan',
  DATE_BEFORE: 'lessThan',
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

function xlsxValidation(wb: Workbook, v: ValidationSpec, a1: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "Show a warning" vs "Reject input" is Excel's error style warning vs stop.
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  // ExcelJS takes Date objects for date rules (serialised from their UTC fields).
  const xdate = (d: unknown) => toXlsxDate(d as Date, wb.timeZone);
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [`"${(v.values[0] as string[]).join(',')}"`] };
    case 'VALUE_IN_RANGE': {
      const g = v.values[0] as GridRef;
      const s = wb.sheetById(g.sheetId);
      const abs = `$${columnToLetters(g.col)}$${g.row}:$${columnToLetters(g.col + g.numCols - 1)}$${g.row + g.numRows - 1}`;
      return { ...common, type: 'list', formulae: [`${quoteSheetName(s?.name ?? 'Sheet1')}!${abs}`] };
    }
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'DATE_IS_VALID_DATE':
      // "Is a valid date" has no Excel twin; "date ≥ 1900-01-01" is what it means in practice.
      return {
        ...common,
        type: 'date',
        operator: 'greaterThanOrEqual',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [String(v.values[0]).replace(/^=/, '')] };
    case 'TEXT_IS_VALID_EMAIL':
      return { ...common, type: 'custom', formulae: [`ISNUMBER(MATCH("*@*.?*",${a1},0))`] };
    default: {
      const op = DV_OPERATORS[v.criteria];
      if (!op) return { ...common, type: 'custom', formulae: ['TRUE'] };
      const isDateRule = v.criteria.startsWith('DATE');
      const f = v.values
        .slice(0, op.toLowerCase().includes('between') ? 2 : 1)
        .map((x) => (isDateRule ? xdate(x) : x));
      return {
        ...common,
        type: isDateRule ? 'date' : 'decimal',
        operator: op as ExcelJS.DataValidationOperator,
        formulae: f,
      };
    }
  }
}

function cfRule(
  rule: ConditionalRuleSpec,
  topLeft: string,
  priority: number,
): ExcelJS.ConditionalFormattingRule | null {
  const style: Record<string, unknown> = {};
  if (rule.format.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.format.background) } };
  const font: Record<string, unknown> = {};
  if (rule.format.fontColor) font.color = { argb: argb(rule.format.fontColor) };
  if (rule.format.bold !== undefined) font.bold = rule.format.bold;
  if (rule.format.italic !== undefined) font.italic = rule.format.italic;
  if (rule.format.strikethrough !== undefined) font.strike = rule.format.strikethrough;
  if (rule.format.underline !== undefined) font.underline = rule.format.underline;
  if (Object.keys(font).length) style.font = font;
  const v = rule.condition.values;
  const q = (x: unknown) => `"${String(x).replace(/"/g, '""')}"`;
  const base = { priority, style } as Record<string, unknown>;
  const cellIs = (operator: string, formulae: string[]) => ({ ...base, type: 'cellIs', operator, formulae });
  switch (rule.condition.type) {
    case 'TEXT_EQUAL_TO':
      return cellIs('equal', [q(v[0])]) as unknown as ExcelJS.ConditionalFormattingRule;
    case 'TEXT_CONTAINS':
      return {
        ...base,
        type: 'containsText',
        operator: 'containsText',
        text: String(v[0]),
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'TEXT_DOES_NOT_CONTAIN':
      return {
        ...base,
        type: 'containsText',
        operator: 'notContains',
        text: String(v[0]),
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'TEXT_STARTS_WITH':
      return {
        ...base,
        type: 'containsText',
        operator: 'beginsWith',
        text: String(v[0]),
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'TEXT_ENDS_WITH':
      return {
        ...base,
        type: 'containsText',
        operator: 'endsWith',
        text: String(v[0]),
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'NUMBER_EQUAL_TO':
      return cellIs('equal', [String(v[0])]) as unknown as ExcelJS.ConditionalFormattingRule;
    case 'NUMBER_GREATER_THAN':
      return cellIs('greaterThan', [String(v[0])]) as unknown as ExcelJS.ConditionalFormattingRule;
    case 'NUMBER_LESS_THAN':
      return cellIs('lessThan', [String(v[0])]) as unknown as ExcelJS.ConditionalFormattingRule;
    case 'NUMBER_BETWEEN':
      return cellIs('between', [String(v[0]), String(v[1])]) as unknown as ExcelJS.ConditionalFormattingRule;
    case 'CELL_EMPTY':
      return {
        ...base,
        type: 'expression',
        formulae: [`LEN(TRIM(${topLeft}))=0`],
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'CELL_NOT_EMPTY':
      return {
        ...base,
        type: 'expression',
        formulae: [`LEN(TRIM(${topLeft}))>0`],
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'CUSTOM_FORMULA':
      return {
        ...base,
        type: 'expression',
        formulae: [String(v[0]).replace(/^=/, '')],
      } as unknown as ExcelJS.ConditionalFormattingRule;
    default:
      return null;
  }
}

function writeCell(wb: Workbook, xc: ExcelJS.Cell, c: Cell, a1: string): void {
  const tz = wb.timeZone;
  if (c.formula !== undefined) {
    const result = c.value === '' ? undefined : isDate(c.value) ? toXlsxDate(c.value, tz) : c.value;
    const cached =
      typeof result === 'string' && /^#[A-Z0-9/!?]+[!?A]?$/.test(result) ? { error: result } : result;
    xc.value = { formula: c.formula.slice(1), result: cached } as ExcelJS.CellFormulaValue;
  } else if (c.value !== '') {
    xc.value = isDate(c.value) ? toXlsxDate(c.value, tz) : c.value;
  }
  if (c.numberFormat) xc.numFmt = c.numberFormat;
  else if (isDate(c.value)) xc.numFmt = 'm/d/yyyy h:mm:ss';
  if (c.background) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.background) } };
  const font: Partial<ExcelJS.Font> = {};
  if (c.fontWeight === 'bold') font.bold = true;
  if (c.fontStyle === 'italic') font.italic = true;
  if (c.fontColor) font.color = { argb: argb(c.fontColor) };
  if (c.fontSize) font.size = c.fontSize;
  if (c.fontFamily) font.name = c.fontFamily;
  if (c.fontLine === 'underline') font.underline = true;
  if (c.fontLine === 'line-through') font.strike = true;
  if (Object.keys(font).length) xc.font = font;
  const al: Partial<ExcelJS.Alignment> = {};
  if (c.horizontalAlignment && c.horizontalAlignment !== 'general')
    al.horizontal = c.horizontalAlignment as ExcelJS.Alignment['horizontal'];
  if (c.verticalAlignment)
    al.vertical = (
      c.verticalAlignment === 'center' ? 'middle' : c.verticalAlignment
    ) as ExcelJS.Alignment['vertical'];
  if (c.wrap || c.wrapStrategy === 'WRAP') al.wrapText = true;
  if (Object.keys(al).length) xc.alignment = al;
  if (c.border) {
    const side = (on: boolean | null | undefined) =>
      on
        ? {
            style: (c.border?.style === 'DOUBLE'
              ? 'double'
              : c.border?.style?.startsWith('SOLID_')
                ? 'medium'
                : c.border?.style === 'DASHED'
                  ? 'dashed'
                  : c.border?.style === 'DOTTED'
                    ? 'dotted'
                    : 'thin') as ExcelJS.BorderStyle,
            ...(c.border?.color ? { color: { argb: argb(c.border.color) } } : {}),
          }
        : undefined;
    const b: Partial<ExcelJS.Borders> = {};
    const t = side(c.border.top);
    const l = side(c.border.left);
    const bo = side(c.border.bottom);
    const r = side(c.border.right);
    if (t) b.top = t;
    if (l) b.left = l;
    if (bo) b.bottom = bo;
    if (r) b.right = r;
    if (Object.keys(b).length) xc.border = b;
  }
  if (c.note) xc.note = c.note;
  if (c.validation) xc.dataValidation = xlsxValidation(wb, c.validation, a1);
}

export async function workbookToXlsx(wb: Workbook): Promise<Buffer> {
  const x = new ExcelJS.Workbook();
  x.creator = 'Local Apps Script runtime';
  x.title = wb.name;
  for (const s of wb.sheets) {
    const ws = x.addWorksheet(s.name, {
      state: s.hidden ? 'hidden' : 'visible',
      views:
        s.frozenRows || s.frozenCols ? [{ state: 'frozen', xSplit: s.frozenCols, ySplit: s.frozenRows }] : [],
      ...(s.tabColor ? { properties: { tabColor: { argb: argb(s.tabColor) } } } : {}),
    });
    s.rows.forEach((row, i) => {
      row?.forEach((c, j) => {
        if (!c) return;
        writeCell(wb, ws.getCell(i + 1, j + 1), c, cellA1(i + 1, j + 1));
      });
    });
    for (const [col, px] of Object.entries(s.columnWidths))
      ws.getColumn(Number(col)).width = px / PX_PER_CHAR;
    for (const col of s.hiddenCols) ws.getColumn(col).hidden = true;
    for (const [r, d] of Object.entries(s.rowDepths)) ws.getRow(Number(r)).outlineLevel = d;
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const m of s.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
    let priority = 1;
    for (const rule of s.conditionalRules) {
      const ref = rule.ranges.map((g) => rectA1(g)).join(' ');
      const first = rule.ranges[0];
      const xr = first ? cfRule(rule, cellA1(first.row, first.col), priority++) : null;
      if (xr && ref) ws.addConditionalFormatting({ ref, rules: [xr] });
    }
    // A non-warning sheet protection is Excel's sheet protection (no password).
    if (wb.protections.some((p) => p.sheetId === s.id && p.type === 'SHEET' && !p.warningOnly)) {
      await ws.protect('', { formatColumns: false, formatRows: false, insertRows: false, deleteRows: false });
    }
  }
  for (const [name, g] of wb.namedRanges) {
    const s = wb.sheetById(g.sheetId);
    if (!s) continue;
    const abs = `$${columnToLetters(g.col)}$${g.row}:$${columnToLetters(g.col + g.numCols - 1)}$${g.row + g.numRows - 1}`;
    x.definedNames.add(`${quoteSheetName(s.name)}!${abs}`, name);
  }
  const buf = await x.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// reading

function cellValueFromXlsx(v: ExcelJS.CellValue, tz: string): { value: Cell['value']; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { value: v };
  if (isDate(v)) return { value: fromXlsxDate(v, tz) };
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const res = o.result as ExcelJS.CellValue;
    const r = res === undefined || res === null ? { value: '' as const } : cellValueFromXlsx(res, tz);
    return { value: r.value, formula: o.formula ? `=${String(o.formula)}` : undefined };
  }
  if ('richText' in o) return { value: (o.richText as Array<{ text: string }>).map((t) => t.text).join('') };
  if ('error' in o) return { value: String(o.error) };
  if ('text' in o) {
    // A hyperlink cell: its text may itself be rich text.
    const t = o.text as string | { richText?: Array<{ text: string }> };
    return {
      value: typeof t === 'object' && t?.richText ? t.richText.map((x) => x.text).join('') : String(t),
    };
  }
  return { value: String(v) };
}

/**
 * Excel's built-in date formats (numFmtId 14 and 22) are "the locale's short date"; ExcelJS names
 * them 'mm-dd-yy' / 'm/d/yy h:mm'. Shown as Sheets shows them in en_US.
 */
const BUILTIN_DATE_FORMATS: Record<string, string> = {
  'mm-dd-yy': 'M/d/yyyy',
  'm/d/yy h:mm': 'M/d/yyyy H:mm',
};

const CRITERIA_FROM_OP: Record<
  string,
  { date: ValidationSpec['criteria']; number: ValidationSpec['criteria'] }
> = {
  greaterThan: { date: 'DATE_AFTER', number: 'NUMBER_GREATER_THAN' },
  lessThan: { date: 'DATE_BEFORE', number: 'NUMBER_LESS_THAN' },
  between: { date: 'DATE_BETWEEN', number: 'NUMBER_BETWEEN' },
  notBetween: { date: 'DATE_NOT_BETWEEN', number: 'NUMBER_NOT_BETWEEN' },
  equal: { date: 'DATE_EQUAL_TO', number: 'NUMBER_EQUAL_TO' },
  notEqual: { date: 'DATE_EQUAL_TO', number: 'NUMBER_NOT_EQUAL_TO' },
  greaterThanOrEqual: { date: 'DATE_ON_OR_AFTER', number: 'NUMBER_GREATER_THAN_OR_EQUAL_TO' },
  lessThanOrEqual: { date: 'DATE_ON_OR_BEFORE', number: 'NUMBER_LESS_THAN_OR_EQUAL_TO' },
};

function splitList(f: string): string[] {
  const inner = f.replace(/^"/, '').replace(/"$/, '');
  return inner === '' ? [] : inner.split(',');
}

function validationFromXlsx(
  wb: Workbook,
  dv: ExcelJS.DataValidation,
  pendingRanges: Array<() => void>,
  target: Cell,
): void {
  const allowInvalid =
    dv.errorStyle === 'warning' || dv.errorStyle === 'information' || dv.showErrorMessage === false;
  const helpText = dv.showInputMessage === false ? '' : (dv.prompt ?? '');
  const f0 = dv.formulae?.[0];
  const f1 = dv.formulae?.[1];
  const base = { allowInvalid, helpText };
  const toNum = (x: unknown) => Number(x);
  if (dv.type === 'list') {
    const f = String(f0 ?? '');
    if (f.startsWith('"')) {
      target.validation = { ...base, criteria: 'VALUE_IN_LIST', values: [splitList(f), true] };
      return;
    }
    // A range source: resolved once every sheet exists.
    pendingRanges.push(() => {
      const p = parseA1(f.replace(/\$/g, ''));
      const s = p?.sheetName !== undefined ? wb.findSheet(p.sheetName) : undefined;
      if (!p || !s) return;
      const r = resolveA1(p, s.maxRows, s.maxCols);
      target.validation = {
        ...base,
        criteria: 'VALUE_IN_RANGE',
        values: [{ sheetId: s.id, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols }, true],
      };
    });
    return;
  }
  if (dv.type === 'date') {
    const op = dv.operator ?? 'between';
    const asDate = (x: unknown) =>
      isDate(x) ? fromXlsxDate(x, wb.timeZone) : serialToDate(Number(x), wb.timeZone);
    const first = f0 === undefined ? undefined : asDate(f0);
    if (op === 'greaterThanOrEqual' && first && first.getUTCFullYear() <= 1900) {
      target.validation = { ...base, criteria: 'DATE_IS_VALID_DATE', values: [] };
      return;
    }
    const c = CRITERIA_FROM_OP[op]?.date ?? 'DATE_IS_VALID_DATE';
    const vals = [f0, f1].filter((x) => x !== undefined).map(asDate);
    target.validation = {
      ...base,
      criteria: c,
      values: c.endsWith('BETWEEN') ? vals.slice(0, 2) : vals.slice(0, 1),
    };
    return;
  }
  if (dv.type === 'decimal' || dv.type === 'whole') {
    const op = dv.operator ?? 'between';
    const c = CRITERIA_FROM_OP[op]?.number ?? 'NUMBER_BETWEEN';
    const vals = [f0, f1].filter((x) => x !== undefined).map(toNum);
    target.validation = {
      ...base,
      criteria: c,
      values: c.endsWith('BETWEEN') ? vals.slice(0, 2) : vals.slice(0, 1),
    };
    return;
  }
  if (dv.type === 'custom') {
    target.validation = { ...base, criteria: 'CUSTOM_FORMULA', values: [`=${String(f0 ?? '')}`] };
  }
}

interface XCfRule {
  type: string;
  operator?: string;
  formulae?: unknown[];
  text?: string;
  style?: {
    fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } };
    font?: {
      color?: { argb?: string };
      bold?: boolean;
      italic?: boolean;
      strike?: boolean;
      underline?: boolean;
    };
  };
}

function cfFromXlsx(r: XCfRule): Pick<ConditionalRuleSpec, 'condition' | 'format'> | null {
  const format: ConditionalRuleSpec['format'] = {};
  const bg = fromArgb(r.style?.fill?.bgColor?.argb ?? r.style?.fill?.fgColor?.argb);
  if (bg) format.background = bg;
  const fc = fromArgb(r.style?.font?.color?.argb);
  if (fc) format.fontColor = fc;
  if (r.style?.font?.bold !== undefined) format.bold = Boolean(r.style.font.bold);
  if (r.style?.font?.italic !== undefined) format.italic = Boolean(r.style.font.italic);
  if (r.style?.font?.strike !== undefined) format.strikethrough = Boolean(r.style.font.strike);
  if (r.style?.font?.underline !== undefined) format.underline = Boolean(r.style.font.underline);
  const f = (r.formulae ?? []).map(String);
  const unq = (s: string | undefined) => (s ?? '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"');
  let type: BooleanCriteria | null = null;
  let values: unknown[] = [];
  if (r.type === 'cellIs') {
    const quoted = (f[0] ?? '').startsWith('"');
    if (r.operator === 'equal')
      [type, values] = quoted ? ['TEXT_EQUAL_TO', [unq(f[0])]] : ['NUMBER_EQUAL_TO', [Number(f[0])]];
    else if (r.operator === 'greaterThan') [type, values] = ['NUMBER_GREATER_THAN', [Number(f[0])]];
    else if (r.operator === 'lessThan') [type, values] = ['NUMBER_LESS_THAN', [Number(f[0])]];
    else if (r.operator === 'between') [type, values] = ['NUMBER_BETWEEN', [Number(f[0]), Number(f[1])]];
  } else if (r.type === 'containsText') {
    const t = String(r.text ?? '');
    type =
      r.operator === 'notContains'
        ? 'TEXT_DOES_NOT_CONTAIN'
        : r.operator === 'beginsWith'
          ? 'TEXT_STARTS_WITH'
          : r.operator === 'endsWith'
            ? 'TEXT_ENDS_WITH'
            : 'TEXT_CONTAINS';
    values = [t];
  } else if (r.type === 'expression') {
    const e = f[0] ?? '';
    if (/^LEN\(TRIM\([A-Z]+[0-9]+\)\)=0$/.test(e)) type = 'CELL_EMPTY';
    else if (/^LEN\(TRIM\([A-Z]+[0-9]+\)\)>0$/.test(e)) type = 'CELL_NOT_EMPTY';
    else [type, values] = ['CUSTOM_FORMULA', [`=${e}`]];
  }
  return type ? { condition: { type, values }, format } : null;
}

export async function workbookFromXlsx(data: Buffer, sidecarIn?: unknown): Promise<Workbook> {
  const side = sidecarIn ? decodeDates(sidecarIn as Sidecar) : undefined;
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(data as unknown as ArrayBuffer);
  const wb = new Workbook({
    ...(side
      ? { id: side.id, name: side.name, timeZone: side.timeZone, locale: side.locale, owner: side.owner }
      : {}),
    ...(!side && x.title ? { name: x.title } : {}),
  });
  const tz = wb.timeZone;
  // Sheets the sidecar does not know (added by another tool) get ids beyond every known one.
  if (side) wb.nextSheetId = Math.max(side.nextSheetId ?? 0, ...side.sheets.map((x) => x.id + 1));
  const pending: Array<() => void> = [];
  x.eachSheet((ws) => {
    const ss = side?.sheets.find((s) => s.name === ws.name);
    const s = wb.addSheet(ws.name);
    if (ss) s.id = ss.id;
    s.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const tab = fromArgb((ws.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor?.argb);
    if (tab) s.tabColor = tab;
    const view = (ws.views ?? []).find((v) => v.state === 'frozen') as
      | { xSplit?: number; ySplit?: number }
      | undefined;
    if (view) {
      s.frozenRows = view.ySplit ?? 0;
      s.frozenCols = view.xSplit ?? 0;
    }
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) s.hiddenRows.add(r);
      if (row.outlineLevel) s.rowDepths[r] = row.outlineLevel;
      row.eachCell({ includeEmpty: true }, (xc, col) => {
        // Cells merged into another carry its value in ExcelJS; only the master keeps it.
        if (xc.isMerged && xc.master !== xc) return;
        const { value, formula } = cellValueFromXlsx(xc.value, tz);
        const c: Cell = { value };
        // Shared formulas (one master, dependents referring to it): ExcelJS translates each cell's own text.
        const own =
          formula !== undefined || (xc.value && typeof xc.value === 'object' && 'sharedFormula' in xc.value)
            ? xc.formula
            : undefined;
        if (own) c.formula = `=${own}`;
        else if (formula) c.formula = formula;
        const numFmt = BUILTIN_DATE_FORMATS[xc.numFmt ?? ''] ?? xc.numFmt;
        if (numFmt && numFmt !== 'General') c.numberFormat = numFmt;
        else if (isDate(value)) c.numberFormat = undefined;
        const fill = xc.fill as ExcelJS.FillPattern | undefined;
        const bg =
          fill?.type === 'pattern' && fill.pattern === 'solid' ? fromArgb(fill.fgColor?.argb) : undefined;
        if (bg && bg !== '#ffffff') c.background = bg;
        const font = xc.font;
        if (font?.bold) c.fontWeight = 'bold';
        if (font?.italic) c.fontStyle = 'italic';
        const fc = fromArgb(font?.color?.argb);
        if (fc && fc !== '#000000') c.fontColor = fc;
        if (font?.size && font.size !== 10 && font.size !== 11) c.fontSize = font.size;
        if (font?.name && font.name !== 'Arial' && font.name !== 'Calibri') c.fontFamily = font.name;
        if (font?.underline) c.fontLine = 'underline';
        if (font?.strike) c.fontLine = 'line-through';
        const al = xc.alignment;
        if (al?.horizontal) c.horizontalAlignment = al.horizontal;
        if (al?.vertical) c.verticalAlignment = al.vertical; // Apps Script names them top | middle | bottom, as xlsx does
        if (al?.wrapText) c.wrap = true;
        const note = xc.note as unknown;
        if (typeof note === 'string' && note) c.note = note;
        else if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown[] }).texts)) {
          c.note = (note as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join('');
        }
        const keep =
          value !== '' ||
          Object.keys(c).some(
            (k) => k !== 'value' && (c as unknown as Record<string, unknown>)[k] !== undefined,
          );
        if (!keep) return;
        const target = s.cellForWrite(r, col);
        Object.assign(target, c);
        if (c.numberFormat === undefined) delete target.numberFormat;
      });
    });
    // Validation lives on the sheet (sqref ranges), also for cells that hold nothing else.
    const dvs =
      (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } })
        .dataValidations?.model ?? {};
    for (const [addr, dv] of Object.entries(dvs)) {
      if (!dv?.type) continue;
      const p = parseA1(addr.replace(/^range:/, ''));
      if (!p) continue;
      const r = resolveA1(p, Math.max(s.maxRows, 1000), Math.max(s.maxCols, 26));
      for (let i = r.row; i < r.row + r.numRows; i++) {
        for (let j = r.col; j < r.col + r.numCols; j++)
          validationFromXlsx(wb, dv, pending, s.cellForWrite(i, j));
      }
    }
    (ws.columns ?? []).forEach((col, i) => {
      if (col.hidden) s.hiddenCols.add(i + 1);
      if (col.width) s.columnWidths[i + 1] = Math.round(col.width * PX_PER_CHAR);
    });
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
    for (const m of merges) {
      const p = parseA1(m);
      if (p) s.merges.push(resolveA1(p, s.maxRows, s.maxCols));
    }
    const rowCount = ws.rowCount;
    const colCount = ws.columnCount;
    s.maxRows = ss?.maxRows ?? Math.max(1000, rowCount, s.maxRows);
    s.maxCols = ss?.maxCols ?? Math.max(26, colCount, s.maxCols);
    // Conditional formats (the sidecar's exact rules win below).
    const cfs =
      (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: XCfRule[] }> })
        .conditionalFormattings ?? [];
    for (const cf of cfs) {
      const ranges: GridRef[] = [];
      for (const part of String(cf.ref).split(/\s+/)) {
        const p = parseA1(part);
        if (p)
          ranges.push({
            sheetId: s.id,
            ...(({ openRows: _a, openCols: _b, ...r }) => r)(resolveA1(p, s.maxRows, s.maxCols)),
          });
      }
      for (const r of cf.rules ?? []) {
        const rule = cfFromXlsx(r);
        if (rule && ranges.length)
          s.conditionalRules.push({ ranges: ranges.map((g) => ({ ...g })), ...rule });
      }
    }
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    if (prot?.sheet && !side) {
      wb.protections.push({
        id: wb.nextProtectionId++,
        type: 'SHEET',
        sheetId: s.id,
        description: '',
        warningOnly: false,
        editors: [wb.owner],
        domainEdit: false,
        unprotected: [],
      });
    }
    if (ss) {
      if (ss.frozenCols) s.frozenCols = ss.frozenCols;
      s.collapsedGroups = new Set(ss.collapsedGroups ?? []);
      s.charts = ss.charts ?? [];
      if (ss.conditionalRules) s.conditionalRules = ss.conditionalRules;
      if (ss.hiddenCols) s.hiddenCols = new Set(ss.hiddenCols);
      if (ss.tabColor !== undefined) s.tabColor = ss.tabColor;
      s.rowHeights = ss.rowHeights ?? {};
      for (const v of ss.validations ?? []) {
        const p = parseA1(v.a1);
        if (p?.startRow && p.startCol) s.cellForWrite(p.startRow, p.startCol).validation = v.rule;
      }
    }
  });
  for (const f of pending) f();
  // Named ranges: the sidecar's, else the xlsx defined names.
  if (side) {
    // Whatever points at a sheet that is gone (renamed or deleted by another tool) is dropped.
    const known = (id: number) => wb.sheetById(id) !== undefined;
    wb.namedRanges = new Map(Object.entries(side.namedRanges ?? {}).filter(([, g]) => known(g.sheetId)));
    wb.protections = (side.protections ?? []).filter((p) => known(p.sheetId));
    wb.selections = new Map(Object.entries(side.selections ?? {}).filter(([, sel]) => known(sel.sheetId)));
    wb.nextSheetId = Math.max(side.nextSheetId ?? 0, ...wb.sheets.map((s) => s.id + 1));
    wb.nextProtectionId = side.nextProtectionId ?? wb.nextProtectionId;
    wb.nextChartId = side.nextChartId ?? wb.nextChartId;
  } else {
    const model =
      (x.definedNames as unknown as { model?: Array<{ name: string; ranges: string[] }> }).model ?? [];
    for (const d of model) {
      const ref = d.ranges?.[0];
      if (!ref) continue;
      const { sheetName } = splitSheet(ref);
      const p = parseA1(ref.replace(/\$/g, ''));
      const s = sheetName !== undefined ? wb.findSheet(sheetName) : undefined;
      if (!p || !s) continue;
      const r = resolveA1(p, s.maxRows, s.maxCols);
      wb.namedRanges.set(d.name, {
        sheetId: s.id,
        row: r.row,
        col: r.col,
        numRows: r.numRows,
        numCols: r.numCols,
      });
    }
  }
  if (!wb.sheets.length) wb.addSheet('Sheet1');
  return wb;
}
