// The weekly run's schedule and ledger, as pure data.
//
// Apps Script gives an add-on ONE time-driven trigger per user per document, at most hourly
// (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions), so an
// hourly tick decides from stored state whether this week's run is due and resumes an unfinished
// one. A run belongs to a period, the ISO week (in the spreadsheet's time zone) of the scheduled
// moment, and each recipient gets at most one email per period: the ledger (hashes of who is done)
// is written before the next email is sent, so a run cut off by the 6-minute limit or the mail
// quota resumes later without duplicates. A transient error (Google's "server error", "too many
// times in a short time", a timeout) keeps its recipient for a later tick with a growing delay;
// only a permanent one (an invalid address) is final.
import type { Settings } from '../core/model';
import { addDays, epochOfLocal, isoWeekOf, localTime, safeTimeZone } from './weeklyRunTime';

export const TICK_HANDLER = 'onTick';
/** Stop cleanly well before Google's 6-minute limit and resume on a later tick. */
export const RUN_BUDGET_MS = 270_000;
/** Room kept for one more email (render, ledger write, send) inside the budget. */
export const SEND_RESERVE_MS = 10_000;
/** A claim older than this belongs to an execution that Google has certainly stopped (6-min limit). */
export const LEASE_MS = 7 * 60_000;
/** Who enabled weekly emails and with which trigger: written only by enable/disable. */
export const STATE_KEY = 'okrOwners.weekly';
/** The current run and the last one: written only by the run, so enabling mid-run loses nothing. */
export const RUN_KEY = 'okrOwners.weekly.run';
export const DONE_KEY_PREFIX = 'okrOwners.weekly.done.';
/** Characters per recipient hash; 800 of them fit one 9 KB property value. */
export const HASH_WIDTH = 11;
export const CHUNK_CAPACITY = 800;
/** Failures kept with their reason (the count is always exact); keeps the state value small. */
export const FAILED_DETAIL_CAP = 25;
export const REASON_CAP = 160;
/** Sends tried per recipient before a transient error counts as a failure (~3 days with the backoff). */
export const MAX_SEND_ATTEMPTS = 8;
/** Waits after the 1st, 2nd … transient failure: 1, 2, 4, 8, 16 hours, then a day. */
export const RETRY_BASE_MS = 3_600_000;
export const RETRY_MAX_MS = 24 * 3_600_000;
/**
 * A retry falls due this much before its delay has passed, counted from the start of the execution
 * that failed: hourly triggers drift by minutes, and a retry due a moment after a tick would wait
 * a whole extra hour.
 */
export const RETRY_SLACK_MS = 10 * 60_000;
/** Recipients waiting for a retry that the state keeps; one more stops the run until a tick later. */
export const RETRY_CAP = 40;

/** 'closing': leadership's one email about a closed cycle (closingEmail.ts). */
export type EmailKind = 'owner' | 'leadership' | 'closing';

export interface FailedRecipient {
  email: string;
  reason: string;
}

/** A recipient whose send failed with a transient error: tried again at `next`. */
export interface RetryEntry {
  h: string;
  email: string;
  attempts: number;
  next: number;
  reason: string;
}

/**
 * Why a run stopped before finishing (it resumes on a later tick): the mail quota, the time budget,
 * an error (the sheet could not be read, a properties write failed: lastError says which), or
 * recipients waiting for the retry of a transient error.
 */
export type WaitingFor = 'quota' | 'time' | 'error' | 'retry' | null;

