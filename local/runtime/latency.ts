// The modeled latency of Apps Script service calls, charged to the virtual clock by the Meter.
//
// A MODEL, calibrated on published timings (local/runtime/calibration/published.json, fitted by
// `npm run calibrate`, constants in calibration/fitted.ts). Tests assert orders of magnitude and
// ratios, never exact milliseconds.
//
// Apps Script buffers spreadsheet writes and sends them when the script reads, calls
// SpreadsheetApp.flush() or ends ("Every time you do a read, we must first empty (commit) the write
// cache", Google's "Optimizing Spreadsheet Operations", 2010; the best-practices page says the same:
// https://developers.google.com/apps-script/guides/support/best-practices). So:
// - a write costs little when it is made (it is queued) and its round trip plus a per-cell cost when
//   the queue is committed;
// - a read commits the queue first, then costs a round trip plus a per-cell transfer;
// - the execution's first read or write of the spreadsheet costs extra (the transcripts show the first
//   data call slow and the next ones fast: 0.058 s, then 0.001 s and 0 s for a run of format setters);
// - handles and range geometry (getRange, getRow, getActiveSheet…) are local: the execution
//   transcripts log them at 0 s;
// - other services (properties, cache, mail) cost their own round trip, fitted where a timing is
//   published; the rest keep round guesses, marked "guess" below.
import { FITTED, type FittedConstants } from './calibration/fitted';

export type { FittedConstants } from './calibration/fitted';

/**
 * read: commits pending writes, then costs base + perCell × cells.
 * write: costs `base` now; its cells (and `atFlush`) are charged when the queue is committed.
 * flush: commits pending writes (SpreadsheetApp.flush()).
 * call: costs base + perCell × cells now, no effect on the queue.
 */
export type CallKind = 'read' | 'write' | 'flush' | 'call';

export interface CallCost {
  kind: CallKind;
  /** Charged when the call is made, in ms. */
  base: number;
  /** Per cell touched, charged now (reads, calls) or at the commit (writes), in ms. */
  perCell: number;
  /** Writes only: a fixed cost added to the commit (structure changes), in ms. */
  atFlush: number;
}

/** Range methods that only describe the range: computed locally, no round trip. */
const RANGE_GEOMETRY = new Set([
  'getA1Notation',
  'getRow',
  'getRowIndex',
  'getColumn',
  'getColumnIndex',
  'getNumRows',
  'getNumColumns',
  'getHeight',
  'getWidth',
  'getLastRow',
  'getLastColumn',
  'getGridId',
  'getSheet',
  'getCell',
  'offset',
  'createTextFinder',
  'activate',
  'activateAsCurrentCell',
]);

/** Sheet methods that hand back a handle or a name, not data: local. */
const SHEET_HANDLES =
  /^Sheet\.(getRange|getRangeList|getName|getSheetName|getSheetId|getIndex|getParent|getActiveCell|getActiveRange|getActiveRangeList|getCurrentCell|getSelection|getType|activate)$/;

/** Guesses for services no published timing covers (kept from the first model, round figures). */
const GUESS = {
  /** insertRows, deleteRows, insertSheet… committed with the queue. */
  structureAtFlush: 150,
  /** Protection, named range and chart changes, committed with the queue. */
  objectAtFlush: 30,
  /** A TextFinder scans on Google's side and returns matches only: a quarter of a read's per-cell cost. */
  searchPerCellShare: 0.25,
  triggers: 200,
  ui: 50,
  html: 20,
  lock: 10,
  mailQuota: 30,
  session: 5,
  utilities: 1,
} as const;

function call(base: number, perCell = 0): CallCost {
  return { kind: 'call', base, perCell, atFlush: 0 };
}

