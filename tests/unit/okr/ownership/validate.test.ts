import { DEFAULT_SETTINGS, type ProblemCode } from '../../../../src/okr/core/model';
import { PROBLEM_HINTS, PROBLEM_MESSAGES, SEVERITY } from '../../../../src/okr/core/problems';
import { countProblems } from '../../../../src/okr/ownership/validate';
import { check, cleanOkrs, cleanTeam, HEADERS, set } from '../fixtures';

const only = (problems: ReturnType<typeof check>) => problems.map((p) => [p.code, p.id, p.cell]);

test('the clean sheet has no problems', () => {
  expect(check(cleanOkrs())).toEqual([]);
});

describe('each problem code, planted once, is reported once at its cell', () => {
  const cases: Array<[ProblemCode, (rows: unknown[][]) => unknown[][], string | null, string | null]> = [
    ['owner-missing', (r) => set(r, 'O1.1', 'Owner', ''), 'O1.1', 'OKRs!E3'],
    ['owner-multiple', (r) => set(r, 'O1.1', 'Owner', 'ann@acme.com, bob@acme.com'), 'O1.1', 'OKRs!E3'],
    ['owner-not-person', (r) => set(r, 'O1.2', 'Owner', 'Growth team'), 'O1.2', 'OKRs!E4'],
    ['owner-unknown', (r) => set(r, 'O1.2', 'Owner', 'carl@acme.com'), 'O1.2', 'OKRs!E4'],
    ['id-missing', (r) => set(r, 'O2.1', 'ID', ''), null, 'OKRs!A6'],
    ['id-duplicate', (r) => set(r, 'O1.2', 'ID', 'O1.1'), 'O1.1', 'OKRs!A4'],
    // IDs that differ only in case look the same to people: one of them must change.
    ['id-duplicate', (r) => set(r, 'O1.2', 'ID', 'o1.1'), 'o1.1', 'OKRs!A4'],
    ['parent-missing', (r) => set(r, 'O1.2', 'Parent', 'O9'), 'O1.2', 'OKRs!C4'],
    ['parent-not-objective', (r) => set(r, 'O1.2', 'Parent', 'O1.1'), 'O1.2', 'OKRs!C4'],
    ['type-unknown', (r) => set(r, 'O1.2', 'Type', 'Task'), 'O1.2', 'OKRs!B4'],
    ['kind-unknown', (r) => set(r, 'O1.1', 'Kind', 'sideways'), 'O1.1', 'OKRs!H3'],
    ['confidence-unknown', (r) => set(r, 'O1.1', 'Confidence', 'meh'), 'O1.1', 'OKRs!N3'],
    ['value-not-number', (r) => set(r, 'O1.1', 'Current', 'about 40'), 'O1.1', 'OKRs!K3'],
    ['target-equals-start', (r) => set(r, 'O1.1', 'Target', 30), 'O1.1', 'OKRs!J3'],
    ['date-invalid', (r) => set(r, 'O1.1', 'Due', 'end of year'), 'O1.1', 'OKRs!Q3'],
    ['owner-pending', (r) => set(r, 'O1.1', 'Accepted', ''), 'O1.1', 'OKRs!O3'],
    ['objective-owner-missing', (r) => set(r, 'O2', 'Owner', ''), 'O2', 'OKRs!E5'],
    ['stale', (r) => set(r, 'O1.1', 'Last check-in', new Date('2026-10-01T00:00:00Z')), 'O1.1', 'OKRs!P3'],
  ];
  test.each(cases)('%s', (code, plant, id, cell) => {
    const problems = check(plant(cleanOkrs()));
    expect(only(problems)).toEqual([[code, id, cell]]);
    expect(problems[0].severity).toBe(SEVERITY[code]);
    expect(problems[0].message).not.toMatch(/\{\w+\}/);
    expect(problems[0].hint).not.toMatch(/\{\w+\}/);
  });

  test('header-missing (sheet-wide, no cell)', () => {
    const rows = cleanOkrs();
    rows[0] = rows[0].map((h) => (h === 'Owner' ? 'Budget' : h));
    const problems = check(rows);
    expect(problems.map((p) => [p.code, p.column, p.row, p.cell])).toEqual([
      ['header-missing', 'Owner', null, null],
    ]);
  });

  test('objective-without-krs', () => {
    const rows = cleanOkrs();
    rows.push(['O3', 'Objective', '', 'Lonely', 'ann@acme.com', '', '2026-Q4']);
    expect(only(check(rows))).toEqual([['objective-without-krs', 'O3', 'OKRs!A7']]);
  });

  test('objective-too-many-krs and owner-overloaded', () => {
    const rows = cleanOkrs();
    for (let i = 2; i <= 7; i++) {
      const r = [...rows[2]];
      r[0] = `O1.${i + 1}`;
      rows.push(r);
    }
    const codes = check(rows).map((p) => p.code);
    expect(codes.filter((c) => c === 'objective-too-many-krs')).toHaveLength(1);
    expect(codes.filter((c) => c === 'owner-overloaded')).toHaveLength(1);
    expect(new Set(codes)).toEqual(new Set(['objective-too-many-krs', 'owner-overloaded']));
  });

  test('owner-overloaded follows the limit setting, per cycle', () => {
    const rows = cleanOkrs();
    set(rows, 'O1.2', 'Owner', 'ann@acme.com');
    expect(
      check(rows, cleanTeam(), 'en', { ...DEFAULT_SETTINGS, overloadLimit: 1 }).map((p) => [p.code, p.id]),
    ).toEqual([['owner-overloaded', 'O1.2']]);
    set(rows, 'O1.2', 'Cycle', '2027-Q1');
    expect(check(rows, cleanTeam(), 'en', { ...DEFAULT_SETTINGS, overloadLimit: 1 })).toEqual([]);
  });
});

