// Localized text: every user-facing string lives in a table of {en, ja} entries and is filled in
// with named parameters, so English and Japanese stay side by side and none is forgotten.
import type { Lang } from './model';

export interface Localized {
  en: string;
  ja: string;
}

export type MessageTable<K extends string> = Record<K, Localized>;

/**
 * Fills `{name}` with params.name; an unknown placeholder is left visible so a mistake shows.
 * `{name|one|other}` picks the English singular or plural by the number (1 → one, else other), so
 * "1 key result" never reads "1 key results". Shared with the sidebar (sidebar/i18n.ts).
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one: string | undefined, other: string | undefined) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one !== undefined) return Number(value) === 1 ? one : (other ?? '');
      return String(value);
    },
  );
}

export function t<K extends string>(
  table: MessageTable<K>,
  lang: Lang,
  key: K,
  params?: Record<string, string | number>,
): string {
  return format(table[key][lang], params);
}

/** 'ja', 'ja_JP', 'ja-JP' → 'ja'; anything else → 'en'. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^ja\b|^ja[_-]/i.test(String(locale ?? '')) ? 'ja' : 'en';
}
