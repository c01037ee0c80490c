// The reminder shown where people work: when the spreadsheet opens (a toast, when Google tells the
// add-on who opened it) and at the top of the sidebar's My key results. One count and one sentence
// for both, from the needs every view computes (src/okr/core/attention.ts via the key result's
// `needs`): a key result needs a check-in when it is stale or misses a value, and waits for
// acceptance while pending. Shared with the sidebar (tsconfig.sidebar.json), so it imports only
// i18n.ts and model.ts.
import { type MessageTable, t } from './i18n';
import type { Lang } from './model';

export interface ReminderCounts {
  checkIn: number;
  accept: number;
}

/** How many of the person's key results need a check-in, and how many wait for their acceptance. */
export function reminderCounts(items: ReadonlyArray<{ needs: readonly string[] }>): ReminderCounts {
  let checkIn = 0;
  let accept = 0;
  for (const { needs } of items) {
    if (needs.includes('stale') || needs.includes('missing-values')) checkIn += 1;
    if (needs.includes('pending')) accept += 1;
  }
  return { checkIn, accept };
}

type ReminderKey = 'checkIn' | 'accept' | 'toast' | 'title';

export const REMINDER_MESSAGES: MessageTable<ReminderKey> = {
  checkIn: {
    en: '{n} key {n|result needs|results need} your check-in',
    ja: '{n}件の主要な結果がチェックインを待っています',
  },
  accept: {
    en: '{n} {n|waits|wait} for your acceptance',
    ja: '{n}件があなたの承認を待っています',
  },
  toast: {
    en: '{text}. Open Extensions → OKR Owners → Open sidebar.',
    ja: '{text}。「拡張機能」→「OKR Owners」→「サイドバーを開く」から対応できます。',
  },
  title: { en: 'OKR Owners', ja: 'OKR Owners' },
};

/** "2 key results need your check-in · 1 waits for your acceptance"; '' when nothing needs them. */
export function reminderText(counts: ReminderCounts, lang: Lang): string {
  const parts: string[] = [];
  if (counts.checkIn > 0) parts.push(t(REMINDER_MESSAGES, lang, 'checkIn', { n: counts.checkIn }));
  if (counts.accept > 0) parts.push(t(REMINDER_MESSAGES, lang, 'accept', { n: counts.accept }));
  return parts.join(' · ');
}
