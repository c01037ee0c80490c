import {
  CALENDAR_YEAR,
  currentCycle,
  cycleSpan,
  expectedProgress,
  isLive,
  paceOf,
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
