import { CHART_SIZE, chartGeometry, polyline } from '../../../sidebar/historyChart';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);

describe('chartGeometry', () => {
  test('time runs from the earliest point to the latest (today or the pace line’s end), 0–100 % bottom to top', () => {
    const g = chartGeometry(
      [
        { time: T0 + 10 * DAY, progress: 0 },
        { time: T0 + 20 * DAY, progress: 50 },
        { time: T0 + 30 * DAY, progress: null },
      ],
      [
        { time: T0, expected: 0 },
        { time: T0 + 40 * DAY, expected: 100 },
      ],
      T0 + 20 * DAY,
    );
    const { left, right, width, top, bottom, height } = CHART_SIZE;
    expect([g.from, g.to]).toEqual([T0, T0 + 40 * DAY]);
    expect(g.y0).toBe(height - bottom);
    expect(g.y100).toBe(top);
    // The pace line spans the plot, corner to corner.
    expect(g.pace).toEqual([
      { x: left, y: g.y0 },
      { x: width - right, y: top },
    ]);
    // A check-in without progress is not drawn (it is in the list).
    expect(g.progress).toHaveLength(2);
    expect(g.progress[1].x).toBe(g.today);
    expect(g.progress[1].y).toBe(Math.round(((g.y0 + g.y100) / 2) * 10) / 10);
    expect(polyline(g.pace)).toBe(`${left},${g.y0} ${width - right},${top}`);
  });

  test('the scale is fixed at 0–100 %: progress beyond it is drawn at the edge', () => {
    const g = chartGeometry(
      [
        { time: T0, progress: 140 },
        { time: T0 + DAY, progress: -5 },
      ],
      [],
      T0 + DAY,
    );
    expect(g.progress.map((p) => p.y)).toEqual([g.y100, g.y0]);
  });

  test('one moment (a single check-in today, no line) sits in the middle', () => {
    const g = chartGeometry([{ time: T0, progress: 30 }], [], T0);
    const { left, right, width } = CHART_SIZE;
    expect(g.progress[0].x).toBe(Math.round(((left + width - right) / 2) * 10) / 10);
    expect(g.today).toBe(g.progress[0].x);
  });
});
