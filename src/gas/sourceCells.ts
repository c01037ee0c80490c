// Reads what key results' Sources point at, each tab and each named range ONCE per operation
// (values and number formats of one range), however many key results point there: never a call per
// key result. Same spreadsheet only (the scope is spreadsheets.currentonly).
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRangeByName(String)
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
import type { SourceGrid, SourceReads } from '../okr/source/sourceRead';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function gridOf(range: Range, tab: string, row: number, column: number): SourceGrid {
  // The number formats tell a 45% cell (0.45) from a plain 0.45.
  return { values: range.getValues(), formats: range.getNumberFormats(), row, column, tab };
}

/**
 * `known`: what this operation has read already (the add-on never writes to a Source's tab, so those
 * cells are still true): only the tabs and names it lacks are read.
 */
export function readSourceCells(
  ss: Spreadsheet,
  needs: { tabs: string[]; names: string[] },
  known?: SourceReads | null,
): SourceReads {
  const tabs = new Map<string, SourceGrid | null>(known?.tabs ?? []);
  for (const name of needs.tabs) {
    if (tabs.has(name)) continue;
    const sheet = ss.getSheetByName(name);
    // The data range starts at A1; a cell beyond it is empty.
    tabs.set(name, sheet ? gridOf(sheet.getDataRange(), sheet.getName(), 1, 1) : null);
  }
  const names = new Map<string, SourceGrid | null>(known?.names ?? []);
  for (const name of needs.names) {
    if (names.has(name)) continue;
    // Null when the spreadsheet has no range of that name (Google's documented answer).
    const range = ss.getRangeByName(name);
    names.set(
      name,
      range ? gridOf(range, range.getSheet().getName(), range.getRow(), range.getColumn()) : null,
    );
  }
  return { tabs, names };
}
