// The Summary tab's cell primitives: one cell's value, fill, weight and number format, whole-width
// rows, and a section as a block of the four grids the adapter writes in one call each. Every string
// that came from a cell (titles, names, owner text, messages quoting them) is made formula-safe here.
import { asSheetText } from '../core/sheetText';
import { type WallClock, wallClock } from '../core/timeZone';
import type { Band } from './summary';

export type SummarySection =
  | 'header'
  | 'headline'
  | 'objectives'
  | 'attention'
  | 'owners'
  | 'teams'
  | 'empty'
  | 'results';

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

type FontWeight = 'bold' | 'normal';

export const GRID_WIDTH = 12;
/** Cells in a bar of the text progress bar (each █ = 10%). */
const BAR_CELLS = 10;
/** "Owns" lists at most this many IDs, then "… and N more": a cell stays readable. */
export const OWNS_CAP = 15;

// Google's default automatic format (what getNumberFormat() reports for an untouched cell).
export const AUTO_FORMAT = '0.###############';
export const PERCENT = '0%';
export const SCORE = '0.0';
export const POINTS = '+0.0;-0.0;0.0';
export const INTEGER = '0';

export const WHITE = '#ffffff';
export const TITLE_BG = '#c9daf8';
export const SECTION_BG = '#d9d9d9';
export const HEADER_BG = '#f3f3f3';
export const NOTICE_BG = '#fff2cc';
// Google Sheets' light red / yellow / green fills.
export const BAND_COLORS: Record<Band, string> = { red: '#f4c7c3', yellow: '#fce8b2', green: '#b7e1cd' };

interface Cell {
  value: unknown;
  bg?: string;
  bold?: boolean;
  fmt?: string;
}

export type Row = Cell[];

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

export function text(s: string): Cell {
  return { value: sheetText(s) };
}

export function num(n: number | null, fmt = INTEGER): Cell {
  return n === null || !Number.isFinite(n) ? { value: '' } : { value: n, fmt };
}

/** 0–100 progress written as a fraction under a percent format, so the chart and sorting see numbers. */
export function pct(p: number | null): Cell {
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

export function block(section: SummarySection, rows: Row[]): Omit<GridBlock, 'startRow'> {
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
      nf[c] = cell?.fmt ?? AUTO_FORMAT;
    }
    values.push(v);
    backgrounds.push(bg);
    fontWeights.push(fw);
    numberFormats.push(nf);
  }
  return { section, values, backgrounds, fontWeights, numberFormats };
}

/** A whole-width row in one colour (a section's heading, the title). */
export function band(label: string, bg: string): Row {
  return [
    { value: sheetText(label), bg, bold: true },
    ...Array.from({ length: GRID_WIDTH - 1 }, () => ({ value: '', bg })),
  ];
}

export function columns(labels: string[]): Row {
  return labels.map((l) => ({ value: sheetText(l), bg: HEADER_BG, bold: true }));
}

export const BLANK: Row = [];
