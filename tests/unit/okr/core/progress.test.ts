import type { Kind } from '../../../../src/okr/core/model';
import { keyResultProgress, objectiveProgress } from '../../../../src/okr/core/progress';

const kr = (kind: Kind | null, start: number | null, target: number | null, current: number | null) => ({
  kind,
  start,
  target,
  current,
});

describe('keyResultProgress', () => {
  test('increase: linear between start and target', () => {
    expect(keyResultProgress(kr('increase', 0, 200, 50))).toBe(25);
    expect(keyResultProgress(kr('increase', 30, 45, 36))).toBe(40);
  });
  test('blank kind counts as increase', () => {
    expect(keyResultProgress(kr(null, 0, 10, 5))).toBe(50);
  });
  test('increase clamps to 0–100', () => {
    expect(keyResultProgress(kr('increase', 10, 20, 5))).toBe(0);
    expect(keyResultProgress(kr('increase', 10, 20, 30))).toBe(100);
  });
  test('decrease: going down is progress', () => {
    expect(keyResultProgress(kr('decrease', 14, 7, 10.5))).toBe(50);
    expect(keyResultProgress(kr('decrease', 14, 7, 20))).toBe(0);
    expect(keyResultProgress(kr('decrease', 14, 7, 3))).toBe(100);
  });
  test('keeps the exact figure, without floating-point noise', () => {
    expect(keyResultProgress(kr('increase', 0, 3, 1))).toBe(33.333333);
    // 0.15 of the way from 0.1 to 0.2 is 49.999999999999986 in binary arithmetic.
    expect(keyResultProgress(kr('increase', 0.1, 0.2, 0.15))).toBe(50);
    expect(keyResultProgress(kr('decrease', 0.3, 0.1, 0.1))).toBe(100);
  });
  test('at least / at most: met or not', () => {
    expect(keyResultProgress(kr('at-least', null, 40, 40))).toBe(100);
    expect(keyResultProgress(kr('at-least', null, 40, 39))).toBe(0);
    expect(keyResultProgress(kr('at-most', null, 2, 2))).toBe(100);
    expect(keyResultProgress(kr('at-most', null, 2, 3))).toBe(0);
  });
  test('milestone: done or not', () => {
    expect(keyResultProgress(kr('milestone', 0, 1, 1))).toBe(100);
    expect(keyResultProgress(kr('milestone', 0, 1, 0))).toBe(0);
    expect(keyResultProgress(kr('milestone', null, null, null))).toBe(0);
    expect(keyResultProgress(kr('milestone', null, null, 1))).toBe(100);
  });
  test('null when it cannot be computed', () => {
    expect(keyResultProgress(kr('increase', 5, 5, 5))).toBeNull();
    expect(keyResultProgress(kr('increase', 0, 10, null))).toBeNull();
    expect(keyResultProgress(kr('decrease', null, 10, 3))).toBeNull();
    expect(keyResultProgress(kr('at-least', null, null, 3))).toBeNull();
  });
});

describe('objectiveProgress', () => {
  test('mean of the key results that can be computed', () => {
    expect(objectiveProgress([{ progress: 100 }, { progress: 0 }, { progress: null }])).toBe(50);
    expect(objectiveProgress([{ progress: 10 }, { progress: 20 }, { progress: 40 }])).toBe(23.333333);
    // Averaged exactly, not from key results rounded first: 50 and 42.857… make 46.43, not 46.45.
    expect(objectiveProgress([kr('increase', 12, 20, 16), kr('decrease', 45, 10, 30)])).toBe(46.428572);
  });
  test('computes from values when progress is absent', () => {
    expect(objectiveProgress([kr('increase', 0, 10, 5), kr('milestone', 0, 1, 1)])).toBe(75);
  });
  test('null without key results', () => {
    expect(objectiveProgress([])).toBeNull();
  });
});

describe('an unreadable Kind', () => {
  test('gives no progress instead of counting as increase', () => {
    expect(keyResultProgress({ kind: null, kindUnknown: true, start: 0, target: 10, current: 5 })).toBeNull();
  });
});
