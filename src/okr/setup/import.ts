// Import: an OKR tab a team already keeps becomes OKRs rows: one objective row per objective, its
// key results under it, IDs generated. The tab's shape is recognised first (import/shape.ts: an
// Objective column, objective rows with key results below, a heading per table, a Type column,
// parent links, one objective per row), then its columns are mapped (import/columns.ts). Values and
// owners are carried over as they are (an unknown owner stays; the validator reports it afterwards).
// The result also describes what will be written, what was left out and why, and what looks doubtful,
// in JSON-safe form, so a preview can show it before anything is written. Pure: values in, rows out.
import { format, type MessageTable, t } from '../core/i18n';
import type { ColumnMap, Lang, OkrColumn, OkrSheet } from '../core/model';
import { alignPercents, asGrid } from '../core/parse';
import { cellText, isBlank, readKind, readMilestone, readNumber } from '../core/parseValues';
import { keyResultProgress } from '../core/progress';
import { headerKey } from '../core/schema';
import type { SourceColumn } from './import/columns';
import { findSourceHeader } from './import/columns';
import { unpivotNumbered } from './import/numbered';
import {
  readSource,
  type Shape,
  type ShapeSkip,
  type SourceKeyResult,
  type SourceRead,
} from './import/shape';
import { progressCellValue } from './structure';

export type { SourceColumn } from './import/columns';
export type { Shape } from './import/shape';

/**
 * Key-result values that land in the OKRs column of the same name. Not Accepted: an imported key
 * result's owner accepts in the add-on, where the agreement is logged (acceptanceCleared).
 */
const CARRIED = [
  'owner',
  'team',
  'cycle',
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'confidence',
  'lastCheckIn',
  'due',
  'note',
] as const;

export type SkipReason = ShapeSkip | 'duplicate';
export type DoubtCode = 'degenerate' | 'objective-without-key-results';

export const IMPORT_MESSAGES: MessageTable<
  | SkipReason
  | DoubtCode
  | 'degenerate-one-per-row'
  | 'no-objective-column'
  | 'empty'
  | 'same-tab'
  | 'tabs-ambiguous'
> = {
  'no-objective': {
    en: 'Row {row}: no objective (the Objective cell is blank and no row above names one).',
    ja: '{row}行目：目標がありません（目標のセルが空欄で、上の行にもありません）。',
  },
  duplicate: {
    en: 'Row {row}: "{title}" is already under objective {id}; not imported again.',
    ja: '{row}行目：「{title}」はすでに目標 {id} の下にあるため、再度取り込みませんでした。',
  },
  'no-key-result': {
    en: 'Row {row}: no key result text; fill in the Key result cell and import again.',
    ja: '{row}行目：主要な結果の内容がありません。入力してから再度取り込んでください。',
  },
  blank: {
    en: 'Row {row}: blank separator row; skipped.',
    ja: '{row}行目：区切りの空行のため、取り込みませんでした。',
  },
  header: {
    en: 'Row {row}: repeats the header row; skipped.',
    ja: '{row}行目：見出し行の繰り返しのため、取り込みませんでした。',
  },
  total: {
    en: 'Row {row}: a totals row (Total, Average …); skipped.',
    ja: '{row}行目：合計・平均などの集計行のため、取り込みませんでした。',
  },
  note: {
    en: 'Row {row}: a note, not an objective or key result; skipped.',
    ja: '{row}行目：メモの行で、目標や主要な結果ではないため、取り込みませんでした。',
  },
  'not-okr': {
    en: 'Row {row}: its type "{type}" is neither an objective nor a key result; skipped.',
    ja: '{row}行目：種類「{type}」は目標でも主要な結果でもないため、取り込みませんでした。',
  },
  'too-deep': {
    en: 'Row {row}: belongs to a key result, not to an objective (only objectives and their key results are imported); skipped.',
    ja: '{row}行目：目標ではなく主要な結果の下にある行のため、取り込みませんでした（取り込むのは目標とその主要な結果だけです）。',
  },
  degenerate: {
    en: 'Every key result has the same text as its objective: this tab may list one goal per row. Check that the objectives and key results below are what you meant.',
    ja: 'すべての主要な結果が目標と同じ文面です。このタブは1行に1つの目標を並べたものかもしれません。下の目標と主要な結果が意図どおりか確認してください。',
  },
  'degenerate-one-per-row': {
    en: 'Each row became an objective of its own, with no key results: this tab may not mark which rows are key results. Add a Key result column (or a Type column) and import again.',
    ja: '各行がそれぞれ目標になり、主要な結果がありません。どの行が主要な結果か分からない表かもしれません。「主要な結果」列（または「種類」列）を加えて、やり直してください。',
  },
  'objective-without-key-results': {
    en: 'No key results found for: {titles}.',
    ja: '主要な結果が見つからない目標：{titles}。',
  },
  'no-objective-column': {
    en: 'The tab "{tab}" has no Objective column, and no rows read as objectives (looked for headers such as Objective, Objective title, 目標, a Type column, or an objective row above its key results). Add an Objective column or a Type column (Objective / Key result) and try again.',
    ja: '「{tab}」タブに目標の列がなく、目標と読める行もありません（Objective、Objective title、目標 などの見出し、種類の列、主要な結果の上の目標行を探しました）。目標の列か、種類（目標／主要な結果）の列を加えてやり直してください。',
  },
  empty: {
    en: 'The tab "{tab}" is empty: there is nothing to import.',
    ja: '「{tab}」タブは空です。取り込むものがありません。',
  },
  'tabs-ambiguous': {
    en: 'The tabs {tabs} could each be the OKRs tab, so nothing was imported. Rename your OKRs tab to exactly "OKRs", or rename the others, then import again.',
    ja: '{tabs} のどれもOKRsタブになり得るため、取り込みませんでした。使う方のタブ名をちょうど「OKRs」に変えるか、他方の名前を変えてから、もう一度取り込んでください。',
  },
  'same-tab': {
    en: 'The tab "{tab}" is one of the add-on\'s own tabs. Choose the tab that holds your existing OKR list.',
    ja: '「{tab}」タブはアドオン自身のタブです。既存のOKR一覧があるタブを選んでください。',
  },
};

