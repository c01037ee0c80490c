// A new owner typed or pasted into the Owner cell must be asked: the onEdit trigger clears the
// Accepted cell of each edited key result whose owner changed, and logs a "cleared" step in the
// Agreements log. Only rows that show an acceptance are looked at (a pending key result already
// asks its owner, and the log's state ignores an owner it does not know), so an Owner edit of
// pending rows costs no read more. The previous owner is Google's oldValue for a one-cell edit; a
// paste has none (https://developers.google.com/apps-script/guides/triggers/events#edit), so the
// log says whose acceptance it is, and without a log entry it cannot be the new owner's.
import { appendAgreementSteps, readAgreementLog } from '../gas/agreementLog';
import { planBlocks, writeBlocks } from '../gas/okrWrites';
import type { EditEventLike, SheetEdit } from '../gas/ownerCheck';
import { now } from '../gas/session';
import type { KeyResult } from '../okr/core/model';
import { clearedEntry } from '../okr/ownership/agreementLog';
import { entriesById, entriesOf } from '../okr/ownership/agreementState';
import { oldValueOf } from './sheetEditLog';

const ownerOf = (kr: KeyResult) => kr.owner ?? kr.ownerText.trim().toLowerCase();

/** Returns how many key results' acceptance was cleared. */
export function clearAcceptanceOfNewOwners(
  edit: SheetEdit,
  e: EditEventLike,
  edited: KeyResult[],
  by: string,
): number {
  const accepted = edit.layout.columns.accepted;
  const shown = edited.filter((kr) => kr.accepted !== null);
  if (accepted === undefined || shown.length === 0) return 0;
  const old = oldValueOf(edit.singleCell, e)?.trim().toLowerCase() ?? null;
  // A one-cell edit that keeps the owner needs nothing read.
  if (old !== null && shown.every((kr) => ownerOf(kr) === old)) return 0;
  const log = readAgreementLog(edit.ss);
  const byId = entriesById(log?.entries ?? []);
  const changed = shown.filter((kr) => {
    if (old !== null) return ownerOf(kr) !== old;
    const entries = kr.id ? entriesOf(byId, kr.id) : [];
    return entries.length === 0 || entries[entries.length - 1].owner !== ownerOf(kr);
  });
  if (changed.length === 0) return 0;
  if (log) {
    const time = now();
    const entries = changed
      .filter((kr) => kr.id)
      .map((kr) => clearedEntry(kr.id, ownerOf(kr), by, time, 'edit', edit.lang));
    appendAgreementSteps(log, entries, edit.lang);
  }
  writeBlocks(
    edit.sheet,
    planBlocks(
      edit.layout.columns,
      changed.map((kr) => ({ row: kr.row, patch: { accepted: null } })),
      () => '',
    ),
  );
  return changed.length;
}
