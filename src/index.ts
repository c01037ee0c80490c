// The whole public surface of the add-on. Every function exported here becomes a top-level
// Apps Script function (the build generates one delegating stub per export) and is therefore
// callable by any editor through google.script.run: each must validate its input, check the
// caller's right and return JSON-safe data. Nothing else in src/ is global.

import type {
  ActionResult,
  ActiveOkr,
  KeyResultResult,
  SelectCellResult,
  SettingsResult,
  SidebarState,
  TestDigestReply,
} from './api';
import * as okrSheet from './endpoints/setUpEndpoints';
import * as sidebar from './endpoints/sidebarEndpoints';
import * as weekly from './endpoints/weeklyEndpoints';
import { type RefreshSummaryResult, refreshSummaryNow } from './gas/summaryTab';
import type { DigestStatus } from './okr/weekly/weeklyRun';
import type { TickOutcome } from './okr/weekly/weeklyRunExecute';

// --- menu and sheet structure (issue 4) ---
// The work lives in src/sheets/setUpEndpoints.ts; these are the global names Apps Script calls.

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
export function getSidebarStart(): SidebarState {
  return sidebar.getSidebarStart();
}

export function getSidebarState(): SidebarState {
  return sidebar.getSidebarState();
}

export function getKeyResult(req: unknown): KeyResultResult {
  return sidebar.getKeyResult(req);
}

export function checkIn(req: unknown): ReturnType<typeof sidebar.checkIn> {
  return sidebar.checkIn(req);
}

export function acceptOwnership(req: unknown): ReturnType<typeof sidebar.acceptOwnership> {
  return sidebar.acceptOwnership(req);
}

export function declineOwnership(req: unknown): ReturnType<typeof sidebar.declineOwnership> {
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
// One hourly trigger per enabling Lead; see src/services/weeklyEndpoints.ts.

/** The run's state: period, sent, failed with reasons, remaining, finished at. */
export function getDigestStatus(): DigestStatus {
  return weekly.getDigestStatus();
}

/** Installs the hourly tick (once per user), records who enabled it, and turns weekly emails on. */
export function enableWeeklyEmails(): DigestStatus {
  return weekly.enableWeeklyEmails();
}

/** Removes the caller's tick and turns weekly emails off (another Lead's tick removes itself). */
export function disableWeeklyEmails(): DigestStatus {
  return weekly.disableWeeklyEmails();
}

/** The hourly trigger's handler: at most two service calls when nothing is due. */
export function onTick(e?: { triggerUid?: unknown }): TickOutcome {
  return weekly.tick(e);
}

/** Sends the caller their own owner email (and the digest when they are Leadership), outside the ledger. */
export function sendTestDigest(): TestDigestReply {
  return weekly.sendTestDigest();
}
// --- end ---

// --- summary (issue 5) ---
// Rewrites the Summary tab under the document lock in a constant number of Sheets calls; the rules
// live in src/okr/summary.ts and src/okr/summaryGrid.ts, the writing in src/sheets/summaryTab.ts.
export function refreshSummary(): RefreshSummaryResult {
  return refreshSummaryNow();
}
// --- end ---
