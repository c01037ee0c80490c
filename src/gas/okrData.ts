// Reads the OKRs, Team and Check-ins tabs: one getDataRange().getValues() per tab, nothing per row
// (the Summary's progress history reads only the log's columns it uses: progressLog.ts).
// Tabs are found by name (the add-on's names first, then the aliases people rename them to).
import type { CheckIn, Lang, OkrColumn, OkrSheet, Roster } from '../okr/core/model';
import {
  missingTabSheet,
  type ProgressEntry,
  parseCheckIns,
  parseOkrSheet,
  type TableLayout,
  tableLayout,
} from '../okr/core/parse';
import { cellText, nfkc, readType } from '../okr/core/parseValues';
import { columnLetter } from '../okr/core/problems';
import { planRowReads } from '../okr/core/quickRead';
import { HEADER_SEARCH_ROWS, OKR_ALIASES } from '../okr/core/schema';
import { TAB, type TabKey } from '../okr/core/tabs';
import { readProgressLog } from './progressLog';
import { tabSize } from './tabReads';
import { findNamedTabs } from './tabs';
import { readTeamTab } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OkrData<C extends ProgressEntry = CheckIn> {
  okrs: OkrSheet;
  roster: Roster;
  checkIns: C[];
  timeZone: string;
  present: { okrs: boolean; team: boolean; checkIns: boolean };
  /** The language the problems were written in (decided from the header row when asked to). */
  lang: Lang;
}

/** A language, or how to decide it from the OKRs tab's header row once it is read. */
export type LangOfSheet = Lang | ((headers: readonly unknown[]) => Lang);

/**
 * Read and parse the tabs. `checkIns: false` skips the log (it can be long and most callers do not
 * need it); `'progress'` parses only its times, IDs and progress (what the Summary uses).
 */
export function readOkrData(
  ss: Spreadsheet,
  opts: { checkIns: 'progress'; lang?: LangOfSheet },
): OkrData<ProgressEntry>;
export function readOkrData(ss: Spreadsheet, opts?: { checkIns?: boolean; lang?: LangOfSheet }): OkrData;
export function readOkrData(
  ss: Spreadsheet,
  opts: { checkIns?: boolean | 'progress'; lang?: LangOfSheet } = {},
): OkrData<ProgressEntry> {
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/GMT';
  const { tabs, names, ambiguous } = findNamedTabs(ss);
  const okrValues = tabs.okrs ? tabs.okrs.getDataRange().getValues() : null;
  const ask = opts.lang ?? 'en';
  const lang =
    typeof ask === 'function'
      ? ask(okrValues ? (okrValues[tableLayout(okrValues, OKR_ALIASES).headerRow] ?? []) : [])
      : ask;
  const parseOpts = (key: TabKey) => ({ sheetName: names[key] ?? TAB[key], timeZone, lang });
  const okrs = okrValues
    ? parseOkrSheet(okrValues, parseOpts('okrs'))
    : missingTabSheet(TAB.okrs, lang, ambiguous.okrs);
  const roster: Roster = tabs.team
    ? readTeamTab(tabs.team, parseOpts('team'))
    : {
        columns: {},
        people: [],
        problems: missingTabSheet(TAB.team, lang, ambiguous.team).problems,
        sheetName: TAB.team,
      };
  const log = tabs.checkIns;
  // The Summary's progress history reads only the log's Time, ID and Progress columns (progressLog.ts).
  const checkIns =
    opts.checkIns === false || !log
      ? []
      : opts.checkIns === 'progress'
        ? readProgressLog(log, parseOpts('checkIns'))
        : parseCheckIns(log.getDataRange().getValues(), parseOpts('checkIns'));
  return {
    okrs,
    roster,
    checkIns,
    timeZone,
    present: { okrs: !!tabs.okrs, team: !!tabs.team, checkIns: !!tabs.checkIns },
    lang,
  };
}

/** One OKR row found by ID, with the rows above it that hold the header; every other row is empty. */
export interface OkrRowById {
  /** A grid shaped like the tab's values (the found row at its own index), for parseOkrSheet. */
  grid: unknown[][];
  /** 1-based row of the key result. */
  row: number;
}

/** A row not read, in a grid shaped like the tab's values (parseOkrSheet skips it as blank). */
export const NO_CELLS: unknown[] = [];

export interface OkrHeader {
  lastRow: number;
  lastColumn: number;
  /** The top rows (up to HEADER_SEARCH_ROWS), where the header is looked for. */
  top: unknown[][];
  layout: TableLayout<OkrColumn>;
  /** 1-based row after the header. */
  firstRow: number;
}

/**
 * The OKRs tab's header from one read of its top rows, for the operations that then read only some
 * rows or columns. Null when the tab is empty.
 */
