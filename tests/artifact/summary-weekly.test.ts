// "Progress by week" on the Summary tab through the built add-on in the local runtime: each
// objective's weeks as figures and a SPARKLINE the add-on writes over its own row. The runtime keeps
// the formula as Google does (a SPARKLINE cell reads back empty: it shows a chart, not a value), and
// the staged copy over the tab keeps it. No other cell of the tab is a formula.
// https://support.google.com/docs/answer/3093289
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';

const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');
const DEMO_NOW = '2026-11-23T15:00:00Z';

test('the weekly block: figures per week, one SPARKLINE per objective over its own row', async () => {
  const rt = await Runtime.open({ workbook: demoWorkbook(), code, options: { now: DEMO_NOW } });
  const run = rt.run('refreshSummary', []);
  if (!run.ok) throw new Error(run.error?.message);
  const result = run.result as {
    sections: Record<string, { startRow: number; rows: number }>;
    objectives: number;
  };
  const weekly = result.sections.weekly;
  expect(weekly).toBeDefined();
  const values = rt.workbook.values('Summary');
  const shown = rt.workbook.displayValues('Summary');
  // Heading, note, column headers, one row per objective, a blank row.
  expect(weekly.rows).toBe(3 + result.objectives + 1);
  expect(String(values[weekly.startRow - 1][0])).toMatch(/^Progress by week/);
  expect(shown[weekly.startRow + 1].slice(0, 3)).toEqual(['ID', 'Objective', 'Trend']);
  let formulas = 0;
  for (let i = 0; i < result.objectives; i++) {
    const row = weekly.startRow + 3 + i;
    const formula = rt.workbook.formula('Summary', `C${row}`);
    if (!formula) continue;
    formulas++;
    expect(formula).toMatch(
      new RegExp(`^=SPARKLINE\\(D${row}:[D-L]${row},\\{"charttype","line";"ymin",0;"ymax",1\\}\\)$`),
    );
    // What Google returns for a SPARKLINE cell: no value.
    expect(values[row - 1][2]).toBe('');
    const weeks = values[row - 1].slice(3).filter((v) => v !== '');
    expect(weeks.length).toBeGreaterThanOrEqual(2);
    for (const v of weeks) expect(typeof v).toBe('number');
  }
  expect(formulas).toBeGreaterThan(0);
  // The only formulas on the tab are those SPARKLINEs.
  const all = values.flatMap((row, r) =>
    row.map((_, c) => rt.workbook.formula('Summary', `${String.fromCharCode(65 + c)}${r + 1}`)),
  );
  expect(all.filter((f) => f !== '').every((f) => f.startsWith('=SPARKLINE('))).toBe(true);
  expect(all.filter((f) => f !== '')).toHaveLength(formulas);
}, 120_000);
