// The objective's Progress cell in the OKRs tab never goes stale, through the built dist/Code.js:
// after a check-in (the quick path, and the full one), the objective row's Progress is the figure the
// Summary shows for it.
import { demoWorkbook } from '../../local/fixtures/demo';
import { type RunResult, Runtime, type Workbook } from '../../local/runtime';
import type { CheckInResult } from '../../src/api';
import { ensureBuilt } from '../helpers/build';

// Monday 23 Nov 2026, 10:00 in New York: the demo workbook's "today".
const DEMO_NOW = '2026-11-23T15:00:00Z';

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

function okrTable(wb: Workbook) {
  const [header, ...rows] = wb.values('OKRs');
  const col = (name: string) => header.map(String).indexOf(name);
  return { rows, col };
}

/** The Summary's Progress of objective `id` (its row in the objectives section: "57%"), in percent. */
function summaryProgress(wb: Workbook, id: string): number {
  const row = wb.displayValues('Summary').find((r) => r[0] === id && /^\d+%$/.test(r[2] ?? ''));
  if (!row) throw new Error(`no Summary row for ${id}`);
  return Number(row[2].replace('%', ''));
}

describe.each([
  ['quick path', 'quick'],
  ['full path (an ID cell with a stray space: the whole tab is re-read)', 'full'],
  ["quick path, the key result in the grid's last rows (the rows around it read to the grid's end)", 'last'],
] as const)("after a check-in on the %s, the objective's Progress is the Summary's", (_path, mode) => {
  test('the OKRs tab and the Summary show the same objective progress', async () => {
    const wb = demoWorkbook();
    const { rows, col } = okrTable(wb);
    // An increase key result (of the first objective; the last one on the tab for 'last'), checked in
    // at its target by its owner.
    const increases = rows.filter((r) => r[col('Type')] === 'Key result' && r[col('Kind')] === 'increase');
    const short = increases.filter((r) => Number(r[col('Current')]) < Number(r[col('Target')]));
    const kr = (mode === 'last' ? short.at(-1) : increases[0])!;
    const id = String(kr[col('ID')]);
    const objectiveId = String(kr[col('Parent')]);
    const owner = String(kr[col('Owner')]);
    if (mode === 'full') wb.setValues('OKRs', `A${rows.indexOf(kr) + 2}`, [[` ${id}`]]);
    // The grid ends at the tab's last row: the rows after the key result are fewer than the finder
    // reads around it (30), so that read passes the grid's end.
    const tab = wb.findSheet('OKRs');
    if (mode === 'last' && tab) tab.maxRows = rows.length + 1;
    expect(mode !== 'last' || rows.length - rows.indexOf(kr) < 30).toBe(true);
    const rt = await Runtime.open({ workbook: wb, projectDir: ensureBuilt(), options: { now: DEMO_NOW } });
    const objectiveRow = () => okrTable(rt.workbook).rows.find((r) => r[col('ID')] === objectiveId)!;
    const before = Number(objectiveRow()[col('Progress')]);

    const run = rt.run('checkIn', [{ id, current: Number(kr[col('Target')]), confidence: 'on-track' }], {
      as: owner,
    });
    const res = ok<CheckInResult>(run);
    expect(res.ok).toBe(true);
    // The quick path answers with the item alone; the full one re-reads the OKRs tab (its data range).
    expect('item' in res).toBe(mode !== 'full');
    if (mode !== 'full') expect(run.calls['TextFinder.findAll']).toBeGreaterThanOrEqual(1);
    expect(ok<{ ok: boolean }>(rt.run('refreshSummary', [])).ok).toBe(true);

    const after = Number(objectiveRow()[col('Progress')]) * 100;
    expect(after).not.toBeCloseTo(before * 100, 1);
    // The cell holds the exact mean to a tenth of a percent; the Summary prints it whole.
    expect(Math.abs(after - summaryProgress(rt.workbook, objectiveId))).toBeLessThanOrEqual(0.5);
  });
});

test('objectives aligned to the objective, anywhere on the tab, are not read: the check-in stays on the quick path', async () => {
  const { generateFixture } = await import('../../local/fixtures/generate');
  const { callTrace } = await import('../../local/runtime/meter');
  // 2,000 key results; a tenth of the objectives are aligned to O1 (Parent O1), spread down the tab.
  const { workbook, facts } = generateFixture({ keyResults: 2000, owners: 200, weeksOfHistory: 1, seed: 42 });
  const { rows, col } = okrTable(workbook);
  const aligned = rows.filter((r) => r[col('Type')] === 'Objective' && r[col('Parent')] === 'O1');
  expect(aligned.length).toBeGreaterThan(10);
  const kr = rows.find((r) => r[col('ID')] === 'O1.1')!;
  const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: facts.asOf } });
  const trace: Array<{ method: string; cells: number }> = [];
  callTrace.sink = trace;
  let res: RunResult;
  try {
    res = rt.run('checkIn', [{ id: 'O1.1', current: Number(kr[col('Target')]), confidence: 'on-track' }], {
      as: String(kr[col('Owner')]),
    });
  } finally {
    callTrace.sink = null;
  }
  expect(ok<CheckInResult>(res)).toMatchObject({ ok: true, item: { id: 'O1.1' } });
  // Quick path: the OKRs tab is never read whole. Team's data range is read; the log's getDataRange
  // gives its size only (one call instead of getLastRow and getLastColumn); the OKRs tab's size is
  // not asked for (its top rows and searches instead): the cells read, below, show the tab was not.
  expect(res.calls['Sheet.getDataRange']).toBe(2);
  const tabCells = rows.length * rows[0].length;
  const read = trace
    .filter((c) => /getValues|getSheetValues/.test(c.method))
    .reduce((a, c) => a + c.cells, 0);
  // Reading from O1's first to its last aligned objective was nearly the whole tab.
  expect(read).toBeLessThan(tabCells / 4);
  // The objective's Progress is the Summary's, as on any check-in.
  expect(ok<{ ok: boolean }>(rt.run('refreshSummary', [])).ok).toBe(true);
  const o1 = okrTable(rt.workbook).rows.find((r) => r[col('ID')] === 'O1')!;
  expect(
    Math.abs(Number(o1[col('Progress')]) * 100 - summaryProgress(rt.workbook, 'O1')),
  ).toBeLessThanOrEqual(0.5);
});
