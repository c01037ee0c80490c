// importOkrs through the built add-on: three real-world flat layouts become OKRs rows (objectives
// once, key results under them, IDs generated, values and owners carried as they are), the source
// tab is untouched, the validator then reports the bad owners, a second import adds nothing.
import { Workbook } from '../../local/runtime';
import { IMPORT_CORPUS } from '../fixtures/import';
import { baseTeam } from '../fixtures/okr/malformed';
import { allValues, LEAD, openRuntime, readsOf, snapshot, writesOf } from '../fixtures/okr/runtime';

interface ImportResult {
  ok: boolean;
  error?: string;
  objectives: number;
  keyResults: number;
  skippedRows: Array<{ row: number; reason: string }>;
  columns: { mapped: Array<{ header: string; column: string }>; ignored: string[] };
}

const LAYOUTS: Record<string, unknown[][]> = {
  'Team OKRs': [
    ['Objective', 'Key Result', 'Owner', 'Target', 'Current', 'Confidence', 'Budget'],
    ['Grow revenue', 'ARR to $2M', 'ann@acme.com', '$2,000,000', '$1,200,000', 'On track', 1000],
    ['Grow revenue', 'Net retention to 110%', 'Ann and Bob', '110%', '104%', 'At risk', ''],
    ['Ship faster', 'Deploys per week to 20', 'Platform', 20, 12, 'green', ''],
    ['Ship faster', 'Lead time under 2 days', 'bob@acme.com', 2, 3, 'Off track', ''],
  ],
  'HR export': [
    ['Objective Title', 'Owner_Email_ID', 'Metric_Start_Value', 'Metric_Target_Value', 'Due_Date', 'Notes'],
    ['Reduce churn to 3%', 'bob@acme.com', 5, 3, new Date('2026-12-31T05:00:00Z'), 'from the board deck'],
    ['Hire 5 engineers', 'chie@acme.com', 0, 5, '2026-12-15', ''],
    ['Hire 5 engineers', '', 0, 5, '2026-12-15', 'backfill'],
  ],
  営業OKR: [
    ['2026年 下期 営業部 OKR'],
    ['目標', '主要な結果', '担当者', '開始値', '目標値', '現在値', '自信度', '期限'],
    ['新規顧客を増やす', '商談数を月50件に', 'chie@acme.com', 20, 50, 35, '順調', '2026/12/31'],
    ['', '成約率を25%に', '佐藤・鈴木', '15%', '25%', '18%', '要注意', '2026/12/31'],
    ['既存顧客の満足度', 'NPSを40以上に', '千恵 佐藤', '', 40, 32, '遅れ', ''],
  ],
};

async function runtimeWith(tabs: Record<string, unknown[][]>) {
  return openRuntime(Workbook.fromRows({ Team: baseTeam(), ...tabs }, { timeZone: 'America/New_York' }));
}

