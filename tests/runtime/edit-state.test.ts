// edit(): the user edit, then the simple onEdit(e) with Google's event object; installable onEdit
// triggers; save()/open() of the state next to the workbook file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuntimeCore } from '../../local/runtime/runtime';
import { FakeWorkbook, fakeSheets } from './fakeSheets';
import { openScript, T0 } from './harness';

const code = `
  function onEdit(e) {
    Logger.log(JSON.stringify({ mode: String(e.authMode), a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(),
      value: e.value, oldValue: e.oldValue, user: e.user.getEmail(), hasSource: !!e.source, uid: e.triggerUid || null }));
  }
  function installed(e) { Logger.log('installed ' + String(e.authMode) + ' ' + e.triggerUid + ' ' + Session.getEffectiveUser().getEmail()); }
  function install() { ScriptApp.newTrigger('installed').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
`;

describe('edit()', () => {
  test('fires the simple onEdit with Google’s event object (LIMITED, strings, no email)', async () => {
    const rt = await openScript(code);
    rt.workbook.cells['OKRs!E5'] = 'old@example.com';
    const r = rt.edit({ range: 'OKRs!E5', value: 'new@example.com', as: 'lead@example.com' });
    expect(r.ok).toBe(true);
    expect(r.authMode).toBe('LIMITED');
    expect(JSON.parse(r.logs[0])).toEqual({
      mode: 'LIMITED',
      a1: 'E5',
      sheet: 'OKRs',
      value: 'new@example.com',
      oldValue: 'old@example.com',
      user: '',
      hasSource: true,
      uid: null,
    });
    // Building the event object is not metered: only the script's own calls are counted.
    expect(r.calls['SpreadsheetApp.getActiveSpreadsheet']).toBeUndefined();
    expect(r.calls['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(r.calls['Logger.log']).toBe(1);
  });

  test('numbers and booleans arrive as strings; an empty old value is absent', async () => {
    const rt = await openScript(code);
    const r = rt.edit({ range: 'OKRs!F5', value: 42, as: 'a@example.com' });
    const e = JSON.parse(r.logs[0]);
    expect(e.value).toBe('42');
    expect('oldValue' in e).toBe(false);
    expect(JSON.parse(rt.edit({ range: 'OKRs!G5', value: true, as: 'a@example.com' }).logs[0]).value).toBe(
      'TRUE',
    );
  });

  test("a paste carries neither value nor oldValue, even into one cell (as Google's event does)", async () => {
    const rt = await openScript(code);
    rt.workbook.cells['OKRs!E5'] = 'old@example.com';
    const r = rt.edit({ range: 'OKRs!E5', value: 'new@example.com', paste: true, as: 'a@example.com' });
    const e = JSON.parse(r.logs[0]);
    expect(e.a1).toBe('E5');
    expect('value' in e).toBe(false);
    expect('oldValue' in e).toBe(false);
    expect(rt.workbook.cells['OKRs!E5']).toBe('new@example.com');
  });

  test('a rejected edit changes nothing and runs nothing', async () => {
    const rt = await openScript(code);
    const r = rt.edit({ range: 'OKRs!E5', value: 'a@example.com, b@example.com', as: 'a@example.com' });
    expect(r.ok).toBe(false);
    expect(r.rejected).toBe('Input must be an item on the specified list.');
    expect(r.logs).toEqual([]);
    expect(rt.workbook.cells['OKRs!E5']).toBeUndefined();
    const pasted = rt.edit({
      range: 'OKRs!E5',
      value: 'a@example.com, b@example.com',
      paste: true,
      as: 'a@example.com',
    });
    expect(pasted.ok).toBe(true);
  });

  test('installable onEdit triggers run after the simple one, FULL, as their installer', async () => {
    const rt = await openScript(code);
    rt.run('install', [], { as: 'lead@example.com' });
    const r = rt.edit({ range: 'OKRs!E5', value: 'x', as: 'member@example.com' });
    expect(r.triggers).toHaveLength(1);
    expect(r.triggers?.[0].logs[0]).toMatch(/^installed FULL \d+ lead@example\.com$/);
  });

  test('a script without onEdit: the edit still applies', async () => {
    const rt = await openScript('function other() {}');
    expect(rt.edit({ range: 'OKRs!A1', value: 'v', as: 'a@example.com' }).ok).toBe(true);
    expect(rt.workbook.cells['OKRs!A1']).toBe('v');
  });
});

describe('state next to the workbook', () => {
  const script = `
    function setup() { PropertiesService.getDocumentProperties().setProperty('k', 'v');
      ScriptApp.newTrigger('tock').timeBased().everyHours(1).create(); MailApp.sendEmail('a@example.com', 's', 'b');
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OKRs').getRange('A1').setValue('written'); }
    function tock() {}
    function read() { return [PropertiesService.getDocumentProperties().getProperty('k'), MailApp.getRemainingDailyQuota(), Date.now()]; }
  `;

  test('properties, triggers, quota use, outbox and clock survive save and reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-state-'));
    const file = path.join(dir, 'book.xlsx');
    const sheets = fakeSheets();
    const rt = new RuntimeCore(
      await RuntimeCore.prepare(sheets, {
        workbook: new FakeWorkbook(),
        workbookPath: file,
        code: script,
        options: { now: T0 },
      }),
    );
    rt.run('setup', [], { as: 'a@example.com' });
    await rt.save();
    expect(fs.readdirSync(dir).sort()).toEqual(['book.xlsx', 'book.xlsx.state.json']); // no temp files left
    const again = new RuntimeCore(await RuntimeCore.prepare(sheets, { workbookPath: file, code: script }));
    expect(again.workbook.cells['OKRs!A1']).toBe('written');
    expect(again.triggers()).toHaveLength(1);
    expect(again.outbox).toHaveLength(1);
    expect(again.now()).toBe(rt.now());
    const [k, quota, now] = again.run('read', [], { as: 'a@example.com' }).result as [string, number, number];
    expect(k).toBe('v');
    expect(quota).toBe(99);
    expect(now).toBeGreaterThan(rt.now()); // the clock went on from where it was saved
    expect(now - rt.now()).toBeLessThan(1000);
  });

  test('a state file from before the rolling quota window (per UTC day) keeps its quota use', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-state-'));
    const file = path.join(dir, 'book.xlsx');
    const sheets = fakeSheets();
    const rt = new RuntimeCore(
      await RuntimeCore.prepare(sheets, {
        workbook: new FakeWorkbook(),
        workbookPath: file,
        code: script,
        options: { now: T0 },
      }),
    );
    await rt.save();
    const statePath = `${file}.state.json`;
    const old = JSON.parse(fs.readFileSync(statePath, 'utf8'));
    delete old.mailQuota;
    delete old.triggerQuota;
    old.mailUsed = { 'a@example.com|2026-11-29': 5, 'a@example.com|2026-11-30': 97 };
    fs.writeFileSync(statePath, JSON.stringify(old));
    const again = new RuntimeCore(await RuntimeCore.prepare(sheets, { workbookPath: file, code: script }));
    expect(again.run('read', [], { as: 'a@example.com' }).result).toEqual([null, 3, expect.any(Number)]);
    again.setTime('2026-12-01T00:00:01Z'); // the migrated window opened at 2026-11-30 00:00 UTC
    expect((again.run('read', [], { as: 'a@example.com' }).result as unknown[])[1]).toBe(100);
    await again.save();
    const saved = JSON.parse(fs.readFileSync(statePath, 'utf8'));
    expect(saved.mailUsed).toBeUndefined();
    expect(saved.mailQuota['a@example.com']).toEqual({ start: Date.parse('2026-11-30T00:00:00Z'), used: 97 });
  });

  test('a missing or corrupt workbook is refused with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-state-'));
    await expect(
      RuntimeCore.prepare(fakeSheets(), { workbookPath: path.join(dir, 'nope.xlsx'), code: '' }),
    ).rejects.toThrow(/Workbook not found/);
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'garbage');
    await expect(
      RuntimeCore.prepare(fakeSheets(), { workbookPath: path.join(dir, 'bad.xlsx'), code: '' }),
    ).rejects.toThrow(/Cannot read workbook/);
  });
});

