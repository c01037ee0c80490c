// Applies the set-up plan (src/okr/setup/structure.ts): creates missing tabs, adds missing headers and the
// example, and (re)applies dropdowns, formats, conditional formats and protections. Every rule
// covers a whole column range (first data row to the sheet's last row), so the number of Sheets
// calls depends on the number of tabs and columns, never on the number of rows. Re-applying the
// same rules is a no-op in effect, which makes a second run change nothing.
import type { SetUpReport } from '../api';
import type { Lang } from '../okr/core/model';
import { headerConflicts } from '../okr/core/parse';
import { CHECK_IN_ALIASES, OKR_ALIASES, TEAM_ALIASES } from '../okr/core/schema';
import { safeRow } from '../okr/core/sheetText';
import { TAB, type TabKey } from '../okr/core/tabs';
import { collision, hasAddOnName, isTeamsOwnTab, type TableTab } from '../okr/setup/import/tabCollisions';
import {
  COMPUTED_OKR_COLUMNS,
  type ConditionalSpec,
  checkInFormats,
  HEADER_STYLE,
  initialProgressColumn,
  okrConditionalFormats,
  okrFormats,
  okrValidations,
  PROTECTION_NOTE,
  planAgreementsTab,
  planCheckInsTab,
  planOkrsTab,
  planTeamTab,
  type TabPlan,
  teamValidations,
  type ValidationSpec,
} from '../okr/setup/structure';
import { baselineAgreements } from './agreementBaseline';
import { readHeaderRegion } from './headerRegion';
import { findTabs, type Tabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetUpOptions {
  lang: Lang;
  /** The person running set-up (first Team member, example owner); '' when unknown. */
  userEmail: string;
  /** e.g. "2026-Q4", for the example rows. */
  cycle: string;
  /** Add the example objective to an empty OKRs tab (import turns this off). */
  examples: boolean;
}

const LOG_PROTECTION = 'OKR Owners: append-only log (written by the add-on)';
const SUMMARY_PROTECTION = 'OKR Owners: generated summary';

/** Set-up refused before writing anything; the message says why and what to do. */
export class SetUpRefusal extends Error {}

/** `found`: the tabs as the caller just found them under the same lock (saves listing the sheets again). */
export function setUpSheets(ss: Spreadsheet, opts: SetUpOptions, found: Tabs = findTabs(ss)): SetUpReport {
  const report: SetUpReport = {
    created: [],
    headersAdded: [],
    exampleRows: 0,
    teamMemberAdded: false,
    progressFilled: 0,
    protectionsAdded: [],
    rulesApplied: { validations: 0, formats: 0, conditionalFormats: 0 },
    changed: false,
  };
  const tabs = found;
  const read = (key: TableTab) => adoptTab(ss, tabs, key, opts.lang);
  const teamValues = read('team');
  const teamPlan = planTeamTab(teamValues, { lang: opts.lang, userEmail: opts.userEmail });
  const okrValues = read('okrs');
  const okrPlan = planOkrsTab(okrValues, {
    lang: opts.lang,
    userEmail: opts.userEmail,
    cycle: opts.cycle,
    examples: opts.examples,
  });
  // The log is only planned from its header (it can be tens of thousands of rows): its top rows,
  // which also tell whether the tab is the team's own (its header lacks the log's columns).
  const logValues = adoptTab(ss, tabs, 'checkIns', opts.lang, readHeaderRegion);
  const logPlan = planCheckInsTab(logValues, opts.lang);
  // A required column named twice (two Owner columns): nothing is written until one is left. (The
  // tabs' own names, not asked: the message names the tab as the add-on calls it.)
  const conflict = [
    ...headerConflicts(okrValues, OKR_ALIASES, TAB.okrs, opts.lang),
    ...headerConflicts(teamValues, TEAM_ALIASES, TAB.team, opts.lang),
    ...headerConflicts(logValues, CHECK_IN_ALIASES, TAB.checkIns, opts.lang),
  ][0];
  if (conflict) throw new SetUpRefusal(`${conflict.message} ${conflict.hint}`);

  const okrs = applyTable(ss, tabs, 'okrs', okrPlan, report);
  const team = applyTable(ss, tabs, 'team', teamPlan, report);
  const log = applyTable(ss, tabs, 'checkIns', logPlan, report);
  // The Agreements log, next to Check-ins: a new one records the acceptances already in the sheet.
  const agreementPlan = planAgreementsTab(read('agreements'), opts.lang);
  const agreements = applyTable(ss, tabs, 'agreements', agreementPlan, report);
  if (report.created.includes(agreements.sheet.getName()))
    baselineAgreements(agreements.sheet, okrValues, {
      ...opts,
      timeZone: ss.getSpreadsheetTimeZone() || 'Etc/GMT',
    });
  if (okrPlan.addRows) report.exampleRows = okrPlan.addRows.rows.length;
  const progress = initialProgressColumn(okrValues, okrPlan, ss.getSpreadsheetTimeZone() || 'Etc/GMT');
  if (progress && okrPlan.columns.progress !== undefined) {
    okrs.sheet
      .getRange(progress.startRow, okrPlan.columns.progress + 1, progress.values.length, 1)
      .setValues(progress.values);
    report.progressFilled = progress.values.filter((r) => r[0] !== '').length;
  }
  if (teamPlan.addRows) report.teamMemberAdded = true;

  // Team first: the Owner dropdown points at its email column.
  const teamEmails =
    teamPlan.columns.email === undefined
      ? null
      : team.sheet.getRange(teamPlan.headerRow + 1, teamPlan.columns.email + 1, team.dataRows, 1);
  applyValidations(
    team.sheet,
    teamPlan.headerRow,
    team.dataRows,
    teamValidations(teamPlan.columns, opts.lang),
    null,
    report,
  );
  applyValidations(
    okrs.sheet,
    okrPlan.headerRow,
    okrs.dataRows,
    okrValidations(okrPlan.columns, opts.lang, okrPlan.valueLang),
    teamEmails,
    report,
  );
  applyFormats(
    [
      {
        sheet: okrs.sheet,
        headerRow: okrPlan.headerRow,
        dataRows: okrs.dataRows,
        formats: okrFormats(okrPlan.columns),
      },
      {
        sheet: log.sheet,
        headerRow: logPlan.headerRow,
        dataRows: log.dataRows,
        formats: checkInFormats(logPlan.columns),
      },
    ],
    report,
  );
  applyConditionalFormats(
    okrs.sheet,
    okrPlan.headerRow,
    okrs.dataRows,
    okrConditionalFormats(okrPlan.columns, okrPlan.width, okrPlan.headerRow, {
      sheetName: team.sheet.getName(),
      emailColumn: teamPlan.columns.email,
    }),
    report,
  );

  // Computed columns warn before a person overwrites them; so do the log and the summary.
  const rangeProtections = okrs.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!rangeProtections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    for (const c of COMPUTED_OKR_COLUMNS) {
      const i = okrPlan.columns[c];
      if (i === undefined) continue;
      okrs.sheet
        .getRange(okrPlan.headerRow + 1, i + 1, okrs.dataRows, 1)
        .protect()
        .setDescription(PROTECTION_NOTE)
        .setWarningOnly(true);
      report.protectionsAdded.push(`${okrs.sheet.getName()}:${c}`);
    }
  }
  protectSheet(log.sheet, LOG_PROTECTION, report);
  protectSheet(agreements.sheet, LOG_PROTECTION, report);

  let summary = tabs.summary;
  if (!summary) {
    summary = ss.insertSheet(TAB.summary);
    report.created.push(TAB.summary);
    summary
      .getRange(1, 1, 2, 1)
      .setValues([
        [opts.lang === 'ja' ? 'サマリー（自動生成）' : 'Summary (generated)'],
        [
          opts.lang === 'ja'
            ? '拡張機能 → OKR Owners →「サマリーを更新」で作成されます。手で編集しないでください。'
            : 'Filled in by Extensions → OKR Owners → Refresh summary. Do not edit by hand.',
        ],
      ]);
  }
  protectSheet(summary, SUMMARY_PROTECTION, report);

  if (report.created.includes(okrs.sheet.getName())) {
    // A new OKRs tab: readable widths for the long columns, and the user lands on it.
    const widths: Array<[number | undefined, number]> = [
      [okrPlan.columns.title, 320],
      [okrPlan.columns.owner, 220],
      [okrPlan.columns.note, 240],
    ];
    for (const [i, width] of widths) if (i !== undefined) okrs.sheet.setColumnWidth(i + 1, width);
    okrs.sheet.activate();
  }

  report.changed =
    report.created.length > 0 ||
    report.headersAdded.length > 0 ||
    report.exampleRows > 0 ||
    report.teamMemberAdded ||
    report.progressFilled > 0 ||
    report.protectionsAdded.length > 0;
  return report;
}

