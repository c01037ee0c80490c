// The reminder when someone opens the spreadsheet, through the built add-on, per authorization mode
// (Google's lifecycle for editor add-ons): NONE builds the menu and nothing else; LIMITED (the usual
// simple onOpen) cannot learn who opened the file, so it reads no OKRs and shows no toast; FULL
// (onOpen from onInstall) toasts what needs that person, and nothing when nothing does.
import { Runtime, Workbook } from '../../local/runtime';
import { DAY, okrHeaderRow, okrRow, teamHeaderRow, teamRow } from '../fixtures/okr/build';
import { ensureBuilt } from '../helpers/build';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ANN = 'ann@example.com';
const BEN = 'ben@example.com';
const d = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

function workbook(benCheckIn = d(2)): Workbook {
  const kr = (id: string, owner: string, cells: Record<string, unknown> = {}) =>
    okrRow({
      ID: id,
      Type: 'Key result',
      Parent: 'O1',
      Title: `Key result ${id}`,
      Owner: owner,
      Cycle: '2026-Q4',
      Kind: 'Increase',
      Start: 0,
      Target: 100,
      Current: 50,
      Confidence: 'On track',
      Accepted: d(60),
      'Last check-in': d(2),
      ...cells,
    });
  return Workbook.fromRows(
    {
      OKRs: [
        okrHeaderRow(),
        okrRow({ ID: 'O1', Type: 'Objective', Title: 'Grow', Owner: BEN, Cycle: '2026-Q4', Accepted: d(60) }),
        kr('O1.1', ANN, { 'Last check-in': d(30) }),
        kr('O1.2', ANN, { Current: '' }),
        kr('O1.3', ANN, { Accepted: '', 'Last check-in': '' }),
        kr('O1.4', BEN, { 'Last check-in': benCheckIn }),
      ],
      Team: [
        teamHeaderRow(),
        teamRow({ Name: 'Ann', Email: ANN, Role: 'Member' }),
        teamRow({ Name: 'Ben', Email: BEN, Role: 'Lead', Language: 'ja' }),
      ],
    },
    { timeZone: 'UTC' },
  );
}

async function open(wb = workbook(), locale = 'en'): Promise<Runtime> {
  return Runtime.open({
    workbook: wb,
    projectDir: ensureBuilt(),
    options: { now: NOW, userLocales: { [BEN]: locale } },
  });
}

const reads = (calls: Record<string, number>) =>
  (calls['Range.getValues'] ?? 0) + (calls['Sheet.getSheetValues'] ?? 0);

test('AuthMode.NONE: the menu only, nothing read, no toast', async () => {
  const rt = await open();
  const r = rt.run('onOpen', [], { as: ANN, authMode: 'NONE' });
  expect(r.ok).toBe(true);
  expect(r.ui.menus).toHaveLength(1);
  expect(r.ui.toasts).toEqual([]);
  expect(reads(r.calls)).toBe(0);
});

test('AuthMode.LIMITED: Google hides who opened the file, so no OKRs are read and no toast is shown', async () => {
  const rt = await open();
  const r = rt.openDocument(ANN);
  expect(r.authMode).toBe('LIMITED');
  expect(r.ok).toBe(true);
  expect(r.ui.menus).toHaveLength(1);
  expect(r.ui.toasts).toEqual([]);
  expect(reads(r.calls)).toBe(0);
});

test('AuthMode.FULL: the toast says what needs the person and points to the sidebar', async () => {
  const rt = await open();
  const r = rt.run('onOpen', [], { as: ANN, authMode: 'FULL' });
  expect(r.ui.menus).toHaveLength(1);
  expect(r.ui.toasts).toEqual([
    {
      title: 'OKR Owners',
      message:
        '2 key results need your check-in · 1 waits for your acceptance. Open Extensions → OKR Owners → Open sidebar.',
      timeoutSeconds: 15,
    },
  ]);
  // onInstall runs FULL and does the same.
  expect(rt.run('onInstall', [], { as: ANN }).ui.toasts).toHaveLength(1);
});

test('AuthMode.FULL with nothing to do: no toast (and in the person’s language)', async () => {
  const rt = await open();
  expect(rt.run('onOpen', [], { as: BEN, authMode: 'FULL' }).ui.toasts).toEqual([]);
  const ja = await open(workbook(d(40)), 'ja');
  expect(ja.run('onOpen', [], { as: BEN, authMode: 'FULL' }).ui.toasts.map((t) => t.message)).toEqual([
    '1件の主要な結果がチェックインを待っています。「拡張機能」→「OKR Owners」→「サイドバーを開く」から対応できます。',
  ]);
});
