// Whether a value satisfies a data-validation rule, as Sheets checks typed input.
// Scripts' writes are never checked (https://developers.google.com/apps-script/reference/spreadsheet/data-validation);
// only a user's typed edit is, and only a rule with allowInvalid=false rejects it.
import { dateToSerial, displayValue, isDate } from './format';
import { checkboxStates } from './range';
import type { CellValue, GridRef, ValidationSpec } from './types';
import type { Workbook } from './workbook';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#].[^\s]*\.[^\s]{2,}$/i;

function asNumber(v: CellValue, tz: string): number | null {
  if (typeof v === 'number') return v;
  if (isDate(v)) return dateToSerial(v, tz);
  return null;
}

/** Day number (whole days) of a date value in the spreadsheet's zone, for date comparisons. */
function day(v: unknown, tz: string): number | null {
  if (isDate(v)) return Math.floor(dateToSerial(v, tz));
  if (typeof v === 'number') return Math.floor(v);
  return null;
}

export function satisfies(wb: Workbook, rule: ValidationSpec, value: CellValue): boolean {
  // Clearing a cell is always allowed.
  if (value === '') return true;
  const tz = wb.timeZone;
  const vals = rule.values;
  const text = typeof value === 'string' ? value : displayValue(value, undefined, tz);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (vals[0] as string[]).some(
        (x) => x === text || (typeof value !== 'string' && x === String(value)),
      );
    case 'VALUE_IN_RANGE': {
      const g = vals[0] as GridRef;
      const s = wb.sheetById(g.sheetId);
      if (!s) return false;
      for (let r = g.row; r < g.row + g.numRows; r++) {
        for (let c = g.col; c < g.col + g.numCols; c++) {
          const cell = s.cell(r, c);
          if (!cell || cell.value === '') continue;
          if (displayValue(cell.value, cell.numberFormat, tz) === text || cell.value === value) return true;
        }
      }
      return false;
    }
    case 'CHECKBOX': {
      const { on, off } = checkboxStates(rule);
      return value === on || value === off || text === String(on) || text === String(off);
    }
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_EQUAL_TO':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_ON_OR_BEFORE':
    case 'DATE_BETWEEN':
    case 'DATE_NOT_BETWEEN': {
      if (!isDate(value)) return false;
      const d = day(value, tz) as number;
      const a = day(vals[0], tz) ?? 0;
      const b = day(vals[1], tz) ?? 0;
      switch (rule.criteria) {
        case 'DATE_AFTER':
          return d > a;
        case 'DATE_BEFORE':
          return d < a;
        case 'DATE_EQUAL_TO':
          return d === a;
        case 'DATE_ON_OR_AFTER':
          return d >= a;
        case 'DATE_ON_OR_BEFORE':
          return d <= a;
        case 'DATE_BETWEEN':
          return d >= a && d <= b;
        default:
          return d < a || d > b;
      }
    }
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN':
    case 'NUMBER_EQUAL_TO':
    case 'NUMBER_NOT_EQUAL_TO':
    case 'NUMBER_GREATER_THAN':
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
    case 'NUMBER_LESS_THAN':
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': {
      const n = asNumber(value, tz);
      if (n === null) return false;
      const a = vals[0] as number;
      const b = vals[1] as number;
      switch (rule.criteria) {
        case 'NUMBER_BETWEEN':
          return n >= a && n <= b;
        case 'NUMBER_NOT_BETWEEN':
          return n < a || n > b;
        case 'NUMBER_EQUAL_TO':
          return n === a;
        case 'NUMBER_NOT_EQUAL_TO':
          return n !== a;
        case 'NUMBER_GREATER_THAN':
          return n > a;
        case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
          return n >= a;
        case 'NUMBER_LESS_THAN':
          return n < a;
        default:
          return n <= a;
      }
    }
    case 'TEXT_CONTAINS':
      return text.includes(String(vals[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(vals[0]));
    case 'TEXT_EQUAL_TO':
      return text === String(vals[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(text);
    case 'TEXT_IS_VALID_URL':
      return URL_RE.test(text);
    case 'CUSTOM_FORMULA':
      // Formulas are not evaluated by this runtime: a custom-formula rule accepts everything.
      return true;
    default:
      return true;
  }
}

/** What the rule asks for, in the words Sheets uses under its "There was a problem" dialog. */
export function ruleHint(wb: Workbook, rule: ValidationSpec): string {
  const v = rule.values;
  const fmt = (x: unknown) => (isDate(x) ? displayValue(x, 'yyyy-mm-dd', wb.timeZone) : String(x));
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return `Please enter one of the following values: ${(v[0] as string[]).join(', ')}.`;
    case 'VALUE_IN_RANGE':
      return `Please enter a value from the range ${wb.refA1(v[0] as GridRef, true)}.`;
    case 'CHECKBOX':
      return 'Please enter a value that is a checkbox value.';
    case 'DATE_IS_VALID_DATE':
      return 'Please enter a valid date.';
    case 'DATE_ON_OR_AFTER':
      return `Please enter a date on or after ${fmt(v[0])}.`;
    case 'DATE_AFTER':
      return `Please enter a date after ${fmt(v[0])}.`;
    case 'DATE_BEFORE':
      return `Please enter a date before ${fmt(v[0])}.`;
    case 'DATE_ON_OR_BEFORE':
      return `Please enter a date on or before ${fmt(v[0])}.`;
    case 'DATE_BETWEEN':
      return `Please enter a date between ${fmt(v[0])} and ${fmt(v[1])}.`;
    case 'NUMBER_BETWEEN':
      return `Please enter a number between ${fmt(v[0])} and ${fmt(v[1])}.`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Please enter a number greater than or equal to ${fmt(v[0])}.`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `Please enter a number less than or equal to ${fmt(v[0])}.`;
    case 'TEXT_IS_VALID_EMAIL':
      return 'Please enter a valid email address.';
    default:
      return 'Please enter a valid value.';
  }
}
