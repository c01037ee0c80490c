// Wall-clock arithmetic in the spreadsheet's time zone, without any service call: the hourly tick
// must decide "is the weekly run due?" from stored state alone, so it cannot ask
// Utilities.formatDate. Apps Script's V8 runtime ships ICU, so Intl.DateTimeFormat knows every IANA
// zone (src/okr/timeZone.ts). https://developers.google.com/apps-script/guides/v8-runtime
import { DAY_MS, WEEK_MS } from '../core/days';
import { wallClock, zonedTime } from '../core/timeZone';

export interface LocalTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  isoWeekday: number;
}

/** An unknown zone falls back to UTC rather than stopping the weekly run. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  const tz = String(timeZone || '');
  if (!tz) return 'UTC';
  try {
    wallClock(0, tz);
    return tz;
  } catch (_e) {
    return 'UTC';
  }
}

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const { year, month, day, hour, minute } = wallClock(epochMs, safeTimeZone(timeZone));
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, isoWeekday: dow === 0 ? 7 : dow };
}

/** The instant the wall clock in `timeZone` reads the given time (timeZone.ts zonedTime decides DST gaps and overlaps). */
export function epochOfLocal(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  return zonedTime(year, month, day, hour, minute, 0, safeTimeZone(timeZone));
}

/** A calendar date (no time zone) shifted by whole days. */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 week of a calendar date, e.g. "2026-W48" (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeekOf(year: number, month: number, day: number): string {
  const date = Date.UTC(year, month - 1, day);
  const dow = new Date(date).getUTCDay() || 7;
  const thursday = new Date(date + (4 - dow) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / WEEK_MS) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** "2026-11-23" in the given zone. */
export function localDateText(epochMs: number, timeZone: string): string {
  const l = localTime(epochMs, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}
