// Rewrites the Summary tab whole in a fixed number of Sheets calls whatever the sheet's size: the
// grid (src/okr/summary/summaryGrid.ts, one rectangle) is written with one setValues and one RangeList
// call per format value that a new cell lacks (src/okr/summary/summaryFormats.ts) into a staging
// sheet, copied over the tab in one call (so a failure keeps the previous Summary), and the chart is
// updated in place. A tab the refresh creates also gets its warning-only protection; a first layout
// gets its column widths.
// The CALLER holds the document lock (src/endpoints/refreshSummary.ts, the weekly run): this function
// never takes it, so it can run inside a caller's locked section without releasing the caller's lock.
import type { Lang, Settings } from '../okr/core/model';
import type { ProgressEntry } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { type ClosedCycle, closedNames } from '../okr/cycle/closedCycles';
import { type KeyResultResult, parseResults } from '../okr/cycle/results';
import { validateOkrs } from '../okr/ownership/validate';
import { buildSummary, type SummaryModel } from '../okr/summary/summary';
import { summaryFormats } from '../okr/summary/summaryFormats';
import {
  type ChartPlan,
  mergeBlocks,
  type SummaryGrid,
  type SummarySection,
  summaryToGrid,
} from '../okr/summary/summaryGrid';
import { loadClosedCycles } from './closedCycles';
import { type LangOfSheet, type OkrData, readOkrData } from './okrData';
import { growColumnsTo, replaceSheetContent } from './replaceSheetContent';
import { readResultsValues } from './resultsTab';
import { loadSettings } from './settings';
import { findTabs, findTabsByName } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The same description setUpOkrSheet gives the tab's protection, so neither adds a second one. */
export const SUMMARY_PROTECTION = 'OKR Owners: generated summary';

export interface SummaryRefreshOptions {
  now: number;
  /** The Summary's language, or how to decide it from the OKRs tab's headers (spreadsheetLanguageOf). */
  lang: LangOfSheet;
  /** Defaults to the document's settings. */
  settings?: Settings;
  /** Data the caller already read inside its lock (saves the reads); defaults to readOkrData. */
  data?: OkrData<ProgressEntry>;
}

export interface SummaryRefresh {
  /** Rows written (the tab has nothing below them). */
  rows: number;
  /** Where each section starts and how many rows it has (1-based rows). */
  sections: Partial<Record<SummarySection, { startRow: number; rows: number }>>;
  objectives: number;
  keyResults: number;
  chart: boolean;
  empty: boolean;
  sheetName: string;
  /** The language it was written in. */
  lang: Lang;
}

export function refreshSummaryTab(ss: Spreadsheet, opts: SummaryRefreshOptions): SummaryRefresh {
  const { now } = opts;
  const settings = opts.settings ?? loadSettings();
  const data = opts.data ?? readOkrData(ss, { checkIns: 'progress', lang: opts.lang });
  const lang = data.lang;
  const closedList = loadClosedCycles();
  const closed = closedNames(closedList);
  const problems = validateOkrs(
    { okrs: data.okrs, roster: data.roster },
    {
      now,
      settings,
      lang,
      timeZone: data.timeZone,
      closed,
    },
  );
  const model: SummaryModel = buildSummary({
    closed,
    closedCycle: closedCycleShown(ss, closedList, data),
    okrs: data.okrs,
    roster: data.roster,
    checkIns: data.checkIns,
    problems,
    now,
    timeZone: data.timeZone,
    settings,
    lang,
  });
  const grid = summaryToGrid(model, lang, data.timeZone);
  const tab = summarySheet(ss);
  const sheet = tab.sheet;

  const cells = mergeBlocks(grid);
  // Built aside and copied over the tab in one call (src/gas/replaceSheetContent.ts): a failure
  // anywhere before that copy leaves the previous Summary whole, never a blank tab. Only the formats
  // a new cell lacks are written (src/okr/summary/summaryFormats.ts).
  replaceSheetContent(ss, sheet, {
    rows: grid.rows,
    columns: grid.width,
    values: withFormulas(cells.values, grid.formulas),
    ...summaryFormats(cells),
  });

  const firstLayout = placeProgressChart(sheet, grid.chart);
  // Column widths, like the chart's position, are the reader's once set: only a tab laid out for
  // the first time (no chart yet) gets them.
  if (firstLayout) setColumnWidths(sheet);
  // setUpOkrSheet protects the tab it creates; so does a refresh that creates it. An existing tab is
  // not asked for its protections on every refresh (one Sheets call each time): set-up restores one
  // that was removed.
  if (tab.created) protectNew(sheet);

  const sections: SummaryRefresh['sections'] = {};
  for (const b of grid.blocks) sections[b.section] = { startRow: b.startRow, rows: b.values.length };
  return {
    rows: grid.rows,
    sections,
    objectives: model.headline.objectives,
    keyResults: model.headline.keyResults,
    chart: grid.chart !== null,
    empty: model.empty,
    sheetName: tab.name,
    lang,
  };
}

