// Reading what people actually type into cells: "45%", "1,200", "¥3,000", "２０２６/１２/３１",
// "Dec 31, 2026", a Date from a date-formatted cell, "On track" or "順調". Each reader returns
// `undefined` for a cell it cannot read, so the caller can report the cell instead of guessing.
import { DAY_MS } from './days';
import type { Confidence, Kind, Lang, Role } from './model';
import { headerKey } from './schema';
import { zonedTime } from './timeZone';

const dateTime = Date.prototype.getTime;

/**
 * The epoch ms of a Date from any realm (NaN for an invalid Date); undefined for anything else.
 * Date.prototype.getTime checks the value is a Date itself (it throws otherwise), so this is
 * realm-safe like Object.prototype.toString, and much cheaper per cell than toString plus a
 * getTime() method lookup: a 10,000-row sheet has tens of thousands of date cells.
 */
export function dateMs(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return dateTime.call(value);
  } catch (_notADate) {
    return undefined;
  }
}

/** A realm-safe Date check: values from Sheets come from another realm in tests (and `instanceof` fails there). */
export function isDate(value: unknown): value is Date {
  return dateMs(value) !== undefined;
}

const ASCII = /^[\t\n\r -~]*$/;

/** NFKC (full-width digits and letters folded), skipped for plain ASCII, which it never changes: most cells. */
export function nfkc(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKC');
}

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

/** A cell as trimmed text (Dates as ISO, so nothing depends on the host's time zone). */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  const t = dateMs(value);
  if (t !== undefined) return Number.isFinite(t) ? new Date(t).toISOString() : '';
  return String(value).trim();
}

export interface NumberCell {
  value: number | null;
  /** The text had a % sign (so `value` is a fraction, as Sheets stores 45% as 0.45). */
  percent: boolean;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, 千: 1e3, 万: 1e4, 億: 1e8 };

/**
 * A number from a cell: numbers as they are; text with thousands separators, currency signs,
 * a % sign (→ a fraction, like Sheets), a k/M/万 suffix, full-width digits or a Unicode minus.
 * `undefined` when the cell holds something else (a word, a date, an error such as #REF!).
 */
