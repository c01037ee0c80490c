// Reads of a tab's shape and of some of its columns, shared by the readers that take less than the
// whole tab (the OKRs tab's header, the Check-ins log's progress columns, the Agreements log's columns).
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab's last row and column with content in ONE round trip: the data range's bounds (range
 * geometry is computed locally), where getLastRow and getLastColumn are a round trip each (about
 * 124 ms apiece on the calibrated model). Google: getDataRange is "functionally equivalent to
 * creating a Range bounded by A1 and (Sheet.getLastColumn(), Sheet.getLastRow())"; on an empty tab
 * that range is still A1 (1×1), so a caller that must tell an empty tab from one holding only A1
 * looks at that cell.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
 */
export function tabSize(sheet: Sheet): { lastRow: number; lastColumn: number } {
  const extent = sheet.getDataRange();
  return { lastRow: extent.getLastRow(), lastColumn: extent.getLastColumn() };
}

/**
 * Reads the cells of `columns` (0-based, any order) from row `row` (1-based), `count` rows, into
 * `grid` (shaped like the tab: grid[r - 1][c] is the cell at row r, column c): one read per group of
 * columns, adjacent ones together, and two groups whose gap costs at most `mergeCells` cells (the gap
 * times `count`) as one, the cells between read too (a read is a round trip; a cell costs far less).
 * `read` is the call that reads (1-based row and column, rows, columns), as the caller counts it.
 */
export function readColumnGroups(
  read: (row: number, column: number, rows: number, columns: number) => unknown[][],
  grid: unknown[][],
  columns: readonly number[],
  row: number,
  count: number,
  mergeCells = 0,
): void {
  if (count < 1) return;
  const groups: Array<{ from: number; to: number }> = [];
  for (const c of [...new Set(columns)].sort((x, y) => x - y)) {
    const open = groups[groups.length - 1];
    if (open && (c - open.to - 1) * count <= mergeCells) open.to = c;
    else groups.push({ from: c, to: c });
  }
  for (const g of groups) {
    const values = read(row, g.from + 1, count, g.to - g.from + 1);
    values.forEach((cells, i) => {
      const target = grid[row - 1 + i];
      cells.forEach((v, j) => {
        target[g.from + j] = v;
      });
    });
  }
}