describe('Team tab problems', () => {
  test('an invalid and a duplicated email', () => {
    const team = cleanTeam();
    team.push(['Carl', 'carl at acme', '', '', '', ''], ['Ann again', 'ANN@acme.com', '', '', '', '']);
    expect(check(cleanOkrs(), team).map((p) => [p.code, p.cell])).toEqual([
      ['team-email-invalid', 'Team!B4'],
      ['team-email-duplicate', 'Team!B5'],
    ]);
  });
  test('no Team tab: reported once, not as an unknown owner on every row', () => {
    expect(check(cleanOkrs(), []).map((p) => [p.code, p.message])).toEqual([
      ['header-missing', 'There is no Team tab.'],
    ]);
    // Owners that are wrong in themselves are still reported.
    const codes = check(set(cleanOkrs(), 'O1.1', 'Owner', 'a@acme.com, b@acme.com'), []).map((p) => p.code);
    expect(codes).toEqual(['header-missing', 'owner-multiple']);
  });
});

describe('messages', () => {
  test('owner-unknown suggests the Team member whose name was typed', () => {
    const [p] = check(set(cleanOkrs(), 'O1.2', 'Owner', 'Bob Stone'));
    expect(p.code).toBe('owner-unknown');
    expect(p.hint).toContain('bob@acme.com');
    expect(p.message).toContain('Bob Stone');
  });
  test('Japanese messages name the row and say what to do', () => {
    const [p] = check(set(cleanOkrs(), 'O1.1', 'Owner', '佐藤・鈴木'), cleanTeam(), 'ja');
    expect(p.code).toBe('owner-multiple');
    expect(p.message).toBe('主要な結果 O1.1（3行目）に担当者が複数います：「佐藤・鈴木」。');
    expect(p.hint).toContain('OKRs!E3');
  });
  test('every message and hint exists in both languages', () => {
    for (const table of [PROBLEM_MESSAGES, PROBLEM_HINTS]) {
      for (const [key, text] of Object.entries(table)) {
        expect([key, text.en.length > 10, text.ja.length > 5]).toEqual([key, true, true]);
      }
    }
  });
  test('objective owners are warnings even when they are bad', () => {
    const [p] = check(set(cleanOkrs(), 'O2', 'Owner', 'ann@acme.com and bob@acme.com'));
    expect([p.code, p.severity]).toEqual(['owner-multiple', 'warning']);
  });
});

test('countProblems', () => {
  const problems = check(set(set(cleanOkrs(), 'O1.1', 'Owner', ''), 'O1.2', 'Accepted', ''));
  expect(countProblems(problems)).toEqual({
    errors: 1,
    warnings: 1,
    total: 2,
    byCode: { 'owner-missing': 1, 'owner-pending': 1 },
  });
});

test('headers in any order and language are adopted', () => {
  const rows = cleanOkrs();
  const ja = [
    'ID',
    '種類',
    '親',
    'タイトル',
    '担当者',
    'チーム',
    'サイクル',
    '指標の種類',
    '開始値',
    '目標値',
    '現在値',
    '単位',
    '進捗',
    '自信度',
    '承諾日',
    '最終チェックイン',
    '期限',
    'メモ',
  ];
  expect(ja).toHaveLength(HEADERS.length);
  const order = [3, 0, 4, 1, 2, ...Array.from({ length: 13 }, (_, i) => i + 5)];
  const shuffled = [order.map((i) => ja[i]), ...rows.slice(1).map((r) => order.map((i) => r[i]))];
  expect(check(shuffled)).toEqual([]);
  set(rows, 'O1.1', 'Owner', '');
  const broken = [order.map((i) => ja[i]), ...rows.slice(1).map((r) => order.map((i) => r[i]))];
  // Owner is now the third column: C.
  expect(only(check(broken))).toEqual([['owner-missing', 'O1.1', 'OKRs!C3']]);
});

test.each(['ID', 'Parent', 'Type'])('a missing %s column is reported once, not on every row', (header) => {
  const rows = cleanOkrs();
  rows[0] = rows[0].map((h) => (h === header ? 'Budget' : h));
  const problems = check(rows);
  expect(problems.map((p) => [p.code, p.column])).toEqual([['header-missing', header]]);
});

test('without an Accepted column, key results are not each reported as pending', () => {
  const rows = cleanOkrs().map((r) => r.filter((_, i) => i !== HEADERS.indexOf('Accepted')));
  expect(check(rows)).toEqual([]);
});