export function readNumber(value: unknown): NumberCell | undefined {
  if (isBlank(value)) return { value: null, percent: false };
  if (typeof value === 'number') return Number.isFinite(value) ? { value, percent: false } : undefined;
  if (typeof value === 'boolean') return { value: value ? 1 : 0, percent: false };
  if (typeof value !== 'string') return undefined;
  let s = nfkc(value)
    .trim()
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    // Accounting style: (1,200) is -1200.
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^(?:usd|jpy|eur|gbp|[$¥€£₩])/i, '').replace(/(?:usd|jpy|eur|gbp|円|ドル|[$¥€£₩])$/i, '');
  s = s.replace(/^([-+]?)(?:[$¥€£₩])/, '$1');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let scale = 1;
  const suffix = s.slice(-1).toLowerCase();
  if (SCALE[suffix] && /\d/.test(s.slice(0, -1))) {
    scale = SCALE[suffix];
    s = s.slice(0, -1);
  }
  // Thousands separators: commas (and apostrophes, as in 1'200) between digit groups.
  if (/^[-+]?\d{1,3}([,']\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,']/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  let n = Number(s) * scale;
  if (!Number.isFinite(n)) return undefined;
  if (negative) n = -n;
  if (percent) n = n / 100;
  // Avoid 0.145000000001 from the division.
  n = Math.round(n * 1e12) / 1e12;
  return { value: n, percent };
}

const DONE = new Set(
  [
    'done',
    'yes',
    'y',
    'true',
    'complete',
    'completed',
    'achieved',
    'shipped',
    'launched',
    '✓',
    '✔',
    '完了',
    '達成',
    '済',
    '済み',
    'はい',
    '完',
  ]
    .map(headerKey)
    .filter(Boolean),
);
const NOT_DONE = new Set(
  [
    'not done',
    'no',
    'n',
    'false',
    'open',
    'todo',
    'to do',
    'pending',
    'in progress',
    'not started',
    '未完了',
    '未達',
    '未',
    'いいえ',
    '未着手',
    '進行中',
  ]
    .map(headerKey)
    .filter(Boolean),
);

/** A milestone's Current: done (1) or not (0) from words or numbers; undefined when unreadable. */
export function readMilestone(value: unknown): NumberCell | undefined {
  if (typeof value === 'string') {
    const key = headerKey(value);
    if (DONE.has(key) || value.trim() === '✓' || value.trim() === '✔') return { value: 1, percent: false };
    if (NOT_DONE.has(key)) return { value: 0, percent: false };
  }
  return readNumber(value);
}

// ---- dates ----

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// zonedTime moved to timeZone.ts (one conversion for the whole add-on); kept importable from here
// for the adapters that read and write dates.
export { zonedTime } from './timeZone';

function validDay(y: number, m: number, d: number): boolean {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Google Sheets' serial day 0 (1899-12-30, UTC). */
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date from a cell: a Date (date-formatted cell), an ISO or local text date interpreted in the
 * spreadsheet's time zone, or a Sheets serial number. Returns epoch ms; null when blank;
 * undefined when the cell holds something that is not a date.
 */
export function readDate(value: unknown, timeZone: string): number | null | undefined {
  if (isBlank(value)) return null;
  const t = dateMs(value);
  if (t !== undefined) return Number.isFinite(t) ? t : undefined;
  if (typeof value === 'number') {
    // A date typed into a plain-number cell shows up as its serial (e.g. 46387 for 2026-12-31).
    if (value >= 20000 && value <= 80000) {
      const days = Math.floor(value);
      const d = new Date(SHEETS_EPOCH + days * DAY_MS);
      return zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, 0, timeZone);
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const s = nfkc(value).trim();
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      s,
    );
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return undefined;
    const [h, mi, se] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (h > 23 || mi > 59 || se > 59) return undefined;
    if (m[7]) {
      const t = Date.parse(
        `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}T${String(h).padStart(2, '0')}:${m[5]}:${String(se).padStart(2, '0')}${m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]}`,
      );
      return Number.isFinite(t) ? t : undefined;
    }
    return zonedTime(y, mo, d, h, mi, se, timeZone);
  }
  m = /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? zonedTime(y, mo, d, 0, 0, 0, timeZone) : undefined;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    // US order unless the first number cannot be a month (31/12/2026).
    let [mo, d] = [Number(m[1]), Number(m[2])];
    if (mo > 12) [mo, d] = [d, mo];
    const y = Number(m[3]);
    return validDay(y, mo, d) ? zonedTime(y, mo, d, 0, 0, 0, timeZone) : undefined;
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s);
  if (m) {
    const mo =
      MONTHS[m[1].toLowerCase().slice(0, m[1].length >= 4 && m[1].toLowerCase().startsWith('sept') ? 4 : 3)];
    const [d, y] = [Number(m[2]), Number(m[3])];
    return mo && validDay(y, mo, d) ? zonedTime(y, mo, d, 0, 0, 0, timeZone) : undefined;
  }
  m = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase().slice(0, 3)];
    const [d, y] = [Number(m[1]), Number(m[3])];
    return mo && validDay(y, mo, d) ? zonedTime(y, mo, d, 0, 0, 0, timeZone) : undefined;
  }
  return undefined;
}

// ---- choices ----

function choiceTable<T extends string>(table: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const choice of Object.keys(table) as T[]) {
    // Symbols such as '>=' have no letters, so they are keyed as typed.
    for (const word of table[choice]) map.set(headerKey(word) || word, choice);
  }
  return map;
}

export const KIND_WORDS: Record<Kind, readonly string[]> = {
  increase: [
    'Increase',
    'increase to',
    'up',
    'grow',
    'raise',
    'more',
    'higher is better',
    'increase by',
    '増加',
    '増やす',
    '上げる',
    '向上',
    '増',
  ],
  decrease: [
    'Decrease',
    'decrease to',
    'down',
    'reduce',
    'lower',
    'less',
    'lower is better',
    'cut',
    '減少',
    '減らす',
    '下げる',
    '削減',
    '減',
  ],
  'at-least': [
    'At least',
    'atleast',
    'min',
    'minimum',
    'keep above',
    'stay above',
    'maintain above',
    '>=',
    '≥',
    '以上',
    '維持以上',
    '最低',
  ],
  'at-most': [
    'At most',
    'atmost',
    'max',
    'maximum',
    'keep below',
    'stay below',
    'no more than',
    '<=',
    '≤',
    '以下',
    '上限',
    '最大',
  ],
  milestone: [
    'Milestone',
    'binary',
    'done/not done',
    'yes/no',
    'boolean',
    'launch',
    'マイルストーン',
    '完了/未完了',
    '達成/未達',
  ],
};

