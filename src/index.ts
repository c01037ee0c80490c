// The whole public surface of the add-on. Every function exported here becomes a top-level
// Apps Script function (the build generates one delegating stub per export) and is therefore
// callable by any editor through google.script.run: each must validate its input, check the
// caller's right and return JSON-safe data. Nothing else in src/ is global. Each is a thin wrapper
// over its use case in src/endpoints/ and answers a type declared in src/api.ts (the contract).

import type {
  ActionResult,
  ActiveOkr,
  CheckInResult,
  CheckSheetResult,
  CyclesResult,
  EditOutcome,
  ImportConfirmResult,
  ImportOkrsResult,
  ImportPreviewResult,
  KeyResultHistoryResult,
  KeyResultResult,
  MyWeeklyEmailResult,
  RefreshSummaryResult,
  SelectCellResult,
  SettingsResult,
  SetUpResult,
  SheetWatch,
  SidebarState,
  TeamViewResult,
  TestWeeklyEmailReply,
  UpdateSourcesResult,
  WeeklyEmailStatus,
  WeeklyEmailsResult,
} from './api';
import * as assignOwners from './endpoints/assignOwners';
import * as checkSheet from './endpoints/checkSheet';
import * as cycles from './endpoints/cycleClose';
import * as editCheck from './endpoints/editCheck';
import * as emailChoice from './endpoints/emailChoice';
import * as importFlat from './endpoints/importOkrs';
import * as importTwoStep from './endpoints/importPreview';
import * as keyResult from './endpoints/keyResult';
import * as history from './endpoints/keyResultHistory';
import * as menu from './endpoints/menu';
import * as openReminder from './endpoints/openReminder';
import * as summary from './endpoints/refreshSummary';
import * as rowWrites from './endpoints/rowWrites';
import * as selection from './endpoints/selection';
import * as selfCheck from './endpoints/selfCheck';
import * as settings from './endpoints/settings';
import * as setUpSheet from './endpoints/setUpSheet';
import * as sheetWatch from './endpoints/sheetWatch';
import * as agreements from './endpoints/sidebar/agreements';
import * as sidebarStart from './endpoints/sidebarStart';
import * as sources from './endpoints/sourceUpdate';
import * as teamView from './endpoints/teamView';
import * as weekly from './endpoints/weeklyEndpoints';

// --- menu, sheet structure and the onEdit check ---

/**
 * Builds Extensions → OKR Owners (in AuthMode.NONE that is all it does), then reminds the person
 * what needs them when Google says who they are (src/endpoints/openReminder.ts).
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  menu.buildMenu(e);
  openReminder.remindOnOpen(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  menu.buildMenu(e);
  openReminder.remindOnOpen(e);
}

export function showSidebar(): void {
  menu.openSidebar();
}

/** Creates or repairs the OKRs, Team, Check-ins and Summary tabs; a second run changes nothing. */
export function setUpOkrSheet(): SetUpResult {
  return setUpSheet.setUpOkrSheet();
}

/** Every problem of the sheet with its code, ID and cell, and the counts; read-only. */
export function validateOkrs(): CheckSheetResult {
  return checkSheet.checkSheet();
}

/** Menu: Check problems (validate, toast the counts, open the sidebar's list). */
export function showProblems(): CheckSheetResult {
  return checkSheet.showProblems();
}

/** Converts a flat OKR tab ({sheetName}) into OKRs rows; the source tab is left untouched. */
export function importOkrs(req: unknown): ImportOkrsResult {
  return importFlat.importOkrs(req);
}

/** Menu: Import OKRs from this tab: opens the sidebar on Import's preview of the active tab. */
export function importOkrsFromActiveTab(): void {
  importFlat.importOkrsFromActiveTab();
}

/** Simple trigger: flags pasted bad owners, recomputes Progress of the edited rows. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): EditOutcome | null {
  return editCheck.handleEdit(e);
}

// --- the sidebar: each parses its argument, checks the caller against Team (src/okr/ownership/
// roles.ts) and writes by ID under the document lock ---

export function getSidebarStart(): SidebarState {
  return sidebarStart.getSidebarStart();
}

export function getSidebarState(): SidebarState {
  return sidebarStart.getSidebarState();
}

export function getKeyResult(req: unknown): KeyResultResult {
  return keyResult.getKeyResult(req);
}

export function checkIn(req: unknown): CheckInResult {
  return rowWrites.checkIn(req);
}

export function acceptOwnership(req: unknown): CheckInResult {
  return rowWrites.acceptOwnership(req);
}

export function declineOwnership(req: unknown): CheckInResult {
  return rowWrites.declineOwnership(req);
}

export function assignOwner(req: unknown): ActionResult {
  return assignOwners.assignOwner(req);
}

export function addObjective(req: unknown): ActionResult {
  return assignOwners.addObjective(req);
}

export function addKeyResult(req: unknown): ActionResult {
  return assignOwners.addKeyResult(req);
}

export function selectCell(req: unknown): SelectCellResult {
  return selection.selectCell(req);
}

export function getActiveOkrId(): ActiveOkr {
  return selection.getActiveOkrId();
}

/** The sidebar's poll: the sheet's version stamp (reload when it changed) and the active rows. */
export function watchSheet(): SheetWatch {
  return sheetWatch.watchSheet();
}

export function getSettings(): SettingsResult {
  return settings.getSettings();
}

export function saveSettings(req: unknown): SettingsResult {
  return settings.saveSettings(req);
}

