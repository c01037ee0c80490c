// The sheet's version stamp: what an open sidebar asks for every few seconds to learn, cheaply, that
// the sheet changed and its state must be read again (Apps Script cannot push to a sidebar).
// - A document property, shared by every user of the document, set after every write the add-on
//   makes under the document lock (lock.ts) and by the onEdit simple trigger (properties work in its
//   LIMITED auth mode). One call each way: the Properties quota is 50,000 reads/writes a day per
//   user on consumer accounts, 500,000 on Workspace, so a poll every 4 s for 8 hours (7,200) fits.
//   https://developers.google.com/apps-script/guides/services/quotas
// - Edits that run no trigger: Google runs none for script or API edits ("Script executions and API
//   requests do not cause triggers to run") and onEdit only for a changed value, so rows inserted
//   or deleted fire no onEdit. The stamp therefore also carries the OKRs and Team tabs' size (last
//   row and column, no cell read): rows added or removed by any means are noticed too. One call per
//   tab (tabSize: the data range's bounds), not getLastRow and getLastColumn, a round trip each: the
//   poll costs two round trips fewer. (An empty tab and one holding only A1 then stamp alike: the
//   onEdit that fills A1 bumps the property.)
//   https://developers.google.com/apps-script/guides/triggers#restrictions
import { TAB } from '../okr/core/tabs';
import { tabSize } from './tabReads';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const VERSION_KEY = 'okr.sheetVersion';

/** Marks the sheet changed: a new random stamp (a counter would need a lock; onEdit takes none). */
export function bumpSheetVersion(): void {
  PropertiesService.getDocumentProperties().setProperty(
    VERSION_KEY,
    `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`,
  );
}

/** The stamp as it is now: the property and the sizes of the OKRs and Team tabs (by their own names). */
export function sheetVersion(ss: Spreadsheet): string {
  const sizes = [TAB.okrs, TAB.team].map((name) => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) return '-';
    const { lastRow, lastColumn } = tabSize(sheet);
    return `${lastRow}x${lastColumn}`;
  });
  return [PropertiesService.getDocumentProperties().getProperty(VERSION_KEY) ?? '', ...sizes].join('|');
}

/**
 * After an onEdit: the user's own edit is already in the sheet; what the trigger wrote (notes,
 * Progress) is committed first when there is any, so a sidebar reading on the new stamp sees it.
 */
export function markEdited(triggerWrote: boolean): void {
  if (triggerWrote) SpreadsheetApp.flush();
  bumpSheetVersion();
}