export interface WeeklyRunState {
  period: string;
  scheduledAt: number;
  startedAt: number;
  finishedAt: number | null;
  sent: number;
  failed: FailedRecipient[];
  failedCount: number;
  /** Recipients still to send when the last execution stopped; null before the first plan. */
  remaining: number | null;
  total: number | null;
  /** How many done-chunks (DONE_KEY_PREFIX + index) this period uses. */
  chunks: number;
  /** The email whose send was started but not yet confirmed in the ledger. */
  sending: { h: string; email: string } | null;
  /** Recipients kept for a later attempt after a transient error (not in the ledger). */
  retries: RetryEntry[];
  /** With waitingFor 'retry': the first moment a retry is due (ticks before it do nothing). */
  retryAt: number | null;
  /** The Lead was emailed about this period's blocking problem (once per period). */
  noticeSent: boolean;
  summaryRefreshed: boolean;
  summaryError: string | null;
  /** Key results' Sources were read and recorded this period (once per run; absent in older states). */
  sourcesUpdated?: boolean;
  /** What the Sources' update recorded, or why some recorded nothing (the first problems). */
  sourcesReport?: string | null;
  waitingFor: WaitingFor;
  lastError: string | null;
  executions: number;
  lease: { id: string; until: number } | null;
  /**
   * Closed cycles whose closing email this period's run sends to leadership: taken, in the write
   * that starts the run, from the closed cycles not yet announced (src/okr/cycle/closedCycles.ts).
   */
  closing?: string[];
}

export interface LastRun {
  period: string;
  sent: number;
  failedCount: number;
  finishedAt: number | null;
}

export interface WeeklyState {
  v: 1;
  enabled: boolean;
  enabledBy: string;
  enabledAt: number | null;
  /** The unique id of the trigger that should run the ticks; other tick triggers remove themselves. */
  triggerId: string;
  /** The spreadsheet's time zone, recorded so a tick needs no Sheets call to know the local time. */
  timeZone: string;
  run: WeeklyRunState | null;
  lastRun: LastRun | null;
}

/** What the sidebar's settings show; JSON-safe (times as ISO strings). */
export interface WeeklyRunStatus {
  enabled: boolean;
  enabledBy: string;
  enabledAt: string | null;
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday and 0–23, in timeZone. */
  weeklyDay: number;
  weeklyHour: number;
  period: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  sent: number;
  failed: FailedRecipient[];
  failedCount: number;
  remaining: number | null;
  /** Recipients waiting for the retry of a transient error. */
  retrying?: number;
  waitingFor: WaitingFor;
  lastError: string | null;
  nextRunAt: string | null;
  lastRun: { period: string; sent: number; failedCount: number; finishedAt: string | null } | null;
  /** What this run's update from the key results' Sources recorded, and its first problems. */
  sources?: string | null;
}

export function emptyState(): WeeklyState {
  return {
    v: 1,
    enabled: false,
    enabledBy: '',
    enabledAt: null,
    triggerId: '',
    timeZone: 'UTC',
    run: null,
    lastRun: null,
  };
}

/** A stored value read back; anything unreadable counts as "never enabled" rather than throwing. */
export function parseState(raw: string | null | undefined): WeeklyState {
  if (!raw) return emptyState();
  try {
    const s = JSON.parse(raw) as Partial<WeeklyState>;
    if (!s || typeof s !== 'object' || s.v !== 1) return emptyState();
    return { ...emptyState(), ...s } as WeeklyState;
  } catch (_e) {
    return emptyState();
  }
}

/** The enable/disable half of the state (STATE_KEY). */
export function serializeState(state: WeeklyState): string {
  const { run: _run, lastRun: _lastRun, ...config } = state;
  return JSON.stringify(config);
}

/** The run half of the state (RUN_KEY); it also records the time zone the run last read. */
export function serializeRun(state: WeeklyState): string {
  return JSON.stringify({ run: state.run, lastRun: state.lastRun, timeZone: state.timeZone });
}

/** Both halves read back from one properties snapshot. */
export function stateFromProperties(all: Record<string, string>): WeeklyState {
  const config = parseState(all[STATE_KEY]);
  const raw = all[RUN_KEY];
  if (!raw) return config;
  try {
    const r = JSON.parse(raw) as { run?: WeeklyRunState | null; lastRun?: LastRun | null; timeZone?: string };
    return {
      ...config,
      // A run stored before retries existed reads back with none pending.
      run: r.run
        ? {
            ...r.run,
            retries: r.run.retries ?? [],
            retryAt: r.run.retryAt ?? null,
            noticeSent: !!r.run.noticeSent,
          }
        : null,
      lastRun: r.lastRun ?? null,
      timeZone: typeof r.timeZone === 'string' && r.timeZone ? r.timeZone : config.timeZone,
    };
  } catch (_e) {
    return config;
  }
}