/**
 * The values to write with the add-on's own SPARKLINEs in place (the Objectives table's Trend, src/okr/summary/summaryTrend.ts):
 * the grid's values hold no formula; these formulas are built from numbers only,
 * and go out in the same setValues ("if it begins with '=' it is interpreted as a formula").
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 */
function withFormulas(values: unknown[][], f: SummaryGrid['formulas']): unknown[][] {
  if (!f) return values;
  const out = values.map((row) => row);
  f.formulas.forEach(([formula], i) => {
    const r = f.row - 1 + i;
    if (!formula || !out[r]) return;
    out[r] = [...out[r]];
    out[r][f.column - 1] = formula;
  });
  return out;
}

/**
 * The closed cycle the Results section shows: the one closed last that still has key results in the
 * sheet, with the Results log (one getValues, only when a cycle is closed).
 */
function closedCycleShown(
  ss: Spreadsheet,
  closed: readonly ClosedCycle[],
  data: OkrData<ProgressEntry>,
): { name: string; closedAt: number; results: Map<string, KeyResultResult> } | null {
  const names = new Set(data.okrs.keyResults.map((k) => k.cycle.trim()));
  const last = [...closed].filter((c) => names.has(c.name)).sort((a, b) => b.closedAt - a.closedAt)[0];
  if (!last) return null;
  const tab = findTabsByName(ss, ['results']).results;
  return {
    name: last.name,
    closedAt: last.closedAt,
    results: parseResults(readResultsValues(tab), data.timeZone),
  };
}

/** The Summary tab under its own name (one call), else under an alias, else a new one. */
function summarySheet(ss: Spreadsheet): { sheet: Sheet; name: string; created: boolean } {
  const named = ss.getSheetByName(TAB.summary);
  if (named) return { sheet: named, name: TAB.summary, created: false };
  const alias = findTabs(ss).summary;
  if (alias) return { sheet: alias, name: alias.getName(), created: false };
  return { sheet: ss.insertSheet(TAB.summary), name: TAB.summary, created: true };
}

/**
 * Widths (pixels) by column run, for what each column holds across the sections: labels, titles and
 * names in A–C; bars, scores, owners and counts in D–H; the problem's message in I; counts in J–L.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setColumnWidths(Integer,Integer,Integer)
 */
const SUMMARY_COLUMN_WIDTHS: ReadonlyArray<{ column: number; count: number; width: number }> = [
  { column: 1, count: 3, width: 220 },
  { column: 4, count: 5, width: 120 },
  { column: 9, count: 1, width: 320 },
  { column: 10, count: 3, width: 110 },
];

function setColumnWidths(sheet: Sheet): void {
  for (const w of SUMMARY_COLUMN_WIDTHS) sheet.setColumnWidths(w.column, w.count, w.width);
}

/**
 * A bar chart of each objective's progress: labels from the Objective column, values from the
 * Progress column next to it (with the header row, so the series is named), right of the tables.
 * Charts are not cells: replacing the content keeps them. An existing chart is updated rather than replaced, so a reader who moved
 * or resized it keeps it where they put it; any other chart on this generated tab is removed.
 * Returns whether the tab had no chart yet (its first layout).
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#modify()
 */
function placeProgressChart(sheet: Sheet, plan: ChartPlan | null): boolean {
  const [existing, ...others] = sheet.getCharts();
  for (const chart of others) sheet.removeChart(chart);
  if (!plan) {
    if (existing) sheet.removeChart(existing);
    // Nothing to chart (no objectives): the widths wait for the first chart.
    return false;
  }
  const data = sheet.getRange(plan.range.row, plan.range.column, plan.range.numRows, plan.range.numColumns);
  if (existing) {
    sheet.updateChart(existing.modify().clearRanges().addRange(data).setOption('title', plan.title).build());
    return false;
  }
  // The anchor column (right of the tables) must exist before a chart is placed there.
  growColumnsTo(sheet, plan.anchor.column);
  sheet.insertChart(
    sheet
      .newChart()
      .asBarChart()
      .setTitle(plan.title)
      .setPosition(plan.anchor.row, plan.anchor.column, 0, 0)
      .addRange(data)
      .build(),
  );
  return true;
}

/** Warning-only: leadership never edits, but a lead fixing a typo is warned, not blocked. A new tab has no protection yet. */
function protectNew(sheet: Sheet): void {
  sheet.protect().setDescription(SUMMARY_PROTECTION).setWarningOnly(true);
}
