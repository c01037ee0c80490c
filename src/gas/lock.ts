// Every read-modify-write of the sheet runs under the document lock, so two people checking in
// at once cannot interleave. Callers re-read the sheet inside `fn` (after acquiring).
// https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)

export class BusyError extends Error {}

export function withDocumentLock<T>(fn: () => T, timeoutMs = 10000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) {
    // getDocumentLock() returns null outside a container-bound context.
    return fn();
  }
  if (!lock.tryLock(timeoutMs)) {
    throw new BusyError('busy');
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
