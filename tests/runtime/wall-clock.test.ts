// The runtime's one wall-clock helper: instants to wall times in a zone and back, resolving the two
// daylight-saving edges as java.time does (a repeated time is the earlier instant, a skipped time
// moves forward by the jump).
import { fromWallTime, wallTime } from '../../local/runtime/wallClock';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wallClock', () => {
  test('wallTime: the parts, both weekday numberings and the offset', () => {
    expect(wallTime(Date.parse('2026-11-23T14:30:05.250Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 9,
      minute: 30,
      second: 5,
      ms: 250,
      weekday: 1,
      isoWeekday: 1,
      offsetMs: -5 * 3_600_000,
    });
    expect(wallTime(Date.parse('2026-11-29T00:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      weekday: 0,
      isoWeekday: 7,
    });
  });

  test('an ordinary time round-trips in every zone', () => {
    for (const tz of ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'UTC'])
      for (const at of ['2026-01-15T12:00:00.000Z', '2026-07-15T03:45:30.500Z']) {
        const w = wallTime(Date.parse(at), tz);
        expect(iso(fromWallTime(tz, w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms))).toBe(at);
      }
  });

  test('the clock goes back: a repeated time is the earlier instant; the hour after it is not moved', () => {
    // New York, 2025-11-02: 01:00–01:59 happens twice (EDT, then EST).
    expect(iso(fromWallTime('America/New_York', 2025, 11, 2, 1, 30))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(fromWallTime('America/New_York', 2025, 11, 2, 2, 0))).toBe('2025-11-02T07:00:00.000Z');
    expect(iso(fromWallTime('America/New_York', 2025, 11, 2, 3, 0))).toBe('2025-11-02T08:00:00.000Z');
  });

  test('the clock jumps forward: a skipped time moves forward by the jump', () => {
    // New York, 2025-03-09 02:30 does not exist: 03:30 EDT.
    expect(iso(fromWallTime('America/New_York', 2025, 3, 9, 2, 30))).toBe('2025-03-09T07:30:00.000Z');
    // London, 2025-03-30 01:00 does not exist: 02:00 BST.
    expect(iso(fromWallTime('Europe/London', 2025, 3, 30, 1, 0))).toBe('2025-03-30T01:00:00.000Z');
  });
});
