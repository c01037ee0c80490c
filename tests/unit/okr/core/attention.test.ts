import { daysSinceTouched, hasMissingValues, isStale } from '../../../../src/okr/core/attention';
import { DAY_MS } from '../../../../src/okr/core/days';
import type { KeyResult } from '../../../../src/okr/core/model';

const NOW = Date.UTC(2026, 10, 30, 9);
type Input = Parameters<typeof isStale>[0];
const kr = (over: Partial<Pick<KeyResult, keyof Input>> = {}): Input => ({
  kind: 'increase',
  start: 0,
  target: 10,
  current: 5,
  progress: null,
  accepted: NOW - 30 * DAY_MS,
  lastCheckIn: null,
  ...over,
});

describe('isStale: one rule for Problems, Summary, the sidebar and the owner email', () => {
  test('counts from the last check-in, else from the acceptance', () => {
    expect(isStale(kr({ lastCheckIn: NOW - 15 * DAY_MS }), NOW, 14)).toBe(true);
    expect(isStale(kr({ lastCheckIn: NOW - 14 * DAY_MS }), NOW, 14)).toBe(false);
    expect(isStale(kr({ lastCheckIn: null, accepted: NOW - 20 * DAY_MS }), NOW, 14)).toBe(true);
    expect(daysSinceTouched(kr({ lastCheckIn: NOW - 3.5 * DAY_MS }), NOW)).toBe(3);
  });
  test('with neither a check-in nor an acceptance it is pending, not stale', () => {
    expect(isStale(kr({ accepted: null, lastCheckIn: null }), NOW, 14)).toBe(false);
    expect(daysSinceTouched(kr({ accepted: null }), NOW)).toBeNull();
  });
  test('a finished key result is never stale', () => {
    expect(isStale(kr({ current: 10 }), NOW, 14)).toBe(false);
    expect(isStale(kr({ current: 3, progress: 100 }), NOW, 14)).toBe(false);
  });
  test('a check-in dated in the future counts as today', () => {
    expect(daysSinceTouched(kr({ lastCheckIn: NOW + DAY_MS }), NOW)).toBe(0);
  });
});

describe('hasMissingValues', () => {
  test('increase and decrease need start, target and current', () => {
    expect(hasMissingValues(kr())).toBe(false);
    expect(hasMissingValues(kr({ start: null }))).toBe(true);
    expect(hasMissingValues(kr({ kind: 'decrease', target: null }))).toBe(true);
    expect(hasMissingValues(kr({ kind: null, current: null }))).toBe(true);
  });
  test('at least / at most need no start', () => {
    expect(hasMissingValues(kr({ kind: 'at-least', start: null }))).toBe(false);
    expect(hasMissingValues(kr({ kind: 'at-most', target: null }))).toBe(true);
  });
  test('a milestone needs nothing: blank current means not done yet', () => {
    expect(hasMissingValues(kr({ kind: 'milestone', start: null, target: null, current: null }))).toBe(false);
  });
});
