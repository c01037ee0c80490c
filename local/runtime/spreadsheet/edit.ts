// A person's edit in the Sheets UI: typed input is parsed as Sheets parses it, checked against a
// rejecting validation rule and against protections; a paste skips validation (as in Sheets,
// where pasting replaces the content without checking the rule).
import { cellA1, quoteSheetName, rectA1 } from './a1';
import { DEFAULT_NUMBER_FORMAT, isDate } from './format';
import { parseTyped } from './input';
import { CELL_TOO_LONG, MAX_CELL_CHARS, PROTECTED_MESSAGE } from './range';
import type { CellValue } from './types';
import { ruleHint, satisfies } from './validate';
import { mayEdit, readValue, type SheetData, type Workbook } from './workbook';

export type UserEditResult =
  | { ok: true; sheetName: string; a1: string; oldValue?: unknown; value?: unknown }
  | { ok: false; message: string };

export interface UserEditRequest {
  range: string;
  values: unknown[][];
  paste: boolean;
  user: string;
}

function blockedFor(wb: Workbook, s: SheetData, row: number, col: number, user: string): boolean {
  for (const p of wb.protections) {
    if (p.sheetId !== s.id || mayEdit(p, user, wb.owner)) continue;
    const inRect = (g: { row: number; col: number; numRows: number; numCols: number }) =>
      row >= g.row && row < g.row + g.numRows && col >= g.col && col < g.col + g.numCols;
    if (p.type === 'RANGE' && p.range && inRect(p.range)) return true;
    if (p.type === 'SHEET' && !p.unprotected.some(inRect)) return true;
  }
  return false;
}

export function applyUserEdit(wb: Workbook, req: UserEditRequest): UserEditResult {
  let loc: ReturnType<Workbook['locate']>;
  try {
    loc = wb.locate(undefined, req.range);
  } catch {
    return { ok: false, message: `Range not found: ${req.range}` };
  }
  if (!/!/.test(req.range))
    return { ok: false, message: `Give the sheet in the range, e.g. "Sheet1!E5" (got ${req.range})` };
  const { sheet, rect } = loc;
  const values = req.values;
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !values.every((r) => Array.isArray(r) && r.length > 0)
  ) {
    return { ok: false, message: 'An edit needs at least one value' };
  }
  const width = Math.max(...values.map((r) => r.length));
  // One value typed into a selection fills it (Ctrl+Enter); a block pasted at one cell spreads from it.
  const single = values.length === 1 && width === 1;
  const rows = single
    ? rect.numRows
    : rect.numRows === 1 && rect.numCols === 1
      ? values.length
      : rect.numRows;
  const cols = single ? rect.numCols : rect.numRows === 1 && rect.numCols === 1 ? width : rect.numCols;
  if (!single && (values.length !== rows || values.some((r) => r.length !== cols))) {
    return {
      ok: false,
      message: `The data (${values.length}x${width}) does not fit the selection ${req.range} (${rows}x${cols})`,
    };
  }
  const target = { row: rect.row, col: rect.col, numRows: rows, numCols: cols };
  if (target.row + rows - 1 > sheet.maxRows || target.col + cols - 1 > sheet.maxCols) {
    if (!req.paste)
      return { ok: false, message: 'The coordinates of the range are outside the dimensions of the sheet.' };
  }
  const at = (i: number, j: number) => (single ? values[0]?.[0] : values[i]?.[j]);
  if (values.flat().some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS))
    return { ok: false, message: CELL_TOO_LONG };
  // Parse everything first so a rejected edit changes nothing.
  const planned: Array<{ row: number; col: number; value: CellValue; formula?: string; format?: string }> =
    [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const row = target.row + i;
      const col = target.col + j;
      if (blockedFor(wb, sheet, row, col, req.user)) return { ok: false, message: PROTECTED_MESSAGE };
      const raw = at(i, j);
      const cell = sheet.cell(row, col);
      let value: CellValue;
      let formula: string | undefined;
      let format: string | undefined;
      if (typeof raw === 'string') {
        const p = parseTyped(raw, {
          timeZone: wb.timeZone,
          locale: wb.locale,
          cellFormat: cell?.numberFormat,
        });
        value = p.value;
        formula = p.formula;
        format = p.format;
      } else if (raw === null || raw === undefined) value = '';
      else if (typeof raw === 'number' || typeof raw === 'boolean') value = raw;
      else if (isDate(raw)) value = new Date(raw.getTime());
      else value = String(raw);
      const rule = cell?.validation;
      if (!req.paste && rule && !rule.allowInvalid && formula === undefined && !satisfies(wb, rule, value)) {
        const where = `${quoteSheetName(sheet.name)}!${cellA1(row, col)}`;
        const help = rule.helpText || ruleHint(wb, rule);
        return {
          ok: false,
          message: `There was a problem: the data you entered in cell ${where} violates the data validation rules set on this cell. ${help}`,
        };
      }
      planned.push({ row, col, value, formula, format });
    }
  }
  const old = sheet.cell(target.row, target.col);
  const oldValue = readValue(old, wb.timeZone);
  for (const p of planned) {
    const c = sheet.cellForWrite(p.row, p.col);
    if (p.formula !== undefined) {
      c.formula = p.formula;
      c.value = '';
    } else {
      delete c.formula;
      c.value = p.value;
    }
    if (p.format && (!c.numberFormat || c.numberFormat === DEFAULT_NUMBER_FORMAT)) c.numberFormat = p.format;
  }
  wb.selections.set(req.user, {
    sheetId: sheet.id,
    range: { sheetId: sheet.id, ...target },
    cell: { row: target.row, col: target.col },
  });
  const first = planned[0];
  const result: UserEditResult = { ok: true, sheetName: sheet.name, a1: rectA1(target) };
  if (rows === 1 && cols === 1 && first) {
    result.oldValue = oldValue;
    result.value = first.formula ?? first.value;
  }
  return result;
}
