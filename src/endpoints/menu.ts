// Extensions → OKR Owners: the menu (built by onOpen/onInstall) and opening the sidebar.
import { callerLanguage } from '../gas/language';
import { selfCheckEnabled } from '../gas/selfCheckTabs';
import { loadSettings } from '../gas/settings';
import { type MessageTable, t } from '../okr/core/i18n';
import type { Lang } from '../okr/core/model';

type MenuKey = 'openSidebar' | 'setUp' | 'checkProblems' | 'refreshSummary' | 'importTab' | 'selfCheck';

const MENU: MessageTable<MenuKey> = {
  openSidebar: { en: 'Open sidebar', ja: 'サイドバーを開く' },
  setUp: { en: 'Set up OKR sheet', ja: 'OKRシートを設定' },
  checkProblems: { en: 'Check problems', ja: '問題をチェック' },
  refreshSummary: { en: 'Refresh summary', ja: 'サマリーを更新' },
  importTab: { en: 'Import OKRs from this tab', ja: 'このタブからOKRを取り込む' },
  selfCheck: { en: 'Run self-check (Lead)', ja: '自己診断を実行（Lead）' },
};

/** Menu items in order: caption key and the global function it calls. */
const MENU_ITEMS: ReadonlyArray<[MenuKey, string] | null> = [
  ['openSidebar', 'showSidebar'],
  null,
  ['setUp', 'setUpOkrSheet'],
  ['checkProblems', 'showProblems'],
  ['refreshSummary', 'refreshSummary'],
  null,
  ['importTab', 'importOkrsFromActiveTab'],
];

/**
 * onOpen/onInstall. In AuthMode.NONE (the add-on is installed but not yet used in this document) only
 * the menu may be built, so captions stay English there; once enabled (LIMITED/FULL) they follow
 * the caller's language (the Language setting, else their locale: src/gas/language.ts).
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function buildMenu(e?: { authMode?: unknown }): void {
  let lang: Lang = 'en';
  let withSelfCheck = false;
  const none = inNoneMode(e);
  if (!none) {
    try {
      lang = callerLanguage(loadSettings());
      // The self-check (src/endpoints/selfCheck.ts) is listed only where a Lead switched it on.
      withSelfCheck = selfCheckEnabled();
    } catch (_err) {
      lang = 'en';
    }
  }
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    menu = item ? menu.addItem(t(MENU, lang, item[0]), item[1]) : menu.addSeparator();
  }
  if (withSelfCheck) menu = menu.addSeparator().addItem(t(MENU, lang, 'selfCheck'), 'runSelfCheck');
  menu.addToUi();
}

/**
 * AuthMode.NONE (or no event, as when the menu is built by hand): nothing but the menu may be built.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 */
export function inNoneMode(e?: { authMode?: unknown }): boolean {
  return !e || e.authMode === undefined || String(e.authMode) === 'NONE' || isNoneMode(e.authMode);
}

function isNoneMode(mode: unknown): boolean {
  try {
    return typeof ScriptApp !== 'undefined' && mode === ScriptApp.AuthMode.NONE;
  } catch (_e) {
    return false;
  }
}

/**
 * Menu → Open sidebar (and Check problems when there are some). `view`: the view it opens on (the
 * page reads window.okrOwnersView; the appended script also tells a page that is already running).
 */
export function openSidebar(view?: 'import'): void {
  let page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKR Owners');
  if (view)
    page = page.append(
      `<script>window.okrOwnersView=${JSON.stringify(view)};dispatchEvent(new Event('okr-owners-view'))</script>`,
    );
  SpreadsheetApp.getUi().showSidebar(page);
}
