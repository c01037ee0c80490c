// Counts every service call of one execution and charges its modeled latency (latency.ts, the
// write-buffer model: writes are queued and paid for when a read, flush() or the end commits them) to
// the execution's virtual clock. Once the virtual time has passed the limit, the NEXT call throws
// Google's "Exceeded maximum execution time": Google stops a script between statements, so the
// call that crosses the limit still completes.
// https://developers.google.com/apps-script/guides/services/quotas#current_limitations
import type { Meter, Realm } from './contract';
import { gasError, MESSAGES } from './errors';
import { WriteBufferClock } from './latency';

export interface Fault {
  method: string;
  /** 1-based: the nth call of `method` within one execution fails. */
  nth: number;
  message?: string;
}

/** One metered call, as the calibration replays record it (scripts/calibrate.ts). */
export interface TracedCall {
  method: string;
  cells: number;
}

/** When set, every metered call of every execution is appended here (calibration only). */
export const callTrace: { sink: TracedCall[] | null } = { sink: null };

export class ExecutionMeter implements Meter {
  readonly calls: Record<string, number> = {};
  private readonly clock = new WriteBufferClock();
  /** Set once the time limit fired; the execution then counts as failed even if the script caught it. */
  exceeded = false;
  /** While paused, calls are neither counted nor charged (the runtime's own bookkeeping). */
  paused = false;

  constructor(
    private readonly limitMs: number,
    private readonly faults: Fault[] = [],
    private readonly realm?: Realm,
  ) {}

  call(method: string, cells = 0): void {
    if (this.paused) return;
    if (this.exceeded || this.elapsed >= this.limitMs) {
      this.exceeded = true;
      throw gasError(this.realm, MESSAGES.timeLimit);
    }
    const n = (this.calls[method] ?? 0) + 1;
    this.calls[method] = n;
    callTrace.sink?.push({ method, cells });
    this.clock.charge(method, cells);
    const fault = this.faults.find((f) => f.method === method && f.nth === n);
    if (fault) throw gasError(this.realm, fault.message ?? MESSAGES.serverError);
  }

  /** Time that passes without a service call (Utilities.sleep, waiting for a lock). */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /** Virtual ms elapsed since the execution started. */
  get elapsed(): number {
    return this.clock.elapsed;
  }

  /**
   * The end of the execution: Apps Script commits the writes still queued. Charged to the execution
   * (it is part of its run time) but never throws: the script has already finished.
   */
  settle(): void {
    this.clock.commit();
  }

  /** Runs host bookkeeping (e.g. building a trigger's event object) without metering it. */
  unmetered<T>(fn: () => T): T {
    const was = this.paused;
    this.paused = true;
    try {
      return fn();
    } finally {
      this.paused = was;
    }
  }
}
