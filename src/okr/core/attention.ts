// The rules for "this key result needs its owner", shared by the validator (Problems, Summary), the
// sidebar's "needs you" list and the weekly emails, so they never disagree about what is stale,
// pending or missing.
import { daysSince, WEEK_MS } from './days';
import type { Confidence, KeyResult } from './model';
import { progressOf } from './progress';

type AttentionInput = Pick<
  KeyResult,
  'kind' | 'kindUnknown' | 'start' | 'target' | 'current' | 'progress' | 'accepted' | 'lastCheckIn'
>;

/**
 * Whole days since the owner last touched the key result: the row's Last check-in, else its
 * acceptance. The row is what every consumer reads (the validator and the sidebar have no log), and a
 * check-in writes the row and the log together.
 */
export function daysSinceTouched(kr: AttentionInput, now: number): number | null {
  return daysSince(kr.lastCheckIn ?? kr.accepted, now);
}

/**
 * Stale = not done, and more than `staleDays` whole days since the last check-in (or, before the first
 * check-in, since the owner accepted). With neither there is nothing to count from: such a key result
 * is "pending" (waiting for its owner to accept), not stale. A finished one needs no news.
 */
export function isStale(kr: AttentionInput, now: number, staleDays: number): boolean {
  const days = daysSinceTouched(kr, now);
  if (days === null || days <= staleDays) return false;
  const progress = progressOf(kr);
  return progress === null || progress < 100;
}

/**
 * What a key result asks of its owner: to accept it (pending) and to check in (stale). Both are asked
 * of a Team member only: a key result whose Owner is blank, several people, a team or someone not in
 * Team is an ownership gap (the validator's error, counted as such everywhere), never also pending or
 * stale, because nobody is there to act.
 */
export function ownerNeeds(
  kr: AttentionInput & Pick<KeyResult, 'owner'>,
  ownerInTeam: boolean,
  now: number,
  staleDays: number,
): { pending: boolean; stale: boolean } {
  if (!ownerInTeam || kr.owner === null) return { pending: false, stale: false };
  return { pending: kr.accepted === null, stale: isStale(kr, now, staleDays) };
}

/**
 * A value the owner must fill in before progress means anything. A blank Kind counts as "increase"
 * (progress.ts); a milestone needs neither Start nor Target (blank Current = not done yet).
 */
export function hasMissingValues(kr: AttentionInput): boolean {
  const kind = kr.kind ?? 'increase';
  if (kind === 'milestone') return false;
  if (kr.current === null || kr.target === null) return true;
  return (kind === 'increase' || kind === 'decrease') && kr.start === null;
}

/** At risk or off track: the owner says the key result needs help (counted as "at risk" in lists). */
export function needsHelp(confidence: Confidence | null): boolean {
  return confidence === 'at-risk' || confidence === 'off-track';
}

/**
 * Stale at this weekly run and at each of the `runs - 1` runs before it (a week apart), with no
 * check-in since: the key result has gone `runs` weekly emails without news, and its owner's
 * manager is asked to talk with them. The same rule as isStale, read at the earlier runs' moments:
 * a check-in in between moves Last check-in past them, and the count starts again.
 */
export function staleForRuns(kr: AttentionInput, now: number, staleDays: number, runs: number): boolean {
  const weeks = Math.max(1, Math.floor(runs)) - 1;
  return isStale(kr, now, staleDays) && isStale(kr, now - weeks * WEEK_MS, staleDays);
}
