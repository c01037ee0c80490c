// The bench's workbook for "update from sources": the generated sheet in use, plus a Sales data tab
// with one figure per key result and a Source column pointing every key result there, in each of
// the three forms (a cell, a header/row lookup, and a named range for every tenth), so the Sheets
// calls can be compared across sizes: each tab and named range is read once, whatever the count.
import type { Workbook } from '../../local/runtime';

const SALES = 'Sales data';
export const SOURCES_RANGE_NAME = 'Bench_Total';

export function withSources(base: Workbook): Workbook {
  const wb = base.clone();
  const okrs = wb.values('OKRs');
  const header = okrs[0] ?? [];
  const idAt = header.findIndex((h) => String(h).trim() === 'ID');
  const typeAt = header.findIndex((h) => String(h).trim() === 'Type');
  const targetAt = header.findIndex((h) => String(h).trim() === 'Target');
  if (idAt < 0 || typeAt < 0) throw new Error('the OKRs tab has no ID or Type header');
  const sales: unknown[][] = [['Key result', 'Value']];
  const sources: unknown[][] = [['Source']];
  okrs.slice(1).forEach((row, i) => {
    if (!/key/i.test(String(row[typeAt]))) {
      sources.push(['']);
      return;
    }
    const id = String(row[idAt]);
    const target = Number(row[targetAt]);
    sales.push([id, Number.isFinite(target) ? target / 2 : i]);
    const salesRow = sales.length;
    sources.push([
      i % 10 === 0 ? `=${SOURCES_RANGE_NAME}` : i % 2 ? `'${SALES}'!B${salesRow}` : `${SALES}[Value, ${id}]`,
    ]);
  });
  const sheet = wb.addSheet(SALES, undefined, { rows: sales.length + 10, cols: 4 });
  wb.writeRect(sheet, 1, 1, sales);
  wb.namedRanges.set(SOURCES_RANGE_NAME, { sheetId: sheet.id, row: 2, col: 2, numRows: 1, numCols: 1 });
  const okrSheet = wb.sheet('OKRs');
  const column = header.length + 1;
  // Written as text: a leading "=" in the cell would make it a formula (the add-on reads those too).
  sources.forEach((r, i) => {
    const cell = okrSheet.cellForWrite(i + 1, column);
    cell.value = String(r[0]);
  });
  return wb;
}