test('Objective | Key Result | Owner | Target | Current | Confidence', async () => {
  const rt = await runtimeWith({ 'Team OKRs': LAYOUTS['Team OKRs'] });
  const source = JSON.stringify(rt.workbook.values('Team OKRs'));
  const r = rt.run('importOkrs', [{ sheetName: 'Team OKRs' }], { as: LEAD });
  expect(r.ok).toBe(true);
  const result = r.result as ImportResult;
  expect(result).toMatchObject({ ok: true, objectives: 2, keyResults: 4, skippedRows: [] });
  expect(result.columns.ignored).toEqual(['Budget']);
  expect(JSON.stringify(rt.workbook.values('Team OKRs'))).toBe(source);
  const okrs = rt.workbook.values('OKRs');
  expect(okrs.map((row) => row.slice(0, 5))).toEqual([
    ['ID', 'Type', 'Parent', 'Title', 'Owner'],
    ['O1', 'Objective', '', 'Grow revenue', ''],
    ['O1.1', 'Key result', 'O1', 'ARR to $2M', 'ann@acme.com'],
    ['O1.2', 'Key result', 'O1', 'Net retention to 110%', 'Ann and Bob'],
    ['O2', 'Objective', '', 'Ship faster', ''],
    ['O2.1', 'Key result', 'O2', 'Deploys per week to 20', 'Platform'],
    ['O2.2', 'Key result', 'O2', 'Lead time under 2 days', 'bob@acme.com'],
  ]);
  // The validator reports the owners that were carried over as they are.
  const problems = (
    rt.run('validateOkrs', [], { as: LEAD }).result as { problems: Array<{ code: string; id: string }> }
  ).problems;
  expect(
    problems
      .filter((p) => p.code.startsWith('owner-') && p.code !== 'owner-pending')
      .map((p) => [p.code, p.id]),
  ).toEqual([
    ['owner-multiple', 'O1.2'],
    ['owner-not-person', 'O2.1'],
  ]);
  // Importing again adds nothing and says why for each row.
  const before = snapshot(rt.workbook);
  const again = rt.run('importOkrs', [{ sheetName: 'Team OKRs' }], { as: LEAD }).result as ImportResult;
  expect(again).toMatchObject({ objectives: 0, keyResults: 0 });
  expect(again.skippedRows.map((s) => s.row)).toEqual([2, 3, 4, 5]);
  expect(again.skippedRows[0].reason).toContain('already under objective O1');
  expect(snapshot(rt.workbook)).toBe(before);
});

test('Objective Title | Owner_Email_ID | Metric_Start_Value | Metric_Target_Value | Due_Date', async () => {
  const rt = await runtimeWith({ 'HR export': LAYOUTS['HR export'] });
  const result = rt.run('importOkrs', [{ sheetName: 'HR export' }], { as: LEAD }).result as ImportResult;
  expect(result).toMatchObject({ ok: true, objectives: 2, keyResults: 3 });
  expect(result.columns.mapped.map((m) => [m.header, m.column])).toEqual([
    ['Objective Title', 'objective'],
    ['Owner_Email_ID', 'owner'],
    ['Metric_Start_Value', 'start'],
    ['Metric_Target_Value', 'target'],
    ['Due_Date', 'due'],
    ['Notes', 'note'],
  ]);
  const okrs = rt.workbook.values('OKRs');
  const header = okrs[0] as string[];
  const at = (id: string, h: string) => okrs.find((r) => r[0] === id)?.[header.indexOf(h)];
  expect(at('O1.1', 'Owner')).toBe('bob@acme.com');
  expect(at('O1.1', 'Start')).toBe(5);
  expect(at('O1.1', 'Target')).toBe(3);
  expect(Object.prototype.toString.call(at('O1.1', 'Due'))).toBe('[object Date]');
  expect(at('O1.1', 'Note')).toBe('from the board deck');
  expect(at('O2.2', 'Owner')).toBe('');
  const problems = (
    rt.run('validateOkrs', [], { as: LEAD }).result as { problems: Array<{ code: string; id: string }> }
  ).problems;
  expect(problems.filter((p) => p.code === 'owner-missing').map((p) => p.id)).toEqual(['O2.2']);
});

test('numbers and dates kept as text in the source become numbers and dates; text stays text', async () => {
  const rt = await runtimeWith({
    Plan: [
      ['Objective', 'Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Due', 'Notes'],
      [
        'Grow revenue',
        'ARR to $2M',
        'ann@acme.com',
        '$1,000',
        '$2,000,000',
        '$1,200,000',
        'USD',
        '2026-12-15',
        '007',
      ],
      ['Grow revenue', '007', 'ann@acme.com', '40', 60, 50, '45%', '12/15/2026', '1,200'],
      ['Grow revenue', 'Launch', 'ann@acme.com', '', 'TBD', '', '', 'end of Q4', ''],
    ],
  });
  expect(rt.run('importOkrs', [{ sheetName: 'Plan' }], { as: LEAD }).result).toMatchObject({
    ok: true,
    keyResults: 3,
  });
  const okrs = rt.workbook.values('OKRs');
  const header = okrs[0] as string[];
  const at = (id: string, h: string) => okrs.find((r) => r[0] === id)?.[header.indexOf(h)];
  expect([at('O1.1', 'Start'), at('O1.1', 'Target'), at('O1.1', 'Current')]).toEqual([
    1000, 2000000, 1200000,
  ]);
  expect((at('O1.1', 'Due') as Date).toISOString()).toBe('2026-12-15T05:00:00.000Z');
  expect([at('O1.2', 'Start'), at('O1.2', 'Target'), at('O1.2', 'Current')]).toEqual([40, 60, 50]);
  expect((at('O1.2', 'Due') as Date).toISOString()).toBe('2026-12-15T05:00:00.000Z');
  // Text columns and values that read as no number or date stay exactly as typed.
  expect([at('O1.2', 'Title'), at('O1.2', 'Unit'), at('O1.2', 'Note'), at('O1.1', 'Note')]).toEqual([
    '007',
    '45%',
    '1,200',
    '007',
  ]);
  expect([at('O1.3', 'Target'), at('O1.3', 'Due')]).toEqual(['TBD', 'end of Q4']);
});

