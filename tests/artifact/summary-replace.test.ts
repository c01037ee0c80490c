// refreshSummary replaces the Summary tab as a whole: built in a hidden staging sheet (kept between
// refreshes, emptied after each; only the formats a new cell lacks written) and copied over the tab
// in one call (src/gas/replaceSheetContent.ts). A failure at any step before that copy leaves the
// previous Summary exactly as it was (values and formats); hand-made merges do not survive a
// refresh; the user's selection and the tab's sheets are as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, type Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';

const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');
const DEMO_NOW = '2026-11-23T15:00:00Z';
const LATER = '2026-11-23T16:30:00Z';
const STAGING = 'Summary (refreshing)';

async function refreshed(): Promise<Runtime> {
  const rt = await Runtime.open({ workbook: demoWorkbook(), code, options: { now: DEMO_NOW } });
  const first = rt.run('refreshSummary', []);
  if (!first.ok) throw new Error(`refreshSummary failed: ${first.error?.message}`);
  return rt;
}

/** Every cell of the Summary tab: shown text, background, weight, number format; and its merges. */
function summary(wb: Workbook) {
  const shown = wb.displayValues('Summary');
  const cells = shown.map((row, r) =>
    row.map((text, c) => {
      const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
      return [
        text,
        wb.background('Summary', a1),
        wb.fontWeight('Summary', a1),
        wb.numberFormat('Summary', a1),
      ];
    }),
  );
  return JSON.stringify({ cells, merges: wb.mergedRanges('Summary'), charts: wb.charts('Summary').length });
}

/** True when the sheet holds no value (its data range is a blank A1). */
function blank(wb: Workbook, name: string): boolean {
  return wb.values(name).every((row) => row.every((v) => v === '' || v === null));
}

describe('a failed refresh keeps the previous Summary', () => {
  // Every Sheets call of the rewrite that comes before the copy over the tab, and the copy itself,
  // on a spreadsheet refreshed before (its staging sheet kept, hidden and empty).
  const steps: Array<[string, number]> = [
    ['Range.getMergedRanges', 1],
    ['Sheet.clear', 1],
    ['Sheet.hideSheet', 1],
    // The formats are written as ranges, one RangeList call per value: the first and the last of each kind.
    ['RangeList.setNumberFormat', 1],
    ['RangeList.setNumberFormat', 4],
    ['Range.setValues', 1],
    ['RangeList.setBackground', 1],
    ['RangeList.setBackground', 7],
    ['RangeList.setFontWeight', 1],
    ['Range.breakApart', 1],
    ['Range.copyTo', 1],
  ];
  test.each(steps)(
    '%s (call %i) fails: the Summary is unchanged and the sheets are the same',
    async (method, nth) => {
      const rt = await refreshed();
      // A hand-made merge, so that breaking merges apart is one of the steps (merges are broken
      // before the copy: a failing copy leaves the content whole, but not that merge).
      if (method === 'Range.breakApart') {
        rt.workbook.sheet('Summary').merges.push({ row: 10, col: 1, numRows: 2, numCols: 2 });
      }
      const before = summary(rt.workbook);
      const sheets = rt.workbook.sheetNames();
      rt.options.faults = [{ method, nth, message: 'Service Spreadsheets failed' }];
      const failed = rt.run('refreshSummary', [], { at: LATER });
      expect(failed.ok).toBe(false);
      expect(failed.error?.message).toBe('Service Spreadsheets failed');
      expect(failed.calls[method]).toBe(nth);
      expect(failed.calls['Lock.releaseLock']).toBe(1);
      expect(summary(rt.workbook)).toBe(before);
      expect(rt.workbook.sheetNames()).toEqual(sheets);

      // The next refresh writes the new Summary (its timestamp shows the later time) and leaves the
      // staging sheet hidden and empty, whatever the failure left in it.
      rt.options.faults = [];
      const next = rt.run('refreshSummary', [], { at: LATER });
      expect(next.ok).toBe(true);
      expect(rt.workbook.displayValues('Summary')[2][1]).toBe('2026-11-23 11:30 (America/New_York)');
      expect(rt.workbook.sheetNames()).toEqual(sheets);
      expect(rt.workbook.isHidden(STAGING)).toBe(true);
      expect(blank(rt.workbook, STAGING)).toBe(true);
    },
  );

  // The first refresh after the staging sheet is gone (a new spreadsheet, or someone deleted it)
  // makes it again: inserting a sheet moves the user's selection, which is read first.
  test.each<[string, number]>([
    ['Spreadsheet.getActiveRange', 1],
    ['Spreadsheet.insertSheet', 1],
    ['Sheet.hideSheet', 1],
    ['Range.setValues', 1],
    ['Range.copyTo', 1],
  ])('without a staging sheet, %s (call %i) fails: the Summary is unchanged', async (method, nth) => {
    const rt = await refreshed();
    rt.workbook.removeSheet(rt.workbook.sheet(STAGING));
    const before = summary(rt.workbook);
    const sheets = rt.workbook.sheetNames();
    rt.options.faults = [{ method, nth, message: 'Service Spreadsheets failed' }];
    const failed = rt.run('refreshSummary', [], { at: LATER });
    expect(failed.ok).toBe(false);
    expect(failed.error?.message).toBe('Service Spreadsheets failed');
    expect(summary(rt.workbook)).toBe(before);
    // At most the staging sheet was added, never shown.
    expect(rt.workbook.sheetNames().filter((n) => n !== STAGING)).toEqual(sheets);
    if (
      rt.workbook.findSheet(STAGING) &&
      method !== 'Sheet.hideSheet' &&
      method !== 'Spreadsheet.insertSheet'
    )
      expect(rt.workbook.isHidden(STAGING)).toBe(true);
    rt.options.faults = [];
    expect(rt.run('refreshSummary', [], { at: LATER }).ok).toBe(true);
    expect(rt.workbook.displayValues('Summary')[2][1]).toBe('2026-11-23 11:30 (America/New_York)');
    expect(rt.workbook.sheetNames().filter((n) => n !== STAGING)).toEqual(sheets);
    expect(rt.workbook.isHidden(STAGING)).toBe(true);
  });

  test('a failed setValues keeps the old title and timestamp (it used to leave the tab blank)', async () => {
    const rt = await refreshed();
    rt.options.faults = [{ method: 'Range.setValues', nth: 1, message: 'Service Spreadsheets failed' }];
    expect(rt.run('refreshSummary', [], { at: LATER }).ok).toBe(false);
    expect(rt.workbook.displayValues('Summary')[0][0]).toBe('OKR summary');
    expect(rt.workbook.displayValues('Summary')[2][1]).toBe('2026-11-23 10:00 (America/New_York)');
  });
});

