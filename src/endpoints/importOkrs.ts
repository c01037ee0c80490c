// Import OKRs: a flat tab people already keep (objective, key result, owner … in any order, English
// or Japanese headers) becomes OKRs rows (src/gas/importTab.ts); the source tab is only read. For
// those who may manage, under the document lock.
import type { ImportOkrsResult } from '../api';
import { importFromTab } from '../gas/importTab';
import { BusyError, withDocumentLock } from '../gas/lock';
import { readTeam } from '../gas/team';
import { todaysQuarter } from '../okr/core/cycle';
import { format, t } from '../okr/core/i18n';
import { context } from './context';
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
      const refusal = structureRefusal(ctx.email, readTeam(ss, { lang }).people, lang, 'import');
      if (refusal) return { ok: false as const, error: refusal };
      return importFromTab(ss, sheetName, {
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

export function importOkrsFromActiveTab(): ImportOkrsResult {
  const { lang } = context();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = importOkrs({ sheetName: ss.getActiveSheet().getName() });
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) {
    ui.alert(t(SHEET_TEXT, lang, 'import-title'), result.error, ui.ButtonSet.OK);
    return result;
  }
  const lines = [
    t(SHEET_TEXT, lang, 'imported', { objectives: result.objectives, keyResults: result.keyResults }),
  ];
  if (result.skippedRows.length > 0) {
    lines.push('', t(SHEET_TEXT, lang, 'skipped'));
    for (const s of result.skippedRows.slice(0, 10)) lines.push(`• ${s.reason}`);
    if (result.skippedRows.length > 10) lines.push(format('… +{n}', { n: result.skippedRows.length - 10 }));
  }
  ui.alert(t(SHEET_TEXT, lang, 'import-title'), lines.join('\n'), ui.ButtonSet.OK);
  return result;
}
