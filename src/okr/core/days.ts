// Day arithmetic shared by every rule that counts days (stale, due soon, a cycle's grace period, the
// week behind "change since last week"), so no two places count a day differently.

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Whole days from `since` to `now` (0 for a time in the future); null when there is no `since`. */
export function daysSince(since: number | null, now: number): number | null {
  return since === null ? null : Math.max(0, Math.floor((now - since) / DAY_MS));
}
