// The Summary tab's exact cells: values, backgrounds, font weights and number formats for each
// section, laid out as contiguous blocks of one fixed width, so the adapter writes the whole tab
// with one setValues and one call per kind of format whatever the sheet's size.
// Every string that came from a cell (titles, names, owner text, messages quoting them) is made
// formula-safe here; the add-on writes no formula at all (the progress bar is text).

import { t } from '../core/i18n';
import type { Lang } from '../core/model';
import { asSheetText } from '../core/sheetText';
import { type WallClock, wallClock } from '../core/timeZone';
import type { AttentionReason, Band, SummaryModel } from './summary';
import { BAND_LABELS, REASON_LABELS, SUMMARY_MESSAGES, type SummaryMessageKey } from './summaryMessages';

export type SummarySection =
  | 'header'
  | 'headline'
  | 'objectives'
  | 'attention'
  | 'owners'
  | 'teams'
  | 'empty';

export interface GridBlock {
  section: SummarySection;
  /** 1-based sheet row of the block's first row; blocks follow each other without gaps. */
  startRow: number;
  /** Every row is GRID_WIDTH wide. */
  values: unknown[][];
  backgrounds: string[][];
  fontWeights: FontWeight[][];
  numberFormats: string[][];
}

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
}

export type FontWeight = 'bold' | 'normal';

export const GRID_WIDTH = 12;
/** Cells in a bar of the text progress bar (each █ = 10%). */
const BAR_CELLS = 10;
/** "Owns" lists at most this many IDs, then "… and N more": a cell stays readable. */
const OWNS_CAP = 15;

// Google's default automatic format (what getNumberFormat() reports for an untouched cell).
const AUTO = '0.###############';
const PERCENT = '0%';
const SCORE = '0.0';
const POINTS = '+0.0;-0.0;0.0';
const INTEGER = '0';

const WHITE = '#ffffff';
const TITLE_BG = '#c9daf8';
const SECTION_BG = '#d9d9d9';
const HEADER_BG = '#f3f3f3';
const NOTICE_BG = '#fff2cc';
// Google Sheets' light red / yellow / green fills.
export const BAND_COLORS: Record<Band, string> = { red: '#f4c7c3', yellow: '#fce8b2', green: '#b7e1cd' };

interface Cell {
  value: unknown;
  bg?: string;
  bold?: boolean;
  fmt?: string;
}

type Row = Cell[];

/**
 * Text from the sheet (or a message quoting it), written so Sheets stores it exactly as text: never a
 * formula (asSheetText), and never re-read as a number, date or boolean either ("1.10", "2026-12-01",
 * "TRUE" stay as typed) — Sheets parses strings given to setValues as if typed, and a leading
 * apostrophe, which it does not show, keeps them literal.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 */
export function sheetText(s: string): string {
  if (s === '') return '';
  const safe = asSheetText(s);
  return safe !== s ? safe : `'${s}`;
}

function text(s: string): Cell {
  return { value: sheetText(s) };
}

function num(n: number | null, fmt = INTEGER): Cell {
  return n === null || !Number.isFinite(n) ? { value: '' } : { value: n, fmt };
}

/** 0–100 progress written as a fraction under a percent format, so the chart and sorting see numbers. */
function pct(p: number | null): Cell {
  return p === null || !Number.isFinite(p)
    ? { value: '' }
    : { value: Math.round(p * 10) / 1000, fmt: PERCENT };
}

export function progressBar(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '';
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(p / (100 / BAR_CELLS))));
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
}

