import vm from 'node:vm';
import {
  cellText,
  dateMs,
  isDate,
  readConfidence,
  readDate,
  readKind,
  readMilestone,
  readNumber,
  readType,
  zonedTime,
} from '../../../../src/okr/core/parseValues';

describe('readNumber', () => {
  test.each([
    [45, 45, false],
    ['45%', 0.45, true],
    ['1,200', 1200, false],
    ['¥3,000', 3000, false],
    ['$1,234.50', 1234.5, false],
    ['３，０００円', 3000, false],
    [' 12 ', 12, false],
    ['1.5k', 1500, false],
    ['2万', 20000, false],
    ['−5', -5, false],
    ['(1,200)', -1200, false],
    ['0.45', 0.45, false],
    [true, 1, false],
  ])('%p → %p', (input, value, percent) => {
    expect(readNumber(input)).toEqual({ value, percent });
  });
  test('blank is null, not an error', () => {
    expect(readNumber('')).toEqual({ value: null, percent: false });
    expect(readNumber(null)).toEqual({ value: null, percent: false });
    expect(readNumber('   ')).toEqual({ value: null, percent: false });
  });
  test.each(['#REF!', 'about 10', '10 people', 'n/a', '1.2.3', '=A1'])('%p is not a number', (input) => {
    expect(readNumber(input)).toBeUndefined();
  });
  test('a Date is not a number', () => {
    expect(readNumber(new Date())).toBeUndefined();
  });
});

describe('readMilestone', () => {
  test.each([
    ['done', 1],
    ['Done', 1],
    ['完了', 1],
    ['yes', 1],
    ['not done', 0],
    ['未完了', 0],
    [1, 1],
    [0, 0],
  ])('%p → %p', (input, value) => {
    expect(readMilestone(input)?.value).toBe(value);
  });
});

describe('readDate', () => {
  const tz = 'America/New_York';
  const midnightNY = Date.UTC(2026, 11, 31, 5, 0, 0); // EST = UTC-5
  test.each([
    ['2026-12-31'],
    ['2026/12/31'],
    ['２０２６/１２/３１'],
    ['2026年12月31日'],
    ['12/31/2026'],
    ['31/12/2026'],
    ['Dec 31, 2026'],
    ['31 December 2026'],
  ])('%p is midnight in the spreadsheet time zone', (text) => {
    expect(readDate(text, tz)).toBe(midnightNY);
  });
  test('a Date object keeps its instant', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(readDate(d, tz)).toBe(d.getTime());
  });
  test('ISO with a zone is exact', () => {
    expect(readDate('2026-07-01T12:00:00Z', tz)).toBe(Date.UTC(2026, 6, 1, 12));
  });
  test('a Sheets serial day number', () => {
    expect(readDate(46387, 'UTC')).toBe(Date.UTC(2026, 11, 31));
  });
  test('daylight saving time is respected', () => {
    expect(zonedTime(2026, 7, 1, 0, 0, 0, tz)).toBe(Date.UTC(2026, 6, 1, 4));
    expect(zonedTime(2026, 7, 1, 0, 0, 0, 'Asia/Tokyo')).toBe(Date.UTC(2026, 5, 30, 15));
  });
  test.each(['soon', '2026-02-30', '13/13/2026', 'Q4', '#VALUE!', 5])('%p is not a date', (v) => {
    expect(readDate(v, tz)).toBeUndefined();
  });
  test('blank is null', () => {
    expect(readDate('', tz)).toBeNull();
  });
});

describe('choices', () => {
  test.each([
    ['Key result', 'key-result'],
    ['KR', 'key-result'],
    ['Key Result', 'key-result'],
    ['主要な結果', 'key-result'],
    ['Objective', 'objective'],
    ['目標', 'objective'],
  ])('type %p → %p', (v, expected) => {
    expect(readType(v)).toBe(expected);
  });
  test.each([
    ['increase', 'increase'],
    ['Decrease', 'decrease'],
    ['at least', 'at-least'],
    ['AT_MOST', 'at-most'],
    ['>=', 'at-least'],
    ['≤', 'at-most'],
    ['マイルストーン', 'milestone'],
    ['以上', 'at-least'],
  ])('kind %p → %p', (v, expected) => {
    expect(readKind(v)).toBe(expected);
  });
  test.each([
    ['On track', 'on-track'],
    ['on-track', 'on-track'],
    ['Green', 'on-track'],
    ['At risk', 'at-risk'],
    ['要注意', 'at-risk'],
    ['Off track', 'off-track'],
    ['遅れ', 'off-track'],
    [0.8, 'on-track'],
    [0.5, 'at-risk'],
    [0.1, 'off-track'],
  ])('confidence %p → %p', (v, expected) => {
    expect(readConfidence(v)).toBe(expected);
  });
  test('unknown words are undefined, blanks null', () => {
    expect(readKind('wobble')).toBeUndefined();
    expect(readType('Task')).toBeUndefined();
    expect(readConfidence('meh')).toBeUndefined();
    expect(readConfidence('???')).toBeUndefined();
    expect(readKind('')).toBeNull();
  });
});

describe('dates from any realm', () => {
  const other = vm.runInNewContext(
    '[new Date(Date.UTC(2026, 10, 23)), new Date(NaN), { getTime() { return 1; } }]',
  ) as unknown[];

  test('a Date made in another realm (as Sheets values are in the local runtime) is a Date', () => {
    expect(other[0] instanceof Date).toBe(false);
    expect(isDate(other[0])).toBe(true);
    expect(dateMs(other[0])).toBe(Date.UTC(2026, 10, 23));
    expect(readDate(other[0], 'UTC')).toBe(Date.UTC(2026, 10, 23));
    expect(cellText(other[0])).toBe('2026-11-23T00:00:00.000Z');
  });

  test('an invalid Date is a Date that is not a date value; look-alikes and primitives are not Dates', () => {
    expect(isDate(other[1])).toBe(true);
    expect(readDate(other[1], 'UTC')).toBeUndefined();
    expect(cellText(other[1])).toBe('');
    const spoof = { [Symbol.toStringTag]: 'Date', getTime: () => 5 };
    for (const v of [other[2], spoof, [], null, undefined, 0, '2026-11-23', true]) {
      expect(isDate(v)).toBe(false);
      expect(dateMs(v)).toBeUndefined();
    }
  });
});
