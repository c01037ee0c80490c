// The sandbox's own state (no browser): the weekly-run shortcut follows the saved schedule, and a
// sidebar the user closed stays closed until a script shows it again.
import { Sandbox } from '../../../local/app/sandbox';
import { demoWorkbook } from '../../../local/fixtures/demo';
import { Runtime } from '../../../local/runtime';
import { SETTINGS_KEY } from '../../../src/okr/core/settings';

// A stand-in project: only what the sandbox calls (onOpen) and a sidebar to show.
const CODE = `
  function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'show').addToUi(); }
  function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('OKR Owners')); }
  function schedule(day, hour) {
    PropertiesService.getDocumentProperties().setProperty('${SETTINGS_KEY}', JSON.stringify({ weeklyDay: day, weeklyHour: hour }));
  }
`;

async function sandbox(): Promise<Sandbox> {
  // Thursday 26 Nov 2026, 12:00 in New York.
  const rt = await Runtime.open({
    workbook: demoWorkbook(),
    code: CODE,
    options: { now: '2026-11-26T17:00:00Z' },
  });
  const s = new Sandbox(rt, '/nonexistent/not-saved.xlsx');
  s.open();
  return s;
}

test('the weekly-run shortcut is the hour after the default Monday 09:00', async () => {
  const s = await sandbox();
  expect(s.state().weeklyInput).toBe('2026-11-30T10:00');
});

test('the weekly-run shortcut follows the saved day and hour (Sunday = 0, 23:00 rolls to Monday 00:00)', async () => {
  const s = await sandbox();
  s.runtime.run('schedule', [5, 14], { as: s.user });
  expect(s.state().weeklyInput).toBe('2026-11-27T15:00');
  s.runtime.run('schedule', [0, 23], { as: s.user });
  expect(s.state().weeklyInput).toBe('2026-11-30T00:00');
});

test('a closed sidebar stays closed until a script shows it again', async () => {
  const s = await sandbox();
  await s.runMenuItem('show');
  expect(s.state().sidebarOpen).toBe(true);
  s.closeSidebar();
  expect(s.state().sidebarOpen).toBe(false);
  await s.runMenuItem('show');
  expect(s.state().sidebarOpen).toBe(true);
});
