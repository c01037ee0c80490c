// Import OKRs in one step: a tab people already keep (objective, key result, owner … in any shape,
// English or Japanese headers) becomes OKRs rows (src/gas/importTab.ts); the source tab is only read.
// For those who may manage, under the document lock. The sidebar goes through the preview and its
// confirm instead (src/endpoints/importPreview.ts); the menu item opens that preview.
import type { ImportOkrsResult } from '../api';
import { importFromTab, readTeamOnce } from '../gas/importTab';
import { BusyError, withDocumentLock } from '../gas/lock';
import { todaysQuarter } from '../okr/core/cycle';
import { t } from '../okr/core/i18n';
import { context } from './context';
import { openSidebar } from './menu';
import { SHEET_TEXT, structureRefusal } from './sheetMessages';

export function importOkrs(req: unknown): ImportOkrsResult {
  const ctx = context();
  const { lang } = ctx;
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    return { ok: false, error: t(SHEET_TEXT, lang, 'not-object', { example: '{ sheetName: "My OKRs" }' }) };
  }
  const raw = (req as { sheetName?: unknown }).sheetName;
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 100) {
    return { ok: false, error: t(SHEET_TEXT, lang, 'sheet-name'), field: 'sheetName' };
  }
  const sheetName = raw;
  try {
    return withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const team = readTeamOnce(ss, lang);
      const refusal = structureRefusal(ctx.email, team.people, lang, 'import');
      if (refusal) return { ok: false as const, error: refusal };
      return importFromTab(ss, sheetName, team, {
        lang,
        userEmail: ctx.email,
        cycle: todaysQuarter(ss.getSpreadsheetTimeZone() || 'Etc/GMT', ctx.now),
      });
    });
  } catch (err) {
    if (err instanceof BusyError) return { ok: false, error: t(SHEET_TEXT, lang, 'busy') };
    throw err;
  }
}

/**
 * Menu → Import OKRs from this tab: opens the sidebar on Import's preview of the active tab. Nothing
 * is written until the user confirms there.
 */
export function importOkrsFromActiveTab(): void {
  openSidebar('import');
}
