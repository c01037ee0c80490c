// Import's preview and confirm through the built add-on in the local runtime: the preview writes
// nothing at all; the confirm writes exactly what the preview showed (and refuses, writing nothing,
// when the tab changed since); a team's own tab called OKRs or Check-ins is renamed only when the
// user confirms the rename the preview offered; set-up never writes into such a tab; owners' emails
// not on Team get Team rows, names and handles are matched to Team, unknown owners stay, flagged;
// Lead only; Sheets calls the same at 500 and 5,000 rows.
import { Workbook } from '../../local/runtime';
import { baseTeam } from '../fixtures/okr/malformed';
import { LEAD, openRuntime, readsOf, sheetsCalls, snapshot, sum, writesOf } from '../fixtures/okr/runtime';

interface Preview {
  ok: boolean;
  error?: string;
  sheetName: string;
  tabs: string[];
  fingerprint: string;
  shape: string;
  setUp: boolean;
  counts: Record<string, number>;
  objectives: Array<{
    id: string;
    title: string;
    owner: unknown;
    keyResults: Array<{ id: string; title: string; owner: unknown; target: unknown; kind: unknown }>;
  }>;
  shownKeyResults: number;
  skipped: Array<{ row: number; code: string; reason: string }>;
  doubts: Array<{ code: string; message: string }>;
  people: {
    matched: Array<{ text: string; email: string; by: string; ids: string[] }>;
    newPeople: Array<{ email: string; name: string; ids: string[] }>;
    unknown: Array<{ text: string; message: string; ids: string[] }>;
  };
  collisions: Array<{ key: string; tab: string; renameTo: string; message: string }>;
}

interface Confirmed {
  ok: boolean;
  error?: string;
  changed?: boolean;
  message: string;
  objectives: number;
  keyResults: number;
  teamAdded: number;
  renamed: Array<{ from: string; to: string }>;
}

const PLAN: unknown[][] = [
  ['Objective', 'Key result', 'Owner', 'Kind', 'Start', 'Target', 'Current'],
  ['Grow revenue', 'ARR to $2M', 'ann@acme.com', 'Increase', 1, 2, 1.2],
  ['Grow revenue', 'Net retention 110%', 'olga.petrova@acme.com', '', '100%', '110%', '104%'],
  ['Objective', 'Key result', 'Owner', 'Kind', 'Start', 'Target', 'Current'],
  ['Ship faster', 'Deploys per week to 20', '千恵 佐藤', '', 0, 20, 12],
  ['Ship faster', 'Lead time under 2 days', '@bob', 'Decrease', 5, 2, 3],
  ['Ship faster', 'Launch the status page', 'Ann and Bob', 'Milestone', '', '', ''],
  ['Ship faster', 'On-call load halved', 'Platform team', '', 10, 5, 8],
  ['', '', '', '', '', '', ''],
  ['Delight customers', 'NPS 40', 'pat@partner.org', '', 20, 40, 31],
  ['Total', '', '', '', '', '', ''],
];

async function open(tabs: Record<string, unknown[][]>) {
  return openRuntime(Workbook.fromRows({ Team: baseTeam(), ...tabs }, { timeZone: 'UTC' }));
}

function preview(rt: Awaited<ReturnType<typeof open>>, sheetName?: string, as = LEAD) {
  const r = rt.run('previewImport', [sheetName === undefined ? {} : { sheetName }], { as });
  expect(r.ok).toBe(true);
  return { run: r, result: r.result as Preview };
}

function confirm(rt: Awaited<ReturnType<typeof open>>, p: Preview, extra: Record<string, unknown> = {}) {
  const r = rt.run(
    'confirmImport',
    [
      {
        sheetName: p.sheetName,
        fingerprint: p.fingerprint,
        renames: p.collisions.map((c) => ({ from: c.tab, to: c.renameTo })),
        ...extra,
      },
    ],
    { as: LEAD },
  );
  expect(r.ok).toBe(true);
  return { run: r, result: r.result as Confirmed };
}

