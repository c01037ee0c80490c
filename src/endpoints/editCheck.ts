// The onEdit simple trigger (src/gas/ownerCheck.ts checks the edited rows: a pasted bad owner gets a
// note, edited values get their Progress recomputed). Then, on what that check read:
// - the objectives of key results whose values changed get their Progress (objectiveProgress, as a
//   check-in writes it), so the OKRs tab never shows an older figure than the Summary;
// - Current and Confidence typed straight into the sheet are logged in the Check-ins log (one
//   append), by the editor when Google tells who it is (in a simple trigger it often does not:
//   https://developers.google.com/apps-script/reference/base/session#getActiveUser()), and an edit by
//   someone who may not check in on that row (canActOn) is flagged in the log and a toast.
// One toast for the whole edit. Every edit bumps the sheet's version, so open sidebars catch up
// (src/gas/sheetVersion.ts).
import type { EditOutcome } from '../api';
import { countInColumn } from '../gas/okrData';
import { appendCheckIns, checkInLog, planBlocks, writeBlocks } from '../gas/okrWrites';
import { checkEdit, type EditEventLike, type SheetEdit } from '../gas/ownerCheck';
import { activeUserEmail, now } from '../gas/session';
import { markEdited } from '../gas/sheetVersion';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import type { KeyResult, OkrSheet } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import { progressCellValue } from '../okr/setup/structure';
import { closedRowEditOf, flagClosedCells, revertClosedCell } from './closedRowEdit';
import { clearAcceptanceOfNewOwners } from './newOwnerEdit';
import { callerFrom, canActOn } from './permissions';
import { type EditedValue, oldValueOf, sheetEditEntries } from './sheetEditLog';
import { CONFIDENCE_LABEL } from './sidebar/checkIn';
import { planObjectiveProgress } from './sidebar/objectiveProgress';
import { makeDate } from './snapshot';

const TIME_ZONE = 'Etc/GMT';

/** The simple trigger. Returns what it did (for the local runtime and tests; Sheets ignores it). */
export function handleEdit(e: EditEventLike | undefined): EditOutcome | null {
  let outcome: EditOutcome | null = null;
  try {
    outcome = checkAndLogEdit(e);
    return outcome;
  } finally {
    if (e?.range) markEdited(outcome !== null);
  }
}

function checkAndLogEdit(e: EditEventLike | undefined): EditOutcome | null {
  // A closed cycle's rows are the graded record: a typed cell goes back before anything else runs.
  // The guard's read of the header rows serves the owner check too (one read of them per edit).
  const read: { top?: unknown[][] } = {};
  const closedRows = closedRowEditOf(e, read);
  if (closedRows?.decision.kind === 'revert') {
    const reverted = revertClosedCell(closedRows);
    closedRows.ss.toast(reverted.toast, 'OKR Owners', 10);
    return reverted;
  }
  const checked = checkEdit(e, read.top);
  // After the owner check, whose notes on the same cells are kept under ours.
  const flaggedClosed = closedRows ? flagClosedCells(closedRows) : { toast: '', count: 0 };
  if (!checked) {
    if (!flaggedClosed.count || !closedRows) return null;
    closedRows.ss.toast(flaggedClosed.toast, 'OKR Owners', 10);
    return { flagged: 0, recomputed: 0, toast: flaggedClosed.toast, closedFlagged: flaggedClosed.count };
  }
  const { outcome, edit } = checked;
  if (flaggedClosed.count) outcome.closedFlagged = flaggedClosed.count;
  const sheet = editedSheet(edit);
  // A paste left on closed rows (flagged above) is no check-in, no new owner and no new Progress for
  // their objectives: only the open cycles' rows of the same paste go on.
  const closedRowNumbers = new Set(
    closedRows?.decision.kind === 'flag' ? closedRows.decision.cells.map((c) => c.row) : [],
  );
  const edited = editedKeyResults(edit, sheet).filter((k) => !closedRowNumbers.has(k.row));
  outcome.objectives = writeObjectiveProgress(edit, sheet, edited);
  const cleared = edit.touched.has('owner')
    ? clearAcceptanceOfNewOwners(edit, e ?? {}, edited, editorEmail(e ?? {}))
    : 0;
  if (cleared) outcome.cleared = cleared;
  const toasts = [flaggedClosed.toast, outcome.toast, logSheetEdit(edit, e ?? {}, edited, outcome)].filter(
    Boolean,
  );
  outcome.toast = toasts.join('\n');
  if (outcome.toast) edit.ss.toast(outcome.toast, 'OKR Owners', 10);
  return outcome;
}

