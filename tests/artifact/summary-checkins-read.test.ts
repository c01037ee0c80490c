// refreshSummary reads only the Check-ins columns the Summary uses (src/gas/progressLog.ts): its
// Time, ID and Progress, found from the header row, not the log's 7 columns. Counted in cells read,
// through the built add-on in the local runtime; the figures it shows stay those of the whole log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { generateWorkbook } from '../../local/fixtures/generate';
import { Runtime, type Workbook } from '../../local/runtime';
import { callTrace } from '../../local/runtime/meter';
import { ensureBuilt } from '../helpers/build';

const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

const READS = /^(Range\.getValues|Range\.getDisplayValues|Sheet\.getSheetValues)$/;

/** Cells read by one refresh, with the Summary it wrote (shown values). */
async function refreshReading(workbook: Workbook, now: string) {
  const rt = await Runtime.open({ workbook, code, options: { now } });
  const first = rt.run('refreshSummary', []);
  if (!first.ok) throw new Error(first.error?.message);
  const trace: Array<{ method: string; cells: number }> = [];
  callTrace.sink = trace;
  try {
    const run = rt.run('refreshSummary', []);
    if (!run.ok) throw new Error(run.error?.message);
  } finally {
    callTrace.sink = null;
  }
  const read = trace.filter((c) => READS.test(c.method)).reduce((n, c) => n + c.cells, 0);
  return { read, summary: rt.workbook.displayValues('Summary'), wb: rt.workbook };
}

const cellsOf = (wb: Workbook, tab: string) => {
  const v = wb.values(tab);
  return v.length * Math.max(0, ...v.map((r) => r.length));
};

test('the Check-ins log: its top rows, then Time, ID and Progress only', async () => {
  const wb = generateWorkbook({ keyResults: 500, owners: 50, weeksOfHistory: 6, seed: 3 });
  const log = wb.values('Check-ins');
  expect(log[0].slice(0, 7)).toEqual(['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']);
  const { read, wb: after } = await refreshReading(wb, '2026-11-30T13:00:00Z');
  const width = log[0].length;
  // The OKRs and Team tabs whole; of the log, the top 5 rows (the header is looked for there) and
  // then 3 of its 7 columns for the rows under the header.
  const expected = cellsOf(after, 'OKRs') + cellsOf(after, 'Team') + 5 * width + 3 * (log.length - 1);
  expect(read).toBe(expected);
  expect(read).toBeLessThan(cellsOf(after, 'OKRs') + cellsOf(after, 'Team') + width * log.length);
});

test('a log laid out differently (title row above, columns moved) gives the same Summary', async () => {
  const at = '2026-11-23T15:00:00Z';
  const plain = await refreshReading(demoWorkbook(), at);
  // The same log with a title row above its header and its columns in another order.
  const moved = demoWorkbook();
  const log = moved.values('Check-ins');
  const order = [6, 4, 2, 1, 5, 3, 0]; // Note, Progress, By, ID, Confidence, Current, Time
  const width = log[0].length;
  expect(width).toBe(7);
  const rows = [
    ['Check-ins (kept by OKR Owners)', '', '', '', '', '', ''],
    ...log.map((r) => order.map((c) => r[c])),
  ];
  moved.setValues('Check-ins', `A1:G${rows.length}`, rows);
  const reordered = await refreshReading(moved, at);
  expect(reordered.summary).toEqual(plain.summary);
});