export function readOkrHeader(sheet: Sheet): OkrHeader | null {
  const { lastRow, lastColumn } = tabSize(sheet);
  if (lastRow < 1 || lastColumn < 1) return null;
  const top = sheet.getSheetValues(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn);
  // An empty tab's data range is A1 (Google answers a 1×1 range there): a blank A1 alone is no table.
  if (lastRow === 1 && lastColumn === 1 && cellText(top[0]?.[0]) === '') return null;
  const layout = tableLayout(top, OKR_ALIASES);
  return { lastRow, lastColumn, top, layout, firstRow: layout.headerRow + 2 };
}

/**
 * Rows found by ID without transferring the others: the header from the top rows (read once), then
 * per ID a TextFinder over the ID column (whole cell, exact case: see sameId in okr/core/ids.ts) and that one row. rowById is null
 * when not exactly one cell matches; okrRowFinder is null without an ID column. The caller then
 * reads the whole tab and decides there.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 */
export interface OkrRowFinder {
  /**
   * The row whose ID cell is `id`, read with up to `around` rows above and below it in the same
   * getValues (the rows of its objective usually sit there): null when not exactly one cell matches.
   */
  rowById(id: string, around?: number): OkrRowById | null;
  /**
   * The rows under `objectiveId` that can be its key results and are not among the rows already read
   * (`known`, 1-based, inclusive): a TextFinder on Parent gives the first and the last row whose Parent
   * cell is exactly `objectiveId`; the Parent and Type cells between them tell its key results from
   * objectives aligned to it (which can be anywhere on the tab, and are not read); the key-result rows
   * not known are read whole in at most a few runs (none when every one is known). Null without a
   * Parent column or any match, or when the key-result rows left need more runs (the caller then
   * reads the whole tab).
   */
  rowsWithParent(
    objectiveId: string,
    known: { from: number; to: number },
  ): Array<{ from: number; values: unknown[][] }> | null;
}

/**
 * Key-result rows under an objective read beyond the rows around the key result: in at most this
 * many getValues (each a round trip), merged across gaps of up to this many rows, this many in all.
 */
const CHILD_READS = 2;
const CHILD_MERGE_GAP = 50;
const CHILD_ROWS = 500;

/** The OKRs tab's header as the row finder knows it: `lastRow` null when the size was not asked for. */
interface FinderHeader {
  lastRow: number | null;
  /** Columns read in each row: the tab's last column with content, or the top rows' (topOfGrid). */
  width: number;
  top: unknown[][];
  layout: TableLayout<OkrColumn>;
}

/**
 * The OKRs tab's header for a search by ID without asking the tab's size (a round trip, about 124 ms
 * on the calibrated model): the top rows as whole rows ("A1:5", every column, one getValues). Nothing
 * is taken from a range's geometry: the searches run to the column's end ("C6:C") and a read around
 * a match stops at the grid's end (readRows), each open-ended range resolved by Google in the call
 * that reads it. The saving rests on that: the model charges an open-ended range's resolution
 * nothing apart from its read (the Agreements log's reads, agreementStepsOf.ts, rest on it too). The
 * width read is up to the top rows' last non-blank cell: a column with no header there holds nothing
 * parseOkrSheet reads. Null when the grid is shorter than the top rows (Sheets throws) or they are
 * blank: readOkrHeader then asks the size, a read more than before for such a tab.
 * A search then covers the grid's blank rows under the data too: on a grid of many more rows than
 * the tab uses (rows added in bulk), a search costs more than the size it saves (on the model, a
 * quarter of a read's per-cell cost for each cell searched).
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
 */
function topOfGrid(sheet: Sheet): FinderHeader | null {
  let rows: unknown[][];
  try {
    rows = sheet.getRange(`A1:${HEADER_SEARCH_ROWS}`).getValues();
  } catch {
    return null;
  }
  let width = 0;
  for (const cells of rows) {
    for (let c = cells.length; c > width; c--) {
      if (cellText(cells[c - 1]) !== '') {
        width = c;
        break;
      }
    }
  }
  if (width === 0) return null;
  const top = rows.map((cells) => cells.slice(0, width));
  return { lastRow: null, width, top, layout: tableLayout(top, OKR_ALIASES) };
}

/** The header from the tab's size and top rows (readOkrHeader), for a tab topOfGrid cannot read. */
function sizedHeader(sheet: Sheet): FinderHeader | null {
  const sized = readOkrHeader(sheet);
  if (!sized) return null;
  return { lastRow: sized.lastRow, width: sized.lastColumn, top: sized.top, layout: sized.layout };
}