/** The OKRs tab read back: [ID, Type, Parent, Title, Owner] of every row below the header. */
function okrRows(rt: Awaited<ReturnType<typeof open>>) {
  const okrs = rt.workbook.values('OKRs');
  const h = okrs[0] as string[];
  const at = (name: string) => h.indexOf(name);
  return okrs
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => [r[at('ID')], r[at('Type')], r[at('Parent')], r[at('Title')], r[at('Owner')]]);
}

test('the preview says what will be written and writes nothing, every tab byte for byte', async () => {
  const rt = await open({ Plan: PLAN });
  const before = snapshot(rt.workbook);
  const { run, result: p } = preview(rt, 'Plan');
  expect(snapshot(rt.workbook)).toBe(before);
  expect(writesOf(run.calls)).toEqual({});
  expect(p).toMatchObject({
    ok: true,
    sheetName: 'Plan',
    shape: 'headings',
    setUp: true,
    counts: { objectives: 3, keyResults: 7, skipped: 3, newPeople: 2, matched: 2, unknownOwners: 2 },
    collisions: [],
  });
  expect(p.tabs).toEqual(['Team']);
  // Objectives with their key results, owners, targets and kinds.
  expect(
    p.objectives.map((o) => [o.id, o.title, o.keyResults.map((k) => [k.id, k.owner, k.target, k.kind])]),
  ).toEqual([
    [
      'O1',
      'Grow revenue',
      [
        ['O1.1', 'ann@acme.com', 2, 'Increase'],
        ['O1.2', 'olga.petrova@acme.com', '110%', ''],
      ],
    ],
    [
      'O2',
      'Ship faster',
      [
        ['O2.1', '千恵 佐藤', 20, ''],
        ['O2.2', '@bob', 2, 'Decrease'],
        ['O2.3', 'Ann and Bob', '', 'Milestone'],
        ['O2.4', 'Platform team', 5, ''],
      ],
    ],
    ['O3', 'Delight customers', [['O3.1', 'pat@partner.org', 40, '']]],
  ]);
  // Skipped, and why: the repeated header, the blank separator, the totals row.
  expect(p.skipped.map((s) => [s.row, s.code])).toEqual([
    [4, 'header'],
    [9, 'blank'],
    [11, 'total'],
  ]);
  // People: emails not on Team are added; a name and a handle are matched; the rest are flagged.
  expect(p.people.newPeople).toEqual([
    { email: 'olga.petrova@acme.com', name: 'Olga Petrova', ids: ['O1.2'] },
    { email: 'pat@partner.org', name: 'Pat', ids: ['O3.1'] },
  ]);
  expect(p.people.matched.map((m) => [m.text, m.email, m.by])).toEqual([
    ['千恵 佐藤', 'chie@acme.com', 'name'],
    ['@bob', 'bob@acme.com', 'handle'],
  ]);
  expect(p.people.unknown.map((u) => [u.text, u.ids])).toEqual([
    ['Ann and Bob', ['O2.3']],
    ['Platform team', ['O2.4']],
  ]);
  expect(p.people.unknown[0].message).toContain('more than one person');
  // JSON-safe: survives a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
});

test('the confirm writes exactly the preview: the rows, the owners as typed, Team rows for new people', async () => {
  const rt = await open({ Plan: PLAN });
  const { result: p } = preview(rt, 'Plan');
  const source = JSON.stringify(rt.workbook.values('Plan'));
  const { result: c } = confirm(rt, p);
  expect(c).toMatchObject({ ok: true, objectives: 3, keyResults: 7, teamAdded: 2, renamed: [] });
  expect(c.message).toContain('Imported 3 objectives and 7 key results');
  expect(c.message).toContain('Added 2 people to the Team tab.');
  expect(JSON.stringify(rt.workbook.values('Plan'))).toBe(source);
  // What was written is what was previewed, row for row.
  const previewed = p.objectives.flatMap((o) => [
    [o.id, 'Objective', '', o.title, o.owner ?? ''],
    ...o.keyResults.map((k) => [k.id, 'Key result', o.id, k.title, k.owner]),
  ]);
  expect(okrRows(rt)).toEqual(previewed);
  // Unknown owners stay on their key results (flagged by the validator), never dropped.
  const problems = (
    rt.run('validateOkrs', [], { as: LEAD }).result as { problems: Array<{ code: string; id: string }> }
  ).problems;
  const owners = problems
    .filter((x) => /^owner-(multiple|not-person|unknown)$/.test(x.code))
    .map((x) => [x.code, x.id]);
  expect(owners).toEqual(
    expect.arrayContaining([
      ['owner-multiple', 'O2.3'],
      ['owner-not-person', 'O2.4'],
      ['owner-unknown', 'O2.1'],
    ]),
  );
  expect(owners.map(([, id]) => id)).not.toContain('O1.2');
  expect(owners.map(([, id]) => id)).not.toContain('O3.1');
  // Team: the new people as Members, after those already there.
  const team = rt.workbook.values('Team');
  expect(team.slice(-2).map((r) => [r[0], r[1], r[4]])).toEqual([
    ['Olga Petrova', 'olga.petrova@acme.com', 'Member'],
    ['Pat', 'pat@partner.org', 'Member'],
  ]);
  expect(team.length).toBe(baseTeam().length + 2);
});

