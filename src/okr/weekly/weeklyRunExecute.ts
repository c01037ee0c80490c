// One tick of the weekly run, written against small ports (store, lock, mail, workbook) so the
// resume rules are tested with plain data; src/index.ts binds the ports to Apps Script services.
//
// Exactly-once rules:
// - The decision to do nothing reads one properties snapshot and the clock: nothing else.
// - A run is claimed under the document lock with a lease (stored), then the lock is released so
//   people can keep checking in while emails go out; a second tick sees the lease and returns.
// - Before each email, ONE properties write records the ledger (everyone done so far, including
//   the email just sent) and the email about to be sent; no email goes out until that write has
//   succeeded, and a write that fails twice stops the execution (a later tick resumes). A send that
//   throws is known not to have gone out: quota and time-limit errors leave the recipient for a
//   later tick, transient errors (server error, rate limit, timeout) for a retry with backoff, and
//   only permanent ones (an invalid address) record a failure. If an execution dies between a send
//   and the next write (Google stopped it), the next run finds the recorded "sending" and files it
//   as a failure that was not confirmed, rather than risk a second copy.
// - A sheet the run cannot read (OKRs or Team tab or a required column missing) or with nobody to
//   email is an error, never "finished, 0 sent": the run stays open and retries every tick, the
//   status shows the error and the Lead who enabled the emails gets one email saying so.

import { isEmail } from '../core/emailAddress';
import { t } from '../core/i18n';
import type { EmailChoice, Lang, OkrSheet, Roster, Settings } from '../core/model';
import { parseStoredSettings, SETTINGS_KEY } from '../core/settings';
import { CLOSED_CYCLES_KEY, parseClosedCycles, serializeClosedCycles } from '../cycle/closedCycles';
import { type ClosingReport, renderClosingEmail } from './closingEmail';
import {
  type DigestModel,
  languageOf,
  leadershipReport,
  ownerReport,
  planRecipients,
  type Recipient,
  teamReport,
} from './digest';
import { type EmailContext, type RenderedEmail, renderLeadershipDigest, renderOwnerEmail } from './email';
import { emailChoicesFrom } from './emailChoice';
import { fitEmail } from './emailFit';
import {
  decideTick,
  doneKey,
  gaveUpReason,
  INTERRUPTED_REASON,
  LEASE_MS,
  Ledger,
  MAX_SEND_ATTEMPTS,
  RETRY_CAP,
  RETRY_SLACK_MS,
  RUN_BUDGET_MS,
  RUN_KEY,
  recipientHash,
  recordFailure,
  retryDelay,
  SEND_RESERVE_MS,
  serializeRun,
  startRun,
  stateFromProperties,
  type WaitingFor,
  type WeeklyRunState,
  type WeeklyState,
} from './weeklyRun';
import { WEEKLY_MESSAGES } from './weeklyRunMessages';
import { renderRunNotice } from './weeklyRunNotice';

export interface WeeklyStore {
  /** Every document property, in one call. */
  readAll(): Record<string, string>;
  /** Several properties in one call (atomic for our purposes). */
  write(values: Record<string, string>): void;
}

export interface WeeklyWorkbook {
  model: DigestModel;
  /**
   * Why the sheet cannot be read for the weekly emails (an OKRs or Team tab, or a required column,
   * missing), as sentences in the spreadsheet's language; empty when it can.
   */
  blockers: string[];
  /** Everything an email needs except the recipient's language and who enabled the run. */
  context: Omit<EmailContext, 'lang' | 'enabledBy' | 'test'>;
  /** The spreadsheet's language: settings.language, else its locale. */
  defaultLang: Lang;
  /** Each closed cycle's results for its closing email (closingEmail.ts); absent when none is closed. */
  closing?: ReadonlyMap<string, ClosingReport>;
}

