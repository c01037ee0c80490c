// Menu → Refresh summary: rewrites the Summary tab (src/gas/summaryTab.ts) under the document lock,
// in the spreadsheet's language (the Summary is everyone's), and toasts what it wrote.
import type { RefreshSummaryResult } from '../api';
import { callerLanguage, spreadsheetLanguageOf } from '../gas/language';
import { BusyError, withDocumentLock } from '../gas/lock';
import { now } from '../gas/session';
import { loadSettings } from '../gas/settings';
import { refreshSummaryTab, type SummaryRefresh } from '../gas/summaryTab';
import { type MessageTable, t } from '../okr/core/i18n';

const ENDPOINT_MESSAGES: MessageTable<'done' | 'empty' | 'busy' | 'noSpreadsheet'> = {
  done: {
    en: 'Summary refreshed: {objectives} {objectives|objective|objectives}, {keyResults} key {keyResults|result|results}.',
    ja: 'サマリーを更新しました：目標{objectives}件、主要な結果{keyResults}件。',
  },
  empty: {
    en: 'Summary refreshed: there are no OKRs yet (run Set up OKR sheet first).',
    ja: 'サマリーを更新しました：OKRはまだありません（先に「OKRシートを設定」を実行してください）。',
  },
  busy: {
    en: 'Someone else is updating the sheet right now. Try Refresh summary again in a moment.',
    ja: '他の人がシートを更新中です。少し待ってからもう一度「サマリーを更新」を実行してください。',
  },
  noSpreadsheet: {
    en: 'Open the spreadsheet and run Refresh summary from Extensions → OKR Owners.',
    ja: 'スプレッドシートを開き、拡張機能 → OKR Owners から「サマリーを更新」を実行してください。',
  },
};

/**
 * Lock, read inside it, rewrite the tab, tell the user. It runs from the menu, where an answer is
 * not shown: a refusal is toasted too (busy), or said in an error dialog when there is no
 * spreadsheet to toast in.
 */
export function refreshSummary(): RefreshSummaryResult {
  const settings = loadSettings();
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error(t(ENDPOINT_MESSAGES, callerLanguage(settings), 'noSpreadsheet'));
  // The Summary is everyone's: the spreadsheet's language (Japanese headers decide before its
  // locale), not the caller's. The toasts are the caller's alone: their language.
  const lang = spreadsheetLanguageOf(ss, settings);
  const toastLang = callerLanguage(settings);
  let result: SummaryRefresh;
  try {
    result = withDocumentLock(() => refreshSummaryTab(ss, { now: now(), lang, settings }));
  } catch (e) {
    if (!(e instanceof BusyError)) throw e;
    const error = t(ENDPOINT_MESSAGES, toastLang, 'busy');
    ss.toast(error, 'OKR Owners', 5);
    return { ok: false, error };
  }
  const message = result.empty
    ? t(ENDPOINT_MESSAGES, toastLang, 'empty')
    : t(ENDPOINT_MESSAGES, toastLang, 'done', {
        objectives: result.objectives,
        keyResults: result.keyResults,
      });
  ss.toast(message, 'OKR Owners', 5);
  return {
    ok: true,
    rows: result.rows,
    objectives: result.objectives,
    keyResults: result.keyResults,
    sections: result.sections,
    chart: result.chart,
    empty: result.empty,
    message,
  };
}