test('a confirm after the source changed refuses and writes nothing; a fresh preview then works', async () => {
  const rt = await open({ Plan: PLAN });
  const { result: p } = preview(rt, 'Plan');
  rt.workbook.setValues('Plan', 'B2', [['ARR to $3M']]);
  const before = snapshot(rt.workbook);
  const { run, result: c } = confirm(rt, p);
  expect(c).toMatchObject({ ok: false, changed: true });
  expect(c.error).toContain('The tab "Plan" changed since the preview, so nothing was imported');
  expect(snapshot(rt.workbook)).toBe(before);
  expect(Object.keys(writesOf(run.calls)).filter((m) => /^(Range|Sheet|Spreadsheet)\./.test(m))).toEqual([]);
  const again = preview(rt, 'Plan').result;
  expect(again.fingerprint).not.toBe(p.fingerprint);
  expect(confirm(rt, again).result).toMatchObject({ ok: true, keyResults: 7 });
  expect(okrRows(rt)[1][3]).toBe('ARR to $3M');
});

test("a team's own tabs called OKRs and Check-ins: the preview offers renames; confirmed, they are kept and the import runs", async () => {
  const theirLog = [
    ['Date', 'Who', 'Update'],
    ['2026-11-02', 'Ann', 'Pipeline review done'],
  ];
  const rt = await open({ OKRs: PLAN, 'Check-ins': theirLog });
  const before = snapshot(rt.workbook);
  const { result: p } = preview(rt, 'OKRs');
  expect(snapshot(rt.workbook)).toBe(before);
  expect(p.collisions.map((c) => [c.key, c.tab, c.renameTo])).toEqual([
    ['okrs', 'OKRs', 'OKRs (original)'],
    ['checkIns', 'Check-ins', 'Check-ins (original)'],
  ]);
  expect(p.collisions[0].message).toContain('will be renamed to "OKRs (original)" first');
  expect(p.counts).toMatchObject({ objectives: 3, keyResults: 7 });
  // Without the renames confirmed, nothing happens.
  const { result: refused } = confirm(rt, p, { renames: [] });
  expect(refused).toMatchObject({ ok: false });
  expect(refused.error).toContain('must be renamed before anything is imported');
  expect(snapshot(rt.workbook)).toBe(before);
  // Confirmed: renamed first, their contents untouched, the add-on's own tabs made beside them.
  const { result: c } = confirm(rt, p);
  expect(c).toMatchObject({
    ok: true,
    keyResults: 7,
    renamed: [
      { from: 'OKRs', to: 'OKRs (original)' },
      { from: 'Check-ins', to: 'Check-ins (original)' },
    ],
  });
  expect(rt.workbook.values('OKRs (original)')).toEqual(PLAN);
  expect(rt.workbook.values('Check-ins (original)')).toEqual(theirLog);
  expect(rt.workbook.values('Check-ins')[0]).toEqual([
    'Time',
    'ID',
    'By',
    'Current',
    'Progress',
    'Confidence',
    'Note',
  ]);
  expect(okrRows(rt).length).toBe(10);
});