export interface WeeklyPorts {
  now(): number;
  store: WeeklyStore;
  /** Runs fn under the document lock; null when the lock is busy. */
  withLock<T>(fn: () => T): T | null;
  remainingQuota(): number;
  loadWorkbook(now: number, settings: Settings): WeeklyWorkbook;
  /**
   * Rewrites the Summary tab (the leadership digest links to it) and returns its sheet id: a tab the
   * refresh created was not there when the workbook was read.
   */
  refreshSummary(settings: Settings, now: number): number | null;
  /**
   * Reads the key results' Sources and records their figures as check-ins (src/endpoints/
   * sourceUpdate.ts); answers a line for the run's status. Optional: a workbook without it has none.
   */
  updateSources?(settings: Settings, now: number): string | null;
  send(to: string, email: RenderedEmail): void;
  removeTrigger(uid: string): void;
  newLeaseId(): string;
  /** Who the execution runs as (a trigger runs as its installer). */
  effectiveUser(): string;
}

export type TickOutcome =
  | { action: 'idle'; reason: 'disabled' | 'not-yet' | 'done' | 'busy' | 'retry-later' | 'not-the-trigger' }
  | { action: 'removed-trigger'; reason: 'superseded' | 'disabled' }
  | {
      action: 'ran';
      period: string;
      sentNow: number;
      failedNow: number;
      sent: number;
      failedCount: number;
      remaining: number | null;
      finished: boolean;
      waitingFor: WaitingFor;
      /** Why the run is waiting, when an error stopped it (shown in the status too). */
      error: string | null;
      /** Recipients waiting for the retry of a transient error. */
      retrying: number;
    };

export function settingsFromProperties(all: Record<string, string>): Settings {
  return parseStoredSettings(all[SETTINGS_KEY]);
}

export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Google's "Exceeded maximum execution time": the send did not happen and the script is stopping. */
export function isTimeLimitError(message: string): boolean {
  return /exceeded maximum execution time/i.test(message);
}

/** "Service invoked too many times for one day: email." — nothing was sent; retry when the quota allows. */
export function isQuotaError(message: string): boolean {
  return /too many times for one day|daily quota|quota.*email/i.test(message);
}

/**
 * Errors that no retry can fix, so the recipient is filed as failed: an address MailApp rejects
 * ("Invalid email: …"), a message over Google's per-message limits ("Limit Exceeded: Email Body
 * Size.", "… Recipients Per Message"), no recipient. Everything else that MailApp throws ("We're
 * sorry, a server error occurred. Please wait a bit and try again.", "Service invoked too many
 * times in a short time: …", "… timed out", "Service unavailable") is retried with backoff.
 * https://developers.google.com/apps-script/guides/services/quotas
 */
export function isPermanentMailError(message: string): boolean {
  return /invalid email|invalid argument: (to|recipient)|limit exceeded: email|no recipient/i.test(message);
}

/**
 * What makes the sheet unreadable for the weekly emails: a missing OKRs or Team tab, or a required
 * column missing from either (the parser's sheet-wide header-missing problems), as sentences.
 */
export function weeklyBlockers(okrs: Pick<OkrSheet, 'problems'>, roster: Pick<Roster, 'problems'>): string[] {
  return [...okrs.problems, ...roster.problems]
    .filter((p) => p.code === 'header-missing' && p.row === null)
    .map((p) => p.message);
}

/** Sentences for the run's error (and the Lead's email) from what makes the sheet unreadable. */
export function blockedText(lang: Lang, blockers: readonly string[]): string {
  return blockers.length
    ? t(WEEKLY_MESSAGES, lang, 'sheetUnreadable', { problems: blockers.map((b) => b.trim()).join(' ') })
    : t(WEEKLY_MESSAGES, lang, 'nobodyToEmail');
}

