// Backgrounds from conditional format rules, so the sandbox's grid looks like the sheet in Sheets.
// The Workbook stores the rules (conditionalRules()); Sheets evaluates them when it draws, and so
// does this file, for the boolean conditions the builder offers. As in Sheets, the first rule
// whose condition holds styles the cell; later rules are not consulted.
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
import { parseRange } from './a1';
import { compileFormula, type FormulaHost, formulaHolds } from './formula';

export type Condition = { type: string; values: unknown[] };
export interface Rule {
  rangesA1: string[];
  condition: Condition;
  format: { background?: string; fontColor?: string; bold?: boolean };
}

const DAY = 86_400_000;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function asTime(v: unknown): number | undefined {
  if (isDate(v)) return v.getTime();
  if (typeof v === 'string' && v) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

const text = (v: unknown) => (isDate(v) ? v.toISOString() : String(v ?? '')).toLowerCase();

/** The day (midnight, UTC-based day number) a RelativeDate names, from the virtual now. */
function relativeDay(name: unknown, now: number): number | undefined {
  const today = Math.floor(now / DAY);
  const key = String((name as { name?: () => string })?.name?.() ?? name).toUpperCase();
  const offsets: Record<string, number> = {
    TODAY: 0,
    TOMORROW: 1,
    YESTERDAY: -1,
    PAST_WEEK: -7,
    PAST_MONTH: -30,
    PAST_YEAR: -365,
  };
  return key in offsets ? today + offsets[key] : undefined;
}

export function conditionHolds(c: Condition, value: unknown, now: number): boolean {
  const [a, b] = c.values;
  const n = asNumber(value);
  const empty = value === '' || value === null || value === undefined;
  switch (c.type) {
    case 'CELL_EMPTY':
      return empty;
    case 'CELL_NOT_EMPTY':
      return !empty;
    case 'TEXT_CONTAINS':
      return !empty && text(value).includes(text(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text(value).includes(text(a));
    case 'TEXT_EQUAL_TO':
      return text(value) === text(a);
    case 'TEXT_NOT_EQUAL_TO':
      return text(value) !== text(a);
    case 'TEXT_STARTS_WITH':
      return !empty && text(value).startsWith(text(a));
    case 'TEXT_ENDS_WITH':
      return !empty && text(value).endsWith(text(a));
    case 'NUMBER_EQUAL_TO':
      return n !== undefined && n === asNumber(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== asNumber(a);
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > (asNumber(a) ?? Number.NaN);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= (asNumber(a) ?? Number.NaN);
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < (asNumber(a) ?? Number.NaN);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= (asNumber(a) ?? Number.NaN);
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN': {
      const lo = Math.min(asNumber(a) ?? Number.NaN, asNumber(b) ?? Number.NaN);
      const hi = Math.max(asNumber(a) ?? Number.NaN, asNumber(b) ?? Number.NaN);
      const inside = n !== undefined && n >= lo && n <= hi;
      return c.type === 'NUMBER_BETWEEN' ? inside : n !== undefined && !inside;
    }
    case 'DATE_EQUAL_TO':
    case 'DATE_NOT_EQUAL_TO':
    case 'DATE_BEFORE':
    case 'DATE_AFTER': {
      const t = asTime(value);
      const ref = asTime(a);
      if (t === undefined || ref === undefined) return false;
      const [d, r] = [Math.floor(t / DAY), Math.floor(ref / DAY)];
      return c.type === 'DATE_EQUAL_TO'
        ? d === r
        : c.type === 'DATE_NOT_EQUAL_TO'
          ? d !== r
          : c.type === 'DATE_BEFORE'
            ? d < r
            : d > r;
    }
    case 'DATE_EQUAL_TO_RELATIVE':
    case 'DATE_BEFORE_RELATIVE':
    case 'DATE_AFTER_RELATIVE': {
      const t = asTime(value);
      const r = relativeDay(a, now);
      if (t === undefined || r === undefined) return false;
      const d = Math.floor(t / DAY);
      return c.type === 'DATE_EQUAL_TO_RELATIVE'
        ? d === r
        : c.type === 'DATE_BEFORE_RELATIVE'
          ? d < r
          : d > r;
    }
    default:
      // CUSTOM_FORMULA is evaluated by conditionalFormats (it needs the cell's position).
      return false;
  }
}

/** Grid of formats (row-major, 0-based) from the rules for the first `rows` × `cols` cells of `sheet`. */
export function conditionalFormats(
  rules: Rule[],
  sheet: string,
  host: FormulaHost,
  rows: number,
  cols: number,
): Array<Array<Rule['format'] | undefined>> {
  const values = host.values(sheet);
  const now = host.now();
  const out: Array<Array<Rule['format'] | undefined>> = Array.from({ length: rows }, () => new Array(cols));
  for (const rule of rules) {
    let formula: ReturnType<typeof compileFormula> | undefined;
    if (rule.condition.type === 'CUSTOM_FORMULA') {
      try {
        formula = compileFormula(String(rule.condition.values[0] ?? ''));
      } catch {
        continue; // a formula the sandbox cannot read is not drawn
      }
    }
    for (const a1 of rule.rangesA1) {
      const ref = parseRange(a1);
      if (!ref) continue;
      const lastRow = Math.min(ref.endRow ?? rows, rows);
      const lastCol = Math.min(ref.endCol, cols);
      for (let r = ref.startRow; r <= lastRow; r++) {
        for (let c = ref.startCol; c <= lastCol; c++) {
          if (out[r - 1][c - 1] !== undefined) continue; // an earlier rule already styled this cell
          const holds = formula
            ? formulaHolds(formula, host, {
                sheet,
                row: r,
                col: c,
                anchorRow: ref.startRow,
                anchorCol: ref.startCol,
              })
            : conditionHolds(rule.condition, values[r - 1]?.[c - 1] ?? '', now);
          if (holds) out[r - 1][c - 1] = rule.format;
        }
      }
    }
  }
  return out;
}
