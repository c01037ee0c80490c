// What a closed cycle asks of an owner: a short retrospective on each key result they owned in it.
import type { KeyResult } from '../core/model';
import { progressOf } from '../core/progress';
import { inClosedCycle } from './closedCycles';
import { type KeyResultResult, resultKey, retrospectiveMissing } from './results';

export interface RetrospectiveDue {
  kr: KeyResult;
  result: KeyResultResult;
  progress: number | null;
}

/**
 * The owner's key results of closed cycles that were scored when the cycle closed and have no
 * retrospective yet, in sheet order. A key result added after the close has no result: nothing is asked.
 */
export function retrospectivesDue(
  krs: readonly KeyResult[],
  owner: string,
  closed: ReadonlySet<string>,
  results: ReadonlyMap<string, KeyResultResult>,
): RetrospectiveDue[] {
  if (!owner || closed.size === 0) return [];
  const out: RetrospectiveDue[] = [];
  const seen = new Set<string>();
  for (const kr of krs) {
    if (kr.owner !== owner || !kr.id || !inClosedCycle(kr, closed)) continue;
    const key = resultKey(kr.cycle, kr.id);
    const result = results.get(key);
    if (seen.has(key) || !result || !retrospectiveMissing(result)) continue;
    seen.add(key);
    out.push({ kr, result, progress: progressOf(kr) });
  }
  return out;
}

/** Whether `owner` has any key result in a closed cycle (only then is the Results tab worth reading). */
export function ownsClosedKeyResults(
  krs: readonly KeyResult[],
  owner: string,
  closed: ReadonlySet<string>,
): boolean {
  return !!owner && closed.size > 0 && krs.some((kr) => kr.owner === owner && inClosedCycle(kr, closed));
}
