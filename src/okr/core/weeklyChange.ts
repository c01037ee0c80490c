// "Change since last week": how many progress points a key result, or an objective, gained (or lost)
// over the last seven days, read from the Check-ins log. The Summary tab, the owner email and the
// leadership email all show it, and all call these functions.

import { WEEK_MS } from './days';
import type { CheckIn } from './model';
import { exactPercent } from './progress';

/** What the change needs of a check-in: when, which key result, and the progress it recorded. */
export type LoggedProgress = Pick<CheckIn, 'time' | 'id' | 'progress'>;

/** What the log says about one key result. */
export interface KeyResultLog {
  /** Time of the latest check-in. */
  last: number;
  /** The last logged progress at or before a week ago (the baseline of "change"); null when none. */
  baseline: number | null;
  baselineTime: number;
}

/**
 * One pass over the log (the longest tab: a row per check-in, for years), without grouping or sorting
 * it. Rows are not assumed to be in time order: the latest time wins, and of two check-ins at the
 * same time the one further down the log wins (it was written later). A check-in without a readable
 * progress is no baseline.
 */
export function keyResultLogs(checkIns: readonly LoggedProgress[], now: number): Map<string, KeyResultLog> {
  const weekAgo = now - WEEK_MS;
  const byId = new Map<string, KeyResultLog>();
  for (const c of checkIns) {
    if (!c.id || !Number.isFinite(c.time)) continue;
    let facts = byId.get(c.id);
    if (!facts) {
      facts = { last: c.time, baseline: null, baselineTime: Number.NEGATIVE_INFINITY };
      byId.set(c.id, facts);
    } else if (c.time > facts.last) facts.last = c.time;
    if (
      c.time <= weekAgo &&
      c.progress !== null &&
      Number.isFinite(c.progress) &&
      c.time >= facts.baselineTime
    ) {
      facts.baseline = c.progress;
      facts.baselineTime = c.time;
    }
  }
  return byId;
}

/** A change as it is shown: in tenths of a point, rounded once, from exact figures. */
function tenths(points: number): number {
  return Math.round(points * 10) / 10;
}

/** Points a key result moved since a week ago; null when its progress or its baseline is unknown. */
export function keyResultChange(progress: number | null, baseline: number | null): number | null {
  return progress === null || baseline === null ? null : tenths(exactPercent(progress - baseline));
}

/**
 * Points an objective moved since a week ago: its progress now (the mean of its key results) minus
 * its progress a week ago, which is what a reader comparing last week's Summary with this week's
 * expects. A week ago each key result stood at its baseline; one nobody checked in before last week
 * stood, as far as anyone knows, where it is now (it counts as unchanged, so one key result moving
 * 10 points in an objective of two moves the objective 5, as its progress bar did). Key results
 * without progress are not in the mean, then or now. With no baseline at all the change is unknown
 * (null), not zero. Summed exactly and rounded once (rounding each key result first drifted).
 */
export function objectiveChange(
  keyResults: ReadonlyArray<{ progress: number | null; baseline: number | null }>,
): number | null {
  let known = 0;
  let moved = 0;
  let counted = 0;
  for (const kr of keyResults) {
    if (kr.progress === null) continue;
    counted += 1;
    if (kr.baseline === null) continue;
    known += 1;
    moved += kr.progress - kr.baseline;
  }
  return known === 0 ? null : tenths(exactPercent(moved / counted));
}

/** The later of the row's Last check-in and the log's latest check-in. */
export function lastCheckIn(sheet: number | null, logged: number | null): number | null {
  if (sheet === null) return logged;
  return logged === null ? sheet : Math.max(sheet, logged);
}
