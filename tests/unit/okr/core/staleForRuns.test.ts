// A key result stale for N weekly runs: the stale rule itself (isStale), read at the earlier runs.
import { isStale, staleForRuns } from '../../../../src/okr/core/attention';
import { DAY, kr, NOW } from '../weekly/fixtures';

const WEEK = 7 * DAY;

test('stale now and at the run a week before: two runs', () => {
  const fresh = kr('K1', 'O1', 'a@example.com', { lastCheckIn: NOW - 15 * DAY });
  expect(isStale(fresh, NOW, 14)).toBe(true);
  expect(staleForRuns(fresh, NOW, 14, 1)).toBe(true);
  // A week ago it was 8 days old: stale for one run only.
  expect(staleForRuns(fresh, NOW, 14, 2)).toBe(false);
  const old = kr('K2', 'O1', 'a@example.com', { lastCheckIn: NOW - 14 * DAY - WEEK - DAY });
  expect(staleForRuns(old, NOW, 14, 2)).toBe(true);
  expect(staleForRuns(old, NOW, 14, 3)).toBe(false);
});

test('a check-in between the runs starts the count again; a finished key result is never stale', () => {
  const checked = kr('K1', 'O1', 'a@example.com', { lastCheckIn: NOW - 16 * DAY });
  expect(staleForRuns(checked, NOW, 14, 2)).toBe(false);
  const done = kr('K2', 'O1', 'a@example.com', { lastCheckIn: NOW - 90 * DAY, current: 100, progress: 100 });
  expect(staleForRuns(done, NOW, 14, 2)).toBe(false);
});
