// The Agreements log: one row per step of the agreement between a key result's owner and its
// approver (accepted, proposed, countered, agreed, refused, declined, cleared). Append-only and the
// truth about who agreed to which figures: the OKRs row only shows the outcome. Each row says when,
// who, which key result, the step, the figures from → to and the reason, in the sheet's language;
// the reader accepts both languages, so a log a team renamed or wrote in Japanese reads the same.
import type { Localized } from '../core/i18n';
import type { ColumnMap, KeyResult, Lang } from '../core/model';
import { tableLayout } from '../core/parse';
import { cellText, dateMs, readNumber } from '../core/parseValues';
import type { AliasTable } from '../core/schema';
import { headerKey } from '../core/schema';
import { wallClock } from '../core/timeZone';

export type AgreementColumn = 'time' | 'id' | 'step' | 'by' | 'owner' | 'from' | 'to' | 'reason';

export const AGREEMENT_ALIASES: AliasTable<AgreementColumn> = {
  time: ['Time', 'Timestamp', 'When', 'Date', '日時', '時刻'],
  id: ['ID', 'KR ID', 'Key result ID', 'OKR ID', '番号'],
  step: ['Step', 'Action', 'Event', '操作', '手順', 'ステップ'],
  by: ['By', 'Who', 'User', '実行者', '記入者'],
  owner: ['Owner', 'Owner email', '担当者', 'オーナー'],
  from: ['From', 'Before', '変更前'],
  to: ['To', 'After', 'Figures', '変更後'],
  reason: ['Reason', 'Why', 'Note', '理由', 'メモ'],
};

export const AGREEMENT_COLUMN_ORDER: readonly AgreementColumn[] = [
  'time',
  'id',
  'step',
  'by',
  'owner',
  'from',
  'to',
  'reason',
];

export const AGREEMENT_HEADERS_JA: Record<AgreementColumn, string> = {
  time: '日時',
  id: 'ID',
  step: '操作',
  by: '実行者',
  owner: '担当者',
  from: '変更前',
  to: '変更後',
  reason: '理由',
};

/**
 * accepted: the owner said yes to the figures as they are. proposed: the owner asks for other
 * figures. countered: the approver answers with their own. agreed: the party asked said yes to the
 * figures on the table. refused: the approver said no (the owner accepts the original or declines).
 * declined: the owner gave the key result up. cleared: a new owner, so the acceptance was cleared.
 */
export type AgreementStep =
  | 'accepted'
  | 'proposed'
  | 'countered'
  | 'agreed'
  | 'refused'
  | 'declined'
  | 'cleared';

export const AGREEMENT_STEP_WORDS: Record<AgreementStep, Localized> = {
  accepted: { en: 'Accepted', ja: '承諾' },
  proposed: { en: 'Proposed', ja: '提案' },
  countered: { en: 'Countered', ja: '対案' },
  agreed: { en: 'Agreed', ja: '合意' },
  refused: { en: 'Refused', ja: '却下' },
  declined: { en: 'Declined', ja: '辞退' },
  cleared: { en: 'Cleared', ja: '取消' },
};

/** The figures an agreement is about. `due` is a calendar day (YYYY-MM-DD) in the sheet's time zone. */
export interface Figures {
  target: number | null;
  start: number | null;
  due: string | null;
}

export interface AgreementEntry {
  time: number;
  id: string;
  step: AgreementStep;
  /** Who took the step (lower-cased; '' when Google hid it). */
  by: string;
  /** The key result's owner the step is about (after the step, for `cleared`: the new owner). */
  owner: string;
  from: Figures | null;
  to: Figures | null;
  reason: string;
}

const FIGURE_LABELS: Record<keyof Figures, Localized> = {
  target: { en: 'Target', ja: '目標値' },
  start: { en: 'Start', ja: '開始値' },
  due: { en: 'Due', ja: '期限' },
};
const FIGURE_KEYS = ['target', 'start', 'due'] as const;
const SEPARATOR = ' · ';

/** "Target 80 · Start 0 · Due 2026-12-31" (blank figures left out); '' for none. */
export function figuresText(f: Figures | null, lang: Lang): string {
  if (!f) return '';
  return FIGURE_KEYS.filter((k) => f[k] !== null)
    .map((k) => `${FIGURE_LABELS[k][lang]} ${f[k]}`)
    .join(SEPARATOR);
}

/** Reads figuresText back, in either language; null for a blank cell or text it cannot read. */
export function readFigures(text: unknown): Figures | null {
  const s = cellText(text);
  if (!s) return null;
  const f: Figures = { target: null, start: null, due: null };
  for (const part of s.split(/[·・]/)) {
    const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(part);
    if (!m) return null;
    const key = FIGURE_KEYS.find(
      (k) => headerKey(FIGURE_LABELS[k].en) === headerKey(m[1]) || FIGURE_LABELS[k].ja === m[1],
    );
    if (!key) return null;
    if (key === 'due') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(m[2])) return null;
      f.due = m[2];
    } else {
      const n = readNumber(m[2]);
      if (!n || n.value === null) return null;
      f[key] = n.value;
    }
  }
  return f;
}

export function sameFigures(a: Figures | null, b: Figures | null): boolean {
  if (!a || !b) return a === b;
  return a.target === b.target && a.start === b.start && a.due === b.due;
}

