// Columns are found by what their header says, never by position: people reorder, insert and rename
// columns, and they write headers in English or Japanese, with odd spacing, punctuation or full-width
// characters. A header is reduced to a key (NFKC, lower case, letters and digits only) and compared
// with the keys of each column's aliases.
import type { CheckInColumn, ColumnMap, OkrColumn, TeamColumn } from './model';

/** The canonical header written by set-up, then the aliases people use for the same column. */
export type AliasTable<K extends string> = Record<K, readonly string[]>;

export const OKR_ALIASES: AliasTable<OkrColumn> = {
  id: ['ID', 'OKR ID', 'Key', 'Ref', '番号', 'コード'],
  type: ['Type', 'Row type', 'Level', 'Item type', '種類', '区分', 'タイプ', '種別'],
  parent: [
    'Parent',
    'Parent ID',
    'Objective ID',
    'Parent objective',
    'Belongs to',
    '親',
    '親ID',
    '上位',
    '上位目標',
    '紐づく目標',
  ],
  title: [
    'Title',
    'Name',
    'Description',
    'Objective / Key result',
    'OKR',
    'OKR title',
    // A KR-per-row sheet brought into the OKRs tab keeps its title column's name.
    'Key result title',
    'KR title',
    'Statement',
    'タイトル',
    '内容',
    '名称',
    '項目',
  ],
  owner: [
    'Owner',
    'Owner email',
    'Owner e-mail',
    'Owner_Email_ID',
    'Owner email address',
    'DRI',
    'Responsible',
    'Accountable',
    'Assignee',
    'Owned by',
    '担当者',
    '担当',
    'オーナー',
    '所有者',
    '責任者',
    '担当者メール',
  ],
  team: ['Team', 'Department', 'Dept', 'Squad', 'チーム', '部署', '部門'],
  cycle: ['Cycle', 'Quarter', 'Period', 'OKR cycle', 'サイクル', '期間', '四半期', '期'],
  kind: [
    'Kind',
    'Metric type',
    'Measure type',
    'Direction',
    'KR type',
    'Kind of metric',
    '指標の種類',
    '指標タイプ',
    '測定方法',
    '方向',
  ],
  start: [
    'Start',
    'Start value',
    'Baseline',
    'Initial',
    'From',
    'Metric_Start_Value',
    'Starting value',
    '開始値',
    '開始',
    '初期値',
    'ベースライン',
  ],
  target: [
    'Target',
    'Target value',
    'Goal',
    'To',
    'Metric_Target_Value',
    'Target_Value',
    '目標値',
    'ターゲット',
  ],
  current: [
    'Current',
    'Current value',
    'Actual',
    'Value',
    'Now',
    'Metric_Current_Value',
    'Current_Value',
    '現在値',
    '現在',
    '実績',
    '実績値',
    '現状',
  ],
  unit: ['Unit', 'Units', 'Metric unit', '単位'],
  progress: [
    'Progress',
    '% complete',
    'Percent complete',
    'Completion',
    'Progress %',
    '進捗',
    '進捗率',
    '達成率',
  ],
  confidence: [
    'Confidence',
    'Status',
    'RAG',
    'Health',
    'Confidence level',
    '自信度',
    '確度',
    '信頼度',
    'ステータス',
    '状況',
  ],
  accepted: [
    'Accepted',
    'Accepted on',
    'Owner accepted',
    'Acceptance date',
    '承諾',
    '承諾日',
    '受諾日',
    '受諾',
  ],
  lastCheckIn: [
    'Last check-in',
    'Last checkin',
    'Last update',
    'Last updated',
    'Updated',
    'Last check in',
    '最終チェックイン',
    '最終更新',
    '最終更新日',
    '更新日',
  ],
  due: [
    'Due',
    'Due date',
    'Due_Date',
    'Deadline',
    'End date',
    'Target date',
    '期限',
    '期日',
    '締切',
    '締め切り',
    '期限日',
  ],
  note: ['Note', 'Notes', 'Comment', 'Comments', 'Remarks', 'メモ', '備考', 'コメント', 'ノート'],
  source: [
    'Source',
    'Data source',
    'Source cell',
    'Value source',
    'ソース',
    'データ元',
    'データソース',
    '参照元',
    '取得元',
  ],
  startDate: ['Start date', 'Starts on', 'Start on', 'Begin date', '開始日', '着手日'],
  previous: [
    'Carried from',
    'Previous ID',
    'Carried over from',
    'Rolled over from',
    'Previous',
    '引継ぎ元',
    '引継ぎ元ID',
    '前回ID',
    '繰越元',
  ],
};

export const TEAM_ALIASES: AliasTable<TeamColumn> = {
  name: ['Name', 'Full name', 'Person', 'Member', '名前', '氏名', 'メンバー'],
  email: ['Email', 'E-mail', 'Email address', 'Mail', 'Work email', 'メール', 'メールアドレス', 'Eメール'],
  team: ['Team', 'Department', 'Dept', 'Group', 'Squad', 'チーム', '部署', '部門', 'グループ'],
  manager: ['Manager', 'Reports to', 'Lead', 'Supervisor', 'マネージャー', '上長', '上司'],
  role: ['Role', 'OKR role', 'Access', '役割', 'ロール', '権限'],
  language: ['Language', 'Lang', 'Locale', '言語'],
};

