import { WEEK_MS } from '../../../../src/okr/core/days';
import { summaryToGrid } from '../../../../src/okr/summary/summaryGrid';
import { TREND_COLUMN, trendFormula } from '../../../../src/okr/summary/summaryTrend';
import { weekPoints } from '../../../../src/okr/summary/summaryWeekly';
import { checkIn, DAY, keyResult, NOW, objective, summarize } from './fixtures';

describe('weekPoints', () => {
  const start = Date.UTC(2026, 9, 1);
  test('week ends from the start, today last', () => {
    const now = start + 17 * DAY;
    expect(weekPoints(start, start + 92 * DAY, now)).toEqual([start + WEEK_MS, start + 2 * WEEK_MS, now]);
  });
  test('a year of weeks is thinned evenly to nine, first and last kept', () => {
    const end = start + 365 * DAY;
    const points = weekPoints(start, end, end + DAY);
    expect(points).toHaveLength(9);
    expect(points[0]).toBe(start + WEEK_MS);
    expect(points[8]).toBe(end);
    expect([...points].sort((a, b) => a - b)).toEqual(points);
  });
  test('before the cycle starts there is no point', () => {
    expect(weekPoints(start, start + 92 * DAY, start - DAY)).toEqual([]);
  });
});

describe('Progress by week in the Summary model', () => {
  test("each objective's figure per week is the mean of what its key results had logged by then; today is the sheet's", () => {
    // 2026-Q4 from Oct 1 (New York); NOW is Nov 26: the axis has eight week ends and today.
    const model = summarize(
      [
        objective('O1', { cycle: '2026-Q4' }),
        keyResult('O1.1', 'O1', { cycle: '2026-Q4', kind: 'increase', start: 0, target: 100, current: 80 }),
        keyResult('O1.2', 'O1', { cycle: '2026-Q4', kind: 'increase', start: 0, target: 100, current: 40 }),
      ],
      {
        checkIns: [checkIn('O1.1', 45, 20), checkIn('O1.1', 20, 60), checkIn('O1.2', 20, 30)],
      },
    );
    const weekly = model.weekly;
    if (!weekly) throw new Error('no weekly block');
    expect(weekly.cycle).toBe('2026-Q4');
    expect(weekly.points).toHaveLength(9);
    expect(weekly.points[8]).toBe(NOW);
    const [row] = weekly.rows;
    expect(row.id).toBe('O1');
    // Before the first check-in: unknown, not 0.
    expect(row.progress[0]).toBeNull();
    // After O1.1's first check-in (45 days ago) only it is known.
    expect(row.progress).toContain(20);
    // After both logged 20 days ago: (60 + 30) / 2.
    expect(row.progress).toContain(45);
    // Today: the sheet's own figures, (80 + 40) / 2.
    expect(row.progress[8]).toBe(60);
  });

  test('no history before today: no block (a line of one point says nothing)', () => {
    const model = summarize([
      objective('O1', { cycle: '2026-Q4' }),
      keyResult('O1.1', 'O1', { cycle: '2026-Q4' }),
    ]);
    expect(model.weekly).toBeNull();
  });

  test('the Objectives table holds the trend: a SPARKLINE over the weeks inline, apart from the values', () => {
    const model = summarize(
      [
        objective('O1', { cycle: '2026-Q4', title: '=IMPORTXML("x","//a")' }),
        keyResult('O1.1', 'O1', { cycle: '2026-Q4', kind: 'increase', start: 0, target: 100, current: 80 }),
      ],
      { checkIns: [checkIn('O1.1', 30, 20)] },
    );
    const grid = summaryToGrid(model, 'ja', 'America/New_York');
    // No section of its own: the weeks are one cell of each objective's row.
    expect(grid.blocks.map((b) => b.section)).not.toContain('weekly');
    const block = grid.blocks.find((b) => b.section === 'objectives');
    if (!block || !grid.formulas) throw new Error('no trend');
    expect(block.values[1][TREND_COLUMN - 1]).toBe("'週ごとの推移");
    const first = block.startRow + 2;
    const progress = model.weekly?.rows[0].progress ?? [];
    expect(grid.formulas).toEqual({ row: first, column: TREND_COLUMN, formulas: [[trendFormula(progress)]] });
    // 9 points: nothing logged in the first weeks, 20% from a check-in 30 days ago, 80% today.
    expect(progress.map((p) => (p === null ? null : Math.round(p)))).toEqual([
      null,
      null,
      null,
      20,
      20,
      20,
      20,
      20,
      80,
    ]);
    expect(trendFormula(progress)).toBe(
      '=SPARKLINE({"","","",0.2,0.2,0.2,0.2,0.2,0.8},{"charttype","line";"ymin",0;"ymax",1;"nan","ignore"})',
    );
    // The title is text, the trend cell blank in the values (its formula goes in at the write).
    const row = block.values[2];
    expect(row[1]).toBe('\'=IMPORTXML("x","//a")');
    expect(row[TREND_COLUMN - 1]).toBe('');
  });

  test('a trend is built from numbers only: fractions in plain decimals, a week without a figure kept as ""', () => {
    expect(trendFormula([10, 25, 40])).toBe(
      '=SPARKLINE({0.1,0.25,0.4},{"charttype","line";"ymin",0;"ymax",1;"nan","ignore"})',
    );
    expect(trendFormula([null, 45.5, 100, 0.1])).toBe(
      '=SPARKLINE({"",0.455,1,0.001},{"charttype","line";"ymin",0;"ymax",1;"nan","ignore"})',
    );
    // One figure (or none) makes no line.
    expect(trendFormula([null, 50])).toBe('');
    expect(trendFormula([])).toBe('');
    expect(trendFormula([Number.NaN, 20, Number.POSITIVE_INFINITY])).toBe('');
  });
});
