// The okr-sandbox bin, spawned as users run it: one JSON object on stdout, exit status 1 on
// failure, the workbook's bytes untouched whenever the runtime refuses to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';

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
`;

interface Out {
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string };
  [k: string]: unknown;
}

function cli(...args: string[]): { status: number | null; out: Out; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1); // ONE JSON object
  return { status: r.status, out: JSON.parse(lines[0]) as Out, stdout: r.stdout };
}

let dir: string;
let book: string;
let code: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-cli-'));
  book = path.join(dir, 'demo.xlsx');
  code = path.join(dir, 'Code.js');
  fs.writeFileSync(code, CODE);
  const demo = cli('demo', book);
  expect(demo.status).toBe(0);
  expect(demo.out.ok).toBe(true);
});

const bytes = () => [fs.readFileSync(book), fs.readFileSync(`${book}.state.json`)];

describe('okr-sandbox', () => {
  test('demo writes the workbook and its state', () => {
    expect(fs.existsSync(book)).toBe(true);
    expect(fs.existsSync(`${book}.state.json`)).toBe(true);
    expect(fs.readFileSync(book).subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
  });

  test('run prints the result, the call counts and the virtual time', () => {
    const r = cli(
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

  test('state persists between runs', () => {
    expect(cli('run', 'remember', '"kept"', '--workbook', book, '--code', code).status).toBe(0);
    expect(cli('run', 'recall', '--workbook', book, '--code', code).out.result).toBe('kept');
  });

  test('emails are written as .eml files into <F>.outbox/', async () => {
    const r = cli(
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
    expect(email.to).toBe('owner@example.com');
    expect(path.dirname(email.file)).toBe(`${book}.outbox`);
    const parsed = await simpleParser(fs.readFileSync(email.file));
    expect(parsed.subject).toBe('Your key results — 今週');
    expect(parsed.text?.trim()).toBe('Plain text');
    expect(parsed.html).toContain('<p>HTML <b>body</b></p>');
    expect(parsed.from?.text).toBe('lead@example.com');
  });

  test.each([
    [['run', 'nothingHere'], /Script function not found: nothingHere/],
    [['run', 'secret_'], /private/],
    [['run', 'hello', '{bad json'], /not valid JSON/],
    [['run'], /usage/],
  ])('refusal %j: one-line JSON error, exit 1, workbook untouched', (args, re) => {
    const before = bytes();
    const r = cli(...args, '--workbook', book, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.ok).toBe(false);
    expect(r.out.error?.message).toMatch(re);
    expect(bytes()).toEqual(before);
  });

  test('missing workbook and corrupt xlsx', () => {
    const missing = cli('run', 'hello', '--workbook', path.join(dir, 'nope.xlsx'), '--code', code);
    expect(missing.status).toBe(1);
    expect(missing.out.error?.message).toMatch(/Workbook not found/);
    const corrupt = path.join(dir, 'corrupt.xlsx');
    fs.writeFileSync(corrupt, 'not a zip');
    const r = cli('run', 'hello', '--workbook', corrupt, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.error?.message).toMatch(/Cannot read workbook/);
    expect(fs.readFileSync(corrupt, 'utf8')).toBe('not a zip');
  });

  test('a script that throws after writing: exit 1, and its writes persist as in Apps Script', () => {
    const r = cli('run', 'writeThenFail', '--workbook', book, '--code', code);
    expect(r.status).toBe(1);
    expect(r.out.error).toEqual({ name: 'Error', message: 'after writing' });
    expect(cli('run', 'readA1', '--workbook', book, '--code', code).out.result).toBe('partial');
  });

  test('edit: a rejecting validation rule refuses typed input; a paste bypasses it; onEdit fires', () => {
    const sheet = cli('run', 'protectColumn', '--workbook', book, '--code', code).out.result as string;
    const range = `${sheet}!Z2`;
    const before = bytes();
    const typed = cli(
      'edit',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'a@example.com',
      '--range',
      range,
      '--value',
      'maybe',
    );
    expect(typed.status).toBe(1);
    expect(typed.out.ok).toBe(false);
    expect(bytes()).toEqual(before);
    const ok = cli(
      'edit',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'a@example.com',
      '--range',
      range,
      '--value',
      'yes',
    );
    expect(ok.status).toBe(0);
    expect(ok.out.logs).toEqual(['edited Z2 = yes']);
    const pasted = cli(
      'edit',
      '--workbook',
      book,
      '--code',
      code,
      '--as',
      'a@example.com',
      '--range',
      range,
      '--value',
      'maybe',
      '--paste',
    );
    expect(pasted.status).toBe(0);
    expect(pasted.out.logs).toEqual(['edited Z2 = maybe']);
  });

  test('tick fires installed time-driven triggers in order', () => {
    expect(
      cli(
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
      ).status,
    ).toBe(0);
    const r = cli('tick', '--workbook', book, '--code', code, '--until', '2026-12-02T03:30:00Z');
    expect(r.status).toBe(0);
    const executions = r.out.executions as Array<{ ok: boolean; user: string; logs: string[] }>;
    expect(executions).toHaveLength(3);
    expect(executions.every((e) => e.ok && e.user === 'lead@example.com')).toBe(true);
    expect(executions[0].logs[0]).toMatch(/^tock 2026-12-02T01:00:00/);
    expect(
      cli('tick', '--workbook', book, '--code', code, '--until', '2026-12-01T00:00:00Z').out.executions,
    ).toEqual([]);
  });

  test('the built add-on: run onOpen on the demo workbook', () => {
    const r = cli('run', 'onOpen', '--workbook', book);
    expect(r.out.ok).toBe(true);
    expect(r.out.authMode).toBe('LIMITED');
    expect(typeof r.out.calls).toBe('object');
  });
});