/** yyyy-MM-dd (or with HH:mm) in the spreadsheet's time zone; UTC when the zone is unknown. */
export function formatInZone(ms: number, timeZone: string, withTime = false): string {
  let w: WallClock;
  try {
    w = wallClock(ms, timeZone);
  } catch (_unknownZone) {
    w = wallClock(ms, 'UTC');
  }
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${w.year}-${two(w.month)}-${two(w.day)}`;
  return withTime ? `${day} ${two(w.hour)}:${two(w.minute)}` : day;
}

function block(section: SummarySection, rows: Row[]): Omit<GridBlock, 'startRow'> {
  // One pass per cell into the four grids (a 10,000-key-result tab has ~100,000 cells); cells past
  // a short row are blank, white, normal and automatic.
  const values: unknown[][] = [];
  const backgrounds: string[][] = [];
  const fontWeights: FontWeight[][] = [];
  const numberFormats: string[][] = [];
  for (const r of rows) {
    const v: unknown[] = new Array(GRID_WIDTH);
    const bg: string[] = new Array(GRID_WIDTH);
    const fw: FontWeight[] = new Array(GRID_WIDTH);
    const nf: string[] = new Array(GRID_WIDTH);
    for (let c = 0; c < GRID_WIDTH; c++) {
      const cell = c < r.length ? r[c] : undefined;
      v[c] = cell ? cell.value : '';
      bg[c] = cell?.bg ?? WHITE;
      fw[c] = cell?.bold ? 'bold' : 'normal';
      nf[c] = cell?.fmt ?? AUTO;
    }
    values.push(v);
    backgrounds.push(bg);
    fontWeights.push(fw);
    numberFormats.push(nf);
  }
  return { section, values, backgrounds, fontWeights, numberFormats };
}

/** A whole-width row in one colour (a section's heading, the title). */
function band(label: string, bg: string): Row {
  return [
    { value: sheetText(label), bg, bold: true },
    ...Array.from({ length: GRID_WIDTH - 1 }, () => ({ value: '', bg })),
  ];
}

function columns(labels: string[]): Row {
  return labels.map((l) => ({ value: sheetText(l), bg: HEADER_BG, bold: true }));
}

const BLANK: Row = [];

export function summaryToGrid(model: SummaryModel, lang: Lang, timeZone: string): SummaryGrid {
  const m = (key: SummaryMessageKey, params?: Record<string, string | number>) =>
    t(SUMMARY_MESSAGES, lang, key, params);
  const parts: Array<Omit<GridBlock, 'startRow'>> = [];
  // Labels repeated on thousands of rows are filled in once.
  const once = <K extends string>(label: (key: K) => string) => {
    const cache = new Map<K, string>();
    return (key: K) => {
      let text = cache.get(key);
      if (text === undefined) {
        text = label(key);
        cache.set(key, text);
      }
      return text;
    };
  };
  const bandLabel = once((b: Band) => t(BAND_LABELS, lang, b));
  const reasonLabel = once((r: AttentionReason) => t(REASON_LABELS, lang, r));
  const notInTeam = m('notInTeam');
  const overloaded = m('overloaded', { limit: model.overloadLimit });

  parts.push(
    block('header', [
      band(m('title'), TITLE_BG),
      [{ value: sheetText(m('generatedNotice')), bg: NOTICE_BG }],
      [
        { value: m('generatedAt'), bold: true },
        text(`${formatInZone(model.generatedAt, timeZone, true)} (${timeZone})`),
      ],
      [{ value: m('cycle'), bold: true }, text(model.cycles.length ? model.cycles.join(', ') : m('noCycle'))],
      BLANK,
    ]),
  );

  let chart: ChartPlan | null = null;
  if (model.empty) {
    parts.push(block('empty', [[{ value: sheetText(m('empty')), bold: true, bg: NOTICE_BG }]]));
    return layout(parts, null);
  }

  const h = model.headline;
  parts.push(
    block('headline', [
      band(m('headline'), SECTION_BG),
      columns([
        m('hObjectives'),
        m('hKeyResults'),
        m('hAverage'),
        m('hOnTrack'),
        m('hAtRisk'),
        m('hOffTrack'),
        m('hNoConfidence'),
        m('hStale'),
        m('hPending'),
        m('hGaps'),
      ]),
      [
        num(h.objectives),
        num(h.keyResults),
        pct(h.averageProgress),
        num(h.onTrack),
        num(h.atRisk),
        num(h.offTrack),
        num(h.noConfidence),
        num(h.stale),
        num(h.pending),
        num(h.ownershipGaps),
      ].map((c) => ({ ...c, bold: true })),
      BLANK,
    ]),
  );

  const objectiveRows: Row[] = model.objectives.length
    ? model.objectives.map((o) => [
        text(o.id),
        text(o.title),
        pct(o.progress),
        { value: progressBar(o.progress) },
        num(o.score, SCORE),
        o.band ? { value: bandLabel(o.band), bg: BAND_COLORS[o.band] } : { value: '' },
        text(o.owner),
        num(o.keyResults),
        num(o.atRisk),
        num(o.change, POINTS),
      ])
    : [[{ value: m('noObjectives') }]];
  parts.push(
    block('objectives', [
      band(m('objectives'), SECTION_BG),
      columns([
        m('cId'),
        m('cObjective'),
        m('cProgress'),
        m('cBar'),
        m('cScore'),
        m('cStatus'),
        m('cOwner'),
        m('cKeyResults'),
        m('cAtRisk'),
        m('cChange'),
      ]),
      ...objectiveRows,
      BLANK,
    ]),
  );

  const attentionRows: Row[] = model.attention.length
    ? model.attention.map((a) => [
        { value: reasonLabel(a.reason) },
        text(a.id),
        text(a.title),
        text(a.owner),
        a.row > 0 ? num(a.row) : { value: '' },
        text(a.cell ?? ''),
        pct(a.progress),
        num(a.days),
        text(a.detail),
      ])
    : [[{ value: m('noAttention') }]];
  parts.push(
    block('attention', [
      band(m('attention'), SECTION_BG),
      columns([
        m('cWhat'),
        m('cId'),
        m('cTitle'),
        m('cOwner'),
        m('cRow'),
        m('cCell'),
        m('cProgress'),
        m('cDays'),
        m('cDetail'),
      ]),
      ...attentionRows,
      BLANK,
    ]),
  );

  const owns = (ids: string[]) => {
    const shown = ids.slice(0, OWNS_CAP).join(', ');
    return ids.length > OWNS_CAP ? `${shown} ${m('more', { count: ids.length - OWNS_CAP })}` : shown;
  };
  const ownerRows: Row[] = model.owners.length
    ? model.owners.map((o) => [
        text(o.inTeam ? o.name : `${o.name} ${notInTeam}`),
        text(o.email),
        text(o.team),
        num(o.objectiveIds.length),
        num(o.keyResultIds.length),
        text(owns([...o.objectiveIds, ...o.keyResultIds].filter(Boolean))),
        pct(o.averageProgress),
        text(o.lastCheckIn === null ? '' : formatInZone(o.lastCheckIn, timeZone)),
        num(o.stale),
        num(o.pending),
        num(o.atRisk),
        o.overloaded ? { value: overloaded, bg: BAND_COLORS.red, bold: true } : { value: '' },
      ])
    : [[{ value: m('noOwners') }]];
  parts.push(
    block('owners', [
      band(m('owners'), SECTION_BG),
      columns([
        m('cName'),
        m('cEmail'),
        m('cTeam'),
        m('cObjectives'),
        m('cKeyResults'),
        m('cOwns'),
        m('cAverage'),
        m('cLastCheckIn'),
        m('cStale'),
        m('cPending'),
        m('cAtRisk'),
        m('cOverloaded'),
      ]),
      ...ownerRows,
      BLANK,
    ]),
  );

  parts.push(
    block('teams', [
      band(m('teams'), SECTION_BG),
      columns([
        m('cTeam'),
        m('cObjectives'),
        m('cKeyResults'),
        m('cOwners'),
        m('cAverage'),
        m('cOnTrack'),
        m('cAtRisk'),
        m('cOffTrack'),
        m('cStale'),
        m('cPending'),
        m('cGaps'),
      ]),
      ...model.teams.map((tm) => [
        text(tm.team || m('noTeam')),
        num(tm.objectives),
        num(tm.keyResults),
        num(tm.owners),
        pct(tm.averageProgress),
        num(tm.onTrack),
        num(tm.atRisk),
        num(tm.offTrack),
        num(tm.stale),
        num(tm.pending),
        num(tm.ownershipGaps),
      ]),
    ]),
  );

  if (model.objectives.length) {
    chart = {
      title: m('chartTitle'),
      // Objective titles as labels and Progress as values: two adjacent columns, so one range.
      // The row is filled in by layout() once the objectives block's row is known.
      range: { row: 0, column: 2, numRows: model.objectives.length, numColumns: 2 },
      anchor: { row: 1, column: GRID_WIDTH + 2 },
    };
  }
  return layout(parts, chart);
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
