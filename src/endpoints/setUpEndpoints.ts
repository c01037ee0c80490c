// The menu and the sheet-structure endpoints (issue 4), kept out of index.ts so it stays a list of
// thin wrappers. Each endpoint validates its input, writes only under the document lock (reading
// inside it), and returns JSON-safe data (numbers and strings, never Dates).

import { type ImportOutcome, importFromTab } from '../gas/importTab';
import { callerLanguage } from '../gas/language';
import { BusyError, withDocumentLock } from '../gas/lock';
import { findTabs, readOkrData } from '../gas/okrData';
import { checkEdit, type EditEventLike, type EditOutcome } from '../gas/ownerCheck';
import { activeUserEmail, now } from '../gas/session';
import { loadSettings } from '../gas/settings';
import { type SetUpReport, setUpSheets } from '../gas/setUp';
import { format, type MessageTable, t } from '../okr/core/i18n';
import type { Lang, Problem } from '../okr/core/model';
import { parseRoster } from '../okr/core/parse';
import { zoneOffsetMs } from '../okr/core/parseValues';
import type { ProblemCounts } from '../okr/core/problems';
import { callerRoles } from '../okr/ownership/roles';
import { countProblems, validateOkrs } from '../okr/ownership/validate';
import { cycleOf } from '../okr/setup/structure';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';

type MenuKey = 'openSidebar' | 'setUp' | 'checkProblems' | 'refreshSummary' | 'importTab';

export const MENU: MessageTable<MenuKey> = {
  openSidebar: { en: 'Open sidebar', ja: 'サイドバーを開く' },
  setUp: { en: 'Set up OKR sheet', ja: 'OKRシートを設定' },
  checkProblems: { en: 'Check problems', ja: '問題をチェック' },
  refreshSummary: { en: 'Refresh summary', ja: 'サマリーを更新' },
  importTab: { en: 'Import OKRs from this tab', ja: 'このタブからOKRを取り込む' },
};

/** Menu items in order: caption key and the global function it calls. */
export const MENU_ITEMS: ReadonlyArray<[MenuKey, string] | null> = [
  ['openSidebar', 'showSidebar'],
  null,
  ['setUp', 'setUpOkrSheet'],
  ['checkProblems', 'showProblems'],
  ['refreshSummary', 'refreshSummary'],
  null,
  ['importTab', 'importOkrsFromActiveTab'],
];

type Text =
  | 'busy'
  | 'not-lead'
  | 'not-object'
  | 'sheet-name'
  | 'set-up-done'
  | 'set-up-unchanged'
  | 'no-problems'
  | 'problems'
  | 'imported'
  | 'skipped'
  | 'import-title';

const TEXT: MessageTable<Text> = {
  'not-lead': {
    en: 'Only a Lead on the Team tab can {action}. Ask {leads} to do it, or to give you the Lead role.',
    ja: '{action}はTeamタブのLeadだけが実行できます。{leads}に依頼するか、Leadの役割を付けてもらってください。',
  },
  busy: {
    en: 'Someone else is changing the sheet right now. Try again in a few seconds.',
    ja: '他の人がシートを変更中です。数秒後にもう一度お試しください。',
  },
  'not-object': {
    en: 'The request is not valid: expected {example}.',
    ja: 'リクエストが正しくありません。{example} の形式で送ってください。',
  },
  'sheet-name': {
    en: 'sheetName must be the name of a tab (text, 1–100 characters).',
    ja: 'sheetName にはタブ名（1～100文字のテキスト）を指定してください。',
  },
  'set-up-done': {
    en: 'OKR sheet set up. Created: {created}. Headers added: {headers}. Example rows: {examples}.',
    ja: 'OKRシートを設定しました。作成：{created}。追加した見出し：{headers}。例の行：{examples}。',
  },
  'set-up-unchanged': {
    en: 'The OKR sheet was already set up; dropdowns and formats are in place.',
    ja: 'OKRシートは設定済みです。プルダウンと書式を確認しました。',
  },
  'no-problems': { en: 'No problems found.', ja: '問題は見つかりませんでした。' },
  problems: {
    en: '{errors} errors and {warnings} warnings. The sidebar lists them; click one to go to its cell.',
    ja: 'エラー {errors} 件、警告 {warnings} 件。サイドバーに一覧があり、クリックするとそのセルに移動します。',
  },
  imported: {
    en: 'Imported {objectives} objectives and {keyResults} key results into the OKRs tab. Run Check problems to see what needs fixing.',
    ja: '目標 {objectives} 件と主要な結果 {keyResults} 件をOKRsタブに取り込みました。「問題をチェック」で修正が必要な点を確認してください。',
  },
  skipped: { en: 'Skipped rows:', ja: '取り込まなかった行：' },
  'import-title': { en: 'Import OKRs', ja: 'OKRの取り込み' },
};

/** The caller's language (src/gas/language.ts). */
function callerLang(): Lang {
  return callerLanguage(loadSettings());
}

/**
 * onOpen/onInstall. In AuthMode.NONE (the add-on is installed but not yet used in this document) only
 * the menu may be built, so captions stay English there; once enabled (LIMITED/FULL) they follow
 * the user's locale.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function buildMenu(e?: { authMode?: unknown }): void {
  let lang: Lang = 'en';
  const none = !e || e.authMode === undefined || String(e.authMode) === 'NONE' || isNoneMode(e.authMode);
  if (!none) {
    try {
      lang = callerLang();
    } catch (_err) {
      lang = 'en';
    }
  }
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    menu = item ? menu.addItem(t(MENU, lang, item[0]), item[1]) : menu.addSeparator();
  }
  menu.addToUi();
}

function isNoneMode(mode: unknown): boolean {
  try {
    return typeof ScriptApp !== 'undefined' && mode === ScriptApp.AuthMode.NONE;
  } catch (_e) {
    return false;
  }
}

export function showSidebarNow(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKR Owners'));
}

const ACTIONS: MessageTable<'setUp' | 'import'> = {
  setUp: { en: 'set up the OKR sheet', ja: 'OKRシートの設定' },
  import: { en: 'import OKRs', ja: 'OKRの取り込み' },
};

/**
 * Structure changes are for those who may manage (src/okr/ownership/roles.ts): never a caller Google
 * hides, anyone signed in while no Lead is listed (so a new team can start), else Leads. Decided from
 * the session's user and the Team tab only, so google.script.run cannot bypass it.
 */
