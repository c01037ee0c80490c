// Check problems on Sources, through the built add-on in the local runtime: a Source of a live, open
// key result that cannot give a figure is a source-unreadable problem naming the row, the Source cell
// and what to do (the same words as Update from source, by the same reader); a good cell, percent
// cell, named range, lookup or formula reference is none; a closed cycle's Sources are not read. The
// referenced cells are read in a fixed number of calls, one data range per tab, whatever the number
// of key results pointing there.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { CheckSheetResult, CyclesResult } from '../../src/api';
import { readsOf, sheetsCalls, sum } from '../fixtures/okr/runtime';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const LOG_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

function okrTab(sources: Record<string, string>): unknown[][] {
  const [header, ...rows] = okrRows();
  return [[...header, 'Source'], ...rows.map((r) => [...r, sources[String(r[0])] ?? ''])];
}

async function open(
  sources: Record<string, string>,
  formulas: Record<number, string> = {},
  userLocales: Record<string, string> = {},
): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    {
      OKRs: okrTab(sources),
      Team: teamRows(),
      'Check-ins': [LOG_HEADER],
      'Sales data': [
        ['Period', 'Revenue', 'Churn', 'Comment'],
        ['2026-Q3', 21, 0.09, 'about 40'],
        ['2026-Q4', 33, 0.07, ''],
      ],
    },
    { timeZone: 'UTC' },
  );
  const sales = workbook.sheet('Sales data');
  for (const row of [2, 3]) sales.cellForWrite(row, 3).numberFormat = '0%';
  const broken = sales.cellForWrite(4, 4);
  broken.formula = '=Deleted!A1';
  broken.value = '#REF!';
  workbook.namedRanges.set('Revenue_Q4', { sheetId: sales.id, row: 3, col: 2, numRows: 1, numCols: 1 });
  // A Source typed as a formula: the cell shows the figure, its formula is the reference.
  const okrs = workbook.sheet('OKRs');
  const sourceColumn = okrTab({})[0].length;
  for (const [row, formula] of Object.entries(formulas)) {
    const c = okrs.cellForWrite(Number(row), sourceColumn);
    c.formula = formula;
    c.value = 33;
  }
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW, userLocales } });
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

function check(rt: Runtime): { result: CheckSheetResult; calls: Record<string, number> } {
  const res = rt.run('validateOkrs', [], { as: LEAD });
  return { result: ok<CheckSheetResult>(res), calls: res.calls };
}
const sourceProblems = (rt: Runtime) =>
  check(rt).result.problems.filter((p) => p.code === 'source-unreadable');

describe('Check problems on Sources', () => {
  test.each([
    ['Nope!B2', 'error', /the Source in OKRs!S3 names the tab "Nope", which this spreadsheet does not have/],
    ['Sales data!B2:C3', 'error', /names more than one cell/],
    ['not a reference!', 'error', /is not a reference the add-on can read/],
    ['=Revenue_Q5', 'error', /range Revenue_Q5, which this spreadsheet does not have/],
    ["'Sales data'!D4", 'error', /reads 'Sales data'!D4, which shows the error #REF!/],
    ["'Sales data'!D2", 'error', /holds "about 40", not a number/],
    ["'Sales data'!D3", 'warning', /'Sales data'!D3, which is empty/],
  ])('%s: one problem on the Source cell, with the row and what to do', async (source, severity, message) => {
    const rt = await open({ 'O1.1': source });
    const problems = sourceProblems(rt);
    expect(problems).toEqual([
      expect.objectContaining({ severity, id: 'O1.1', row: 3, cell: 'OKRs!S3', column: 'Source' }),
    ]);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].message).toContain('O1.1 (row 3)');
    expect(problems[0].hint).toContain('the weekly run and Update from source record nothing for O1.1');
  });

  test('good Sources are no problem: a number, a percent cell, a named range, a lookup, a formula reference', async () => {
    const rt = await open(
      {
        'O1.1': "'Sales data'!B3",
        'O1.2': 'Sales data!C3',
        'O1.3': '=Revenue_Q4',
        'O2.1': 'Sales data[Revenue, 2026-Q3]',
      },
      { 8: "='Sales data'!B3" },
    );
    expect(sourceProblems(rt)).toEqual([]);
  });

  test('in Japanese: the problem is in Japanese', async () => {
    const rt = await open({ 'O1.1': 'Nope!B2' }, {}, { [LEAD]: 'ja' });
    const res = check(rt).result;
    const p = res.problems.find((x) => x.code === 'source-unreadable');
    expect(p?.message).toContain(
      'O1.1（3行目）：OKRs!S3のデータ元が指すタブ「Nope」はこのスプレッドシートにありません',
    );
    expect(p?.hint).toContain('何も記録しません');
  });

  test("a closed cycle's Sources are not read: no problem, no read of the tab they name", async () => {
    const rt = await open({ 'O1.1': 'Nope!B2', 'O2.1': "'Sales data'!D2" });
    expect(sourceProblems(rt)).toHaveLength(2);
    expect(ok<CyclesResult>(rt.run('closeCycle', [{ cycle: '2026-Q4' }], { as: LEAD })).ok).toBe(true);
    const { result, calls } = check(rt);
    expect(result.problems.filter((p) => p.code === 'source-unreadable')).toEqual([]);
    expect(calls['Range.getNumberFormats'] ?? 0).toBe(0);
  });

  test('each referenced tab is read once, whatever the number of key results pointing there', async () => {
    const one = check(await open({ 'O1.1': "'Sales data'!B3" })).calls;
    const all = check(
      await open({
        'O1.1': "'Sales data'!B3",
        'O1.2': "'Sales data'!C3",
        'O1.3': "'Sales data'!B2",
        'O2.1': 'Sales data[Revenue, 2026-Q3]',
        'O2.2': "'Sales data'!D2",
      }),
    ).calls;
    expect(sum(sheetsCalls(all))).toBe(sum(sheetsCalls(one)));
    // The Source column's formulas, then the tab's values and number formats.
    expect(readsOf(all)).toMatchObject({ 'Range.getFormulas': 1, 'Range.getNumberFormats': 1 });
    const none = check(await open({})).calls;
    expect(none['Range.getFormulas'] ?? 0).toBe(1);
    expect(none['Range.getNumberFormats'] ?? 0).toBe(0);
  });
});
