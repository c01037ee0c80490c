// The Results tab is the graded record of a closed cycle (results.ts): the score computed from each
// key result's progress when the cycle closed. A closed cycle's row whose score now differs from
// that record was edited after the close (typed or pasted while the onEdit trigger did not run, or a
// paste it could only flag); a key result of a closed cycle with no record at all was added or moved
// into it afterwards. Compared with the one score rule (core/progress.ts), as closing computed it.
// A record whose key result is no longer in its closed cycle (its Cycle cell pasted over, or the row
// deleted) is listed too: the record outlives the row (leftClosedCycle). What is compared is the
// score and the membership, nothing else: an Owner or Title changed while the score stays the same
// is not listed.
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

export interface LeftClosedCycle {
  id: string;
  /** The closed cycle the Results tab scored it in. */
  cycle: string;
  /** The row that has the ID now (in another cycle); null when no row has it. */
  kr: KeyResult | null;
  /** The record's ID cell on the Results tab, when no row has the ID. */
  at?: { row: number; column: number };
}

/** Each Results record of a closed cycle that no key result of that cycle carries any more. */
export function leftClosedCycle(
  keyResults: readonly KeyResult[],
  results: ReadonlyMap<string, KeyResultResult>,
  closed: ReadonlySet<string> | undefined,
): LeftClosedCycle[] {
  if (!closed || closed.size === 0) return [];
  const present = new Set(keyResults.filter((k) => k.id).map((k) => resultKey(k.cycle, k.id)));
  const out: LeftClosedCycle[] = [];
  for (const [key, r] of results) {
    if (present.has(key) || !inClosedCycle({ cycle: r.cycle }, closed)) continue;
    const kr = keyResults.find((k) => k.id.trim() === r.id) ?? null;
    out.push(kr ? { id: r.id, cycle: r.cycle, kr } : { id: r.id, cycle: r.cycle, kr: null, at: r.at });
  }
  return out;
}
