// The authorization modes of an editor add-on's onOpen, as Google documents them
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes)
// and the runtime models them, one test per mode: what throws in NONE, what LIMITED allows, FULL, and
// an installable open trigger (which runs as its installer, whoever opens the file).
import { Runtime, Workbook } from '../../local/runtime';

const SCRIPT = `
  function attempt(name, fn) { try { var v = fn(); return name + ':ok' + (v === undefined ? '' : '=' + v); } catch (e) { return name + ':' + e.message; } }
  function probe(e) {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    return [
      attempt('menu', function () { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi(); }),
      attempt('locale', function () { return Session.getActiveUserLocale(); }),
      attempt('email', function () { return Session.getActiveUser().getEmail(); }),
      attempt('read', function () { return ss.getSheetByName('OKRs').getRange('A1').getValue(); }),
      attempt('properties', function () { return PropertiesService.getDocumentProperties().getProperty('x'); }),
      attempt('toast', function () { ss.toast('hello'); }),
      attempt('alert', function () { SpreadsheetApp.getUi().alert('hi'); }),
      attempt('sidebar', function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }),
      attempt('mail', function () { MailApp.sendEmail('a@example.com', 's', 'b'); }),
      attempt('trigger', function () { ScriptApp.newTrigger('probe').timeBased().everyHours(1).create(); }),
    ];
  }
  function onOpen(e) { return probe(e); }
  function opened(e) { Logger.log(probe(e).join('\\n') + '\\neffective:' + Session.getEffectiveUser().getEmail()); }
  function install() { ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create(); }
`;

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows({ OKRs: [['ID'], ['O1']] }, { timeZone: 'UTC' });
  return Runtime.open({ workbook, code: SCRIPT, options: { now: '2026-11-30T09:00:00Z' } });
}

const PERMISSION = (method: string) => `You do not have permission to call ${method}`;

test('AuthMode.NONE: the menu and the locale only; reading, properties, toasts and dialogs throw', async () => {
  const rt = await open();
  const r = rt.run('onOpen', [], { as: 'ann@example.com', authMode: 'NONE' });
  const out = r.result as string[];
  expect(out.slice(0, 3)).toEqual(['menu:ok', 'locale:ok=en', 'email:ok=']);
  expect(out[3]).toBe(`read:${PERMISSION('SpreadsheetApp.Spreadsheet.getSheetByName')}`);
  expect(out[4]).toBe(`properties:${PERMISSION('PropertiesService.getDocumentProperties')}`);
  for (const [i, name] of [
    [5, 'toast'],
    [6, 'alert'],
    [7, 'sidebar'],
    [8, 'mail'],
    [9, 'trigger'],
  ] as const)
    expect(out[i]).toMatch(new RegExp(`^${name}:You do not have permission`));
  expect(r.ui.toasts).toEqual([]);
  expect(r.ui.menus).toHaveLength(1);
});

test('AuthMode.LIMITED (a simple onOpen): the document, properties and a toast; no identity, no mail, triggers or sidebar', async () => {
  const rt = await open();
  const r = rt.run('onOpen', [], { as: 'ann@example.com' });
  expect(r.authMode).toBe('LIMITED');
  const out = r.result as string[];
  expect(out.slice(0, 7)).toEqual([
    'menu:ok',
    'locale:ok=en',
    // Google hides who opened the file from a simple trigger.
    'email:ok=',
    'read:ok=ID',
    'properties:ok=null',
    'toast:ok',
    'alert:ok',
  ]);
  expect(out[7]).toBe(
    'sidebar:You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
  );
  expect(out[8]).toMatch(/^mail:You do not have permission to call MailApp.sendEmail/);
  expect(out[9]).toMatch(/^trigger:You do not have permission to call ScriptApp.newTrigger/);
  expect(r.ui.toasts.map((t) => t.message)).toEqual(['hello']);
});

test('AuthMode.FULL (onOpen from onInstall): everything, and the user is known', async () => {
  const rt = await open();
  const r = rt.run('onOpen', [], { as: 'ann@example.com', authMode: 'FULL' });
  expect(r.result).toEqual([
    'menu:ok',
    'locale:ok=en',
    'email:ok=ann@example.com',
    'read:ok=ID',
    'properties:ok=null',
    'toast:ok',
    'alert:ok',
    'sidebar:ok',
    'mail:ok',
    'trigger:ok',
  ]);
});

test('an installable open trigger runs FULL as its installer: Session names the installer, not who opened the file', async () => {
  const rt = await open();
  rt.run('install', [], { as: 'lead@example.com' });
  const opened = rt.openDocument('ann@example.com');
  const log = String(opened.triggers?.[0].logs[0]);
  expect(log).toContain('email:ok=lead@example.com');
  expect(log).toContain('effective:lead@example.com');
  expect(log).not.toContain('email:ok=ann@example.com');
});
