// `npm run bench`: how fast OKR Owners stays, and whether it stays inside Apps Script's limits, as
// the sheet grows to 10,000 key results. Generates workbooks of 100, 1,000 and 10,000 key results, runs each
// operation through the local runtime on the built dist/, prints a table (or --json), writes
// BENCHMARKS.md, and with --check exits 1 naming every budget that is over. See scripts/bench/args.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { ArgsError, type BenchArgs, parseArgs } from './bench/args';
import { readArtifacts } from './bench/artifacts';
import { calibrationLines, checkBudgets, formatBudgetOutcome, withLines } from './bench/budgets';
import { measureCalibration } from './bench/calibration';
import { renderMarkdown, renderText } from './bench/format';
import { SizeBench } from './bench/measure';
import type { BenchReport, OperationFigures } from './bench/report';

const root = resolve(__dirname, '..');
const distDir = join(root, 'dist');

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function measureAll(args: BenchArgs): Promise<BenchReport> {
  const artifacts = readArtifacts(distDir);
  if (!artifacts.codeJs) throw new Error('dist/Code.js not found: run `npm run build` (npm run bench does)');
  const results: OperationFigures[] = [];
  let baseline: BenchReport['baseline'] = null;
  for (const size of args.sizes) {
    const t0 = Date.now();
    const bench = await SizeBench.prepare(
      {
        projectDir: distDir,
        endpoints: new Set(artifacts.endpoints),
        reps: args.reps,
        weeks: args.weeks,
        seed: args.seed,
        only: args.only,
        log,
      },
      size,
    );
    log(
      `${size.keyResults.toLocaleString('en-US')} key results / ${size.owners} owners generated (${Date.now() - t0} ms)`,
    );
    baseline ??= await bench.baseline();
    for (const op of args.only) {
      const t1 = Date.now();
      const r = await bench.measure(op);
      results.push(r);
      const what =
        r.status === 'ok'
          ? `${r.sheetsCalls} Sheets calls, ${Math.round(r.virtualMs)} ms modeled, ${r.cpuMs?.toFixed(1)} ms CPU`
          : `${r.status}: ${r.message}`;
      log(`  ${r.label}: ${what} (${Date.now() - t1} ms wall)`);
    }
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus.length,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings: { seed: args.seed, weeksOfHistory: args.weeks, reps: args.reps },
    sizes: args.sizes,
    artifacts: { codeJs: artifacts.codeJs, sidebarHtml: artifacts.sidebarHtml },
    endpoints: artifacts.endpoints,
    baseline,
    results,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const report: BenchReport = args.input
    ? (JSON.parse(readFileSync(resolve(args.input), 'utf8')) as BenchReport)
    : await measureAll(args);
  // The latency model's fit to published timings is checked with the budgets: every figure above is
  // modeled time.
  const calibration = await measureCalibration();
  const outcome = withLines(checkBudgets(report), calibrationLines(calibration.figures));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (args.check) process.stderr.write(`${formatBudgetOutcome(outcome)}\n`);
  } else {
    process.stdout.write(`${renderText(report, args.check ? outcome : undefined)}\n`);
  }
  if (args.write) {
    writeFileSync(join(root, 'BENCHMARKS.md'), renderMarkdown(report, outcome, calibration.rows));
    log('wrote BENCHMARKS.md');
  }
  return args.check ? outcome.exitCode : 0;
}

main(process.argv.slice(2).filter((a) => a !== '--')).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ArgsError) process.stderr.write(`${e.message}\n`);
    else process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
