// Replays every published timing (published.json) in the local runtime: the same operation, as an
// Apps Script function, run through the runtime's metered services. The script logs "mark" where the
// source started and stopped its timer; a record without marks is timed over the whole execution
// (the end-of-execution commit included). Each run's calls are traced, so the fit can re-price the
// same sequence under other constants without running the script again.

import { Runtime } from '..';
import { WriteBufferClock } from '../latency';
import { callTrace, type TracedCall } from '../meter';
import { Workbook } from '../spreadsheet';
import { FITTED, type FittedConstants } from './fitted';
import published from './published.json';

export interface PublishedSource {
  title: string;
  url: string;
  date: string;
  runtime: string;
  method: string;
}

export interface PublishedRecord {
  id: string;
  source: string;
  operation: string;
  replay: { name: string } & Record<string, unknown>;
  publishedMs: number;
  perIteration?: boolean;
  bound: 'approx' | 'upper';
  fit: boolean;
  note?: string;
  quote: string;
}

export const SOURCES = published.sources as Record<string, PublishedSource>;
export const RECORDS = published.records as PublishedRecord[];

const MARK = 'mark';
const T0 = '2026-11-30T09:00:00Z';

type Params = Record<string, unknown>;

/** The replay scripts: a `replay` function doing what the source timed, between two marks. */
const SCRIPTS: Record<string, (p: Params) => string> = {
  setValuesBlock: (p) => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      var data = rows_(${p.rows}, ${p.cols});
      Logger.log('${MARK}');
      sheet.getRange(1, 1, ${p.rows}, ${p.cols}).setValues(data);
      ${p.flush ? 'SpreadsheetApp.flush();' : ''}
      Logger.log('${MARK}');
    }`,
  setValuesPerRow: (p) => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      var data = rows_(${p.rows}, ${p.cols});
      Logger.log('${MARK}');
      for (var r = 0; r < data.length; r++) {
        sheet.getRange(r + 1, 1, 1, ${p.cols}).setValues([data[r]]);
        ${p.flushEachRow ? 'SpreadsheetApp.flush();' : ''}
      }
      Logger.log('${MARK}');
    }`,
  sheetWriteRead: (p) => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      Logger.log('${MARK}');
      for (var i = 0; i < ${p.iterations}; i++) {
        var cell = sheet.getRange(1, 1);
        cell.setValue('x' + i);
        cell.getValue();
      }
      Logger.log('${MARK}');
    }`,
  propertiesSetGet: (p) => `
    function replay() {
      var payload = new Array(101).join('x');
      Logger.log('${MARK}');
      for (var i = 0; i < ${p.iterations}; i++) {
        var props = PropertiesService.getScriptProperties();
        props.setProperty('benchmark_test', payload);
        props.getProperty('benchmark_test');
      }
      Logger.log('${MARK}');
    }`,
  cachePutGet: (p) => `
    function replay() {
      var payload = new Array(101).join('x');
      Logger.log('${MARK}');
      for (var i = 0; i < ${p.iterations}; i++) {
        var cache = CacheService.getScriptCache();
        cache.put('benchmark_test', payload, 10);
        cache.get('benchmark_test');
      }
      Logger.log('${MARK}');
    }`,
  propertiesCall: (p) => {
    const store = p.store === 'user' ? 'getUserProperties' : 'getScriptProperties';
    const op = p.call === 'setProperty' ? "setProperty('k', 'v')" : "getProperty('k')";
    return `
    function replay() {
      PropertiesService.${store}().setProperty('k', 'v');
      Logger.log('${MARK}');
      PropertiesService.${store}().${op};
      Logger.log('${MARK}');
    }`;
  },
  cacheCall: (p) => {
    const store = p.store === 'user' ? 'getUserCache' : 'getScriptCache';
    const op = p.call === 'put' ? "put('k', 'v', 600)" : p.call === 'get' ? "get('k')" : "remove('k')";
    const handleInside = p.withHandle !== false;
    return `
    function replay() {
      var cache = CacheService.${store}();
      cache.put('k', 'v', 600);
      Logger.log('${MARK}');
      ${handleInside ? `CacheService.${store}().${op};` : `cache.${op};`}
      Logger.log('${MARK}');
    }`;
  },
  cacheHandle: () => `
    function replay() {
      Logger.log('${MARK}');
      CacheService.getScriptCache();
      Logger.log('${MARK}');
    }`,
  sendEmail: () => `
    function replay() {
      var body = new Array(100 * 1024 + 1).join('x');
      Logger.log('${MARK}');
      MailApp.sendEmail({ to: 'owner@example.com', subject: 'Report', htmlBody: body });
      Logger.log('${MARK}');
    }`,
  firstRead: (p) => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      Logger.log('${MARK}');
      sheet.getRange(4, 1, ${p.rows}, ${p.cols}).getValues();
      Logger.log('${MARK}');
    }`,
  handles: () => `
    function replay() {
      Logger.log('${MARK}');
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      SpreadsheetApp.getActiveSpreadsheet();
      var sheet = ss.getActiveSheet();
      var range = sheet.getRange(4, 1);
      range.getRowIndex();
      sheet.getRange(4, 3); sheet.getRange(4, 2); sheet.getRange(4, 4);
      range.getColumn();
      range.getA1Notation();
      Logger.log('${MARK}');
    }`,
  nextReads: (p) => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange(4, 1).getValues();
      Logger.log('${MARK}');
      for (var c = 2; c < 2 + ${p.reads}; c++) sheet.getRange(4, c).getValues();
      Logger.log('${MARK}');
    }`,
  formatSetters: () => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      var a = sheet.getRange('A2:A7'), b = sheet.getRange('B2:B7'), c = sheet.getRange('C2:C7');
      var d = sheet.getRange('D2:F7'), h = sheet.getRange('A1:G1');
      Logger.log('${MARK}');
      a.setBackground('red'); a.setFontColor('white'); a.setFontStyle('normal');
      b.setBackground('yellow'); b.setFontColor('black'); b.setFontStyle('normal');
      c.setBackground('red'); c.setFontColor('white'); c.setFontStyle('normal');
      d.setBackground('darkgray'); d.setFontColor('white'); d.setFontStyle('italic');
      h.setWrap(true); h.setBackground('yellow'); h.setFontWeight('bold'); h.setFontColor('black');
      Logger.log('${MARK}');
    }`,
  maxRowsColumns: () => `
    function replay() {
      var sheet = SpreadsheetApp.getActive().getSheetByName('Big');
      Logger.log('${MARK}');
      sheet.getMaxRows();
      sheet.getMaxColumns();
      Logger.log('${MARK}');
    }`,
  readTransformWrite: (p) => `
    function replay() {
      var range = SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, ${p.rows}, ${p.cols});
      var values = range.getValues().map(function (row) {
        return row.map(function (v) { return String(v).toUpperCase(); });
      });
      range.setValues(values);
    }`,
};

