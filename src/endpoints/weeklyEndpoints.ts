// The weekly emails' endpoints bound to Apps Script services: one hourly tick per enabling Lead decides
// whether this week's run is due and resumes it. The rules live in src/okr/weekly/weeklyRunExecute.ts
// (pure, unit-tested); this file supplies its ports (lock, mail, properties, the workbook) and the
// check of who may switch them (src/okr/ownership/roles.ts, on Team only).
import type { TestWeeklyEmailReply, WeeklyEmailStatus, WeeklyEmailsResult } from '../api';

import { loadClosedCycles } from '../gas/closedCycles';
import { spreadsheetLanguage, spreadsheetLanguageOf } from '../gas/language';
import { BusyError, withDocumentLock } from '../gas/lock';
import { remainingMailQuota, sendMail } from '../gas/mail';
import { readOkrData } from '../gas/okrData';
import { readResultsValues } from '../gas/resultsTab';
import { effectiveUserEmail, now } from '../gas/session';
import { loadSettings, storeSettings } from '../gas/settings';
import { refreshSummaryTab } from '../gas/summaryTab';
import { findTabs } from '../gas/tabs';
import { readTeam } from '../gas/team';
import { ensureTickTrigger, removeTickTriggers, removeTriggerById } from '../gas/triggers';
import { documentStore, readDigestStatus, readWeeklyState, writeWeeklyState } from '../gas/weeklyState';
import { cycleCalendar } from '../okr/core/cycle';
import { t } from '../okr/core/i18n';
import type { Lang, Settings } from '../okr/core/model';
import { type ClosedCycle, closedNames } from '../okr/cycle/closedCycles';
import { parseResults } from '../okr/cycle/results';
import type { NoticeOutcome } from '../okr/weekly/agreementNotices';
import { type ClosingReport, closingReport } from '../okr/weekly/closingEmail';
import { digestModel } from '../okr/weekly/digest';
import {
  runWeeklyTick,
  sendTestEmails as sendTestEmailsNow,
  type TickOutcome,
  type WeeklyPorts,
  type WeeklyWorkbook,
  weeklyBlockers,
} from '../okr/weekly/weeklyRunExecute';
import { WEEKLY_MESSAGES, type WeeklyMessageKey } from '../okr/weekly/weeklyRunMessages';
import { tickAgreementNotices } from './agreementNotices';
import { context, withTeam } from './context';
import { sourceReport, updateAllSources } from './sourceUpdate';

export type { TickOutcome };

