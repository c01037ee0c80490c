// Cycles: what a cycle name means in time, which cycle is current, which is live, and where a key
// result should be by now (pace). Every consumer (sidebar, Summary, weekly emails, and the rows that
// set-up, import and Add create) asks here.
import { DAY_MS } from './days';
import { DEFAULT_SETTINGS, type KeyResult, type Settings } from './model';
import { progressOf } from './progress';
import { zonedTime, zoneOffsetMs } from './timeZone';

/** The calendar quarter (e.g. 2026-Q4) `now` is in, in the spreadsheet's time zone: a new row's cycle. */
export function todaysQuarter(timeZone: string, now: number): string {
  const local = new Date(now + zoneOffsetMs(now, timeZone));
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** A cycle's items stop being shown and mailed this long after the cycle ended (late check-ins still count). */
const CYCLE_GRACE_DAYS = 14;

/** A cycle in time: from `start` (inclusive) to `end` (exclusive), epoch ms. */
export interface CycleSpan {
  name: string;
  start: number;
  end: number;
}

export interface CycleCalendar {
  /**
   * The month (1–12) the team's fiscal year starts in. FY2026 / 2026年度 is the fiscal year that
   * starts in that month of 2026 (the Japanese 年度 convention); its quarters and halves count from
   * that month. With 1 (January), fiscal and calendar years are the same.
   */
  fiscalYearStartMonth: number;
  /** The spreadsheet's time zone: a cycle starts at local midnight. */
  timeZone: string;
}

export const CALENDAR_YEAR: CycleCalendar = { fiscalYearStartMonth: 1, timeZone: 'UTC' };

/** Full-width digits and letters (２０２６年度 Ｑ１) read as their ASCII forms. */
function ascii(text: string): string {
  return text.normalize('NFKC');
}

/** [year, first month of the period counted from the fiscal start (0-based), months long] */
type Period = [year: number, offsetMonths: number, months: number];

const QUARTER = [
  /^(?:FY\s*)?(\d{4})\s*(?:年度|年)?\s*[-/ ]?\s*Q([1-4])$/,
  /^Q([1-4])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})(?:年度)?$/,
  /^(\d{4})\s*(?:年度|年)?\s*第?([1-4])四半期$/,
  /^(\d{4})\s*(?:年度|年)?\s*([1-4])Q$/,
];
const HALF = [
  /^(?:FY\s*)?(\d{4})\s*(?:年度|年)?\s*[-/ ]?\s*H([12])$/,
  /^H([12])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})$/,
];
const JA_HALF = /^(\d{4})\s*(?:年度|年)?\s*(上期|下期|上半期|下半期)$/;
const YEAR = /^(?:FY\s*)?(\d{4})\s*(?:年度)?$/;

/** The period a cycle name names, or null when the name is not date-like ("Launch", "Sprint 4"). */
function periodOf(name: string): Period | null {
  const c = ascii(name).trim().toUpperCase();
  for (const re of QUARTER) {
    const m = re.exec(c);
    if (!m) continue;
    const yearFirst = m[1].length === 4;
    const year = Number(yearFirst ? m[1] : m[2]);
    const q = Number(yearFirst ? m[2] : m[1]);
    return [year, (q - 1) * 3, 3];
  }
  for (const re of HALF) {
    const m = re.exec(c);
    if (!m) continue;
    const yearFirst = m[1].length === 4;
    return [Number(yearFirst ? m[1] : m[2]), (Number(yearFirst ? m[2] : m[1]) - 1) * 6, 6];
  }
  const half = JA_HALF.exec(c);
  if (half) return [Number(half[1]), half[2].startsWith('上') ? 0 : 6, 6];
  const year = YEAR.exec(c);
  if (year) return [Number(year[1]), 0, 12];
  return null;
}

/** The local midnight that starts month `monthIndex` (0-based, may run past 11) of `year`. */
function monthStart(year: number, monthIndex: number, timeZone: string): number {
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return zonedTime(y, m + 1, 1, 0, 0, 0, timeZone);
}

/** 2026-Q4, Q4 2026, FY2026-H1, 2026年度 第1四半期, 2026年度 上期, 2026 … → its span; null when not date-like. */
export function cycleSpan(name: string, calendar: CycleCalendar = CALENDAR_YEAR): CycleSpan | null {
  const period = periodOf(name);
  if (!period) return null;
  const [year, offset, months] = period;
  const first = calendar.fiscalYearStartMonth - 1 + offset;
  return {
    name: name.trim(),
    start: monthStart(year, first, calendar.timeZone),
    end: monthStart(year, first + months, calendar.timeZone),
  };
}

