// Wall-clock times in the spreadsheet's time zone. Sheets schedules (the weekly email's day and hour)
// are in the spreadsheet's zone, so "advance to Monday 10:00" must mean 10:00 there, not on this machine.
// The zone arithmetic is the runtime's (wallClock.ts); this file only reads and prints it for the page.
import { fromWallTime, wallTime } from '../runtime/wallClock';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Parses "YYYY-MM-DDTHH:MM" (a datetime-local value) as a wall time in `tz`; ISO with an offset as is. */
export function parseWallTime(text: string, tz: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (m) return fromWallTime(tz, +m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** The next time strictly after `after` when it is `isoWeekday` at hour:00 in `tz`. */
export function nextWeekdayAt(after: number, tz: string, isoWeekday: number, hour: number): number {
  const w = wallTime(after, tz);
  for (let i = 0; i <= 7; i++) {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + i));
    const iso = ((d.getUTCDay() + 6) % 7) + 1;
    if (iso !== isoWeekday) continue;
    const at = fromWallTime(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, 0);
    if (at > after) return at;
  }
  return fromWallTime(tz, w.year, w.month, w.day + 7, hour, 0);
}

/** "Mon 2026-11-30 10:00 (America/New_York)", the way the clock panel shows virtual time. */
export function formatWallTime(at: number, tz: string): string {
  const w = wallTime(at, tz);
  const name = WEEKDAY_NAMES[w.weekday];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${name} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The value of a datetime-local input showing `at` in `tz`. */
export function toWallInput(at: number, tz: string): string {
  const w = wallTime(at, tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The one rule for moving the virtual clock, shared by the page's Advance and `okr-sandbox tick`:
 * it only moves forward (triggers that already fired cannot fire again). The refusal, or undefined.
 */
export function clockMoveRefusal(until: number, now: number, tz: string): string | undefined {
  if (until >= now) return undefined;
  return `The clock only moves forward: ${formatWallTime(until, tz)} is before the virtual time now, ${formatWallTime(now, tz)} (${tz}). Pick a later time.`;
}
