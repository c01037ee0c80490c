// The one wall-clock helper of the local runtime, its sandbox and its fixtures: what the clock on
// the wall shows in an IANA time zone at an instant, and back, through Intl (real tz data). Sheets
// keeps dates as wall times in the spreadsheet's zone, time-driven triggers fire at an hour of the
// script's zone, and Utilities.formatDate prints in a named zone: all of them go through here.

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday … 6 = Saturday (as Date.getDay). */
  weekday: number;
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  isoWeekday: number;
  /** The zone's offset from UTC at that instant, in ms (wall − UTC). */
  offsetMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_MS = 86_400_000;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a time zone. */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let weekday = 0;
  for (const x of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (x.type === 'year') year = Number(x.value);
    else if (x.type === 'month') month = Number(x.value);
    else if (x.type === 'day') day = Number(x.value);
    else if (x.type === 'hour') hour = Number(x.value) % 24;
    else if (x.type === 'minute') minute = Number(x.value);
    else if (x.type === 'second') second = Number(x.value);
    else if (x.type === 'weekday') weekday = WEEKDAYS.indexOf(x.value);
  }
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const offsetMs = Date.UTC(year, month - 1, day, hour, minute, second, ms) - epochMs;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    weekday,
    isoWeekday: weekday === 0 ? 7 : weekday,
    offsetMs,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. Where the clock goes back
 * and shows it twice, the earlier instant; where it jumps forward and never shows it, the time is
 * moved forward by the jump (02:30 on a spring-forward night is 03:30), as java.time's
 * ZonedDateTime.of resolves local times, which is what Apps Script runs on.
 * https://docs.oracle.com/javase/8/docs/api/java/time/ZonedDateTime.html#of-java.time.LocalDateTime-java.time.ZoneId-
 */
export function fromWallTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // The offset a day earlier is the one before any transition near this time. Most times are
  // settled with two lookups (Intl is the cost here: dates in a sheet pass through this).
  const before = wallTime(asUtc - DAY_MS, timeZone).offsetMs;
  const first = asUtc - before;
  const atFirst = wallTime(first, timeZone).offsetMs;
  if (atFirst === before) return first; // no transition, or the earlier of a repeated time
  const later = asUtc - atFirst;
  if (wallTime(later, timeZone).offsetMs === atFirst) return later; // after the clock went back
  return first; // a skipped time, moved forward by the jump
}
