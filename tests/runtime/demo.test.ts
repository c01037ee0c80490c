// The demo workbook: a realistic small company the sandbox and later tests start from.
import { DEMO_CLOSED_CYCLE, DEMO_TODAY, demoWorkbook } from '../../local/fixtures/demo';

const DAY = 86_400_000;

describe('demoWorkbook', () => {
  const wb = demoWorkbook();
  const team = wb.values('Team');
  const okrs = wb.values('OKRs');
  /** The rows of the current cycle (2026-Q4), the story's "now"; the previous cycle's follow them. */
  const current = [okrs[0], ...okrs.slice(1).filter((r) => r[6] === '2026-Q4')];

  test('tabs, time zone and locale', () => {
    expect(wb.sheetNames()).toEqual(['Team', 'OKRs', 'Check-ins', 'Agreements']);
    expect(wb.sheetNames()).not.toContain('Summary');
    expect([wb.timeZone, wb.locale]).toEqual(['America/New_York', 'en_US']);
  });

  test('Team: header, eight people at example.com, one Lead, two Leadership, one Japanese speaker', () => {
    expect(team[0]).toEqual(['Name', 'Email', 'Team', 'Manager', 'Role', 'Language']);
    const people = team.slice(1);
    expect(people).toHaveLength(8);
    expect(people.every((p) => /^[a-z.]+@example\.com$/.test(String(p[1])))).toBe(true);
    expect(new Set(people.map((p) => p[2]))).toEqual(new Set(['Product', 'Engineering', 'Sales']));
    expect(people.filter((p) => p[4] === 'Lead')).toHaveLength(1);
    expect(people.filter((p) => p[4] === 'Leadership')).toHaveLength(2);
    expect(people.filter((p) => p[5] === 'ja')).toHaveLength(1);
    const emails = new Set(people.map((p) => p[1]));
    expect(people.every((p) => p[3] === '' || emails.has(p[3] as string))).toBe(true);
  });

  test('two cycles: the current one first, then the previous one (2026-Q3), one objective and three key results, one finished', () => {
    const previous = okrs.slice(1).filter((r) => r[6] === DEMO_CLOSED_CYCLE);
    expect(okrs.slice(1).map((r) => r[6])).toEqual([
      ...Array(12).fill('2026-Q4'),
      ...Array(4).fill('2026-Q3'),
    ]);
    expect(previous.map((r) => r[0])).toEqual(['O4', 'O4.1', 'O4.2', 'O4.3']);
    expect(previous.filter((r) => r[1] === 'Key result').map((r) => r[12])).toEqual([1, 0.6, 0]);
    // Every key result of the previous cycle was accepted and last checked in before the cycle ended.
    const end = Date.parse('2026-10-01T04:00:00Z');
    for (const r of previous.slice(1)) {
      expect(Object.prototype.toString.call(r[14])).toBe('[object Date]');
      expect((r[15] as Date).getTime()).toBeLessThan(end);
    }
  });

  test('OKRs: exact header, three objectives with three key results each, every kind used', () => {
    expect(okrs[0]).toEqual([
      'ID',
      'Type',
      'Parent',
      'Title',
      'Owner',
      'Team',
      'Cycle',
      'Kind',
      'Start',
      'Target',
      'Current',
      'Unit',
      'Progress',
      'Confidence',
      'Accepted',
      'Last check-in',
      'Due',
      'Note',
    ]);
    const rows = current.slice(1);
    expect(rows.map((r) => r[0])).toEqual([
      'O1',
      'O1.1',
      'O1.2',
      'O1.3',
      'O2',
      'O2.1',
      'O2.2',
      'O2.3',
      'O3',
      'O3.1',
      'O3.2',
      'O3.3',
    ]);
    const krs = rows.filter((r) => r[1] === 'Key result');
    expect(krs).toHaveLength(9);
    expect(krs.every((r) => String(r[0]).startsWith(`${r[2]}.`))).toBe(true);
    expect(rows.every((r) => r[6] === '2026-Q4')).toBe(true);
    expect(new Set(krs.map((r) => r[7]))).toEqual(
      new Set(['increase', 'decrease', 'at least', 'at most', 'milestone']),
    );
    const emails = new Set(team.slice(1).map((p) => p[1]));
    expect(rows.every((r) => emails.has(r[4] as string))).toBe(true);
    expect(new Set(krs.map((r) => r[13]))).toEqual(new Set(['On track', 'At risk', 'Off track']));
  });

  test('acceptance: most accepted with dates, two pending', () => {
    const krs = current.slice(1).filter((r) => r[1] === 'Key result');
    const pending = krs.filter((r) => r[14] === '');
    expect(pending.map((r) => r[0])).toEqual(['O2.3', 'O3.3']);
    expect(krs.filter((r) => Object.prototype.toString.call(r[14]) === '[object Date]')).toHaveLength(7);
  });

  test('progress is numeric 0–1 under a 0% format; last check-ins 2–20 days before today, one stale', () => {
    const today = Date.parse(`${DEMO_TODAY}T05:00:00Z`);
    const rows = current.slice(1);
    for (const [i, r] of rows.entries()) {
      expect(typeof r[12]).toBe('number');
      expect(r[12]).toBeGreaterThanOrEqual(0);
      expect(r[12]).toBeLessThanOrEqual(1);
      expect(wb.numberFormat('OKRs', `M${i + 2}`)).toBe('0%');
    }
    const ages = rows
      .filter((r) => r[1] === 'Key result')
      .map((r) => Math.round((today - (r[15] as Date).getTime()) / DAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...ages)).toBeLessThanOrEqual(20);
    expect(ages.filter((a) => a > 14)).toHaveLength(1);
    expect(wb.displayValues('OKRs')[2]?.[12]).toBe('50%');
    expect(wb.displayValues('OKRs')[2]?.[15]).toBe('2026-11-16');
  });

  test('Check-ins: a few weeks of history by the owners of what they checked in', () => {
    const log = wb.values('Check-ins');
    expect(log[0]).toEqual(['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']);
    const entries = log.slice(1);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const times = entries.map((e) => (e[0] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThan(14 * DAY);
    const ownerOf = new Map(okrs.slice(1).map((r) => [r[0], r[4]]));
    expect(entries.every((e) => ownerOf.get(e[1]) === e[2])).toBe(true);
  });

  test('the Owner column offers the Team emails and rejects anything else; Confidence only warns', () => {
    expect(wb.validation('OKRs', 'E3')).toMatchObject({
      type: 'VALUE_IN_RANGE',
      rangeA1: 'Team!B2:B1000',
      allowInvalid: false,
    });
    expect(wb.validation('OKRs', 'N3')).toMatchObject({
      type: 'VALUE_IN_LIST',
      values: ['On track', 'At risk', 'Off track'],
      allowInvalid: true,
    });
    expect(wb.frozenRows('OKRs')).toBe(1);
  });

  test('each call builds a fresh, independent workbook', () => {
    const a = demoWorkbook();
    const b = demoWorkbook();
    a.setValues('OKRs', 'D2', [['changed']]);
    expect(b.value('OKRs', 'D2')).toBe('Make onboarding effortless for new customers');
    expect(a.id).not.toBe(b.id);
  });
});