/** The calendar day of `ms` in `timeZone` (YYYY-MM-DD); null for none. */
export function dayOf(ms: number | null, timeZone: string): string | null {
  if (ms === null) return null;
  const w = wallClock(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function readStep(value: unknown): AgreementStep | null {
  const key = headerKey(value);
  if (!key) return null;
  const steps = Object.keys(AGREEMENT_STEP_WORDS) as AgreementStep[];
  return (
    steps.find(
      (s) =>
        key === s ||
        key === headerKey(AGREEMENT_STEP_WORDS[s].en) ||
        key === headerKey(AGREEMENT_STEP_WORDS[s].ja),
    ) ?? null
  );
}

/** The log's entries in log order; rows without a time, an ID or a known step are left out. */
export function parseAgreementLog(values: readonly unknown[][] | null): AgreementEntry[] {
  if (!values || values.length === 0) return [];
  const layout = tableLayout(values as unknown[][], AGREEMENT_ALIASES);
  const c = layout.columns;
  if (c.id === undefined || c.step === undefined) return [];
  const get = (row: readonly unknown[], k: AgreementColumn) =>
    c[k] === undefined ? '' : row[c[k] as number];
  const entries: AgreementEntry[] = [];
  for (const row of values.slice(layout.headerRow + 1)) {
    const id = cellText(get(row, 'id'));
    const step = readStep(get(row, 'step'));
    const time = dateMs(get(row, 'time'));
    if (!id || !step) continue;
    entries.push({
      time: time !== undefined && Number.isFinite(time) ? time : 0,
      id,
      step,
      by: cellText(get(row, 'by')).toLowerCase(),
      owner: cellText(get(row, 'owner')).toLowerCase(),
      from: readFigures(get(row, 'from')),
      to: readFigures(get(row, 'to')),
      reason: cellText(get(row, 'reason')),
    });
  }
  return entries;
}

/**
 * A log row for `entry`, placed by the log's header (`columns`, `width`). Text cells go through
 * `asText` (the one text rule, src/okr/core/sheetText.ts: a reason starting with "=" stays text).
 */
export function agreementLogRow(
  entry: AgreementEntry,
  columns: ColumnMap<AgreementColumn>,
  width: number,
  lang: Lang,
  makeDate: (ms: number) => unknown,
  asText: (text: string) => string,
): unknown[] {
  const row: unknown[] = new Array(Math.max(width, 1)).fill('');
  const put = (k: AgreementColumn, v: unknown) => {
    const i = columns[k];
    if (i !== undefined) row[i] = v;
  };
  put('time', makeDate(entry.time));
  put('id', asText(entry.id));
  put('step', asText(AGREEMENT_STEP_WORDS[entry.step][lang]));
  put('by', asText(entry.by));
  put('owner', asText(entry.owner));
  put('from', asText(figuresText(entry.from, lang)));
  put('to', asText(figuresText(entry.to, lang)));
  put('reason', asText(entry.reason));
  return row;
}

/**
 * A step that a write to an OKRs row takes along (an acceptance, a decline, a new owner), with the
 * row's figures as they were (due as a moment): the adapter, which knows the time zone, makes it an
 * entry (rowStepEntry).
 */
export interface RowStep {
  step: 'accepted' | 'declined' | 'cleared';
  time: number;
  by: string;
  owner: string;
  reason: string;
  figures: { target: number | null; start: number | null; due: number | null } | null;
}

export function rowStepEntry(id: string, s: RowStep, timeZone: string): AgreementEntry {
  const f = s.figures && {
    target: s.figures.target,
    start: s.figures.start,
    due: dayOf(s.figures.due, timeZone),
  };
  return {
    time: s.time,
    id,
    step: s.step,
    by: s.by,
    owner: s.owner,
    // An acceptance is of the figures as they are; a decline leaves them.
    from: s.step === 'declined' ? f : null,
    to: s.step === 'accepted' ? f : null,
    reason: s.reason,
  };
}

/** Why an acceptance was cleared: a new owner, by which way. */
export const CLEARED_REASONS: Record<'assign' | 'edit' | 'import', Localized> = {
  assign: { en: 'New owner (Assign owners)', ja: '新しい担当者（担当者の割り当て）' },
  edit: { en: 'New owner typed or pasted in the sheet', ja: 'シートで新しい担当者を入力または貼り付け' },
  import: {
    en: 'Imported: the owner accepts in the sidebar',
    ja: 'インポート：担当者がサイドバーで承諾します',
  },
};

/** The "cleared" step of a key result that got `owner` as its new owner. */
export function clearedEntry(
  id: string,
  owner: string,
  by: string,
  time: number,
  how: keyof typeof CLEARED_REASONS,
  lang: Lang,
): AgreementEntry {
  return { time, id, step: 'cleared', by, owner, from: null, to: null, reason: CLEARED_REASONS[how][lang] };
}

const BEFORE_THE_LOG: Localized = {
  en: 'Accepted before the Agreements log existed',
  ja: '合意ログの作成前に承諾済み',
};

/**
 * The acceptances a sheet already shows when its log is created: each recorded as accepted, at its
 * Accepted date, against the figures the row has then, so what was agreed before stays agreed.
 */
export function acceptedBeforeTheLog(
  keyResults: ReadonlyArray<Pick<KeyResult, 'id' | 'owner' | 'accepted' | 'target' | 'start' | 'due'>>,
  timeZone: string,
  lang: Lang,
): AgreementEntry[] {
  return keyResults.flatMap((kr) =>
    kr.id && kr.owner && kr.accepted !== null
      ? [
          {
            time: kr.accepted,
            id: kr.id,
            step: 'accepted' as const,
            by: kr.owner,
            owner: kr.owner,
            from: null,
            to: { target: kr.target, start: kr.start, due: dayOf(kr.due, timeZone) },
            reason: BEFORE_THE_LOG[lang],
          },
        ]
      : [],
  );
}