// ---- schedule -------------------------------------------------------------------------------

export interface Occurrence {
  period: string;
  at: number;
}

function occurrenceInWeekOf(
  local: { year: number; month: number; day: number; isoWeekday: number },
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour'>,
  timeZone: string,
): Occurrence {
  const monday = addDays(local.year, local.month, local.day, 1 - local.isoWeekday);
  // Settings count Sunday as 0; in an ISO week Sunday is the last day.
  const offset = settings.weeklyDay === 0 ? 6 : settings.weeklyDay - 1;
  const d = addDays(monday.year, monday.month, monday.day, offset);
  return {
    period: isoWeekOf(d.year, d.month, d.day),
    at: epochOfLocal(timeZone, d.year, d.month, d.day, settings.weeklyHour, 0),
  };
}

function cleanSchedule(
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour'>,
): Pick<Settings, 'weeklyDay' | 'weeklyHour'> {
  const day =
    Number.isInteger(settings.weeklyDay) && settings.weeklyDay >= 0 && settings.weeklyDay <= 6
      ? settings.weeklyDay
      : 1;
  const hour =
    Number.isInteger(settings.weeklyHour) && settings.weeklyHour >= 0 && settings.weeklyHour <= 23
      ? settings.weeklyHour
      : 9;
  return { weeklyDay: day, weeklyHour: hour };
}

/** The most recent scheduled moment at or before `now`, and its period. */
export function latestOccurrence(
  now: number,
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour'>,
  timeZone: string,
): Occurrence {
  const tz = safeTimeZone(timeZone);
  const s = cleanSchedule(settings);
  const local = localTime(now, tz);
  const thisWeek = occurrenceInWeekOf(local, s, tz);
  if (thisWeek.at <= now) return thisWeek;
  const prev = addDays(local.year, local.month, local.day, -7);
  const prevLocal = localTime(epochOfLocal(tz, prev.year, prev.month, prev.day, 12, 0), tz);
  return occurrenceInWeekOf(prevLocal, s, tz);
}

/** The first scheduled moment strictly after `now`. */
export function nextOccurrence(
  now: number,
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour'>,
  timeZone: string,
): Occurrence {
  const tz = safeTimeZone(timeZone);
  const s = cleanSchedule(settings);
  const local = localTime(now, tz);
  const thisWeek = occurrenceInWeekOf(local, s, tz);
  if (thisWeek.at > now) return thisWeek;
  const next = addDays(local.year, local.month, local.day, 7);
  const nextLocal = localTime(epochOfLocal(tz, next.year, next.month, next.day, 12, 0), tz);
  return occurrenceInWeekOf(nextLocal, s, tz);
}

export type TickDecision =
  | { kind: 'idle'; reason: 'disabled' | 'not-yet' | 'done' | 'busy' | 'retry-later' }
  | { kind: 'stray-trigger' }
  | { kind: 'run'; period: string; scheduledAt: number; fresh: boolean };

/**
 * What a tick should do, from stored state only. The latest scheduled moment defines the period;
 * a run for it starts once (never for a moment before weekly emails were enabled, so turning them
 * on mid-week waits for the next scheduled day) and is resumed until finished.
 */
