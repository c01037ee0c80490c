// Which rows the sidebar's quick open reads, and in how many getValues. Every read is a round trip
// (tens of milliseconds) while a cell costs almost nothing, so rows close together are read as one
// run, and a few rows above each of the caller's rows come along: that is where the objective row
// usually sits (set-up writes an objective, then its key results), so its title is there for free.

export interface RowRun {
  /** 1-based first row. */
  row: number;
  count: number;
}

export interface RowReadPlan {
  runs: RowRun[];
  /** The wanted rows no run covers (over maxRuns or maxRows): the last ones; the whole-sheet read brings them. */
  unread: number[];
}

export interface RowReadOptions {
  /** First data row (the row after the header). */
  firstRow: number;
  /** Rows read above each wanted row (for its objective). */
  lookback: number;
  /** Two runs this many rows apart or fewer become one (reading the gap is cheaper than a round trip). */
  mergeGap: number;
  /** At most this many runs. */
  maxRuns: number;
  /**
   * At most this many rows in all: merging keeps each step cheap, but a person whose rows are close
   * together all the way down (a Lead owning every objective) would otherwise read the whole tab.
   */
  maxRows: number;
}

/** Wanted rows (1-based, any order, duplicates allowed) → at most maxRuns runs, in sheet order. */
export function planRowReads(rows: readonly number[], opts: RowReadOptions): RowReadPlan {
  const wanted = [...new Set(rows.filter((r) => Number.isInteger(r) && r >= opts.firstRow))].sort(
    (a, b) => a - b,
  );
  const runs: Array<{ first: number; last: number }> = [];
  const unread: number[] = [];
  let taken = 0;
  for (const row of wanted) {
    // Once a row does not fit, the rest (further down) wait for the whole-sheet read too.
    if (unread.length) {
      unread.push(row);
      continue;
    }
    const first = Math.max(opts.firstRow, row - opts.lookback);
    const open = runs[runs.length - 1];
    if (open && first <= open.last + 1 + opts.mergeGap) {
      if (taken + row - open.last <= opts.maxRows) {
        taken += row - open.last;
        open.last = row;
      } else unread.push(row);
      continue;
    }
    if (runs.length >= opts.maxRuns || taken + row - first + 1 > opts.maxRows) {
      unread.push(row);
      continue;
    }
    taken += row - first + 1;
    runs.push({ first, last: row });
  }
  return { runs: runs.map((r) => ({ row: r.first, count: r.last - r.first + 1 })), unread };
}