test("a team's tab named like an OKRs alias (Objectives) is their source, not the add-on's tab: read, never renamed or written", async () => {
  const rt = await open({ Objectives: PLAN });
  const { result: p } = preview(rt, 'Objectives');
  expect(p).toMatchObject({ ok: true, setUp: true, collisions: [], counts: { keyResults: 7 } });
  expect(confirm(rt, p).result).toMatchObject({ ok: true, keyResults: 7, renamed: [] });
  expect(rt.workbook.values('Objectives')).toEqual(PLAN);
  expect(okrRows(rt).length).toBe(10);
});

test("Japanese: the preview's rename and messages are in Japanese", async () => {
  const team = baseTeam().map((r, i) => (i === 1 ? [...r.slice(0, 5), 'ja'] : r));
  const rt = await openRuntime(Workbook.fromRows({ Team: team, OKRs: PLAN }, { timeZone: 'Asia/Tokyo' }), {
    userLocales: { [LEAD]: 'ja' },
  });
  const { result: p } = preview(rt, 'OKRs');
  expect(p.collisions[0].renameTo).toBe('OKRs（元の表）');
  expect(p.collisions[0].message).toContain('先に「OKRs（元の表）」に名前を変えてから取り込みます');
  expect(p.people.unknown[0].message).toContain('複数の人');
});

test('"looks degenerate" is called out: every key result equal to its objective, one objective per row', async () => {
  const rt = await open({
    Goals: [
      ['Objective', 'Key result', 'Owner'],
      ['Grow revenue', 'Grow revenue', 'ann@acme.com'],
      ['Ship faster', 'Ship faster', 'bob@acme.com'],
    ],
    Rows: [
      ['Objective', 'Owner', 'Due'],
      ['Grow revenue', 'ann@acme.com', '2026-12-31'],
      ['Ship faster', 'bob@acme.com', '2026-12-31'],
    ],
  });
  const same = preview(rt, 'Goals').result;
  expect(same.doubts.map((d) => d.code)).toEqual(['degenerate']);
  expect(same.doubts[0].message).toContain('Every key result has the same text as its objective');
  const rows = preview(rt, 'Rows').result;
  expect(rows.counts).toMatchObject({ objectives: 2, keyResults: 0 });
  expect(rows.doubts.map((d) => d.code)).toEqual(['degenerate']);
  expect(rows.doubts[0].message).toContain('Each row became an objective of its own');
});

describe('set-up never writes into a tab the add-on did not create', () => {
  test("a team's tab named Check-ins: set-up refuses, naming it, and changes nothing", async () => {
    const rt = await open({
      'Check-ins': [
        ['Date', 'Who', 'Update'],
        ['2026-11-02', 'Ann', 'Pipeline review done'],
      ],
    });
    const before = snapshot(rt.workbook);
    const r = rt.run('setUpOkrSheet', [], { as: LEAD });
    expect(r.result).toMatchObject({ ok: false });
    expect((r.result as { error: string }).error).toContain(
      'Your tab "Check-ins" has the name of the add-on\'s Check-ins tab',
    );
    expect(snapshot(rt.workbook)).toBe(before);
  });

  test("a team's tab with an alias name (Log): left alone, the add-on makes its own Check-ins tab", async () => {
    const log = [
      ['When', 'Note'],
      ['2026-11-02', 'Kick-off'],
    ];
    const rt = await open({ Log: log });
    const r = rt.run('setUpOkrSheet', [], { as: LEAD });
    expect(r.result).toMatchObject({ ok: true });
    expect(rt.workbook.values('Log')).toEqual(log);
    expect(rt.workbook.sheetNames()).toContain('Check-ins');
    expect(rt.workbook.values('Check-ins')[0]).toEqual([
      'Time',
      'ID',
      'By',
      'Current',
      'Progress',
      'Confidence',
      'Note',
    ]);
  });
});