export const CHECK_IN_ALIASES: AliasTable<CheckInColumn> = {
  time: ['Time', 'Timestamp', 'Date', 'When', 'Checked in at', '日時', '時刻', '日付'],
  id: ['ID', 'KR ID', 'Key result ID', 'OKR ID', '番号'],
  by: ['By', 'Who', 'User', 'Checked in by', 'Author', '記入者', '入力者', '更新者'],
  current: ['Current', 'Value', 'Current value', '現在値', '値', '実績'],
  progress: ['Progress', '進捗', '進捗率'],
  confidence: ['Confidence', 'Status', '自信度', '確度', 'ステータス'],
  note: ['Note', 'Notes', 'Comment', 'メモ', '備考', 'コメント'],
};

export type ImportColumn =
  | 'objective'
  | 'keyResult'
  | 'objectiveOwner'
  | 'owner'
  | 'team'
  | 'cycle'
  | 'kind'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'confidence'
  | 'accepted'
  | 'lastCheckIn'
  | 'due'
  | 'note';

/** Columns of a flat OKR list (one row per key result) that Import understands. */
export const IMPORT_ALIASES: AliasTable<ImportColumn> = {
  objective: [
    'Objective',
    'Objective title',
    'Objective name',
    'Objectives',
    'Objective_Title',
    'Goal',
    'O',
    '目標',
    '目的',
    '目標名',
    'オブジェクティブ',
  ],
  keyResult: [
    'Key result',
    'Key results',
    'KR',
    'KRs',
    'Key result title',
    'KR title',
    'Key_Result',
    'Result',
    'Metric',
    'Metric name',
    'Measure',
    'KPI',
    '主要な結果',
    '成果指標',
    'キーリザルト',
    '主要成果',
    'KR名',
    '指標',
  ],
  objectiveOwner: [
    'Objective owner',
    'O owner',
    'Objective DRI',
    'Objective_Owner',
    '目標オーナー',
    '目標担当者',
    '目標責任者',
  ],
  owner: [...OKR_ALIASES.owner, 'KR owner', 'Key result owner', 'Email', 'KR担当者'],
  team: OKR_ALIASES.team,
  cycle: OKR_ALIASES.cycle,
  kind: OKR_ALIASES.kind,
  start: OKR_ALIASES.start,
  target: OKR_ALIASES.target.filter((a) => a !== 'Goal'),
  current: OKR_ALIASES.current,
  unit: OKR_ALIASES.unit,
  confidence: OKR_ALIASES.confidence,
  accepted: OKR_ALIASES.accepted,
  lastCheckIn: OKR_ALIASES.lastCheckIn,
  due: OKR_ALIASES.due,
  note: OKR_ALIASES.note,
};

/** Columns the OKRs tab cannot work without (the rest are optional). */
export const REQUIRED_OKR_COLUMNS: readonly OkrColumn[] = ['id', 'type', 'parent', 'title', 'owner'];
export const REQUIRED_TEAM_COLUMNS: readonly TeamColumn[] = ['email'];
export const REQUIRED_CHECK_IN_COLUMNS: readonly CheckInColumn[] = ['time', 'id'];

/** The order set-up writes the columns in on a new sheet. */
export const OKR_COLUMN_ORDER: readonly OkrColumn[] = [
  'id',
  'type',
  'parent',
  'title',
  'owner',
  'team',
  'cycle',
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'progress',
  'confidence',
  'accepted',
  'lastCheckIn',
  'due',
  'note',
];
export const TEAM_COLUMN_ORDER: readonly TeamColumn[] = [
  'name',
  'email',
  'team',
  'manager',
  'role',
  'language',
];
export const CHECK_IN_COLUMN_ORDER: readonly CheckInColumn[] = [
  'time',
  'id',
  'by',
  'current',
  'progress',
  'confidence',
  'note',
];

const KEY_CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

/**
 * The comparable form of a header or a choice typed in a cell: full-width and compatibility forms
 * folded (NFKC), lower case, and everything that is not a letter or a digit removed, so
 * "Owner E-mail", "owner_email" and "ＯＷＮＥＲ　ＥＭＡＩＬ" are the same key.
 */
export function headerKey(text: unknown): string {
  const raw = String(text ?? '');
  const cached = keyCache.get(raw);
  if (cached !== undefined) return cached;
  const key = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  // A sheet repeats the same few words (Kind, Type, Confidence, owner names) thousands of times;
  // the Unicode normalisation is the expensive part, so each distinct text is keyed once. Bounded,
  // so a huge sheet of distinct texts cannot grow it without limit.
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(raw, key);
  return key;
}

type KeyIndex<K extends string> = Map<string, K>;

const indexCache = new WeakMap<object, Map<string, string>>();

