// One key result's steps in the Agreements log, read without the rest of the log: the header rows
// (with the rows under them, where set-up's acceptances of the first key results are), a TextFinder
// over the ID column, then the matched rows further down in a few getValues. An agreement step decides
// from these steps only (the state machine reads one key result's entries), so its cost does not grow
// with the log. New steps go after the log's last row (appendRow: one step per agreement step).
import { idSearchPattern, sameId } from '../okr/core/ids';
import type { Lang } from '../okr/core/model';
import { type TableLayout, tableLayout } from '../okr/core/parse';
import { cellText } from '../okr/core/parseValues';
import { columnLetter } from '../okr/core/problems';
import { planRowReads } from '../okr/core/quickRead';
import { HEADER_SEARCH_ROWS } from '../okr/core/schema';
import {
  AGREEMENT_ALIASES,
  type AgreementColumn,
  type AgreementEntry,
  parseAgreementLog,
} from '../okr/ownership/agreementLog';
import { agreementLogOf, agreementStepRow, appendAgreementSteps } from './agreementLog';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AgreementStepsOf {
  /** The key result's entries in log order (every row whose ID cell, trimmed, is the ID). */
  entries: AgreementEntry[];
  /** Appends `step` after the log's last row with content, in the sheet's language (`lang`). */
  append(step: AgreementEntry, lang: Lang): void;
}

/**
 * The matched rows are read in at most this many getValues (each a round trip, about 122 ms on the
 * calibrated model), this many rows in all; a key result with more scattered steps takes the whole
 * log's read. A negotiation's steps are days apart, with others' steps between them: a run is a
 * stretch of consecutive rows of its own steps (no gap is read across), so the reads depend on how
 * its steps are spread, never on the log's length (a short log reads as a long one does).
 */
const STEP_READS = 5;
const STEP_MERGE_GAP = 0;
const STEP_ROWS = 300;

/**
 * Rows read with the header rows, in the same getValues: a real log starts with set-up's
 * acceptances, one per key result in the OKRs tab's order, so a key result's first run of steps is
 * often there and then needs no read of its own (a 122 ms round trip on the calibrated model, against
 * about 0.02 ms a cell for the rows added).
 */
const TOP_ROWS = 50;

/**
 * The steps of key result `id`, or null when they cannot be read cheaply (no ID or Step column, too
 * many runs of rows, a tab shorter than the header rows): the caller then reads the whole log. The
 * log's reader trims IDs (entriesById), so the search allows every blank trim() removes around the ID (idSearchPattern): a
 * regular expression over the whole cell, case kept (the one ID rule, sameId in src/okr/core/ids.ts).
 * No size is asked for (a round trip): the header rows are read across the sheet's columns, the
 * search runs to the column's end, and a step is appended after the last row with content.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
 */
export function agreementStepsOf(sheet: Sheet, id: string): AgreementStepsOf | null {
  const wanted = id.trim();
  if (!wanted) return null;
  const head = logHeader(sheet, TOP_ROWS);
  if (!head) return null;
  const { header, layout, width, top } = head;
  const idColumn = layout.columns.id;
  if (idColumn === undefined || layout.columns.step === undefined) return null;
  const firstRow = layout.headerRow + 2;
  const column = columnLetter(idColumn);
  let hits: GoogleAppsScript.Spreadsheet.Range[];
  try {
    hits = sheet
      .getRange(`${column}${firstRow}:${column}`)
      .createTextFinder(idSearchPattern(wanted))
      .useRegularExpression(true)
      .matchCase(true)
      .matchEntireCell(true)
      .findAll();
  } catch {
    // No row under the header (a range past the sheet's last row throws): the whole log decides.
    return null;
  }
  // The key result's first run of steps (consecutive rows) is in hand when it lies among the top
  // rows; the others are read in runs. Only the first: a log's later steps (a negotiation's) are
  // read as on a long log, so the reads do not depend on the log's length.
  const rows = hits.map((hit) => hit.getRow()).sort((a, b) => a - b);
  let inHand = 0;
  while (
    inHand < rows.length &&
    rows[inHand] <= top.length &&
    (inHand === 0 || rows[inHand] === rows[inHand - 1] + 1)
  )
    inHand++;
  const plan = planRowReads(rows.slice(inHand), {
    firstRow,
    lookback: 0,
    mergeGap: STEP_MERGE_GAP,
    maxRuns: STEP_READS,
    maxRows: STEP_ROWS,
  });
  if (plan.unread.length) return null;
  const values = [
    ...rows.slice(0, inHand).map((row) => top[row - 1].slice(0, width)),
    ...plan.runs.flatMap((run) => sheet.getRange(run.row, 1, run.count, width).getValues()),
  ];
  // The header and the runs in log order: rows between the matches (read when merged) are others'.
  const entries = parseAgreementLog([...header, ...values]).filter((e) => sameId(e.id, wanted));
  return {
    entries,
    append: (step, lang) => appendStep(sheet, head, step, lang),
  };
}

/** The log's header rows as read from the top of the tab: its layout and the table's width. */
interface LogHeader {
  /** The rows down to the header row. */
  header: unknown[][];
  layout: TableLayout<AgreementColumn>;
  /** Up to the header's last non-blank cell (the blank columns after it hold nothing of the log). */
  width: number;
  /** Every row read from the top (the header rows and, when asked for, the rows under them). */
  top: unknown[][];
}

/**
 * The header rows in one getValues, with the rows under them down to row `rows` (when the tab has
 * that many; else the header rows alone); null when the tab is shorter than the header rows.
 */
function logHeader(sheet: Sheet, rows = HEADER_SEARCH_ROWS): LogHeader | null {
  const top = topRows(sheet, rows) ?? (rows > HEADER_SEARCH_ROWS ? topRows(sheet, HEADER_SEARCH_ROWS) : null);
  if (!top) return null;
  const layout = tableLayout(top.slice(0, HEADER_SEARCH_ROWS), AGREEMENT_ALIASES);
  const header = top.slice(0, layout.headerRow + 1);
  const headerRow = header[layout.headerRow] ?? [];
  let width = headerRow.length;
  while (width > 1 && cellText(headerRow[width - 1]) === '') width--;
  return { header, layout, width, top };
}

/** Rows 1 to `rows`, every column ("A1:50"): null when the tab is shorter (Sheets throws). */
function topRows(sheet: Sheet, rows: number): unknown[][] | null {
  try {
    return sheet.getRange(`A1:${rows}`).getValues();
  } catch {
    return null;
  }
}

/** The step's row, placed by the log's header, in the sheet's language: one appendRow. */
function appendStep(sheet: Sheet, head: LogHeader, step: AgreementEntry, lang: Lang): void {
  sheet.appendRow(agreementStepRow(step, head.layout.columns, head.width, lang));
}

/**
 * Appends `step` after the log's last row with content, knowing only its header rows (the log itself
 * is not read): for writes that log a step without deciding from the key result's earlier ones (an
 * acceptance, a decline). False, nothing written, without an ID or Step column (set-up repairs it).
 * A tab shorter than the header rows is read whole (it is that short) and appended to as read.
 */
export function appendAgreementStepAtEnd(sheet: Sheet, step: AgreementEntry, lang: Lang): boolean {
  const head = logHeader(sheet);
  if (!head) return appendAgreementSteps(agreementLogOf(sheet), [step], lang);
  if (head.layout.columns.id === undefined || head.layout.columns.step === undefined) return false;
  appendStep(sheet, head, step, lang);
  return true;
}
