// Who is calling. getActiveUser() is blank in simple triggers and across domains, so callers that
// need an identity must treat '' as "unknown" and refuse, never guess.
// https://developers.google.com/apps-script/reference/base/session#getActiveUser()

export function activeUserEmail(): string {
  return String(Session.getActiveUser().getEmail() || '')
    .trim()
    .toLowerCase();
}

export function effectiveUserEmail(): string {
  return String(Session.getEffectiveUser().getEmail() || '')
    .trim()
    .toLowerCase();
}

export function userLocale(): string {
  return String(Session.getActiveUserLocale() || '');
}

/** The one clock the server code reads, so the local runtime's virtual time applies everywhere. */
export function now(): number {
  return Date.now();
}
