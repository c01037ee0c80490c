// The add-on menu and the menu actions through the built add-on: onOpen works in AuthMode.NONE
// (menu only, English), follows the user's locale once the add-on is enabled, and every item calls
// a real entry point; Check problems shows counts and opens the sidebar.
import { demoWorkbook } from '../../local/fixtures/demo';
import { LEAD, openRuntime } from '../fixtures/okr/runtime';

const FUNCTIONS = [
  'showSidebar',
  'setUpOkrSheet',
  'showProblems',
  'refreshSummary',
  'importOkrsFromActiveTab',
];

type Item = { caption: string; functionName: string } | { separator: true };
const items = (menu: { items: Item[] }) =>
  menu.items.filter((i): i is { caption: string; functionName: string } => !('separator' in i));

test('onOpen in AuthMode.NONE builds the English menu and calls nothing else', async () => {
  const rt = await openRuntime(demoWorkbook(), { userLocales: { [LEAD]: 'ja' } });
  const r = rt.run('onOpen', [], { as: LEAD, authMode: 'NONE' });
  expect(r.error).toBeUndefined();
  expect(r.ui.menus).toHaveLength(1);
  expect(r.ui.menus[0].addon).toBe(true);
  expect(items(r.ui.menus[0]).map((i) => [i.caption, i.functionName])).toEqual([
    ['Open sidebar', 'showSidebar'],
    ['Set up OKR sheet', 'setUpOkrSheet'],
    ['Check problems', 'showProblems'],
    ['Refresh summary', 'refreshSummary'],
    ['Import OKRs from this tab', 'importOkrsFromActiveTab'],
  ]);
  // Only the Ui/menu surface was touched.
  for (const method of Object.keys(r.calls)) expect(method).toMatch(/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/);
});

test('onOpen once enabled (LIMITED) follows the user locale', async () => {
  const rt = await openRuntime(demoWorkbook(), { userLocales: { [LEAD]: 'ja_JP' } });
  const r = rt.run('onOpen', [], { as: LEAD });
  expect(r.authMode).toBe('LIMITED');
  expect(items(r.ui.menus[0]).map((i) => i.caption)).toEqual([
    'サイドバーを開く',
    'OKRシートを設定',
    '問題をチェック',
    'サマリーを更新',
    'このタブからOKRを取り込む',
  ]);
  expect(items(r.ui.menus[0]).map((i) => i.functionName)).toEqual(FUNCTIONS);
});

test('onInstall builds the same menu', async () => {
  const rt = await openRuntime(demoWorkbook());
  const r = rt.run('onInstall', [], { as: LEAD });
  expect(items(r.ui.menus[0]).map((i) => i.functionName)).toEqual(FUNCTIONS);
});

test.each(FUNCTIONS)('the menu item %s is a real entry point', async (fn) => {
  const rt = await openRuntime(demoWorkbook(), { now: '2026-11-23T15:00:00Z' });
  rt.select('OKRs!A1', LEAD);
  const r = rt.run(fn, [], { as: LEAD });
  expect(r.refused).toBeUndefined();
  // refreshSummary belongs to the Summary feature; the others are this feature's and must succeed.
  if (fn !== 'refreshSummary') expect(r.error).toBeUndefined();
});

test('Check problems: a toast with the counts, and the sidebar opens on the list', async () => {
  const rt = await openRuntime(demoWorkbook(), { now: '2026-11-23T15:00:00Z' });
  const r = rt.run('showProblems', [], { as: LEAD });
  const result = r.result as { counts: { errors: number; warnings: number } };
  expect(r.ui.toasts[0].message).toBe(
    `${result.counts.errors} errors and ${result.counts.warnings} warnings. The sidebar lists them; click one to go to its cell.`,
  );
  expect(r.ui.sidebar?.title).toBe('OKR Owners');
});
