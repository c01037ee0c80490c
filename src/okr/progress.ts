// Progress of a key result (0–100) and of an objective, as DESIGN.md defines it:
// increase/decrease move from Start to Target, clamped; "at least"/"at most" are met or not;
// a milestone is done or not. A blank Kind counts as "increase", the most common kind; an unreadable
// one gives no progress (the validator reports it).
import type { KeyResult } from './model';

export type ProgressInput = Pick<KeyResult, 'kind' | 'start' | 'target' | 'current' | 'kindUnknown'>;

function clamp(n: number): number {
  return Math.min(100, Math.max(0, n));
}

/** Rounded to 0.1 so 1/3 does not print as 33.333333333333336 anywhere. */
function tidy(n: number): number {
  return Math.round(n * 10) / 10;
}

/** 0–100, or null when it cannot be computed (values missing, or Target equal to Start). */
export function keyResultProgress(kr: ProgressInput): number | null {
  // A Kind nobody can read is not "increase": guessing would show a made-up figure beside the problem.
  if (kr.kindUnknown) return null;
  const { start, target, current } = kr;
  switch (kr.kind ?? 'increase') {
    case 'increase':
    case 'decrease': {
      if (start === null || target === null || current === null || target === start) return null;
      return tidy(clamp(((current - start) / (target - start)) * 100));
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

/** Mean of the key results' progress that can be computed; null when none can. */
export function objectiveProgress(
  krs: ReadonlyArray<Pick<KeyResult, 'progress'> | ProgressInput>,
): number | null {
  const values: number[] = [];
  for (const kr of krs) {
    const p =
      'progress' in kr && kr.progress !== undefined ? kr.progress : keyResultProgress(kr as ProgressInput);
    if (p !== null && p !== undefined) values.push(p);
  }
  if (values.length === 0) return null;
  return tidy(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Google-style score 0.0–1.0 from progress 0–100. */
export function score(progress: number | null): number | null {
  return progress === null ? null : Math.round(progress) / 100;
}
