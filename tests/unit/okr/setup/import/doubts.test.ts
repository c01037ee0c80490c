// What Import flags as doubtful, what it keeps as it is, and what a preview receives.
import { parseOkrSheet } from '../../../../../src/okr/core/parse';
import { planImport } from '../../../../../src/okr/setup/import';
import { planOkrsTab } from '../../../../../src/okr/setup/structure';

const plan = planOkrsTab(null, { lang: 'en', userEmail: '', cycle: '', examples: false });
const target = () => ({
  existing: parseOkrSheet([plan.addHeaders?.headers ?? []], {
    sheetName: 'OKRs',
    timeZone: 'UTC',
    lang: 'en',
  }),
  columns: plan.columns,
  width: plan.width,
});
const run = (rows: unknown[][], lang: 'en' | 'ja' = 'en') => {
  const r = planImport(rows, target(), { lang, sourceName: 'Tab' });
  if (!r.ok) throw new Error(r.error);
  return r;
};

test('every key result equal to its objective: degenerate (en, ja)', () => {
  const rows = [
    ['Objective Title', 'Owner_Email_ID', 'Metric_Start_Value', 'Metric_Target_Value'],
    ['Reduce churn', 'bob@acme.com', 5, 3],
    ['Hire 5 engineers', 'chie@acme.com', 0, 5],
  ];
  expect(run(rows).doubts).toEqual([
    { code: 'degenerate', message: expect.stringContaining('same text as its objective') },
  ]);
  expect(run(rows, 'ja').doubts[0].message).toContain('目標と同じ文面');
});

test('one objective per row with no key results: degenerate, says what to add', () => {
  const r = run([
    ['Goal', 'Owner'],
    ['A', 'a@x.com'],
    ['B', 'b@x.com'],
  ]);
  expect([r.shape, r.objectives, r.keyResults]).toEqual(['one-per-row', 2, 0]);
  expect(r.doubts).toEqual([{ code: 'degenerate', message: expect.stringContaining('Key result column') }]);
});

test('a good tab has no doubts; one objective without key results is named', () => {
  expect(
    run([
      ['Objective', 'Key result'],
      ['A', 'a1'],
    ]).doubts,
  ).toEqual([]);
  const r = run([
    ['Type', 'Title'],
    ['Objective', 'A'],
    ['Key result', 'a1'],
    ['Objective', 'B'],
  ]);
  expect(r.doubts).toEqual([
    { code: 'objective-without-key-results', message: 'No key results found for: "B".' },
  ]);
});

test('owners are kept as written, never dropped (the validator judges them later)', () => {
  const r = run([
    ['Objective', 'Key result', 'Owner'],
    ['A', 'a1', 'Someone Unknown'],
    ['A', 'a2', 'nobody@elsewhere.org'],
    ['A', 'a3', 'Ann and Bob'],
  ]);
  expect(r.preview[0].keyResults.map((k) => k.owner)).toEqual([
    'Someone Unknown',
    'nobody@elsewhere.org',
    'Ann and Bob',
  ]);
  expect(r.rows.slice(1).map((row) => row[plan.columns.owner as number])).toEqual([
    'Someone Unknown',
    'nobody@elsewhere.org',
    'Ann and Bob',
  ]);
});

test('the preview is JSON-safe: dates become ISO text, rows keep the Date to write', () => {
  const due = new Date('2026-12-31T00:00:00Z');
  const r = run([
    ['Objective', 'Key result', 'Owner', 'Target', 'Due'],
    ['A', 'a1', 'a@x.com', 5, due],
  ]);
  expect(r.preview).toEqual([
    {
      id: 'O1',
      row: 2,
      title: 'A',
      owner: '',
      existing: false,
      keyResults: [
        {
          id: 'O1.1',
          row: 2,
          title: 'a1',
          owner: 'a@x.com',
          kind: '',
          start: '',
          target: 5,
          current: '',
          unit: '',
          due: '2026-12-31T00:00:00.000Z',
        },
      ],
    },
  ]);
  expect(r.rows[1][plan.columns.due as number]).toBe(due);
  expect(JSON.parse(JSON.stringify(r))).toMatchObject({
    shape: 'objective-column',
    doubts: [],
    skippedRows: [],
  });
});

test('5,000 rows: one pass, rows grouped under their objectives', () => {
  const rows: unknown[][] = [['Objective', 'Key result', 'Owner', 'Target']];
  for (let i = 0; i < 5000; i++) rows.push([`O ${i % 1000}`, `KR ${i}`, 'a@x.com', i]);
  const r = run(rows);
  expect([r.objectives, r.keyResults, r.rows.length]).toEqual([1000, 5000, 6000]);
  // Objective 0's key results come right after it, though its rows are spread over the tab.
  expect(r.rows.slice(0, 6).map((row) => row[plan.columns.title as number])).toEqual([
    'O 0',
    'KR 0',
    'KR 1000',
    'KR 2000',
    'KR 3000',
    'KR 4000',
  ]);
});
