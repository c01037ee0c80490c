// A typed value the cell's dropdown rejects: Sheets shows its "There was a problem" dialog and
// nothing else; the value never reaches the sheet, so onEdit does not run ("onEdit(e) runs when a
// user changes a value in a spreadsheet": https://developers.google.com/apps-script/guides/triggers).
// The sandbox shows exactly that one message, not also "onEdit failed: …".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox } from '../../../local/app/sandbox';
import { demoWorkbook } from '../../../local/fixtures/demo';
import { Runtime } from '../../../local/runtime';

const CODE = `
  function onOpen() {}
  function onEdit(e) { Logger.log('onEdit ran for ' + e.range.getA1Notation()); }
  function strictOwner() {
    var rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['ana@example.com', 'bo@example.com'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one person from the Team tab.')
      .build();
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Team').getRange('Z2').setDataValidation(rule);
  }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okr-rejected-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sandbox(): Promise<Sandbox> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  const rt = await Runtime.open({ workbook: demoWorkbook(), code: CODE, workbookPath: file });
  const s = new Sandbox(rt, file);
  s.open();
  rt.run('strictOwner', [], { as: s.user });
  return s;
}

test('a typed value the validation rejects: one message, the validation’s, shown as Sheets’ dialog', async () => {
  const s = await sandbox();
  const before = s.state().notices.length;
  const r = await s.edit('Team!Z2', 'ana@example.com, bo@example.com', false);
  expect(r.rejected).toMatch(/^There was a problem: .*violates the data validation rules.*Pick one person/);
  const notices = s.state().notices.slice(before);
  expect(notices).toEqual([{ id: expect.any(Number), kind: 'rejected', text: r.rejected }]);
  expect(notices.some((n) => /failed/.test(n.text))).toBe(false);
  // onEdit did not run: no log line from it, and the cell is unchanged.
  expect(s.state().log.flatMap((x) => x.logs)).not.toContainEqual(expect.stringMatching(/onEdit ran/));
  expect(s.runtime.workbook.values('Team')[1]?.[25] ?? '').toBe('');
});

test('the same value pasted bypasses validation and onEdit runs, with no message', async () => {
  const s = await sandbox();
  const before = s.state().notices.length;
  const r = await s.edit('Team!Z2', 'ana@example.com, bo@example.com', true);
  expect(r.ok).toBe(true);
  expect(s.state().notices.slice(before)).toEqual([]);
  expect(s.state().log.at(-1)?.logs).toEqual(['onEdit ran for Z2']);
});