const HELPERS = `
  function rows_(n, cols) {
    var out = [];
    for (var r = 0; r < n; r++) {
      var row = [];
      for (var c = 0; c < cols; c++) row.push(c % 2 ? r * c : 'text ' + r + '/' + c);
      out.push(row);
    }
    return out;
  }`;

function workbookFor(record: PublishedRecord): Workbook {
  const data: unknown[][] = [];
  for (let r = 0; r < 1000; r++) data.push(Array.from({ length: 10 }, (_, c) => `v${r}-${c}`));
  const wb = Workbook.fromRows({ Sheet1: data });
  if (record.replay.name === 'maxRowsColumns') {
    const p = record.replay as unknown as { rows: number; cols: number };
    wb.addSheet('Big', undefined, { rows: p.rows, cols: p.cols });
  }
  return wb;
}

export interface Replayed {
  record: PublishedRecord;
  /** The calls the replay made, in order ('Logger.log' entries are the timer marks). */
  trace: TracedCall[];
  /** What the script itself measured with Date.now() (whole ms) under the fitted constants. */
  scriptMs: number | null;
}

/** Runs one record's replay in the local runtime and keeps its call trace. */
export async function replay(record: PublishedRecord): Promise<Replayed> {
  const script = SCRIPTS[record.replay.name];
  if (!script) throw new Error(`${record.id}: no replay named ${record.replay.name}`);
  // `warm`: a read before the replay, as the timing kit (kit/project/Timing.gs) does before it times
  // anything, so that the timed steps do not pay the execution's first data call.
  const warm = record.replay.warm
    ? 'SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1).getValues();'
    : '';
  const code = `${HELPERS}\n${script(record.replay)}\nfunction timed() { ${warm}
    var t = []; var log = Logger.log; Logger.log = function (m) { if (m === '${MARK}') t.push(Date.now()); return log.apply(Logger, arguments); };
    replay(); return t.length === 2 ? t[1] - t[0] : null; }`;
  const rt = await Runtime.open({ workbook: workbookFor(record), code, options: { now: T0 } });
  const trace: TracedCall[] = [];
  callTrace.sink = trace;
  let result: ReturnType<typeof rt.run>;
  try {
    result = rt.run('timed');
  } finally {
    callTrace.sink = null;
  }
  if (!result.ok) throw new Error(`${record.id}: replay failed: ${result.error?.message}`);
  return { record, trace, scriptMs: result.result as number | null };
}

