// The Agreements tab as the add-on reads and appends to it: found by its name (else an alias), read
// in one getValues, appended in one insert and one setValues under the entries already there. Text
// goes through the one text rule (asSheetText: a reason starting with "=" stays text).
import type { ColumnMap, Lang } from '../okr/core/model';
import { tableLayout } from '../okr/core/parse';
import { asSheetText } from '../okr/core/sheetText';
import { TAB } from '../okr/core/tabs';
import {
  AGREEMENT_ALIASES,
  type AgreementColumn,
  type AgreementEntry,
  agreementLogRow,
  parseAgreementLog,
} from '../okr/ownership/agreementLog';
import { findTabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Agreements tab, or null when the sheet has none (set-up creates it). */
export function agreementTab(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(TAB.agreements) ?? findTabs(ss).agreements;
}

export interface AgreementLog {
  sheet: Sheet;
  values: unknown[][];
  entries: AgreementEntry[];
}

/** The log read once; null without the tab (then nothing is said or checked about agreements). */
export function readAgreementLog(ss: Spreadsheet): AgreementLog | null {
  const sheet = agreementTab(ss);
  return sheet ? agreementLogOf(sheet) : null;
}

/** The Agreements tab `sheet` read whole, in one getValues. */
export function agreementLogOf(sheet: Sheet): AgreementLog {
  const values = sheet.getDataRange().getValues();
  return { sheet, values, entries: parseAgreementLog(values) };
}

/**
 * Appends `entries` below the last row of the log as read (`log.values`), in the sheet's language.
 * Returns false, writing nothing, when the tab has no ID or Step column (set-up repairs it).
 */
export function appendAgreementSteps(
  log: AgreementLog,
  entries: readonly AgreementEntry[],
  lang: Lang,
): boolean {
  if (entries.length === 0) return true;
  const layout = tableLayout(log.values, AGREEMENT_ALIASES);
  if (layout.columns.id === undefined || layout.columns.step === undefined) return false;
  const width = Math.max(1, log.values[0]?.length ?? 1);
  const rows = entries.map((e) => agreementStepRow(e, layout.columns, width, lang));
  let last = log.values.length;
  while (last > layout.headerRow + 1 && log.values[last - 1].every((v) => v === '' || v === null)) last--;
  // A range below the sheet's last row throws, so the rows are inserted first (as the Check-ins log).
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  log.sheet.insertRowsAfter(Math.max(last, 1), rows.length);
  log.sheet.getRange(Math.max(last, 1) + 1, 1, rows.length, width).setValues(rows);
  log.values.splice(
    Math.max(last, 1),
    0,
    ...rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v))),
  );
  log.entries.push(...entries);
  return true;
}

/**
 * A log row for `entry` in the sheet's language, placed by the log's header (`columns`, `width`), as
 * the add-on writes it: the time as a Date, text through the one text rule.
 */
export function agreementStepRow(
  entry: AgreementEntry,
  columns: ColumnMap<AgreementColumn>,
  width: number,
  lang: Lang,
): unknown[] {
  return agreementLogRow(entry, columns, Math.max(1, width), lang, (ms) => new Date(ms), asSheetText);
}