/** Renders recipients' emails; the leadership digest is built once per language. */
export function emailRenderer(
  wb: WeeklyWorkbook,
  enabledBy: string,
  test = false,
): (r: Recipient) => RenderedEmail {
  const digests = new Map<Lang, RenderedEmail>();
  let leadership: ReturnType<typeof leadershipReport> | null = null;
  return (r) => {
    const lang = languageOf(r.person, wb.defaultLang);
    const ctx: EmailContext = { ...wb.context, lang, enabledBy, test };
    const closing = r.kind === 'closing' && r.cycle ? wb.closing?.get(r.cycle) : undefined;
    if (r.kind === 'closing') {
      if (!closing) throw new Error(`no results for ${r.cycle ?? ''}`);
      return fitEmail((limits) => renderClosingEmail(closing, { ...ctx, limits }));
    }
    if (r.kind === 'owner') {
      const report = ownerReport(wb.model, r.email);
      const team = teamReport(wb.model, r.email);
      const conversationRuns = wb.model.input.conversationRuns;
      return fitEmail((limits) => renderOwnerEmail(report, { ...ctx, limits, conversationRuns }, team));
    }
    let d = digests.get(lang);
    if (!d) {
      leadership ??= leadershipReport(wb.model);
      const report = leadership;
      d = fitEmail((limits) => renderLeadershipDigest(report, wb.model, { ...ctx, limits }));
      digests.set(lang, d);
    }
    return d;
  };
}

interface Claim {
  state: WeeklyState;
  ledger: Ledger;
  settings: Settings;
  /** Each person's weekly email choice, read with the rest of the properties (emailChoice.ts). */
  choices: Map<string, EmailChoice>;
}

function claimRun(ports: WeeklyPorts, triggerUid: string | null, leaseId: string): Claim | null {
  return ports.withLock(() => {
    // Re-read after acquiring: another execution may have claimed or finished the run meanwhile.
    const all = ports.store.readAll();
    let state = stateFromProperties(all);
    const settings = settingsFromProperties(all);
    const now = ports.now();
    const d = decideTick({ now, state, settings, triggerUid });
    if (d.kind !== 'run') return null;
    const writes: Record<string, string> = {};
    if (d.fresh) {
      for (let i = 0; i < (state.run?.chunks ?? 0); i++) writes[doneKey(i)] = '';
      state = startRun(state, d.period, d.scheduledAt, now);
      takeClosing(all, state, d.period, writes);
    }
    const run = state.run as NonNullable<WeeklyState['run']>;
    const ledger = d.fresh ? new Ledger() : Ledger.fromProperties(all, run.chunks);
    if (run.sending) {
      ledger.add(run.sending.h);
      dropRetry(run, run.sending.h);
      recordFailure(run, run.sending.email, INTERRUPTED_REASON);
      run.sending = null;
      if (run.remaining !== null) run.remaining = Math.max(0, run.remaining - 1);
    }
    run.lease = { id: leaseId, until: now + LEASE_MS };
    run.executions += 1;
    run.waitingFor = null;
    run.lastError = null;
    Object.assign(writes, ledger.takeDirty());
    run.chunks = ledger.chunks.length;
    writes[RUN_KEY] = serializeRun(state);
    try {
      ports.store.write(writes);
    } catch (_e) {
      // One retry, as for every write of the run; a second failure ends this execution before any
      // email (the trigger's next tick claims the run again).
      ports.store.write(writes);
    }
    return { state, ledger, settings, choices: emailChoicesFrom(all) };
  });
}

/**
 * The closed cycles not yet announced become this run's closing emails, and are marked announced in
 * the same properties write that starts the run: a cycle is announced by exactly one period's run,
 * and within it the ledger sends each closing email once.
 */
function takeClosing(
  all: Record<string, string>,
  state: WeeklyState,
  period: string,
  writes: Record<string, string>,
) {
  const closed = parseClosedCycles(all[CLOSED_CYCLES_KEY]);
  const fresh = closed.filter((c) => c.announced === null);
  if (!fresh.length || !state.run) return;
  state.run.closing = fresh.map((c) => c.name);
  writes[CLOSED_CYCLES_KEY] = serializeClosedCycles(
    closed.map((c) => (c.announced === null ? { ...c, announced: period } : c)),
  );
}

/** The ledger's key of a recipient: a closing email is one per cycle and person. */
function hashOf(r: Recipient): string {
  return recipientHash(r.kind, r.cycle ? `${r.email}\u0000${r.cycle}` : r.email);
}

