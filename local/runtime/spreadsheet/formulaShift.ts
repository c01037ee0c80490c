// Relative references move with the cell a formula lands in, as in Sheets: "=A1" set on B2:C4 is
// "=A1" in B2, "=A2" in B3 and "=B1" in C2; "$" keeps a row or a column where it is. The Sheets API
// says so for a formula written to many cells (RepeatCellRequest: "the formula's ranges will
// automatically increment for each field in the range",
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest),
// and Range.copyTo/setFormula do the same
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String)).
// Text in double quotes and sheet names in single quotes are left alone; whole-column and whole-row
// references (A:A, 1:1) are not moved here.

/** A1 cell references: optional $, 1–3 letters, optional $, digits; not a function name (LOG10() nor part of a word. */
const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function shiftPlain(text: string, rows: number, cols: number): string {
  return text.replace(
    CELL_REF,
    (_m, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = colAbs ? columnNumber(letters) : columnNumber(letters) + cols;
      const row = rowAbs ? Number(digits) : Number(digits) + rows;
      if (col < 1 || row < 1) return `${lead}#REF!`;
      return `${lead}${colAbs}${colAbs ? letters.toUpperCase() : columnLetters(col)}${rowAbs}${row}`;
    },
  );
}

/** `formula` as it reads `rows` rows down and `cols` columns right of where it was written. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if ((rows === 0 && cols === 0) || !formula.startsWith('=')) return formula;
  let out = '';
  let plain = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      plain += ch;
      continue;
    }
    out += shiftPlain(plain, rows, cols);
    plain = '';
    // A quoted run, its quote doubled inside it.
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === ch && formula[j + 1] === ch) j += 2;
      else if (formula[j] === ch) break;
      else j++;
    }
    out += formula.slice(i, j + 1);
    i = j;
  }
  return out + shiftPlain(plain, rows, cols);
}
