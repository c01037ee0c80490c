// The Summary tab's exact cells: values, backgrounds, font weights and number formats for each
// section, laid out as contiguous blocks of one fixed width, so the adapter writes the whole tab
// with one setValues and one call per kind of format whatever the sheet's size. The cells of each
// section are built in summarySections.ts from the primitives in summaryCells.ts; the add-on writes
// no formula at all (the progress bar is text).

import { t } from '../core/i18n';
import type { Lang } from '../core/model';
import { type AttentionReason, type Band, bandOf, type SummaryModel } from './summary';
import { GRID_WIDTH, type GridBlock } from './summaryCells';
import { BAND_LABELS, REASON_LABELS, SUMMARY_MESSAGES } from './summaryMessages';
import { resultsBlock } from './summaryResults';
import {
  attentionBlock,
  emptyBlock,
  type GridText,
  headerBlock,
  headlineBlock,
  objectivesBlock,
  ownersBlock,
  teamsBlock,
} from './summarySections';
import { type FormulaColumn, trendColumn } from './summaryTrend';

export type { SummarySection } from './summaryCells';

/** Where the chart takes its data (1-based rows/columns on the Summary tab) and where it sits. */
export interface ChartPlan {
  title: string;
  range: { row: number; column: number; numRows: number; numColumns: number };
  anchor: { row: number; column: number };
}

export interface SummaryGrid {
  width: number;
  /** Total rows written (the last block's last row). */
  rows: number;
  blocks: GridBlock[];
  /** null when there is no objective to chart. */
  chart: ChartPlan | null;
  /** The Objectives table's Trend SPARKLINEs (summaryTrend.ts), kept apart from the values (put in at the write). */
  formulas?: FormulaColumn;
}

/** "once(label)": a label function that fills in each key's text the first time it is asked for. */
function once<K extends string>(label: (key: K) => string): (key: K) => string {
  const cache = new Map<K, string>();
  return (key: K) => {
    let text = cache.get(key);
    if (text === undefined) {
      text = label(key);
      cache.set(key, text);
    }
    return text;
  };
}

export function summaryToGrid(model: SummaryModel, lang: Lang, timeZone: string): SummaryGrid {
  const words: GridText = {
    m: (key, params) => t(SUMMARY_MESSAGES, lang, key, params),
    bandLabel: once((b: Band) => t(BAND_LABELS, lang, b)),
    reasonLabel: once((r: AttentionReason) => t(REASON_LABELS, lang, r)),
    timeZone,
  };
  const header = headerBlock(model, words);
  if (model.empty) return layout([header, emptyBlock(words)], null);
  const parts = [
    header,
    headlineBlock(model, words),
    objectivesBlock(model, words),
    attentionBlock(model, words),
    ownersBlock(model, words),
    teamsBlock(model, words),
    ...(model.results ? [resultsBlock(model.results, words, bandOf)] : []),
  ];
  const grid = layout(parts, chartPlan(model, words));
  // The Trend column's formulas name no cell: they go on the objectives' rows, below the section's
  // heading and its column headers.
  const objectives = grid.blocks.find((b) => b.section === 'objectives');
  const trend = model.weekly && objectives ? trendColumn(model.weekly, objectives.startRow + 2) : null;
  return trend ? { ...grid, formulas: trend } : grid;
}

/** The objectives' progress as a chart; its row is filled in by layout() once the objectives block's row is known. */
function chartPlan(model: SummaryModel, { m }: GridText): ChartPlan | null {
  if (!model.objectives.length) return null;
  return {
    title: m('chartTitle'),
    // Objective titles as labels and Progress as values: two adjacent columns, so one range.
    range: { row: 0, column: 2, numRows: model.objectives.length, numColumns: 2 },
    anchor: { row: 1, column: GRID_WIDTH + 2 },
  };
}

/** Stack the blocks from row 1 and point the chart at the objectives' titles and progress. */
function layout(parts: Array<Omit<GridBlock, 'startRow'>>, chart: ChartPlan | null): SummaryGrid {
  let row = 1;
  const blocks: GridBlock[] = parts.map((p) => {
    const b = { ...p, startRow: row };
    row += p.values.length;
    return b;
  });
  const objectives = blocks.find((b) => b.section === 'objectives');
  if (chart && objectives) {
    // The heading row and the column-header row come first; the chart includes the header row so
    // the series is named after the column.
    const first = objectives.startRow + 1;
    chart = { ...chart, range: { ...chart.range, row: first, numRows: chart.range.numRows + 1 } };
  }
  return { width: GRID_WIDTH, rows: row - 1, blocks, chart: objectives ? chart : null };
}

/** All blocks as one rectangle (they are contiguous and equally wide): one call per kind of data. */
export function mergeBlocks(
  grid: SummaryGrid,
): Pick<GridBlock, 'values' | 'backgrounds' | 'fontWeights' | 'numberFormats'> {
  return {
    values: grid.blocks.flatMap((b) => b.values),
    backgrounds: grid.blocks.flatMap((b) => b.backgrounds),
    fontWeights: grid.blocks.flatMap((b) => b.fontWeights),
    numberFormats: grid.blocks.flatMap((b) => b.numberFormats),
  };
}
