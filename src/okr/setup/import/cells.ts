// What a single cell or row says about the structure of an OKR tab: a row type ("Objective",
// "milestone", "成果指標"), a title's marker ("O1:", "KR 2 –", "目標1：", "• "), several key results
// written in one cell, and the rows that are no OKR at all (totals, notes).
import { cellText, isBlank, TYPE_WORDS } from '../../core/parseValues';
import { headerKey } from '../../core/schema';

export type RowType = 'objective' | 'keyResult' | 'other';

/** Row-type words beyond the OKRs tab's own: tool exports call them goals and milestones. */
const ROW_TYPE_WORDS: Record<RowType, readonly string[]> = {
  objective: [
    ...TYPE_WORDS.objective,
    'Objectives',
    'Company objective',
    'Team objective',
    'Department objective',
    'Individual objective',
    'Personal objective',
    'Strategic theme',
    'Goal (objective)',
    '会社目標',
    'チーム目標',
    '部門目標',
    '個人目標',
  ],
  keyResult: [
    ...TYPE_WORDS['key-result'],
    'Milestone',
    'Milestones',
    'Key result (KR)',
    'Sub-goal',
    'Subgoal',
    'Metric',
    'マイルストーン',
    '指標',
    'KR（主要な結果）',
  ],
  other: [
    'Initiative',
    'Initiatives',
    'Task',
    'Tasks',
    'Project',
    'Action',
    'Activity',
    'KPI',
    'イニシアチブ',
    'タスク',
    '施策',
    'アクション',
  ],
};

const TYPE_INDEX = new Map<string, RowType>();
for (const t of Object.keys(ROW_TYPE_WORDS) as RowType[]) {
  for (const w of ROW_TYPE_WORDS[t]) if (!TYPE_INDEX.has(headerKey(w))) TYPE_INDEX.set(headerKey(w), t);
}

/** What a Type cell says the row is, or null when it is no row-type word. */
export function rowTypeOf(value: unknown): RowType | null {
  if (isBlank(value)) return null;
  return TYPE_INDEX.get(headerKey(value)) ?? null;
}

// "O1: …", "Objective 2 – …", "目標1：…", "Obj. 3) …"
const OBJECTIVE_MARK =
  /^\s*(?:objective|obj\.?|o|目標|目的|オブジェクティブ)\s*[#№]?\s*(\d+(?:\.\d+)*)?\s*(?:[:：.)）\-–—]|$)\s*/i;
// "KR1: …", "KR 1.2 - …", "Key result 3: …", "主要な結果2：…", "成果指標1："
const KR_MARK =
  /^\s*(?:kr|key\s*result|主要な結果|成果指標|キーリザルト)\s*[#№]?\s*(\d+(?:\.\d+)*)?\s*(?:[:：.)）\-–—]|$)\s*/i;
// Bullets and list numbers: "• …", "- …", "・…", "1) …", "2. …", "(a) …", "①…". A dash or star
// needs a space after it ("-5% churn" is a title); a bare "3.5" is a number, never a list mark.
const BULLET = /^\s*(?:[•・▪◦●○■□►✓✔]\s*|[-–—*]\s+|\(?[a-z]\)\s*|\d{1,2}[.)）]\s+|[①-⑳]\s*)/i;

export interface Marked {
  /** The title without its marker. */
  text: string;
  mark: 'objective' | 'keyResult' | 'bullet' | null;
}

/** A title with its leading marker taken off, and what the marker said. */
export function readMarker(value: unknown): Marked {
  const text = cellText(value);
  const kr = KR_MARK.exec(text);
  if (kr && kr[0].length < text.length) return { text: text.slice(kr[0].length).trim(), mark: 'keyResult' };
  const o = OBJECTIVE_MARK.exec(text);
  // "O" alone is only a marker with a number or punctuation: "Onboard 5 customers" is a title.
  if (o && o[0].length < text.length && (o[1] !== undefined || /[:：.)）\-–—]/.test(o[0])))
    return { text: text.slice(o[0].length).trim(), mark: 'objective' };
  const b = BULLET.exec(text);
  if (b && b[0].length < text.length) return { text: text.slice(b[0].length).trim(), mark: 'bullet' };
  return { text, mark: null };
}

/**
 * Several key results typed in one cell, one per line or run together as "KR1: … KR2: …".
 * One line (no markers) is one key result.
 */
export function splitLines(value: unknown): string[] {
  const text = cellText(value);
  if (!text) return [];
  let parts = text.split(/\r\n|\r|\n/);
  if (parts.length === 1) {
    // "KR1: a KR2: b" / "KR1：a　KR2：b" on one line.
    const runs = text.split(/\s*(?=\bKR\s*\d+\s*[:：])|\s*(?=(?:主要な結果|成果指標)\s*\d+\s*[:：])/i);
    if (runs.filter((r) => r.trim()).length > 1) parts = runs;
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}

// "Total", "Grand total", "合計" at the start, or "Objective average", "Team total" at the end.
const TOTAL =
  /^(?:grand\s+total|sub-?total|totals?|sum|average|avg|overall|合計|総計|小計|平均|全体)(?![A-Za-z])/i;
const TOTAL_END = /(?:^|\s)(?:total|totals|average|avg|sum|合計|総計|小計|平均)\s*[:：]?$/i;
const NOTE =
  /^(?:notes?\b|nb\b|n\.b\.|comments?\b|source\b|last\s+updated|updated\b|as\s+of\b|see\s|\*|※|注[:：記]|注意|備考|メモ|出典|更新日|最終更新)/i;

/** A totals row: its first filled cell says Total, Sum, Average, 合計 … */
export function isTotalRow(cells: readonly unknown[]): boolean {
  const first = cells.find((v) => !isBlank(v));
  return typeof first === 'string' && (TOTAL.test(first.trim()) || TOTAL_END.test(first.trim()));
}

/** A note row: one filled cell that reads as a remark ("Note: …", "※ …", "Last updated …"). */
export function isNoteText(value: unknown): boolean {
  return typeof value === 'string' && NOTE.test(value.trim());
}
