// The Summary's formats as the few ranges that differ from a new sheet's cell: per kind (background,
// font weight, number format) and value, the rectangles that carry it, in A1 notation. The grid
// (summaryGrid.ts) says every cell's format; most cells of a 10,000-key-result tab are white, normal
// and automatic, which a new sheet already is, so writing only the rest is about a sixth of the cells
// that writing the three grids whole was (each written cell is paid for when Sheets commits it).
// The adapter applies each value with one RangeList call: RangeList.setBackground(color) etc.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
// https://developers.google.com/apps-script/reference/spreadsheet/range-list
import { columnLetter } from '../core/problems';
import {
  AUTO_FORMAT,
  BAND_COLORS,
  type GridBlock,
  HEADER_BG,
  INTEGER,
  NOTICE_BG,
  PERCENT,
  POINTS,
  SCORE,
  SECTION_BG,
  TITLE_BG,
  WHITE,
} from './summaryCells';

/** One value of one kind of format and the A1 rectangles (on the tab, from A1) that get it. */
export interface FormatRun {
  value: string;
  a1s: string[];
}

export interface SummaryFormats {
  backgrounds: FormatRun[];
  fontWeights: FormatRun[];
  numberFormats: FormatRun[];
}

/**
 * Every value the Summary's cells may take besides a new cell's, in a fixed order: a run is listed
 * for each even when no cell has it this time (its a1s is then empty), so the adapter makes the same
 * calls whatever the content. A value outside these lists still gets a run of its own, after them.
 */
const PALETTE = {
  backgrounds: [
    TITLE_BG,
    NOTICE_BG,
    SECTION_BG,
    HEADER_BG,
    BAND_COLORS.red,
    BAND_COLORS.yellow,
    BAND_COLORS.green,
  ],
  fontWeights: ['bold'],
  numberFormats: [PERCENT, SCORE, POINTS, INTEGER],
} as const;

/** What a new sheet's cell already has (Google's defaults; the grid writes them as these strings). */
const NEW_CELL = { backgrounds: WHITE, fontWeights: 'normal', numberFormats: AUTO_FORMAT } as const;

export function summaryFormats(
  grid: Pick<GridBlock, 'backgrounds' | 'fontWeights' | 'numberFormats'>,
): SummaryFormats {
  return {
    backgrounds: runsOf(grid.backgrounds, NEW_CELL.backgrounds, PALETTE.backgrounds),
    fontWeights: runsOf(grid.fontWeights, NEW_CELL.fontWeights, PALETTE.fontWeights),
    numberFormats: runsOf(grid.numberFormats, NEW_CELL.numberFormats, PALETTE.numberFormats),
  };
}

/**
 * The cells of `cells` that are not `blank`, grouped by value into rectangles: each row's runs of one
 * value, stacked with the same run on the rows below it (a section's column of percentages is one
 * rectangle, a heading row another).
 */
function runsOf(
  cells: readonly (readonly string[])[],
  blank: string,
  palette: readonly string[],
): FormatRun[] {
  const byValue = new Map<string, string[]>(palette.map((v) => [v, []]));
  // Open rectangles by "value|first column|last column": the first row and the last row reached.
  let open = new Map<string, { value: string; c0: number; c1: number; r0: number }>();
  const close = (rect: { value: string; c0: number; c1: number; r0: number }, lastRow: number) => {
    const list = byValue.get(rect.value) ?? [];
    byValue.set(rect.value, list);
    list.push(a1(rect.r0, rect.c0, lastRow, rect.c1));
  };
  cells.forEach((row, r) => {
    const next = new Map<string, { value: string; c0: number; c1: number; r0: number }>();
    let c = 0;
    while (c < row.length) {
      const value = row[c];
      let end = c;
      while (end + 1 < row.length && row[end + 1] === value) end++;
      if (value !== blank) {
        const key = `${value}|${c}|${end}`;
        const above = open.get(key);
        next.set(key, above ?? { value, c0: c, c1: end, r0: r });
        open.delete(key);
      }
      c = end + 1;
    }
    for (const rect of open.values()) close(rect, r - 1);
    open = next;
  });
  for (const rect of open.values()) close(rect, cells.length - 1);
  return [...byValue].map(([value, a1s]) => ({ value, a1s }));
}

/** 0-based rows and columns to A1 notation ("F12", "A10:L10"). */
function a1(r0: number, c0: number, r1: number, c1: number): string {
  const from = `${columnLetter(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? from : `${from}:${columnLetter(c1)}${r1 + 1}`;
}
