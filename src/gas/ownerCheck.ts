// The simple trigger's work (onEdit): a paste bypasses the Owner dropdown, so an edit that touches
// Owner is checked here and a bad owner gets a note and a toast; an edit of Start/Target/Current/Kind
// recomputes Progress. Budget whatever the sheet's size: at most 3 reads (header rows, the edited
// rows, the Team tab) and 2 writes (Owner notes, Progress values), on the edited rows only.
// Simple triggers run in LIMITED auth, 30 s at most, no mail or triggers:
// https://developers.google.com/apps-script/guides/triggers#restrictions
import type { EditOutcome } from '../api';
import type { Lang, OkrColumn, Person } from '../okr/core/model';
import { type TableLayout, tableLayout } from '../okr/core/parse';
import { HEADER_SEARCH_ROWS, OKR_ALIASES } from '../okr/core/schema';
import { checkEditedRows, touchedColumns } from '../okr/ownership/validateEdit';
import { spreadsheetLanguage } from './language';
import { loadSettings } from './settings';
import { tabOfName } from './tabs';
import { readTeamTab, teamTab } from './team';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EditEventLike {
  range?: Range;
  source?: Spreadsheet;
  /** Only for a single-cell edit, as text; absent when the cell was empty. */
  oldValue?: unknown;
  value?: unknown;
  user?: { getEmail(): string };
}

const VALUE_COLUMNS = ['start', 'target', 'current', 'kind'] as const;
/** Typed values a check-in owns: an edit of them in the sheet is logged (src/endpoints/editCheck.ts). */
const LOGGED_COLUMNS = ['current', 'confidence'] as const;
/** Rows read above and below the edited ones, where their objectives' rows usually are. */
const ROWS_AROUND = 30;

/** What checkEdit read of the OKRs tab, for the endpoint's further work on the same edit. */
export interface SheetEdit {
  ss: Spreadsheet;
  sheet: Sheet;
  sheetName: string;
  lang: Lang;
  header: unknown[];
  layout: TableLayout<OkrColumn>;
  touched: Set<OkrColumn>;
  /** One cell edited: Google's event then gives its old and new value. */
  singleCell: boolean;
  firstRow: number;
  count: number;
  /** The tab's values from row `from` (after the edit), the edited rows among them; more around. */
  from: number;
  around: unknown[][];
  /** The header rows as read (for a grid shaped like the tab). */
  top: unknown[][];
  lastRow: number;
  lastColumn: number;
}

