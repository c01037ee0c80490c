// PropertiesService: document, script and user stores, with Google's size limits.
// https://developers.google.com/apps-script/reference/properties/properties
// https://developers.google.com/apps-script/guides/services/quotas#current_limitations
//   "Properties value size: 9 KB / val", "Properties total storage: 500 KB / property store".

import { MESSAGES } from '../errors';
import { markObject } from '../notImplemented';
import { fail, refuseInNone, type ServiceEnv, utf8Bytes } from './env';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

function storeBytes(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

function makeProperties(env: ServiceEnv, store: () => Record<string, string>) {
  const m = (name: string) => env.meter.call(`Properties.${name}`);
  const check = (next: Record<string, string>) => {
    for (const v of Object.values(next))
      if (utf8Bytes(v) > PROPERTY_VALUE_MAX_BYTES) fail(env, MESSAGES.propertyValueTooLarge);
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) fail(env, MESSAGES.propertyStoreFull);
  };
  const replace = (next: Record<string, string>) => {
    const s = store();
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, next);
  };
  const props = {
    getProperty(key: string): string | null {
      m('getProperty');
      const s = store();
      return Object.hasOwn(s, String(key)) ? s[String(key)] : null;
    },
    /** A copy: changing it does not change the store. */
    getProperties(): Record<string, string> {
      m('getProperties');
      const out = new env.realm.Object() as Record<string, string>;
      Object.assign(out, store());
      return out;
    },
    getKeys(): string[] {
      m('getKeys');
      return env.realm.Array.from(Object.keys(store()));
    },
    setProperty(key: string, value: unknown) {
      m('setProperty');
      if (key === undefined || key === null) fail(env, 'Invalid argument: key');
      const next = { ...store(), [String(key)]: String(value) };
      check(next);
      replace(next);
      return props;
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
      m('setProperties');
      const next: Record<string, string> = deleteAllOthers ? {} : { ...store() };
      for (const [k, v] of Object.entries(properties ?? {})) next[k] = String(v);
      check(next);
      replace(next);
      return props;
    },
    deleteProperty(key: string) {
      m('deleteProperty');
      delete store()[String(key)];
      return props;
    },
    deleteAllProperties() {
      m('deleteAllProperties');
      replace({});
      return props;
    },
  };
  return props;
}

export function makePropertiesService(env: ServiceEnv) {
  const p = env.state.properties;
  return {
    getDocumentProperties() {
      env.meter.call('PropertiesService.getDocumentProperties');
      refuseInNone(env, 'PropertiesService.getDocumentProperties');
      return markObject(
        makeProperties(env, () => p.document),
        'Properties.Properties',
        'Properties',
        env.realm.Error,
      );
    },
    getScriptProperties() {
      env.meter.call('PropertiesService.getScriptProperties');
      refuseInNone(env, 'PropertiesService.getScriptProperties');
      return markObject(
        makeProperties(env, () => p.script),
        'Properties.Properties',
        'Properties',
        env.realm.Error,
      );
    },
    getUserProperties() {
      env.meter.call('PropertiesService.getUserProperties');
      refuseInNone(env, 'PropertiesService.getUserProperties');
      // Keyed by the real person even in simple triggers, where Session hides the email.
      const user = env.user;
      const store = () => {
        p.user[user] ??= {};
        return p.user[user];
      };
      return markObject(makeProperties(env, store), 'Properties.Properties', 'Properties', env.realm.Error);
    },
  };
}