/** A cell value as JSON carries it (dates as ISO text). */
export type PreviewValue = string | number | boolean | null;

export interface PreviewKeyResult {
  id: string;
  /** 1-based row of the source tab. */
  row: number;
  title: string;
  owner: PreviewValue;
  kind: PreviewValue;
  start: PreviewValue;
  target: PreviewValue;
  current: PreviewValue;
  unit: PreviewValue;
  due: PreviewValue;
}

export interface PreviewObjective {
  id: string;
  row: number;
  title: string;
  owner: PreviewValue;
  /** Already in the OKRs tab (its new key results go under it). */
  existing: boolean;
  keyResults: PreviewKeyResult[];
}

export interface ImportPlan {
  ok: true;
  /** Rows for the OKRs tab, each as wide as its table. */
  rows: unknown[][];
  objectives: number;
  keyResults: number;
  skippedRows: Array<{ row: number; reason: string; code: SkipReason }>;
  columns: { mapped: Array<{ header: string; column: SourceColumn }>; ignored: string[] };
  /** How the tab was read. */
  shape: Shape;
  /** What will be written, for a preview (JSON-safe). */
  preview: PreviewObjective[];
  /** What looks doubtful about the result. */
  doubts: Array<{ code: DoubtCode; message: string }>;
  /** Key results whose source showed an acceptance, left for the owner to give in the add-on (logged). */
  acceptanceCleared: Array<{ id: string; owner: string }>;
}

export type ImportResult = ImportPlan | { ok: false; error: string; code: 'no-objective-column' | 'empty' };

export interface ImportTarget {
  /** The OKRs tab as it is now (for existing IDs and titles). */
  existing: OkrSheet;
  columns: ColumnMap<OkrColumn>;
  width: number;
}

const titleKey = (s: string) => headerKey(s) || s;

export function jsonValue(v: unknown): PreviewValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return cellText(v);
}

/**
 * A key result that only has a progress or a grade (no start, target or current) keeps it as the
 * current value of a 0–100 % (progress) or 0–1 (grade) scale, so its progress reads the same.
 */
function scaleValues(cells: SourceKeyResult['cells']): SourceKeyResult['cells'] {
  if (!(['start', 'target', 'current'] as const).every((c) => isBlank(cells[c]))) return cells;
  const score = readNumber(cells.score);
  if (score?.value != null) return { ...cells, start: 0, target: 1, current: score.value };
  const progress = readNumber(cells.progress);
  if (progress?.value != null) {
    const p = progress.percent ? Math.round(progress.value * 100 * 1e9) / 1e9 : progress.value;
    return { ...cells, start: 0, target: 100, current: p, unit: isBlank(cells.unit) ? '%' : cells.unit };
  }
  return cells;
}

