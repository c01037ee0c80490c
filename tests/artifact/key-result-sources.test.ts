// Key results that update themselves, through the built add-on in the local runtime: a Source names
// a cell, a named range or a header/row lookup of the same spreadsheet; "Update from source" (the
// sidebar's button) and the weekly run record its figure as a check-in marked "from source"
// (By = "source"), or answer a problem naming the row and the Source cell, recording nothing.
import { Runtime, Workbook } from '../../local/runtime';
import type { ActionResult } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const LEAD = 'lead@example.com';
const LOG_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];
/** The Source column sits right of the set-up columns: S. */
const SOURCE_COLUMN = 'S';

/** OKRs with a Source column; `sources` by key result ID. */
function okrTab(sources: Record<string, string>): unknown[][] {
  const [header, ...rows] = okrRows();
  return [[...header, 'Source'], ...rows.map((r) => [...r, sources[String(r[0])] ?? ''])];
}

function salesTab(): unknown[][] {
  return [
    ['Period', 'Revenue', 'Churn', 'Comment'],
    ['2026-Q3', 21, 0.09, 'about 40'],
    ['2026-Q4', 33, 0.07, ''],
  ];
}

async function open(sources: Record<string, string>): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrTab(sources), Team: teamRows(), 'Check-ins': [LOG_HEADER], 'Sales data': salesTab() },
    { timeZone: 'UTC' },
  );
  const sales = workbook.sheet('Sales data');
  // Churn is a percentage (0.07 shows as 7%); D4 shows an error, as a formula on a deleted tab does.
  for (const row of [2, 3]) sales.cellForWrite(row, 3).numberFormat = '0%';
  const broken = sales.cellForWrite(4, 4);
  broken.formula = '=Deleted!A1';
  broken.value = '#REF!';
  workbook.namedRanges.set('Revenue_Q4', { sheetId: sales.id, row: 3, col: 2, numRows: 1, numCols: 1 });
  workbook.namedRanges.set('Revenue_All', { sheetId: sales.id, row: 2, col: 2, numRows: 2, numCols: 1 });
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function update(rt: Runtime, id: string, as = ANA): ActionResult {
  const res = rt.run('updateFromSource', [{ id }], { as });
  if (!res.ok) throw new Error(`updateFromSource failed: ${res.error?.message}`);
  return res.result as ActionResult;
}

const logRows = (rt: Runtime) =>
  rt.workbook
    .values('Check-ins')
    .slice(1)
    .filter((r) => r[1] !== '');
function okrCell(rt: Runtime, id: string, header: string): unknown {
  const [head, ...rows] = rt.workbook.values('OKRs');
  return (rows.find((r) => r[0] === id) as unknown[])[head.indexOf(header)];
}

