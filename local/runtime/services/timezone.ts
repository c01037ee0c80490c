// Wall-clock parts of an instant in an IANA time zone, and back, through Intl (real tz data).
export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  /** 1 = Monday … 7 = Sunday */
  isoWeekday: number;
  /** Offset from UTC in ms (local - UTC). */
  offsetMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(epochMs: number, tz: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, ms);
  const isoWeekday = ((new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() + 6) % 7) + 1;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms,
    isoWeekday,
    offsetMs: asUtc - epochMs,
  };
}

/** The instant at which the wall clock in `tz` reads the given time (earlier one in a DST overlap). */
export function zonedToEpoch(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let epoch = guess - zonedParts(guess, tz).offsetMs;
  const second = guess - zonedParts(epoch, tz).offsetMs;
  if (second !== epoch) epoch = Math.min(epoch, second);
  return epoch;
}
