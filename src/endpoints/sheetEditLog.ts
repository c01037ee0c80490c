// What a Current or Confidence typed straight into the OKRs tab leaves in the Check-ins log, and the
// flag for an edit by someone who may not check in on that row. Pure: src/endpoints/editCheck.ts
// reads the edit and writes the entries.
import { t } from '../okr/core/i18n';
import type { KeyResult, Lang } from '../okr/core/model';
import { type CheckInLogEntry, CONFIDENCE_LABEL } from './sidebar/checkIn';

export interface EditedValue {
  kr: KeyResult;
  /** The logged columns the edit touched. */
  columns: Array<'current' | 'confidence'>;
  /** The cell's text before the edit, when Google's event gives it (a single cell; '' = was empty). */
  old: string | null;
  /** Edited by someone who may not check in on this row. */
  flagged: boolean;
}

const SHEET_EDIT = {
  by: { en: 'edited in the sheet', ja: 'シートで直接編集' },
  current: { en: 'Current', ja: '現在値' },
  confidence: { en: 'Confidence', ja: '自信度' },
  changed: {
    en: 'Edited in the sheet: {column} {old} → {value}',
    ja: 'シートで直接編集: {column} {old} → {value}',
  },
  edited: { en: 'Edited in the sheet: {columns}', ja: 'シートで直接編集: {columns}' },
  'not-owner': { en: ' (not by the owner, {owner})', ja: '（オーナー{owner}以外による編集）' },
  'no-owner': { en: 'no owner', ja: 'オーナーなし' },
  flag: {
    en: '{editor} changed {column} of {id} in the sheet, but {id} is owned by {owner}: owners check in from the sidebar (Extensions → OKR Owners). The change is logged in Check-ins.',
    ja: '{editor}さんがシートで{id}の{column}を変更しましたが、{id}のオーナーは{owner}です。チェックインはオーナーがサイドバー（拡張機能 → OKR Owners）から行います。変更はCheck-insに記録しました。',
  },
  more: { en: '\n+{count} more', ja: '\nほかに{count}件' },
};

/**
 * The cell's text before a one-cell edit ('' = it was empty), or null when Google gave none: a block,
 * or a paste (which carries neither value nor oldValue, even into one cell).
 * https://developers.google.com/apps-script/guides/triggers/events#edit
 */
export function oldValueOf(singleCell: boolean, e: { oldValue?: unknown; value?: unknown }): string | null {
  if (!singleCell || (e.oldValue === undefined && e.value === undefined)) return null;
  return e.oldValue === undefined || e.oldValue === null ? '' : String(e.oldValue);
}

const sep = (lang: Lang) => (lang === 'ja' ? '、' : ', ');

function shown(kr: KeyResult, column: 'current' | 'confidence'): string {
  if (column === 'current') return kr.current === null ? '' : String(kr.current);
  return kr.confidence ? CONFIDENCE_LABEL[kr.confidence] : '';
}

/** The log entries (one per key result) and the toast for flagged edits ('' when none). */
export function sheetEditEntries(
  values: readonly EditedValue[],
  ctx: { editor: string; now: number; lang: Lang },
): { entries: CheckInLogEntry[]; toast: string } {
  const { lang } = ctx;
  const say = (key: keyof typeof SHEET_EDIT, params?: Record<string, string | number>) =>
    t(SHEET_EDIT, lang, key, params);
  const ownerOf = (kr: KeyResult) => kr.owner ?? kr.ownerText ?? say('no-owner');
  const entries = values.map(({ kr, columns, old, flagged }) => {
    const names = columns.map((c) => say(c));
    let note =
      old !== null && columns.length === 1
        ? say('changed', { column: names[0], old, value: shown(kr, columns[0]) })
        : say('edited', { columns: names.join(sep(lang)) });
    if (flagged) note += say('not-owner', { owner: ownerOf(kr) || say('no-owner') });
    return {
      time: ctx.now,
      id: kr.id,
      by: ctx.editor || say('by'),
      current: kr.current,
      progress: kr.progress,
      confidence: kr.confidence,
      note,
    };
  });
  const flagged = values.filter((v) => v.flagged);
  const first = flagged[0];
  const toast = first
    ? say('flag', {
        editor: ctx.editor,
        column: first.columns.map((c) => say(c)).join(sep(lang)),
        id: first.kr.id,
        owner: ownerOf(first.kr) || say('no-owner'),
      }) + (flagged.length > 1 ? say('more', { count: flagged.length - 1 }) : '')
    : '';
  return { entries, toast };
}