export const CONFIDENCE_WORDS: Record<Confidence, readonly string[]> = {
  'on-track': [
    'On track',
    'ontrack',
    'green',
    'good',
    'ok',
    'fine',
    'high',
    '順調',
    '予定通り',
    '緑',
    'オントラック',
    '良好',
    '高',
  ],
  'at-risk': [
    'At risk',
    'atrisk',
    'yellow',
    'amber',
    'risk',
    'medium',
    'watch',
    '要注意',
    'リスクあり',
    '黄',
    '懸念',
    '注意',
    '中',
  ],
  'off-track': [
    'Off track',
    'offtrack',
    'red',
    'behind',
    'bad',
    'low',
    'blocked',
    '遅れ',
    '赤',
    '危険',
    'オフトラック',
    '遅延',
    '低',
  ],
};

export const TYPE_WORDS: Record<'objective' | 'key-result', readonly string[]> = {
  objective: ['Objective', 'O', 'Obj', 'Goal', '目標', '目的', 'オブジェクティブ'],
  'key-result': [
    'Key result',
    'KR',
    'Key Result',
    'Key results',
    'Result',
    '主要な結果',
    '成果指標',
    'キーリザルト',
    '主要成果',
    '成果',
  ],
};

export const ROLE_WORDS: Record<Role, readonly string[]> = {
  member: ['Member', 'Contributor', 'Owner', 'User', 'メンバー', '一般'],
  lead: ['Lead', 'OKR lead', 'Admin', 'Organizer', 'Champion', 'リード', '管理者', 'OKRリード', 'OKR担当'],
  leadership: [
    'Leadership',
    'Executive',
    'Exec',
    'Leader',
    'Management',
    'CEO',
    '経営',
    '経営陣',
    '役員',
    'リーダーシップ',
    '経営層',
  ],
};

export const LANGUAGE_WORDS: Record<Lang, readonly string[]> = {
  en: ['en', 'English', 'en_US', 'en-US', 'en_GB', '英語'],
  ja: ['ja', 'Japanese', 'ja_JP', 'ja-JP', '日本語', 'jp'],
};

const KINDS = choiceTable(KIND_WORDS);
const CONFIDENCES = choiceTable(CONFIDENCE_WORDS);
const TYPES = choiceTable(TYPE_WORDS);
const ROLES = choiceTable(ROLE_WORDS);
const LANGUAGES = choiceTable(LANGUAGE_WORDS);

function readChoice<T extends string>(value: unknown, table: Map<string, T>): T | null | undefined {
  if (isBlank(value)) return null;
  const text = String(value);
  // headerKey folds (NFKC) and drops spaces itself. Keys drop punctuation, so '>=' and '≤' (no key)
  // must be looked up as typed.
  return table.get(headerKey(text) || nfkc(text).trim()) ?? undefined;
}

export const readKind = (v: unknown) => readChoice(v, KINDS);
export const readType = (v: unknown) => readChoice(v, TYPES);
export const readRole = (v: unknown) => readChoice(v, ROLES);
export const readLanguage = (v: unknown) => readChoice(v, LANGUAGES);

/** Confidence as a word, or Google-style as a number 0–1 (≥ 0.7 on track, ≥ 0.4 at risk). */
export function readConfidence(value: unknown): Confidence | null | undefined {
  const word = readChoice(value, CONFIDENCES);
  if (word !== undefined) return word;
  const n = readNumber(value);
  if (n && n.value !== null && n.value >= 0 && n.value <= 1) {
    return n.value >= 0.7 ? 'on-track' : n.value >= 0.4 ? 'at-risk' : 'off-track';
  }
  return undefined;
}
