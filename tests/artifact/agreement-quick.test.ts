// Agreement steps on the quick path, through the built add-on in the local runtime: propose → counter
// → agree find the row by ID and read only that key result's steps of the Agreements log, so their
// Sheets calls do not grow with the OKRs tab or the log, and the whole OKRs tab is never read. Each
// answers with what changed (the item and its agreement), not the whole state. Refusals still write
// nothing and are answered by the full path with a fresh state; an ID the quick read cannot trust (a
// stray space, a duplicate) takes the full path.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { callTrace } from '../../local/runtime/meter';
import type { CheckInOk, CheckInResult } from '../../src/api';
import { AGREEMENT_HEADERS, ANA, BEN, grown, LEE, LEO, MIA, NOW } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';

async function open(tabs: Record<string, unknown[][]>): Promise<Runtime> {
  const workbook = Workbook.fromRows(tabs, { timeZone: 'UTC' });
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function answer(r: RunResult): CheckInResult {
  if (!r.ok) throw new Error(`${r.function} threw: ${r.error?.message}`);
  return r.result as CheckInResult;
}

/** Runs a step and the cells its reads transferred. */
function traced(rt: Runtime, fn: string, req: unknown, as: string): { res: RunResult; cellsRead: number } {
  const trace: Array<{ method: string; cells: number }> = [];
  callTrace.sink = trace;
  try {
    const res = rt.run(fn, [req], { as });
    const cellsRead = trace
      .filter((c) => /getValues|getSheetValues/.test(c.method))
      .reduce((a, c) => a + c.cells, 0);
    return { res, cellsRead };
  } finally {
    callTrace.sink = null;
  }
}

function row(rt: Runtime, id: string): Record<string, unknown> {
  const [head, ...rows] = rt.workbook.values('OKRs');
  const found = rows.find((r) => r[0] === id) as unknown[];
  return Object.fromEntries(head.map((h, i) => [String(h), found[i]]));
}

const everything = (rt: Runtime) =>
  JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));

/** Propose → counter → agree on O1.1; each step's answer, Sheets calls and cells read. */
/** 600 key results, Ana's proposal for O1.1 logged an hour ago with the ID typed as `loggedId`. */
function withProposalLoggedAs(loggedId: string) {
  return grown(600, (t) => {
    t.Agreements.push([new Date(NOW - 3_600_000), loggedId, 'Proposed', ANA, ANA, '', 'Target 70', 'Leave']);
  });
}

async function flow(extra: number) {
  const tabs = grown(extra);
  const rt = await open(tabs);
  const steps = [
    traced(rt, 'proposeAgreement', { id: 'O1.1', target: 80, reason: 'Two of us are on leave' }, ANA),
    traced(rt, 'respondAgreement', { id: 'O1.1', answer: 'counter', target: 90, reason: 'Aim for 90' }, MIA),
    traced(rt, 'respondAgreement', { id: 'O1.1', answer: 'agree' }, ANA),
  ];
  const okrCells = tabs.OKRs.length * tabs.OKRs[0].length;
  const logCells = tabs.Agreements.length * AGREEMENT_HEADERS.length;
  return { rt, steps, okrCells, logCells };
}

