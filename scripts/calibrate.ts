// `npm run calibrate`: fits the latency model's constants (local/runtime/calibration/fitted.ts) to
// the published timings (local/runtime/calibration/published.json).
//
// Each record's replay runs once in the local runtime and its calls are traced; the fit re-prices the
// traces under candidate constants. Least squares on log time: a point figure adds
// (log modeled − log published)², an upper bound adds the same only when the model is above it.
// A small pull (weight PRIOR) toward the current constants keeps constants no record constrains
// (for instance the local calls, which only have an upper bound) where they were, so the fit is
// reproducible. Coordinate descent, golden-section search per constant on a log scale: deterministic.
//
//   npm run calibrate            fit, print the table, write fitted.ts
//   npm run calibrate -- --dry   fit and print, write nothing
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FittedConstants } from '../local/runtime/calibration/fitted';
import {
  calibrationRows,
  modeledMs,
  type Replayed,
  replayAll,
  summarize,
} from '../local/runtime/calibration/replay';

/**
 * Constants no published figure identifies, kept as they are: the per-cell read transfer (no read
 * timing at several sizes was found) and the size-free part of sending an email (the one published
 * send is of 100 KB; the fit sets the per-KB part).
 */
const FIXED: ReadonlySet<keyof FittedConstants> = new Set(['readPerCellMs', 'mailSendMs']);
const PRIOR = 1e-3;

/**
 * Where the fit starts and what the prior pulls toward: the uncalibrated model's round figures
 * (before the write buffer), so a rerun gives the same constants whatever fitted.ts holds.
 */
const START: FittedConstants = {
  readRoundTripMs: 60,
  readPerCellMs: 0.02,
  metadataMs: 20,
  firstDataCallMs: 10,
  writeCallMs: 100,
  flushRoundTripMs: 100,
  flushPerCellMs: 0.05,
  localCallMs: 5,
  propertiesReadMs: 30,
  propertiesWriteMs: 30,
  serviceHandleMs: 5,
  cacheGetMs: 15,
  cachePutMs: 15,
  cacheRemoveMs: 15,
  mailSendMs: 300,
  mailPerKbMs: 1,
};
const SWEEPS = 40;

function loss(replays: Replayed[], k: FittedConstants, prior: FittedConstants): number {
  let sum = 0;
  for (const r of replays) {
    if (!r.record.fit) continue;
    const d = Math.log(Math.max(modeledMs(r, k), 1e-6)) - Math.log(r.record.publishedMs);
    if (r.record.bound === 'approx' || d > 0) sum += d * d;
  }
  for (const key of Object.keys(k) as Array<keyof FittedConstants>)
    sum += PRIOR * (Math.log(k[key]) - Math.log(prior[key])) ** 2;
  return sum;
}

/** Golden-section search of one constant over [1e-3, 1e5] ms on a log scale. */
function fitOne(
  replays: Replayed[],
  k: FittedConstants,
  key: keyof FittedConstants,
  prior: FittedConstants,
): void {
  const f = (x: number) => loss(replays, { ...k, [key]: Math.exp(x) }, prior);
  let a = Math.log(1e-3);
  let b = Math.log(1e5);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 80; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  k[key] = Math.exp((a + b) / 2);
}

/** Three significant figures: the data do not support more. */
const round3 = (x: number): number => Number(x.toPrecision(3));

export function fitConstants(replays: Replayed[], start: FittedConstants = START): FittedConstants {
  const k = { ...start };
  const keys = (Object.keys(k) as Array<keyof FittedConstants>).filter((key) => !FIXED.has(key));
  for (let s = 0; s < SWEEPS; s++) for (const key of keys) fitOne(replays, k, key, start);
  for (const key of keys) k[key] = round3(k[key]);
  return k;
}

function fittedSource(k: FittedConstants, template: string): string {
  const body = (Object.keys(k) as Array<keyof FittedConstants>)
    .map((key) => `  ${key}: ${k[key]},`)
    .join('\n');
  return template.replace(
    /export const FITTED: FittedConstants = \{[\s\S]*?\n\};/,
    `export const FITTED: FittedConstants = {\n${body}\n};`,
  );
}

async function main(argv: string[]): Promise<void> {
  const dry = argv.includes('--dry');
  const replays = await replayAll();
  const k = fitConstants(replays);
  const rows = calibrationRows(replays, k);
  for (const r of rows) {
    const flag = r.ok ? '  ' : '!!';
    process.stdout.write(
      `${flag} ${r.id.padEnd(38)} published ${r.bound === 'upper' ? '≤' : ' '}${String(r.publishedMs).padStart(6)} ms  modeled ${r.modeledMs.toFixed(1).padStart(8)} ms  ratio ${r.ratio.toFixed(2)}${r.inFit ? '' : '  (not in fit)'}\n`,
    );
  }
  const s = summarize(rows);
  process.stdout.write(
    `\n${s.records} records, ${s.pointFigures} point figures in the fit: max factor ${s.maxFactor.toFixed(2)}, median ${s.medianFactor.toFixed(2)}; misses: ${s.misses.join(', ') || 'none'}\n`,
  );
  process.stdout.write(`${JSON.stringify(k, null, 2)}\n`);
  if (!dry) {
    const file = join(resolve(__dirname, '..'), 'local/runtime/calibration/fitted.ts');
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, fittedSource(k, readFileSync(file, 'utf8')));
    process.stderr.write(`[calibrate] wrote ${file}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`calibrate failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
