// Rows of a closed cycle are read-only for the add-on: its scores are final (src/okr/cycle/). Every
// write to a row (check-in, accept, decline, assign) asks here first, before anything is written.
import { inClosedCycle } from '../../okr/cycle/closedCycles';
import { RequestError } from './requests';

/** Refuses ('O1.1 belongs to 2026-Q3, which is closed') when the row's cycle is closed. */
export function requireOpenRow(
  item: { id: string; cycle: string },
  closed: ReadonlySet<string> | undefined,
): void {
  if (inClosedCycle(item, closed))
    throw new RequestError('cycle-closed', undefined, { id: item.id, cycle: item.cycle.trim() });
}