/**
 * The values of one of the add-on's tabs, or null when it is missing or a team's own tab that only
 * carries an add-on name (tabCollisions.ts): one found through an alias is left alone (set-up makes
 * the add-on's tab under its own name), one with the add-on's own name stops set-up before anything
 * is written, naming it, since the add-on cannot make its tab beside it.
 */
function adoptTab(
  ss: Spreadsheet,
  tabs: Tabs,
  key: TableTab,
  lang: Lang,
  readValues: (sheet: Sheet) => unknown[][] = (sheet) => sheet.getDataRange().getValues(),
): unknown[][] | null {
  const sheet = tabs[key];
  if (!sheet) return null;
  const values = readValues(sheet);
  if (!isTeamsOwnTab(key, values)) return values;
  const name = sheet.getName();
  if (hasAddOnName(key, name)) {
    const taken = ss.getSheets().map((s) => s.getName());
    throw new SetUpRefusal(collision(key, name, values, taken, lang, 'set-up').message);
  }
  tabs[key] = null;
  return null;
}

/** Create the tab if needed, make room, write the missing headers and example rows, style the header. */
function applyTable<K extends string>(
  ss: Spreadsheet,
  tabs: Record<TabKey, Sheet | null>,
  key: TabKey,
  plan: TabPlan<K>,
  report: SetUpReport,
): { sheet: Sheet; dataRows: number } {
  let sheet = tabs[key];
  if (!sheet) {
    sheet = ss.insertSheet(TAB[key]);
    tabs[key] = sheet;
    report.created.push(TAB[key]);
  }
  const maxColumns = sheet.getMaxColumns();
  if (plan.width > maxColumns) sheet.insertColumnsAfter(maxColumns, plan.width - maxColumns);
  let maxRows = sheet.getMaxRows();
  const neededRows = plan.headerRow + Math.max(1, plan.addRows ? plan.addRows.rows.length : 0);
  if (neededRows > maxRows) {
    sheet.insertRowsAfter(maxRows, neededRows - maxRows + 100);
    maxRows = neededRows + 100;
  }
  if (plan.addHeaders) {
    sheet
      .getRange(plan.headerRow, plan.addHeaders.startColumn, 1, plan.addHeaders.headers.length)
      .setValues([plan.addHeaders.headers]);
    report.headersAdded.push({ tab: sheet.getName(), headers: plan.addHeaders.headers });
  }
  if (plan.addRows) {
    const rows = plan.addRows.rows.map(safeRow);
    sheet.getRange(plan.addRows.startRow, 1, rows.length, rows[0].length).setValues(rows);
  }
  sheet.setFrozenRows(plan.headerRow);
  sheet
    .getRange(plan.headerRow, 1, 1, Math.max(1, plan.width))
    .setFontWeight(HEADER_STYLE.fontWeight)
    .setBackground(HEADER_STYLE.background);
  return { sheet, dataRows: Math.max(1, maxRows - plan.headerRow) };
}

