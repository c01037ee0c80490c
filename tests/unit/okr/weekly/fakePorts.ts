// An in-memory stand-in for the services the weekly run uses, with the failure modes that matter:
// a hard stop at a chosen service call (Google's time limit: that call and every later one throw),
// recipients whose send fails, a daily quota, and Google's property size limits.

import type { Settings } from '../../../../src/okr/core/model';
import { type DigestInput, digestModel } from '../../../../src/okr/weekly/digest';
import type { RenderedEmail } from '../../../../src/okr/weekly/email';
import type { WeeklyPorts, WeeklyWorkbook } from '../../../../src/okr/weekly/weeklyRunExecute';

export interface Sent {
  to: string;
  email: RenderedEmail;
  at: number;
}

export class FakeWorld {
  props: Record<string, string> = {};
  outbox: Sent[] = [];
  clock = 0;
  quotaPerDay = 100;
  usedByDay: Record<string, number> = {};
  failing = new Set<string>();
  calls = 0;
  /** Calls made in the current execution, by port. */
  log: string[] = [];
  lockBusy = false;
  removedTriggers: string[] = [];
  user = 'lead@example.com';
  summaryRefreshes = 0;
  /** Properties writes of the current execution that fail (1-based), as a transient server error. */
  failingWrites = new Set<number>();
  /** Sends of the current execution that throw this message (1-based), without sending. */
  sendErrors = new Map<number, string>();
  /** Throws instead of loading the workbook (a Sheets error), when set. */
  workbookError: string | null = null;
  /** Problems loadWorkbook reports that make the sheet unreadable for the run (a missing tab). */
  blockers: string[] = [];
  private writes = 0;
  private sends = 0;
  private stopAt: number | null = null;
  private stopped = false;

  constructor(public input: Omit<DigestInput, 'now' | 'staleDays'>) {}

  /** Starts a new execution; `stopAtCall` (1-based) is the call at which Google stops it. */
  begin(stopAtCall: number | null = null): void {
    this.calls = 0;
    this.writes = 0;
    this.sends = 0;
    this.log = [];
    this.stopAt = stopAtCall;
    this.stopped = false;
  }

  private call(name: string, ms: number): void {
    if (this.stopped) throw new Error('Exceeded maximum execution time');
    this.calls += 1;
    this.log.push(name);
    if (this.stopAt !== null && this.calls >= this.stopAt) {
      this.stopped = true;
      throw new Error('Exceeded maximum execution time');
    }
    this.clock += ms;
  }

  private day(): string {
    return new Date(this.clock).toISOString().slice(0, 10);
  }

  ports(): WeeklyPorts {
    return {
      now: () => this.clock,
      store: {
        readAll: () => {
          this.call('readAll', 30);
          return { ...this.props };
        },
        write: (values) => {
          this.call('write', 30);
          this.writes += 1;
          if (this.failingWrites.has(this.writes))
            throw new Error("We're sorry, a server error occurred. Please wait a bit and try again.");
          const next = { ...this.props, ...values };
          for (const v of Object.values(next))
            if (Buffer.byteLength(v) > 9 * 1024) throw new Error('Argument too large: value');
          const total = Object.entries(next).reduce(
            (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
            0,
          );
          if (total > 500 * 1024) throw new Error('You have exceeded the property storage quota.');
          this.props = next;
        },
      },
      withLock: (fn) => {
        this.call('lock', 10);
        return this.lockBusy ? null : fn();
      },
      remainingQuota: () => {
        this.call('quota', 30);
        return Math.max(0, this.quotaPerDay - (this.usedByDay[this.day()] ?? 0));
      },
      loadWorkbook: (now: number, settings: Settings): WeeklyWorkbook => {
        this.call('loadWorkbook', 200);
        if (this.workbookError) throw new Error(this.workbookError);
        return {
          blockers: this.blockers.slice(),
          model: digestModel({ ...this.input, now, staleDays: settings.staleDays }),
          context: {
            timeZone: 'Asia/Tokyo',
            now,
            spreadsheetName: 'Team OKRs',
            spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
            okrsSheetId: 0,
            summarySheetId: 42,
          },
          defaultLang: 'en',
        };
      },
      refreshSummary: () => {
        this.call('refreshSummary', 300);
        this.summaryRefreshes += 1;
        return 42;
      },
      send: (to, email) => {
        this.call('send', 300);
        this.sends += 1;
        const injected = this.sendErrors.get(this.sends);
        if (injected) throw new Error(injected);
        if ((this.usedByDay[this.day()] ?? 0) >= this.quotaPerDay)
          throw new Error('Service invoked too many times for one day: email.');
        if (this.failing.has(to)) throw new Error(`Invalid email: ${to}`);
        this.usedByDay[this.day()] = (this.usedByDay[this.day()] ?? 0) + 1;
        this.outbox.push({ to, email, at: this.clock });
      },
      removeTrigger: (uid) => {
        this.call('removeTrigger', 200);
        this.removedTriggers.push(uid);
      },
      newLeaseId: () => `lease-${this.clock}`,
      effectiveUser: () => {
        this.call('effectiveUser', 5);
        return this.user;
      },
    };
  }
}
