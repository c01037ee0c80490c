// The Summary's "Progress by week" block: per objective its ID, title, a SPARKLINE of the weeks and
// the weeks' figures. The add-on writes each SPARKLINE itself, over the figures it writes on the
// same row (never a formula from any cell's text): the formula names only the row's own week cells
// and constant options. The formulas are kept apart from the values (the grid's values hold no
// formula at all, src/gas/summaryTab.ts puts them in at the write), in the syntax Apps Script uses
// (English function names, commas): the cell shows a small line chart and reads back empty.
// https://support.google.com/docs/answer/3093289 (SPARKLINE)
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
import { type MessageTable, t } from '../core/i18n';
import type { Lang } from '../core/model';
import { columnLetter } from '../core/problems';
import {
  BLANK,
  band,
  block,
  columns,
  formatInZone,
  type GridBlock,
  pct,
  SECTION_BG,
  text,
} from './summaryCells';
import type { SummaryWeekly } from './summaryWeekly';

const WEEKLY_TEXT: MessageTable<'title' | 'titleCycle' | 'note' | 'cTrend' | 'cId' | 'cObjective' | 'today'> =
  {
    title: { en: 'Progress by week', ja: '週ごとの進捗' },
    titleCycle: { en: 'Progress by week ({cycle})', ja: '週ごとの進捗（{cycle}）' },
    note: {
      en: 'Where each objective stood at the end of each week (from the Check-ins log); the last column is today.',
      ja: '各週の終わりの時点での目標の進捗（チェックインの記録から）。最後の列は今日です。',
    },
    cTrend: { en: 'Trend', ja: '推移' },
    cId: { en: 'ID', ja: 'ID' },
    cObjective: { en: 'Objective', ja: '目標' },
    today: { en: 'Today', ja: '今日' },
  };

/** Rows above the first objective's: the heading, the note, the column headers. */
const HEAD_ROWS = 3;
/** The first week's column (0-based): after ID, title and the trend. */
const FIRST_WEEK = 3;
/** The Trend column, 1-based (C). */
const TREND_COLUMN = 3;

/** The trend of one row: its own week cells, 0–100 % fixed (the figures are fractions under a % format). */
export function sparklineFormula(row: number, weeks: number): string {
  const from = `${columnLetter(FIRST_WEEK)}${row}`;
  const to = `${columnLetter(FIRST_WEEK + weeks - 1)}${row}`;
  return `=SPARKLINE(${from}:${to},{"charttype","line";"ymin",0;"ymax",1})`;
}

/** The Trend column's formulas: a rectangle one column wide, 1-based on the tab. */
export interface FormulaColumn {
  row: number;
  column: number;
  formulas: string[][];
}

/** `startRow`: the sheet row the block starts on (the formulas name their own row). */
export function weeklyBlock(
  weekly: SummaryWeekly,
  startRow: number,
  lang: Lang,
  timeZone: string,
): { block: Omit<GridBlock, 'startRow'>; formulas: FormulaColumn } {
  const m = (key: keyof typeof WEEKLY_TEXT, params?: Record<string, string>) =>
    t(WEEKLY_TEXT, lang, key, params);
  const last = weekly.points.length - 1;
  const labels = weekly.points.map((p, i) => (i === last ? m('today') : formatInZone(p, timeZone).slice(5)));
  const formulas = weekly.rows.map((r, i) => {
    const known = r.progress.filter((p) => p !== null).length;
    return [known >= 2 ? sparklineFormula(startRow + HEAD_ROWS + i, r.progress.length) : ''];
  });
  const cells = block('weekly', [
    band(weekly.cycle ? m('titleCycle', { cycle: weekly.cycle }) : m('title'), SECTION_BG),
    [text(m('note'))],
    columns([m('cId'), m('cObjective'), m('cTrend'), ...labels]),
    // The Trend cell stays blank here: its formula is put in at the write.
    ...weekly.rows.map((r) => [text(r.id), text(r.title), { value: '' }, ...r.progress.map(pct)]),
    BLANK,
  ]);
  return { block: cells, formulas: { row: startRow + HEAD_ROWS, column: TREND_COLUMN, formulas } };
}
