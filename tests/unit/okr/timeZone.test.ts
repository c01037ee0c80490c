import { wallClock } from '../../../src/okr/core/timeZone';

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
