import {
  CALENDAR_YEAR,
  currentCycle,
  cycleCalendar,
  cycleSpan,
  cyclesOf,
  expectedProgress,
  inCycle,
  isLive,
  isOpenCycle,
  paceOf,
  pacer,
  shownCycle,
} from '../../../../src/okr/core/cycle';

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const APRIL_TOKYO = { fiscalYearStartMonth: 4, timeZone: 'Asia/Tokyo' };
const tokyo = (iso: string) => Date.parse(`${iso}T00:00:00+09:00`);

describe('cycleSpan: what a cycle name means in time', () => {
  test.each([
    ['2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026 Q1', '2026-01-01', '2026-04-01'],
    ['Q2 2026', '2026-04-01', '2026-07-01'],
    ['2026/q3', '2026-07-01', '2026-10-01'],
    ['2026-H2', '2026-07-01', '2027-01-01'],
    ['FY2026-H1', '2026-01-01', '2026-07-01'],
    ['2026', '2026-01-01', '2027-01-01'],
    ['FY2026', '2026-01-01', '2027-01-01'],
  ])('%s on the calendar year', (name, start, end) => {
    expect(cycleSpan(name, CALENDAR_YEAR)).toEqual({ name, start: utc(start), end: utc(end) });
  });

  test.each([
    ['2026年度', '2026-04-01', '2027-04-01'],
    ['FY2026', '2026-04-01', '2027-04-01'],
    ['2026年度 Q1', '2026-04-01', '2026-07-01'],
    ['2026年度 第4四半期', '2027-01-01', '2027-04-01'],
    ['２０２６年度 Ｑ２', '2026-07-01', '2026-10-01'],
    ['2026年度 上期', '2026-04-01', '2026-10-01'],
    ['2026年度 下期', '2026-10-01', '2027-04-01'],
    ['FY2026-H2', '2026-10-01', '2027-04-01'],
    ['2026-Q4', '2027-01-01', '2027-04-01'],
  ])('%s with a fiscal year starting in April, in Tokyo', (name, start, end) => {
    const span = cycleSpan(name, APRIL_TOKYO);
    expect(span && [span.start, span.end]).toEqual([tokyo(start), tokyo(end)]);
  });

  test.each(['Launch', 'Sprint 4', '', 'Q5 2026', '2026-Q0', '26-Q1'])('"%s" is not date-like', (name) => {
    expect(cycleSpan(name)).toBeNull();
  });

  test('a cycle starts at local midnight in summer time (London, April is BST)', () => {
    const span = cycleSpan('2027-Q2', { fiscalYearStartMonth: 1, timeZone: 'Europe/London' });
    expect(span?.start).toBe(Date.parse('2027-03-31T23:00:00Z'));
  });
});

describe('isLive and currentCycle', () => {
  const now = utc('2026-11-26');
  test('a cycle stays live 14 days after it ends; undated cycles always are', () => {
    expect(isLive('2026-Q4', now)).toBe(true);
    expect(isLive('2026-Q3', utc('2026-10-14'))).toBe(true);
    expect(isLive('2026-Q3', utc('2026-10-16'))).toBe(false);
    expect(isLive('Launch', now)).toBe(true);
  });

  test('the current cycle is the shortest one containing today', () => {
    expect(currentCycle(['2026', '2026-Q4', '2027-Q1', 'Launch'], now)?.name).toBe('2026-Q4');
  });

  test('between cycles, the one that ended last; before any, the first to start; none when undated', () => {
    expect(currentCycle(['2026-Q2', '2026-Q3'], now)?.name).toBe('2026-Q3');
    expect(currentCycle(['2027-Q2', '2027-Q1'], now)?.name).toBe('2027-Q1');
    expect(currentCycle(['Launch', ''], now)).toBeNull();
  });

  test('with an April fiscal year, November 2026 is in 2026年度 Q3', () => {
    const names = ['2026年度 Q2', '2026年度 Q3', '2026年度 Q4'];
    expect(currentCycle(names, tokyo('2026-11-26'), APRIL_TOKYO)?.name).toBe('2026年度 Q3');
  });
});

describe('pace: where a key result should be by now', () => {
  const start = utc('2026-10-01');
  const due = utc('2026-12-31');
  test('expected progress at the start, the middle, the due date and after it', () => {
    expect(expectedProgress(start, due, start)).toBe(0);
    expect(expectedProgress(start, due, start + (due - start) / 2)).toBe(50);
    expect(expectedProgress(start, due, due)).toBe(100);
    expect(expectedProgress(start, due, due + 30 * 86_400_000)).toBe(100);
    expect(expectedProgress(start, due, start - 86_400_000)).toBe(0);
  });

  test('no line without both dates in order', () => {
    expect(expectedProgress(null, due, start)).toBeNull();
    expect(expectedProgress(start, null, start)).toBeNull();
    expect(expectedProgress(due, start, start)).toBeNull();
    expect(expectedProgress(start, start, start)).toBeNull();
  });

  test('behind pace only when progress trails by more than the margin', () => {
    const middle = start + (due - start) / 2;
    expect(paceOf(35, start, due, middle)).toEqual({ expected: 50, behind: false });
    expect(paceOf(34, start, due, middle)).toEqual({ expected: 50, behind: true });
    expect(paceOf(34, start, due, middle, 20)).toEqual({ expected: 50, behind: false });
    expect(paceOf(null, start, due, middle)).toBeNull();
  });
});

