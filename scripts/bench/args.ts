// Command-line options of scripts/bench.ts (after `npm run bench --`).
import {
  type BenchSize,
  COMPARISON_SIZE,
  DEFAULT_SIZES,
  OPERATIONS,
  type OperationKey,
  ownersFor,
} from './report';

export interface BenchArgs {
  check: boolean;
  json: boolean;
  sizes: BenchSize[];
  /** True when --sizes was given (then BENCHMARKS.md is left alone unless --write). */
  customSizes: boolean;
  reps: number;
  weeks: number;
  seed: number;
  /** Write BENCHMARKS.md: default on for the default sizes, off otherwise. */
  write: boolean;
  /** Re-check a saved --json report instead of measuring. */
  input?: string;
  only: OperationKey[];
}

export const USAGE = `Usage: npm run bench -- [options]
  --check            check the budgets; exit 1 naming what is over budget
  --json             print one JSON object (the report) instead of the table
  --sizes 100,1000   key-result counts to measure (owners: 100→20, 1000→200, 10000→1000, else n/5);
                     "N:M" sets the owners; one size alone is compared with a tiny ${COMPARISON_SIZE.keyResults}-KR sheet
  --reps N           measured repetitions for Node CPU (median), after one warm-up (default 5)
  --weeks N          weeks of check-in history (default 8)
  --seed N           generator seed (default 42)
  --only a,b         only these operations (${OPERATIONS.join(', ')})
  --write / --no-write   write BENCHMARKS.md (default: only for the default sizes)
  --input FILE       re-check and re-print a report saved from --json, without measuring`;

export class ArgsError extends Error {}

function positiveInt(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 1)
    throw new ArgsError(`${name} needs a positive integer, got "${v ?? ''}"`);
  return n;
}

export function parseSizes(spec: string): BenchSize[] {
  const sizes = spec
    .split(',')
    .map((s) => s.trim().replace(/_/g, ''))
    .filter(Boolean)
    .map((s) => {
      const [kr, owners] = s.split(':');
      const keyResults = positiveInt('--sizes', kr);
      return {
        keyResults,
        owners: owners === undefined ? ownersFor(keyResults) : positiveInt('--sizes owners', owners),
      };
    });
  if (sizes.length === 0) throw new ArgsError('--sizes needs at least one size, e.g. --sizes 100');
  if (sizes.length === 1 && sizes[0].keyResults !== COMPARISON_SIZE.keyResults)
    sizes.unshift({ ...COMPARISON_SIZE });
  return sizes.sort((a, b) => a.keyResults - b.keyResults);
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    check: false,
    json: false,
    sizes: DEFAULT_SIZES.map((s) => ({ ...s })),
    customSizes: false,
    reps: 5,
    weeks: 8,
    seed: 42,
    write: true,
    only: [...OPERATIONS],
  };
  let write: boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--check') args.check = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--sizes') {
      args.sizes = parseSizes(value() ?? '');
      args.customSizes = true;
    } else if (flag === '--reps') args.reps = positiveInt('--reps', value());
    else if (flag === '--weeks') args.weeks = Number(value());
    else if (flag === '--seed') args.seed = positiveInt('--seed', value());
    else if (flag === '--write') write = true;
    else if (flag === '--no-write') write = false;
    else if (flag === '--input') args.input = value();
    else if (flag === '--only') {
      const ops = (value() ?? '').split(',').map((s) => s.trim());
      const unknown = ops.filter((o) => !OPERATIONS.includes(o as OperationKey));
      if (unknown.length) throw new ArgsError(`--only: unknown operation(s) ${unknown.join(', ')}`);
      args.only = ops as OperationKey[];
    } else if (flag === '--help' || flag === '-h') throw new ArgsError(USAGE);
    else throw new ArgsError(`unknown option ${a}\n${USAGE}`);
  }
  if (!Number.isInteger(args.weeks) || args.weeks < 0) throw new ArgsError('--weeks needs an integer ≥ 0');
  args.write = write ?? (!args.customSizes && !args.input);
  return args;
}