function refuseNonLead(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  action: 'setUp' | 'import',
): string | null {
  const team = findTabs(ss).team;
  const people = team
    ? parseRoster(team.getDataRange().getValues(), {
        sheetName: team.getName(),
        timeZone: 'Etc/GMT',
        lang,
      }).people
    : [];
  const caller = callerRoles(activeUserEmail(), people);
  if (!caller.email) return t(REQUEST_MESSAGES, lang, 'no-identity');
  if (caller.canManage) return null;
  const leads = people
    .filter((p) => p.role === 'lead')
    .map((p) => p.email)
    .slice(0, 3)
    .join(', ');
  return t(TEXT, lang, 'not-lead', { action: t(ACTIONS, lang, action), leads });
}

export type SetUpResult = ({ ok: true; message: string } & SetUpReport) | { ok: false; error: string };

function currentCycle(timeZone: string): string {
  const local = new Date(now() + zoneOffsetMs(now(), timeZone));
  return cycleOf(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

export function setUpOkrSheet(): SetUpResult {
  const lang = callerLang();
  try {
    return withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const refusal = refuseNonLead(ss, lang, 'setUp');
      if (refusal) return { ok: false as const, error: refusal };
      const report = setUpSheets(ss, {
        lang,
        userEmail: activeUserEmail(),
        cycle: currentCycle(ss.getSpreadsheetTimeZone() || 'Etc/GMT'),
        examples: true,
      });
      const none = lang === 'ja' ? 'なし' : 'none';
      const message = report.changed
        ? t(TEXT, lang, 'set-up-done', {
            created: report.created.join(', ') || none,
            headers: report.headersAdded.map((h) => `${h.tab} (${h.headers.length})`).join(', ') || none,
            examples: report.exampleRows,
          })
        : t(TEXT, lang, 'set-up-unchanged');
      ss.toast(message, 'OKR Owners', 8);
      return { ok: true as const, message, ...report };
    });
  } catch (err) {
    if (err instanceof BusyError) return { ok: false, error: t(TEXT, lang, 'busy') };
    throw err;
  }
}

export interface ValidateResult {
  ok: true;
  problems: Problem[];
  counts: ProblemCounts;
}

/** Read-only: one read per tab, no lock (nothing is written). */
export function validateOkrsNow(lang: Lang = callerLang()): ValidateResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = loadSettings();
  const data = readOkrData(ss, { checkIns: false, lang });
  const problems = validateOkrs(data, { now: now(), settings, lang });
  return { ok: true, problems, counts: countProblems(problems) };
}

export function showProblems(): ValidateResult {
  const lang = callerLang();
  const result = validateOkrsNow(lang);
  const message =
    result.counts.total === 0
      ? t(TEXT, lang, 'no-problems')
      : t(TEXT, lang, 'problems', { errors: result.counts.errors, warnings: result.counts.warnings });
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'OKR Owners', 10);
  if (result.counts.total > 0) showSidebarNow();
  return result;
}

export function importOkrs(req: unknown): ImportOutcome {
  const lang = callerLang();
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    return { ok: false, error: t(TEXT, lang, 'not-object', { example: '{ sheetName: "My OKRs" }' }) };
  }
  const raw = (req as { sheetName?: unknown }).sheetName;
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 100) {
    return { ok: false, error: t(TEXT, lang, 'sheet-name'), field: 'sheetName' };
  }
  const sheetName = raw;
  try {
    return withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const refusal = refuseNonLead(ss, lang, 'import');
      if (refusal) return { ok: false as const, error: refusal };
      return importFromTab(ss, sheetName, {
        lang,
        userEmail: activeUserEmail(),
        cycle: currentCycle(ss.getSpreadsheetTimeZone() || 'Etc/GMT'),
      });
    });
  } catch (err) {
    if (err instanceof BusyError) return { ok: false, error: t(TEXT, lang, 'busy') };
    throw err;
  }
}

export function importOkrsFromActiveTab(): ImportOutcome {
  const lang = callerLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = importOkrs({ sheetName: ss.getActiveSheet().getName() });
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) {
    ui.alert(t(TEXT, lang, 'import-title'), result.error, ui.ButtonSet.OK);
    return result;
  }
  const lines = [t(TEXT, lang, 'imported', { objectives: result.objectives, keyResults: result.keyResults })];
  if (result.skippedRows.length > 0) {
    lines.push('', t(TEXT, lang, 'skipped'));
    for (const s of result.skippedRows.slice(0, 10)) lines.push(`• ${s.reason}`);
    if (result.skippedRows.length > 10) lines.push(format('… +{n}', { n: result.skippedRows.length - 10 }));
  }
  ui.alert(t(TEXT, lang, 'import-title'), lines.join('\n'), ui.ButtonSet.OK);
  return result;
}

/** The simple trigger. Returns what it did (for the local runtime and tests; Sheets ignores it). */
export function handleEdit(e: EditEventLike | undefined): EditOutcome | null {
  return checkEdit(e);
}
