// Import: the flat sheets teams already keep (one row per key result, the objective's text repeated
// on every row, or written once in a merged cell) become OKRs rows: one objective row per distinct
// objective, its key results under it, IDs generated. Values and owners are carried over as they are;
// the validator reports what is wrong with them afterwards. Pure: values in, rows to write out.
import { format, type MessageTable, t } from '../core/i18n';
import type { ColumnMap, Lang, OkrColumn, OkrSheet } from '../core/model';
import { alignPercents, asGrid, tableLayout } from '../core/parse';
import { cellText, isBlank, readKind, readMilestone, readNumber } from '../core/parseValues';
import { keyResultProgress } from '../core/progress';
import { headerKey, IMPORT_ALIASES, type ImportColumn } from '../core/schema';
import { progressCellValue } from './structure';

export type { ImportColumn } from '../core/schema';

/** Import columns that land in the OKRs column of the same name. */
const CARRIED: Array<ImportColumn & OkrColumn> = [
  'owner',
  'team',
  'cycle',
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'confidence',
  'accepted',
  'lastCheckIn',
  'due',
  'note',
];

export type SkipReason = 'no-objective' | 'duplicate' | 'no-key-result';

export const IMPORT_MESSAGES: MessageTable<SkipReason | 'no-objective-column' | 'empty' | 'same-tab'> = {
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
  'no-objective-column': {
    en: 'The tab "{tab}" has no Objective column (looked for headers such as Objective, Objective title, 目標). Rename the column and try again.',
    ja: '「{tab}」タブに目標の列がありません（Objective、Objective title、目標 などの見出しを探しました）。列名を変えてやり直してください。',
  },
  empty: {
    en: 'The tab "{tab}" is empty: there is nothing to import.',
    ja: '「{tab}」タブは空です。取り込むものがありません。',
  },
  'same-tab': {
    en: 'The tab "{tab}" is one of the add-on\'s own tabs. Choose the tab that holds your existing OKR list.',
    ja: '「{tab}」タブはアドオン自身のタブです。既存のOKR一覧があるタブを選んでください。',
  },
};

export interface ImportPlan {
  ok: true;
  /** Rows for the OKRs tab, each as wide as its table. */
  rows: unknown[][];
  objectives: number;
  keyResults: number;
  skippedRows: Array<{ row: number; reason: string; code: SkipReason }>;
  columns: { mapped: Array<{ header: string; column: ImportColumn }>; ignored: string[] };
}

export type ImportResult = ImportPlan | { ok: false; error: string; code: 'no-objective-column' | 'empty' };

export interface ImportTarget {
  /** The OKRs tab as it is now (for existing IDs and titles). */
  existing: OkrSheet;
  columns: ColumnMap<OkrColumn>;
  width: number;
}

const titleKey = (s: string) => headerKey(s);

