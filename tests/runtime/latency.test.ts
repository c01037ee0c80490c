// The latency model: costs grow with the cells a call touches, and no way of reading or searching a
// big range is free (or a script could pass its budgets by calling a cheaper-looking method).
import { latencyOf } from '../../local/runtime/latency';

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
