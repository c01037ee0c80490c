// Text the add-on writes must read back exactly as it was typed. Sheets parses every string a script
// writes as if a person had typed it into the cell: "=…" becomes a formula (so `=IMPORTXML(...)` in a
// title could fetch data), "007" becomes 7, "TRUE" a boolean, "45%" 0.45, "1,200" 1200, "2026-11-30" a
// date, and a leading apostrophe is taken as the text marker and disappears. A leading apostrophe
// keeps whatever follows it as plain text, and Sheets neither shows it nor returns it from getValues,
// so every non-empty text gets one — whether or not it looks like a number today (what Sheets parses
// depends on the spreadsheet's locale).
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
// https://support.google.com/docs/answer/3094116 (prefixing with an apostrophe keeps text as text)
import type { ColumnMap, OkrColumn } from './model';
import { readDate, readNumber } from './parseValues';

/** The value to write for a text cell: read back by getValues, it is `text`, unchanged. */
export function asSheetText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A row of mixed values where every string is written as text; numbers, booleans and Dates pass through. */
export function safeRow(row: unknown[]): unknown[] {
  return row.map((v) => (typeof v === 'string' ? asSheetText(v) : v));
}

/** OKRs columns that hold numbers, and dates; every other column holds text. */
const NUMBER_COLUMNS: ReadonlySet<OkrColumn> = new Set<OkrColumn>(['start', 'target', 'current', 'progress']);
export const DATE_COLUMNS: ReadonlySet<OkrColumn> = new Set<OkrColumn>(['accepted', 'lastCheckIn', 'due']);

/**
 * The value to write in an OKRs cell of `column`: the one rule for what is text. In a text column a
 * string is written as text (asSheetText). In a number or date column a string that the add-on
 * reads as a number or date (readNumber, readDate: "$1,200", "45%", "2026-12-31") is written as that
 * number or date, whatever the spreadsheet's locale would make of the string; one it cannot read
 * ("TBD") is kept as the text typed. Numbers, booleans and Dates pass through.
 */
export function okrCellValue(column: OkrColumn | undefined, value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (column && NUMBER_COLUMNS.has(column)) {
    const n = readNumber(value);
    if (n && n.value !== null) return n.value;
  } else if (column && DATE_COLUMNS.has(column)) {
    const ms = readDate(value, timeZone);
    if (typeof ms === 'number') return new Date(ms);
  }
  return asSheetText(value);
}

/** A whole OKRs row (cells in sheet order, `columns` says which is which) through okrCellValue. */
export function okrRowValues(columns: ColumnMap<OkrColumn>, row: unknown[], timeZone: string): unknown[] {
  const at: Array<OkrColumn | undefined> = [];
  for (const [c, i] of Object.entries(columns) as Array<[OkrColumn, number]>) at[i] = c;
  return row.map((v, i) => okrCellValue(at[i], v, timeZone));
}