/** Leadership's closing emails for the run's closed cycles (those whose results the workbook holds). */
function closingRecipients(
  model: DigestModel,
  wb: WeeklyWorkbook,
  cycles: readonly string[] | undefined,
): Recipient[] {
  const out: Recipient[] = [];
  for (const cycle of cycles ?? []) {
    if (!wb.closing?.has(cycle)) continue;
    for (const p of model.team.values())
      if (p.role === 'leadership' && isEmail(p.email))
        out.push({ kind: 'closing', email: p.email, name: p.name, person: p, cycle });
  }
  return out;
}

function dropRetry(run: WeeklyRunState, h: string): void {
  run.retries = run.retries.filter((r) => r.h !== h);
}

/**
 * The sheet cannot be read, or nobody is to be emailed: an error that keeps the run open (retried
 * every tick) and, once per period, an email to the Lead who enabled weekly emails.
 */
function blocked(
  ports: WeeklyPorts,
  state: WeeklyState,
  wb: WeeklyWorkbook,
  quota: number,
  persist: () => void,
): void {
  const run = state.run as WeeklyRunState;
  const lead = state.enabledBy;
  const person = lead ? wb.model.team.get(lead) : undefined;
  const lang = person ? languageOf(person, wb.defaultLang) : wb.defaultLang;
  const problem = blockedText(lang, wb.blockers);
  run.remaining = null;
  run.total = null;
  if (!run.noticeSent && lead && quota > 0) {
    const email = renderRunNotice({
      lang,
      problem,
      scheduledAt: run.scheduledAt,
      timeZone: wb.context.timeZone,
      spreadsheetName: wb.context.spreadsheetName,
      spreadsheetUrl: wb.context.spreadsheetUrl,
    });
    // Recorded as sent before the send (at most one notice a period); a send known to have failed
    // clears the mark again, so a later tick tries once more. So does a failed write of the mark:
    // the run's last write (after this execution stops) must not store a notice that never went.
    run.noticeSent = true;
    try {
      persist();
    } catch (e) {
      run.noticeSent = false;
      throw e;
    }
    try {
      ports.send(lead, email);
    } catch (e) {
      if (isTimeLimitError(errorText(e))) throw e;
      run.noticeSent = false;
    }
  }
  throw new Error(problem);
}

interface SendInput {
  state: WeeklyState;
  ledger: Ledger;
  plan: Recipient[];
  wb: WeeklyWorkbook;
  quota: number;
  started: number;
  persist: () => void;
}

/** Sends this period's pending emails until done, the time budget, the quota or a transient error. */
function sendPending(ports: WeeklyPorts, input: SendInput): void {
  const { state, ledger, plan, wb, started, persist } = input;
  let { quota } = input;
  const run = state.run as WeeklyRunState;
  const pending = plan.filter((r) => !ledger.has(hashOf(r)));
  run.total = plan.length;
  run.remaining = pending.length;
  run.retryAt = null;
  // Recipients no longer in the plan (removed from Team meanwhile) wait for nothing.
  const planned = new Set(pending.map(hashOf));
  run.retries = run.retries.filter((r) => planned.has(r.h));
  const render = emailRenderer(wb, state.enabledBy);
  let stoppedBy: WaitingFor = null;
  for (const r of pending) {
    if (ports.now() - started > RUN_BUDGET_MS - SEND_RESERVE_MS) {
      stoppedBy = 'time';
      break;
    }
    if (quota <= 0) {
      stoppedBy = 'quota';
      break;
    }
    const h = hashOf(r);
    const retry = run.retries.find((x) => x.h === h);
    if (retry && retry.next > ports.now()) continue;
    let email: RenderedEmail | null = null;
    try {
      email = render(r);
    } catch (e) {
      ledger.add(h);
      dropRetry(run, h);
      recordFailure(run, r.email, `could not build the email: ${errorText(e)}`);
    }
    if (email) {
      run.sending = { h, email: r.email };
      persist();
      try {
        ports.send(r.email, email);
        quota -= 1;
        run.sent += 1;
        ledger.add(h);
        dropRetry(run, h);
      } catch (e) {
        const message = errorText(e);
        run.sending = null;
        if (isTimeLimitError(message)) {
          stoppedBy = 'time';
          break;
        }
        if (isQuotaError(message)) {
          stoppedBy = 'quota';
          break;
        }
        const attempts = (retry?.attempts ?? 0) + 1;
        if (isPermanentMailError(message) || attempts >= MAX_SEND_ATTEMPTS) {
          ledger.add(h);
          dropRetry(run, h);
          recordFailure(run, r.email, attempts > 1 ? gaveUpReason(attempts, message) : message);
        } else {
          // Google asks to "wait a bit and try again": this recipient after a growing delay, the
          // others from the next tick on (the service is likely to fail them too right now).
          dropRetry(run, h);
          if (run.retries.length < RETRY_CAP)
            run.retries.push({
              h,
              email: r.email,
              attempts,
              next: started + retryDelay(attempts) - RETRY_SLACK_MS,
              reason: message.slice(0, 120),
            });
          run.lastError = message;
          stoppedBy = 'retry';
          break;
        }
      }
      run.sending = null;
    }
    run.remaining -= 1;
  }
  if (run.remaining === 0) {
    run.finishedAt = ports.now();
    run.waitingFor = null;
  } else if (stoppedBy) {
    run.waitingFor = stoppedBy;
  } else {
    // Only recipients waiting for their retry are left: ticks before the first is due do nothing.
    run.waitingFor = 'retry';
    run.retryAt = run.retries.length ? Math.min(...run.retries.map((x) => x.next)) : null;
  }
}

