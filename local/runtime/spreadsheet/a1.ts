// A1 and R1C1 notation as Sheets reads it: 'Sheet Name'!A1:B2, $A$1, whole columns (A:C), whole
// rows (2:5), open-ended ranges (A2:C, which runs to the last row) and R1C1:R2C2.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
// https://developers.google.com/sheets/api/guides/concepts#cell

/** A rectangle on one sheet, 1-based. `openRows`/`openCols` remember A:A / 1:1 / A2:C shapes. */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Undefined parts are open (to the sheet's edge). */
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes a sheet name for A1 notation when Sheets would ('My Tab'!A1, 'It''s'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Sheet Name'!A1:B2" into the sheet name (unquoted) and the reference. */
export function splitSheet(ref: string): { sheetName?: string; ref: string } {
  const s = ref.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return { ref: s };
    return { sheetName: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheetName: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;
const R1C1 = /^R(\[?-?[0-9]*\]?)C(\[?-?[0-9]*\]?)$/i;

function parsePart(part: string): { row?: number; col?: number; r1c1?: boolean } | null {
  const r1 = R1C1.exec(part);
  if (r1 && !/^[A-Za-z]{1,3}[0-9]+$/.test(part)) {
    // Only absolute R1C1 is meaningful for getRange; relative forms need an anchor cell.
    const row = r1[1] === '' ? undefined : Number(r1[1]);
    const col = r1[2] === '' ? undefined : Number(r1[2]);
    if ((row !== undefined && !(row >= 1)) || (col !== undefined && !(col >= 1))) return null;
    return { row, col, r1c1: true };
  }
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1]) : undefined;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row !== undefined && row < 1) return null;
  return { row, col };
}

/** Parses A1 or R1C1 notation; null when Sheets would not find the range. */
export function parseA1(notation: string): ParsedA1 | null {
  if (typeof notation !== 'string') return null;
  const { sheetName, ref } = splitSheet(notation);
  if (!ref) return null;
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parsePart(parts[0] as string);
  if (!a) return null;
  if (parts.length === 1) {
    // A single reference must name a cell (A1, R1C1); "A" or "1" alone is not a range.
    if (a.row === undefined || a.col === undefined) return null;
    return { sheetName, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(parts[1] as string);
  if (!b) return null;
  if (Boolean(a.r1c1) !== Boolean(b.r1c1)) return null;
  // A:C (columns), 2:5 (rows), A2:C (open-ended to the last row), A2:2 is not valid in Sheets' sense
  // but B2:5 style (cell to row) is accepted by Sheets as open columns; keep to the common shapes.
  if (a.row === undefined && a.col === undefined) return null;
  if (a.col === undefined && b.col !== undefined) return null;
  if (a.row === undefined && b.row !== undefined) return null;
  const startRow = a.row;
  const startCol = a.col;
  const endRow = b.row;
  const endCol = b.col;
  const out: ParsedA1 = { sheetName };
  // Sheets normalises reversed corners (B2:A1 is A1:B2).
  if (startRow !== undefined && endRow !== undefined) {
    out.startRow = Math.min(startRow, endRow);
    out.endRow = Math.max(startRow, endRow);
  } else {
    out.startRow = startRow;
    out.endRow = endRow;
  }
  if (startCol !== undefined && endCol !== undefined) {
    out.startCol = Math.min(startCol, endCol);
    out.endCol = Math.max(startCol, endCol);
  } else {
    out.startCol = startCol;
    out.endCol = endCol;
  }
  return out;
}

/** Resolves open parts against the sheet's size. */
export function resolveA1(
  p: ParsedA1,
  maxRows: number,
  maxCols: number,
): GridRect & { openRows: boolean; openCols: boolean } {
  const row = p.startRow ?? 1;
  const col = p.startCol ?? 1;
  const endRow = p.endRow ?? maxRows;
  const endCol = p.endCol ?? maxCols;
  return {
    row,
    col,
    numRows: endRow - row + 1,
    numCols: endCol - col + 1,
    openRows: p.endRow === undefined,
    openCols: p.endCol === undefined,
  };
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** A1 notation of a rectangle, keeping the open shapes (A:A, 1:1, A2:C) Sheets reports back. */
export function rectA1(
  r: GridRect,
  shape: { openRows?: boolean; openCols?: boolean; wholeRows?: boolean; wholeCols?: boolean } = {},
): string {
  const c1 = columnToLetters(r.col);
  const c2 = columnToLetters(r.col + r.numCols - 1);
  const r2 = r.row + r.numRows - 1;
  if (shape.wholeCols) return `${c1}:${c2}`;
  if (shape.wholeRows) return `${r.row}:${r2}`;
  if (shape.openRows) return `${c1}${r.row}:${c2}`;
  if (shape.openCols) return `${c1}${r.row}:${r2}`;
  if (r.numRows === 1 && r.numCols === 1) return `${c1}${r.row}`;
  return `${c1}${r.row}:${c2}${r2}`;
}