export function decideTick(input: {
  now: number;
  state: WeeklyState;
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour' | 'weeklyEmails'>;
  triggerUid?: string | null;
}): TickDecision {
  const { now, state, settings } = input;
  if (input.triggerUid && state.triggerId && input.triggerUid !== state.triggerId)
    return { kind: 'stray-trigger' };
  if (!state.enabled || !settings.weeklyEmails) return { kind: 'idle', reason: 'disabled' };
  const occ = latestOccurrence(now, settings, state.timeZone);
  if (state.enabledAt !== null && occ.at < state.enabledAt) return { kind: 'idle', reason: 'not-yet' };
  const run = state.run;
  // Moving the weekly day later in the week must not start a second run for an earlier week.
  if (run && run.period > occ.period) return { kind: 'idle', reason: 'done' };
  if (run && run.period === occ.period) {
    if (run.finishedAt !== null) return { kind: 'idle', reason: 'done' };
    if (run.lease && run.lease.until > now) return { kind: 'idle', reason: 'busy' };
    // Only recipients waiting for a retry are left, and none is due yet: nothing to read or send.
    if (run.waitingFor === 'retry' && run.retryAt !== null && run.retryAt > now)
      return { kind: 'idle', reason: 'retry-later' };
    return { kind: 'run', period: occ.period, scheduledAt: run.scheduledAt, fresh: false };
  }
  if (run?.lease && run.lease.until > now) return { kind: 'idle', reason: 'busy' };
  return { kind: 'run', period: occ.period, scheduledAt: occ.at, fresh: true };
}

/** A new period's run; the previous run is kept as `lastRun` for the status. */
export function startRun(state: WeeklyState, period: string, scheduledAt: number, now: number): WeeklyState {
  const prev = state.run;
  return {
    ...state,
    lastRun: prev
      ? { period: prev.period, sent: prev.sent, failedCount: prev.failedCount, finishedAt: prev.finishedAt }
      : state.lastRun,
    run: {
      period,
      scheduledAt,
      startedAt: now,
      finishedAt: null,
      sent: 0,
      failed: [],
      failedCount: 0,
      remaining: null,
      total: null,
      chunks: 0,
      sending: null,
      retries: [],
      retryAt: null,
      noticeSent: false,
      summaryRefreshed: false,
      summaryError: null,
      waitingFor: null,
      lastError: null,
      executions: 0,
      lease: null,
    },
  };
}

export function recordFailure(run: WeeklyRunState, email: string, reason: string): void {
  run.failedCount += 1;
  if (run.failed.length < FAILED_DETAIL_CAP) {
    const r = String(reason || 'unknown error')
      .replace(/\s+/g, ' ')
      .trim();
    run.failed.push({ email, reason: r.length > REASON_CAP ? `${r.slice(0, REASON_CAP - 1)}…` : r });
  }
}

/** The wait before the next attempt after `attempts` transient failures. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** The reason recorded when a recipient's transient errors outlast MAX_SEND_ATTEMPTS. */
export function gaveUpReason(attempts: number, reason: string): string {
  return `gave up after ${attempts} attempts: ${reason}`;
}

/** The reason recorded for an email whose send was started by an execution that never confirmed it. */
export const INTERRUPTED_REASON =
  'interrupted while sending (execution stopped); delivery not confirmed, not resent to avoid a duplicate';

// ---- ledger ---------------------------------------------------------------------------------

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A fixed-width 53-bit hash of one email of one period (kind + address): the ledger stores these
 * instead of addresses so 1,000 recipients take ~11 KB, split over 9 KB property values.
 */
export function recipientHash(kind: EmailKind, email: string): string {
  const key = `${kind}:${email.trim().toLowerCase()}`;
  const hi = fnv1a(key, 0x811c9dc5) & 0x1fffff; // 21 bits
  const lo = fnv1a(key, 0x5bd1e995); // 32 bits
  return (hi * 0x100000000 + lo).toString(36).padStart(HASH_WIDTH, '0');
}

export function doneKey(index: number): string {
  return `${DONE_KEY_PREFIX}${index}`;
}

/** The set of recipients done (sent or failed) this period, stored as fixed-width hashes in chunks. */
export class Ledger {
  readonly chunks: string[];
  private readonly set = new Set<string>();
  private readonly dirty = new Set<number>();

