// Per-user daily quotas as Google counts them (email recipients, trigger runtime):
// https://developers.google.com/apps-script/guides/services/quotas
//   "Quotas are per user and reset 24 hours after the first request."
// A window opens at a user's first counted use and lasts 24 hours; every use inside it adds up;
// the first use at or after its end opens a new window. A calendar day would be friendlier than
// Google (100 recipients at 23:00 UTC and 100 more at 00:30 would both pass), so it is not used.

export const QUOTA_WINDOW_MS = 24 * 3600_000;

export interface QuotaWindow {
  /** Virtual time of the first counted use. */
  start: number;
  used: number;
}

/** Windows per user (email address). */
export type QuotaTable = Record<string, QuotaWindow>;

const open = (w: QuotaWindow | undefined, now: number): w is QuotaWindow =>
  w !== undefined && now >= w.start && now < w.start + QUOTA_WINDOW_MS;

/** What the user has used in the window open at `now` (0 when none is open). */
export function quotaUsed(table: QuotaTable, user: string, now: number): number {
  const w = table[user];
  return open(w, now) ? w.used : 0;
}

/**
 * How a new window starts: 'rolling' (default, Google's rule) at the first use; 'utc-day' at the
 * UTC midnight before it, i.e. a calendar day — friendlier than Google, kept only for tests
 * written against the older model (RuntimeOptions.quotaWindow).
 */
export type QuotaWindowMode = 'rolling' | 'utc-day';

export function addQuotaUse(
  table: QuotaTable,
  user: string,
  now: number,
  amount: number,
  mode: QuotaWindowMode = 'rolling',
): void {
  const w = table[user];
  if (open(w, now)) w.used += amount;
  else table[user] = { start: mode === 'utc-day' ? now - (now % QUOTA_WINDOW_MS) : now, used: amount };
}

/**
 * State files written before the rolling window counted per UTC day (`user|YYYY-MM-DD`): each
 * user's latest day becomes a window opened at that day's 00:00 UTC.
 */
export function fromDayKeys(old: Record<string, number> | undefined): QuotaTable {
  const table: QuotaTable = {};
  for (const [key, used] of Object.entries(old ?? {})) {
    const bar = key.lastIndexOf('|');
    const start = Date.parse(`${key.slice(bar + 1)}T00:00:00Z`);
    if (bar < 0 || !Number.isFinite(start)) continue;
    const user = key.slice(0, bar);
    const prev = table[user];
    if (!prev || prev.start < start) table[user] = { start, used };
  }
  return table;
}

/** Brings a loaded state to the rolling windows (older files counted per UTC day). */
export function migrateQuotaState(state: {
  mailQuota?: QuotaTable;
  triggerQuota?: QuotaTable;
  mailUsed?: Record<string, number>;
  triggerMsUsed?: Record<string, number>;
}): void {
  state.mailQuota ??= fromDayKeys(state.mailUsed);
  state.triggerQuota ??= fromDayKeys(state.triggerMsUsed);
  delete state.mailUsed;
  delete state.triggerMsUsed;
}
