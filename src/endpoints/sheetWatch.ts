// What an open sidebar asks every few seconds: the sheet's version stamp (src/gas/sheetVersion.ts),
// to reload its state only when the sheet changed, and the rows the user's cursor is on (to follow
// it). One execution answers both, in a constant handful of calls whatever the sheet's size: never
// a read of the whole sheet.
// It takes no request (anything sent is ignored) and needs no right beyond Google's: only an editor
// of the document runs the add-on, and the answer holds no cell the caller cannot see.
import type { SheetWatch } from '../api';
import { activeOkrRows } from '../gas/selection';
import { sheetVersion } from '../gas/sheetVersion';

export function watchSheet(): SheetWatch {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { version: sheetVersion(ss), active: activeOkrRows(ss) };
}
