// The sandbox's command line: bad input ends with one line on stderr and exit status 1 and never
// touches the workbook; a fresh start creates the demo workbook and serves it; changes are saved.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSandbox, runToExit } from '../../local/app/launch';
import type { ActionResult, AppState, SheetView } from '../../local/app/protocol';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Workbook, workbookToXlsx } from '../../local/runtime';

jest.setTimeout(300_000);

let dir: string;
const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okr-sandbox-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function demoFile(name: string): Promise<string> {
  const f = join(dir, name);
  writeFileSync(f, await workbookToXlsx(demoWorkbook()));
  return f;
}

function expectOneLineFailure(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stdout).not.toMatch(/http:\/\//);
}

test('a corrupt .xlsx gets one line and exit 1, and stays byte-for-byte as it was', async () => {
  const f = join(dir, 'corrupt.xlsx');
  writeFileSync(f, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 7)]));
  const before = digest(f);
  const r = await runToExit(['--workbook', f, '--port', '0']);
  expectOneLineFailure(r, /cannot open .*corrupt\.xlsx/);
  expect(digest(f)).toBe(before);
  expect(existsSync(`${f}.state.json`)).toBe(false);
});

test('a file that is not a workbook at all is refused the same way', async () => {
  const f = join(dir, 'notes.txt');
  writeFileSync(f, 'Owner,Title\nana@example.com,Ship it\n');
  const before = digest(f);
  const r = await runToExit(['--workbook', f, '--port', '0']);
  expectOneLineFailure(r, /cannot open .*notes\.txt/);
  expect(digest(f)).toBe(before);
});

test('a corrupt state file next to a good workbook is refused, and neither file is touched', async () => {
  const f = await demoFile('state.xlsx');
  writeFileSync(`${f}.state.json`, '{"version":1,"clock":');
  const [x, st] = [digest(f), digest(`${f}.state.json`)];
  const r = await runToExit(['--workbook', f, '--port', '0']);
  expectOneLineFailure(r, /cannot open .*state\.xlsx: .*state file.*fix or delete/i);
  expect([digest(f), digest(`${f}.state.json`)]).toEqual([x, st]);
});

test('a busy port gets one line naming the port, and the workbook is not written', async () => {
  const f = await demoFile('busy.xlsx');
  const before = digest(f);
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const r = await runToExit(['--workbook', f, '--port', String(port)]);
    expectOneLineFailure(r, new RegExp(`port ${port} is busy`));
  } finally {
    blocker.close();
  }
  expect(digest(f)).toBe(before);
  expect(existsSync(`${f}.state.json`)).toBe(false);
});

test('a workbook path that does not exist, or a bad option, is refused', async () => {
  expectOneLineFailure(await runToExit(['--workbook', join(dir, 'nope.xlsx')]), /nope\.xlsx does not exist/);
  expectOneLineFailure(await runToExit(['--port', 'eighty']), /--port must be a number/);
  expectOneLineFailure(await runToExit(['--colour', 'blue']), /unknown option --colour/);
  expectOneLineFailure(
    await runToExit(['--reset', '--workbook', 'x.xlsx']),
    /--reset .* does not take --workbook/,
  );
});

test('a fresh start creates the demo workbook, serves it, and saves every change', async () => {
  const cwd = mkdtempSync(join(dir, 'fresh-'));
  const app = await launchSandbox(['--port', '0'], cwd);
  const file = join(cwd, '.local/okrs.xlsx');
  let edited: string;
  try {
    expect(app.startupMs).toBeLessThan(60_000);
    expect(existsSync(file)).toBe(true);
    const state = (await (await fetch(`${app.url}api/state`)).json()) as AppState;
    expect(state.sheets).toEqual(expect.arrayContaining(['OKRs', 'Team']));
    expect(state.people.length).toBeGreaterThan(1);
    expect(state.people.map((p) => p.email)).toContain(state.user);
    // onOpen ran at load and registered the add-on menu.
    expect(state.log[0]).toMatchObject({ function: 'onOpen', via: 'open', ok: true });
    expect(state.menus.flatMap((m) => m.items).length).toBeGreaterThan(0);

    // A pasted value (no validation) on an empty cell far from the data, saved to disk at once.
    edited = `sandbox note ${Date.now()}`;
    const r = (await (
      await fetch(`${app.url}api/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sheet: 'Team', a1: 'Z40', value: edited, paste: true }),
      })
    ).json()) as ActionResult;
    expect(r.ok).toBe(true);
    expect(r.state.log.at(-1)).toMatchObject({ function: 'onEdit', via: 'paste' });
    const sheet = (await (await fetch(`${app.url}api/sheet?name=Team`)).json()) as SheetView;
    expect(sheet.rows[39][25].text).toBe(edited);
  } finally {
    await app.stop();
  }
  // Reopened from disk: the edit is there.
  const again = await launchSandbox(['--port', '0', '--workbook', file], cwd);
  try {
    const sheet = (await (await fetch(`${again.url}api/sheet?name=Team`)).json()) as SheetView;
    expect(sheet.rows[39][25].text).toBe(edited);
  } finally {
    await again.stop();
  }
  // --reset starts the demo over: the edit is gone.
  const reset = await launchSandbox(['--port', '0', '--reset'], cwd);
  try {
    const sheet = (await (await fetch(`${reset.url}api/sheet?name=Team`)).json()) as SheetView;
    expect(sheet.rows.length).toBeLessThan(40);
  } finally {
    await reset.stop();
  }
});

test("a workbook exported from someone's own sheet (no Team, other tabs) opens as is", async () => {
  const f = join(dir, 'mine.xlsx');
  const wb = Workbook.fromRows({
    'Q4 goals': [
      ['Goal', 'Who'],
      ['Ship it', 'ana@example.com, bo@example.com'],
    ],
  });
  writeFileSync(f, await workbookToXlsx(wb));
  const app = await launchSandbox(['--port', '0', '--workbook', f]);
  try {
    const state = (await (await fetch(`${app.url}api/state`)).json()) as AppState;
    expect(state.sheets).toEqual(['Q4 goals']);
    expect(state.people).toEqual([]);
    expect(state.menus.flatMap((m) => m.items).length).toBeGreaterThan(0);
    const sheet = (await (
      await fetch(`${app.url}api/sheet?name=${encodeURIComponent('Q4 goals')}`)
    ).json()) as SheetView;
    expect(sheet.rows[1].map((c) => c.text)).toEqual(['Ship it', 'ana@example.com, bo@example.com']);
    // Nobody to switch to: the switcher refuses names that are not in a Team tab.
    const r = await fetch(`${app.url}api/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mallory@example.com' }),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toMatch(/not in the Team tab/);
  } finally {
    await app.stop();
  }
});
