// Random OKR sets rendered in every tab shape Import reads, and read back: import(render(okrs)) gives
// the same objectives, key results (in order), owners and targets, whatever the shape.
import fc from 'fast-check';
import { parseOkrSheet } from '../../src/okr/core/parse';
import { type ImportPlan, planImport, type Shape } from '../../src/okr/setup/import';
import { planOkrsTab } from '../../src/okr/setup/structure';

interface Kr {
  title: string;
  owner: string;
  target: number;
}
interface Okr {
  title: string;
  owner: string;
  keyResults: Kr[];
}

// Words that are no row marker, total or note (those are read as structure on purpose).
const WORDS = [
  'Grow',
  'revenue',
  'ship',
  'faster',
  'delight',
  'customers',
  'hire',
  'engineers',
  'cut',
  'churn',
  'launch',
  'partners',
  'open',
  'Berlin',
  'reliable',
  'platform',
  '売上',
  '採用',
  '顧客',
  '満足度',
  '品質',
  '新規',
];
const OWNERS = [
  'ann@acme.com',
  'bob@acme.com',
  'chie@acme.co.jp',
  'Ann Lee',
  '佐藤 千恵',
  'Platform team',
  'unknown@else.org',
  '',
];

const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const okrSet: fc.Arbitrary<Okr[]> = fc
  .array(
    fc.record({
      title,
      owner: fc.constantFrom(...OWNERS),
      keyResults: fc.array(
        fc.record({ title, owner: fc.constantFrom(...OWNERS), target: fc.integer({ min: 1, max: 100000 }) }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  // Titles are unique (a repeated title is the same objective or a duplicate key result by design).
  .map((os) =>
    os.map((o, i) => ({
      ...o,
      title: `${o.title} ${i + 1}`,
      keyResults: o.keyResults.map((k, j) => ({ ...k, title: `${k.title} ${i + 1}-${j + 1}` })),
    })),
  );

/** Each shape, and whether it carries the objective's own owner. */
const RENDER: Record<
  string,
  { shape: Shape; objectiveOwner: boolean; render: (okrs: Okr[]) => unknown[][] }
> = {
  'objective repeated': {
    shape: 'objective-column',
    objectiveOwner: false,
    render: (okrs) => [
      ['Objective', 'Key result', 'Owner', 'Target'],
      ...okrs.flatMap((o) => o.keyResults.map((k) => [o.title, k.title, k.owner, k.target])),
    ],
  },
  'objective written once (merged cells)': {
    shape: 'objective-column',
    objectiveOwner: true,
    render: (okrs) => [
      ['目標', '目標の担当者', '主要な結果', '担当者', '目標値'],
      ...okrs.flatMap((o) =>
        o.keyResults.map((k, j) => [j ? '' : o.title, j ? '' : o.owner, k.title, k.owner, k.target]),
      ),
    ],
  },
  'objective rows': {
    shape: 'objective-rows',
    objectiveOwner: true,
    render: (okrs) => [
      ['OKR', 'Owner', 'Target'],
      ...okrs.flatMap((o, i) => [
        ...(i ? [['', '', '']] : []),
        [o.title, o.owner, ''],
        ...o.keyResults.map((k) => [k.title, k.owner, k.target]),
      ]),
    ],
  },
  'heading per table': {
    shape: 'headings',
    objectiveOwner: false,
    render: (okrs) =>
      okrs.flatMap((o, i) => [
        ...(i ? [['', '', '']] : []),
        [i % 2 ? `Objective ${i + 1}: ${o.title}` : o.title, '', ''],
        ['Key result', 'Owner', 'Target'],
        ...o.keyResults.map((k) => [k.title, k.owner, k.target]),
      ]),
  },
  'type column': {
    shape: 'type-column',
    objectiveOwner: true,
    render: (okrs) => [
      ['Type', 'Title', 'Owner', 'Target'],
      ...okrs.flatMap((o) => [
        ['Objective', o.title, o.owner, ''],
        ...o.keyResults.map((k) => ['Key result', k.title, k.owner, k.target]),
      ]),
    ],
  },
  'parent IDs': {
    shape: 'parent-links',
    objectiveOwner: true,
    render: (okrs) => [
      ['Row ID', 'Parent Row IDs', 'Goal Title', 'Owner Emails', 'Target Value'],
      ...okrs.flatMap((o, i) => [
        [`g${i}`, '', o.title, o.owner, ''],
        ...o.keyResults.map((k, j) => [`g${i}k${j}`, `g${i}`, k.title, k.owner, k.target]),
      ]),
    ],
  },
  'outline numbering': {
    shape: 'parent-links',
    objectiveOwner: true,
    render: (okrs) => [
      ['Order', 'Summary', 'Owner', 'Target value'],
      ...okrs.flatMap((o, i) => [
        [`${i + 1}`, o.title, o.owner, ''],
        ...o.keyResults.map((k, j) => [`${i + 1}.${j + 1}`, k.title, k.owner, k.target]),
      ]),
    ],
  },
  'key results in one cell': {
    shape: 'objective-column',
    objectiveOwner: false,
    render: (okrs) => [
      ['Objective', 'Key results', 'Owner', 'Target'],
      ...okrs.map((o) => [
        o.title,
        o.keyResults.map((k) => k.title).join('\n'),
        // One owner and one target per line (blank owners as a dash-free empty line would shift them).
        o.keyResults.map((k) => k.owner || '?').join('\n'),
        o.keyResults.map((k) => k.target).join('\n'),
      ]),
    ],
  },
  'key results in numbered columns': {
    shape: 'key-result-columns',
    objectiveOwner: false,
    render: (okrs) => {
      const n = Math.max(...okrs.map((o) => o.keyResults.length));
      const numbered = (j: number) => [
        `key_result_${j}_title`,
        `key_result_${j}_owner`,
        `key_result_${j}_target`,
      ];
      return [
        ['name', 'due_at', ...Array.from({ length: n }, (_, j) => numbered(j + 1)).flat()],
        ...okrs.map((o) => [
          o.title,
          '2027-03-31',
          ...Array.from({ length: n }, (_, j) => {
            const k = o.keyResults[j];
            return k ? [k.title, k.owner, k.target] : ['', '', ''];
          }).flat(),
        ]),
      ];
    },
  },
};

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

const readBack = (p: ImportPlan, objectiveOwner: boolean, multiLine: boolean) =>
  p.preview.map((o) => ({
    title: o.title,
    ...(objectiveOwner ? { owner: o.owner } : {}),
    keyResults: o.keyResults.map((k) => ({
      title: k.title,
      owner: multiLine && k.owner === '?' ? '' : k.owner,
      target: typeof k.target === 'string' ? Number(k.target) : k.target,
    })),
  }));

describe.each(Object.entries(RENDER))('%s', (name, { shape, objectiveOwner, render }) => {
  test('import(render(okrs)) gives back the same objectives, key results and owners', () => {
    fc.assert(
      fc.property(okrSet, (okrs) => {
        const r = planImport(render(okrs), target(), { lang: 'en', sourceName: name });
        if (!r.ok) throw new Error(r.error);
        expect(r.shape).toBe(shape);
        expect(readBack(r, objectiveOwner, name === 'key results in one cell')).toEqual(
          okrs.map((o) => ({
            title: o.title,
            ...(objectiveOwner ? { owner: o.owner } : {}),
            keyResults: o.keyResults,
          })),
        );
        expect(r.rows.length).toBe(okrs.length + okrs.reduce((n, o) => n + o.keyResults.length, 0));
      }),
      { numRuns: 60 },
    );
  });
});
