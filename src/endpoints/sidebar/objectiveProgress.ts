// The objective's Progress cell, rewritten with every write that changes one of its key results'
// progress (check-in, a typed Current), so the OKRs tab agrees with the Summary and the emails.
import type { KeyResult, OkrSheet } from '../../okr/core/model';
import { objectiveProgress, progressOf } from '../../okr/core/progress';
import type { WritePlan } from './checkIn';

/**
 * The objective's Progress as a write to its key result `kr` leaves it, so the OKRs tab never shows
 * an older figure than the Summary and the emails: objectiveProgress (the one rule) over the
 * objective's key results, `kr` at the figure the plan writes. Null when the plan changes no
 * progress or `kr` has no objective in `okrs`.
 */
export function planObjectiveProgress(
  okrs: Pick<OkrSheet, 'objectives' | 'keyResults'>,
  kr: KeyResult,
  plan: WritePlan,
): { plan: WritePlan; row: number } | null {
  const written = plan.patch.progress;
  if (written === undefined || !kr.objectiveId) return null;
  // As the Summary groups them (src/okr/summary/summaryScope.ts): by the Parent's exact ID.
  const objective = okrs.objectives.find((o) => o.id === kr.objectiveId);
  if (!objective) return null;
  const krs = okrs.keyResults.filter((k) => k.objectiveId === objective.id);
  const progress = objectiveProgress(
    krs.map((k) => ({ progress: k.row === kr.row ? (written as number | null) : progressOf(k) })),
  );
  return { plan: { id: objective.id, patch: { progress }, log: null }, row: objective.row };
}
