// Text that came from a person (titles, notes, names) must never become a formula when the add-on
// writes it back: Sheets parses a value starting with = (and + - @ in some locales) as a formula,
// so `=IMPORTXML(...)` in a title could fetch data. A leading apostrophe stores it as plain text
// and is not shown in the cell.
// https://support.google.com/docs/answer/3094116 (prefixing with an apostrophe keeps text as text)

export function asSheetText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A row of mixed values where every string is made safe; numbers, booleans and Dates pass through. */
export function safeRow(row: unknown[]): unknown[] {
  return row.map((v) => (typeof v === 'string' ? asSheetText(v) : v));
}