describe('openDocument() and change triggers', () => {
  const script = `
    function onOpen(e) { Logger.log('simple ' + String(e.authMode)); }
    function opened(e) { Logger.log('installed ' + String(e.authMode) + ' ' + e.user.getEmail() + ' as ' + Session.getEffectiveUser().getEmail()); }
    function changed(e) { Logger.log('change ' + e.changeType + ' ' + String(e.authMode)); }
    function install() { var ss = SpreadsheetApp.getActiveSpreadsheet();
      ScriptApp.newTrigger('opened').forSpreadsheet(ss).onOpen().create();
      ScriptApp.newTrigger('changed').forSpreadsheet(ss).onChange().create(); }
  `;

  test('openDocument() runs the simple onOpen, then installable open triggers as their installer', async () => {
    const rt = await openScript(script);
    rt.run('install', [], { as: 'lead@example.com' });
    const r = rt.openDocument('member@example.com');
    expect(r.logs).toEqual(['simple LIMITED']);
    expect(r.triggers?.map((t) => t.logs[0])).toEqual([
      'installed FULL member@example.com as lead@example.com',
    ]);
  });

  test('an edit fires installable change triggers with changeType EDIT', async () => {
    const rt = await openScript(script);
    rt.run('install', [], { as: 'lead@example.com' });
    const r = rt.edit({ range: 'OKRs!A1', value: 'x', as: 'member@example.com' });
    expect(r.triggers?.map((t) => t.logs[0])).toEqual(['change EDIT FULL']);
  });
});
