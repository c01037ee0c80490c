import { readDate } from '../../../../src/okr/core/parseValues';
import { wallClock, zonedTime } from '../../../../src/okr/core/timeZone';
import { epochOfLocal } from '../../../../src/okr/weekly/weeklyRunTime';

test('the wall clock in a zone, across a DST change, with midnight as hour 0', () => {
  // 2026-03-08 07:00Z = 03:00 EDT (clocks went forward at 02:00 EST); 05:00Z = 00:00 EST.
  expect(wallClock(Date.UTC(2026, 2, 8, 7, 0, 5), 'America/New_York')).toEqual({
    year: 2026,
    month: 3,
    day: 8,
    hour: 3,
    minute: 0,
    second: 5,
  });
  expect(wallClock(Date.UTC(2026, 2, 8, 5), 'America/New_York').hour).toBe(0);
  expect(wallClock(Date.UTC(2026, 11, 31, 15, 30), 'Asia/Tokyo')).toMatchObject({
    year: 2027,
    month: 1,
    day: 1,
    hour: 0,
  });
});

test('an unknown zone throws (each caller decides its fallback)', () => {
  expect(() => wallClock(0, 'Mars/Olympus')).toThrow(RangeError);
});

describe('local wall time to epoch: one rule for dates typed in the sheet and the weekly schedule', () => {
  // Like Temporal's 'compatible' disambiguation (and a JS Date built from local parts): a time the
  // clocks skip moves forward by the gap; a time that happens twice is the earlier one.
  const iso = (ms: number) => new Date(ms).toISOString();
  test.each([
    // London springs forward at 01:00 GMT: 01:30 does not exist and is 02:30 BST.
    ['Europe/London', [2026, 3, 29, 1, 30], '2026-03-29T01:30:00.000Z'],
    // Sydney springs forward at 02:00 AEST: 02:30 is 03:30 AEDT.
    ['Australia/Sydney', [2026, 10, 4, 2, 30], '2026-10-03T16:30:00.000Z'],
    // London falls back at 02:00 BST: 01:30 happens twice; the first is 01:30 BST.
    ['Europe/London', [2026, 10, 25, 1, 30], '2026-10-25T00:30:00.000Z'],
    // Sydney falls back at 03:00 AEDT: 02:30 happens twice; the first is 02:30 AEDT.
    ['Australia/Sydney', [2026, 4, 5, 2, 30], '2026-04-04T15:30:00.000Z'],
    // Ordinary times on both sides.
    ['Europe/London', [2026, 7, 1, 9, 0], '2026-07-01T08:00:00.000Z'],
    ['Australia/Sydney', [2026, 1, 15, 9, 0], '2026-01-14T22:00:00.000Z'],
  ] as const)('%s %j', (zone, [y, mo, d, h, mi], want) => {
    expect(iso(zonedTime(y, mo, d, h, mi, 0, zone))).toBe(want);
    // The sheet's dates and the weekly run's schedule agree.
    expect(iso(epochOfLocal(zone, y, mo, d, h, mi))).toBe(want);
    expect(iso(readDate(`${y}-${mo}-${d} ${h}:${String(mi).padStart(2, '0')}`, zone) as number)).toBe(want);
  });

  test('an unknown zone reads as UTC', () => {
    expect(zonedTime(2026, 3, 29, 1, 30, 0, 'Mars/Olympus')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(epochOfLocal('Mars/Olympus', 2026, 3, 29, 1, 30)).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });
});
