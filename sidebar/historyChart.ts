// Where a key result's history chart draws things: time across (from the first check-in or the
// pace line's start to today or Due, whichever is later), progress up (0 % at the bottom, 100 % at
// the top, always: a line at 40 % must not look like one at 90 %). Pure, so the scaling is tested
// without a browser; History.tsx turns it into SVG elements.
import type { HistoryEntry } from '../src/api';

export interface ChartSize {
  width: number;
  height: number;
  /** Room left for the 0 % / 100 % labels, and around the plot. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_SIZE: ChartSize = { width: 300, height: 120, left: 32, right: 8, top: 8, bottom: 18 };

export interface Point {
  x: number;
  y: number;
}

export interface ChartGeometry {
  /** The check-ins that have a progress, oldest first. */
  progress: Point[];
  /** The expected-pace line's bends. */
  pace: Point[];
  /** Today, across. */
  today: number;
  /** Where time starts and ends (epoch ms) on the plot. */
  from: number;
  to: number;
  /** y of 0 % and 100 %. */
  y0: number;
  y100: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(
  entries: ReadonlyArray<Pick<HistoryEntry, 'time' | 'progress'>>,
  pace: ReadonlyArray<{ time: number; expected: number }>,
  now: number,
  size: ChartSize = CHART_SIZE,
): ChartGeometry {
  const measured = entries.filter((e): e is { time: number; progress: number } => e.progress !== null);
  const times = [...measured.map((e) => e.time), ...pace.map((p) => p.time), now];
  let from = Math.min(...times);
  let to = Math.max(...times);
  // A single moment (one check-in today, no line): a day either side, so it sits in the middle.
  if (!(to > from)) {
    from -= 86_400_000;
    to += 86_400_000;
  }
  const plotWidth = size.width - size.left - size.right;
  const y0 = size.height - size.bottom;
  const y100 = size.top;
  const x = (time: number) => round(size.left + ((time - from) / (to - from)) * plotWidth);
  const y = (pct: number) => round(y0 - (Math.min(100, Math.max(0, pct)) / 100) * (y0 - y100));
  return {
    progress: measured.map((e) => ({ x: x(e.time), y: y(e.progress) })),
    pace: pace.map((p) => ({ x: x(p.time), y: y(p.expected) })),
    today: x(now),
    from,
    to,
    y0,
    y100,
  };
}

/** Points as an SVG polyline's `points`. */
export function polyline(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}
