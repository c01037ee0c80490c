// The emulated Sheets inside the real execution model: a script in its own vm realm, metered calls,
// user edits firing onEdit, and a save/load through xlsx + sidecar.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';

const CODE = `
function readTypes() {
  var v = SpreadsheetApp.getActive().getSheetByName('OKRs').getDataRange().getValues();
  return { rows: v.length, isArray: v instanceof Array, date: v[1][14] instanceof Date, progress: typeof v[1][12], empty: v[1][7] };
}
function writeRow() {
  // Where the log ends is read first (a round trip): handles alone cost ~0 ms, as in Google's transcripts.
  var sheet = SpreadsheetApp.getActive().getSheetByName('Check-ins');
  sheet.getLastRow();
  sheet.appendRow([new Date(), 'O1.1', 'lucas.meyer@example.com', 17, 0.625, 'On track', '=not a formula?']);
}
function writeMismatch() {
  SpreadsheetApp.getActive().getSheetByName('OKRs').getRange('A2:B3').setValues([['x', 'y']]);
}
function catchIt() {
  try { SpreadsheetApp.getActive().getSheetByName('OKRs').getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function whereAmI() { return SpreadsheetApp.getActiveRange().getA1Notation() + ' on ' + SpreadsheetApp.getActiveSheet().getName(); }
function onEdit(e) { Logger.log(e.range.getA1Notation() + ' ' + e.oldValue + ' -> ' + e.value); }
`;

async function open() {
  return Runtime.open({ workbook: demoWorkbook(), code: CODE, options: { now: '2026-11-23T15:00:00Z' } });
}

describe('emulated Sheets in the runtime', () => {
  test('a script sees realm arrays and Dates, and each call is counted', async () => {
    const rt = await open();
    const r = rt.run('readTypes');
    expect(r.ok).toBe(true);
    const rows = demoWorkbook().values('OKRs').length;
    expect(r.result).toEqual({ rows, isArray: true, date: true, progress: 'number', empty: '' });
    expect(r.calls).toMatchObject({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
  });

  test('appendRow stores the virtual time as a Date; "=…" text becomes a formula, as in Sheets', async () => {
    const rt = await open();
    expect(rt.run('writeRow').ok).toBe(true);
    const last = rt.workbook.values('Check-ins').at(-1) as unknown[];
    // The virtual clock has moved by the modeled latency of the calls before appendRow.
    const at = (last[0] as Date).getTime() - Date.parse('2026-11-23T15:00:00Z');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(1000);
    expect(rt.workbook.formula('Check-ins', `G${rt.workbook.values('Check-ins').length}`)).toBe(
      '=not a formula?',
    );
  });

  test("Google's error text reaches the run result and the script's own catch", async () => {
    const rt = await open();
    const r = rt.run('writeMismatch');
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({
      name: 'Exception',
      message:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    expect(rt.run('catchIt').result).toEqual([
      true,
      'Exception',
      'The starting row of the range is too small.',
    ]);
  });

  test('a typed edit is validated and fires onEdit with old and new values; the selection follows', async () => {
    const rt = await open();
    const refused = rt.edit({ range: 'OKRs!E3', value: 'Lucas and Aiko', as: 'maya.chen@example.com' });
    expect(refused.rejected).toMatch(/violates the data validation rules/);
    const ok = rt.edit({ range: 'OKRs!E3', value: 'aiko.tanaka@example.com', as: 'maya.chen@example.com' });
    expect(ok.ok).toBe(true);
    expect(ok.logs.join('\n')).toContain('E3 lucas.meyer@example.com -> aiko.tanaka@example.com');
    rt.select('Team!B2:B4', 'maya.chen@example.com');
    expect(rt.run('whereAmI', [], { as: 'maya.chen@example.com' }).result).toBe('B2:B4 on Team');
  });

  test('save and reopen: xlsx + sidecar keep values, validation and protections', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-sheets-'));
    const file = path.join(dir, 'demo.xlsx');
    const rt = await open();
    rt.run('writeRow');
    await rt.save(file);
    const again = await Runtime.open({ workbookPath: file, code: CODE });
    expect(again.workbook.values('Check-ins')).toEqual(rt.workbook.values('Check-ins'));
    expect(again.workbook.validation('OKRs', 'E3')).toEqual(rt.workbook.validation('OKRs', 'E3'));
    expect(again.workbook.protectionsOf()).toEqual(rt.workbook.protectionsOf());
    expect(again.workbook.id).toBe(rt.workbook.id);
  });
});
