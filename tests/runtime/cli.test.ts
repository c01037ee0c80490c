// The okr-sandbox CLI. Most cases call local/cli.ts's main() in-process (the same code the bin
// runs, minus a Node start-up per case); a few real spawns of the bin pin down the process
// contract: ONE JSON line on stdout, exit status 0/1, the workbook's bytes untouched on refusal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { main } from '../../local/cli';

const repo = path.resolve(__dirname, '../..');
const BIN = path.join(repo, 'local/bin/okr-sandbox.cjs');

const CODE = `
function hello(name, n) { return { greeting: 'Hello ' + name, twice: n * 2, user: Session.getActiveUser().getEmail(), now: new Date().toISOString() }; }
function remember(v) { PropertiesService.getDocumentProperties().setProperty('v', v); }
function recall() { return PropertiesService.getDocumentProperties().getProperty('v'); }
function notify(to) { MailApp.sendEmail({ to: to, subject: 'Your key results — 今週', body: 'Plain text', htmlBody: '<p>HTML <b>body</b></p>' }); }
function readA1() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); }
function writeThenFail() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('partial'); throw new Error('after writing'); }
function protectColumn() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no'], true).setAllowInvalid(false).build();
  sheet.getRange('Z2').setDataValidation(rule);
  return sheet.getName();
}
function onEdit(e) { Logger.log('edited ' + e.range.getA1Notation() + ' = ' + e.value); }
function install() { ScriptApp.newTrigger('tock').timeBased().everyHours(1).create(); }
function tock() { Logger.log('tock ' + new Date().toISOString()); }
function secret_() { return 'private'; }
function locale() { return Session.getActiveUserLocale(); }
`;

interface Out {
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string };
  [k: string]: unknown;
}

interface CliResult {
  status: number | null;
  out: Out;
  stdout: string;
}

const oneLine = (stdout: string): Out => {
  const lines = stdout.split('\n');
  // ONE JSON object, newline-terminated, nothing else on stdout.
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  return JSON.parse(lines[0] as string) as Out;
};

/** main() in-process: what the bin would print and its exit status. */
async function cli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  const status = await main(args, (line) => {
    stdout += line;
  });
  return { status, out: oneLine(stdout), stdout };
}

/** The real bin in a child process (async, so a loaded machine does not block jest's worker). */
function spawnCli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_KILL_MS);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      try {
        resolve({ status, out: oneLine(stdout), stdout });
      } catch (e) {
        reject(new Error(`${(e as Error).message}\nstdout: ${stdout}\nstderr: ${stderr}`));
      }
    });
  });
}

// Spawned processes start Node + tsx + the bundle: generous when other suites share the cores. At a
// load average of 23 on two cores one spawn took 32-38 s, and a test makes two in a row: each spawn
// may take four minutes before it is killed, a test five.
const SPAWN_KILL_MS = 240_000;
const SPAWN_MS = 300_000;

let dir: string;
let book: string;
let code: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-cli-'));
  book = path.join(dir, 'demo.xlsx');
  code = path.join(dir, 'Code.js');
  fs.writeFileSync(code, CODE);
  const demo = await cli('demo', book);
  expect(demo.status).toBe(0);
  expect(demo.out.ok).toBe(true);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytesOf = (file: string) => [fs.readFileSync(file), fs.readFileSync(`${file}.state.json`)];
const bytes = () => bytesOf(book);

