// One writer per workbook (local/workbookLock.ts): a second writer is refused with a message naming
// the process that holds the lock (PID, command, start time); a lock whose process has ended is taken
// over; the okr-sandbox commands that write take it and leave the workbook untouched when refused.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../local/cli';
import { acquireWorkbookLock, lockPathOf, WorkbookLockedError } from '../../local/workbookLock';

let dir: string;
let book: string;
let other: ChildProcess;

/** A live process that is not this one, to hold a lock (its PID is checked, nothing else). */
function sleeper(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

/** A PID that no process has any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  if (!r.pid) throw new Error('could not start a process');
  return r.pid;
}

function writeLock(pid: number, command = 'npm start -- --port 9000'): void {
  fs.writeFileSync(
    lockPathOf(book),
    JSON.stringify({ pid, command, startedAt: '2026-12-04T09:15:00Z', host: os.hostname() }),
  );
}

async function cli(...args: string[]) {
  let stdout = '';
  const status = await main(args, (line) => {
    stdout += line;
  });
  return { status, out: JSON.parse(stdout) as { ok: boolean; error?: { name: string; message: string } } };
}

const bytes = () => [fs.readFileSync(book), fs.readFileSync(`${book}.state.json`)];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lock-'));
  book = path.join(dir, 'okrs.xlsx');
  expect((await cli('demo', book)).status).toBe(0);
  other = await sleeper();
});
afterAll(() => {
  other?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => fs.rmSync(lockPathOf(book), { force: true }));

describe('the workbook lock', () => {
  test('taken next to the workbook with this process, its command and start time; released after', () => {
    const lock = acquireWorkbookLock(book, 'okr-sandbox run onOpen');
    expect(lock.path).toBe(`${book}.lock`);
    const holder = JSON.parse(fs.readFileSync(lock.path, 'utf8'));
    expect(holder).toEqual({
      pid: process.pid,
      command: 'okr-sandbox run onOpen',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      host: os.hostname(),
    });
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
    lock.release(); // twice is harmless
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a second writer is refused with the holder named: PID, command, start time', () => {
    writeLock(other.pid as number);
    let err: unknown;
    try {
      acquireWorkbookLock(book, 'npm start');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkbookLockedError);
    expect((err as Error).message).toBe(
      `${book} is in use by PID ${other.pid} (npm start -- --port 9000, started 2026-12-04T09:15:00Z): ` +
        "stop that process first or use another workbook, since two writers would lose each other's edits " +
        `(lock file ${book}.lock)`,
    );
    // The holder's lock is left as it was.
    expect(JSON.parse(fs.readFileSync(lockPathOf(book), 'utf8')).pid).toBe(other.pid);
  });

  test('a lock this very process holds refuses it too (one writer, even in one process)', () => {
    const lock = acquireWorkbookLock(book, 'okr-sandbox serve');
    expect(() => acquireWorkbookLock(book, 'okr-sandbox run')).toThrow(WorkbookLockedError);
    lock.release();
  });

  test('a stale lock (its process has ended) is taken over', () => {
    writeLock(deadPid());
    const lock = acquireWorkbookLock(book, 'npm start');
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('an unreadable lock file (not written by a sandbox) is taken over', () => {
    fs.writeFileSync(lockPathOf(book), 'garbage');
    const lock = acquireWorkbookLock(book, 'npm start');
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('a lock from another machine cannot be checked and is respected', () => {
    fs.writeFileSync(
      lockPathOf(book),
      JSON.stringify({
        pid: deadPid(),
        command: 'npm start',
        startedAt: '2026-12-04T09:15:00Z',
        host: 'elsewhere',
      }),
    );
    expect(() => acquireWorkbookLock(book, 'npm start')).toThrow(
      /in use by PID \d+ \(npm start, .* on elsewhere\)/,
    );
  });
});

describe('okr-sandbox commands that write take the lock', () => {
  test.each([
    [['run', 'onOpen']],
    [['edit', '--as', 'priya.natarajan@example.com', '--range', 'Team!Z40', '--value', 'x']],
    [['tick', '--until', '2099-01-01T00:00:00Z']],
  ])('%j on a workbook a sandbox holds: refused, exit 1, the workbook untouched', async (args) => {
    writeLock(other.pid as number);
    const before = bytes();
    const r = await cli(...args, '--workbook', book);
    expect(r.status).toBe(1);
    expect(r.out.ok).toBe(false);
    expect(r.out.error?.name).toBe('WorkbookLocked');
    expect(r.out.error?.message).toMatch(
      new RegExp(`in use by PID ${other.pid} \\(npm start -- --port 9000, started 2026-12-04T09:15:00Z\\)`),
    );
    expect(bytes()).toEqual(before);
  });

  test('demo over a workbook a sandbox holds is refused too', async () => {
    writeLock(other.pid as number);
    const before = bytes();
    const r = await cli('demo', book);
    expect(r.status).toBe(1);
    expect(r.out.error?.name).toBe('WorkbookLocked');
    expect(bytes()).toEqual(before);
  });

  test('a stale lock is taken over, and the command leaves no lock behind', async () => {
    writeLock(deadPid());
    const r = await cli('run', 'onOpen', '--workbook', book);
    expect(r.status).toBe(0);
    expect(fs.existsSync(lockPathOf(book))).toBe(false);
  });

  test('while a command runs, the lock names it; it is gone when the command ends', async () => {
    // main() takes the lock before its first await (before reading the workbook).
    const run = cli('run', 'onOpen', '--workbook', book);
    const holder = JSON.parse(fs.readFileSync(lockPathOf(book), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, command: `okr-sandbox run onOpen --workbook ${book}` });
    expect((await run).status).toBe(0);
    expect(fs.existsSync(lockPathOf(book))).toBe(false);
  });
});
