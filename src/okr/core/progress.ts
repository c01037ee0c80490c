// Progress of a key result (0–100) and of an objective, as DESIGN.md defines it:
// increase/decrease move from Start to Target, clamped; "at least"/"at most" are met or not;
// a milestone is done or not. A blank Kind counts as "increase", the most common kind; an unreadable
// one gives no progress (the validator reports it).
import type { KeyResult } from './model';

export type ProgressInput = Pick<KeyResult, 'kind' | 'start' | 'target' | 'current' | 'kindUnknown'>;

function clamp(n: number): number {
  return Math.min(100, Math.max(0, n));
}

/**
 * Floating-point noise off (0.15 between 0.1 and 0.2 is 49.999999999999986% in binary), to a
 * millionth of a percent: far below anything printed, so averages stay unbiased and a key result at
 * its Target is exactly 100.
 */
export function exactPercent(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * 0–100, or null when it cannot be computed (values missing, or Target equal to Start). Not rounded:
 * averages are taken of exact figures (rounding each key result first made a team of 50% and 42.857%
 * average 46.5% instead of 46.4%); whatever prints a figure rounds it there.
 */
export function keyResultProgress(kr: ProgressInput): number | null {
  // A Kind nobody can read is not "increase": guessing would show a made-up figure beside the problem.
  if (kr.kindUnknown) return null;
  const { start, target, current } = kr;
  switch (kr.kind ?? 'increase') {
    case 'increase':
    case 'decrease': {
      if (start === null || target === null || current === null || target === start) return null;
      return clamp(exactPercent(((current - start) / (target - start)) * 100));
    }
    case 'at-least':
      if (target === null || current === null) return null;
      return current >= target ? 100 : 0;
    case 'at-most':
      if (target === null || current === null) return null;
      return current <= target ? 100 : 0;
    case 'milestone':
      // Done when Current reaches Target (1 = done when Target is blank); nothing yet = not done.
      if (current === null) return 0;
      return current >= (target ?? 1) && current > 0 ? 100 : 0;
    default:
      return null;
  }
}

/** A key result's progress: the one parsed with it, else computed from its values (keyResultProgress). */
export function progressOf(kr: ProgressInput & { progress?: number | null }): number | null {
  return kr.progress ?? keyResultProgress(kr);
}

/**
 * Mean of the figures that are known (null, NaN and missing ones are left out); null when none is.
 * Exact (see keyResultProgress): objective progress, a team's, an owner's and the headline average
 * are all this mean, and round only where they are printed.
 */
export function meanProgress(values: ReadonlyArray<number | null | undefined>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : exactPercent(sum / n);
}

/** Mean of the key results' progress that can be computed (exact, see keyResultProgress); null when none can. */
export function objectiveProgress(
  krs: ReadonlyArray<Pick<KeyResult, 'progress'> | ProgressInput>,
): number | null {
  return meanProgress(
    krs.map((kr) =>
      'progress' in kr && kr.progress !== undefined ? kr.progress : keyResultProgress(kr as ProgressInput),
    ),
  );
}

/**
 * Google-style score 0.0–1.0 from progress 0–100, in tenths, as OKR scores are given (38% scores
 * 0.4). The Summary's colour band is judged on this rounded score, so the colour never contradicts
 * the number shown next to it.
 */
export function score(progress: number | null): number | null {
  return progress === null || !Number.isFinite(progress) ? null : Math.round(progress / 10) / 10;
}