describe('propose → counter → agree on the quick path', () => {
  test('answers with what changed; the same Sheets calls on a small and a big sheet, the OKRs tab never read whole', async () => {
    // The small log is longer than the rows read with its header (50): its steps are read as a long
    // log's are. A shorter one is read with the header, in no more calls (below).
    const small = await flow(60);
    const tiny = await flow(20);
    const big = await flow(3000);
    for (const [i, s] of big.steps.entries()) {
      expect(answer(s.res).ok).toBe(true);
      // Neither tab is read whole: the header rows, the row and its neighbours, the key result's steps.
      expect(s.cellsRead).toBeLessThan(big.okrCells / 20);
      expect(s.cellsRead).toBeLessThan(big.logCells / 4);
      expect(s.res.calls).toEqual(small.steps[i].res.calls);
      expect(tiny.steps[i].res.calls['Range.getValues']).toBeLessThanOrEqual(s.res.calls['Range.getValues']);
    }
    const [proposed, countered, agreed] = big.steps.map((s) => answer(s.res) as CheckInOk);
    expect(proposed).not.toHaveProperty('state');
    expect(proposed).toMatchObject({
      ok: true,
      message: 'Proposed for O1.1; Mia will answer.',
      item: { id: 'O1.1', target: 100 },
      agreement: { id: 'O1.1', status: 'proposed', waitsFor: 'other', offer: { target: 80 } },
    });
    // The approver's answer: it no longer waits for her.
    expect(countered.agreement).toMatchObject({
      status: 'countered',
      waitsFor: 'other',
      offer: { target: 90 },
    });
    expect(agreed).toMatchObject({
      message: 'Agreed O1.1: Target 90 · Start 0 · Due 2026-12-31.',
      item: { id: 'O1.1', target: 90 },
      agreement: { status: 'agreed', waitsFor: null },
    });
    expect(agreed.item.accepted).toEqual(expect.any(Number));
    expect(agreed.agreement?.history.map((h) => h.step)).toEqual(['proposed', 'countered', 'agreed']);
    // The acceptance it was missing is resolved.
    expect(agreed.resolved.map((r) => r.code)).toContain('owner-pending');
    expect(row(big.rt, 'O1.1').Target).toBe(90);
    // The steps went under the log's last row, in order.
    expect(
      big.rt.workbook
        .values('Agreements')
        .slice(-3)
        .map((r) => [r[1], r[2], r[3]]),
    ).toEqual([
      ['O1.1', 'Proposed', ANA],
      ['O1.1', 'Countered', MIA],
      ['O1.1', 'Agreed', ANA],
    ]);
    // The whole state, read afterwards, agrees with what the answers said.
    const state = answer(big.rt.run('getSidebarState', [], { as: ANA })) as unknown as {
      agreements: { mine: unknown[] };
    };
    expect(state.agreements.mine).toContainEqual(agreed.agreement);
  });

  test("steps logged with stray spaces around the ID are the key result's, as the log reader trims them", async () => {
    const tabs = withProposalLoggedAs(' O1.1 ');
    const rt = await open(tabs);
    const agreed = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA }));
    expect(agreed).toMatchObject({ ok: true, item: { target: 70 }, agreement: { status: 'agreed' } });
    expect(row(rt, 'O1.1').Target).toBe(70);
  });

  test.each([
    ['an ideographic space (what a Japanese input method types)', '\u3000'],
    ['a no-break space', '\u00a0'],
  ])("a step logged with %s after the ID is the key result's on the quick path too", async (_what, blank) => {
    // Ana's proposal waits for Mia: a second proposal must be refused on both paths (the full path
    // trims every blank JavaScript's trim() does; the quick path's search allows the same).
    const tabs = withProposalLoggedAs(`O1.1${blank}`);
    const rt = await open(tabs);
    const before = rt.workbook.values('Agreements').length;
    const again = rt.run('proposeAgreement', [{ id: 'O1.1', target: 60, reason: 'Again' }], { as: ANA });
    expect(again.ok).toBe(true);
    expect(again.result).toMatchObject({ ok: false });
    expect(rt.workbook.values('Agreements')).toHaveLength(before);
    const agreed = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA }));
    expect(agreed).toMatchObject({ ok: true, item: { target: 70 }, agreement: { status: 'agreed' } });
  });
});