/** Items of a cycle that ended more than CYCLE_GRACE_DAYS ago are history, not this week's work. */
export function isLive(cycle: string, now: number, calendar: CycleCalendar = CALENDAR_YEAR): boolean {
  const span = cycleSpan(cycle, calendar);
  return span === null || span.end + CYCLE_GRACE_DAYS * DAY_MS > now;
}

/**
 * The cycle to show by default among the sheet's cycle names: the shortest date-like cycle that
 * contains `now` (a quarter before its year); else the one that ended most recently; else the one
 * that starts first. Null when no name is date-like (then nothing is filtered).
 */
export function currentCycle(
  names: Iterable<string>,
  now: number,
  calendar: CycleCalendar = CALENDAR_YEAR,
): CycleSpan | null {
  const spans = [...new Set([...names].map((n) => n.trim()).filter(Boolean))]
    .map((n) => cycleSpan(n, calendar))
    .filter((s): s is CycleSpan => s !== null);
  const containing = spans.filter((s) => s.start <= now && now < s.end);
  if (containing.length) return containing.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const ended = spans.filter((s) => s.end <= now).sort((a, b) => b.end - a.end);
  if (ended.length) return ended[0];
  return spans.sort((a, b) => a.start - b.start)[0] ?? null;
}

/** How far behind the expected progress (percentage points) counts as behind pace, by default (the setting's default). */
export const DEFAULT_PACE_MARGIN = DEFAULT_SETTINGS.paceMargin;

export interface Pace {
  /** Where progress should be today, 0–100, linear from start to due. */
  expected: number;
  /** Progress trails the expected figure by more than the margin. */
  behind: boolean;
}

/**
 * Expected progress today on a straight line from `start` (0 %) to `due` (100 %), clamped to
 * 0–100; null when the line has no length or a date is missing. Pace is arithmetic; the owner's
 * confidence is their judgment: both are shown, neither replaces the other.
 */
