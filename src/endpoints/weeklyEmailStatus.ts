// The weekly emails' run status as Settings shows it (src/api.ts WeeklyRunView): the current
// run, else the last finished one. "Digest" is the leadership email only; this is the weekly email.
import type { WeeklyRunView } from '../api';
import { readDigestStatus } from '../gas/weeklyState';
import type { WeeklyRunStatus } from '../okr/weekly/weeklyRun';

const ms = (iso: string | null | undefined): number | null => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : null;
};

/** The run's state as Settings shows it. */
export function weeklyEmailView(status: WeeklyRunStatus): WeeklyRunView {
  const last = status.lastRun;
  const current = status.period !== null;
  return {
    enabled: status.enabled,
    period: status.period ?? last?.period ?? null,
    startedAt: current ? ms(status.startedAt) : null,
    finishedAt: current ? ms(status.finishedAt) : ms(last?.finishedAt),
    sent: current ? status.sent : (last?.sent ?? 0),
    failed: current ? status.failedCount : (last?.failedCount ?? 0),
    remaining: current ? (status.remaining ?? 0) : 0,
    failures: current ? status.failed.slice(0, 10).map((f) => ({ email: f.email, reason: f.reason })) : [],
    waitingFor: status.waitingFor,
    ...(current && status.lastError && status.finishedAt === null ? { problem: status.lastError } : {}),
    nextRunAt: ms(status.nextRunAt),
    ...(current && status.sources ? { sources: status.sources } : {}),
  };
}

export function weeklyEmailStatusOrNull(): WeeklyRunView | null {
  try {
    return weeklyEmailView(readDigestStatus());
  } catch (_e) {
    // A damaged run state must not keep a Lead out of the other settings.
    return null;
  }
}