export async function replayAll(records: PublishedRecord[] = RECORDS): Promise<Replayed[]> {
  const out: Replayed[] = [];
  for (const r of records) out.push(await replay(r));
  return out;
}

/**
 * The modeled time of a replay under constants `k`: between the two marks, or the whole execution
 * with its final commit; per iteration when the source gives a per-iteration average.
 */
export function modeledMs(r: Replayed, k: FittedConstants = FITTED): number {
  const clock = new WriteBufferClock(k);
  const marks: number[] = [];
  for (const c of r.trace) {
    if (c.method === 'Logger.log') marks.push(clock.elapsed);
    clock.charge(c.method, c.cells);
  }
  // The wrapper logs nothing itself, so the replay's own marks are the only Logger.log calls.
  let ms: number;
  if (marks.length >= 2) ms = marks[1] - marks[0];
  else {
    clock.commit();
    ms = clock.elapsed;
  }
  const iterations = r.record.perIteration ? Number(r.record.replay.iterations) : 1;
  return ms / iterations;
}

export interface CalibrationRow {
  id: string;
  operation: string;
  source: string;
  url: string;
  date: string;
  runtime: string;
  publishedMs: number;
  bound: 'approx' | 'upper';
  modeledMs: number;
  /** modeled / published. */
  ratio: number;
  /** A point figure within 2×, or an upper bound respected. */
  ok: boolean;
  inFit: boolean;
  note?: string;
}

export function calibrationRows(replays: Replayed[], k: FittedConstants = FITTED): CalibrationRow[] {
  return replays.map((r) => {
    const s = SOURCES[r.record.source];
    const m = modeledMs(r, k);
    const ratio = m / r.record.publishedMs;
    const ok = r.record.bound === 'upper' ? ratio <= 1 : ratio <= 2 && ratio >= 0.5;
    return {
      id: r.record.id,
      operation: r.record.operation,
      source: s?.title ?? r.record.source,
      url: s?.url ?? '',
      date: s?.date ?? 'unknown',
      runtime: s?.runtime ?? 'unknown',
      publishedMs: r.record.publishedMs,
      bound: r.record.bound,
      modeledMs: m,
      ratio,
      ok,
      inFit: r.record.fit,
      ...(r.record.note ? { note: r.record.note } : {}),
    };
  });
}

export interface CalibrationSummary {
  records: number;
  /** Point figures in the fit. */
  pointFigures: number;
  /** Largest max(ratio, 1/ratio) over the point figures in the fit. */
  maxFactor: number;
  /** Median of max(ratio, 1/ratio) over the point figures in the fit. */
  medianFactor: number;
  /** Fit records (point or bound) outside their target. */
  misses: string[];
}

export function summarize(rows: CalibrationRow[]): CalibrationSummary {
  const factors = rows
    .filter((r) => r.inFit && r.bound === 'approx')
    .map((r) => Math.max(r.ratio, 1 / r.ratio))
    .sort((a, b) => a - b);
  const mid = factors.length >> 1;
  const median = factors.length % 2 ? factors[mid] : (factors[mid - 1] + factors[mid]) / 2;
  return {
    records: rows.length,
    pointFigures: factors.length,
    maxFactor: factors[factors.length - 1] ?? 1,
    medianFactor: median ?? 1,
    misses: rows.filter((r) => r.inFit && !r.ok).map((r) => r.id),
  };
}
