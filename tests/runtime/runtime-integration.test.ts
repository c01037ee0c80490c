// Runtime (index.ts) on the real workbook model (local/runtime/spreadsheet): event ranges are real Ranges, selections
// reach getActiveRange, showSidebar through getUi, and the xlsx + state files round-trip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, Workbook } from '../../local/runtime';

const CODE = `
  function onEdit(e) { Logger.log([e.range.getA1Notation(), e.range.getValue(), e.value, e.oldValue, e.source.getName()].join('|')); }
  function onSelectionChange(e) { Logger.log('selected ' + e.range.getA1Notation()); }
  function active() { return SpreadsheetApp.getActiveRange().getA1Notation(); }
  function count() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Team').getDataRange().getValues().length; }
  function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<html><head></head><body>hi</body></html>').setTitle('OKR Owners')); }
  function remember() { PropertiesService.getDocumentProperties().setProperty('k', 'v'); ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
  function tick() {}
  function dueDates() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OKRs').getDataRange().getValues()
    .slice(1).map(function (r) { return r.filter(function (v) { return v instanceof Date; }).length; }).reduce(function (a, b) { return a + b; }, 0); }
`;

test('edit → onEdit gets a real Range of the context’s SpreadsheetApp', async () => {
  const wb = Workbook.fromRows({ Sheet1: [['Name'], ['old']] });
  const rt = await Runtime.open({ workbook: wb, code: CODE });
  const r = rt.edit({ range: 'Sheet1!A2', value: 'new', as: 'a@example.com' });
  expect(r.ok).toBe(true);
  expect(r.logs).toEqual([`A2|new|new|old|${wb.name}`]);
  expect(wb.values('Sheet1')).toEqual([['Name'], ['new']]);
  expect(rt.run('active', [], { as: 'a@example.com' }).result).toBe('A2');
});

test('select() sets the active range and onSelectionChange sees it', async () => {
  const rt = await Runtime.open({ workbook: Workbook.fromRows({ Sheet1: [['a', 'b']] }), code: CODE });
  rt.select('Sheet1!B1', 'b@example.com');
  expect(rt.run('active', [], { as: 'b@example.com' }).result).toBe('B1');
  expect(rt.run('onSelectionChange', [], { as: 'b@example.com' }).logs).toEqual(['selected B1']);
});

test('getUi().showSidebar records the HtmlOutput for serve()', async () => {
  const rt = await Runtime.open({ workbook: demoWorkbook(), code: CODE });
  const r = rt.run('show');
  expect(r.ui.sidebar?.title).toBe('OKR Owners');
  expect(rt.lastSidebar()?.content).toContain('<body>hi</body>');
});

test('save → open: values (Dates too), properties and triggers survive the xlsx + state files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-int-'));
  const file = path.join(dir, 'book.xlsx');
  const rt = await Runtime.open({ workbook: demoWorkbook(), workbookPath: file, code: CODE });
  const people = rt.run('count').result as number;
  const dates = rt.run('dueDates').result as number;
  expect(dates).toBeGreaterThan(0);
  rt.run('remember', [], { as: 'lead@example.com' });
  await rt.save();
  const again = await Runtime.open({ workbookPath: file, code: CODE });
  expect(again.run('count').result).toBe(people);
  expect(again.run('dueDates').result).toBe(dates);
  expect(again.properties('document')).toEqual({ k: 'v' });
  expect(again.triggers()).toHaveLength(1);
  expect(again.workbook.id).toBe(rt.workbook.id);
});