/** How `method` is charged under the constants `k`. */
export function costOf(method: string, k: FittedConstants = FITTED): CallCost {
  const read = (perCell: number, base = k.readRoundTripMs): CallCost => ({
    kind: 'read',
    base,
    perCell,
    atFlush: 0,
  });
  const write = (atFlush = 0): CallCost => ({
    kind: 'write',
    base: k.writeCallMs,
    perCell: k.flushPerCellMs,
    atFlush,
  });
  // A clear sends a range, not cell contents: no per-cell transfer (guess: no published timing).
  const clear = (atFlush = 0): CallCost => ({ kind: 'write', base: k.writeCallMs, perCell: 0, atFlush });
  const dot = method.indexOf('.');
  const cls = method.slice(0, dot);
  const name = method.slice(dot + 1);

  if (method === 'SpreadsheetApp.flush') return { kind: 'flush', base: 0, perCell: 0, atFlush: 0 };
  if (cls === 'Range') {
    if (RANGE_GEOMETRY.has(name)) return call(k.localCallMs);
    if (/^(get|is)/.test(name)) return read(k.readPerCellMs);
    if (name === 'protect') return write(GUESS.objectAtFlush);
    if (/^clear/.test(name)) return clear();
    return write();
  }
  if (cls === 'Sheet') {
    if (name === 'getSheetValues') return read(k.readPerCellMs);
    if (SHEET_HANDLES.test(method)) return call(k.localCallMs);
    // Sizes, frozen rows, protections, rules: state Google holds, read after the queue is committed.
    if (/^(get|is|has)/.test(name)) return read(0, k.metadataMs);
    if (/^(protect|add|remove|new)/.test(name)) return write(GUESS.objectAtFlush);
    if (/^clear/.test(name)) return clear(GUESS.structureAtFlush);
    return write(GUESS.structureAtFlush);
  }
  if (cls === 'TextFinder') {
    if (/^(findAll|findNext|findPrevious|replaceAllWith)$/.test(name))
      return read(k.readPerCellMs * GUESS.searchPerCellShare);
    return call(k.localCallMs);
  }
  if (cls === 'RangeList') return /^(get|activate)/.test(name) ? call(k.localCallMs) : write();
  if (cls === 'Spreadsheet') {
    if (name === 'toast') return call(GUESS.ui);
    if (/^(insert|delete|set|rename|add|remove|move|duplicate|copy)/.test(name))
      return write(GUESS.structureAtFlush);
    return call(k.localCallMs);
  }
  if (cls === 'SpreadsheetApp' || cls === 'Selection') return call(k.localCallMs);
  // Builders and rule objects live in the script until applied.
  if (
    /Builder$/.test(cls) ||
    /^(DataValidation|ConditionalFormatRule|BooleanCondition|GradientCondition|TextStyle)$/.test(cls)
  )
    return call(k.localCallMs);
  if (/^(Protection|NamedRange|EmbeddedChart)$/.test(cls))
    return /^(get|is|can)/.test(name) ? call(k.localCallMs) : write(GUESS.objectAtFlush);

  if (cls === 'Properties') return call(/^(get)/.test(name) ? k.propertiesReadMs : k.propertiesWriteMs);
  if (cls === 'PropertiesService' || cls === 'CacheService') return call(k.serviceHandleMs);
  if (cls === 'Cache') {
    if (/^get/.test(name)) return call(k.cacheGetMs);
    if (/^put/.test(name)) return call(k.cachePutMs);
    return call(k.cacheRemoveMs);
  }
  if (method === 'MailApp.sendEmail') return call(k.mailSendMs, k.mailPerKbMs);
  if (method === 'MailApp.getRemainingDailyQuota') return call(GUESS.mailQuota);
  if (
    /^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder)\.(create|deleteTrigger|get(Project|User)Triggers)/.test(
      method,
    )
  )
    return call(GUESS.triggers);
  if (/^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|Trigger)$/.test(cls))
    return call(1);
  if (cls === 'Ui' || cls === 'Menu') return call(GUESS.ui);
  if (/^(HtmlService|HtmlOutput|HtmlTemplate)$/.test(cls)) return call(GUESS.html);
  if (/^Lock/.test(cls)) return call(GUESS.lock);
  if (cls === 'Session' || cls === 'User') return call(GUESS.session);
  if (cls === 'Utilities') return call(method === 'Utilities.sleep' ? 0 : GUESS.utilities);
  if (cls === 'Logger' || cls === 'console') return call(0);
  return call(10);
}

/**
 * The whole cost a call comes to on its own: a read or a call as charged, a write with the commit of
 * just its own cells. (What a sequence costs depends on the order: see WriteBufferClock.)
 */
export function latencyOf(method: string, cells = 0, k: FittedConstants = FITTED): number {
  const c = costOf(method, k);
  const n = Math.max(0, cells);
  if (c.kind === 'write') return c.base + k.flushRoundTripMs + c.atFlush + c.perCell * n;
  if (c.kind === 'flush') return k.flushRoundTripMs;
  return c.base + c.perCell * n;
}

/**
 * Virtual time of one execution under the write-buffer model. The meter feeds it every call;
 * `settle()` commits what is still queued when the execution ends.
 */
export class WriteBufferClock {
  elapsed = 0;
  private pendingWrites = 0;
  private pendingCellsMs = 0;
  private opened = false;
  /** costOf per method name: the classification is regex work, the same for every call. */
  private readonly costs = new Map<string, CallCost>();

  constructor(private readonly k: FittedConstants = FITTED) {}

  /** Charges one call; returns the ms it added. */
  charge(method: string, cells = 0): number {
    const before = this.elapsed;
    let c = this.costs.get(method);
    if (!c) {
      c = costOf(method, this.k);
      this.costs.set(method, c);
    }
    const n = Math.max(0, cells);
    if ((c.kind === 'read' || c.kind === 'write') && !this.opened) {
      this.opened = true;
      this.elapsed += this.k.firstDataCallMs;
    }
    switch (c.kind) {
      case 'write':
        this.elapsed += c.base;
        this.pendingWrites++;
        this.pendingCellsMs += c.atFlush + c.perCell * n;
        break;
      case 'read':
        this.commit();
        this.elapsed += c.base + c.perCell * n;
        break;
      case 'flush':
        // flush() with nothing queued still asks Google: one round trip.
        if (!this.commit()) this.elapsed += this.k.flushRoundTripMs;
        break;
      default:
        this.elapsed += c.base + c.perCell * n;
    }
    return this.elapsed - before;
  }

  /** Time that passes without a service call (Utilities.sleep, waiting for a lock). */
  advance(ms: number): void {
    if (ms > 0) this.elapsed += ms;
  }

  /** Commits the queue (at the end of the execution); returns whether anything was queued. */
  commit(): boolean {
    if (!this.pendingWrites) return false;
    this.elapsed += this.k.flushRoundTripMs + this.pendingCellsMs;
    this.pendingWrites = 0;
    this.pendingCellsMs = 0;
    return true;
  }

  get pending(): number {
    return this.pendingWrites;
  }
}