describe('Update from source (the sidebar button)', () => {
  test('a cell of another tab: recorded as a check-in from source; Confidence and Note stay the owner’s', async () => {
    const rt = await open({ 'O1.1': "'Sales data'!B3" });
    const res = update(rt, 'O1.1');
    expect(res).toMatchObject({ ok: true, message: expect.stringContaining('33') });
    const log = logRows(rt);
    expect(log).toHaveLength(1);
    expect(log[0].slice(1, 6)).toEqual(['O1.1', 'source', 33, 0.65, '']);
    expect(log[0][6]).toBe(`From source 'Sales data'!B3 (asked by ${ANA})`);
    expect(okrCell(rt, 'O1.1', 'Current')).toBe(33);
    expect(okrCell(rt, 'O1.1', 'Progress')).toBe(0.65);
    expect(okrCell(rt, 'O1.1', 'Confidence')).toBe('On track');
    expect(okrCell(rt, 'O1.1', 'Note')).toBe('fine');
    // The objective's Progress follows in the same write (mean of its key results).
    expect(typeof okrCell(rt, 'O1', 'Progress')).toBe('number');
    // The answer carries the whole state with the new figure.
    if (!res.ok) throw new Error('refused');
    expect(res.state.mine.find((k) => k.id === 'O1.1')?.current).toBe(33);
  });

  test('an unquoted tab name and a percent cell: a key result counted in % records 7, not 0.07', async () => {
    const rt = await open({ 'O1.2': 'Sales data!C3' });
    expect(update(rt, 'O1.2')).toMatchObject({ ok: true });
    expect(okrCell(rt, 'O1.2', 'Current')).toBe(7);
    expect(logRows(rt)[0][3]).toBe(7);
  });

  test('a named range (=Revenue_Q4) and a header/row lookup read the same cell', async () => {
    for (const source of [
      '=Revenue_Q4',
      'Revenue_Q4',
      'Sales data[Revenue, 2026-Q4]',
      "'Sales data'[revenue,2026-q4]",
    ]) {
      const rt = await open({ 'O1.1': source });
      expect(update(rt, 'O1.1')).toMatchObject({ ok: true });
      expect(okrCell(rt, 'O1.1', 'Current')).toBe(33);
    }
  });

  test.each([
    ["'Sales data'!D2", /OKRs!S3.*'Sales data'!D2.*"about 40", not a number/],
    ["'Sales data'!D4", /'Sales data'!D4.*error #REF!/],
    ["'Sales data'!D3", /'Sales data'!D3, which is empty/],
    ['Nope!B2', /tab "Nope", which this spreadsheet does not have/],
    ['=Revenue_Q5', /range Revenue_Q5, which this spreadsheet does not have/],
    ['=Revenue_All', /Revenue_All, which covers more than one cell/],
    ['Sales data[Profit, 2026-Q4]', /column headed "Profit"/],
    ['Sales data[Revenue, 2027-Q1]', /row starting with "2027-Q1"/],
    ['B7', /names a cell but not its tab/],
    ["'Sales data'!B2:B3", /more than one cell/],
  ])('%s: a problem naming the row and the Source cell, nothing recorded', async (source, message) => {
    const rt = await open({ 'O1.1': source });
    const before = JSON.stringify(rt.workbook.values('OKRs'));
    const res = update(rt, 'O1.1');
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    if (res.ok) throw new Error('recorded');
    expect(res.error).toContain(`O1.1 (row 3): the Source in OKRs!${SOURCE_COLUMN}3`);
    expect(logRows(rt)).toHaveLength(0);
    expect(JSON.stringify(rt.workbook.values('OKRs'))).toBe(before);
  });

  test('only the owner or a Lead may update a key result from its source', async () => {
    const rt = await open({ 'O1.1': "'Sales data'!B3" });
    expect(update(rt, 'O1.1', BEN)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only the owner/),
    });
    expect(logRows(rt)).toHaveLength(0);
    expect(update(rt, 'O1.1', LEAD)).toMatchObject({ ok: true });
  });

  test('a key result without a Source says how to add one', async () => {
    const rt = await open({});
    expect(update(rt, 'O1.1')).toMatchObject({ ok: false, error: expect.stringMatching(/has no Source/) });
  });

  test('the referenced tab is looked up and read once (values and number formats of its data range)', async () => {
    const rt = await open({ 'O1.1': "'Sales data'!B3" });
    const res = rt.run('updateFromSource', [{ id: 'O1.1' }], { as: ANA });
    const none = (await open({})).run('updateFromSource', [{ id: 'O1.1' }], { as: ANA });
    expect(res.calls['Spreadsheet.getSheetByName'] - (none.calls['Spreadsheet.getSheetByName'] ?? 0)).toBe(1);
    expect(res.calls['Range.getNumberFormats']).toBe(1);
    // The tab's data range, and the log's header before the entry is appended.
    expect(res.calls['Range.getValues'] - none.calls['Range.getValues']).toBe(2);
  });

  test("a Source typed as a formula (='Sales data'!B3) is read as the reference it spells, never evaluated", async () => {
    const rt = await open({});
    const head = rt.workbook.values('OKRs')[0];
    const cell = rt.workbook.sheet('OKRs').cellForWrite(3, head.indexOf('Source') + 1);
    cell.formula = "='Sales data'!B3";
    cell.value = 33;
    expect(update(rt, 'O1.1')).toMatchObject({ ok: true });
    expect(logRows(rt)[0][6]).toContain("'Sales data'!B3");
  });
});

describe('the weekly run updates from sources once per run', () => {
  test('the hourly tick records one check-in from source per key result, and a later tick of the same run none', async () => {
    const rt = await open({ 'O1.1': "'Sales data'!B3", 'O1.2': 'Nope!A1' });
    expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).result).toMatchObject({ enabled: true });
    // Thursday 26 Nov 12:00 UTC → the run is due Monday 30 Nov 09:00 UTC; tick through Tuesday.
    rt.tick('2026-12-01T12:00:00Z');
    const log = logRows(rt);
    expect(log.filter((r) => r[1] === 'O1.1' && r[2] === 'source')).toHaveLength(1);
    expect(log.filter((r) => r[1] === 'O1.2')).toHaveLength(0);
    expect(log[0][6]).toBe("From source 'Sales data'!B3");
    expect(okrCell(rt, 'O1.1', 'Current')).toBe(33);
    const run = JSON.parse(rt.properties('document')['okrOwners.weekly.run'] ?? '{}');
    const report = JSON.stringify(run);
    expect(report).toContain('1 key result updated, 1 problem');
    expect(report).toContain('tab \\"Nope\\"');
    // The Lead reads it in the run's status (Settings shows it under the last weekly run).
    const status = rt.run('getWeeklyRunStatus', [], { as: LEAD }).result as { sources?: string };
    expect(status.sources).toMatch(
      /^Sources: 1 key result updated, 1 problem\. O1\.2 \(row 4\): the Source in OKRs!S4/,
    );
  });
});
