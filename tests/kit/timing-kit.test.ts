// The timing kit measures what the latency model is fitted on; `kit:calibrate` turns its medians into
// calibration records. Run here, the kit measures the local runtime's own model, so each record's
// replay (the calibration's copy of the same steps) must come out at the kit's figure: that proves
// the kit and the replays time the same thing. Google's figures can only come from a run on Google.

import { modeledMs, RECORDS, replay, SOURCES } from '../../local/runtime/calibration/replay';
import { measuredRecords, type TimingResult, withMeasured } from '../../scripts/kitCalibrate';
import { runKitLocally } from '../../scripts/kitRun';

let timing: TimingResult;
beforeAll(async () => {
  timing = (await runKitLocally('timing')) as unknown as TimingResult;
});

test('reads and writes at several sizes, loops with and without flush, interleaved, properties, cache, TextFinder, triggers, mail', () => {
  const names = timing.measurements.map((m) => m.replay.name);
  for (const name of [
    'firstRead',
    'setValuesBlock',
    'setValuesPerRow',
    'sheetWriteRead',
    'propertiesSetGet',
    'cachePutGet',
    'textFinderFindAll',
    'triggerCreateDelete',
    'mailRemainingQuota',
    'sendEmail',
  ])
    expect(names).toContain(name);
  for (const m of timing.measurements) {
    expect(m.samplesMs.length).toBeGreaterThanOrEqual(3);
    expect([...m.samplesMs].sort((a, b) => a - b)[m.samplesMs.length >> 1] / m.iterations).toBeCloseTo(
      m.medianMs,
      5,
    );
  }
  // Bigger writes cost more: the sizes are really measured.
  const block = (rows: number) =>
    timing.measurements.find(
      (m) => m.replay.name === 'setValuesBlock' && m.replay.rows === rows && m.replay.flush,
    )!.medianMs;
  expect(block(1000)).toBeGreaterThan(block(10));
});

test('kit:calibrate records: source "measured" with date and region; each replays to the kit’s own figure', async () => {
  const m = measuredRecords(timing, { date: '2027-01-15', region: 'asia-northeast1' });
  expect(m.sourceId).toBe('measured-2027-01-15');
  expect(m.source).toMatchObject({ date: '2027-01-15', runtime: 'V8' });
  expect(m.source.method).toContain('region asia-northeast1');
  expect(m.skipped.map((s) => s.split(':')[0]).sort()).toEqual([
    'mailRemainingQuota',
    'textFinderFindAll',
    'triggerCreateDelete',
  ]);
  expect(m.records.length).toBe(timing.measurements.length - 3);
  for (const record of m.records) {
    const modeled = modeledMs(await replay(record));
    // Whole milliseconds in the script vs the model's fractions: within 1 ms per iteration or 2%.
    expect(Math.abs(modeled - record.publishedMs)).toBeLessThanOrEqual(
      Math.max(1, record.publishedMs * 0.02),
    );
  }
});

test('records are appended to the calibration data; a second run of the same date replaces them', () => {
  const data = { about: '', sources: SOURCES, records: RECORDS, notFound: [] };
  const m = measuredRecords(timing, { date: '2027-01-15' });
  const once = withMeasured(data, m);
  const twice = withMeasured(once, m);
  expect(once.records.length).toBe(RECORDS.length + m.records.length);
  expect(twice.records).toEqual(once.records);
  expect(once.records.slice(0, RECORDS.length)).toEqual(RECORDS);
  expect(once.sources['measured-2027-01-15'].title).toContain('Timing kit');
});
