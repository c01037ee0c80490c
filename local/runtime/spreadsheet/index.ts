// The emulated Google Sheets half of the local Apps Script runtime (see /work/notes/runtime-api.md).
export { cellA1, columnToLetters, lettersToColumn, parseA1, rectA1 } from './a1';
export { createChartsService, createSpreadsheetApp, makeEnums } from './app';
export { applyUserEdit, type UserEditRequest, type UserEditResult } from './edit';
export { makeEnum, normalizeColor } from './env';
export {
  DEFAULT_NUMBER_FORMAT,
  dateToSerial,
  displayValue,
  serialToDate,
} from './format';
export { parseTyped } from './input';
export { CHART_TYPES } from './objects';
export { CELL_TOO_LONG, PROTECTED_MESSAGE } from './range';
export type * from './types';
export { DEFAULT_OWNER, SheetData, Workbook, type WorkbookOptions } from './workbook';
export { buildSidecar, type Sidecar, workbookFromXlsx, workbookToXlsx } from './xlsx';
