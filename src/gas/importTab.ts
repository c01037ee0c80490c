// Import adapter: reads the source tab and the OKRs tab once each, appends the planned rows in one
// setValues below the OKRs tab's last row. The source tab is only read, never written.

import type { ImportOkrsResult as ImportOutcome } from '../api';
import { t } from '../okr/core/i18n';
import type { Lang } from '../okr/core/model';
import { headerConflicts, parseOkrSheet } from '../okr/core/parse';
import { OKR_ALIASES } from '../okr/core/schema';
import { okrRowValues } from '../okr/core/sheetText';
import { TAB } from '../okr/core/tabs';
import { clearedEntry } from '../okr/ownership/agreementLog';
import { IMPORT_MESSAGES, type ImportResult, planImport } from '../okr/setup/import';
import { planOkrsTab } from '../okr/setup/structure';
import { appendAgreementSteps, readAgreementLog } from './agreementLog';
import { now } from './session';
import { type SetUpOptions, setUpSheets } from './setUp';
import { findNamedTabs, findTabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function importFromTab(
  ss: Spreadsheet,
  sourceName: string,
  opts: { lang: Lang } & Omit<SetUpOptions, 'examples' | 'lang'>,
): ImportOutcome {
  const { lang } = opts;
  const found = findNamedTabs(ss);
  let tabs = found.tabs;
  const ambiguousOkrs = found.ambiguous.okrs;
  if (ambiguousOkrs) {
    return {
      ok: false,
      error: t(IMPORT_MESSAGES, lang, 'tabs-ambiguous', {
        tabs: ambiguousOkrs.map((n) => `"${n}"`).join(', '),
      }),
      field: 'sheetName',
    };
  }
  // Sheet names are unique ignoring case, and getSheetByName ignores case: "okrs" is the OKRs tab.
  const own = Object.values(found.names).some(
    (name) => name !== null && name.toLowerCase() === sourceName.toLowerCase(),
  );
  if (own)
    return {
      ok: false,
      error: t(IMPORT_MESSAGES, lang, 'same-tab', { tab: sourceName }),
      field: 'sheetName',
    };
  const source = ss.getSheetByName(sourceName);
  if (!source) {
    return {
      ok: false,
      field: 'sheetName',
      error:
        lang === 'ja'
          ? `「${sourceName}」というタブがありません。タブ名を確認してください。`
          : `There is no tab named "${sourceName}". Check the tab's name.`,
    };
  }
  const sourceValues = source.getDataRange().getValues();
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/GMT';

  // The OKRs tab must exist with its columns before rows can land in it.
  let okrValues = tabs.okrs ? tabs.okrs.getDataRange().getValues() : null;
  // A required column named twice (two ID columns): rows would land in neither; nothing is written.
  const conflict = headerConflicts(okrValues, OKR_ALIASES, TAB.okrs, lang)[0];
  if (conflict) return { ok: false, error: `${conflict.message} ${conflict.hint}` };
  let didSetUp = false;
  // Ready = every known column is there (set-up would add none).
  const ready = (values: unknown[][] | null) =>
    values !== null &&
    planOkrsTab(values, { lang, userEmail: '', cycle: '', examples: false }).addHeaders === null;
  if (!ready(okrValues)) {
    // Check the source first so a failing import changes nothing at all.
    const dryRun = planImport(
      sourceValues,
      { existing: emptySheet(), columns: {}, width: 0 },
      { lang, sourceName },
    );
    if (!dryRun.ok) return { ok: false, error: dryRun.error, field: 'sheetName' };
    setUpSheets(ss, { ...opts, lang, examples: false });
    didSetUp = true;
    tabs = findTabs(ss);
    okrValues = (tabs.okrs as GoogleAppsScript.Spreadsheet.Sheet).getDataRange().getValues();
  }
  const okrs = tabs.okrs as GoogleAppsScript.Spreadsheet.Sheet;
  const okrName = okrs.getName();
  const existing = parseOkrSheet(okrValues as unknown[][], { sheetName: okrName, timeZone, lang });
  const plan = planOkrsTab(okrValues, { lang, userEmail: '', cycle: '', examples: false });
  const result: ImportResult = planImport(
    sourceValues,
    { existing, columns: plan.columns, width: plan.width },
    { lang, sourceName },
  );
  if (!result.ok) return { ok: false, error: result.error, field: 'sheetName' };
  if (result.rows.length > 0) {
    const grid = okrValues as unknown[][];
    let lastUsed = grid.length;
    while (lastUsed > 0 && grid[lastUsed - 1].every((v) => v === '' || v === null)) lastUsed--;
    const startRow = Math.max(lastUsed, plan.headerRow) + 1;
    const maxRows = okrs.getMaxRows();
    const need = startRow + result.rows.length - 1;
    if (need > maxRows) okrs.insertRowsAfter(maxRows, need - maxRows);
    okrs
      .getRange(startRow, 1, result.rows.length, plan.width)
      .setValues(result.rows.map((row) => okrRowValues(plan.columns, row, timeZone)));
    // The source's acceptances are not carried over: each such key result's owner is asked again.
    const log = result.acceptanceCleared.length ? readAgreementLog(ss) : null;
    if (log) {
      const at = now();
      appendAgreementSteps(
        log,
        result.acceptanceCleared.map((c) => clearedEntry(c.id, c.owner, opts.userEmail, at, 'import', lang)),
        lang,
      );
    }
  }
  return {
    ok: true,
    objectives: result.objectives,
    keyResults: result.keyResults,
    skippedRows: result.skippedRows.map(({ row, reason }) => ({ row, reason })),
    columns: result.columns,
    setUp: didSetUp,
    shape: result.shape,
    preview: result.preview,
    doubts: result.doubts,
  };
}

function emptySheet() {
  return { columns: {}, headers: [], objectives: [], keyResults: [], problems: [] };
}
