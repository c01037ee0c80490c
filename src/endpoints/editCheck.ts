// The onEdit simple trigger's check (src/gas/ownerCheck.ts): a pasted bad owner gets a note and a
// toast, edited values get their Progress recomputed.
import type { EditOutcome } from '../api';
import { checkEdit, type EditEventLike } from '../gas/ownerCheck';

/** The simple trigger. Returns what it did (for the local runtime and tests; Sheets ignores it). */
export function handleEdit(e: EditEventLike | undefined): EditOutcome | null {
  return checkEdit(e);
}
