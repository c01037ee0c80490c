// The wall clock in a time zone, for the pure code that reads dates typed in the spreadsheet's zone,
// writes dates in it, and decides when the weekly run is due (without a service call). Apps Script's
// V8 runtime ships ICU, so Intl.DateTimeFormat knows every IANA zone.
// https://developers.google.com/apps-script/guides/v8-runtime
import { DAY_MS } from './days';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Constructing a DateTimeFormat costs far more than formatting with one: one per zone, kept. */
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone, so nothing is cached for it.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      // hourCycle is missing from the ES2019 typings this project compiles against (V8 has it).
    } as Intl.DateTimeFormatOptions);
    formats.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `epochMs`. Throws for an unknown zone: each caller has its fallback. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of format(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some engines print midnight as hour 24 even with h23.
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The offset (ms) of `timeZone` from UTC at the instant `utcMs`; 0 when the zone is unknown. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  try {
    const w = wallClock(utcMs, timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(utcMs / 1000) * 1000;
  } catch (_e) {
    return 0;
  }
}

/** Zones change their offset at most once in two days, so the day before and after bracket any change. */
const AROUND_MS = DAY_MS;

/**
 * Epoch ms at which the wall clock in `timeZone` reads the given time: the ONE conversion for dates
 * typed in the sheet and for the weekly run's schedule (an unknown zone reads as UTC). Around a
 * daylight-saving change it does what Google Sheets and a JS Date built from local parts do, Temporal's
 * 'compatible' disambiguation (https://tc39.es/proposal-temporal/docs/zoneddatetime.html#ambiguity):
 * a time the clocks skip moves forward by the gap (London 01:30 on the day clocks go forward is 02:30
 * BST); a time that happens twice is the earlier of the two (01:30 BST, not 01:30 GMT).
 */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = wanted - zoneOffsetMs(wanted - AROUND_MS, timeZone);
  const after = wanted - zoneOffsetMs(wanted + AROUND_MS, timeZone);
  const reads = (epoch: number) => epoch + zoneOffsetMs(epoch, timeZone) === wanted;
  // Both exist in an overlap: the earlier. Neither exists in a gap: the offset from before the gap,
  // which lands the length of the gap later on the clock.
  const valid = [before, after].filter(reads);
  return valid.length ? Math.min(...valid) : before;
}
