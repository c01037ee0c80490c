// The Objectives table's Trend column on the Summary tab through the built add-on in the local
// runtime: per objective one SPARKLINE the add-on writes over the week figures given inline (numbers
// only, no cell reference), in the row's last column; no "Progress by week" section. The runtime
// keeps the formula as Google does (a SPARKLINE cell reads back empty: it shows a chart, not a
// value), and the staged copy over the tab keeps it. No other cell of the tab is a formula.
// https://support.google.com/docs/answer/3093289
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';

const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');
const DEMO_NOW = '2026-11-23T15:00:00Z';

/** A week's figure (a fraction in plain decimals) or "" for a week without one. */
const WEEK = String.raw`(?:-?\d+(?:\.\d+)?|"")`;
const TREND = new RegExp(
  String.raw`^=SPARKLINE\(\{(${WEEK}(?:,${WEEK}){1,8})\},\{"charttype","line";"ymin",0;"ymax",1;"nan","ignore"\}\)$`,
);

test('the Trend column: one SPARKLINE per objective over its weeks inline, no weekly section', async () => {
  const rt = await Runtime.open({ workbook: demoWorkbook(), code, options: { now: DEMO_NOW } });
  const run = rt.run('refreshSummary', []);
  if (!run.ok) throw new Error(run.error?.message);
  const result = run.result as {
    sections: Record<string, { startRow: number; rows: number }>;
    objectives: number;
  };
  expect(result.sections.weekly).toBeUndefined();
  const objectives = result.sections.objectives;
  // Heading, column headers, one row per objective, a blank row: the weeks add no row.
  expect(objectives.rows).toBe(2 + result.objectives + 1);
  const values = rt.workbook.values('Summary');
  const shown = rt.workbook.displayValues('Summary');
  expect(shown.flat()).not.toContain('Progress by week');
  expect(shown[objectives.startRow].slice(0, 3)).toEqual(['ID', 'Objective', 'Progress']);
  expect(shown[objectives.startRow][11]).toBe('Trend by week');
  let formulas = 0;
  for (let i = 0; i < result.objectives; i++) {
    const row = objectives.startRow + 2 + i;
    const formula = rt.workbook.formula('Summary', `L${row}`);
    if (!formula) continue;
    formulas++;
    const weeks = TREND.exec(formula)?.[1].split(',');
    if (!weeks) throw new Error(`not a trend: ${formula}`);
    // At least two weeks with a figure, each a fraction; the last is today's Progress on the row.
    const figures = weeks.filter((w) => w !== '""').map(Number);
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const f of figures) expect(f).toBeGreaterThanOrEqual(0);
    expect(`${Math.round(Number(weeks[weeks.length - 1]) * 100)}%`).toBe(shown[row - 1][2]);
    // What Google returns for a SPARKLINE cell: no value.
    expect(values[row - 1][11]).toBe('');
  }
  expect(formulas).toBeGreaterThan(0);
  // The only formulas on the tab are those SPARKLINEs.
  const all = values.flatMap((row, r) =>
    row.map((_, c) => rt.workbook.formula('Summary', `${String.fromCharCode(65 + c)}${r + 1}`)),
  );
  expect(all.filter((f) => f !== '').every((f) => TREND.test(f))).toBe(true);
  expect(all.filter((f) => f !== '')).toHaveLength(formulas);
}, 120_000);
