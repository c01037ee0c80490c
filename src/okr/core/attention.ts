// The rules for "this key result needs its owner", shared by the validator (Problems, Summary), the
// sidebar's "needs you" list and the weekly owner email, so the three never disagree about what is
// stale or missing.
import type { KeyResult } from './model';
import { keyResultProgress } from './progress';

export const DAY_MS = 86_400_000;

type AttentionInput = Pick<
  KeyResult,
  'kind' | 'kindUnknown' | 'start' | 'target' | 'current' | 'progress' | 'accepted' | 'lastCheckIn'
>;

/** Whole days since the owner last touched the key result: its last check-in, else its acceptance. */
export function daysSinceTouched(kr: AttentionInput, now: number): number | null {
  const since = kr.lastCheckIn ?? kr.accepted;
  return since === null ? null : Math.max(0, Math.floor((now - since) / DAY_MS));
}

/**
 * Stale = not done, and more than `staleDays` whole days since the last check-in (or, before the first
 * check-in, since the owner accepted). With neither there is nothing to count from: such a key result
 * is "pending" (waiting for its owner to accept), not stale. A finished one needs no news.
 */
export function isStale(kr: AttentionInput, now: number, staleDays: number): boolean {
  const days = daysSinceTouched(kr, now);
  if (days === null || days <= staleDays) return false;
  const progress = kr.progress ?? keyResultProgress(kr);
  return progress === null || progress < 100;
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