  constructor(chunks: string[] = []) {
    this.chunks = chunks.slice();
    for (const c of this.chunks)
      for (let i = 0; i + HASH_WIDTH <= c.length; i += HASH_WIDTH) this.set.add(c.slice(i, i + HASH_WIDTH));
  }

  static fromProperties(all: Record<string, string>, count: number): Ledger {
    const chunks: string[] = [];
    for (let i = 0; i < count; i++) chunks.push(all[doneKey(i)] ?? '');
    return new Ledger(chunks);
  }

  get size(): number {
    return this.set.size;
  }

  has(hash: string): boolean {
    return this.set.has(hash);
  }

  add(hash: string): void {
    if (this.set.has(hash)) return;
    this.set.add(hash);
    let last = this.chunks.length - 1;
    if (last < 0 || this.chunks[last].length / HASH_WIDTH >= CHUNK_CAPACITY) {
      this.chunks.push('');
      last += 1;
    }
    this.chunks[last] += hash;
    this.dirty.add(last);
  }

  /**
   * The chunk values not yet saved, keyed by property name. They stay unsaved until markSaved: a
   * write that throws must not lose them, or the next write would leave out who was mailed.
   */
  unsaved(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.dirty) out[doneKey(i)] = this.chunks[i];
    return out;
  }

  /** After a successful write of `written` (from unsaved()): those chunks are durable. */
  markSaved(written: Record<string, string>): void {
    for (const i of [...this.dirty]) if (written[doneKey(i)] === this.chunks[i]) this.dirty.delete(i);
  }

  /** unsaved() and markSaved() at once, for a caller that writes them unconditionally. */
  takeDirty(): Record<string, string> {
    const out = this.unsaved();
    this.markSaved(out);
    return out;
  }
}

// ---- status (who may switch it: src/okr/ownership/roles.ts) ---------------------------------

function iso(ms: number | null | undefined): string | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function weeklyRunStatus(
  state: WeeklyState,
  settings: Pick<Settings, 'weeklyDay' | 'weeklyHour' | 'weeklyEmails'>,
  now: number,
): WeeklyRunStatus {
  const run = state.run;
  const enabled = state.enabled && settings.weeklyEmails;
  let nextRunAt: string | null = null;
  if (enabled) {
    const d = decideTick({ now, state: { ...state, triggerId: '' }, settings });
    // A run that is due (or resuming) goes out on the next tick; otherwise at the next scheduled moment.
    nextRunAt =
      d.kind === 'run' || (d.kind === 'idle' && d.reason === 'busy')
        ? iso(now)
        : d.kind === 'idle' && d.reason === 'retry-later'
          ? iso(run?.retryAt)
          : iso(nextOccurrence(now, settings, state.timeZone).at);
    if (d.kind === 'idle' && d.reason === 'not-yet')
      nextRunAt = iso(nextOccurrence(Math.max(now, state.enabledAt ?? now), settings, state.timeZone).at);
  }
  const s = cleanSchedule(settings);
  return {
    enabled,
    enabledBy: state.enabledBy,
    enabledAt: iso(state.enabledAt),
    timeZone: state.timeZone,
    weeklyDay: s.weeklyDay,
    weeklyHour: s.weeklyHour,
    period: run?.period ?? null,
    startedAt: iso(run?.startedAt),
    finishedAt: iso(run?.finishedAt),
    sent: run?.sent ?? 0,
    failed: run ? run.failed.map((f) => ({ email: f.email, reason: f.reason })) : [],
    failedCount: run?.failedCount ?? 0,
    remaining: run ? run.remaining : null,
    retrying: run?.retries?.length ?? 0,
    waitingFor: run?.waitingFor ?? null,
    lastError: run?.lastError ?? null,
    ...(run?.sourcesReport ? { sources: run.sourcesReport } : {}),
    nextRunAt,
    lastRun: state.lastRun
      ? {
          period: state.lastRun.period,
          sent: state.lastRun.sent,
          failedCount: state.lastRun.failedCount,
          finishedAt: iso(state.lastRun.finishedAt),
        }
      : null,
  };
}
