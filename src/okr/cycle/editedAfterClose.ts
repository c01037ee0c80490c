// The Results tab is the graded record of a closed cycle (results.ts): the score computed from each
// key result's progress when the cycle closed. A closed cycle's row whose score now differs from
// that record was edited after the close (typed or pasted while the onEdit trigger did not run, or a
// paste it could only flag); a key result of a closed cycle with no record at all was added or moved
// into it afterwards. Compared with the one score rule (core/progress.ts), as closing computed it.
// Nothing is said while the cycle is open again (reopened), nor about a cycle with no record at all
// (its Results rows were deleted: there is nothing to compare with).
import type { KeyResult } from '../core/model';
import { progressOf, score } from '../core/progress';
import { inClosedCycle } from './closedCycles';
import { type KeyResultResult, resultKey } from './results';

export interface EditedAfterClose {
  kr: KeyResult;
  cycle: string;
  /** The score recorded at close; undefined when the Results tab has no record of this key result. */
  recorded?: number | null;
  /** The score of the row as it is now. */
  now: number | null;
}

export function editedAfterClose(
  keyResults: readonly KeyResult[],
  results: ReadonlyMap<string, KeyResultResult>,
  closed: ReadonlySet<string> | undefined,
): EditedAfterClose[] {
  if (!closed || closed.size === 0) return [];
  const recordedCycles = new Set([...results.values()].map((r) => r.cycle));
  const seen = new Set<string>();
  const out: EditedAfterClose[] = [];
  for (const kr of keyResults) {
    if (!kr.id || !inClosedCycle(kr, closed)) continue;
    const cycle = kr.cycle.trim();
    const key = resultKey(cycle, kr.id);
    // A duplicate ID is the validator's id-duplicate; its first row is the one closing scored.
    if (seen.has(key)) continue;
    seen.add(key);
    const now = score(progressOf(kr));
    const result = results.get(key);
    if (!result) {
      if (recordedCycles.has(cycle)) out.push({ kr, cycle, now });
    } else if (result.computed !== now) out.push({ kr, cycle, recorded: result.computed, now });
  }
  return out;
}