test('Japanese headers, a title row, merged objective cells', async () => {
  const rt = await runtimeWith({ 営業OKR: LAYOUTS['営業OKR'] });
  const result = rt.run('importOkrs', [{ sheetName: '営業OKR' }], { as: LEAD }).result as ImportResult;
  expect(result).toMatchObject({ ok: true, objectives: 2, keyResults: 3, skippedRows: [] });
  const okrs = rt.workbook.values('OKRs');
  expect(okrs.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
    ['O1', '', '新規顧客を増やす'],
    ['O1.1', 'O1', '商談数を月50件に'],
    ['O1.2', 'O1', '成約率を25%に'],
    ['O2', '', '既存顧客の満足度'],
    ['O2.1', 'O2', 'NPSを40以上に'],
  ]);
  const problems = (
    rt.run('validateOkrs', [], { as: LEAD }).result as {
      problems: Array<{ code: string; id: string; hint: string }>;
    }
  ).problems;
  const owners = problems.filter((p) => ['owner-multiple', 'owner-unknown'].includes(p.code));
  expect(owners.map((p) => [p.code, p.id])).toEqual([
    ['owner-multiple', 'O1.2'],
    ['owner-unknown', 'O2.1'],
  ]);
  // The name typed instead of an email gets the Team member's email as the fix.
  expect(owners[1].hint).toContain('chie@acme.com');
});

test('into an OKRs tab that already has rows: appended below, IDs continue', async () => {
  const rt = await runtimeWith({ 'Team OKRs': LAYOUTS['Team OKRs'] });
  expect(rt.run('setUpOkrSheet', [], { as: LEAD }).ok).toBe(true);
  const result = rt.run('importOkrs', [{ sheetName: 'Team OKRs' }], { as: LEAD }).result as ImportResult;
  expect(result).toMatchObject({ ok: true, objectives: 2, keyResults: 4 });
  expect(rt.workbook.values('OKRs').map((r) => r[0])).toEqual([
    'ID',
    'O1',
    'O1.1',
    'O1.2',
    'O1.3',
    'O2',
    'O2.1',
    'O2.2',
    'O3',
    'O3.1',
    'O3.2',
  ]);
});

