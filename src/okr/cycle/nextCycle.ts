// The cycle after a given one, for rolling unfinished key results over: the sheet's own cycle that
// starts when this one ends (named as the sheet names it), else the next name in the same spelling
// (2026-Q4 → 2027-Q1, FY2026-H2 → FY2027-H1, 2026年度 上期 → 2026年度 下期, FY2026 → FY2027).
import { CALENDAR_YEAR, type CycleCalendar, cycleSpan } from '../core/cycle';

function bumped(name: string): string | null {
  const n = name.trim();
  const quarter = /^(.*?)(\d{4})(.*?)([1-4])(.*)$/.exec(n);
  const asQuarter = (q: number, year: number) =>
    quarter ? `${quarter[1]}${year}${quarter[3]}${q}${quarter[5]}` : null;
  if (quarter && /Q|四半期/i.test(n)) {
    const year = Number(quarter[2]);
    const q = Number(quarter[4]);
    return q < 4 ? asQuarter(q + 1, year) : asQuarter(1, year + 1);
  }
  const half = /^(.*?)(\d{4})(.*?H)([12])(.*)$/i.exec(n);
  if (half) {
    const year = Number(half[2]);
    return half[4] === '1'
      ? `${half[1]}${year}${half[3]}2${half[5]}`
      : `${half[1]}${year + 1}${half[3]}1${half[5]}`;
  }
  const jaHalf = /^(.*?)(\d{4})(.*?)(上|下)(半?期.*)$/.exec(n);
  if (jaHalf) {
    const year = Number(jaHalf[2]);
    return jaHalf[4] === '上'
      ? `${jaHalf[1]}${year}${jaHalf[3]}下${jaHalf[5]}`
      : `${jaHalf[1]}${year + 1}${jaHalf[3]}上${jaHalf[5]}`;
  }
  const year = /^(.*?)(\d{4})(.*)$/.exec(n);
  return year ? `${year[1]}${Number(year[2]) + 1}${year[3]}` : null;
}

/** The next cycle's name; null when `name` is not date-like (the Lead then types one). */
export function nextCycleName(
  name: string,
  names: Iterable<string>,
  calendar: CycleCalendar = CALENDAR_YEAR,
): string | null {
  const span = cycleSpan(name, calendar);
  if (!span) return null;
  const following = [...new Set([...names].map((x) => x.trim()).filter(Boolean))]
    .map((x) => cycleSpan(x, calendar))
    .filter((s): s is NonNullable<typeof s> => s !== null && s.start === span.end)
    .sort((a, b) => a.end - b.end)[0];
  if (following) return following.name;
  const next = bumped(name);
  // Only a name that means the period right after this one (a bumped name of another shape is not).
  const nextSpan = next ? cycleSpan(next, calendar) : null;
  return next && nextSpan && nextSpan.start === span.end ? next : null;
}
