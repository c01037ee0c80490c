// Which key results have their Source read: those of an open cycle (core/cycle.ts openCycleFilter:
// not over on the team's calendar, fiscal-year start included, and not closed by a Lead). A closed
// cycle's rows are the graded record, so its Sources are not read any more (nor checked: a Source
// left on a closed row is history, not a fault). One rule for the weekly run, a Lead's
// updateAllFromSources (a google.script.run endpoint, the same update on demand) and Check problems.
import { type CycleCalendar, openCycleFilter } from '../core/cycle';
import type { KeyResult } from '../core/model';

/** The key results whose Source one operation reads; each Cycle name is judged once. */
export function readsItsSource(
  now: number,
  calendar: CycleCalendar,
  closed: ReadonlySet<string> | undefined,
): (kr: Pick<KeyResult, 'cycle'>) => boolean {
  const isOpen = openCycleFilter(now, calendar, closed);
  return (kr) => isOpen(kr.cycle);
}