export function planImport(
  source: unknown[][],
  target: ImportTarget,
  opts: { lang: Lang; sourceName: string },
): ImportResult {
  const { lang } = opts;
  const grid = asGrid(source);
  if (grid.every((r) => r.every(isBlank))) {
    return { ok: false, code: 'empty', error: t(IMPORT_MESSAGES, lang, 'empty', { tab: opts.sourceName }) };
  }
  const layout = tableLayout(grid, IMPORT_ALIASES);
  const cols = layout.columns;
  if (cols.objective === undefined) {
    return {
      ok: false,
      code: 'no-objective-column',
      error: t(IMPORT_MESSAGES, lang, 'no-objective-column', { tab: opts.sourceName }),
    };
  }
  const mapped = (Object.keys(cols) as ImportColumn[])
    .map((column) => ({
      header: layout.headers[cols[column] as number],
      column,
      index: cols[column] as number,
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ header, column }) => ({ header, column }));
  const ignored = layout.unknown.map((i) => layout.headers[i]);

  // Existing objectives are reused by title; new IDs continue after the highest O<n>.
  const objectiveByTitle = new Map<string, { id: string; krTitles: Set<string>; nextKr: number }>();
  let nextObjective = 1;
  for (const o of target.existing.objectives) {
    const m = /^O(\d+)$/i.exec(o.id);
    if (m) nextObjective = Math.max(nextObjective, Number(m[1]) + 1);
    const key = titleKey(o.title);
    if (key && o.id && !objectiveByTitle.has(key))
      objectiveByTitle.set(key, { id: o.id, krTitles: new Set(), nextKr: 1 });
  }
  for (const kr of target.existing.keyResults) {
    const parent = [...objectiveByTitle.values()].find((o) => o.id === kr.objectiveId);
    if (!parent) continue;
    parent.krTitles.add(titleKey(kr.title));
    const m = /\.(\d+)$/.exec(kr.id);
    if (m) parent.nextKr = Math.max(parent.nextKr, Number(m[1]) + 1);
  }
  for (const id of [...target.existing.objectives, ...target.existing.keyResults].map((i) => i.id)) {
    const m = /^O(\d+)/i.exec(id);
    if (m) nextObjective = Math.max(nextObjective, Number(m[1]) + 1);
  }

  const rows: unknown[][] = [];
  const skippedRows: ImportPlan['skippedRows'] = [];
  let objectives = 0;
  let keyResults = 0;
  let carried = '';
  const blankRow = () => new Array(target.width).fill('');
  const put = (row: unknown[], c: OkrColumn, v: unknown) => {
    const i = target.columns[c];
    if (i !== undefined) row[i] = v;
  };
  const skip = (row: number, code: SkipReason, params: Record<string, string | number> = {}) =>
    skippedRows.push({ row, code, reason: format(IMPORT_MESSAGES[code][lang], { row, ...params }) });

  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const cells = grid[r];
    const row = r + 1;
    const get = (c: ImportColumn): unknown => (cols[c] === undefined ? undefined : cells[cols[c] as number]);
    if (cells.every(isBlank)) continue;
    const krText = cellText(get('keyResult'));
    const hasValues = (['start', 'target', 'current', 'owner'] as ImportColumn[]).some(
      (c) => !isBlank(get(c)),
    );
    let objectiveText = cellText(get('objective'));
    // A blank Objective under a named one is a merged cell or a "same as above": carry it down.
    if (!objectiveText && (krText || hasValues)) objectiveText = carried;
    if (!objectiveText) {
      skip(row, 'no-objective');
      continue;
    }
    carried = objectiveText;
    const key = titleKey(objectiveText) || objectiveText;
    let objective = objectiveByTitle.get(key);
    if (!objective) {
      objective = { id: `O${nextObjective++}`, krTitles: new Set(), nextKr: 1 };
      objectiveByTitle.set(key, objective);
      const o = blankRow();
      put(o, 'id', objective.id);
      put(o, 'type', 'Objective');
      put(o, 'title', objectiveText);
      put(o, 'owner', get('objectiveOwner') ?? '');
      put(o, 'team', get('team') ?? '');
      put(o, 'cycle', get('cycle') ?? '');
      rows.push(o);
      objectives++;
    }
    // With no Key result column, each row's metric is the key result and the objective names it.
    const title = cols.keyResult === undefined ? objectiveText : krText;
    if (!title) {
      if (hasValues) skip(row, 'no-key-result');
      continue;
    }
    if (cols.keyResult !== undefined || hasValues) {
      const tkey = titleKey(title) || title;
      if (objective.krTitles.has(tkey) && cols.keyResult !== undefined) {
        skip(row, 'duplicate', { title, id: objective.id });
        continue;
      }
      objective.krTitles.add(tkey);
      const kr = blankRow();
      put(kr, 'id', `${objective.id}.${objective.nextKr++}`);
      put(kr, 'type', 'Key result');
      put(kr, 'parent', objective.id);
      put(kr, 'title', title);
      for (const c of CARRIED) put(kr, c, get(c) ?? '');
      const kind = readKind(get('kind')) ?? null;
      const cell = (c: ImportColumn) =>
        (c === 'current' && kind === 'milestone' ? readMilestone(get(c)) : readNumber(get(c))) ?? null;
      const values = [cell('start'), cell('target'), cell('current')];
      alignPercents(values);
      const [start, targetValue, current] = values.map((v) => v?.value ?? null);
      put(
        kr,
        'progress',
        progressCellValue(keyResultProgress({ kind, start, target: targetValue, current })),
      );
      rows.push(kr);
      keyResults++;
    }
  }
  return { ok: true, rows, objectives, keyResults, skippedRows, columns: { mapped, ignored } };
}