describe("cycles as data: inferred from the sheet's Cycle names with the team's calendar", () => {
  test("the calendar comes from the fiscal-year setting and the spreadsheet's time zone", () => {
    expect(cycleCalendar({ fiscalYearStartMonth: 4 }, 'Asia/Tokyo')).toEqual(APRIL_TOKYO);
    // A stored value out of range (a hand-edited property) reads as January, never a NaN date.
    expect(cycleCalendar({ fiscalYearStartMonth: 13 }, '')).toEqual(CALENDAR_YEAR);
  });

  test('each name once, dated in time order (the shorter first), undated after them by name', () => {
    const names = ['2027-Q1', ' 2026-Q4', 'Launch', '2026-Q4', '', '2026', 'Beta'];
    expect(cyclesOf(names, CALENDAR_YEAR)).toEqual([
      { name: '2026', start: utc('2026-01-01'), end: utc('2027-01-01') },
      { name: '2026-Q4', start: utc('2026-10-01'), end: utc('2027-01-01') },
      { name: '2027-Q1', start: utc('2027-01-01'), end: utc('2027-04-01') },
      { name: 'Beta', start: null, end: null },
      { name: 'Launch', start: null, end: null },
    ]);
  });

  test('with an April fiscal year in Tokyo, 2026年度 Q4 is January–March 2027 and FY2026-H1 April–September', () => {
    expect(cyclesOf(['2026年度 Q4', 'FY2026-H1', '2026年度'], APRIL_TOKYO)).toEqual([
      { name: 'FY2026-H1', start: tokyo('2026-04-01'), end: tokyo('2026-10-01') },
      { name: '2026年度', start: tokyo('2026-04-01'), end: tokyo('2027-04-01') },
      { name: '2026年度 Q4', start: tokyo('2027-01-01'), end: tokyo('2027-04-01') },
    ]);
    // The same names on the calendar year are other months.
    expect(cycleSpan('2026年度 Q4', CALENDAR_YEAR)?.start).toBe(utc('2026-10-01'));
  });

  test('on 15 February 2027 the current cycle is 2026年度 Q4 with an April year, 2027-Q1 on the calendar year', () => {
    const names = ['2026年度 Q3', '2026年度 Q4', '2027年度 Q1'];
    expect(currentCycle(names, tokyo('2027-02-15'), APRIL_TOKYO)?.name).toBe('2026年度 Q4');
    expect(currentCycle(['2026-Q4', '2027-Q1'], utc('2027-02-15'), CALENDAR_YEAR)?.name).toBe('2027-Q1');
  });

  test('an open cycle is neither closed by a Lead nor over (after the grace days)', () => {
    const now = utc('2026-11-26');
    expect(isOpenCycle('2026-Q4', now, CALENDAR_YEAR, new Set())).toBe(true);
    expect(isOpenCycle('2026-Q4', now, CALENDAR_YEAR, new Set(['2026-Q4']))).toBe(false);
    expect(isOpenCycle('2026-Q3', now, CALENDAR_YEAR, new Set())).toBe(false);
    expect(isOpenCycle('Launch', now, CALENDAR_YEAR, new Set())).toBe(true);
    // 2026年度 Q2 (July–September 2026) is over in November with an April year; 2026-Q2 read on the
    // calendar year would have ended in June.
    expect(isOpenCycle('2026年度 Q3', tokyo('2026-11-26'), APRIL_TOKYO, new Set())).toBe(true);
    expect(isOpenCycle('2026年度 Q2', tokyo('2026-11-26'), APRIL_TOKYO, new Set())).toBe(false);
  });

  test('the shown cycle: the one chosen when the sheet has it, else the current one, else none', () => {
    const names = ['2026-Q3', '2026-Q4', '2027-Q1'];
    const now = utc('2026-11-26');
    expect(shownCycle(names, '', now, CALENDAR_YEAR)).toBe('2026-Q4');
    expect(shownCycle(names, '2026-Q3', now, CALENDAR_YEAR)).toBe('2026-Q3');
    expect(shownCycle(names, '2025-Q1', now, CALENDAR_YEAR)).toBe('2026-Q4');
    expect(shownCycle(['Launch'], '', now, CALENDAR_YEAR)).toBeNull();
    expect(shownCycle(['Launch'], 'Launch', now, CALENDAR_YEAR)).toBe('Launch');
  });

  test('a view of a cycle shows it, blank Cycles, and the longer cycles that span it; never its neighbours', () => {
    expect(inCycle('2026-Q4', '2026-Q4', CALENDAR_YEAR)).toBe(true);
    expect(inCycle(' 2026-Q4 ', '2026-Q4', CALENDAR_YEAR)).toBe(true);
    expect(inCycle('2026-Q3', '2026-Q4', CALENDAR_YEAR)).toBe(false);
    expect(inCycle('2027-Q1', '2026-Q4', CALENDAR_YEAR)).toBe(false);
    expect(inCycle('', '2026-Q4', CALENDAR_YEAR)).toBe(true);
    expect(inCycle('2026-H2', '2026-Q4', CALENDAR_YEAR)).toBe(true);
    expect(inCycle('2026', '2026-Q4', CALENDAR_YEAR)).toBe(true);
    // The quarter is not in the view of the year that contains it: the year's view is the year's.
    expect(inCycle('2026-Q4', '2026', CALENDAR_YEAR)).toBe(false);
    expect(inCycle('Launch', '2026-Q4', CALENDAR_YEAR)).toBe(false);
    expect(inCycle('2026-Q3', null, CALENDAR_YEAR)).toBe(true);
    // With an April year, 2026年度 (April 2026 – March 2027) spans 2026年度 Q4 (January–March 2027).
    expect(inCycle('2026年度', '2026年度 Q4', APRIL_TOKYO)).toBe(true);
    expect(inCycle('2026', '2026年度 Q4', APRIL_TOKYO)).toBe(true);
    expect(inCycle('2027年度', '2026年度 Q4', APRIL_TOKYO)).toBe(false);
  });
});