/** One hourly tick: return at once when nothing is due, else continue this period's run. */
export function runWeeklyTick(ports: WeeklyPorts, triggerUid: string | null = null): TickOutcome {
  const started = ports.now();
  const all = ports.store.readAll();
  const stored = stateFromProperties(all);
  const decision = decideTick({
    now: started,
    state: stored,
    settings: settingsFromProperties(all),
    triggerUid,
  });
  if (decision.kind === 'stray-trigger' && triggerUid) {
    // A Lead re-enabled weekly emails from their account: this older trigger steps aside.
    ports.removeTrigger(triggerUid);
    return { action: 'removed-trigger', reason: 'superseded' };
  }
  if (decision.kind === 'idle') {
    if (decision.reason === 'disabled' && !stored.enabled && triggerUid) {
      // Disabled by someone else, who cannot delete this user's trigger: it removes itself.
      ports.removeTrigger(triggerUid);
      return { action: 'removed-trigger', reason: 'disabled' };
    }
    return { action: 'idle', reason: decision.reason };
  }
  if (decision.kind !== 'run') return { action: 'idle', reason: 'busy' };
  // onTick is a global function any editor could call through google.script.run; mail goes out
  // only from the trigger that the enabling Lead installed, as that Lead.
  if (!triggerUid || triggerUid !== stored.triggerId || ports.effectiveUser() !== stored.enabledBy) {
    return { action: 'idle', reason: 'not-the-trigger' };
  }

  const claim = claimRun(ports, triggerUid, ports.newLeaseId());
  if (!claim) return { action: 'idle', reason: 'busy' };
  const { state, ledger, settings, choices } = claim;
  const run = state.run as NonNullable<WeeklyState['run']>;
  const sentBefore = run.sent;
  const failedBefore = run.failedCount;

  // The ledger's unsaved chunks stay unsaved until a write succeeds: a failed write must leave
  // them for the next one, or the run would forget who was already mailed.
  const persist = () => {
    run.chunks = ledger.chunks.length;
    const writes = { ...ledger.unsaved(), [RUN_KEY]: serializeRun(state) };
    try {
      ports.store.write(writes);
    } catch (_e) {
      // Transient server errors are common in Apps Script; one retry. A second failure stops the run.
      ports.store.write(writes);
    }
    ledger.markSaved(writes);
  };

  try {
    const quota = ports.remainingQuota();
    if (quota <= 0) {
      run.waitingFor = 'quota';
    } else {
      // Sources first, so this week's emails and Summary show the figures they give. Once per run,
      // and marked done before it starts: a run cut short mid-update never records a figure twice.
      if (ports.updateSources && !run.sourcesUpdated) {
        run.sourcesUpdated = true;
        persist();
        try {
          run.sourcesReport = ports.updateSources(settings, ports.now());
        } catch (e) {
          run.sourcesReport = errorText(e);
        }
      }
      let wb = ports.loadWorkbook(ports.now(), settings);
      state.timeZone = wb.context.timeZone;
      // Nobody to email at all is the sheet's problem (the Lead hears of it); everybody having chosen
      // not to get this week's email is a run that finishes with nothing sent. A closed cycle's
      // email to leadership goes once, whatever anyone chose for their weekly email.
      const closing = wb.blockers.length ? [] : closingRecipients(wb.model, wb, run.closing);
      if (wb.blockers.length || (!planRecipients(wb.model).length && !closing.length)) {
        blocked(ports, state, wb, quota, persist);
      } else {
        // The first execution of a period that can read the sheet refreshes the Summary tab, so the
        // digest's link points at this week's numbers. Never from a sheet the run cannot read (a
        // blocked tick keeps the Summary leadership last saw), and a failing refresh must not hold
        // back the owners' emails.
        if (!run.summaryRefreshed) {
          try {
            const summarySheetId = ports.refreshSummary(settings, ports.now());
            if (summarySheetId !== null) wb = { ...wb, context: { ...wb.context, summarySheetId } };
          } catch (e) {
            run.summaryError = errorText(e);
          }
          run.summaryRefreshed = true;
        }
        sendPending(ports, {
          state,
          ledger,
          plan: [...planRecipients(wb.model, choices), ...closing],
          wb,
          quota,
          started,
          persist,
        });
      }
    }
  } catch (e) {
    run.lastError = errorText(e);
    run.waitingFor = 'error';
    run.sending = null;
  }
  run.lease = null;
  persist();
  return {
    action: 'ran',
    period: run.period,
    sentNow: run.sent - sentBefore,
    failedNow: run.failedCount - failedBefore,
    sent: run.sent,
    failedCount: run.failedCount,
    remaining: run.remaining,
    finished: run.finishedAt !== null,
    waitingFor: run.waitingFor,
    error: run.lastError,
    retrying: run.retries.length,
  };
}

