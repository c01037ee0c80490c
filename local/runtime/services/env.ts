// What every emulated service of one execution shares.
import type { AuthMode, Realm } from '../contract';
import { gasError, MESSAGES } from '../errors';
import type { ExecutionMeter } from '../meter';
import type { RuntimeOptions, RuntimeState, SentEmail } from '../types';
import type { LockTable } from './lock';

export interface ServiceEnv {
  meter: ExecutionMeter;
  realm: Realm;
  state: RuntimeState;
  /** The person behind the execution (the installer for triggers), known even when Session hides it. */
  user: string;
  activeUser: string;
  effectiveUser: string;
  authMode: AuthMode;
  now(): number;
  options: RuntimeOptions;
  documentId: string;
  scriptTimeZone: string;
  /** Reads <projectDir>/<name>.html, or undefined. */
  readHtmlFile(name: string): string | undefined;
  logs: string[];
  emails: SentEmail[];
  locks: LockTable;
  executionId: string;
  /** Evaluates source in the script's realm (HtmlTemplate scriptlets). */
  evaluate(source: string): unknown;
}

export function fail(env: ServiceEnv, message: string): never {
  throw gasError(env.realm, message);
}

/** Services that need authorization are unavailable to simple triggers (LIMITED/NONE). */
// https://developers.google.com/apps-script/guides/triggers#restrictions
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
export function requireFullAuth(env: ServiceEnv, method: string, scope: string): void {
  if (env.authMode !== 'FULL') fail(env, MESSAGES.permission(method, scope));
}

/**
 * AuthMode.NONE (an add-on's onOpen in a document where it was never used) allows no service
 * that needs authorization, not even PropertiesService ("doesn't work in AuthMode.NONE").
 * https://developers.google.com/apps-script/reference/script/auth-mode
 */
export function refuseInNone(env: ServiceEnv, method: string): void {
  if (env.authMode === 'NONE') fail(env, `You do not have permission to call ${method}`);
}

/** A Google enum: each value an object whose toString()/toJSON()/name() give its name. */
export function makeEnum<K extends string>(realm: Realm, names: readonly K[]): Record<K, object> {
  const out = new realm.Object() as Record<K, object>;
  for (const name of names) {
    const v = new realm.Object() as Record<string, unknown>;
    Object.defineProperties(v, {
      toString: { value: () => name },
      toJSON: { value: () => name },
      name: { value: () => name },
      ordinal: { value: () => names.indexOf(name) },
    });
    out[name] = Object.freeze(v);
  }
  return Object.freeze(out);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
