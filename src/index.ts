// The whole public surface of the add-on. Every function exported here becomes a top-level
// Apps Script function (the build generates one delegating stub per export) and is therefore
// callable by any editor through google.script.run: each must validate its input, check the
// caller's right and return JSON-safe data. Nothing else in src/ is global.

// --- menu and sheet structure (issue 4) ---
export function onOpen(): void {
  // Runs in AuthMode.NONE before the add-on is used in this document: build the menu, nothing else.
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKR Owners'));
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
  return sidebar.getSettings(() => null);
}

export function saveSettings(req: unknown): SettingsResult {
  return sidebar.saveSettings(req, () => null);
}
// --- end ---
