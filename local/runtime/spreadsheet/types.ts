// The workbook's plain data: cells, sheets and the objects Sheets attaches to ranges.
// Everything here is host data (host Dates); the SpreadsheetApp surface converts at the realm edge.

/** A cell value with Google's types: '' is an empty cell. */
export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  /** Formula text starting with '='; `value` then holds the cached result ('' when never computed). */
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
  fontStyle?: 'italic' | 'normal';
  fontSize?: number;
  fontFamily?: string;
  fontLine?: 'underline' | 'line-through' | 'none';
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: 'WRAP' | 'OVERFLOW' | 'CLIP';
  note?: string;
  validation?: ValidationSpec;
  border?: BorderSpec;
}

export interface BorderSpec {
  top?: boolean | null;
  left?: boolean | null;
  bottom?: boolean | null;
  right?: boolean | null;
  color?: string | null;
  style?: string | null;
}

/** A range on a sheet, by the sheet's stable id, so renaming a sheet keeps references valid. */
export interface GridRef {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export type ValidationCriteria =
  | 'DATE_AFTER'
  | 'DATE_BEFORE'
  | 'DATE_BETWEEN'
  | 'DATE_EQUAL_TO'
  | 'DATE_IS_VALID_DATE'
  | 'DATE_NOT_BETWEEN'
  | 'DATE_ON_OR_AFTER'
  | 'DATE_ON_OR_BEFORE'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_EQUAL_TO'
  | 'NUMBER_GREATER_THAN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'NUMBER_NOT_BETWEEN'
  | 'NUMBER_NOT_EQUAL_TO'
  | 'TEXT_CONTAINS'
  | 'TEXT_DOES_NOT_CONTAIN'
  | 'TEXT_EQUAL_TO'
  | 'TEXT_IS_VALID_EMAIL'
  | 'TEXT_IS_VALID_URL'
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'CUSTOM_FORMULA'
  | 'CHECKBOX';

/**
 * A data-validation rule. `values` are the criteria values as plain data: a list rule keeps
 * [string[], showDropdown]; a range rule keeps [GridRef, showDropdown]; dates are host Dates.
 */
export interface ValidationSpec {
  criteria: ValidationCriteria;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** What tests and tools read back (Workbook.validation). */
export interface ValidationInfo {
  type: ValidationCriteria;
  values?: string[];
  rangeA1?: string;
  showDropdown?: boolean;
  min?: number | Date;
  max?: number | Date;
  allowInvalid: boolean;
  helpText: string;
}

export type BooleanCriteria =
  | 'CELL_EMPTY'
  | 'CELL_NOT_EMPTY'
  | 'DATE_AFTER'
  | 'DATE_BEFORE'
  | 'DATE_EQUAL_TO'
  | 'DATE_NOT_EQUAL_TO'
  | 'DATE_AFTER_RELATIVE'
  | 'DATE_BEFORE_RELATIVE'
  | 'DATE_EQUAL_TO_RELATIVE'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_EQUAL_TO'
  | 'NUMBER_GREATER_THAN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'NUMBER_NOT_BETWEEN'
  | 'NUMBER_NOT_EQUAL_TO'
  | 'TEXT_CONTAINS'
  | 'TEXT_DOES_NOT_CONTAIN'
  | 'TEXT_EQUAL_TO'
  | 'TEXT_NOT_EQUAL_TO'
  | 'TEXT_STARTS_WITH'
  | 'TEXT_ENDS_WITH'
  | 'CUSTOM_FORMULA';

export interface ConditionalRuleSpec {
  ranges: GridRef[];
  /** Boolean rules only (gradients are not modelled). */
  condition: { type: BooleanCriteria; values: unknown[] };
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
    underline?: boolean;
  };
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** For RANGE protections; a SHEET protection covers the whole sheet. */
  range?: GridRef;
  rangeName?: string;
  description: string;
  warningOnly: boolean;
  /**
   * null while the editors mirror the spreadsheet's (a fresh protection protects nothing until the
   * script changes its editors). https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
   */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: GridRef[];
}

export interface ChartSpec {
  id: number;
  sheetId: number;
  type: string;
  ranges: GridRef[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders?: number;
  transpose?: boolean;
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
}

export interface RowGroupSpec {
  /** 1-based first row and count of the grouped rows. */
  start: number;
  count: number;
  depth: number;
  collapsed: boolean;
}

export interface Selection {
  sheetId: number;
  /** The active range (the whole selection's last part) and the active cell. */
  range?: GridRef;
  cell?: { row: number; col: number };
}
