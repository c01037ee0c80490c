// A tab's header region without reading its rows: what set-up needs of a long tab (the Check-ins
// log grows by a row per check-in; at 10,000 key results and 8 weeks it is about 54,000 rows, and a
// whole read of it costs seconds of transfer for a header).
import { HEADER_SEARCH_ROWS } from '../okr/core/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Stands for the rows not read: every cell blank but the last column's. A table planner that looks
 * at the whole grid (is the tab empty, is there data below the header, how wide is the content) then
 * decides as it would on every row: there ARE rows below (getLastRow counts only rows with content),
 * and the content reaches the data range's last column (getLastColumn is the last column with
 * content in any row). It sits below the rows where a header is searched, so it is never a header.
 */
export const ROWS_NOT_READ = '(rows not read)';

/**
 * The tab's top rows (one more than the header search, so the row below a header in the last
 * searched row is there too) at the data range's full width, then one stand-in row when the tab has
 * more rows. Two calls (getDataRange, getSheetValues) whatever the tab's length, as the whole read.
 */
export function readHeaderRegion(sheet: Sheet): unknown[][] {
  const extent = sheet.getDataRange();
  const lastRow = extent.getLastRow();
  const lastColumn = extent.getLastColumn();
  const read = Math.min(HEADER_SEARCH_ROWS + 1, lastRow);
  const top = sheet.getSheetValues(1, 1, read, lastColumn);
  if (lastRow <= read) return top;
  const standIn: unknown[] = new Array(lastColumn).fill('');
  standIn[lastColumn - 1] = ROWS_NOT_READ;
  return [...top, standIn];
}
