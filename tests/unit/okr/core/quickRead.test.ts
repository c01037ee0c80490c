import fc from 'fast-check';
import { planRowReads, type RowReadOptions } from '../../../../src/okr/core/quickRead';

const OPTS: RowReadOptions = { firstRow: 2, lookback: 10, mergeGap: 50, maxRuns: 10, maxRows: 500 };

describe('planRowReads', () => {
  it('reads each row with the rows above it, and merges rows close together into one run', () => {
    expect(planRowReads([30, 5, 33], OPTS)).toEqual({ runs: [{ row: 2, count: 32 }], unread: [] });
    expect(planRowReads([20, 200], OPTS)).toEqual({
      runs: [
        { row: 10, count: 11 },
        { row: 190, count: 11 },
      ],
      unread: [],
    });
  });

  it('ignores rows above the data, duplicates and non-integers', () => {
    expect(planRowReads([1, 0, 7, 7, 2.5, Number.NaN], OPTS)).toEqual({
      runs: [{ row: 2, count: 6 }],
      unread: [],
    });
    expect(planRowReads([], OPTS)).toEqual({ runs: [], unread: [] });
  });

  it('stops at maxRuns and lists the rows left', () => {
    const rows = Array.from({ length: 15 }, (_, i) => 100 * (i + 1));
    const plan = planRowReads(rows, OPTS);
    expect(plan.runs).toHaveLength(10);
    expect(plan.unread).toEqual([1100, 1200, 1300, 1400, 1500]);
  });

  it('stops at maxRows even when every row merges into one run (a Lead owning every objective)', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => 2 + 6 * i);
    const plan = planRowReads(rows, OPTS);
    expect(plan.runs).toEqual([{ row: 2, count: 499 }]);
    expect(plan.unread).toHaveLength(2000 - 84);
    expect(plan.unread[0]).toBe(2 + 6 * 84);
  });

  it('covers every wanted row exactly once, in sorted, disjoint runs within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 3000 }), { maxLength: 80 }),
        fc.record({
          firstRow: fc.integer({ min: 1, max: 10 }),
          lookback: fc.integer({ min: 0, max: 20 }),
          mergeGap: fc.integer({ min: 0, max: 100 }),
          maxRuns: fc.integer({ min: 1, max: 12 }),
          maxRows: fc.integer({ min: 21, max: 800 }),
        }),
        (rows, opts) => {
          const { runs, unread } = planRowReads(rows, opts);
          expect(runs.length).toBeLessThanOrEqual(opts.maxRuns);
          const wanted = [...new Set(rows.filter((r) => r >= opts.firstRow))];
          const inRun = (r: number) => runs.some((run) => r >= run.row && r < run.row + run.count);
          for (const r of wanted) expect(inRun(r) !== unread.includes(r)).toBe(true);
          for (let i = 0; i < runs.length; i++) {
            expect(runs[i].row).toBeGreaterThanOrEqual(opts.firstRow);
            expect(runs[i].count).toBeGreaterThan(0);
            // Every run ends on a wanted row: no reading past what is needed.
            expect(wanted).toContain(runs[i].row + runs[i].count - 1);
            if (i > 0)
              expect(runs[i].row).toBeGreaterThan(runs[i - 1].row + runs[i - 1].count + opts.mergeGap);
          }
          expect(runs.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(opts.maxRows);
          // What is left is the tail: every unread row is below every row read.
          const lastRead = Math.max(0, ...runs.map((r) => r.row + r.count - 1));
          for (const r of unread) expect(r).toBeGreaterThan(lastRead);
        },
      ),
      { numRuns: 300 },
    );
  });
});
