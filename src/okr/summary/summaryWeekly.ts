// Progress per objective over the cycle's weeks, for the Objectives table's Trend column: where
// each objective stood at the end of each week, from the Check-ins log (what each key result last
// logged by then), and today from the sheet itself (so the last point agrees with the objectives
// table). An objective's figure is objectiveProgress over its key results, the one rule; a key result
// with nothing logged yet by a week's end is left out of that week, not counted as 0.
import { currentCycle, cycleSpan } from '../core/cycle';
import { DAY_MS, WEEK_MS } from '../core/days';
import type { KeyResult } from '../core/model';
import type { ProgressEntry } from '../core/parse';
import { objectiveProgress, progressOf } from '../core/progress';
import type { SummaryScope } from './summaryScope';

/** Points on a trend's axis (weeks, today last): a line in one cell stays readable with this many. */
export const WEEKLY_POINTS = 9;

export interface SummaryWeekly {
  /** The cycle the axis spans ('' when no cycle name is date-like: the last weeks up to today). */
  cycle: string;
  /** The moments shown (week ends, the last one today), oldest first; at most WEEKLY_POINTS. */
  points: number[];
  rows: Array<{ id: string; title: string; progress: Array<number | null> }>;
}

/** Week ends from the cycle's start up to today (or the cycle's end), today last; evenly thinned to `max`. */
export function weekPoints(start: number, end: number, now: number, max = WEEKLY_POINTS): number[] {
  const limit = Math.min(now, end);
  const points: number[] = [];
  for (let t = start + WEEK_MS; t < limit; t += WEEK_MS) points.push(t);
  if (limit > start) points.push(limit);
  if (points.length <= max) return points;
  // First and last kept; the rest evenly spread (a year of weeks still reads as a line).
  return Array.from({ length: max }, (_, i) => points[Math.round((i * (points.length - 1)) / (max - 1))]);
}

/** Each key result's logged progress, oldest first (ties: later rows later). */
function progressLogs(
  checkIns: readonly ProgressEntry[],
): Map<string, Array<{ time: number; progress: number }>> {
  const byId = new Map<string, Array<{ time: number; progress: number; row: number }>>();
  for (const c of checkIns) {
    if (c.progress === null || !Number.isFinite(c.progress) || !Number.isFinite(c.time)) continue;
    const list = byId.get(c.id) ?? [];
    list.push({ time: c.time, progress: c.progress, row: c.row });
    byId.set(c.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => a.time - b.time || a.row - b.row);
  return byId;
}

/** The last progress logged at or before `time`; null when none. */
function loggedAt(
  log: ReadonlyArray<{ time: number; progress: number }> | undefined,
  time: number,
): number | null {
  if (!log) return null;
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid].time <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : log[lo - 1].progress;
}

export function summaryWeekly(scope: SummaryScope, cycles: readonly string[]): SummaryWeekly | null {
  const { now, checkIns } = scope.input;
  if (!scope.objectives.length) return null;
  // The weeks of the cycle the Summary shows, dated with the fiscal-year setting (scope.calendar).
  const span = scope.cycle
    ? cycleSpan(scope.cycle, scope.calendar)
    : currentCycle(cycles, now, scope.calendar);
  const start = span ? span.start : now - WEEKLY_POINTS * WEEK_MS;
  const end = span ? span.end : now + DAY_MS;
  const points = weekPoints(start, end, now);
  if (points.length < 2) return null;
  const logs = progressLogs(checkIns);
  const last = points.length - 1;
  const at = (kr: KeyResult, i: number) =>
    // Today is the sheet's own figure (a Current typed without a check-in counts too).
    i === last && points[last] === now ? progressOf(kr) : loggedAt(logs.get(kr.id), points[i]);
  const rows = scope.objectives.map((o) => {
    const krs = (o.id && scope.krsOf.get(o.id)) || [];
    return {
      id: o.id,
      title: o.title,
      progress: points.map((_, i) => objectiveProgress(krs.map((kr) => ({ progress: at(kr, i) })))),
    };
  });
  // Nothing logged before today anywhere: a line of one point says nothing.
  if (!rows.some((r) => r.progress.slice(0, last).some((p) => p !== null))) return null;
  return { cycle: span?.name ?? '', points, rows };
}