describe('the staging sheet', () => {
  test('is kept between refreshes, hidden and empty, so a refresh makes no structure change', async () => {
    const rt = await refreshed();
    expect(rt.workbook.isHidden(STAGING)).toBe(true);
    expect(blank(rt.workbook, STAGING)).toBe(true);
    const sheets = rt.workbook.sheetNames();
    const again = rt.run('refreshSummary', [], { at: LATER });
    expect(again.ok).toBe(true);
    for (const m of [
      'Spreadsheet.insertSheet',
      'Spreadsheet.deleteSheet',
      'Sheet.insertRowsAfter',
      'Sheet.deleteColumns',
    ])
      expect(again.calls[m] ?? 0).toBe(0);
    expect(rt.workbook.sheetNames()).toEqual(sheets);
    expect(blank(rt.workbook, STAGING)).toBe(true);
  });

  test('shown and typed into by someone, it is emptied and hidden again by the next refresh', async () => {
    const rt = await refreshed();
    const staging = rt.workbook.sheet(STAGING);
    staging.hidden = false;
    rt.workbook.setValues(STAGING, 'A1', [['typed by hand']]);
    expect(rt.run('refreshSummary', [], { at: LATER }).ok).toBe(true);
    expect(rt.workbook.isHidden(STAGING)).toBe(true);
    expect(blank(rt.workbook, STAGING)).toBe(true);
    expect(rt.workbook.displayValues('Summary')[0][0]).toBe('OKR summary');
  });
});

describe('hand-made merges on the Summary tab', () => {
  test('are gone after a refresh, and the do-not-edit line is visible again', async () => {
    const rt = await refreshed();
    const sheet = rt.workbook.sheet('Summary');
    // A reader merges the title over the do-not-edit line, another block across a table, and one
    // that reaches beyond the written area (a range cutting through it could not be unmerged).
    sheet.merges.push(
      { row: 1, col: 1, numRows: 2, numCols: 4 },
      { row: 12, col: 2, numRows: 3, numCols: 3 },
      { row: 20, col: 10, numRows: 2, numCols: 8 },
    );
    const refreshedAgain = rt.run('refreshSummary', [], { at: LATER });
    expect(refreshedAgain.ok).toBe(true);
    expect(rt.workbook.mergedRanges('Summary')).toEqual([]);
    expect(rt.workbook.displayValues('Summary')[1][0]).toMatch(/^Generated by OKR Owners: do not edit/);
  });

  test('a refresh gives the user back the cell they had selected', async () => {
    const rt = await refreshed();
    rt.select('OKRs!C5', 'owner@example.com');
    expect(rt.run('refreshSummary', [], { at: LATER }).ok).toBe(true);
    const okrs = rt.workbook.sheetNames().indexOf('OKRs');
    expect(rt.workbook.selections.get('owner@example.com')).toMatchObject({
      sheetId: rt.workbook.sheet('OKRs').id,
      cell: { row: 5, col: 3 },
    });
    expect(okrs).toBeGreaterThanOrEqual(0);
  });
});
