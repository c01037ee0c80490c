// The wall clock in a time zone, for the pure code that reads dates typed in the spreadsheet's zone,
// writes dates in it, and decides when the weekly run is due (without a service call). Apps Script's
// V8 runtime ships ICU, so Intl.DateTimeFormat knows every IANA zone.
// https://developers.google.com/apps-script/guides/v8-runtime

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