function columnRange(sheet: Sheet, headerRow: number, dataRows: number, column: number) {
  return sheet.getRange(headerRow + 1, column + 1, dataRows, 1);
}

function applyValidations(
  sheet: Sheet,
  headerRow: number,
  dataRows: number,
  specs: ValidationSpec[],
  teamEmails: GoogleAppsScript.Spreadsheet.Range | null,
  report: SetUpReport,
): void {
  for (const spec of specs) {
    const builder = SpreadsheetApp.newDataValidation();
    if (spec.kind === 'list') builder.requireValueInList(spec.values, true);
    else if (spec.kind === 'date') builder.requireDate();
    else if (teamEmails) builder.requireValueInRange(teamEmails, true);
    else continue;
    const rule = builder.setAllowInvalid(spec.allowInvalid).setHelpText(spec.help).build();
    columnRange(sheet, headerRow, dataRows, spec.column).setDataValidation(rule);
    report.rulesApplied.validations++;
  }
}

/**
 * Number formats on whole columns, written only where a cell lacks it: a second set-up finds them in
 * place, and reading a column's formats costs far less than rewriting it (a read transfers a cell
 * for about a seventh of what a committed write costs, local/runtime/latency.ts). Every column is
 * read before any is written, so the reads make one commit of what was queued, not one each.
 */
function applyFormats(
  tables: Array<{
    sheet: Sheet;
    headerRow: number;
    dataRows: number;
    formats: Array<{ column: number; format: string }>;
  }>,
  report: SetUpReport,
): void {
  const columns = tables.flatMap((t) =>
    t.formats.map((f) => ({
      range: columnRange(t.sheet, t.headerRow, t.dataRows, f.column),
      format: f.format,
    })),
  );
  const missing = columns.filter((c) => c.range.getNumberFormats().some((row) => row[0] !== c.format));
  for (const c of missing) c.range.setNumberFormat(c.format);
  report.rulesApplied.formats += columns.length;
}

/** Replace the add-on's own rules (recognised by their marker) and keep every rule the user made. */
function applyConditionalFormats(
  sheet: Sheet,
  headerRow: number,
  dataRows: number,
  specs: ConditionalSpec[],
  report: SetUpReport,
): void {
  const existing = sheet.getConditionalFormatRules();
  const theirs = existing.filter((rule) => {
    const condition = rule.getBooleanCondition();
    if (!condition) return true;
    return !condition.getCriteriaValues().some((v) => String(v).includes('okr-owners'));
  });
  const ours = specs.map((spec) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges([
        sheet.getRange(headerRow + 1, spec.fromColumn + 1, dataRows, spec.toColumn - spec.fromColumn + 1),
      ]);
    if (spec.bold) builder = builder.setBold(true);
    if (spec.fontColor) builder = builder.setFontColor(spec.fontColor);
    return builder.build();
  });
  sheet.setConditionalFormatRules([...theirs, ...ours]);
  report.rulesApplied.conditionalFormats += ours.length;
}

function protectSheet(sheet: Sheet, description: string, report: SetUpReport): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  if (existing.length > 0) return;
  sheet.protect().setDescription(description).setWarningOnly(true);
  report.protectionsAdded.push(sheet.getName());
}