// --- weekly emails: one hourly trigger per enabling Lead (src/endpoints/weeklyEndpoints.ts) ---

/** The run's state: period, sent, failed with reasons, remaining, finished at. */
export function getWeeklyRunStatus(): WeeklyEmailStatus {
  return weekly.getWeeklyEmailStatus();
}

/** Installs the hourly tick (once per user), records who enabled it, and turns weekly emails on. */
export function enableWeeklyEmails(): WeeklyEmailsResult {
  return weekly.enableWeeklyEmails();
}

/** Removes the caller's tick and turns weekly emails off (another Lead's tick removes itself). */
export function disableWeeklyEmails(): WeeklyEmailsResult {
  return weekly.disableWeeklyEmails();
}

/**
 * The hourly trigger's handler: at most two service calls when nothing is due. A trigger, not a
 * sidebar endpoint: its answer's type stays with the weekly run (src/okr/weekly/weeklyRunExecute.ts).
 */
export function onTick(e?: { triggerUid?: unknown }): weekly.TickOutcome {
  return weekly.tick(e);
}

/** Sends the caller their own weekly email (and the leadership digest when they are Leadership), outside the ledger. */
export function sendTestWeeklyEmail(): TestWeeklyEmailReply {
  return weekly.sendTestWeeklyEmail();
}

// --- the Summary tab (src/endpoints/refreshSummary.ts; the rules in src/okr/summary/) ---

/** Rewrites the Summary tab under the document lock in a constant number of Sheets calls. */
export function refreshSummary(): RefreshSummaryResult {
  return summary.refreshSummary();
}

// --- the self-check after a deployment (src/endpoints/selfCheck.ts; docs/kits.md) ---

/** Menu (when switched on): a Lead's end-to-end smoke check in this spreadsheet, pass/fail per step. */
export function runSelfCheck(): selfCheck.SelfCheckResult {
  return selfCheck.runSelfCheck();
}

/** Shows (true, the default) or hides (false) the self-check in the menu of this spreadsheet; Lead only. */
export function enableSelfCheck(on?: unknown): { ok: boolean; message: string } {
  return selfCheck.enableSelfCheck(on);
}

// --- managers and each person's own email (src/endpoints/teamView.ts, src/endpoints/emailChoice.ts) ---

/** My team: the caller's (or, for a Lead, {manager}'s) reports' key results that need a conversation. */
export function getTeamView(req?: unknown): TeamViewResult {
  return teamView.getTeamView(req);
}

/** The caller's own weekly email ({choice}: always, needed, never), stored for the weekly run. */
export function saveMyWeeklyEmail(req: unknown): MyWeeklyEmailResult {
  return emailChoice.saveMyWeeklyEmail(req);
}

// --- a key result's history and its Source (src/endpoints/keyResultHistory.ts, sourceUpdate.ts) ---

/** A key result's check-ins for its chart and list; read by whoever may see the key result. */
export function getKeyResultHistory(req: unknown): KeyResultHistoryResult {
  return history.getKeyResultHistory(req);
}

/** Reads the key result's Source and records its figure as a check-in marked "from source". */
export function updateFromSource(req: unknown): ActionResult {
  return sources.updateFromSource(req);
}

/** A Lead's update of every key result from its Source (the weekly run does it once a week). */
export function updateAllFromSources(): UpdateSourcesResult {
  return sources.updateAllFromSources();
}

// --- Import's preview and its confirm (src/endpoints/importPreview.ts) ---

/** What Import would write from a tab ({sheetName?}; default the active tab); writes nothing. */
export function previewImport(req: unknown): ImportPreviewResult {
  return importTwoStep.previewImport(req);
}

/** Writes exactly what the preview showed ({sheetName, fingerprint, renames}); refuses if it changed. */
export function confirmImport(req: unknown): ImportConfirmResult {
  return importTwoStep.confirmImport(req);
}

// --- ownership as an agreement (src/endpoints/sidebar/agreements.ts; rules in src/okr/ownership/) ---

/** The owner proposes other figures for a key result (target, start, due) with a reason. */
export function proposeAgreement(req: unknown): CheckInResult {
  return agreements.proposeAgreement(req);
}

/** The approver agrees to, counters or refuses a proposal; the owner agrees to a counter. */
export function respondAgreement(req: unknown): CheckInResult {
  return agreements.respondAgreement(req);
}

// --- cycles: close, roll over, retrospectives (src/endpoints/cycles.ts; the rules in src/okr/cycle/) ---

/** The Cycles view: the sheet's cycles, which are closed, what can be carried over. */
export function getCycles(): CyclesResult {
  return cycles.getCycles();
}

/** A Lead closes a cycle: final scores in the Results tab, owners asked for a retrospective. */
export function closeCycle(req: unknown): CyclesResult {
  return cycles.closeCycle(req);
}

/** A Lead carries a closed cycle's unfinished key results (some or all) into the next cycle. */
export function rollOver(req: unknown): CyclesResult {
  return cycles.rollOver(req);
}

/** The owner's retrospective of a closed cycle's key result (and an adjusted score, with a reason). */
export function saveRetrospective(req: unknown): ActionResult {
  return cycles.saveRetrospective(req);
}

/** A Lead reopens a closed cycle, so its rows can be changed again (closing again records new scores). */
export function reopenCycle(req: unknown): CyclesResult {
  return cycles.reopenCycle(req);
}