export function expectedProgress(start: number | null, due: number | null, now: number): number | null {
  if (start === null || due === null || !(due > start)) return null;
  const share = (now - start) / (due - start);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** A key result's pace: null when there is no line to compare with or no progress yet. */
export function paceOf(
  progress: number | null,
  start: number | null,
  due: number | null,
  now: number,
  margin = DEFAULT_PACE_MARGIN,
): Pace | null {
  const expected = expectedProgress(start, due, now);
  if (expected === null || progress === null) return null;
  return { expected, behind: expected - progress > margin };
}

/** A cycle the add-on still asks about: not closed by a Lead and not over (after the grace days). */
export function isOpenCycle(
  cycle: string,
  now: number,
  calendar: CycleCalendar,
  closed: ReadonlySet<string>,
): boolean {
  return !closed.has(cycle) && isLive(cycle, now, calendar);
}

/** The team's calendar: the fiscal-year start from the settings, dated in the spreadsheet's time zone. */
export function cycleCalendar(
  settings: Pick<Settings, 'fiscalYearStartMonth'>,
  timeZone: string,
): CycleCalendar {
  const month = settings.fiscalYearStartMonth;
  return {
    fiscalYearStartMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
    timeZone: timeZone || 'UTC',
  };
}

/** One of the sheet's cycles: its name as the sheet writes it, and its span when the name is date-like. */
export interface CycleEntry {
  name: string;
  /** Epoch ms; null for a name that is not date-like ("Launch"). */
  start: number | null;
  /** Exclusive, epoch ms; null for a name that is not date-like. */
  end: number | null;
}

/**
 * The sheet's cycles, inferred from its Cycle cells: each distinct name once, the dated ones in time
 * order (earliest start first, the shorter first on a tie), then the undated ones by name.
 */
export function cyclesOf(names: Iterable<string>, calendar: CycleCalendar): CycleEntry[] {
  const distinct = [...new Set([...names].map((n) => n.trim()).filter(Boolean))];
  const dated: CycleSpan[] = [];
  const undated: string[] = [];
  for (const name of distinct) {
    const span = cycleSpan(name, calendar);
    if (span) dated.push(span);
    else undated.push(name);
  }
  dated.sort((a, b) => a.start - b.start || a.end - b.end || (a.name < b.name ? -1 : 1));
  undated.sort();
  return [
    ...dated.map((s) => ({ name: s.name, start: s.start, end: s.end })),
    ...undated.map((name) => ({ name, start: null, end: null })),
  ];
}

/**
 * The cycle a view shows: `chosen` when the sheet has it, else the current cycle (currentCycle), else
 * null (no cycle is date-like: nothing is filtered). Items with a blank Cycle belong to every view.
 */
export function shownCycle(
  names: Iterable<string>,
  chosen: string,
  now: number,
  calendar: CycleCalendar,
): string | null {
  const all = [...names].map((n) => n.trim());
  const wanted = chosen.trim();
  if (wanted && all.includes(wanted)) return wanted;
  return currentCycle(all, now, calendar)?.name ?? null;
}

/**
 * Whether an item whose Cycle cell is `cycle` belongs in the view of the cycle `shown`: the same
 * cycle; a blank Cycle (an item of no cycle is in every view); or a longer cycle that spans it (the
 * year or half a quarter is part of: those objectives run through the quarter too). Never a cycle
 * beside it: 2026-Q3 and 2027-Q1 stay out of 2026-Q4. `shown` null = every cycle.
 */
export function inCycle(cycle: string, shown: string | null, calendar: CycleCalendar): boolean {
  const c = cycle.trim();
  if (shown === null || c === '' || c === shown) return true;
  const outer = cycleSpan(c, calendar);
  const inner = cycleSpan(shown, calendar);
  if (!outer || !inner) return false;
  const longer = outer.end - outer.start > inner.end - inner.start;
  return longer && outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * A judgment of cycle names asked once per name: a sheet has a handful of cycles and thousands of
 * rows, and dating a name parses it.
 */
function oncePerCycle(judge: (cycle: string) => boolean): (cycle: string) => boolean {
  const seen = new Map<string, boolean>();
  return (cycle) => {
    let yes = seen.get(cycle);
    if (yes === undefined) {
      yes = judge(cycle);
      seen.set(cycle, yes);
    }
    return yes;
  };
}

/** inCycle for the rows of one view: each Cycle name is judged once. */
export function cycleFilter(shown: string | null, calendar: CycleCalendar): (cycle: string) => boolean {
  return oncePerCycle((cycle) => inCycle(cycle, shown, calendar));
}

/** isOpenCycle for the rows of one operation: each Cycle name is judged once. */
export function openCycleFilter(
  now: number,
  calendar: CycleCalendar,
  closed: ReadonlySet<string> = new Set<string>(),
): (cycle: string) => boolean {
  return oncePerCycle((cycle) => isOpenCycle(cycle, now, calendar, closed));
}

type PaceInput = Pick<
  KeyResult,
  'cycle' | 'due' | 'kind' | 'kindUnknown' | 'start' | 'target' | 'current' | 'progress'
> & {
  /** The key result's own Start date, when the sheet has one. */
  startDate?: number | null;
};

/**
 * Where a key result's pace line runs: from its own Start date (else its cycle's start) to its Due
 * date (else its cycle's end). Null ends when neither tells. The one rule for pace and its chart.
 */
export function paceSpan(
  kr: { startDate?: number | null; due: number | null },
  cycle: CycleSpan | null,
): { start: number | null; due: number | null } {
  return { start: kr.startDate ?? cycle?.start ?? null, due: kr.due ?? cycle?.end ?? null };
}

/**
 * Pace for the key results of one run: the line runs from the key result's own Start date (else its
 * cycle's start) to its Due date (else its cycle's end), and paceOf compares progress with it. Only
 * a quantity that grows along the way has a pace: a milestone, an at-least or an at-most key result
 * is 0 % or 100 % at any moment, so it gets none. Each cycle name is dated once per run.
 */
export function pacer(
  now: number,
  calendar: CycleCalendar,
  margin: number = DEFAULT_PACE_MARGIN,
): (kr: PaceInput) => Pace | null {
  const spans = new Map<string, CycleSpan | null>();
  const spanOf = (cycle: string) => {
    let span = spans.get(cycle);
    if (span === undefined) {
      span = cycleSpan(cycle, calendar);
      spans.set(cycle, span);
    }
    return span;
  };
  return (kr) => {
    const kind = kr.kind ?? 'increase';
    if (kr.kindUnknown || (kind !== 'increase' && kind !== 'decrease')) return null;
    const { start, due } = paceSpan(kr, spanOf(kr.cycle));
    return paceOf(progressOf(kr), start, due, now, margin);
  };
}