function weeklyWorkbook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  at: number,
  settings: Settings,
): WeeklyWorkbook {
  const data = readOkrData(ss, { checkIns: true, lang: spreadsheetLanguageOf(ss, settings) });
  const defaultLang = data.lang;
  const tabs = findTabs(ss);
  const closed = loadClosedCycles();
  return {
    closing: closingReports(data, closed, tabs.results),
    blockers: weeklyBlockers(data.okrs, data.roster),
    model: digestModel({
      objectives: data.okrs.objectives,
      keyResults: data.okrs.keyResults,
      people: data.roster.people,
      checkIns: data.checkIns,
      now: at,
      staleDays: settings.staleDays,
      conversationRuns: settings.conversationRuns,
      calendar: cycleCalendar(settings, data.timeZone),
      closed: closedNames(closed),
      paceMargin: settings.paceMargin,
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

/**
 * Each closed cycle's results, for its closing email: the Results tab read once, only when a cycle
 * is closed (a sheet without closed cycles reads nothing more).
 */
function closingReports(
  data: ReturnType<typeof readOkrData>,
  closed: readonly ClosedCycle[],
  resultsTab: GoogleAppsScript.Spreadsheet.Sheet | null,
): Map<string, ClosingReport> | undefined {
  if (!closed.length) return undefined;
  const results = parseResults(readResultsValues(resultsTab), data.timeZone);
  return new Map(closed.map((c) => [c.name, closingReport(data.okrs, c.name, results)] as const));
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
      const refreshed = withDocumentLock(() =>
        refreshSummaryTab(book, { now: at, lang: spreadsheetLanguageOf(book, settings), settings }),
      );
      return book.getSheetByName(refreshed.sheetName)?.getSheetId() ?? null;
    },
    // The Sources' figures as the run's user (the enabling Lead), in the spreadsheet's language.
    updateSources: (settings, at) => {
      const lang = spreadsheetLanguage(spreadsheet(), settings);
      const run = updateAllSources({ email: effectiveUserEmail(), settings, lang, now: at });
      return sourceReport(run, lang);
    },
    send: sendMail,
    removeTrigger: (uid) => {
      removeTriggerById(spreadsheet(), uid);
    },
    newLeaseId: () => `${now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    effectiveUser: effectiveUserEmail,
  };
}

function weeklyError(lang: Lang, key: WeeklyMessageKey, params?: Record<string, string | number>): Error {
  return new Error(t(WEEKLY_MESSAGES, lang, key, params));
}

/**
 * The caller who may switch weekly emails (src/okr/ownership/roles.ts), the spreadsheet and their
 * language; else the refusal to answer with.
 */
function weeklyManager():
  | { ok: true; ss: GoogleAppsScript.Spreadsheet.Spreadsheet; caller: string; lang: Lang }
  | { ok: false; error: string } {
  const ctx = context();
  const refuse = (key: WeeklyMessageKey) => ({
    ok: false as const,
    error: t(WEEKLY_MESSAGES, ctx.lang, key),
  });
  if (!ctx.email) return refuse('noIdentity');
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw weeklyError(ctx.lang, 'noSpreadsheet');
  // The role check reads Team only (never the OKRs tab).
  const { caller } = withTeam(ctx, readTeam(ss, { lang: ctx.lang }));
  if (!caller.canManage) return refuse('notLead');
  return { ok: true, ss, caller: caller.email, lang: ctx.lang };
}

/** A busy lock is a refusal like the others (the Lead tries again). */
function weeklyLocked(lang: Lang, fn: () => WeeklyEmailStatus): WeeklyEmailsResult {
  try {
    return { ok: true, ...withDocumentLock(fn) };
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: t(WEEKLY_MESSAGES, lang, 'busy') };
    throw e;
  }
}

/** Installs the hourly tick (once per user), records who enabled it, and turns weekly emails on. */
export function enableWeeklyEmails(): WeeklyEmailsResult {
  const manager = weeklyManager();
  if (!manager.ok) return manager;
  const { ss, caller, lang } = manager;
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
export function disableWeeklyEmails(): WeeklyEmailsResult {
  const manager = weeklyManager();
  if (!manager.ok) return manager;
  const { ss, lang } = manager;
  return weeklyLocked(lang, () => {
    removeTickTriggers(ss);
    const store = documentStore();
    writeWeeklyState({ ...readWeeklyState(store), enabled: false, triggerId: '' }, store);
    storeSettings({ ...loadSettings(), weeklyEmails: false });
    return readDigestStatus();
  });
}

/** The hourly trigger's handler: at most two service calls when nothing is due. */
export function tick(e?: { triggerUid?: unknown }): TickOutcome & { notices?: NoticeOutcome } {
  const uid = e && typeof e === 'object' && typeof e.triggerUid === 'string' ? e.triggerUid : null;
  // The properties the run last read are kept for the agreement notices (no second read when idle).
  const ports = weeklyPorts();
  let seen: Record<string, string> | null = null;
  const readAll = () => {
    seen = ports.store.readAll();
    return seen;
  };
  const outcome = runWeeklyTick({ ...ports, store: { readAll, write: ports.store.write } }, uid);
  const notices = tickAgreementNotices(uid, seen);
  return notices ? { ...outcome, notices } : outcome;
}

/**
 * Sends the caller their own owner email (and the leadership digest when they are Leadership),
 * outside the ledger. Refused (nothing sent, the message says why) when Google hides who is calling.
 */
export function sendTestWeeklyEmail(): TestWeeklyEmailReply {
  const { settings, lang, email: caller } = context();
  if (!caller) return { sent: [], skipped: [], message: t(WEEKLY_MESSAGES, lang, 'noIdentity') };
  const result = sendTestEmailsNow(weeklyPorts(), {
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

export function getWeeklyEmailStatus(): WeeklyEmailStatus {
  return readDigestStatus();
}
