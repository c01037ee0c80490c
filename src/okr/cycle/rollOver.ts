// Rolling unfinished key results over into the next cycle: which are carried, and the new IDs they
// and their objectives get (the one ID rule, core/ids.ts). A carried key result is a new row linked to
// the old one by its Previous ID (the "Carried from" column): the old row and its check-ins stay as
// they were, so its history is kept and followed through the link. The owner is kept, but the
// agreement is not: the new row is not accepted, so owner and target are agreed again.
import { nextKeyResultId, nextObjectiveId, sameId } from '../core/ids';
import type { KeyResult, Objective } from '../core/model';
import { progressOf } from '../core/progress';
import { keyResultsOfCycle } from './results';

/** Unfinished: progress below 100 % (or unknown). A finished key result is done, not carried. */
export function isUnfinished(kr: KeyResult): boolean {
  const p = progressOf(kr);
  return p === null || p < 100;
}

export interface CarriedObjective {
  id: string;
  from: Objective;
}

export interface CarriedKeyResult {
  id: string;
  /** The (new or already carried) objective it goes under, in the next cycle. */
  objectiveId: string | null;
  from: KeyResult;
  /** The baseline of the new cycle: the last value (Current, else Start). */
  baseline: number | null;
}

export interface RollOverPlan {
  objectives: CarriedObjective[];
  keyResults: CarriedKeyResult[];
  /** Asked-for key results not carried, and why. */
  skipped: Array<{ id: string; why: 'finished' | 'carried' | 'not-in-cycle' }>;
}

/**
 * The plan to carry `ids` (null = every unfinished key result) of cycle `from` into `to`.
 * `previous` maps each row's ID to its Previous ID cell: a key result that some row of `to` was
 * already carried from is not carried twice, and an objective already carried is reused.
 */
export function planRollOver(
  okrs: { objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
  previous: ReadonlyMap<string, string>,
  from: string,
  to: string,
  ids: readonly string[] | null,
): RollOverPlan {
  const inCycle = keyResultsOfCycle(okrs.keyResults, from);
  const inTarget = [...okrs.objectives, ...okrs.keyResults].filter((i) => i.cycle.trim() === to.trim());
  const carriedFrom = new Map<string, string>();
  for (const item of inTarget) {
    const p = previous.get(item.id);
    if (p) carriedFrom.set(p, item.id);
  }
  const skipped: RollOverPlan['skipped'] = [];
  const asked = ids === null ? inCycle : [];
  if (ids !== null) {
    for (const id of ids) {
      const kr = inCycle.find((k) => sameId(k.id, id));
      if (kr) asked.push(kr);
      else skipped.push({ id, why: 'not-in-cycle' });
    }
  }
  const taken = [...okrs.objectives, ...okrs.keyResults].map((i) => i.id).filter(Boolean);
  const objectives: CarriedObjective[] = [];
  const keyResults: CarriedKeyResult[] = [];
  const objectiveFor = new Map<string, string>();
  for (const kr of asked) {
    if (carriedFrom.has(kr.id)) {
      if (ids !== null) skipped.push({ id: kr.id, why: 'carried' });
      continue;
    }
    if (!isUnfinished(kr)) {
      if (ids !== null) skipped.push({ id: kr.id, why: 'finished' });
      continue;
    }
    let objectiveId: string | null = null;
    const old = kr.objectiveId ? okrs.objectives.find((o) => o.id === kr.objectiveId) : undefined;
    if (old) {
      objectiveId = objectiveFor.get(old.id) ?? carriedFrom.get(old.id) ?? null;
      if (!objectiveId) {
        objectiveId = nextObjectiveId(taken);
        taken.push(objectiveId);
        objectives.push({ id: objectiveId, from: old });
      }
      objectiveFor.set(old.id, objectiveId);
    }
    const id = objectiveId ? nextKeyResultId(objectiveId, taken) : nextObjectiveId(taken);
    taken.push(id);
    keyResults.push({ id, objectiveId, from: kr, baseline: kr.current ?? kr.start });
  }
  return { objectives, keyResults, skipped };
}
