// The whole public surface of the add-on. Every function exported here becomes a top-level
// Apps Script function (the build generates one delegating stub per export) and is therefore
// callable by any editor through google.script.run: each must validate its input, check the
// caller's right and return JSON-safe data. Nothing else in src/ is global.

// --- menu and sheet structure (issue 4) ---
// The work lives in src/sheets/setUpEndpoints.ts; these are the global names Apps Script calls.
import * as okrSheet from './sheets/setUpEndpoints';

/** Builds Extensions → OKR Owners. Runs in AuthMode.NONE too: it only builds the menu. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  okrSheet.buildMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  okrSheet.buildMenu(e);
}

export function showSidebar(): void {
  okrSheet.showSidebarNow();
}

/** Creates or repairs the OKRs, Team, Check-ins and Summary tabs; a second run changes nothing. */
export function setUpOkrSheet(): okrSheet.SetUpResult {
  return okrSheet.setUpOkrSheet();
}

/** Every problem of the sheet with its code, ID and cell, and the counts; read-only. */
export function validateOkrs(): okrSheet.ValidateResult {
  return okrSheet.validateOkrsNow();
}

/** Menu: Check problems (validate, toast the counts, open the sidebar's list). */
export function showProblems(): okrSheet.ValidateResult {
  return okrSheet.showProblems();
}

/** Converts a flat OKR tab ({sheetName}) into OKRs rows; the source tab is left untouched. */
export function importOkrs(req: unknown): ReturnType<typeof okrSheet.importOkrs> {
  return okrSheet.importOkrs(req);
}

/** Menu: Import OKRs from this tab (the active tab). */
export function importOkrsFromActiveTab(): ReturnType<typeof okrSheet.importOkrsFromActiveTab> {
  return okrSheet.importOkrsFromActiveTab();
}

/** Simple trigger: flags pasted bad owners, recomputes Progress of the edited rows. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): ReturnType<typeof okrSheet.handleEdit> {
  return okrSheet.handleEdit(e);
}
// --- end ---

// --- sidebar (issue 6) ---
// Each endpoint parses its argument, checks the caller against Team, and writes by ID under the
// document lock; see src/services/sidebarEndpoints.ts.
export function getSidebarState(): SidebarState {
  return sidebar.getSidebarState();
}

// (ES imports are hoisted; they sit here so the linter's import grouping stays inside this section.)
import type {
  ActionResult,
  ActiveOkr,
  KeyResultResult,
  SelectCellResult,
  SettingsResult,
  SidebarState,
} from './api';
import * as sidebar from './services/sidebarEndpoints';

export function getKeyResult(req: unknown): KeyResultResult {
  return sidebar.getKeyResult(req);
}

export function checkIn(req: unknown): ActionResult {
  return sidebar.checkIn(req);
}

export function acceptOwnership(req: unknown): ActionResult {
  return sidebar.acceptOwnership(req);
}

export function declineOwnership(req: unknown): ActionResult {
  return sidebar.declineOwnership(req);
}

export function assignOwner(req: unknown): ActionResult {
  return sidebar.assignOwner(req);
}

export function addObjective(req: unknown): ActionResult {
  return sidebar.addObjective(req);
}

export function addKeyResult(req: unknown): ActionResult {
  return sidebar.addKeyResult(req);
}

export function selectCell(req: unknown): SelectCellResult {
  return sidebar.selectCell(req);
}

export function getActiveOkrId(): ActiveOkr {
  return sidebar.getActiveOkrId();
}

export function getSettings(): SettingsResult {
  return sidebar.getSettings();
}

export function saveSettings(req: unknown): SettingsResult {
  return sidebar.saveSettings(req);
}
// --- end ---

// --- weekly emails (issue 7) ---
// One hourly tick per enabling Lead decides whether this week's run is due and resumes it; the
// rules live in src/okr/weeklyRunExecute.ts, these wrappers bind them to Apps Script services.
export function getDigestStatus(): DigestStatus {
  return readDigestStatus();
}

// (ES imports are hoisted; they follow a statement so the linter keeps them inside this section.)
import { digestModel } from './okr/digest';
import { langFromLocale, t } from './okr/i18n';
import type { Lang, Settings } from './okr/model';
import { canManageWeekly, type DigestStatus } from './okr/weeklyRun';
import {
  runWeeklyTick,
  sendTestDigest as sendTestDigestNow,
  type TestDigestResult,
  type TickOutcome,
  type WeeklyPorts,
  type WeeklyWorkbook,
} from './okr/weeklyRunExecute';
import { WEEKLY_MESSAGES, type WeeklyMessageKey } from './okr/weeklyRunMessages';
import { BusyError, withDocumentLock } from './services/lock';
import { remainingMailQuota, sendMail } from './services/mail';
import { activeUserEmail, effectiveUserEmail, now, userLocale } from './services/session';
import { loadSettings, storeSettings } from './services/settings';
import { ensureTickTrigger, removeTickTriggers, removeTriggerById } from './services/triggers';
import { documentStore, readDigestStatus, readWeeklyState, writeWeeklyState } from './services/weeklyState';
import { findTabs, readOkrData } from './sheets/okrData';
import { refreshSummaryTab, summaryLang } from './sheets/summaryTab';

function weeklyWorkbook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  at: number,
  settings: Settings,
): WeeklyWorkbook {
  const data = readOkrData(ss, { checkIns: true });
  const tabs = findTabs(ss);
  const defaultLang: Lang =
    settings.language !== 'auto' ? settings.language : langFromLocale(ss.getSpreadsheetLocale());
  return {
    model: digestModel({
      objectives: data.okrs.objectives,
      keyResults: data.okrs.keyResults,
      people: data.roster.people,
      checkIns: data.checkIns,
      now: at,
      staleDays: settings.staleDays,
    }),
    context: {
      timeZone: data.timeZone,
      now: at,
      spreadsheetName: ss.getName(),
      spreadsheetUrl: ss.getUrl(),
      okrsSheetId: tabs.okrs ? tabs.okrs.getSheetId() : null,
      summarySheetId: tabs.summary ? tabs.summary.getSheetId() : null,
    },
    defaultLang,
  };
}

function weeklyPorts(): WeeklyPorts {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const spreadsheet = () => {
    ss ??= SpreadsheetApp.getActive();
    return ss;
  };
  return {
    now,
    store: documentStore(),
    withLock: (fn) => {
      try {
        return withDocumentLock(fn);
      } catch (e) {
        if (e instanceof BusyError) return null;
        throw e;
      }
    },
    remainingQuota: remainingMailQuota,
    loadWorkbook: (at, settings) => weeklyWorkbook(spreadsheet(), at, settings),
    // The Summary tab's writer expects its caller to hold the document lock.
    refreshSummary: (settings, at) => {
      const book = spreadsheet();
      withDocumentLock(() =>
        refreshSummaryTab(book, { now: at, lang: summaryLang(book, settings), settings }),
      );
    },
    send: sendMail,
    removeTrigger: (uid) => {
      removeTriggerById(spreadsheet(), uid);
    },
    newLeaseId: () => `${now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    effectiveUser: effectiveUserEmail,
  };
}

function weeklyLang(settings: Settings): Lang {
  return settings.language !== 'auto' ? settings.language : langFromLocale(userLocale());
}

function weeklyError(lang: Lang, key: WeeklyMessageKey, params?: Record<string, string | number>): Error {
  return new Error(t(WEEKLY_MESSAGES, lang, key, params));
}

/** The signed-in Lead (anyone when Team has no Lead), the spreadsheet and their language. */
function weeklyManager(): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; caller: string; lang: Lang } {
  const lang = weeklyLang(loadSettings());
  const caller = activeUserEmail();
  if (!caller) throw weeklyError(lang, 'noIdentity');
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw weeklyError(lang, 'noSpreadsheet');
  if (!canManageWeekly(caller, readOkrData(ss, { checkIns: false, lang }).roster.people))
    throw weeklyError(lang, 'notLead');
  return { ss, caller, lang };
}