describe("a key result's pace: from its cycle (or its own dates) through paceOf", () => {
  const kr = (over: Partial<Parameters<ReturnType<typeof pacer>>[0]> = {}) => ({
    cycle: '2026-Q4',
    due: null,
    kind: 'increase' as const,
    start: 0,
    target: 100,
    current: 40,
    progress: null,
    ...over,
  });
  const q4 = { start: utc('2026-10-01'), end: utc('2027-01-01') };
  const middle = q4.start + (q4.end - q4.start) / 2;

  test('at the start of the cycle, in the middle, and after it ended', () => {
    expect(pacer(q4.start, CALENDAR_YEAR)(kr())).toEqual({ expected: 0, behind: false });
    expect(pacer(middle, CALENDAR_YEAR)(kr())).toEqual({ expected: 50, behind: false });
    expect(pacer(middle, CALENDAR_YEAR)(kr({ current: 30 }))).toEqual({ expected: 50, behind: true });
    expect(pacer(q4.end + 20 * 86_400_000, CALENDAR_YEAR)(kr({ current: 90 }))).toEqual({
      expected: 100,
      behind: false,
    });
    expect(pacer(q4.end + 20 * 86_400_000, CALENDAR_YEAR)(kr({ current: 80 }))).toEqual({
      expected: 100,
      behind: true,
    });
  });

  test("the key result's own Due date and Start date bound the line when it has them", () => {
    const due = utc('2026-10-31');
    // Half way from 1 October to 31 October is 16 October.
    expect(pacer(utc('2026-10-16'), CALENDAR_YEAR)(kr({ due }))).toEqual({ expected: 50, behind: false });
    const startDate = utc('2026-10-16');
    expect(pacer(utc('2026-10-16'), CALENDAR_YEAR)(kr({ due, startDate }))).toEqual({
      expected: 0,
      behind: false,
    });
  });

  test("the margin is the setting's", () => {
    expect(pacer(middle, CALENDAR_YEAR, 25)(kr({ current: 30 }))).toEqual({ expected: 50, behind: false });
  });

  test('with an April fiscal year, 2026年度 Q3 runs October–December in Tokyo', () => {
    // 15 November is 45 of the 92 days from 1 October to 1 January.
    const at = tokyo('2026-11-15');
    expect(pacer(at, APRIL_TOKYO)(kr({ cycle: '2026年度 Q3' }))?.expected).toBe(49);
  });

  test('no pace without a line or a figure: undated cycle, no progress, a milestone or a bound', () => {
    const pace = pacer(middle, CALENDAR_YEAR);
    expect(pace(kr({ cycle: 'Launch' }))).toBeNull();
    expect(pace(kr({ current: null }))).toBeNull();
    expect(pace(kr({ kind: 'milestone', current: 0, target: 1 }))).toBeNull();
    expect(pace(kr({ kind: 'at-least', current: 0, target: 1 }))).toBeNull();
    expect(pace(kr({ kind: null }))).toEqual({ expected: 50, behind: false });
  });
});
