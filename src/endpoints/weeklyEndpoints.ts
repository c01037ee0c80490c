// The weekly emails' endpoints bound to Apps Script services: one hourly tick per enabling Lead decides
// whether this week's run is due and resumes it. The rules live in src/okr/weeklyRunExecute.ts (pure,
// unit-tested); this file supplies its ports (lock, mail, properties, the workbook) and the Lead check.

import { callerLanguage, spreadsheetLanguage } from '../gas/language';
import { BusyError, withDocumentLock } from '../gas/lock';
import { remainingMailQuota, sendMail } from '../gas/mail';
import { findTabs, readOkrData } from '../gas/okrData';
import { activeUserEmail, effectiveUserEmail, now } from '../gas/session';
import { loadSettings, storeSettings } from '../gas/settings';
import { refreshSummaryTab } from '../gas/summaryTab';
import { ensureTickTrigger, removeTickTriggers, removeTriggerById } from '../gas/triggers';
import { documentStore, readDigestStatus, readWeeklyState, writeWeeklyState } from '../gas/weeklyState';
import { t } from '../okr/core/i18n';
import type { Lang, Settings } from '../okr/core/model';
import { canManage } from '../okr/ownership/roles';
import { digestModel } from '../okr/weekly/digest';
import type { DigestStatus } from '../okr/weekly/weeklyRun';
import {
  runWeeklyTick,
  sendTestDigest as sendTestDigestNow,
  type TestDigestResult,
  type TickOutcome,
  type WeeklyPorts,
  type WeeklyWorkbook,
  weeklyBlockers,
} from '../okr/weekly/weeklyRunExecute';
import { WEEKLY_MESSAGES, type WeeklyMessageKey } from '../okr/weekly/weeklyRunMessages';

function weeklyWorkbook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  at: number,
  settings: Settings,
): WeeklyWorkbook {
  const defaultLang = spreadsheetLanguage(ss, settings);
  const data = readOkrData(ss, { checkIns: true, lang: defaultLang });
  const tabs = findTabs(ss);
  return {
    blockers: weeklyBlockers(data.okrs, data.roster),
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
        refreshSummaryTab(book, { now: at, lang: spreadsheetLanguage(book, settings), settings }),
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
  return callerLanguage(settings);
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
  if (!canManage(caller, readOkrData(ss, { checkIns: false, lang }).roster.people))
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
export function tick(e?: { triggerUid?: unknown }): TickOutcome {
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

export function getDigestStatus(): DigestStatus {
  return readDigestStatus();
}
