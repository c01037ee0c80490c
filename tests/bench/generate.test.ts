// The synthetic workbook generator: deterministic, the requested sizes, and realistic content the
// benchmarks rely on (a clean sample key result, leads, planted ownership mistakes, a history that
// ends at each key result's Current and Last check-in).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECK_IN_HEADERS,
  DEFAULT_AS_OF,
  generateFixture,
  generateRows,
  OKR_HEADERS,
  TEAM_HEADERS,
} from '../../local/fixtures/generate';
import { workbookFromXlsx } from '../../local/runtime';

const repoRoot = join(__dirname, '..', '..');

const keyResultRows = (okrs: unknown[][]) => okrs.slice(1).filter((r) => r[1] === 'Key result');
const objectiveRows = (okrs: unknown[][]) => okrs.slice(1).filter((r) => r[1] === 'Objective');
const time = (v: unknown) => (v as Date).getTime();

describe('generateRows', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const opts = { keyResults: 120, owners: 25, weeksOfHistory: 4, seed: 7 };
    expect(generateRows(opts)).toEqual(generateRows(opts));
    expect(generateRows({ ...opts, seed: 8 }).tabs.OKRs).not.toEqual(generateRows(opts).tabs.OKRs);
  });

  it.each([
    [1, 2],
    [7, 3],
    [20, 5],
    [103, 20],
    [1000, 200],
  ])('makes exactly %i key results and %i people', (keyResults, owners) => {
    const { tabs, facts } = generateRows({ keyResults, owners, weeksOfHistory: 2, seed: 1 });
    expect(keyResultRows(tabs.OKRs)).toHaveLength(keyResults);
    expect(tabs.Team).toHaveLength(owners + 1);
    expect(objectiveRows(tabs.OKRs)).toHaveLength(facts.objectives);
    expect(facts.objectives).toBe(Math.max(1, Math.round(keyResults / 5)));
  });

  it('writes the exact headers of the three tabs', () => {
    const { tabs } = generateRows({ keyResults: 10, owners: 4, weeksOfHistory: 1, seed: 1 });
    expect(tabs.OKRs[0]).toEqual([...OKR_HEADERS]);
    expect(tabs.OKRs[0]).toEqual([
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
    expect(tabs.Team[0]).toEqual([...TEAM_HEADERS]);
    expect(tabs.Team[0]).toEqual(['Name', 'Email', 'Team', 'Manager', 'Role', 'Language']);
    expect(tabs['Check-ins'][0]).toEqual([...CHECK_IN_HEADERS]);
    expect(tabs['Check-ins'][0]).toEqual(['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']);
  });

  it('gives objectives 3–7 key results each, about 5 on average, under unique IDs', () => {
    const { tabs, facts } = generateRows({ keyResults: 1000, owners: 200, weeksOfHistory: 1, seed: 3 });
    const ids = tabs.OKRs.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const perObjective = new Map<unknown, number>();
    for (const kr of keyResultRows(tabs.OKRs)) perObjective.set(kr[2], (perObjective.get(kr[2]) ?? 0) + 1);
    expect(perObjective.size).toBe(facts.objectives);
    for (const n of perObjective.values()) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    expect(new Set(objectiveRows(tabs.OKRs).map((r) => r[0]))).toEqual(new Set(perObjective.keys()));
  });

  it('has leads, leadership, Japanese speakers, and every non-leadership person owning something', () => {
    const { tabs, facts } = generateRows({ keyResults: 1000, owners: 200, weeksOfHistory: 1, seed: 5 });
    const roles = tabs.Team.slice(1).map((r) => r[4]);
    expect(roles.filter((r) => r === 'Lead').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'Leadership').length).toBeGreaterThanOrEqual(1);
    expect(roles.filter((r) => r === 'Member').length).toBeGreaterThan(150);
    const japanese = tabs.Team.slice(1).filter((r) => r[5] === 'ja');
    expect(japanese.length).toBeGreaterThan(10);
    expect(String(japanese[0][0])).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const emails = tabs.Team.slice(1).map((r) => r[1]);
    expect(new Set(emails).size).toBe(emails.length);
    const owned = new Set(keyResultRows(tabs.OKRs).map((r) => r[4]));
    for (const p of facts.people.filter((x) => x.role !== 'Leadership'))
      expect(owned.has(p.email)).toBe(true);
    expect(facts.leads).toContain(tabs.Team.slice(1).find((r) => r[4] === 'Lead')?.[1]);
  });

  it('plants each kind of ownership mistake, never on the sample key result', () => {
    const { tabs, facts } = generateRows({ keyResults: 100, owners: 20, weeksOfHistory: 1, seed: 9 });
    const rowOf = (id: string) => tabs.OKRs.find((r) => r[0] === id)!;
    const emails = new Set(tabs.Team.slice(1).map((r) => r[1]));
    expect(facts.planted['owner-missing'].length).toBeGreaterThan(0);
    for (const id of facts.planted['owner-missing']) expect(rowOf(id)[4]).toBe('');
    for (const id of facts.planted['owner-multiple']) expect(String(rowOf(id)[4])).toMatch(/,| and /);
    for (const id of facts.planted['owner-not-person']) expect(String(rowOf(id)[4])).toMatch(/ team$/);
    for (const id of facts.planted['owner-unknown']) {
      expect(String(rowOf(id)[4])).toMatch(/@/);
      expect(emails.has(rowOf(id)[4])).toBe(false);
    }
    const sample = rowOf(facts.sample.id);
    expect(sample[4]).toBe(facts.sample.owner);
    expect(emails.has(facts.sample.owner)).toBe(true);
    expect(sample[14]).toBeInstanceOf(Date);
    expect(tabs.OKRs.indexOf(sample) + 1).toBe(facts.sample.row);
    expect(Object.values(facts.planted).flat()).not.toContain(facts.sample.id);
  });

  it('keeps a check-in history before asOf that ends at Current and Last check-in', () => {
    const weeks = 6;
    const { tabs, facts } = generateRows({ keyResults: 200, owners: 40, weeksOfHistory: weeks, seed: 11 });
    const log = tabs['Check-ins'].slice(1);
    expect(log.length).toBe(facts.checkIns);
    expect(log.length).toBeGreaterThan(200 * weeks * 0.5);
    const times = log.map((r) => time(r[0]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(DEFAULT_AS_OF);
    expect(Math.min(...times)).toBeGreaterThan(DEFAULT_AS_OF - (weeks + 1) * 7 * 86_400_000);
    const last = new Map<unknown, unknown[]>();
    for (const r of log) last.set(r[1], r);
    let stale = 0;
    for (const kr of keyResultRows(tabs.OKRs)) {
      const latest = last.get(kr[0]);
      if (!latest) {
        expect(kr[15]).toBe('');
        continue;
      }
      expect(time(kr[15])).toBe(time(latest[0]));
      expect(latest[3]).toBe(kr[10]);
      if (DEFAULT_AS_OF - time(kr[15]) > 21 * 86_400_000) stale++;
    }
    expect(stale).toBeGreaterThan(0);
    expect(
      generateRows({ keyResults: 10, owners: 3, weeksOfHistory: 0, seed: 1 }).tabs['Check-ins'],
    ).toHaveLength(1);
  });

  it('refuses sizes it cannot make', () => {
    expect(() => generateRows({ keyResults: 0, owners: 5, weeksOfHistory: 1, seed: 1 })).toThrow(
      /keyResults/,
    );
    expect(() => generateRows({ keyResults: 5, owners: 1, weeksOfHistory: 1, seed: 1 })).toThrow(/owners/);
  });
});

describe('generateFixture', () => {
  it('builds a runtime Workbook holding the generated rows', () => {
    const opts = { keyResults: 50, owners: 10, weeksOfHistory: 2, seed: 4 };
    const { workbook, facts } = generateFixture(opts);
    const { tabs } = generateRows(opts);
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(['OKRs', 'Team', 'Check-ins']));
    expect(workbook.values('OKRs')).toHaveLength(50 + facts.objectives + 1);
    expect(workbook.values('OKRs')[0]).toEqual(tabs.OKRs[0]);
    expect(workbook.values('Team')).toHaveLength(11);
    expect(workbook.values('Check-ins')).toHaveLength(facts.checkIns + 1);
    expect(workbook.timeZone).toBe('America/New_York');
  });
});

describe('local/fixtures/write.ts', () => {
  it('writes a generated workbook to an xlsx file that reads back with the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
    try {
      const file = join(dir, 'okrs.xlsx');
      const stdout = execFileSync(
        process.execPath,
        [
          join(repoRoot, 'local/bin/tsx-run.cjs'),
          join(repoRoot, 'local/fixtures/write.ts'),
          '--key-results',
          '40',
          '--owners',
          '8',
          '--weeks',
          '2',
          '--out',
          file,
        ],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      expect(stdout).toContain('40 key results, 8 people');
      const wb = await workbookFromXlsx(readFileSync(file));
      const { tabs } = generateRows({ keyResults: 40, owners: 8, weeksOfHistory: 2, seed: 42 });
      expect(wb.values('OKRs')).toHaveLength(tabs.OKRs.length);
      expect(wb.values('Team').map((r) => r[1])).toEqual(tabs.Team.map((r) => r[1]));
      expect(wb.values('Check-ins')).toHaveLength(tabs['Check-ins'].length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
