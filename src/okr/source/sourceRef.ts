// What a key result's Source cell says: where in the same spreadsheet its Current is read from.
// Three forms (docs/sources.md):
//   'Sales data'!B7  or  Sales!B7         one cell of a tab (the quotes are needed only by Sheets'
//                                          own formulas; here everything before the last "!" is the tab)
//   =Revenue_Q4  or  Revenue_Q4            a named range of one cell
//   Sales data[Revenue, 2026-Q4]           a lookup: the cell in the column headed "Revenue" on the
//                                          row whose first cell is "2026-Q4"
// A leading "=" is allowed on every form (people write references as in a formula). Nothing here
// reads a sheet: the reference is plain data for src/gas/sourceCells.ts to fetch, grouped by tab.

export type SourceRef =
  | { kind: 'cell'; tab: string; row: number; column: number }
  | { kind: 'name'; name: string }
  | { kind: 'lookup'; tab: string; header: string; rowKey: string };

/** Why a Source cell cannot be read as a reference (each has a message in sourceMessages.ts). */
export type SourceSyntaxError = 'syntax' | 'range' | 'other-spreadsheet' | 'no-tab';

export type ParsedSource = { ok: true; ref: SourceRef } | { ok: false; error: SourceSyntaxError };

const A1_CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
/** The largest grid Google Sheets allows: 18,278 columns (ZZZ), 10 million cells. */
const MAX_COLUMN = 18278;

/** "B7" → row 7, column 2 (1-based); null when not one A1 cell. */
export function a1Cell(text: string): { row: number; column: number } | null {
  const m = A1_CELL.exec(text.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || column > MAX_COLUMN) return null;
  return { row, column };
}

/** 'Sales data' → Sales data ('' inside quotes is one '); a bare name is trimmed. */
function tabName(text: string): string | null {
  let t = text.trim();
  // 'Sales data'!B7 typed into a cell loses its first quote (Sheets takes a leading apostrophe as
  // the text marker and keeps the rest): Sales data'!B7 means the same tab.
  if (t.endsWith("'") && !t.startsWith("'")) t = `'${t}`;
  if (t.startsWith("'")) {
    if (t.length < 2 || !t.endsWith("'")) return null;
    const inner = t.slice(1, -1);
    // A lone quote inside a quoted name is not Sheets' spelling ('' is).
    if (/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, ''))) return null;
    return inner.replace(/''/g, "'").trim() || null;
  }
  return t || null;
}

/**
 * Google's rule for a named range's name: letters, digits and underscores (Sheets also allows
 * periods), not starting with a digit, not TRUE/FALSE, and not something that reads as a cell
 * (A1 or R1C1). 1–250 characters.
 * https://support.google.com/docs/answer/63175
 */
export function isRangeName(text: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(text)) return false;
  if (/^(true|false)$/i.test(text)) return false;
  if (A1_CELL.test(text) || /^R[0-9]*C[0-9]*$/i.test(text)) return false;
  return true;
}

/** The Source cell's text as a reference, or why it is none. */
export function parseSourceRef(raw: string): ParsedSource {
  let text = raw.normalize('NFKC').trim();
  if (text.startsWith('=')) text = text.slice(1).trim();
  if (!text) return { ok: false, error: 'syntax' };
  // Another spreadsheet (IMPORTRANGE, a URL, [Book]Sheet!A1): the add-on may open only this one.
  if (/^importrange\s*\(/i.test(text) || /^https?:\/\//i.test(text) || /^\[[^\]]*\][^[]*!/.test(text)) {
    return { ok: false, error: 'other-spreadsheet' };
  }
  const lookup = /^(.+?)\s*\[\s*([^,\]]+?)\s*,\s*([^\]]+?)\s*\]$/.exec(text);
  if (lookup) {
    const tab = tabName(lookup[1]);
    if (!tab) return { ok: false, error: 'syntax' };
    return { ok: true, ref: { kind: 'lookup', tab, header: lookup[2], rowKey: lookup[3] } };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const tab = tabName(text.slice(0, bang));
    const where = text.slice(bang + 1).trim();
    if (!tab) return { ok: false, error: 'syntax' };
    const cell = a1Cell(where);
    if (cell) return { ok: true, ref: { kind: 'cell', tab, ...cell } };
    // B7:B7 is one cell; B7:C9 (or a whole column) is not.
    const [from, to, ...rest] = where.split(':');
    if (to !== undefined && rest.length === 0) {
      const a = a1Cell(from);
      const b = a1Cell(to);
      if (a && b && a.row === b.row && a.column === b.column)
        return { ok: true, ref: { kind: 'cell', tab, ...a } };
      return { ok: false, error: 'range' };
    }
    return { ok: false, error: 'syntax' };
  }
  // "B7" alone names no tab; "B7:C9" neither.
  if (a1Cell(text) || /^\$?[A-Za-z]{1,3}\$?[0-9]*:\$?[A-Za-z]{1,3}\$?[0-9]*$/.test(text)) {
    return { ok: false, error: 'no-tab' };
  }
  if (isRangeName(text)) return { ok: true, ref: { kind: 'name', name: text } };
  return { ok: false, error: 'syntax' };
}
