// Which language a text is written in, decided here for every text the add-on produces.
//
// Order: a person's own Team Language (only for a text addressed to that one person outside the
// sheet: their weekly email) → the Language setting (a Lead sets it for the whole spreadsheet:
// sidebar, menu captions, Summary, onEdit notes, set-up, leadership email) → for what everyone sees,
// Japanese headers on the OKRs tab (a team that writes 目標 / 担当者 reads Japanese, whatever locale
// its spreadsheet was created with) → the locale (the caller's for what only they see, the
// spreadsheet's for what everyone sees) → English.
// The sidebar does not follow the caller's Team Language: a Lead reading a Japanese member's row
// sees the spreadsheet's language, as everyone else does.
import { langFromLocale } from './i18n';
import type { Lang } from './model';

export interface LanguageSources {
  /** Settings.language: 'auto' = follow the locale. */
  setting: 'auto' | Lang;
  /** The recipient's Language on Team, for texts sent to one person; null/absent = none. */
  person?: Lang | null;
  /**
   * The OKRs tab's header row, for what everyone sees. Only Japanese headers decide: English ones
   * are what anyone gets by default, so they do not outvote a Japanese locale.
   */
  headers?: readonly unknown[];
  /** The caller's or the spreadsheet's locale ('ja_JP', 'en_US' …); a function is asked only when needed. */
  locale?: string | null | (() => string | null);
}

export function chooseLanguage(from: LanguageSources): Lang {
  if (from.person) return from.person;
  if (from.setting !== 'auto') return from.setting;
  if (from.headers && headerLanguage(from.headers) === 'ja') return 'ja';
  return langFromLocale(typeof from.locale === 'function' ? from.locale() : from.locale);
}

/** Kana, kanji and half-width katakana: a header with any of these is written in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/**
 * The language a sheet's VALUES are written in (Type, Kind, Confidence): the language most of its
 * header row is written in, so a team that wrote 種類 / 担当者 / 自信度 gets 主要な結果 and 順調, and an
 * English header row gets "Key result" and "On track" whoever writes. `fallback` (the spreadsheet's
 * language, chooseLanguage) when the headers do not tell: none yet, or as many of each.
 */
export function sheetLanguage(headers: readonly unknown[], fallback: Lang): Lang {
  return headerLanguage(headers) ?? fallback;
}

/** The language most of a header row is written in; null when it does not tell (none, or a tie). */
function headerLanguage(headers: readonly unknown[]): Lang | null {
  let ja = 0;
  let en = 0;
  for (const h of headers) {
    const text = String(h ?? '').trim();
    if (JAPANESE.test(text)) ja++;
    else if (/[A-Za-z]/.test(text)) en++;
  }
  return ja > en ? 'ja' : en > ja ? 'en' : null;
}
