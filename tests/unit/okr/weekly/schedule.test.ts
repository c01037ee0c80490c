import { DEFAULT_SETTINGS } from '../../../../src/okr/core/model';
import {
  decideTick,
  emptyState,
  latestOccurrence,
  nextOccurrence,
  startRun,
  type WeeklyState,
  weeklyRunStatus,
} from '../../../../src/okr/weekly/weeklyRun';
import { epochOfLocal, isoWeekOf, localTime } from '../../../../src/okr/weekly/weeklyRunTime';

const HOUR = 3_600_000;
const monday9 = { weeklyDay: 1, weeklyHour: 9 };

function enabled(over: Partial<WeeklyState> = {}): WeeklyState {
  return {
    ...emptyState(),
    enabled: true,
    enabledBy: 'lead@example.com',
    enabledAt: 0,
    triggerId: 't1',
    timeZone: 'Asia/Tokyo',
    ...over,
  };
}

const settings = { ...DEFAULT_SETTINGS, weeklyEmails: true };

describe('time zone arithmetic', () => {
  test('ISO weeks, including week 53 and the year boundary', () => {
    expect(isoWeekOf(2026, 11, 23)).toBe('2026-W48');
    expect(isoWeekOf(2026, 11, 29)).toBe('2026-W48'); // Sunday ends the ISO week
    expect(isoWeekOf(2026, 12, 31)).toBe('2026-W53');
    expect(isoWeekOf(2027, 1, 3)).toBe('2026-W53');
    expect(isoWeekOf(2027, 1, 4)).toBe('2027-W01');
    expect(isoWeekOf(2021, 1, 1)).toBe('2020-W53');
  });

  test('local wall time round-trips, also across a DST change', () => {
    const at = epochOfLocal('America/New_York', 2026, 11, 2, 9, 0); // the Monday after DST ends
    expect(new Date(at).toISOString()).toBe('2026-11-02T14:00:00.000Z');
    const summer = epochOfLocal('America/New_York', 2026, 10, 26, 9, 0);
    expect(new Date(summer).toISOString()).toBe('2026-10-26T13:00:00.000Z');
    expect(localTime(at, 'America/New_York')).toMatchObject({
      year: 2026,
      month: 11,
      day: 2,
      hour: 9,
      isoWeekday: 1,
    });
    expect(new Date(epochOfLocal('Asia/Tokyo', 2026, 11, 23, 9, 0)).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });

  test('an unknown time zone falls back to UTC instead of throwing', () => {
    expect(localTime(Date.UTC(2026, 0, 5, 9), 'Not/AZone')).toMatchObject({ hour: 9, isoWeekday: 1 });
  });
});

describe('the weekly schedule', () => {
  const tz = 'Asia/Tokyo';
  const mondayNine = Date.UTC(2026, 10, 23, 0, 0); // Mon 23 Nov 09:00 JST

  test('the latest occurrence is this week once the hour has come, else last week', () => {
    expect(latestOccurrence(mondayNine, monday9, tz)).toEqual({ period: '2026-W48', at: mondayNine });
    expect(latestOccurrence(mondayNine + 5 * HOUR, monday9, tz).period).toBe('2026-W48');
    const before = latestOccurrence(mondayNine - 1, monday9, tz);
    expect(before.period).toBe('2026-W47');
    expect(before.at).toBe(mondayNine - 7 * 24 * HOUR);
    expect(nextOccurrence(mondayNine - 1, monday9, tz).at).toBe(mondayNine);
    expect(nextOccurrence(mondayNine, monday9, tz).at).toBe(mondayNine + 7 * 24 * HOUR);
  });

  test('Sunday is the last day of its ISO week; other days and hours land where settings say', () => {
    const sunday = latestOccurrence(Date.UTC(2026, 10, 29, 12), { weeklyDay: 0, weeklyHour: 18 }, tz);
    expect(sunday).toEqual({ period: '2026-W48', at: Date.UTC(2026, 10, 29, 9) });
    const friday = nextOccurrence(mondayNine, { weeklyDay: 5, weeklyHour: 7 }, tz);
    expect(new Date(friday.at).toISOString()).toBe('2026-11-26T22:00:00.000Z');
  });

  test('out-of-range settings fall back to Monday 09:00', () => {
    expect(latestOccurrence(mondayNine + HOUR, { weeklyDay: 9, weeklyHour: 99 }, tz).at).toBe(mondayNine);
  });
});

describe('decideTick', () => {
  const tz = 'Asia/Tokyo';
  const mondayNine = Date.UTC(2026, 10, 23, 0, 0);

  test('disabled, or weekly emails switched off in settings → idle', () => {
    expect(decideTick({ now: mondayNine, state: emptyState(), settings })).toEqual({
      kind: 'idle',
      reason: 'disabled',
    });
    expect(
      decideTick({ now: mondayNine, state: enabled(), settings: { ...settings, weeklyEmails: false } }),
    ).toEqual({
      kind: 'idle',
      reason: 'disabled',
    });
  });

  test('enabled mid-week → nothing until the next scheduled moment', () => {
    const state = enabled({ enabledAt: mondayNine + 2 * 24 * HOUR, timeZone: tz });
    expect(decideTick({ now: mondayNine + 3 * 24 * HOUR, state, settings })).toEqual({
      kind: 'idle',
      reason: 'not-yet',
    });
    expect(decideTick({ now: mondayNine + 7 * 24 * HOUR, state, settings })).toEqual({
      kind: 'run',
      period: '2026-W49',
      scheduledAt: mondayNine + 7 * 24 * HOUR,
      fresh: true,
    });
  });

  test('a tick before the hour does not start this week', () => {
    const state = enabled({ timeZone: tz, enabledAt: mondayNine - 24 * HOUR });
    expect(decideTick({ now: mondayNine - 10 * 60_000, state, settings })).toEqual({
      kind: 'idle',
      reason: 'not-yet',
    });
  });

  test('a finished run is not repeated; an unfinished one resumes; a live lease means busy', () => {
    let state = startRun(enabled({ timeZone: tz }), '2026-W48', mondayNine, mondayNine);
    expect(decideTick({ now: mondayNine + HOUR, state, settings })).toMatchObject({
      kind: 'run',
      fresh: false,
    });
    state = {
      ...state,
      run: {
        ...(state.run as NonNullable<WeeklyState['run']>),
        lease: { id: 'x', until: mondayNine + 2 * HOUR },
      },
    };
    expect(decideTick({ now: mondayNine + HOUR, state, settings })).toEqual({ kind: 'idle', reason: 'busy' });
    expect(decideTick({ now: mondayNine + 3 * HOUR, state, settings })).toMatchObject({
      kind: 'run',
      fresh: false,
    });
    state = {
      ...state,
      run: { ...(state.run as NonNullable<WeeklyState['run']>), finishedAt: mondayNine + HOUR, lease: null },
    };
    expect(decideTick({ now: mondayNine + 5 * HOUR, state, settings })).toEqual({
      kind: 'idle',
      reason: 'done',
    });
    // Moving the day later in the week after this week's run does not start a run for last week.
    expect(
      decideTick({ now: mondayNine + 5 * HOUR, state, settings: { ...settings, weeklyDay: 3 } }),
    ).toEqual({
      kind: 'idle',
      reason: 'done',
    });
    expect(decideTick({ now: mondayNine + 7 * 24 * HOUR, state, settings })).toMatchObject({
      kind: 'run',
      fresh: true,
      period: '2026-W49',
    });
  });

  test('a tick from a trigger other than the recorded one is stray', () => {
    expect(decideTick({ now: mondayNine, state: enabled(), settings, triggerUid: 'old' })).toEqual({
      kind: 'stray-trigger',
    });
  });
});

describe('weeklyRunStatus', () => {
  test('is JSON-safe and says when the next run is', () => {
    const mondayNine = Date.UTC(2026, 10, 23, 0, 0);
    const state = startRun(enabled({ timeZone: 'Asia/Tokyo' }), '2026-W48', mondayNine, mondayNine);
    const run = state.run as NonNullable<WeeklyState['run']>;
    run.sent = 3;
    run.finishedAt = mondayNine + 60_000;
    run.failed = [{ email: 'x@example.com', reason: 'Invalid email: x@example.com' }];
    run.failedCount = 1;
    run.remaining = 0;
    const status = weeklyRunStatus(state, settings, mondayNine + HOUR);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
    expect(status).toMatchObject({
      enabled: true,
      enabledBy: 'lead@example.com',
      period: '2026-W48',
      sent: 3,
      failedCount: 1,
      remaining: 0,
      finishedAt: new Date(mondayNine + 60_000).toISOString(),
      nextRunAt: new Date(mondayNine + 7 * 24 * HOUR).toISOString(),
    });
    expect(weeklyRunStatus(emptyState(), settings, mondayNine).nextRunAt).toBeNull();
  });
});