describe('bad requests change nothing and say what to do', () => {
  test.each([
    ['no argument', undefined, /expected \{ sheetName/],
    ['a bare string', 'Team OKRs', /expected \{ sheetName/],
    ['a number', { sheetName: 42 }, /sheetName must be the name of a tab/],
    ['blank', { sheetName: '' }, /sheetName must be the name of a tab/],
    ['5,000 characters', { sheetName: 'x'.repeat(5000) }, /sheetName must be the name of a tab/],
    ['an unknown tab', { sheetName: 'Nope' }, /There is no tab named "Nope"/],
    ["the add-on's own tab", { sheetName: 'Team' }, /one of the add-on's own tabs/],
    ['a tab without objectives', { sheetName: 'Tasks' }, /has no Objective column/],
    ['an empty tab', { sheetName: 'Empty' }, /is empty/],
  ])('%s', async (_label, arg, message) => {
    const rt = await runtimeWith({
      Tasks: [
        ['Task', 'Who'],
        ['x', 'y'],
      ],
      Empty: [],
    });
    const before = allValues(rt.workbook);
    const r = rt.run('importOkrs', arg === undefined ? [] : [arg], { as: LEAD });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(allValues(rt.workbook)).toEqual(before);
    expect(writesOf(r.calls)).toEqual({});
  });
});

// The menu item used to import at once; Import now shows a preview first, so the menu item opens the
// sidebar on Import's preview of the active tab, and the preview (of that tab) says what will be written.
test('Import OKRs from this tab (menu): opens the preview of the active tab, writes nothing', async () => {
  const rt = await runtimeWith({ 'Team OKRs': LAYOUTS['Team OKRs'] });
  rt.select('Team OKRs!A1', LEAD);
  const before = snapshot(rt.workbook);
  const r = rt.run('importOkrsFromActiveTab', [], { as: LEAD });
  expect(r.ok).toBe(true);
  expect(r.ui.sidebar?.content).toContain('window.okrOwnersView="import"');
  expect(Object.keys(writesOf(r.calls)).filter((m) => /^(Range|Sheet|Spreadsheet)\./.test(m))).toEqual([]);
  const preview = rt.run('previewImport', [{}], { as: LEAD });
  expect(preview.result).toMatchObject({
    ok: true,
    sheetName: 'Team OKRs',
    counts: { objectives: 2, keyResults: 4 },
  });
  expect(snapshot(rt.workbook)).toBe(before);
});

test('a member who is not a Lead cannot import once Leads are listed', async () => {
  const team = [...baseTeam(), ['Dan', 'dan@acme.com', 'Growth', '', 'Member', 'en']];
  const rt = await openRuntime(Workbook.fromRows({ Team: team, 'Team OKRs': LAYOUTS['Team OKRs'] }));
  const before = snapshot(rt.workbook);
  const r = rt.run('importOkrs', [{ sheetName: 'Team OKRs' }], { as: 'dan@acme.com' });
  expect(r.result).toMatchObject({ ok: false, error: expect.stringContaining('Only a Lead') });
  expect(snapshot(rt.workbook)).toBe(before);
});

// The import corpus (tests/fixtures/import) through importOkrs: every layout's key results land under
// the right objective with their owners, no extra rows are written, the source tab is left exactly as
// it was; and an import reads each tab once and writes once, at 500 rows as at 5,000.
interface Outcome {
  ok: boolean;
  error?: string;
  objectives: number;
  keyResults: number;
  shape: string;
  skippedRows: Array<{ row: number; reason: string }>;
  doubts: Array<{ code: string; message: string }>;
}

/** The OKRs tab read back as objectives with their key results (by the Parent column). */
function tree(okrs: unknown[][]) {
  const h = okrs[0] as string[];
  const c = (name: string) => h.indexOf(name);
  const body = okrs.slice(1).filter((r) => r.some((v) => v !== ''));
  return body
    .filter((r) => r[c('Type')] === 'Objective')
    .map((o) => ({
      title: o[c('Title')],
      owner: o[c('Owner')],
      keyResults: body
        .filter((k) => k[c('Type')] === 'Key result' && k[c('Parent')] === o[c('ID')])
        .map((k) => ({ title: k[c('Title')], owner: k[c('Owner')] })),
    }));
}

describe.each(Object.entries(IMPORT_CORPUS))('%s', (_file, fx) => {
  test(`${fx.name}: through importOkrs`, async () => {
    const rt = await openRuntime(
      Workbook.fromRows({ Team: baseTeam(), Source: fx.rows }, { timeZone: 'UTC' }),
    );
    const before = JSON.stringify(rt.workbook.values('Source'));
    const r = rt.run('importOkrs', [{ sheetName: 'Source' }], { as: LEAD });
    expect(r.ok).toBe(true);
    const out = r.result as Outcome;
    if (!out.ok) throw new Error(out.error);
    const krs = fx.expected.reduce((n, o) => n + o.keyResults.length, 0);
    expect(out).toMatchObject({ shape: fx.shape, objectives: fx.expected.length, keyResults: krs });
    expect(JSON.stringify(rt.workbook.values('Source'))).toBe(before);
    const okrs = rt.workbook.values('OKRs');
    // Exactly the objectives and key results, nothing else (set-up wrote the header only).
    expect(okrs.slice(1).filter((row) => row.some((v) => v !== '')).length).toBe(fx.expected.length + krs);
    const want = fx.expected.map((o) => ({
      title: o.title,
      ...(o.owner === undefined ? {} : { owner: o.owner }),
      keyResults: o.keyResults.map((k) => ({
        title: k.title,
        ...(k.owner === undefined ? {} : { owner: k.owner }),
      })),
    }));
    const got = tree(okrs).map((o, i) => ({
      title: o.title,
      ...(fx.expected[i]?.owner === undefined ? {} : { owner: o.owner }),
      keyResults: o.keyResults.map((k, j) => ({
        title: k.title,
        ...(fx.expected[i]?.keyResults[j]?.owner === undefined ? {} : { owner: k.owner }),
      })),
    }));
    expect(got).toEqual(want);
    expect(out.skippedRows.map((s) => s.row)).toEqual((fx.skipped ?? []).map(([row]) => row));
    expect(out.doubts.map((d) => d.code)).toEqual(fx.doubts ?? []);
  });
});

test('one read per tab and one write, at 500 rows as at 5,000', async () => {
  const flat = (n: number) => {
    const rows: unknown[][] = [['Objective', 'Key result', 'Owner', 'Start', 'Target', 'Current']];
    for (let i = 0; i < n; i++)
      rows.push([`Objective ${Math.floor(i / 5) + 1}`, `Key result ${i + 1}`, 'ann@acme.com', 0, 10, i % 10]);
    return rows;
  };
  const counts: Array<Record<string, number>> = [];
  for (const n of [500, 5000]) {
    const rt = await openRuntime(
      Workbook.fromRows({ Team: baseTeam(), Source: flat(n) }, { timeZone: 'UTC' }),
    );
    // The OKRs tab already set up: the import itself, not set-up, is measured.
    expect(rt.run('setUpOkrSheet', [], { as: LEAD }).ok).toBe(true);
    const r = rt.run('importOkrs', [{ sheetName: 'Source' }], { as: LEAD });
    expect(r.result).toMatchObject({ ok: true, objectives: n / 5, keyResults: n });
    expect(rt.workbook.values('OKRs').length).toBeGreaterThanOrEqual(n + n / 5 + 1);
    const sheets = Object.fromEntries(
      Object.entries(r.calls).filter(([m]) => /^(Spreadsheet|Sheet|Range)\./.test(m)),
    );
    counts.push(sheets);
    // One read of each tab: Team (who may import), the source, the OKRs tab.
    expect(readsOf(r.calls)).toEqual({ 'Range.getValues': 3 });
    expect(r.calls['Sheet.getDataRange']).toBe(3);
    // One write of all the rows; rows are added to the OKRs tab in one call when it is too short.
    // Plus the sheet's version stamp (a document property), so open sidebars catch up.
    const {
      'Sheet.insertRowsAfter': inserted = 0,
      'Properties.setProperty': stamp,
      ...writes
    } = writesOf(r.calls);
    expect(stamp).toBe(1);
    expect(writes).toEqual({ 'Range.setValues': 1 });
    expect(inserted).toBeLessThanOrEqual(1);
  }
  // Constant in size: the same calls, the same number of times (bar the one row insertion).
  const { 'Sheet.insertRowsAfter': _i0, ...at500 } = counts[0];
  const { 'Sheet.insertRowsAfter': _i1, ...at5000 } = counts[1];
  expect(at5000).toEqual(at500);
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  console.log(
    `import: Sheets calls at 500 rows ${total(counts[0])}, at 5,000 rows ${total(counts[1])}: ${JSON.stringify(counts[1])}`,
  );
});
