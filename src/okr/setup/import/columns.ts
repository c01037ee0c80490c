// Which column of a source tab means what, for Import only. The OKRs tab's own aliases live in
// core/schema; these add what OKR tools and hand-kept sheets call their columns (Betterworks'
// owner_email and end_date, Peoplebox's Goal Title, Parent Row IDs and Owner Emails, BigPicture's
// Order and Summary, okr-tracker's startValue and targetValue, Google's 0–1 grades), and the
// structural columns a tab uses to say which row belongs to which (Type, ID, Parent).

import { cellText, isBlank, readKind } from '../../core/parseValues';
import type { AliasTable } from '../../core/schema';
import { headerKey, IMPORT_ALIASES, matchHeaders, OKR_ALIASES } from '../../core/schema';
import { rowTypeOf } from './cells';

export type SourceColumn =
  | 'objective'
  | 'keyResult'
  /** A title column that holds objectives and key results alike (Title, Name, Summary, OKR). */
  | 'title'
  | 'type'
  | 'rowId'
  | 'parentId'
  | 'objectiveOwner'
  | 'objectiveDue'
  | 'owner'
  | 'team'
  | 'cycle'
  | 'kind'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  /** Progress as a percentage (0–100, or 45%). */
  | 'progress'
  /** A 0.0–1.0 grade (Google's scale). */
  | 'score'
  | 'confidence'
  | 'accepted'
  | 'lastCheckIn'
  | 'due'
  | 'note';

const without = (list: readonly string[], drop: string[]) =>
  list.filter((a) => !drop.map(headerKey).includes(headerKey(a)));

/**
 * Order matters: the first column to claim a header keeps it. "Metric type" and "Goal Type" are
 * measurement types (percentage, currency …), not our Kind, so Kind does not claim them.
 */
export const SOURCE_ALIASES: AliasTable<SourceColumn> = {
  objective: [...IMPORT_ALIASES.objective, 'Objective statement', 'Objectives (O)', '目標（O）'],
  keyResult: [
    ...IMPORT_ALIASES.keyResult,
    'Key results (KR)',
    'Key result description',
    'Metric_Name',
    '主要な結果（KR）',
    '成果指標（KR）',
  ],
  title: [
    'Title',
    'Name',
    'Summary',
    'Goal title',
    'Goal name',
    'OKR',
    'OKRs',
    'OKR title',
    'Objective / Key result',
    'Objectives and key results',
    'Objective or key result',
    'Statement',
    'タイトル',
    '名称',
    '項目',
    '内容',
    '目標・成果指標',
    '目標／主要な結果',
  ],
  type: [
    'Type',
    'Row type',
    'Level',
    'Item type',
    'Record type',
    'Kind of row',
    '種類',
    '区分',
    'タイプ',
    '種別',
  ],
  rowId: [
    'ID',
    'Row ID',
    'Goal ID',
    'OKR ID',
    'Key',
    'Ref',
    'Order',
    'No',
    'No.',
    '#',
    '番号',
    'コード',
    'id',
  ],
  parentId: [
    'Parent',
    'Parent ID',
    'Parent Row ID',
    'Parent Row IDs',
    'Parent goal',
    'Parent goal ID',
    'Parent Goal IDs',
    'parent_goal_id',
    'Parent objective',
    'Objective ID',
    'Belongs to',
    'Aligned to',
    '親',
    '親ID',
    '上位',
    '上位目標',
    '紐づく目標',
  ],
  objectiveOwner: [...IMPORT_ALIASES.objectiveOwner, 'Objective lead', '目標の担当者', '目標の責任者'],
  objectiveDue: ['Objective due', 'Objective due date', 'Objective deadline', '目標の期限', '目標期限'],
  owner: [
    ...IMPORT_ALIASES.owner,
    'Owner Emails',
    'owner_email',
    'Owners',
    'Lead',
    'Person responsible',
    'KR owner email',
    '担当者名',
    '実行責任者',
  ],
  team: [...IMPORT_ALIASES.team, 'Departments', 'Group', 'グループ'],
  cycle: [...IMPORT_ALIASES.cycle, 'Goal cycle', 'Session', 'Time period', '対象期間'],
  kind: without(IMPORT_ALIASES.kind, ['Metric type', 'Measure type']),
  start: [...IMPORT_ALIASES.start, 'Initial value', 'startValue'],
  target: [...IMPORT_ALIASES.target, 'targetValue', 'Target metric', '目標数値'],
  current: [...IMPORT_ALIASES.current, 'currentValue', 'Latest value', '実績値（現在）'],
  unit: IMPORT_ALIASES.unit,
  progress: [...OKR_ALIASES.progress, 'Progress (%)', '% done', 'Percent done', '進捗（%）', '達成度'],
  score: ['Score', 'Grade', 'Final score', 'Final grade', 'Grading', 'OKR score', 'スコア', '評価', '採点'],
  confidence: [...IMPORT_ALIASES.confidence, 'Progress status', '進捗状況'],
  accepted: IMPORT_ALIASES.accepted,
  lastCheckIn: IMPORT_ALIASES.lastCheckIn,
  due: [...IMPORT_ALIASES.due, 'end_date', 'due_on', 'Expected end date', '終了日'],
  note: [...IMPORT_ALIASES.note, 'Description', 'Details', '説明', '詳細'],
};