/** The rows read (the edited ones and those around them) as a sheet, rows at their own numbers. */
function editedSheet(edit: SheetEdit): OkrSheet {
  const grid: unknown[][] = edit.top.slice(0, edit.layout.headerRow + 1);
  while (grid.length < edit.from - 1) grid.push([]);
  grid.push(...edit.around);
  return parseOkrSheet(grid, { sheetName: edit.sheetName, timeZone: TIME_ZONE, lang: edit.lang });
}

function editedKeyResults(edit: SheetEdit, sheet: OkrSheet): KeyResult[] {
  const last = edit.firstRow + edit.count - 1;
  return sheet.keyResults.filter((k) => k.row >= edit.firstRow && k.row <= last);
}

/**
 * Progress of the objectives of the edited key results, when a value that moves progress was edited.
 * Their rows are usually among those read; when not (or when some of an objective's key results are
 * elsewhere, counted on the Parent column), the whole tab is read once. One write per objective.
 */
function writeObjectiveProgress(edit: SheetEdit, around: OkrSheet, edited: KeyResult[]): number {
  const progressColumn = edit.layout.columns.progress;
  const moved = ['start', 'target', 'current', 'kind'].some((c) => edit.touched.has(c as 'current'));
  if (!moved || progressColumn === undefined) return 0;
  const objectiveIds = [...new Set(edited.map((k) => k.objectiveId).filter((id): id is string => !!id))];
  if (objectiveIds.length === 0) return 0;
  const dataFrom = edit.layout.headerRow + 2;
  const complete = objectiveIds.every((id) => {
    const count = countInColumn(edit.sheet, dataFrom, edit.lastRow, edit.layout.columns.parent, id);
    return (
      around.objectives.filter((o) => o.id === id).length === 1 &&
      around.keyResults.filter((k) => k.objectiveId === id).length === count
    );
  });
  const sheet = complete
    ? around
    : parseOkrSheet(edit.sheet.getDataRange().getValues(), {
        sheetName: edit.sheetName,
        timeZone: TIME_ZONE,
        lang: edit.lang,
      });
  const plans = objectiveIds.flatMap((id) => {
    const kr = sheet.keyResults.find((k) => k.objectiveId === id && edited.some((e) => e.row === k.row));
    const plan =
      kr && planObjectiveProgress(sheet, kr, { id: kr.id, patch: { progress: kr.progress }, log: null });
    return plan ? [{ row: plan.row, patch: plan.plan.patch }] : [];
  });
  writeBlocks(
    edit.sheet,
    planBlocks(sheet.columns, plans, (_c, v) => progressCellValue(typeof v === 'number' ? v : null)),
  );
  return plans.length;
}

/**
 * One Check-ins row per edited key result whose Current or Confidence was edited; returns the toast
 * for edits by someone who may not check in there ('' when none).
 */
function logSheetEdit(edit: SheetEdit, e: EditEventLike, edited: KeyResult[], outcome: EditOutcome): string {
  const columns = (['current', 'confidence'] as const).filter((c) => edit.touched.has(c));
  if (columns.length === 0 || edited.length === 0) return '';
  const editor = editorEmail(e);
  // Who may check in on a row is decided with Team (a Lead may); read only when someone else edited.
  const others = editor ? edited.filter((k) => k.owner !== editor) : [];
  const caller = others.length
    ? callerFrom(
        editor,
        readTeamTab(findTabsByName(edit.ss, ['team']).team, { timeZone: TIME_ZONE, lang: edit.lang }),
      )
    : null;
  // Google gives oldValue for a single-cell edit only (absent when the cell was empty).
  const old = oldValueOf(edit.singleCell, e);
  const values: EditedValue[] = edited.map((kr) => ({
    kr,
    columns: [...columns],
    old,
    flagged: caller !== null && kr.owner !== editor && !canActOn(caller, kr),
  }));
  const { entries, toast } = sheetEditEntries(values, { editor, now: now(), lang: edit.lang });
  const log = checkInLog(findTabsByName(edit.ss, ['checkIns']).checkIns);
  if (log) appendCheckIns(log, entries, makeDate, (c) => CONFIDENCE_LABEL[c]);
  outcome.logged = log ? entries.length : 0;
  outcome.nonOwner = values.filter((v) => v.flagged).length;
  return toast;
}

/** Google's event names the editor when it may (e.user), as does Session; '' when hidden. */
function editorEmail(e: EditEventLike): string {
  let fromEvent = '';
  try {
    fromEvent = String(e.user?.getEmail?.() ?? '');
  } catch {
    fromEvent = '';
  }
  return (fromEvent.trim().toLowerCase() || activeUserEmail()).trim();
}
