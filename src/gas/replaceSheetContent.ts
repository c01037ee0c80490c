// Replaces a generated tab's content so that a failure at any point leaves the previous content
// whole. Sheets has no transactions, and clearing the tab before writing it left it blank when a
// later write failed. Instead the new content is written into a hidden staging sheet, then copied
// over the tab in ONE call (Range.copyTo copies values and formats together). Until that copy nothing
// of the tab has changed; once it succeeds the new content is whole. The tab itself is kept (its id,
// charts, column widths, protection, and any formula in other tabs that points at it), unlike
// deleting it and renaming the staging sheet in its place.
//
// Every cell the staging sheet gets or loses, and every cell written into it, is paid for when Sheets
// commits the writes. So the staging sheet is KEPT between refreshes, hidden and emptied after each
// copy: a new sheet has Google's default 1,000 rows × 26 columns and had to be cut to the content's
// columns and grown to its rows on every refresh (at 10,000 key results 40,000 cells, 5.3 s of the
// refresh on the calibrated model), where a kept one already has the size of the last Summary. Only
// the formats that differ from a new cell's are written (as ranges, one RangeList call per value).
// https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range)
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear()
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
// https://developers.google.com/apps-script/reference/spreadsheet/range-list
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

/**
 * The staging sheet's name: no alias of any tab (src/okr/core/tabs.ts), so no reader takes it. It
 * stays in the spreadsheet, hidden and empty, between refreshes; deleting it is harmless (the next
 * refresh makes it again, at the cost of sizing a new sheet).
 */
export const STAGING_SHEET = 'Summary (refreshing)';

/** One format value and the A1 rectangles (from A1) that get it; an empty list is still one call. */
export interface StagedFormat {
  value: string;
  a1s: string[];
}

/** The new content: its values (rows × columns from A1) and its formats that a new cell lacks. */
export interface StagedContent {
  rows: number;
  columns: number;
  values: unknown[][];
  /** Written before the values, so a value is shown in its final format from the moment it is written. */
  numberFormats: StagedFormat[];
  backgrounds: StagedFormat[];
  fontWeights: StagedFormat[];
}

/**
 * Write `content` into the staging sheet, then copy it over `sheet` from A1. The copied block also
 * covers the tab's old content beyond the new size (its data range), so what the copy does not
 * overwrite with new cells it blanks, values and formats: no clear() of the tab is needed, and none
 * can leave the tab empty. Merged cells there (made by hand) are broken apart first, each merge by
 * itself (a range that cuts through a merge cannot be unmerged), so none survives to hide a line of
 * the new content.
 */
export function replaceSheetContent(ss: Spreadsheet, sheet: Sheet, content: StagedContent): void {
  const { rows, columns } = content;
  // Read everything first (Apps Script sends queued writes at the next read): the old extent, the
  // hand-made merges in it, and, when the staging sheet must be made, the user's selection, which
  // inserting a sheet moves.
  const old = sheet.getDataRange();
  const extent = { rows: Math.max(rows, old.getNumRows()), columns: Math.max(columns, old.getNumColumns()) };
  const target = rangeGrowing(sheet, extent.rows, extent.columns);
  const merges = target.getMergedRanges();
  const kept = ss.getSheetByName(STAGING_SHEET);
  const selection = kept ? null : ss.getActiveRange();
  const staging = kept ?? ss.insertSheet(STAGING_SHEET);
  try {
    // A kept sheet is empty after a refresh; one a failed or killed refresh left content in is
    // emptied here (values and formats), and hidden again if someone showed it.
    if (kept) staging.clear();
    staging.hideSheet();
    // One row below the copied block: a format value no cell has this time goes there (a RangeList
    // holds one or more ranges), so the calls are the same whatever the content; the copy leaves it.
    const spare = extent.rows + 1;
    sizeStaging(staging, spare, extent.columns);
    const block = staging.getRange(1, 1, extent.rows, extent.columns);
    const formats = (list: StagedFormat[], apply: (ranges: RangeList, value: string) => void) => {
      for (const f of list) apply(staging.getRangeList(f.a1s.length ? f.a1s : [`A${spare}`]), f.value);
    };
    formats(content.numberFormats, (r, v) => r.setNumberFormat(v));
    const written =
      rows === extent.rows && columns === extent.columns ? block : staging.getRange(1, 1, rows, columns);
    written.setValues(content.values);
    formats(content.backgrounds, (r, v) => r.setBackground(v));
    formats(content.fontWeights, (r, v) => r.setFontWeight(v as GoogleAppsScript.Spreadsheet.FontWeight));
    // Before the copy: pasting over a merge that the block cuts through is refused by Sheets. The
    // content is not touched; only a failure of the copy itself then finds the merges already undone.
    for (const merge of merges) merge.breakApart();
    block.copyTo(target);
    // Emptied, so the spreadsheet does not hold the Summary twice between refreshes.
    staging.clear();
  } catch (failed) {
    // The first error is the one to report; what it left in the staging sheet the next refresh empties.
    try {
      if (selection) selection.activate();
    } catch (_cleanup) {}
    throw failed;
  }
  // insertSheet made the new staging sheet the active one: the user gets their place back.
  if (selection) selection.activate();
}

/**
 * At least `rows` × `columns`. A new sheet has Google's default size (asked, not assumed: 1,000 rows
 * × 26 columns); a kept one the size of the last Summary. Every cell a structure change adds or
 * removes is paid for (deleting a column costs its rows, adding a row its columns), and cells the copy
 * does not take cost nothing. So columns beyond the content go BEFORE rows are added when more rows
 * are added than the sheet has (a first 10,000-key-result Summary: 14,000 cells deleted, 30,000 fewer
 * added); otherwise only the columns a wider content needs are added, and rows only when the content
 * outgrows the sheet. A kept sheet of the Summary's size makes no structure change at all.
 */
function sizeStaging(staging: Sheet, rows: number, columns: number): void {
  const maxRows = staging.getMaxRows();
  const maxColumns = staging.getMaxColumns();
  const added = Math.max(0, rows - maxRows);
  const spare = maxColumns - columns;
  if (spare < 0) staging.insertColumnsAfter(maxColumns, -spare);
  else if (spare > 0 && added > maxRows) staging.deleteColumns(columns + 1, spare);
  if (added > 0) staging.insertRowsAfter(maxRows, added);
}

/**
 * The range from A1 of `rows` × `columns`, growing the sheet first when it is smaller. getRange()
 * outside the sheet throws instead of growing it, so the common case (it fits) costs one call.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
 */
export function rangeGrowing(sheet: Sheet, rows: number, columns: number): Range {
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch (_outside) {
    const maxRows = sheet.getMaxRows();
    if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    growColumnsTo(sheet, columns);
    return sheet.getRange(1, 1, rows, columns);
  }
}

export function growColumnsTo(sheet: Sheet, columns: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
