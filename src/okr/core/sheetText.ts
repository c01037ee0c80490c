// Text the add-on writes must read back exactly as it was typed. Sheets parses every string a script
// writes as if a person had typed it into the cell: "=…" becomes a formula (so `=IMPORTXML(...)` in a
// title could fetch data), "007" becomes 7, "TRUE" a boolean, "45%" 0.45, "1,200" 1200, "2026-11-30" a
// date, and a leading apostrophe is taken as the text marker and disappears. A leading apostrophe
// keeps whatever follows it as plain text, and Sheets neither shows it nor returns it from getValues,
// so every non-empty text gets one — whether or not it looks like a number today (what Sheets parses
// depends on the spreadsheet's locale).
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
// https://support.google.com/docs/answer/3094116 (prefixing with an apostrophe keeps text as text)

/** The value to write for a text cell: read back by getValues, it is `text`, unchanged. */
export function asSheetText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A row of mixed values where every string is written as text; numbers, booleans and Dates pass through. */
export function safeRow(row: unknown[]): unknown[] {
  return row.map((v) => (typeof v === 'string' ? asSheetText(v) : v));
}