export type SourceColumns = Partial<Record<SourceColumn, number>>;

export interface SourceLayout {
  headerRow: number;
  columns: SourceColumns;
  headers: string[];
  /** Header texts that name no column Import uses (kept in the source, not imported). */
  ignored: string[];
}

/** How far down a header row may sit (title rows and an objective heading may come first). */
const HEADER_SEARCH_ROWS = 12;

/** Columns whose header alone does not make a row a header row (they are common words). */
const WEAK: ReadonlySet<SourceColumn> = new Set(['rowId', 'note', 'type']);

function score(row: readonly unknown[]): number {
  const m = matchHeaders(row, SOURCE_ALIASES);
  const cols = Object.keys(m.columns) as SourceColumn[];
  const named = cols.filter((c) => !WEAK.has(c)).length;
  const hasTitle = ['objective', 'keyResult', 'title'].some(
    (c) => m.columns[c as SourceColumn] !== undefined,
  );
  // A header row names a title column and at least one more; numbers never appear in one.
  if (!hasTitle || row.some((v) => typeof v === 'number' || v instanceof Date)) return 0;
  return named + cols.length / 100;
}

/** The header row: the best-named of the first rows (earliest on a tie), or the first row. */
export function findSourceHeader(grid: readonly unknown[][]): number {
  let best = 0;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const s = score(grid[r] ?? []);
    if (s > bestScore + 1e-9 && s >= 1) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Map the header row. Kind and Type columns are kept only when their values read as kinds or as
 * objective / key-result words: a "Type" column of Percentage / Currency is a measurement type.
 */
export function sourceLayout(grid: readonly unknown[][]): SourceLayout {
  const headerRow = findSourceHeader(grid);
  const m = matchHeaders(grid[headerRow] ?? [], SOURCE_ALIASES);
  const columns: SourceColumns = { ...m.columns };
  const ignored = m.unknown.map((i) => m.headers[i]);
  const body = grid.slice(headerRow + 1);
  const drop = (c: SourceColumn) => {
    const i = columns[c];
    if (i === undefined) return;
    delete columns[c];
    ignored.push(m.headers[i]);
  };
  const mostly = (c: SourceColumn, ok: (v: unknown) => boolean) => {
    const i = columns[c];
    if (i === undefined) return;
    const values = body.map((r) => r[i]).filter((v) => !isBlank(v));
    const good = values.filter(ok).length;
    if (values.length > 0 && good < values.length / 2) drop(c);
  };
  mostly('type', (v) => rowTypeOf(v) !== null);
  mostly('kind', (v) => readKind(v) != null);
  const ids = new Set<string>();
  for (const r of body) {
    for (const c of [columns.rowId, columns.title]) {
      if (c !== undefined && !isBlank(r[c])) ids.add(idKey(r[c]));
    }
  }
  const linkShare = (c: number) => {
    const links = body.map((r) => r[c]).filter((v) => !isBlank(v));
    return links.length === 0
      ? 0
      : links.filter((v) => parentKeys(v).some((k) => ids.has(k))).length / links.length;
  };
  // An Objective column that holds other rows' IDs (okr-tracker's key result → objective) is a link.
  if (columns.parentId === undefined && columns.objective !== undefined && columns.rowId !== undefined) {
    if (linkShare(columns.objective) >= 0.5) {
      columns.parentId = columns.objective;
      delete columns.objective;
    }
  }
  // A Parent column that links nothing (no value is another row's ID or title) is not a link.
  if (columns.parentId !== undefined && linkShare(columns.parentId) === 0) drop('parentId');
  ignored.sort((a, b) => m.headers.indexOf(a) - m.headers.indexOf(b));
  return { headerRow, columns, headers: m.headers, ignored };
}

/** How an ID or a linked title is compared: "1.1" and "11" stay different, case and width do not. */
export function idKey(value: unknown): string {
  return cellText(value).normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A Parent cell may list several parents ("3, 5"); the first is the one a key result belongs to. */
export function parentKeys(value: unknown): string[] {
  if (typeof value === 'number') return [idKey(value)];
  return cellText(value)
    .split(/[,;、，\n]/)
    .map((s) => idKey(s))
    .filter(Boolean);
}
