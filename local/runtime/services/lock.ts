// LockService: document, script and user locks shared by every execution of one Runtime.
// https://developers.google.com/apps-script/reference/lock/lock
// A lock belongs to the execution that acquired it and is released when that execution ends
// ("the lock is released when the script completes" — releaseLock()), so locks only outlive an
// execution when held from outside with Runtime.holdLock() (tests simulating a concurrent user).

import { MESSAGES, signatureMessage } from '../errors';
import { markObject } from '../notImplemented';
import { fail, refuseInNone, type ServiceEnv } from './env';

/** The longest wait Google accepts: timeoutInMillis up to 300000 (5 minutes). */
export const LOCK_MAX_WAIT_MS = 300_000;

interface Holder {
  owner: string;
  /** For outside holders: virtual time at which they let go (undefined = never). */
  releaseAt?: number;
}

export class LockTable {
  private readonly held = new Map<string, Holder>();

  holder(key: string, now: number): Holder | undefined {
    const h = this.held.get(key);
    if (h?.releaseAt !== undefined && h.releaseAt <= now) {
      this.held.delete(key);
      return undefined;
    }
    return h;
  }

  acquire(key: string, owner: string, releaseAt?: number): void {
    this.held.set(key, { owner, releaseAt });
  }

  release(key: string, owner: string): void {
    if (this.held.get(key)?.owner === owner) this.held.delete(key);
  }

  releaseAll(owner: string): void {
    for (const [k, h] of this.held) if (h.owner === owner) this.held.delete(k);
  }

  keys(): string[] {
    return [...this.held.keys()];
  }
}

function makeLock(env: ServiceEnv, key: string) {
  const owner = env.executionId;
  const attempt = (timeoutMs: number, method: string): boolean => {
    env.meter.call(method);
    if (typeof timeoutMs !== 'number') fail(env, signatureMessage(`LockService.${method}`, [timeoutMs]));
    // A negative timeout never gets the lock, even a free one: tryLock(-1) answers false and
    // waitLock(-1) throws, as in Apps Script (the conformance kit's observation).
    if (Number(timeoutMs) < 0) return false;
    const ms = Math.max(0, Math.min(Number(timeoutMs) || 0, LOCK_MAX_WAIT_MS));
    const now = env.now();
    const h = env.locks.holder(key, now);
    if (!h || h.owner === owner) {
      env.locks.acquire(key, owner);
      return true;
    }
    if (h.releaseAt !== undefined && h.releaseAt <= now + ms) {
      env.meter.advance(h.releaseAt - now);
      env.locks.acquire(key, owner);
      return true;
    }
    env.meter.advance(ms);
    return false;
  };
  return {
    hasLock(): boolean {
      env.meter.call('Lock.hasLock');
      return env.locks.holder(key, env.now())?.owner === owner;
    },
    releaseLock(): void {
      env.meter.call('Lock.releaseLock');
      env.locks.release(key, owner);
    },
    tryLock(timeoutInMillis: number): boolean {
      return attempt(timeoutInMillis, 'Lock.tryLock');
    },
    /**
     * "Attempts to acquire the lock, timing out with an exception after the provided number of
     * milliseconds" (https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer));
     * the text is the one Apps Script throws (MESSAGES.lockTimeout). tryLock returns false instead.
     */
    waitLock(timeoutInMillis: number): void {
      if (!attempt(timeoutInMillis, 'Lock.waitLock')) fail(env, MESSAGES.lockTimeout);
    },
  };
}

export function lockKey(scope: 'document' | 'script' | 'user', documentId: string, user: string): string {
  if (scope === 'document') return `document:${documentId}`;
  if (scope === 'user') return `user:${user}`;
  return 'script';
}

export function makeLockService(env: ServiceEnv) {
  return {
    getDocumentLock() {
      env.meter.call('LockService.getDocumentLock');
      refuseInNone(env, 'LockService.getDocumentLock');
      return markObject(
        makeLock(env, lockKey('document', env.documentId, env.user)),
        'Lock.Lock',
        'Lock',
        env.realm.Error,
      );
    },
    getScriptLock() {
      env.meter.call('LockService.getScriptLock');
      refuseInNone(env, 'LockService.getScriptLock');
      return markObject(
        makeLock(env, lockKey('script', env.documentId, env.user)),
        'Lock.Lock',
        'Lock',
        env.realm.Error,
      );
    },
    getUserLock() {
      env.meter.call('LockService.getUserLock');
      refuseInNone(env, 'LockService.getUserLock');
      return markObject(
        makeLock(env, lockKey('user', env.documentId, env.user)),
        'Lock.Lock',
        'Lock',
        env.realm.Error,
      );
    },
  };
}
