// My team's "proposal or counter on the table" group, through the built add-on in the local runtime,
// on an Agreements log as people leave it: proposals, counters, refusals, declines, agreements, an
// owner changed in the sheet without a step, a "cleared" step, hand-typed rows (spaces, lower case, an
// unknown step, a blank owner), blank rows; the log's columns in another order, in Japanese under a
// title row. The group is what the state machine says on the whole log (the pure functions are the
// oracle), while only the log's ID and Step columns are read (and the Owner cells of the key results
// whose steps leave them waiting): the calls stay the same and the cells grow by two a step.
import { Runtime, Workbook } from '../../local/runtime';
import { callTrace } from '../../local/runtime/meter';
import type { TeamViewResult } from '../../src/api';
import {
  AGREEMENT_ALIASES,
  AGREEMENT_COLUMN_ORDER,
  AGREEMENT_HEADERS_JA,
  AGREEMENT_STEP_WORDS,
  type AgreementColumn,
  type AgreementStep,
  parseAgreementLog,
} from '../../src/okr/ownership/agreementLog';
import { agreementState, entriesById, entriesOf, waitingOn } from '../../src/okr/ownership/agreementState';
import { DAY, okrHeaderRow, okrRow, teamHeaderRow, teamRow } from '../fixtures/okr/build';
import { ensureBuilt } from '../helpers/build';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const LEAD = 'lead@example.com';
const MIA = 'mia@example.com';
const ANN = 'ann@example.com';
const BEN = 'ben@example.com';
const CAT = 'cat@example.com';
const DAN = 'dan@example.com';

/** Key result → owner now. O1.5 was Cat's and is Ben's since an edit of the sheet (no step logged). */
const OWNERS: Record<string, string> = {
  'O1.1': ANN,
  'O1.2': ANN,
  'O1.3': BEN,
  'O1.4': BEN,
  'O1.5': BEN,
  'O1.6': ANN,
  'O1.7': ANN,
  'O1.8': BEN,
  'O1.9': ANN,
  'O1.10': ANN,
  'O1.11': CAT,
  'O1.12': BEN,
};

/** What waits, by the rules: Mia's people's key results with a proposal, counter or refusal open. */
const NEGOTIATING = ['O1.1', 'O1.2', 'O1.3', 'O1.7', 'O1.8', 'O1.10'];

interface Step {
  id: string;
  step: AgreementStep | string;
  by: string;
  owner: string;
  reason?: string;
}

const FIGURES = 'Target 80 · Start 0 · Due 2026-12-31';

/** The steps in log order; a string step is typed by hand; null is a blank row. */
const STEPS: Array<Step | null> = [
  { id: 'O1.1', step: 'accepted', by: ANN, owner: ANN },
  { id: 'O1.2', step: 'proposed', by: ANN, owner: ANN, reason: 'Two of us are on leave' },
  { id: 'O1.3', step: 'proposed', by: BEN, owner: BEN },
  { id: 'O1.4', step: 'proposed', by: BEN, owner: BEN },
  { id: 'O1.5', step: 'proposed', by: CAT, owner: CAT },
  null,
  { id: 'O1.6', step: 'proposed', by: ANN, owner: ANN },
  { id: 'O1.7', step: 'proposed', by: DAN, owner: DAN },
  { id: 'O1.2', step: 'countered', by: MIA, owner: ANN },
  { id: 'O1.3', step: 'refused', by: MIA, owner: BEN, reason: 'Not this quarter' },
  { id: 'O1.4', step: 'declined', by: BEN, owner: BEN },
  { id: 'O1.6', step: 'agreed', by: MIA, owner: ANN },
  { id: 'O1.7', step: 'cleared', by: LEAD, owner: ANN },
  { id: 'O1.1', step: 'proposed', by: ANN, owner: ANN },
  { id: ' O1.8 ', step: '  proposed ', by: BEN, owner: BEN },
  { id: 'O1.9', step: 'accepted', by: ANN, owner: ANN },
  null,
  { id: 'O1.10', step: 'proposed', by: ANN, owner: ANN },
  { id: 'O1.10', step: 'Maybe later', by: ANN, owner: ANN },
  { id: '', step: 'agreed', by: MIA, owner: ANN },
  { id: 'O1.7', step: 'proposed', by: ANN, owner: ANN },
  { id: 'O1.11', step: 'proposed', by: CAT, owner: CAT },
  { id: 'O1.12', step: 'proposed', by: BEN, owner: BEN },
  { id: 'O1.12', step: 'countered', by: MIA, owner: BEN },
  { id: 'O1.12', step: 'agreed', by: BEN, owner: '' },
];

interface LogShape {
  order: readonly AgreementColumn[];
  headers: Record<AgreementColumn, string>;
  lang: 'en' | 'ja';
  /** Rows above the header (a title). */
  above: unknown[][];
}

const ENGLISH = Object.fromEntries(AGREEMENT_COLUMN_ORDER.map((c) => [c, AGREEMENT_ALIASES[c][0]])) as Record<
  AgreementColumn,
  string
>;
const SHAPES: Record<string, LogShape> = {
  'English, as set-up writes it': { order: AGREEMENT_COLUMN_ORDER, headers: ENGLISH, lang: 'en', above: [] },
  'columns in another order': {
    order: ['reason', 'owner', 'to', 'step', 'by', 'from', 'id', 'time'],
    headers: ENGLISH,
    lang: 'en',
    above: [],
  },
  'Japanese, under a title row': {
    order: ['id', 'time', 'by', 'step', 'owner', 'to', 'from', 'reason'],
    headers: AGREEMENT_HEADERS_JA,
    lang: 'ja',
    above: [['合意ログ']],
  },
};

