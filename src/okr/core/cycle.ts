// Which cycle is live: the Summary tab and the weekly emails show this week's work, not history;
// and which cycle today is in, for rows that set-up, import and the sidebar's Add create.
import { DAY_MS } from './days';
import { zoneOffsetMs } from './timeZone';

/** "2026-Q4" for a time, in the spreadsheet's calendar (year and month given by the caller). */
function cycleOf(year: number, month1to12: number): string {
  return `${year}-Q${Math.floor((month1to12 - 1) / 3) + 1}`;
}

/** The cycle (e.g. 2026-Q4) of `now` in the spreadsheet's time zone. */
export function currentCycle(timeZone: string, now: number): string {
  const local = new Date(now + zoneOffsetMs(now, timeZone));
  return cycleOf(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** A cycle's items stop being shown and mailed this long after the cycle ended (late check-ins still count). */
const CYCLE_GRACE_DAYS = 14;

/** 2026-Q4, 2026 Q4, Q4 2026, 2026-H2, 2026 → when that cycle ends; null when it is not a date-like cycle. */
function cycleEnd(cycle: string): number | null {
  const c = cycle.trim().toUpperCase();
  let m = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/.exec(c) || /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(c);
  if (m) {
    const year = Number(m[1].length === 4 ? m[1] : m[2]);
    const q = Number(m[1].length === 4 ? m[2] : m[1]);
    return Date.UTC(year, q * 3, 1);
  }
  m = /^(\d{4})\s*[-/ ]?\s*H([12])$/.exec(c);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) * 6, 1);
  m = /^(?:FY)?\s*(\d{4})$/.exec(c);
  if (m) return Date.UTC(Number(m[1]) + 1, 0, 1);
  return null;
}

/** Items of a cycle that ended more than CYCLE_GRACE_DAYS ago are history, not this week's work. */
export function isLive(cycle: string, now: number): boolean {
  const end = cycleEnd(cycle);
  return end === null || end + CYCLE_GRACE_DAYS * DAY_MS > now;
}
