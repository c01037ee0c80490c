// The latency model: costs grow with the cells a call touches, and no way of reading or searching a
// big range is free (or a script could pass its budgets by calling a cheaper-looking method).
import {
  type CalibrationRow,
  calibrationRows,
  modeledMs,
  RECORDS,
  type Replayed,
  replayAll,
  SOURCES,
  summarize,
} from '../../local/runtime/calibration/replay';
import { latencyOf, WriteBufferClock } from '../../local/runtime/latency';

test('Sheet.getSheetValues costs what Range.getValues costs for the same cells', () => {
  for (const cells of [1, 1_000, 200_000]) {
    expect(latencyOf('Sheet.getSheetValues', cells)).toBe(latencyOf('Range.getValues', cells));
  }
});

test('a TextFinder search grows with the cells it scans, cheaper per cell than reading them', () => {
  const small = latencyOf('TextFinder.findNext', 100);
  const big = latencyOf('TextFinder.findNext', 12_000);
  expect(big).toBeGreaterThan(small + 50);
  expect(big).toBeLessThan(latencyOf('Range.getValues', 12_000));
  expect(latencyOf('TextFinder.findAll', 12_000)).toBe(big);
  // Setting options is local to the builder.
  expect(latencyOf('TextFinder.matchEntireCell', 12_000)).toBeLessThan(20);
});

test('writes cost more than reads of the same size', () => {
  expect(latencyOf('Range.setValues', 10_000)).toBeGreaterThan(latencyOf('Range.getValues', 10_000));
});

// The write buffer: Apps Script queues writes and commits them at the next read, flush() or the end
// of the execution (Google's "Optimizing Spreadsheet Operations"; best practices:
// https://developers.google.com/apps-script/guides/support/best-practices).
describe('write buffer', () => {
  const perRow = (flushEachRow: boolean, readEachRow: boolean) => {
    const clock = new WriteBufferClock();
    for (let i = 0; i < 400; i++) {
      clock.charge('Sheet.getRange');
      clock.charge('Range.setValues', 10);
      if (flushEachRow) clock.charge('SpreadsheetApp.flush');
      if (readEachRow) clock.charge('Range.getValues', 1);
    }
    clock.commit();
    return clock.elapsed;
  };

  test('row-by-row writes with nothing between them cost about one commit, not a round trip each', () => {
    const batched = perRow(false, false);
    // 400 separate setValues of 10 cells cost less than 20 round trips (they are queued).
    expect(batched).toBeLessThan(20 * latencyOf('Range.getValues', 10));
    // A flush after each row pays a commit per row: more than 10 times the queued loop.
    expect(perRow(true, false)).toBeGreaterThan(10 * batched);
  });

  test('a read between writes commits the queue first, so interleaving costs a read and a commit per row', () => {
    const interleaved = perRow(false, true);
    expect(interleaved).toBeGreaterThan(400 * latencyOf('Range.getValues', 1));
    expect(interleaved).toBeGreaterThan(perRow(true, false));
  });

  test('the queue is paid once: committing twice, or flushing an empty queue, adds only a round trip', () => {
    const clock = new WriteBufferClock();
    clock.charge('Range.setValues', 4000);
    const queued = clock.elapsed;
    expect(clock.pending).toBe(1);
    expect(clock.commit()).toBe(true);
    const committed = clock.elapsed;
    expect(committed - queued).toBeCloseTo(
      latencyOf('Range.setValues', 4000) -
        latencyOf('Range.setValues', 0) +
        latencyOf('SpreadsheetApp.flush'),
      6,
    );
    expect(clock.commit()).toBe(false);
    expect(clock.elapsed).toBe(committed);
  });

  test('handles and range geometry are local: a thousand cost less than one read', () => {
    const clock = new WriteBufferClock();
    clock.charge('Range.getValues', 1); // the first data call opens the document
    const afterRead = clock.elapsed;
    for (let i = 0; i < 1000; i++) {
      clock.charge('Sheet.getRange');
      clock.charge('Range.getRow');
      clock.charge('Spreadsheet.getSheetByName');
    }
    expect(clock.elapsed - afterRead).toBeLessThan(latencyOf('Range.getValues', 1) * 3);
  });
});

// Each published timing (local/runtime/calibration/published.json) replayed in the local runtime,
// priced under the fitted constants. Modeled time only: no wall clock.
describe('calibration against published timings', () => {
  let rows: CalibrationRow[] = [];
  let replays: Replayed[] = [];
  beforeAll(async () => {
    replays = await replayAll();
    rows = calibrationRows(replays);
  }, 120_000);

  test('every record has a source URL, a date, a runtime and the quote it was read from', () => {
    expect(RECORDS.length).toBeGreaterThanOrEqual(20);
    for (const r of RECORDS) {
      const s = SOURCES[r.source];
      expect(s?.url).toMatch(/^https?:\/\//);
      expect(s?.date).toBeTruthy();
      expect(s?.runtime).toBeTruthy();
      expect(r.quote.length).toBeGreaterThan(10);
      expect(r.publishedMs).toBeGreaterThan(0);
    }
  });

  test('what the replay script measures with Date.now() is what the trace prices (whole ms)', () => {
    for (const r of replays) {
      if (r.scriptMs === null) continue;
      const iterations = r.record.perIteration ? Number(r.record.replay.iterations) : 1;
      expect(Math.abs(r.scriptMs / iterations - modeledMs(r))).toBeLessThanOrEqual(1 / iterations + 1e-9);
    }
  });

  test('the median point figure is within 1.3×, and only the disagreeing sources are beyond 2×', () => {
    const s = summarize(rows);
    expect(s.medianFactor).toBeLessThan(1.3);
    // Misses are records whose notes name the source they disagree with (both shown in BENCHMARKS.md).
    for (const id of s.misses) expect(RECORDS.find((r) => r.id === id)?.note).toMatch(/[Dd]isagrees/);
    expect(s.misses.length).toBeLessThanOrEqual(4);
    // And nothing in the fit is off by more than 4×.
    expect(s.maxFactor).toBeLessThan(4);
  });

  test('batched writes are the cheap case, per-row flushes and interleaving the expensive ones, as published', () => {
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    // A 4,000-cell write costs a tenth of the same write flushed (published: under 50 ms vs 610 ms).
    expect(byId['scriptdb-one-setValues-4000'].modeledMs * 10).toBeLessThan(
      byId['scriptdb-one-setValues-4000-flush'].modeledMs,
    );
    expect(
      byId['scriptdb-row-by-row-400-flush'].modeledMs / byId['scriptdb-row-by-row-400'].modeledMs,
    ).toBeGreaterThan(30);
  });
});
