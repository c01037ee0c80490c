// An edit typed or pasted into a closed cycle's rows, as the onEdit trigger answers it: a typed cell
// is put back with a toast that says why and who can change it; a paste is left as it is (Google
// gives no old values for it), its cells get a note and the toast says how to undo it; the
// validator's edited-after-close problem keeps it listed until the rows match the Results tab again
// or a Lead reopens the cycle (src/okr/cycle/closedEdit.ts decides, src/gas/closedRowEdit.ts reads
// and writes).
import type { EditOutcome } from '../api';
import { loadClosedCycleNames } from '../gas/closedCycles';
import { type ClosedRowEdit, noteFlaggedCells, putBack, readClosedRowEdit } from '../gas/closedRowEdit';
import type { EditEventLike } from '../gas/ownerCheck';
import { t } from '../okr/core/i18n';
import { cellA1 } from '../okr/core/problems';
import { SHEET_TEXT } from './sheetMessages';

/** The edit's effect on closed rows, or null (no cycle closed: one property read, no Sheets call). */
export function closedRowEditOf(
  e: EditEventLike | undefined,
  read: { top?: unknown[][] } = {},
): ClosedRowEdit | null {
  return readClosedRowEdit(e, loadClosedCycleNames, read);
}

/** A typed cell of a closed row: put back, and the toast. */
export function revertClosedCell(edit: ClosedRowEdit): EditOutcome {
  const { decision } = edit;
  if (decision.kind !== 'revert') throw new Error('not a typed cell');
  putBack(edit);
  const cell = cellA1(edit.sheetName, decision.row, decision.column - 1);
  const toast = t(SHEET_TEXT, edit.lang, 'closed-reverted', { cycle: decision.cycle, cell });
  return { flagged: 0, recomputed: 0, toast, reverted: 1 };
}

/** A paste on closed rows: the note on each changed cell of theirs; returns the toast and the count. */
export function flagClosedCells(edit: ClosedRowEdit): { toast: string; count: number } {
  const { decision } = edit;
  if (decision.kind !== 'flag') return { toast: '', count: 0 };
  const cycle = decision.cycles.join(', ');
  const count = noteFlaggedCells(edit, t(SHEET_TEXT, edit.lang, 'closed-note', { cycle }));
  return { toast: t(SHEET_TEXT, edit.lang, 'closed-flagged', { cycle, count }), count };
}