/** A reading of the unpivoted table, its rows named as the tab numbers them. */
function renumbered(read: SourceRead, rowOf: readonly number[]): SourceRead {
  if (!read.ok) return read;
  const row = (r: number) => rowOf[r - 1] ?? r;
  return {
    ...read,
    shape: 'key-result-columns',
    objectives: read.objectives.map((o) => ({
      ...o,
      row: row(o.row),
      keyResults: o.keyResults.map((k) => ({ ...k, row: row(k.row) })),
    })),
    skipped: read.skipped.map((s) => ({
      ...s,
      row: row(s.row),
      params: s.params && { ...s.params, row: row(s.row) },
    })),
  };
}

export function planImport(
  source: unknown[][],
  target: ImportTarget,
  opts: { lang: Lang; sourceName: string },
): ImportResult {
  const { lang } = opts;
  const grid = asGrid(source);
  // Key results in numbered columns become rows first; rows are then named as the tab numbers them.
  const wide = unpivotNumbered(grid, findSourceHeader(grid));
  const read = wide ? renumbered(readSource(wide.grid), wide.rowOf) : readSource(grid);
  if (!read.ok || read.objectives.length === 0) {
    const code = read.ok ? 'no-objective-column' : read.code;
    return { ok: false, code, error: t(IMPORT_MESSAGES, lang, code, { tab: opts.sourceName }) };
  }
  const { layout } = read;
  const mapped = (Object.keys(layout.columns) as SourceColumn[])
    .map((column) => ({
      header: layout.headers[layout.columns[column] as number],
      column,
      index: layout.columns[column] as number,
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ header, column }) => ({ header, column }));

  // Existing objectives are reused by title; new IDs continue after the highest O<n>.
  const objectiveByTitle = new Map<
    string,
    { id: string; krTitles: Set<string>; nextKr: number; existing: boolean }
  >();
  let nextObjective = 1;
  for (const o of target.existing.objectives) {
    const key = titleKey(o.title);
    if (o.title && o.id && !objectiveByTitle.has(key))
      objectiveByTitle.set(key, { id: o.id, krTitles: new Set(), nextKr: 1, existing: true });
  }
  const byId = new Map([...objectiveByTitle.values()].map((o) => [o.id, o]));
  for (const kr of target.existing.keyResults) {
    const parent = kr.objectiveId ? byId.get(kr.objectiveId) : undefined;
    if (!parent) continue;
    parent.krTitles.add(titleKey(kr.title));
    const m = /\.(\d+)$/.exec(kr.id);
    if (m) parent.nextKr = Math.max(parent.nextKr, Number(m[1]) + 1);
  }
  for (const id of [...target.existing.objectives, ...target.existing.keyResults].map((i) => i.id)) {
    const m = /^O(\d+)/i.exec(id);
    if (m) nextObjective = Math.max(nextObjective, Number(m[1]) + 1);
  }

  /** Rows to write, grouped by objective (its own row first when new), in the order first read. */
  const groups = new Map<string, unknown[][]>();
  const preview: PreviewObjective[] = [];
  const skippedRows: ImportPlan['skippedRows'] = [];
  const acceptanceCleared: ImportPlan['acceptanceCleared'] = [];
  let objectives = 0;
  let keyResults = 0;
  const blankRow = () => new Array(target.width).fill('');
  const put = (row: unknown[], c: OkrColumn, v: unknown) => {
    const i = target.columns[c];
    if (i !== undefined) row[i] = v;
  };
  const skip = (row: number, code: SkipReason, params: Record<string, string | number> = {}) =>
    skippedRows.push({ row, code, reason: format(IMPORT_MESSAGES[code][lang], { row, ...params }) });
  for (const s of read.skipped) skip(s.row, s.code, s.params);

  // Objectives read twice (the same title further down) are one objective.
  const previewById = new Map<string, PreviewObjective>();
  for (const src of read.objectives) {
    const key = titleKey(src.title);
    let objective = objectiveByTitle.get(key);
    if (!objective) {
      objective = { id: `O${nextObjective++}`, krTitles: new Set(), nextKr: 1, existing: false };
      objectiveByTitle.set(key, objective);
      const o = blankRow();
      put(o, 'id', objective.id);
      put(o, 'type', 'Objective');
      put(o, 'title', src.title);
      put(o, 'owner', src.owner ?? '');
      put(o, 'team', src.team ?? '');
      put(o, 'cycle', src.cycle ?? '');
      put(o, 'due', src.due ?? '');
      groups.set(objective.id, [o]);
      objectives++;
    }
    let p = previewById.get(objective.id);
    if (!p) {
      p = {
        id: objective.id,
        row: src.row,
        title: src.title,
        owner: jsonValue(src.owner),
        existing: objective.existing,
        keyResults: [],
      };
      previewById.set(objective.id, p);
      preview.push(p);
    }
    // Key results go right under their objective's row (those of a later duplicate too); key
    // results of an objective already in the tab are appended together.
    let group = groups.get(objective.id);
    if (!group) {
      group = [];
      groups.set(objective.id, group);
    }
    const krRows = group;
    for (const kr of src.keyResults) {
      const tkey = titleKey(kr.title);
      // The one-per-row shape repeats a title on purpose (several metrics of one objective).
      if (objective.krTitles.has(tkey) && read.shape !== 'one-per-row') {
        skip(kr.row, 'duplicate', { title: kr.title, id: objective.id });
        continue;
      }
      objective.krTitles.add(tkey);
      const cells = scaleValues(kr.cells);
      const row = blankRow();
      const id = `${objective.id}.${objective.nextKr++}`;
      put(row, 'id', id);
      put(row, 'type', 'Key result');
      put(row, 'parent', objective.id);
      put(row, 'title', kr.title);
      for (const c of CARRIED) put(row, c, cells[c] ?? '');
      if (!isBlank(cells.accepted))
        acceptanceCleared.push({ id, owner: cellText(cells.owner).toLowerCase() });
      const kind = readKind(cells.kind) ?? null;
      const cell = (c: 'start' | 'target' | 'current') =>
        (c === 'current' && kind === 'milestone' ? readMilestone(cells[c]) : readNumber(cells[c])) ?? null;
      const values = [cell('start'), cell('target'), cell('current')];
      alignPercents(values);
      const [start, targetValue, current] = values.map((v) => v?.value ?? null);
      put(
        row,
        'progress',
        progressCellValue(keyResultProgress({ kind, start, target: targetValue, current })),
      );
      krRows.push(row);
      keyResults++;
      p.keyResults.push({
        id,
        row: kr.row,
        title: kr.title,
        owner: jsonValue(cells.owner ?? ''),
        kind: jsonValue(cells.kind ?? ''),
        start: jsonValue(cells.start ?? ''),
        target: jsonValue(cells.target ?? ''),
        current: jsonValue(cells.current ?? ''),
        unit: jsonValue(cells.unit ?? ''),
        due: jsonValue(cells.due ?? ''),
      });
    }
  }
  skippedRows.sort((a, b) => a.row - b.row);
  const rows = [...groups.values()].flat();
  return {
    ok: true,
    rows,
    objectives,
    keyResults,
    skippedRows,
    columns: { mapped, ignored: layout.ignored },
    shape: read.shape,
    preview,
    doubts: doubtsOf(read, lang),
    acceptanceCleared,
  };
}

function doubtsOf(
  read: Extract<ReturnType<typeof readSource>, { ok: true }>,
  lang: Lang,
): ImportPlan['doubts'] {
  const doubts: ImportPlan['doubts'] = [];
  const krs = read.objectives.flatMap((o) => o.keyResults.map((k) => ({ o, k })));
  if (krs.length > 0 && krs.every(({ o, k }) => titleKey(o.title) === titleKey(k.title))) {
    doubts.push({ code: 'degenerate', message: t(IMPORT_MESSAGES, lang, 'degenerate') });
  } else if (krs.length === 0 && read.objectives.length > 1) {
    doubts.push({ code: 'degenerate', message: t(IMPORT_MESSAGES, lang, 'degenerate-one-per-row') });
  } else {
    const empty = read.objectives.filter((o) => o.keyResults.length === 0).map((o) => o.title);
    if (empty.length > 0 && krs.length > 0) {
      const titles = empty
        .map((x) => (lang === 'ja' ? `「${x}」` : `"${x}"`))
        .join(lang === 'ja' ? '、' : ', ');
      doubts.push({
        code: 'objective-without-key-results',
        message: t(IMPORT_MESSAGES, lang, 'objective-without-key-results', { titles }),
      });
    }
  }
  return doubts;
}