function logRows(shape: LogShape, steps: ReadonlyArray<Step | null>): unknown[][] {
  const rows: unknown[][] = [...shape.above, shape.order.map((c) => shape.headers[c])];
  steps.forEach((s, i) => {
    if (!s) {
      rows.push(shape.order.map(() => ''));
      return;
    }
    const known = AGREEMENT_STEP_WORDS[s.step as AgreementStep];
    const cells: Record<AgreementColumn, unknown> = {
      time: new Date(NOW - (60 - i) * DAY),
      id: s.id,
      step: known ? known[shape.lang] : s.step,
      by: s.by,
      owner: s.owner,
      from: '',
      to: s.step === 'proposed' || s.step === 'countered' || s.step === 'accepted' ? FIGURES : '',
      reason: s.reason ?? '',
    };
    rows.push(shape.order.map((c) => cells[c]));
  });
  return rows;
}

function workbook(agreements: unknown[][]): Workbook {
  return Workbook.fromRows(
    {
      OKRs: [
        okrHeaderRow(),
        okrRow({ ID: 'O1', Type: 'Objective', Title: 'Grow', Owner: LEAD, Cycle: '2026-Q4' }),
        ...Object.entries(OWNERS).map(([id, owner]) =>
          okrRow({
            ID: id,
            Type: 'Key result',
            Parent: 'O1',
            Title: `Key result ${id}`,
            Owner: owner,
            Cycle: '2026-Q4',
            Kind: 'Increase',
            Start: 0,
            Target: 100,
            Current: 50,
            Confidence: 'On track',
            Accepted: new Date(NOW - 60 * DAY),
            'Last check-in': new Date(NOW - 2 * DAY),
          }),
        ),
      ],
      Team: [
        teamHeaderRow(),
        teamRow({ Name: 'Lee Lead', Email: LEAD, Role: 'Lead' }),
        teamRow({ Name: 'Mia', Email: MIA, Role: 'Member', Manager: LEAD }),
        teamRow({ Name: 'Ann', Email: ANN, Role: 'Member', Manager: MIA }),
        teamRow({ Name: 'Ben', Email: BEN, Role: 'Member', Manager: MIA }),
        teamRow({ Name: 'Cat', Email: CAT, Role: 'Member', Manager: LEAD }),
        teamRow({ Name: 'Dan', Email: DAN, Role: 'Member', Manager: LEAD }),
      ],
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
      Agreements: agreements,
    },
    { timeZone: 'UTC' },
  );
}

/** The rules on the whole log: which of Mia's people's key results wait for someone. */
function oracle(agreements: unknown[][]): string[] {
  const byId = entriesById(parseAgreementLog(agreements));
  return Object.entries(OWNERS)
    .filter(([, owner]) => owner === ANN || owner === BEN)
    .filter(([id, owner]) => waitingOn(agreementState(entriesOf(byId, id), owner)) !== null)
    .map(([id]) => id);
}

/** getTeamView as Mia, with the cells every Sheets read of it transferred. */
async function teamView(agreements: unknown[][]) {
  const rt = await Runtime.open({
    workbook: workbook(agreements),
    projectDir: ensureBuilt(),
    options: { now: NOW },
  });
  const trace: Array<{ method: string; cells: number }> = [];
  callTrace.sink = trace;
  let r: ReturnType<Runtime['run']>;
  try {
    r = rt.run('getTeamView', [], { as: MIA });
  } finally {
    callTrace.sink = null;
  }
  if (!r.ok) throw new Error(r.error?.message);
  const view = r.result as TeamViewResult;
  if (!view.ok) throw new Error(view.error);
  const proposed = view.groups.find((g) => g.need === 'proposed')?.items.map((i) => i.id) ?? [];
  const cells = trace.reduce((n, c) => n + c.cells, 0);
  return { proposed, calls: r.calls, cells };
}

describe.each(Object.entries(SHAPES))('My team on a log %s', (_name, shape) => {
  test('the key results with a proposal, counter or refusal on the table are the ones the rules say', async () => {
    const agreements = logRows(shape, STEPS);
    expect(oracle(agreements)).toEqual(NEGOTIATING);
    const { proposed } = await teamView(agreements);
    expect([...proposed].sort()).toEqual([...NEGOTIATING].sort());
  });
});

test('a longer log costs the same Sheets calls and two cells a step (its ID and Step), not the whole row', async () => {
  const shape = SHAPES['English, as set-up writes it'];
  // 2,000 more steps of other people's key results after those above.
  const more: Step[] = [];
  for (let i = 0; i < 2000; i++)
    more.push({ id: `O9.${i}`, step: i % 3 ? 'accepted' : 'proposed', by: CAT, owner: CAT });
  const short = await teamView(logRows(shape, STEPS));
  const long = await teamView(logRows(shape, [...STEPS, ...more]));
  expect(long.proposed).toEqual(short.proposed);
  expect(long.calls).toEqual(short.calls);
  expect(long.cells - short.cells).toBe(2 * more.length);
});

test('steps spread over a long log: the Owner cells they need are read in one column, the answer the same', async () => {
  const shape = SHAPES['columns in another order'];
  // 200 steps of other people's key results after each step above: more runs than a few reads.
  const spread = STEPS.flatMap((s, i) => [
    s,
    ...Array.from(
      { length: 200 },
      (_, j): Step => ({ id: `O9.${i}.${j}`, step: 'accepted', by: CAT, owner: CAT }),
    ),
  ]);
  const agreements = logRows(shape, spread);
  expect(oracle(agreements)).toEqual(NEGOTIATING);
  const { proposed, calls } = await teamView(agreements);
  expect([...proposed].sort()).toEqual([...NEGOTIATING].sort());
  // Team; the log's header rows, its ID and Step columns (apart in this order: two reads) and
  // its Owner column.
  expect(calls['Range.getValues']).toBe(5);
});