export function checkEdit(
  e: EditEventLike | null | undefined,
  /** The header rows when the closed-cycle guard already read them for this edit. */
  readTop?: unknown[][],
): { outcome: EditOutcome; edit: SheetEdit } | null {
  const range = e?.range;
  // onEdit is a global, so google.script.run can call it with plain data: only a real Range counts.
  if (!range || typeof (range as { getSheet?: unknown }).getSheet !== 'function') return null;
  const sheet = range.getSheet();
  const sheetName = sheet.getName();
  if (tabOfName(sheetName) !== 'okrs') return null;
  const firstEdited = range.getRow();
  const lastEdited = firstEdited + range.getNumRows() - 1;
  const fromColumn = range.getColumn();
  const toColumn = fromColumn + range.getNumColumns() - 1;
  const lastColumn = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  if (lastColumn < 1 || lastRow < 1) return null;

  // Read 1: the rows where the header can be (unless the closed-cycle guard just read them).
  const top = readTop ?? sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues();
  const layout = tableLayout(top, OKR_ALIASES);
  const header = top[layout.headerRow];
  const headerRow = layout.headerRow + 1;
  const firstRow = Math.max(firstEdited, headerRow + 1);
  // Not clipped to the last row with content: clearing the bottom rows must clear their notes too.
  const lastRowEdited = lastEdited;
  if (firstRow > lastRowEdited) return null;
  const touched = touchedColumns(header, fromColumn, toColumn);
  const ownerEdited = touched.has('owner');
  const valuesEdited = VALUE_COLUMNS.some((c) => touched.has(c));
  const logged = LOGGED_COLUMNS.some((c) => touched.has(c));
  if (!ownerEdited && !valuesEdited && !logged) return null;

  // Read 2: the edited rows, whole (the check needs Type, Parent, Kind … of each); for a value edit
  // with the rows around them in the same read (their objectives' rows, for the objective's Progress).
  const count = lastRowEdited - firstRow + 1;
  const extra = valuesEdited || logged ? ROWS_AROUND : 0;
  const from = Math.max(headerRow + 1, firstRow - extra);
  const to = Math.max(lastRowEdited, Math.min(lastRow, lastRowEdited + extra));
  const around = sheet.getRange(from, 1, to - from + 1, lastColumn).getValues();
  const rows = around.slice(firstRow - from, firstRow - from + count);
  const ss = e?.source ?? sheet.getParent();
  const ownerIndex = layout.columns.owner;
  const anyOwner =
    ownerEdited && ownerIndex !== undefined && rows.some((r) => String(r[ownerIndex] ?? '').trim() !== '');

  // Read 3 (only when there is an owner to check): the Team tab.
  let roster: Person[] | null = null;
  // Dates do not matter to owners or progress, so the spreadsheet's time zone is not fetched.
  const timeZone = 'Etc/GMT';
  if (anyOwner) {
    const team = teamTab(ss);
    if (team) roster = readTeamTab(team, { lang: 'en', timeZone }).people;
  }
  // The notes are everyone's: the spreadsheet's language (the Language setting, else Japanese
  // headers, else its locale).
  // Document properties are readable in LIMITED mode, as Google's onOpen example shows:
  // https://developers.google.com/apps-script/reference/script/auth-mode
  const lang = spreadsheetLanguage(ss, loadSettings(), header);
  const check = checkEditedRows({
    header,
    rows,
    firstRow,
    roster,
    sheetName,
    timeZone,
    lang,
    checkOwners: ownerEdited,
  });

  const outcome: EditOutcome = { flagged: 0, recomputed: 0, toast: '' };
  // Write 1: notes on the Owner cells of the edited rows (the add-on's notes there are replaced).
  if (ownerEdited && check.ownerNotes && ownerIndex !== undefined) {
    sheet.getRange(firstRow, ownerIndex + 1, count, 1).setNotes(check.ownerNotes.map((n) => [n]));
    outcome.flagged = check.ownerNotes.filter((n) => n !== '').length;
  }
  // Write 2: Progress of the edited key results, only when a value actually changes.
  const progressIndex = layout.columns.progress;
  if (valuesEdited && check.progress && progressIndex !== undefined) {
    const before = rows.map((r) => r[progressIndex]);
    const changed = check.progress.filter((v, i) => !sameCell(v, before[i])).length;
    if (changed > 0) {
      sheet.getRange(firstRow, progressIndex + 1, count, 1).setValues(check.progress.map((v) => [v]));
      outcome.recomputed = changed;
    }
  }
  // The toast is shown by the caller (src/endpoints/editCheck.ts), with whatever else it reports.
  if (check.problems.length > 0) {
    const first = check.problems[0];
    const more = check.problems.length - 1;
    const tail =
      more > 0
        ? lang === 'ja'
          ? `\nほかに${more}件（拡張機能 → OKR Owners →「問題をチェック」）`
          : `\n+${more} more (Extensions → OKR Owners → Check problems)`
        : '';
    outcome.toast = `${first.message} ${first.hint}${tail}`;
  }
  const edit: SheetEdit = {
    ss,
    sheet,
    sheetName,
    lang,
    header,
    layout,
    touched,
    singleCell: firstEdited === lastEdited && fromColumn === toColumn,
    firstRow,
    count,
    from,
    around,
    top,
    lastRow,
    lastColumn,
  };
  return { outcome, edit };
}

function sameCell(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return String(a ?? '') === String(b ?? '');
}