describe('who may, and bad requests', () => {
  test('a member who is not a Lead can neither preview nor confirm', async () => {
    const team = [...baseTeam(), ['Dan', 'dan@acme.com', 'Growth', '', 'Member', 'en']];
    const rt = await openRuntime(Workbook.fromRows({ Team: team, Plan: PLAN }, { timeZone: 'UTC' }));
    const p = preview(rt, 'Plan').result;
    const before = snapshot(rt.workbook);
    expect(preview(rt, 'Plan', 'dan@acme.com').result).toMatchObject({
      ok: false,
      error: expect.stringContaining('Only a Lead'),
    });
    const r = rt.run('confirmImport', [{ sheetName: 'Plan', fingerprint: p.fingerprint }], {
      as: 'dan@acme.com',
    });
    expect(r.result).toMatchObject({ ok: false, error: expect.stringContaining('Only a Lead') });
    expect(snapshot(rt.workbook)).toBe(before);
  });

  test.each([
    ['previewImport', 'a string', 'Plan', /expected \{ sheetName/],
    ['previewImport', 'a number as the name', { sheetName: 7 }, /sheetName must be the name of a tab/],
    ['previewImport', 'an unknown tab', { sheetName: 'Nope' }, /There is no tab named "Nope"/],
    ['previewImport', "the add-on's Team tab", { sheetName: 'Team' }, /one of the add-on's own tabs/],
    ['confirmImport', 'nothing', undefined, /expected \{ sheetName/],
    [
      'confirmImport',
      'no fingerprint',
      { sheetName: 'Plan' },
      /fingerprint must be the one the preview answered/,
    ],
    [
      'confirmImport',
      'a forged fingerprint',
      { sheetName: 'Plan', fingerprint: 'abc.def' },
      /changed since the preview/,
    ],
    [
      'confirmImport',
      'renames that are not a list',
      { sheetName: 'Plan', fingerprint: 'abc.def', renames: 'OKRs' },
      /renames must be a list/,
    ],
  ])('%s with %s: refused, nothing written', async (fn, _label, arg, message) => {
    const rt = await open({ Plan: PLAN });
    const before = snapshot(rt.workbook);
    const r = rt.run(fn, arg === undefined ? [] : [arg], { as: LEAD });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(snapshot(rt.workbook)).toBe(before);
  });
});

test('preview and confirm: the same Sheets calls at 500 and at 5,000 rows, one read per tab', async () => {
  const flat = (n: number) => {
    const rows: unknown[][] = [['Objective', 'Key result', 'Owner', 'Start', 'Target', 'Current']];
    for (let i = 0; i < n; i++)
      rows.push([`Objective ${Math.floor(i / 5) + 1}`, `Key result ${i + 1}`, 'ann@acme.com', 0, 10, i % 10]);
    return rows;
  };
  const counts: Array<{ preview: Record<string, number>; confirm: Record<string, number> }> = [];
  for (const n of [500, 5000]) {
    const rt = await open({ Source: flat(n) });
    expect(rt.run('setUpOkrSheet', [], { as: LEAD }).ok).toBe(true);
    const p = preview(rt, 'Source');
    expect(p.result.counts).toMatchObject({ objectives: n / 5, keyResults: n });
    // Kept small however long the tab: counts plus the first key results.
    expect(p.result.shownKeyResults).toBe(60);
    expect(JSON.stringify(p.result).length).toBeLessThan(30_000);
    // Team, the source and the OKRs tab, once each.
    expect(readsOf(p.run.calls)).toEqual({ 'Range.getValues': 3 });
    const c = confirm(rt, p.result);
    expect(c.result).toMatchObject({ ok: true, keyResults: n });
    // The confirm answers counts only (the preview showed the rows).
    expect(JSON.stringify(c.result).length).toBeLessThan(1_000);
    expect(readsOf(c.run.calls)).toEqual({ 'Range.getValues': 3 });
    const {
      'Sheet.insertRowsAfter': inserted = 0,
      'Properties.setProperty': _stamp,
      ...writes
    } = writesOf(c.run.calls);
    expect(writes).toEqual({ 'Range.setValues': 1 });
    expect(inserted).toBeLessThanOrEqual(1);
    const { 'Sheet.insertRowsAfter': _i, ...confirmCalls } = sheetsCalls(c.run.calls);
    counts.push({ preview: sheetsCalls(p.run.calls), confirm: confirmCalls });
  }
  expect(counts[1].preview).toEqual(counts[0].preview);
  expect(counts[1].confirm).toEqual(counts[0].confirm);
  console.log(
    `import preview: ${sum(counts[1].preview)} Sheets calls, confirm: ${sum(counts[1].confirm)} (500 and 5,000 rows alike)`,
  );
});
