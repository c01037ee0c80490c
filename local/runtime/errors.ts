// Errors as Google's services throw them. In the V8 runtime a service error is an Error whose
// `name` is "Exception" (String(e) reads "Exception: <message>"), created in the script's realm so
// that `e instanceof Error` holds inside the script.
import type { Realm } from './contract';

export function gasError(
  realm: Pick<Realm, 'Error'> | undefined,
  message: string,
  name = 'Exception',
): Error {
  const E = realm?.Error ?? Error;
  const e = new E(message);
  Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  return e;
}

/** Plain {name, message} of anything thrown, without the host stack. */
export function describeError(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown };
    return { name: String(o.name ?? 'Error'), message: String(o.message ?? '') };
  }
  return { name: 'Error', message: String(e) };
}

// Google's messages, in one place so tests and services agree on the text. The reference pages
// name the limits (quotas: https://developers.google.com/apps-script/guides/services/quotas) but
// rarely the exception texts; these are the texts Apps Script throws.
export const MESSAGES = {
  timeLimit: 'Exceeded maximum execution time',
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
  mailQuota: 'Service invoked too many times for one day: email.',
  invalidEmail: (addr: string) => `Invalid email: ${addr}`,
  noRecipient: 'Failed to send email: no recipient',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  permission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
  addonTooManyTriggers: (kind: string) =>
    `This add-on has created too many ${kind} triggers in this document for this Google user account.`,
  propertyValueTooLarge: 'Argument too large: value',
  propertyStoreFull:
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
} as const;

/** How Apps Script names an argument's type in a signature error. */
function argumentType(a: unknown): string {
  if (a === null || a === undefined) return 'null';
  if (Array.isArray(a)) return `${a.length ? argumentType(a[0]) : 'Object'}[]`;
  if (Object.prototype.toString.call(a) === '[object Date]') return 'Date';
  if (typeof a === 'string') return 'String';
  if (typeof a === 'number') return 'number';
  if (typeof a === 'boolean') return 'Boolean';
  return 'Object';
}

/**
 * Apps Script's error for arguments of the wrong types, e.g. "The parameters (String) don't match
 * the method signature for LockService.Lock.tryLock." (the Sheets classes name theirs in
 * spreadsheet/env.ts, with the same words).
 */
export function signatureMessage(method: string, args: unknown[]): string {
  return `The parameters (${args.map(argumentType).join(',')}) don't match the method signature for ${method}.`;
}
