// The sandbox's command line: bad input ends with one line on stderr and exit status 1 and never
// touches the workbook; a fresh start creates the demo workbook, set up, and serves it; changes are
// saved; one sandbox (or okr-sandbox write) per workbook at a time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSandbox, repoRoot, runToExit } from '../../local/app/launch';
import type { ActionResult, AppState, SheetView } from '../../local/app/protocol';
import { main } from '../../local/cli';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Workbook, workbookToXlsx } from '../../local/runtime';
import { cpuMsOf, getJson } from '../helpers/sandbox';

// A fresh start launches the sandbox three times; it took 221 s under load: ten minutes per test.
jest.setTimeout(600_000);

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

test('npm start checks its arguments before it rebuilds: a typo is refused with no build', async () => {
  const r = await new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs'), '--colour', 'blue'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
  expect(r.code).toBe(1);
  expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^okr-sandbox: unknown option --colour/)]);
  expect(r.out).not.toMatch(/built dist/);
});

test('a fresh start creates the demo workbook, serves it, and saves every change', async () => {
  const cwd = mkdtempSync(join(dir, 'fresh-'));
  const app = await launchSandbox(['--port', '0'], cwd);
  const file = join(cwd, '.local/okrs.xlsx');
  let edited: string;
  try {
    // Under a minute of work to serve (its CPU time where /proc tells it): the time on the clock is
    // the machine's load, not the sandbox's (3.6 s of CPU took 50-73 s at a load average of 20).
    expect(cpuMsOf(app.proc.pid ?? -1) ?? app.startupMs).toBeLessThan(60_000);
    expect(existsSync(file)).toBe(true);
    const state = await getJson<AppState>(app.url, 'api/state');
    expect(state.sheets).toEqual(expect.arrayContaining(['OKRs', 'Team']));
    expect(state.people.length).toBeGreaterThan(1);
    expect(state.people.map((p) => p.email)).toContain(state.user);
    // onOpen ran at load and registered the add-on menu.
    expect(state.log[0]).toMatchObject({ function: 'onOpen', via: 'open', ok: true });
    expect(state.menus.flatMap((m) => m.items).length).toBeGreaterThan(0);

    // The first start opens the demo as the README's screenshot shows it: the add-on's own Set up and
    // Refresh summary ran from its menu, as the Lead, before anyone opened the page.
    expect(app.stderr()).toBe('');
    const lead = state.people.find((p) => p.role === 'Lead')?.email;
    expect(state.user).toBe(lead);
    // Then the demo's previous cycle is closed by the Lead in the sidebar, two owners write their
    // retrospectives, and the Summary is refreshed last (so it shows the Results section).
    const steps = state.log.map((x) => [x.function, x.via, x.ok, x.user]);
    expect(steps.slice(0, 3)).toEqual([
      ['onOpen', 'open', true, lead],
      ['setUpOkrSheet', 'menu', true, lead],
      ['closeCycle', 'sidebar', true, lead],
    ]);
    const refreshed = steps.findIndex(([fn]) => fn === 'refreshSummary');
    expect(steps[refreshed]).toEqual(['refreshSummary', 'menu', true, lead]);
    expect(steps.slice(3, refreshed).map(([fn, via, ok]) => [fn, via, ok])).toEqual([
      ['saveRetrospective', 'sidebar', true],
      ['saveRetrospective', 'sidebar', true],
    ]);
    expect(state.sheets).toEqual(expect.arrayContaining(['OKRs', 'Team', 'Summary', 'Check-ins']));
    const okrs = await getJson<SheetView>(app.url, 'api/sheet?name=OKRs');
    const objective = okrs.rows.find((r) => r[1]?.text === 'Objective');
    const keyResult = okrs.rows.find((r) => r[1]?.text === 'Key result');
    // Objective rows styled by set-up (bold on a tint), key results plain; Owner is a dropdown.
    expect(objective?.[0]).toMatchObject({ bold: true, bg: expect.stringMatching(/^#/) });
    expect(keyResult?.[0].bold).toBeFalsy();
    expect(okrs.rows[1][4].options?.length).toBeGreaterThan(1);
    const summary = await getJson<SheetView>(app.url, 'api/sheet?name=Summary');
    expect(summary.rows.length).toBeGreaterThan(10);

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
    const sheet = await getJson<SheetView>(app.url, 'api/sheet?name=Team');
    expect(sheet.rows[39][25].text).toBe(edited);
  } finally {
    await app.stop();
  }
  // Reopened from disk: the edit is there.
  const again = await launchSandbox(['--port', '0', '--workbook', file], cwd);
  try {
    const sheet = await getJson<SheetView>(again.url, 'api/sheet?name=Team');
    expect(sheet.rows[39][25].text).toBe(edited);
  } finally {
    await again.stop();
  }
  // --reset starts the demo over: the edit is gone.
  const reset = await launchSandbox(['--port', '0', '--reset'], cwd);
  try {
    const sheet = await getJson<SheetView>(reset.url, 'api/sheet?name=Team');
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
    const state = await getJson<AppState>(app.url, 'api/state');
    expect(state.sheets).toEqual(['Q4 goals']);
    expect(state.people).toEqual([]);
    expect(state.menus.flatMap((m) => m.items).length).toBeGreaterThan(0);
    const sheet = await getJson<SheetView>(app.url, `api/sheet?name=${encodeURIComponent('Q4 goals')}`);
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

test('two sandboxes on one workbook: the second is refused naming the first, a CLI write too; a stale lock is taken over', async () => {
  const f = await demoFile('shared.xlsx');
  const lockFile = `${f}.lock`;
  const cli = async (...args: string[]) => {
    let out = '';
    const status = await main(args, (line) => {
      out += line;
    });
    return { status, out: JSON.parse(out) as { ok: boolean; error?: { name: string; message: string } } };
  };
  const first = await launchSandbox(['--port', '0', '--workbook', f]);
  let pageRefusal = '';
  try {
    const holder = new RegExp(
      `shared\\.xlsx is in use by PID ${first.proc.pid} \\(npm start -- --port 0 --workbook ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\): stop that process first`,
    );
    const second = await runToExit(['--port', '0', '--workbook', f]);
    expectOneLineFailure(second, holder);
    const before = digest(f);
    const edit = await cli(
      'edit',
      '--workbook',
      f,
      '--as',
      'priya.natarajan@example.com',
      '--range',
      'Team!Z40',
      '--value',
      'x',
    );
    expect(edit.status).toBe(1);
    expect(edit.out.error?.message).toMatch(holder);
    expect(digest(f)).toBe(before);
    // The page refuses to move the clock back; `okr-sandbox tick` gives the same words (below).
    const r = await fetch(`${first.url}api/tick`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ until: '2020-01-01T00:00' }),
    });
    expect(r.status).toBe(400);
    pageRefusal = ((await r.json()) as { message: string }).message;
  } finally {
    await first.stop();
  }
  expect(existsSync(lockFile)).toBe(false); // released when the sandbox stopped
  expect(pageRefusal).toMatch(
    /^The clock only moves forward: Wed 2020-01-01 00:00 is before the virtual time now/,
  );
  const tick = await cli('tick', '--workbook', f, '--until', '2020-01-01T00:00:00-05:00');
  expect(tick.status).toBe(1);
  expect(tick.out.error?.message).toBe(pageRefusal);

  // A sandbox that dies without stopping leaves its lock; the next one takes it over.
  const crashed = await launchSandbox(['--port', '0', '--workbook', f]);
  const crashedPid = crashed.proc.pid;
  await new Promise<void>((resolve) => {
    crashed.proc.once('exit', () => resolve());
    crashed.proc.kill('SIGKILL');
  });
  expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(crashedPid);
  const next = await launchSandbox(['--port', '0', '--workbook', f]);
  try {
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(next.proc.pid);
  } finally {
    await next.stop();
  }
});
