// `npm run kit:calibrate <timing-result.json> [-- --region europe-west1] [--date 2027-01-15] [--dry]`
// (--dry prints the records and writes nothing):
// adds the timing kit's medians, measured on Google, to the latency model's calibration data
// (local/runtime/calibration/published.json, source "measured", with the date and region) and refits
// the constants with `npm run calibrate` (scripts/calibrate.ts: its fit, unchanged). A measurement
// whose steps no calibration replay repeats yet (TextFinder, triggers, the mail quota) is listed and
// left out. Running it again with the same date replaces that day's records.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PublishedRecord, PublishedSource } from '../local/runtime/calibration/replay';

export const PUBLISHED = resolve(__dirname, '..', 'local/runtime/calibration/published.json');

/** The replays (calibration/replay.ts) whose steps the timing kit repeats exactly. */
const REPLAYED = new Set([
  'firstRead',
  'setValuesBlock',
  'setValuesPerRow',
  'sheetWriteRead',
  'propertiesSetGet',
  'cachePutGet',
  'sendEmail',
]);

export interface Measurement {
  replay: { name: string } & Record<string, unknown>;
  iterations: number;
  samplesMs: number[];
  medianMs: number;
}

export interface TimingResult {
  kit: 'timing';
  version: number;
  repeat: number;
  measurements: Measurement[];
}

function describe(m: Measurement): string {
  const p = m.replay;
  const params = Object.entries(p)
    .filter(([k]) => k !== 'name' && k !== 'warm')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${p.name}${params ? ` (${params})` : ''}, timed inside the script after a warm-up read`;
}

const idOf = (m: Measurement): string =>
  Object.entries(m.replay)
    .filter(([k]) => k !== 'warm')
    .map(([k, v]) => (k === 'name' ? String(v) : `${k}${v}`))
    .join('-');

/** The calibration records and source entry for one timing result. */
export function measuredRecords(
  result: TimingResult,
  opts: { date: string; region?: string },
): { sourceId: string; source: PublishedSource; records: PublishedRecord[]; skipped: string[] } {
  const sourceId = `measured-${opts.date}`;
  const source: PublishedSource = {
    title: `Timing kit run on Google (npm run kit:calibrate)${opts.region ? `, region ${opts.region}` : ''}`,
    url: '',
    date: opts.date,
    runtime: 'V8',
    method: `kit/project/Timing.gs version ${result.version}: each measurement repeated ${result.repeat} times in one execution (3 for email), median kept; region ${opts.region ?? 'unknown'}`,
  };
  const records: PublishedRecord[] = [];
  const skipped: string[] = [];
  for (const m of result.measurements) {
    if (!REPLAYED.has(m.replay.name)) {
      skipped.push(
        `${m.replay.name}: median ${m.medianMs} ms (no calibration replay repeats these steps yet)`,
      );
      continue;
    }
    records.push({
      id: `${sourceId}-${idOf(m)}`,
      source: sourceId,
      operation: describe(m),
      replay: m.replay,
      publishedMs: m.medianMs,
      ...(m.iterations > 1 ? { perIteration: true } : {}),
      bound: 'approx',
      fit: true,
      quote: `samples ${m.samplesMs.join(', ')} ms${m.iterations > 1 ? ` for ${m.iterations} iterations` : ''}; median per ${m.iterations > 1 ? 'iteration' : 'run'} ${m.medianMs} ms`,
    });
  }
  return { sourceId, source, records, skipped };
}

interface PublishedFile {
  sources: Record<string, PublishedSource>;
  records: PublishedRecord[];
  [key: string]: unknown;
}

/** published.json with the run's records appended (an earlier run of the same date replaced). */
export function withMeasured(data: PublishedFile, m: ReturnType<typeof measuredRecords>): PublishedFile {
  return {
    ...data,
    sources: { ...data.sources, [m.sourceId]: m.source },
    records: [...data.records.filter((r) => r.source !== m.sourceId), ...m.records],
  };
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: string[]): number {
  const values = new Set(['--region', '--date'].map((o) => argv.indexOf(o) + 1).filter((i) => i > 0));
  const file = argv.find((a, i) => !a.startsWith('-') && !values.has(i));
  if (!file) {
    process.stderr.write(
      'usage: npm run kit:calibrate <timing-result.json> [-- --region R --date YYYY-MM-DD --dry]\n',
    );
    return 2;
  }
  const result = JSON.parse(readFileSync(file, 'utf8')) as TimingResult;
  if (result.kit !== 'timing' || !Array.isArray(result.measurements))
    throw new Error(`${file} is not a timing kit result (expected "kit": "timing" and "measurements")`);
  const date = option(argv, '--date') ?? new Date().toISOString().slice(0, 10);
  const m = measuredRecords(result, { date, region: option(argv, '--region') });
  for (const s of m.skipped) process.stdout.write(`not added: ${s}\n`);
  process.stdout.write(`${m.records.length} measured records (source ${m.sourceId})\n`);
  const dry = argv.includes('--dry');
  if (!dry) {
    const data = JSON.parse(readFileSync(PUBLISHED, 'utf8')) as PublishedFile;
    writeFileSync(PUBLISHED, `${JSON.stringify(withMeasured(data, m), null, 2)}\n`);
    process.stderr.write(`[kit:calibrate] wrote ${PUBLISHED}\n`);
  }
  // The refit: the calibration script itself (with --dry it fits and prints, writes nothing).
  execFileSync(
    process.execPath,
    [
      join(__dirname, '..', 'local/bin/tsx-run.cjs'),
      join(__dirname, 'calibrate.ts'),
      ...(dry ? ['--dry'] : []),
    ],
    { stdio: 'inherit' },
  );
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`kit:calibrate failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