export interface TestDigestResult {
  sent: Array<{ kind: 'owner' | 'leadership'; to: string; subject: string }>;
  /** Why nothing (or less than expected) was sent, localized by the caller. */
  skipped: Array<'not-in-team' | 'owns-nothing' | 'quota'>;
}

/**
 * The caller's own owner email (and the digest when they are Leadership), right now, outside the
 * ledger: a Lead sees exactly what people will receive. Only the caller's Team address is used.
 */
export function sendTestEmails(
  ports: Pick<WeeklyPorts, 'now' | 'remainingQuota' | 'loadWorkbook' | 'send'>,
  input: {
    caller: string;
    settings: Settings;
    enabledBy: string;
  },
): TestDigestResult {
  const out: TestDigestResult = { sent: [], skipped: [] };
  const wb = ports.loadWorkbook(ports.now(), input.settings);
  const email = input.caller.trim().toLowerCase();
  // planRecipients plans the weekly emails only (closing emails come from the run's closed cycles).
  const recipients = planRecipients(wb.model).filter(
    (r): r is Recipient & { kind: 'owner' | 'leadership' } => r.kind !== 'closing' && r.email === email,
  );
  if (!wb.model.team.has(email)) {
    out.skipped.push('not-in-team');
    return out;
  }
  if (!recipients.some((r) => r.kind === 'owner')) out.skipped.push('owns-nothing');
  if (!recipients.length) return out;
  let quota = ports.remainingQuota();
  const render = emailRenderer(wb, input.enabledBy, true);
  for (const r of recipients) {
    if (quota <= 0) {
      out.skipped.push('quota');
      break;
    }
    const rendered = render(r);
    ports.send(r.email, rendered);
    quota -= 1;
    out.sent.push({ kind: r.kind, to: r.email, subject: rendered.subject });
  }
  return out;
}
