// CacheService on the virtual clock.
// https://developers.google.com/apps-script/reference/cache/cache
// Keys up to 250 characters, values up to 100 KB, expiration 1 s … 21600 s (6 h, default 600 s).

import { markObject } from '../notImplemented';
import type { CacheEntry } from '../types';
import { fail, refuseInNone, type ServiceEnv, utf8Bytes } from './env';

const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;

function makeCache(env: ServiceEnv, store: () => Record<string, CacheEntry>) {
  const m = (name: string) => env.meter.call(`Cache.${name}`);
  const live = (key: string): string | null => {
    const s = store();
    const e = s[key];
    if (!e) return null;
    if (e.expiresAt <= env.now()) {
      delete s[key];
      return null;
    }
    return e.value;
  };
  const put = (key: string, value: unknown, ttl?: number) => {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY) fail(env, 'Argument too large: key');
    if (utf8Bytes(v) > MAX_VALUE_BYTES) fail(env, 'Argument too large: value');
    const seconds = Math.min(Math.max(ttl === undefined ? DEFAULT_TTL_S : Number(ttl), 1), MAX_TTL_S);
    store()[k] = { value: v, expiresAt: env.now() + seconds * 1000 };
  };
  return {
    get(key: string): string | null {
      m('get');
      return live(String(key));
    },
    getAll(keys: string[]): Record<string, string> {
      m('getAll');
      const out = new env.realm.Object() as Record<string, string>;
      for (const k of keys) {
        const v = live(String(k));
        if (v !== null) out[String(k)] = v;
      }
      return out;
    },
    // put and remove answer null in Apps Script (the conformance kit's observation), not undefined.
    put(key: string, value: string, expirationInSeconds?: number): null {
      m('put');
      put(key, value, expirationInSeconds);
      return null;
    },
    putAll(values: Record<string, string>, expirationInSeconds?: number): void {
      m('putAll');
      for (const [k, v] of Object.entries(values)) put(k, v, expirationInSeconds);
    },
    remove(key: string): null {
      m('remove');
      delete store()[String(key)];
      return null;
    },
    removeAll(keys: string[]): void {
      m('removeAll');
      for (const k of keys) delete store()[String(k)];
    },
  };
}

export function makeCacheService(env: ServiceEnv) {
  const c = env.state.cache;
  return {
    getScriptCache() {
      env.meter.call('CacheService.getScriptCache');
      refuseInNone(env, 'CacheService.getScriptCache');
      return markObject(
        makeCache(env, () => c.script),
        'Cache.Cache',
        'Cache',
        env.realm.Error,
      );
    },
    getDocumentCache() {
      env.meter.call('CacheService.getDocumentCache');
      refuseInNone(env, 'CacheService.getDocumentCache');
      return markObject(
        makeCache(env, () => c.document),
        'Cache.Cache',
        'Cache',
        env.realm.Error,
      );
    },
    getUserCache() {
      env.meter.call('CacheService.getUserCache');
      refuseInNone(env, 'CacheService.getUserCache');
      const user = env.user;
      const store = () => {
        c.user[user] ??= {};
        return c.user[user];
      };
      return markObject(makeCache(env, store), 'Cache.Cache', 'Cache', env.realm.Error);
    },
  };
}
