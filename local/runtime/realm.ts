// A fresh vm realm per execution, with a Date that reads the runtime's virtual clock.
import vm from 'node:vm';
import type { Realm } from './contract';

// `Date` inside the script: `new Date()` and `Date.now()` read the virtual clock; `Date()` called
// as a function returns the virtual time as a string, as the real one does. The prototype is the
// realm's own Date.prototype, so dates made by the services (realm.Date) and by the script are the
// same kind of object and Object.prototype.toString says [object Date].
const VIRTUAL_DATE = `(function (hostNow) {
  'use strict';
  var RealDate = globalThis.Date;
  function Date() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(hostNow()).toString();
    return Reflect.construct(RealDate, args.length ? args : [hostNow()], new.target);
  }
  Object.setPrototypeOf(Date, RealDate);
  Date.prototype = RealDate.prototype;
  Object.defineProperty(Date, 'now', { value: function now() { return hostNow(); }, writable: true, configurable: true });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: Date, writable: true, configurable: true, enumerable: false });
})`;

export interface ScriptRealm {
  context: vm.Context;
  realm: Realm;
}

export function createRealm(now: () => number): ScriptRealm {
  const context = vm.createContext({}, { name: 'Apps Script execution' });
  (vm.runInContext(VIRTUAL_DATE, context) as (n: () => number) => void)(now);
  const realm = vm.runInContext(
    '({ Date: Date, Array: Array, Object: Object, Error: Error })',
    context,
  ) as Realm;
  return { context, realm };
}

/**
 * Deep-copies host data into the realm (arrays, plain objects, dates) so that the script's
 * `instanceof Array` / `instanceof Date` hold for arguments it receives. Other objects (service
 * objects, Ranges) pass through unchanged.
 */
export function toRealm(value: unknown, realm: Realm): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return new realm.Date((value as Date).getTime());
  if (Array.isArray(value)) {
    const out = new realm.Array();
    for (const v of value) out.push(toRealm(v, realm));
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype || proto === realm.Object.prototype) {
    const out = new realm.Object() as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = toRealm(v, realm);
    return out;
  }
  return value;
}

/** Realm data back to host plain data: arrays and plain objects copied, dates kept as host Dates. */
export function fromRealm(value: unknown, seen = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (seen.has(value)) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => fromRealm(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromRealm(v, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
