// The sidebar's poll of the sheet's version stamp: when it asks (visible, hidden, after failures),
// when a new stamp means "reload", and when a reloaded state is news worth saying "Updated." for.
import { HIDDEN_TICKS, pollDue, sameState, versionMoved, WATCH_FAILURES } from '../../../sidebar/logic';
import type { SidebarState } from '../../../src/api';

test('asks on every tick while visible, once in HIDDEN_TICKS while hidden', () => {
  const ticks = Array.from({ length: 30 }, (_, i) => i);
  expect(ticks.filter((t) => pollDue(t, true, 0))).toHaveLength(30);
  expect(ticks.filter((t) => pollDue(t, false, 0))).toEqual([0, HIDDEN_TICKS, 2 * HIDDEN_TICKS]);
  expect(HIDDEN_TICKS).toBeGreaterThan(1);
});

test('stops asking after WATCH_FAILURES failures in a row, visible or not', () => {
  expect(pollDue(1, true, WATCH_FAILURES - 1)).toBe(true);
  expect(pollDue(1, true, WATCH_FAILURES)).toBe(false);
  expect(pollDue(0, false, WATCH_FAILURES)).toBe(false);
  expect(WATCH_FAILURES).toBeGreaterThan(1);
});

test('the first stamp is only held; a different one afterwards means the sheet changed', () => {
  expect(versionMoved(null, 'a|3x18|5x6')).toBe(false);
  expect(versionMoved('a|3x18|5x6', 'a|3x18|5x6')).toBe(false);
  expect(versionMoved('a|3x18|5x6', 'b|3x18|5x6')).toBe(true);
  // Rows added by a script (no trigger ran): only the tab's size moved.
  expect(versionMoved('a|3x18|5x6', 'a|4x18|5x6')).toBe(true);
});

test('a reloaded state is news only when it shows something else than the one held', () => {
  const state = {
    lang: 'en',
    now: 1,
    problems: { errors: 1, warnings: 0, list: [] },
  } as unknown as SidebarState;
  expect(sameState(null, state)).toBe(false);
  expect(sameState(state, { ...state, now: 2 })).toBe(true);
  expect(sameState(state, { ...state, problems: { errors: 3, warnings: 0, list: [] } })).toBe(false);
});
