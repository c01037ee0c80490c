// A1 notation for the grid: the page addresses cells as A1 strings, the runtime takes "Sheet!A1".

export function columnLetter(col: number): string {
  // col is 1-based
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "Sheet name" quoted as Sheets does when the name is not a plain word. */
export function qualified(sheet: string, ref: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;
}

export interface RangeRef {
  sheet?: string;
  startRow: number;
  startCol: number;
  /** undefined = open-ended (e.g. "B2:B"). */
  endRow?: number;
  endCol: number;
}

/** Parses "Team!$B$2:$B", "'My tab'!A1:C10", "B2:B". */
export function parseRange(text: string): RangeRef | undefined {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]+)\$?(\d+)?(?::\$?([A-Za-z]+)\$?(\d+)?)?$/.exec(rest.replace(/\s/g, ''));
  if (!m) return undefined;
  const startCol = columnNumber(m[1]);
  const startRow = m[2] ? Number(m[2]) : 1;
  const endCol = m[3] ? columnNumber(m[3]) : startCol;
  const endRow = m[3] ? (m[4] ? Number(m[4]) : undefined) : startRow;
  return { sheet, startRow, startCol, endRow, endCol };
}
