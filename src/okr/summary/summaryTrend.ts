// The Objectives table's Trend column: per objective a SPARKLINE of where it stood at the end of
// each week of the cycle (summaryWeekly.ts), today last. The add-on writes each formula itself, from
// numbers only, with the week figures given inline as an array constant (never a cell reference,
// never any cell's text), so the trend costs one cell per objective instead of a section of its own
// (a row per objective and one cell per week: every Summary row costs a refresh about 5 ms). The
// formulas are kept apart from the values (the grid's values hold no formula at all;
// src/gas/summaryTab.ts puts them in at the write), in the syntax Apps Script uses (English function
// names, commas): the cell shows a small line chart and reads back empty.
// https://support.google.com/docs/answer/3093289 (SPARKLINE: "data - the range or array containing
// the data to plot"; for line charts, "nan" sets how to treat non-numeric data)
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
import type { SummaryWeekly } from './summaryWeekly';

/** The Trend column, 1-based (L): after the Objectives table's 11 columns. */
export const TREND_COLUMN = 12;

/** 0–100 % fixed (the same scale for every objective); a week without a figure is skipped ("nan"). */
const TREND_OPTIONS = '{"charttype","line";"ymin",0;"ymax",1;"nan","ignore"}';

/** A progress figure (0–100) as a fraction in plain decimal notation: 45.5 → "0.455". */
function fraction(progress: number): string {
  return String(Math.round(progress * 10) / 1000);
}

/**
 * One objective's trend, or '' when fewer than two weeks have a figure (a line of one point says
 * nothing). A week with no figure yet is "" in the array (text, which "nan","ignore" tells the chart
 * to skip). Whether Sheets then leaves a gap at that week or joins its neighbours is not documented
 * and the local runtime draws no sparkline: not verified.
 */
export function trendFormula(progress: ReadonlyArray<number | null>): string {
  const known = progress.filter((p): p is number => p !== null && Number.isFinite(p));
  if (known.length < 2) return '';
  const data = progress.map((p) => (p !== null && Number.isFinite(p) ? fraction(p) : '""')).join(',');
  return `=SPARKLINE({${data}},${TREND_OPTIONS})`;
}

/** The Trend column's formulas: a rectangle one column wide, 1-based on the tab. */
export interface FormulaColumn {
  row: number;
  column: number;
  formulas: string[][];
}

/**
 * The Trend formulas of the objectives' rows, the first on `firstRow`; null when none has a trend.
 * The weekly rows are the objectives' own, in the same order (both are made from the scope's
 * objectives: summary.ts objectiveRows, summaryWeekly.ts).
 */
export function trendColumn(weekly: SummaryWeekly, firstRow: number): FormulaColumn | null {
  const formulas = weekly.rows.map((r) => [trendFormula(r.progress)]);
  if (!formulas.some(([f]) => f)) return null;
  return { row: firstRow, column: TREND_COLUMN, formulas };
}