test("a key result's first step among the log's top rows comes in the header rows' read: one getValues fewer", async () => {
  // Set-up logs an acceptance per key result in the OKRs tab's order: the first ones sit at the top.
  const acceptance = [
    new Date(NOW - 2 * 86_400_000),
    'O1.1',
    'Accepted',
    ANA,
    ANA,
    '',
    'Target 100 · Start 0',
    '',
  ];
  const respond = async (at: number) => {
    const rt = await open(grown(600, (t) => t.Agreements.splice(at, 0, acceptance)));
    answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }));
    const res = rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA });
    expect(answer(res)).toMatchObject({
      ok: true,
      item: { target: 80 },
      agreement: {
        status: 'agreed',
        history: [{ step: 'accepted' }, { step: 'proposed' }, { step: 'agreed' }],
      },
    });
    return res.calls;
  };
  const top = await respond(1);
  const further = await respond(100);
  expect(further['Range.getValues'] - top['Range.getValues']).toBe(1);
});

test('a log with a title row above its header and a column of its own is read and appended by its header', async () => {
  const tabs = grown(600, (t) => {
    const [head, ...rows] = t.Agreements;
    t.Agreements = [['Agreements log'], [...head, 'Notes'], ...rows.map((r) => [...r, 'kept'])];
  });
  const rt = await open(tabs);
  const proposed = answer(
    rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }),
  );
  expect(proposed).toMatchObject({ ok: true, item: { id: 'O1.1' }, agreement: { status: 'proposed' } });
  const last = rt.workbook.values('Agreements').at(-1) as unknown[];
  expect(last.slice(1, 4)).toEqual(['O1.1', 'Proposed', ANA]);
  expect(last[8] ?? '').toBe('');
  const agreed = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA }));
  expect(agreed).toMatchObject({ ok: true, item: { target: 80 }, agreement: { status: 'agreed' } });
});

test('on a small sheet (20 key results) the step takes the quick path too and answers with what changed', async () => {
  const rt = await open(grown(20));
  const proposed = answer(
    rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }),
  );
  expect(proposed).toMatchObject({ ok: true, item: { id: 'O1.1' }, agreement: { status: 'proposed' } });
  expect(proposed).not.toHaveProperty('state');
});

describe('refusals and rows the quick read cannot trust', () => {
  test('self-approval and a Member approving are refused on a big sheet, nothing written, with a fresh state', async () => {
    const rt = await open(grown(2000));
    answer(rt.run('proposeAgreement', [{ id: 'O1.3', target: 8, reason: 'Smaller team' }], { as: LEE }));
    answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }));
    const before = everything(rt);
    const own = answer(rt.run('respondAgreement', [{ id: 'O1.3', answer: 'agree' }], { as: LEE }));
    expect(own).toMatchObject({
      ok: false,
      error: 'Nobody approves their own proposal: a Lead answers it.',
      state: { complete: true },
    });
    const member = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: BEN }));
    expect(member).toMatchObject({
      ok: false,
      error: 'You cannot answer this proposal: it waits for Mia.',
    });
    const stale = answer(
      rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree', version: 'zzzzzz' }], { as: MIA }),
    );
    expect(stale).toMatchObject({ ok: false, changed: true, state: { complete: true } });
    expect(everything(rt)).toBe(before);
    expect(answer(rt.run('respondAgreement', [{ id: 'O1.3', answer: 'agree' }], { as: LEO }))).toMatchObject({
      ok: true,
      item: { id: 'O1.3', target: 8 },
    });
  });

  test('an ID cell with a stray space, or an ID on two rows, takes the full path', async () => {
    const spaced = await open(
      grown(600, (t) => {
        t.OKRs[2][0] = 'O1.1 ';
      }),
    );
    const viaFull = answer(
      spaced.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }),
    );
    expect(viaFull).toMatchObject({ ok: true, message: 'Proposed for O1.1; Mia will answer.' });
    expect(viaFull).toHaveProperty('state.complete', true);
    const twice = await open(
      grown(600, (t) => {
        t.OKRs.push([...t.OKRs[3]]);
      }),
    );
    // The full path decides as it always has (the whole tab read), and answers with the whole state.
    const duplicate = answer(
      twice.run('proposeAgreement', [{ id: 'O1.2', target: 30, reason: 'Too much' }], { as: BEN }),
    );
    expect(duplicate).toHaveProperty('state.complete', true);
  });
});