describe('okr-sandbox', () => {
  test('--help and help print the usage of every command and exit 0', async () => {
    for (const flag of ['--help', 'help']) {
      let stdout = '';
      const status = await main([flag], (line) => {
        stdout += line;
      });
      expect(status).toBe(0);
      for (const command of ['demo', 'run', 'edit', 'tick', 'serve'])
        expect(stdout).toContain(`okr-sandbox ${command}`);
    }
    const unknown = await cli('frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.out.error?.message).toMatch(/Unknown command frobnicate.*--help/);
  });

  test('--locale sets the account locale of the user the function runs as; a malformed one is refused', async () => {
    const ja = await cli('run', 'locale', '--workbook', book, '--code', code, '--locale', 'ja_JP');
    expect(ja.out).toMatchObject({ ok: true, result: 'ja_JP' });
    const bad = await cli('run', 'locale', '--workbook', book, '--code', code, '--locale', 'ja JP; rm');
    expect(bad.status).toBe(1);
    expect(bad.out.error?.message).toMatch(/--locale is not a locale/);
  });

  test('demo writes the workbook and its state', () => {
    expect(fs.existsSync(book)).toBe(true);
    expect(fs.existsSync(`${book}.state.json`)).toBe(true);
    expect(fs.readFileSync(book).subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
  });

  test('run prints the result, the call counts and the virtual time', async () => {
    const r = await cli(
      'run',
      'hello',
      '"Aki"',
      '21',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'aki@example.com',
      '--at',
      '2026-12-01T10:00:00Z',
    );
    expect(r.status).toBe(0);
    expect(r.out.ok).toBe(true);
    const virtualMs = r.out.virtualMs as number;
    expect(virtualMs).toBeGreaterThan(0);
    // The script's clock started at --at and advanced by the modeled latency of its two calls.
    expect(r.out.result).toEqual({
      greeting: 'Hello Aki',
      twice: 42,
      user: 'aki@example.com',
      now: new Date(Date.parse('2026-12-01T10:00:00Z') + virtualMs).toISOString(),
    });
    expect(r.out.calls).toEqual({ 'Session.getActiveUser': 1, 'User.getEmail': 1 });
  });

  test('state persists between runs', async () => {
    expect((await cli('run', 'remember', '"kept"', '--workbook', book, '--code', code)).status).toBe(0);
    expect((await cli('run', 'recall', '--workbook', book, '--code', code)).out.result).toBe('kept');
  });

  test('emails are written as .eml files into <F>.outbox/', async () => {
    const r = await cli(
      'run',
      'notify',
      '"owner@example.com"',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'lead@example.com',
    );
    expect(r.status).toBe(0);
    const [email] = r.out.emails as Array<{ to: string; subject: string; file: string }>;
    expect(email?.to).toBe('owner@example.com');
    expect(path.dirname(email?.file as string)).toBe(`${book}.outbox`);
    const parsed = await simpleParser(fs.readFileSync(email?.file as string));
    expect(parsed.subject).toBe('Your key results — 今週');
    expect(parsed.text?.trim()).toBe('Plain text');
    expect(parsed.html).toContain('<p>HTML <b>body</b></p>');
    expect(parsed.from?.text).toBe('lead@example.com');
  });

  test.each([
    [['run', 'nothingHere'], /^Script function not found: nothingHere$/],
    [['run', 'secret_'], /private/],
    [['run', 'hello', '{bad json'], /not valid JSON/],
    [['run'], /usage/],
    [['run', 'hello', '--bogus', 'x'], /Unknown option --bogus/],
    [['edit', '--range', 'Z2', '--as', 'a@example.com', '--value', 'x'], /must name the sheet/],
    [['tick', '--until', 'tomorrow'], /not an ISO time/],
    [['launch'], /Unknown command launch/],
  ])('refusal %j: one-line JSON error, exit 1, workbook untouched', async (args, re) => {
    const before = bytes();
    const r = await cli(...args, '--workbook', book, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.ok).toBe(false);
    expect(r.out.error?.message).toMatch(re);
    expect(bytes()).toEqual(before);
  });

  test('missing workbook and corrupt xlsx', async () => {
    const missing = await cli('run', 'hello', '--workbook', path.join(dir, 'nope.xlsx'), '--code', code);
    expect(missing.status).toBe(1);
    expect(missing.out.error?.message).toMatch(/Workbook not found/);
    expect(fs.existsSync(path.join(dir, 'nope.xlsx'))).toBe(false);
    const corrupt = path.join(dir, 'corrupt.xlsx');
    fs.writeFileSync(corrupt, 'not a zip');
    const r = await cli('run', 'hello', '--workbook', corrupt, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.error?.message).toMatch(/Cannot read workbook/);
    expect(fs.readFileSync(corrupt, 'utf8')).toBe('not a zip');
    expect(fs.existsSync(`${corrupt}.state.json`)).toBe(false);
  });

  test('a script that throws after writing: exit 1, and its writes persist as in Apps Script', async () => {
    const r = await cli('run', 'writeThenFail', '--workbook', book, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.error).toEqual({ name: 'Error', message: 'after writing' });
    expect((await cli('run', 'readA1', '--workbook', book, '--code', code)).out.result).toBe('partial');
  });

  test('edit: a rejecting validation rule refuses typed input; a paste bypasses it; onEdit fires', async () => {
    const sheet = (await cli('run', 'protectColumn', '--workbook', book, '--code', code)).out
      .result as string;
    const edit = (value: string, ...more: string[]) =>
      cli(
        'edit',
        '--workbook',
        book,
        '--code',
        code,
        '--as',
        'a@example.com',
        '--range',
        `${sheet}!Z2`,
        '--value',
        value,
        ...more,
      );
    const before = bytes();
    const typed = await edit('maybe');
    expect(typed.status).toBe(1);
    expect(typed.out.ok).toBe(false);
    expect(bytes()).toEqual(before);
    const ok = await edit('yes');
    expect(ok.status).toBe(0);
    expect(ok.out.logs).toEqual(['edited Z2 = yes']);
    const pasted = await edit('maybe', '--paste');
    expect(pasted.status).toBe(0);
    // A paste carries no e.value, even into one cell (as in Google; local/runtime/runtime.ts says where).
    expect(pasted.out.logs).toEqual(['edited Z2 = undefined']);
    expect(bytes()).not.toEqual(before);
  });

  test('tick fires installed time-driven triggers in order', async () => {
    const installed = await cli(
      'run',
      'install',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'lead@example.com',
      '--at',
      '2026-12-02T00:00:00Z',
    );
    expect(installed.status).toBe(0);
    const r = await cli('tick', '--workbook', book, '--code', code, '--until', '2026-12-02T03:30:00Z');
    expect(r.status).toBe(0);
    const executions = r.out.executions as Array<{ ok: boolean; user: string; logs: string[] }>;
    expect(executions).toHaveLength(3);
    expect(executions.every((e) => e.ok && e.user === 'lead@example.com')).toBe(true);
    // Each fires at its due hour (plus the modeled start-up latency), in order.
    expect(executions.map((e) => e.logs[0]?.slice(0, 24))).toEqual([
      'tock 2026-12-02T01:00:00',
      'tock 2026-12-02T02:00:00',
      'tock 2026-12-02T03:00:00',
    ]);
  });

  test('tick to a time before the virtual clock is refused as the sandbox page refuses it: exit 1, nothing saved', async () => {
    const before = bytes();
    const back = await cli('tick', '--workbook', book, '--code', code, '--until', '2026-12-01T00:00:00Z');
    expect(back.status).toBe(1);
    expect(back.out.ok).toBe(false);
    expect(back.out.executions).toBeUndefined();
    // The page's words (local/app/clock.ts), in the spreadsheet's zone (the demo's is New York).
    expect(back.out.error?.message).toMatch(
      /^The clock only moves forward: Mon 2026-11-30 19:00 is before the virtual time now, \w{3} 2026-12-\d\d \d\d:\d\d \(America\/New_York\)\. Pick a later time\.$/,
    );
    expect(bytes()).toEqual(before);
  });
});

// The process contract, with the real bin: the commands a person types, their output and exit codes.
describe('okr-sandbox as a process', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = path.join(fs.mkdtempSync(path.join(dir, 'spawned-')), 'd.xlsx');
  });

  test(
    'demo, then run onOpen of the built add-on: one JSON line each, exit 0, call counts',
    async () => {
      const demo = await spawnCli('demo', fresh);
      expect([demo.status, demo.out.ok]).toEqual([0, true]);
      const r = await spawnCli('run', 'onOpen', '--workbook', fresh);
      expect(r.status).toBe(0);
      expect(r.out.ok).toBe(true);
      expect(r.out.authMode).toBe('LIMITED');
      const calls = r.out.calls as Record<string, number>;
      expect(calls['Ui.createAddonMenu']).toBe(1);
      expect(calls['Menu.addToUi']).toBe(1);
    },
    SPAWN_MS,
  );

  test(
    'refusals (unknown function, private function, missing workbook): one JSON line, exit 1, bytes unchanged',
    async () => {
      if (!fs.existsSync(fresh)) await cli('demo', fresh);
      const before = bytesOf(fresh);
      // One after the other on the same workbook: each command holds the workbook's lock while it runs.
      const [[unknown, priv], missing] = await Promise.all([
        spawnCli('run', 'noSuchFunction', '--workbook', fresh).then(async (u) => [
          u,
          await spawnCli('run', 'onOpen_', '--workbook', fresh),
        ]),
        spawnCli('run', 'onOpen', '--workbook', path.join(dir, 'missing.xlsx')),
      ]);
      for (const r of [unknown, priv, missing]) {
        expect(r.status).toBe(1);
        expect(r.out.ok).toBe(false);
        expect(Object.keys(r.out)).toEqual(['ok', 'error']);
      }
      expect(unknown.out.error?.message).toBe('Script function not found: noSuchFunction');
      expect(priv.out.error?.message).toMatch(/private/);
      expect(missing.out.error?.message).toMatch(/^Workbook not found: /);
      expect(bytesOf(fresh)).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'missing.xlsx'))).toBe(false);
    },
    SPAWN_MS,
  );
});