function keyIndex<K extends string>(aliases: AliasTable<K>): KeyIndex<K> {
  const cached = indexCache.get(aliases);
  if (cached) return cached as KeyIndex<K>;
  const index = new Map<string, K>();
  for (const column of Object.keys(aliases) as K[]) {
    for (const alias of aliases[column]) {
      const key = headerKey(alias);
      // The first column to claim a key keeps it, so the table's order settles ambiguous aliases.
      if (key && !index.has(key)) index.set(key, column);
    }
  }
  indexCache.set(aliases, index as Map<string, string>);
  return index;
}

/** Which column a single header names, or null. */
export function columnOf<K extends string>(header: unknown, aliases: AliasTable<K>): K | null {
  return keyIndex(aliases).get(headerKey(header)) ?? null;
}

export interface HeaderMatch<K extends string> {
  columns: ColumnMap<K>;
  /**
   * Required columns that two or more headers name ("Owner" and "Owner email"), with the 0-based index
   * of each: the add-on cannot tell which one is meant, so such a column is left out of `columns`
   * (nothing reads or writes either) and the parser reports it.
   */
  duplicates: Partial<Record<K, number[]>>;
  /** Header text per 0-based column index, as in the sheet (trimmed). */
  headers: string[];
  /** 0-based indexes of non-blank headers that matched no known column (kept, ignored). */
  unknown: number[];
  /** How many distinct known columns matched. */
  matched: number;
}

/** The columns a table cannot work without, by its alias table (none for Import's sources). */
function requiredOf<K extends string>(aliases: AliasTable<K>): readonly K[] {
  const tables: ReadonlyArray<[object, readonly string[]]> = [
    [OKR_ALIASES, REQUIRED_OKR_COLUMNS],
    [TEAM_ALIASES, REQUIRED_TEAM_COLUMNS],
    [CHECK_IN_ALIASES, REQUIRED_CHECK_IN_COLUMNS],
  ];
  return (tables.find(([table]) => table === aliases)?.[1] ?? []) as readonly K[];
}

/**
 * Map a header row to known columns. For an optional column the first header with its meaning wins
 * and later ones are ignored. A required column (ID, Owner, Email…) named twice is left unmapped and
 * listed in `duplicates`: taking the first would read one column while a person fills in the other.
 */
export function matchHeaders<K extends string>(
  row: readonly unknown[],
  aliases: AliasTable<K>,
): HeaderMatch<K> {
  const columns: ColumnMap<K> = {};
  const headers: string[] = [];
  const unknown: number[] = [];
  const seen: Partial<Record<K, number[]>> = {};
  let matched = 0;
  row.forEach((cell, index) => {
    const text = String(cell ?? '').trim();
    headers[index] = text;
    if (!text) return;
    const column = columnOf(text, aliases);
    if (column === null) {
      unknown.push(index);
      return;
    }
    const indexes = seen[column] ?? [];
    indexes.push(index);
    seen[column] = indexes;
    if (columns[column] === undefined) {
      columns[column] = index;
      matched++;
    } else {
      unknown.push(index);
    }
  });
  const duplicates: Partial<Record<K, number[]>> = {};
  for (const column of requiredOf(aliases)) {
    const indexes = seen[column];
    if (!indexes || indexes.length < 2) continue;
    duplicates[column] = indexes;
    delete columns[column];
    unknown.push(indexes[0]);
  }
  unknown.sort((a, b) => a - b);
  return { columns, headers, unknown, matched, duplicates };
}

/** How far down a header row may sit (title rows above the table are common). */
export const HEADER_SEARCH_ROWS = 5;
/** How many known headers make a row "the header row". */
export const HEADER_MIN_MATCHES = 3;

/**
 * The 0-based index of the header row: the first of the first five rows whose cells name at least
 * three known columns (fewer when the table has fewer known columns); else the first row.
 */
export function findHeaderRow<K extends string>(
  values: readonly unknown[][],
  aliases: AliasTable<K>,
): number {
  const need = Math.min(HEADER_MIN_MATCHES, Object.keys(aliases).length);
  const limit = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    if (Array.isArray(row) && matchHeaders(row, aliases).matched >= need) return r;
  }
  return 0;
}

/** The canonical (English) header of a column, as set-up writes it. */
export function canonicalHeader<K extends string>(column: K, aliases: AliasTable<K>): string {
  return aliases[column][0];
}

/** Japanese headers for a new sheet whose language is Japanese. */
export const OKR_HEADERS_JA: Record<OkrColumn, string> = {
  id: 'ID',
  type: '種類',
  parent: '親',
  title: 'タイトル',
  owner: '担当者',
  team: 'チーム',
  cycle: 'サイクル',
  kind: '指標の種類',
  start: '開始値',
  target: '目標値',
  current: '現在値',
  unit: '単位',
  progress: '進捗',
  confidence: '自信度',
  accepted: '承諾日',
  lastCheckIn: '最終チェックイン',
  due: '期限',
  note: 'メモ',
  source: 'データ元',
  startDate: '開始日',
  previous: '引継ぎ元',
};
