// One writer per workbook file. The sandbox (for as long as it runs) and each okr-sandbox command
// that writes take `<workbook>.lock`; a second one is refused with a message naming the process that
// holds it. Two sandboxes on one workbook would otherwise each save their own copy over the other's
// (their ports differ, so the busy-port check does not catch it) and edits would be lost.
//
// The lock is created whole or not at all: the owner's details are written to a private file that
// is then hard-linked to the lock's name, which fails if the lock exists (link never overwrites).
// A lock whose process has ended (no such PID on this machine) is stale and taken over. A lock
// from another machine (a workbook on a shared drive) cannot be checked and is always respected.
import fs from 'node:fs';
import os from 'node:os';

/** Who holds a workbook: what the lock file says. */
export interface LockHolder {
  pid: number;
  /** The command as a person would recognise it, e.g. "npm start -- --port 9000". */
  command: string;
  /** When that process started (ISO). */
  startedAt: string;
  host: string;
}

export class WorkbookLockedError extends Error {
  override name = 'WorkbookLocked';
  constructor(
    readonly workbook: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${workbook} is in use by PID ${holder.pid} (${holder.command}, started ${holder.startedAt}` +
        `${holder.host === os.hostname() ? '' : ` on ${holder.host}`}): stop that process first or use ` +
        `another workbook, since two writers would lose each other's edits (lock file ${lockPathOf(workbook)})`,
    );
  }
}

export interface WorkbookLock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

export function lockPathOf(workbook: string): string {
  return `${workbook}.lock`;
}

function processStartedAt(): string {
  return new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0)
      return {
        pid: v.pid,
        command: String(v.command ?? '?'),
        startedAt: String(v.startedAt ?? '?'),
        host: String(v.host ?? ''),
      };
  } catch {
    // missing (released meanwhile) or not ours to read: treated below
  }
  return undefined;
}

/** Whether the holder may still be running. Signal 0 checks a PID exists without touching it. */
function holderRuns(holder: LockHolder): boolean {
  if (holder.host && holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    // EPERM: the PID exists but belongs to another user, so it runs.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the workbook's lock for this process, or throws WorkbookLockedError naming its holder. The
 * lock is also removed when this process exits normally; after a crash it is stale and taken over.
 */
export function acquireWorkbookLock(workbook: string, command: string): WorkbookLock {
  const path = lockPathOf(workbook);
  const me: LockHolder = { pid: process.pid, command, startedAt: processStartedAt(), host: os.hostname() };
  const mine = `${path}.${process.pid}.tmp`;
  fs.writeFileSync(mine, `${JSON.stringify(me)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(mine, path);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      }
      const holder = readHolder(path);
      // Unreadable: a lock this code did not write (or one removed meanwhile): look again once.
      if (holder && holderRuns(holder)) throw new WorkbookLockedError(workbook, holder);
      if (!holder && fs.existsSync(path) && attempt === 0) continue;
      // Stale: removed only if it is still the same stale lock, then the link is tried again.
      const again = readHolder(path);
      if (again && holder && again.pid !== holder.pid) continue;
      fs.rmSync(path, { force: true });
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readHolder(path)?.pid === process.pid) fs.rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
}