export function okrRowFinder(sheet: Sheet): OkrRowFinder | null {
  const header = topOfGrid(sheet) ?? sizedHeader(sheet);
  if (!header) return null;
  const { lastRow, top, layout, width } = header;
  const firstRow = layout.headerRow + 2;
  const idColumn = layout.columns.id;
  if (idColumn === undefined || (lastRow !== null && firstRow > lastRow)) return null;
  const matches = (column: number, text: string) => cellsMatching(sheet, firstRow, lastRow, column, text);
  /**
   * Rows `from`…`to` (1-based). Without the tab's size, a range past the grid's last row throws
   * (Sheets checks a range against the grid): the rows from `from` to the grid's end are then read
   * instead ("A9:R", resolved in the read's own call), fewer than asked for. No size is asked for.
   * The local runtime throws at getRange, before any round trip; should Google throw in the read's
   * round trip instead, a key result among the grid's last `around` rows costs one read more. Any
   * other failure of the first read fails the second too, and reaches the caller.
   */
  const readRows = (from: number, to: number): unknown[][] => {
    if (lastRow !== null) {
      const last = Math.max(from, Math.min(lastRow, to));
      return sheet.getRange(from, 1, last - from + 1, width).getValues();
    }
    try {
      return sheet.getRange(from, 1, to - from + 1, width).getValues();
    } catch {
      return sheet.getRange(`A${from}:${columnLetter(width - 1)}`).getValues();
    }
  };
  return {
    rowById(id: string, around = 0): OkrRowById | null {
      if (!id.trim()) return null;
      const hits = matches(idColumn, id);
      if (hits.length !== 1) return null;
      const row = hits[0].getRow();
      const from = Math.max(firstRow, row - around);
      const values = readRows(from, row + around);
      const grid: unknown[][] = top.slice(0, layout.headerRow + 1);
      while (grid.length < from - 1) grid.push(NO_CELLS);
      grid.push(...values);
      return { grid, row };
    },
    rowsWithParent(objectiveId: string, known: { from: number; to: number }) {
      const parentColumn = layout.columns.parent;
      if (parentColumn === undefined || !objectiveId.trim()) return null;
      const hits = matches(parentColumn, objectiveId);
      if (hits.length === 0) return null;
      // Matches come in row order: the first and the last bound them all (two calls, not one a match).
      const first = hits[0].getRow();
      const last = hits[hits.length - 1].getRow();
      // Between them, the Parent and Type cells (one read of the columns from one to the other) tell
      // the key results from objectives aligned to this one, which can be anywhere on the tab. Read
      // even when every match is among the rows known, so a check-in makes the same calls on any sheet.
      const typeColumn = layout.columns.type ?? parentColumn;
      const left = Math.min(parentColumn, typeColumn);
      const band = sheet.getSheetValues(
        first,
        left + 1,
        last - first + 1,
        Math.abs(parentColumn - typeColumn) + 1,
      );
      const rows: number[] = [];
      band.forEach((cells, i) => {
        const row = first + i;
        if (row >= known.from && row <= known.to) return;
        // As parseOkrSheet reads them: the Parent's text, and a blank Type under a Parent is a key
        // result; an objective, or a Type it does not know (no item), has no progress to count.
        if (nfkc(cellText(cells[parentColumn - left])) !== objectiveId) return;
        const type = layout.columns.type === undefined ? null : readType(cells[typeColumn - left]);
        if (type === 'key-result' || type === null) rows.push(row);
      });
      const plan = planRowReads(rows, {
        firstRow,
        lookback: 0,
        mergeGap: CHILD_MERGE_GAP,
        maxRuns: CHILD_READS,
        maxRows: CHILD_ROWS,
      });
      if (plan.unread.length) return null;
      return plan.runs.map((run) => ({
        from: run.row,
        values: sheet.getRange(run.row, 1, run.count, width).getValues(),
      }));
    },
  };
}

/**
 * Cells of one column (0-based), rows firstRow…lastRow, whose whole text is `text` (exact case); to
 * the grid's end when `lastRow` is null ("C6:C"). None when the grid ends above firstRow (Sheets
 * refuses the range, at getRange in the local runtime, possibly in the search on Google): the caller
 * then takes the full path, as for a search that fails for any other reason (a wrong answer is never
 * made of it: no match means the whole tab is read).
 */
function cellsMatching(sheet: Sheet, firstRow: number, lastRow: number | null, column: number, text: string) {
  const search = (range: GoogleAppsScript.Spreadsheet.Range) =>
    range.createTextFinder(text.trim()).matchCase(true).matchEntireCell(true).findAll();
  if (lastRow !== null) return search(sheet.getRange(firstRow, column + 1, lastRow - firstRow + 1, 1));
  const letter = columnLetter(column);
  try {
    return search(sheet.getRange(`${letter}${firstRow}:${letter}`));
  } catch {
    return [];
  }
}

/**
 * How many cells of a column (0-based; e.g. Parent) are exactly `text`, found on Google's side
 * without transferring the column. Null without that column or rows.
 */
export function countInColumn(
  sheet: Sheet,
  firstRow: number,
  lastRow: number,
  column: number | undefined,
  text: string,
): number | null {
  if (column === undefined || !text.trim() || firstRow > lastRow) return null;
  return cellsMatching(sheet, firstRow, lastRow, column, text).length;
}
