// The onEdit simple trigger's check (src/gas/ownerCheck.ts): a pasted bad owner gets a note and a
// toast, edited values get their Progress recomputed. Every edit bumps the sheet's version, so open
// sidebars catch up (src/gas/sheetVersion.ts).
import type { EditOutcome } from '../api';
import { checkEdit, type EditEventLike } from '../gas/ownerCheck';
import { markEdited } from '../gas/sheetVersion';

/** The simple trigger. Returns what it did (for the local runtime and tests; Sheets ignores it). */
export function handleEdit(e: EditEventLike | undefined): EditOutcome | null {
  let outcome: EditOutcome | null = null;
  try {
    outcome = checkEdit(e);
    return outcome;
  } finally {
    if (e?.range) markEdited(outcome !== null);
  }
}
