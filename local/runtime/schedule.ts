// When a time-driven trigger fires next.
// https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
// Google may randomize the time ("a recurring 9 a.m. trigger … runs between 9 a.m. and 10 a.m.");
// here every trigger fires at the start of its window (atHour → h:00, or h:nearMinute), so runs
// are deterministic. Interval triggers fire every n minutes/hours counted from their creation.

import type { TriggerRecord } from './types';
import { fromWallTime, wallTime } from './wallClock';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

/** The first fire time strictly after `after`, or undefined when the trigger never fires again. */
export function nextFireAfter(t: TriggerRecord, after: number, scriptTz: string): number | undefined {
  if (t.at !== undefined) return t.at > after ? t.at : undefined;
  const step = t.everyMinutes ? t.everyMinutes * MIN : t.everyHours ? t.everyHours * HOUR : 0;
  if (step) {
    const k = Math.floor((after - t.createdAt) / step) + 1;
    return t.createdAt + Math.max(1, k) * step;
  }
  const tz = t.timeZone ?? scriptTz;
  const created = wallTime(t.createdAt, tz);
  const hour = t.atHour ?? created.hour;
  const minute = t.nearMinute ?? 0;
  const createdDay = dayNumber(created.year, created.month, created.day);
  const start = wallTime(after, tz);
  // Walk forward day by day (at most a few years) until a matching day's fire time is after `after`.
  for (let i = -1; i < 800; i++) {
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth() + 1;
    const da = d.getUTCDate();
    const dn = dayNumber(y, mo, da);
    const iso = ((d.getUTCDay() + 6) % 7) + 1;
    let matches: boolean;
    if (t.onMonthDay !== undefined) matches = da === t.onMonthDay;
    else if (t.everyWeeks !== undefined || t.onWeekDay !== undefined) {
      const weekday = t.onWeekDay ?? created.isoWeekday;
      const weeks = Math.floor((dn - createdDay) / 7);
      matches = iso === weekday && weeks % (t.everyWeeks ?? 1) === 0;
    } else {
      matches = (dn - createdDay) % (t.everyDays ?? 1) === 0;
    }
    if (!matches) continue;
    const at = fromWallTime(tz, y, mo, da, hour, minute);
    if (at > after && at > t.createdAt) return at;
  }
  return undefined;
}

/**
 * With options.triggerJitter, an atHour trigger fires somewhere in its hour, as Google's may
 * ("Apps Script chooses a time between 9 a.m. and 10 a.m."); deterministic per trigger and day.
 */
export function jitterMs(t: TriggerRecord, scheduledAt: number): number {
  if (t.atHour === undefined) return 0;
  let h = 2166136261;
  for (const ch of `${t.id}:${scheduledAt}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % HOUR;
}
