// Settings show the weekly emails' run: the run in progress, else the last finished one.

import { weeklyEmailView } from '../../../src/endpoints/weeklyEmailStatus';
import type { WeeklyRunStatus } from '../../../src/okr/weekly/weeklyRun';

const base: WeeklyRunStatus = {
  enabled: true,
  enabledBy: 'lead@example.com',
  enabledAt: '2026-11-01T00:00:00.000Z',
  timeZone: 'UTC',
  weeklyDay: 1,
  weeklyHour: 9,
  period: null,
  startedAt: null,
  finishedAt: null,
  sent: 0,
  failed: [],
  failedCount: 0,
  remaining: null,
  waitingFor: null,
  lastError: null,
  nextRunAt: '2026-11-30T09:00:00.000Z',
  lastRun: null,
};

test('no run yet', () => {
  expect(weeklyEmailView(base)).toEqual({
    enabled: true,
    period: null,
    startedAt: null,
    finishedAt: null,
    sent: 0,
    failed: 0,
    remaining: 0,
    failures: [],
    waitingFor: null,
    nextRunAt: Date.UTC(2026, 10, 30, 9),
  });
});

test('a run waiting for quota shows its counts and failures', () => {
  const v = weeklyEmailView({
    ...base,
    period: '2026-W48',
    startedAt: '2026-11-23T09:05:00.000Z',
    sent: 100,
    failed: [{ email: 'x@bad', reason: 'Invalid email' } as WeeklyRunStatus['failed'][number]],
    failedCount: 1,
    remaining: 49,
    waitingFor: 'quota',
  });
  expect(v).toMatchObject({
    period: '2026-W48',
    sent: 100,
    failed: 1,
    remaining: 49,
    finishedAt: null,
    waitingFor: 'quota',
  });
  expect(v.failures).toEqual([{ email: 'x@bad', reason: 'Invalid email' }]);
});

test('between runs the last finished run is shown', () => {
  const v = weeklyEmailView({
    ...base,
    lastRun: { period: '2026-W47', sent: 12, failedCount: 2, finishedAt: '2026-11-16T09:20:00.000Z' },
  });
  expect(v).toMatchObject({
    period: '2026-W47',
    sent: 12,
    failed: 2,
    finishedAt: Date.UTC(2026, 10, 16, 9, 20),
  });
});
