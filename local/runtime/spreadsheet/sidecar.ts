// The sidecar: everything an .xlsx cannot hold, as JSON (see xlsx.ts for the split).
import { cellA1 } from './a1';
import { isDate } from './format';
import type {
  ChartSpec,
  ConditionalRuleSpec,
  GridRef,
  ProtectionSpec,
  Selection,
  ValidationSpec,
} from './types';
import type { Workbook } from './workbook';

export interface SheetSidecar {
  name: string;
  id: number;
  maxRows: number;
  maxCols: number;
  frozenCols?: number;
  collapsedGroups?: string[];
  charts?: ChartSpec[];
  conditionalRules?: ConditionalRuleSpec[];
  /** Validation rules xlsx cannot express exactly, by cell. */
  validations?: Array<{ a1: string; rule: ValidationSpec }>;
  hiddenCols?: number[];
  tabColor?: string | null;
  rowHeights?: Record<number, number>;
}

export interface Sidecar {
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  sheets: SheetSidecar[];
  namedRanges: Record<string, GridRef>;
  protections: ProtectionSpec[];
  selections: Record<string, Selection>;
  nextSheetId: number;
  nextProtectionId: number;
  nextChartId: number;
}

/** JSON revives Dates as strings; rules and chart options carry them tagged. */
export function encodeDates<T>(v: T): T {
  return JSON.parse(
    JSON.stringify(v, function (this: Record<string, unknown>, k, x) {
      const raw = this[k];
      return isDate(raw) ? { $date: raw.toISOString() } : x;
    }),
  );
}

export function decodeDates<T>(v: T): T {
  return JSON.parse(JSON.stringify(v), (_k, x) =>
    x &&
    typeof x === 'object' &&
    !Array.isArray(x) &&
    typeof x.$date === 'string' &&
    Object.keys(x).length === 1
      ? new Date(x.$date)
      : x,
  );
}

export function lossyValidation(v: ValidationSpec): boolean {
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return (
        v.values[1] === false || (v.values[0] as string[]).some((x) => x.includes(',') || x.includes('"'))
      );
    case 'VALUE_IN_RANGE':
      return v.values[1] === false;
    case 'DATE_IS_VALID_DATE':
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_BETWEEN':
    case 'DATE_NOT_BETWEEN':
    case 'DATE_EQUAL_TO':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_ON_OR_BEFORE':
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN':
    case 'NUMBER_EQUAL_TO':
    case 'NUMBER_NOT_EQUAL_TO':
    case 'NUMBER_GREATER_THAN':
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
    case 'NUMBER_LESS_THAN':
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
    case 'CUSTOM_FORMULA':
      return false;
    default:
      return true;
  }
}

export function buildSidecar(wb: Workbook): Sidecar {
  return encodeDates({
    version: 1 as const,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale,
    owner: wb.owner,
    sheets: wb.sheets.map((s) => {
      const validations: Array<{ a1: string; rule: ValidationSpec }> = [];
      s.rows.forEach((row, i) => {
        row?.forEach((c, j) => {
          if (c?.validation && lossyValidation(c.validation))
            validations.push({ a1: cellA1(i + 1, j + 1), rule: c.validation });
        });
      });
      const out: SheetSidecar = {
        name: s.name,
        id: s.id,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
      };
      if (s.frozenCols) out.frozenCols = s.frozenCols;
      if (s.collapsedGroups.size) out.collapsedGroups = [...s.collapsedGroups];
      if (s.charts.length) out.charts = s.charts;
      if (s.conditionalRules.length) out.conditionalRules = s.conditionalRules;
      if (validations.length) out.validations = validations;
      if (s.hiddenCols.size) out.hiddenCols = [...s.hiddenCols];
      if (s.tabColor) out.tabColor = s.tabColor;
      if (Object.keys(s.rowHeights).length) out.rowHeights = s.rowHeights;
      return out;
    }),
    namedRanges: Object.fromEntries(wb.namedRanges),
    protections: wb.protections,
    selections: Object.fromEntries(wb.selections),
    nextSheetId: wb.nextSheetId,
    nextProtectionId: wb.nextProtectionId,
    nextChartId: wb.nextChartId,
  });
}
