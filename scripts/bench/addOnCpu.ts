// The add-on's own CPU for validate and the Summary, without the local runtime around it. The Node
// CPU of an execution in the runtime also counts the emulation of Google's servers (building the
// values getValues returns, storing what setValues writes, a vm realm per execution) — work that Apps
// Script does on Google's side and that the latency model already prices. Here the same pure code the
// endpoints run (src/okr: parse, validate, summary model, Summary grid) gets the tab values straight
// from the workbook, in a child process of its own: the bench's process holds every workbook and
// runtime it made, and collecting that heap would be charged to the add-on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { Workbook } from '../../local/runtime';
import { DEFAULT_SETTINGS, type Lang } from '../../src/okr/core/model';
import { parseOkrSheet, parseProgressLog, parseRoster } from '../../src/okr/core/parse';
import { TAB } from '../../src/okr/core/tabs';
import { validateOkrs } from '../../src/okr/ownership/validate';
import { buildSummary } from '../../src/okr/summary/summary';
import { summaryToGrid } from '../../src/okr/summary/summaryGrid';

export interface TabValues {
  timeZone: string;
  okrs: unknown[][];
  team: unknown[][];
  checkIns: unknown[][];
}

export interface AddOnWork {
  validate(): number;
  summary(): number;
}

const WARM_UPS = 8;

export interface AddOnCpu {
  /** Median Node CPU (ms) of `reps` runs after WARM_UPS warm-ups. */
  validate: number;
  summary: number;
  /**
   * Median Node CPU (ms) of the reference workload (referenceWork), run interleaved with the add-on's
   * in the same process: a loaded machine slows both alike, so budgets hold the ratio.
   */
  reference: number;
  /** Problems the child's validate found: the same as in this process, or the values did not survive. */
  problems: number;
}

export function tabValues(workbook: Workbook): TabValues {
  return {
    timeZone: workbook.timeZone,
    okrs: workbook.values(TAB.okrs),
    team: workbook.values(TAB.team),
    checkIns: workbook.values(TAB.checkIns),
  };
}

/** Each call runs one operation's pure pipeline on the tab values, as its endpoint does. */
export function addOnWork(tabs: TabValues, now: number, lang: Lang = 'en'): AddOnWork {
  const { timeZone } = tabs;
  const settings = { ...DEFAULT_SETTINGS };
  const parse = (checkIns: boolean) => ({
    okrs: parseOkrSheet(tabs.okrs, { sheetName: TAB.okrs, timeZone, lang }),
    roster: parseRoster(tabs.team, { sheetName: TAB.team, timeZone, lang }),
    // refreshSummary reads only the log's progress history (parseProgressLog), as readOkrData('progress') does.
    checkIns: checkIns ? parseProgressLog(tabs.checkIns, { sheetName: TAB.checkIns, timeZone, lang }) : [],
  });
  return {
    // validateOkrs: parse OKRs and Team, validate (Check-ins are not read).
    validate: () => validateOkrs(parse(false), { now, settings, lang }).length,
    // refreshSummary: parse all three tabs, validate, build the model and the grid it writes.
    summary: () => {
      const data = parse(true);
      const problems = validateOkrs(data, { now, settings, lang });
      const model = buildSummary({ ...data, problems, now, timeZone, settings, lang });
      return summaryToGrid(model, lang, timeZone).rows;
    },
  };
}

function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The yardstick the add-on's CPU is divided by: serialising the same tab values to JSON and parsing
 * them back — plain Node work over the same data, none of it ours, so it speeds up and slows down
 * with the machine, not with our code.
 */
export function referenceWork(tabs: TabValues): () => number {
  return () => (JSON.parse(JSON.stringify([tabs.okrs, tabs.team, tabs.checkIns])) as unknown[]).length;
}

function measureHere(tabs: TabValues, now: number, reps: number): AddOnCpu {
  const work = addOnWork(tabs, now);
  const reference = referenceWork(tabs);
  // At 10,000 key results V8 needs several runs before its optimized code settles (the first runs
  // cost 2-4x more): the figure is the steady state, so it moves with our code, not with the JIT.
  for (let i = 0; i < WARM_UPS; i++) {
    work.validate();
    work.summary();
    reference();
  }
  // Interleaved, rep by rep: whatever else the machine does at that moment weighs on all three.
  const samples = { validate: [] as number[], summary: [] as number[], reference: [] as number[] };
  for (let i = 0; i < reps; i++) {
    samples.reference.push(cpuMs(reference));
    samples.validate.push(cpuMs(() => work.validate()));
    samples.reference.push(cpuMs(reference));
    samples.summary.push(cpuMs(() => work.summary()));
  }
  return {
    validate: medianOf(samples.validate),
    summary: medianOf(samples.summary),
    reference: medianOf(samples.reference),
    problems: work.validate(),
  };
}

// Dates cross to the child as {"$date": ms} (JSON has no dates; the parsers need real ones).
const DATE_KEY = '$date';
// Realm-safe: the runtime's values may come from another realm.
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
function toJson(tabs: TabValues): string {
  const cells = (rows: unknown[][]) =>
    rows.map((r) => r.map((v) => (isDate(v) ? { [DATE_KEY]: v.getTime() } : v)));
  return JSON.stringify({
    ...tabs,
    okrs: cells(tabs.okrs),
    team: cells(tabs.team),
    checkIns: cells(tabs.checkIns),
  });
}

function fromJson(text: string): TabValues {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && typeof v[DATE_KEY] === 'number'
      ? new Date(v[DATE_KEY])
      : v,
  ) as TabValues;
}

/** Measures in a fresh Node process that holds only these values. */
export function measureAddOnCpu(tabs: TabValues, now: number, reps: number): AddOnCpu {
  const dir = mkdtempSync(join(os.tmpdir(), 'okr-bench-'));
  try {
    const file = join(dir, 'tabs.json');
    writeFileSync(file, toJson(tabs));
    const root = resolve(__dirname, '..', '..');
    const child = spawnSync(
      process.execPath,
      [join(root, 'local/bin/tsx-run.cjs'), __filename, file, String(now), String(reps)],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`add-on CPU measurement failed: ${child.stderr || child.stdout}`);
    return JSON.parse(child.stdout) as AddOnCpu;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [file, now, reps] = process.argv.slice(2);
  const tabs = fromJson(readFileSync(file, 'utf8'));
  process.stdout.write(JSON.stringify(measureHere(tabs, Number(now), Number(reps))));
}
