// validateOkrs through the built add-on: the malformed corpus gives exactly its planted problems,
// never throws and writes nothing; the demo workbook with planted faults lists each fault (code, ID,
// cell) and nothing else new; and reading costs the same at 50 and 5,000 rows.
import { demoWorkbook } from '../../local/fixtures/demo';
import { Workbook } from '../../local/runtime';
import { MALFORMED } from '../fixtures/okr/malformed';
import {
  bigWorkbook,
  LEAD,
  openRuntime,
  sheetsCalls,
  snapshot,
  sum,
  writesOf,
} from '../fixtures/okr/runtime';

interface Result {
  ok: boolean;
  problems: Array<{
    code: string;
    severity: string;
    id: string | null;
    row: number | null;
    cell: string | null;
    message: string;
    hint: string;
  }>;
  counts: { errors: number; warnings: number; total: number };
}

describe('the malformed corpus', () => {
  test.each(MALFORMED.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wb = Workbook.fromRows(c.tabs, { timeZone: 'America/New_York' });
    for (const a1 of c.merges ?? []) {
      wb.sheet('OKRs').merges.push(wb.locate('OKRs', a1).rect);
    }
    for (const [a1, formula] of Object.entries(c.formulas ?? {})) {
      // Keep the computed value (an error, as Sheets shows it) and add the formula behind it.
      const cell = wb.cell('OKRs', a1);
      if (!cell) throw new Error(`fixture: no cell ${a1}`);
      cell.formula = formula;
    }
    const rt = await openRuntime(wb);
    const before = snapshot(rt.workbook);
    const r = rt.run('validateOkrs', [], { as: LEAD });
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    const result = r.result as Result;
    expect(result.problems.map((p) => [p.code, p.id, p.cell])).toEqual(c.expected);
    expect(result.counts.total).toBe(c.expected.length);
    // Read-only: not one write, and the workbook is the same in every respect.
    expect(writesOf(r.calls)).toEqual({});
    expect(snapshot(rt.workbook)).toBe(before);
    // JSON-safe: what google.script.run would deliver is what came back.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

test('the demo workbook with planted faults lists each fault with its code, ID and cell, and nothing else new', async () => {
  const clean = await openRuntime(demoWorkbook(), { now: '2026-11-23T15:00:00Z' });
  const baseline = (clean.run('validateOkrs', [], { as: LEAD }).result as Result).problems;
  const key = (p: { code: string; id: string | null; cell: string | null }) => `${p.code} ${p.id} ${p.cell}`;

  const wb = demoWorkbook();
  const rows = wb.values('OKRs');
  const header = rows[0] as string[];
  const rowOf = (id: string) => rows.findIndex((r) => r[0] === id) + 1;
  const col = (name: string) => String.fromCharCode(65 + header.indexOf(name));
  const busy = new Set(baseline.map((p) => p.id));
  const krs = rows.filter((r) => r[1] === 'Key result' && !busy.has(String(r[0]))).map((r) => String(r[0]));
  expect(krs.length).toBeGreaterThanOrEqual(4);
  const [a, b, c, d] = krs;
  const planted: Array<[string, string, string, unknown]> = [
    ['owner-multiple', a, 'Owner', 'lucas.meyer@example.com, aiko.tanaka@example.com'],
    ['owner-not-person', b, 'Owner', 'Engineering'],
    ['owner-unknown', c, 'Owner', 'someone@elsewhere.com'],
    ['value-not-number', d, 'Current', '#REF!'],
  ];
  for (const [, id, column, value] of planted) wb.setValues('OKRs', `${col(column)}${rowOf(id)}`, [[value]]);
  const rt = await openRuntime(wb, { now: '2026-11-23T15:00:00Z' });
  const result = rt.run('validateOkrs', [], { as: LEAD }).result as Result;
  const now = new Set(result.problems.map(key));
  const added = result.problems.filter((p) => !baseline.some((q) => key(q) === key(p)));
  expect(added.map((p) => [p.code, p.id, p.cell])).toEqual(
    planted.map(([code, id, column]) => [code, id, `OKRs!${col(column)}${rowOf(id)}`]),
  );
  // Everything the demo already had is still reported.
  for (const p of baseline) expect(now.has(key(p))).toBe(true);
});

test('validateOkrs makes the same calls at 50 and 5,000 rows', async () => {
  const small = await openRuntime(bigWorkbook(50));
  const large = await openRuntime(bigWorkbook(5000));
  const a = small.run('validateOkrs', [], { as: LEAD });
  const b = large.run('validateOkrs', [], { as: LEAD });
  expect(a.ok && b.ok).toBe(true);
  expect(b.calls).toEqual(a.calls);
  expect(a.calls['Range.getValues']).toBe(2);
  console.log(
    `validateOkrs: ${sum(sheetsCalls(a.calls))} Sheets calls at 50 rows, ${sum(sheetsCalls(b.calls))} at 5,000 rows`,
  );
});
