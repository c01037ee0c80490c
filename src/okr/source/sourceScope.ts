// Which key results have their Source read: those of a live cycle (core/cycle.ts isLive) that no
// Lead has closed. A closed cycle's rows are the graded record, so its Sources are not read any more
// (nor checked: a Source left on a closed row is history, not a fault). One rule for the weekly
// run, the Lead's "update every key result" and Check problems.
import { isLive } from '../core/cycle';
import type { KeyResult } from '../core/model';
import { inClosedCycle } from '../cycle/closedCycles';

export function readsItsSource(kr: KeyResult, now: number, closed: ReadonlySet<string> | undefined): boolean {
  return isLive(kr.cycle, now) && !inClosedCycle(kr, closed);
}
