// Every read-modify-write of the sheet runs under the document lock, so two people checking in
// at once cannot interleave. Callers re-read the sheet inside `fn` (after acquiring).
// https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
import { bumpSheetVersion } from './sheetVersion';

export class BusyError extends Error {}

export function withDocumentLock<T>(fn: () => T, timeoutMs = 10000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) {
    // getDocumentLock() returns null outside a container-bound context.
    return written(fn);
  }
  if (!lock.tryLock(timeoutMs)) {
    throw new BusyError('busy');
  }
  try {
    return written(fn);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs a write, then commits it before the lock is released (Google's advice for spreadsheets: the
 * next holder must read what was written, https://developers.google.com/apps-script/reference/lock/lock#releaseLock())
 * and only then bumps the sheet's version, so a sidebar that sees the new stamp reads the new values.
 * A refusal wrote nothing (src/api.ts: thrown, or answered { ok: false }) and bumps nothing.
 */
function written<T>(fn: () => T): T {
  const result = fn();
  if ((result as { ok?: unknown } | null)?.ok !== false) {
    SpreadsheetApp.flush();
    bumpSheetVersion();
  }
  return result;
}
