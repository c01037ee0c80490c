// Every Apps Script method this runtime does not emulate throws one clear error, "<Class>.<method>
// is not implemented in the local runtime", instead of a TypeError ("x.getBandings is not a
// function") that reads like a bug in the script. The method names come from
// @types/google-apps-script (Google's reference, as typed), read when first needed; a name that is
// no Apps Script method stays undefined, as in Apps Script.
//
// How: a Proxy sits between an emulated object's own methods and Object.prototype in its prototype
// chain, so only a name the object lacks reaches it; `instanceof` and every emulated method are
// unchanged.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The typings' file per Apps Script service namespace this runtime emulates (some of). */
const TYPINGS: Record<string, string> = {
  Spreadsheet: 'google-apps-script.spreadsheet.d.ts',
  Base: 'google-apps-script.base.d.ts',
  Cache: 'google-apps-script.cache.d.ts',
  Lock: 'google-apps-script.lock.d.ts',
  Properties: 'google-apps-script.properties.d.ts',
  Utilities: 'google-apps-script.utilities.d.ts',
  Mail: 'google-apps-script.mail.d.ts',
  Script: 'google-apps-script.script.d.ts',
  HTML: 'google-apps-script.html.d.ts',
};

let surface: Map<string, Set<string>> | null | undefined;

/** "Namespace.Interface" → its method names, from the typings; null when they are not installed. */
function apiSurface(): Map<string, Set<string>> | null {
  if (surface !== undefined) return surface;
  try {
    const dir = dirname(require.resolve('@types/google-apps-script/package.json'));
    const out = new Map<string, Set<string>>();
    for (const [ns, file] of Object.entries(TYPINGS)) {
      let current: Set<string> | null = null;
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const open = /^ {8}interface (\w+)(?:<[^>]*>)?(?: extends [^{]*)? \{$/.exec(line);
        if (open) {
          current = new Set();
          out.set(`${ns}.${open[1]}`, current);
          continue;
        }
        if (/^ {8}\}/.test(line)) current = null;
        const method = current && /^ {12}(\w+)\(/.exec(line);
        if (current && method) current.add(method[1]);
      }
    }
    surface = out;
  } catch {
    // Without the typings (an installed copy without dev dependencies) a missing method stays undefined.
    surface = null;
  }
  return surface;
}

type ErrorMaker = (receiver: unknown) => ErrorConstructor;

/**
 * A prototype that throws "<label>.<name> is not implemented in the local runtime" for each method
 * of the Apps Script interface `api` ("Spreadsheet.Range") that the object lacks. `errorOf` gives
 * the Error constructor of the script's realm for a receiver (so `e instanceof Error` holds there).
 */
export function notImplementedPrototype(api: string, label: string, errorOf: ErrorMaker): object {
  const base = Object.create(Object.prototype) as object;
  const methods = apiSurface()?.get(api);
  if (!methods) return base;
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && methods.has(prop)) {
        return function notImplemented(this: unknown): never {
          const E = errorOf(this ?? receiver);
          throw new E(`${label}.${prop} is not implemented in the local runtime`);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Puts the not-implemented prototype under a class's own methods. */
export function markClass(cls: { prototype: object }, api: string, label: string, errorOf: ErrorMaker): void {
  if (Object.getPrototypeOf(cls.prototype) === Object.prototype)
    Object.setPrototypeOf(cls.prototype, notImplementedPrototype(api, label, errorOf));
}

/** Gives a plain service object (made per execution) the not-implemented prototype; returns it. */
export function markObject<T extends object>(obj: T, api: string, label: string, E: ErrorConstructor): T {
  Object.setPrototypeOf(
    obj,
    notImplementedPrototype(api, label, () => E),
  );
  return obj;
}
