// Session: who is running the script, their language, the script's time zone.
// https://developers.google.com/apps-script/reference/base/session
// getActiveUser() is '' in simple triggers (LIMITED/NONE): Google only reveals it there when the
// user and the script owner share a Workspace domain; the local runtime keeps it simple and always
// returns '' (the stricter case). Under an installable trigger the active and effective user are
// the installer.
import type { ServiceEnv } from './env';

export function makeSession(env: ServiceEnv) {
  const user = (email: string) => ({
    getEmail: () => {
      env.meter.call('User.getEmail');
      return email;
    },
    getUsername: () => email.split('@')[0] ?? '',
    toString: () => email,
  });
  return {
    getActiveUser() {
      env.meter.call('Session.getActiveUser');
      return user(env.activeUser);
    },
    getEffectiveUser() {
      env.meter.call('Session.getEffectiveUser');
      return user(env.effectiveUser);
    },
    /** The user's language, e.g. "en" or "ja" (options.userLocales), default "en". */
    getActiveUserLocale() {
      env.meter.call('Session.getActiveUserLocale');
      return env.options.userLocales?.[env.user] ?? 'en';
    },
    getScriptTimeZone() {
      env.meter.call('Session.getScriptTimeZone');
      return env.scriptTimeZone;
    },
    getTemporaryActiveUserKey() {
      env.meter.call('Session.getTemporaryActiveUserKey');
      return Buffer.from(`${env.state.scriptId}:${env.user}`).toString('base64url');
    },
  };
}