function weeklyLocked<T>(lang: Lang, fn: () => T): T {
  try {
    return withDocumentLock(fn);
  } catch (e) {
    if (e instanceof BusyError) throw weeklyError(lang, 'busy');
    throw e;
  }
}

/** Installs the hourly tick (once per user), records who enabled it, and turns weekly emails on. */
export function enableWeeklyEmails(): DigestStatus {
  const { ss, caller, lang } = weeklyManager();
  return weeklyLocked(lang, () => {
    const triggerId = ensureTickTrigger(ss);
    const store = documentStore();
    const state = readWeeklyState(store);
    writeWeeklyState(
      {
        ...state,
        enabled: true,
        enabledBy: caller,
        enabledAt: state.enabled && state.enabledAt !== null ? state.enabledAt : now(),
        triggerId,
        timeZone: ss.getSpreadsheetTimeZone() || state.timeZone,
      },
      store,
    );
    storeSettings({ ...loadSettings(), weeklyEmails: true });
    return readDigestStatus();
  });
}

/** Removes the caller's tick and turns weekly emails off (another Lead's tick removes itself). */
export function disableWeeklyEmails(): DigestStatus {
  const { ss, lang } = weeklyManager();
  return weeklyLocked(lang, () => {
    removeTickTriggers(ss);
    const store = documentStore();
    writeWeeklyState({ ...readWeeklyState(store), enabled: false, triggerId: '' }, store);
    storeSettings({ ...loadSettings(), weeklyEmails: false });
    return readDigestStatus();
  });
}

/** The hourly trigger's handler: at most two service calls when nothing is due. */
export function onTick(e?: { triggerUid?: unknown }): TickOutcome {
  const uid = e && typeof e === 'object' && typeof e.triggerUid === 'string' ? e.triggerUid : null;
  return runWeeklyTick(weeklyPorts(), uid);
}

/** Sends the caller their own owner email (and the digest when they are Leadership), outside the ledger. */
export function sendTestDigest(): TestDigestResult & { message: string } {
  const settings = loadSettings();
  const lang = weeklyLang(settings);
  const caller = activeUserEmail();
  if (!caller) throw weeklyError(lang, 'noIdentity');
  const result = sendTestDigestNow(weeklyPorts(), {
    caller,
    settings,
    enabledBy: readWeeklyState().enabledBy,
  });
  const messages = result.sent.length
    ? [t(WEEKLY_MESSAGES, lang, 'testSent', { n: result.sent.length, email: caller })]
    : [];
  for (const s of result.skipped) {
    messages.push(
      s === 'not-in-team'
        ? t(WEEKLY_MESSAGES, lang, 'notInTeam', { email: caller })
        : t(WEEKLY_MESSAGES, lang, s === 'quota' ? 'quota' : 'ownsNothing'),
    );
  }
  return { ...result, message: messages.join(' ') };
}
// --- end ---

// --- summary (issue 5) ---
// Rewrites the Summary tab under the document lock in a constant number of Sheets calls; the rules
// live in src/okr/summary.ts and src/okr/summaryGrid.ts, the writing in src/sheets/summaryTab.ts.
export function refreshSummary(): RefreshSummaryResult {
  return refreshSummaryNow();
}

// (ES imports are hoisted; this one sits inside the section so the sections stay independent.)
import { type RefreshSummaryResult, refreshSummaryNow } from './sheets/summaryTab';
// --- end ---
