// Command-line options of scripts/bench.ts (after `npm run bench --`).
import { type ParseArgsConfig, parseArgs as parseArgv } from 'node:util';
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

const OPTIONS = {
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  sizes: { type: 'string' },
  reps: { type: 'string' },
  weeks: { type: 'string' },
  seed: { type: 'string' },
  write: { type: 'boolean' },
  'no-write': { type: 'boolean' },
  input: { type: 'string' },
  only: { type: 'string' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * util.parseArgs reads the words (not strict: the refusals below are the bench's own, and a value
 * is taken as written, so `--reps -3` is refused as not a positive integer).
 */
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
  const { tokens } = parseArgv({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    const word = argv[token.index];
    if (token.kind === 'option' && word === '-h') throw new ArgsError(USAGE);
    if (token.kind !== 'option' || !token.rawName.startsWith('--') || !Object.hasOwn(OPTIONS, token.name))
      throw new ArgsError(`unknown option ${word}\n${USAGE}`);
    const value = token.value;
    switch (token.name as keyof typeof OPTIONS) {
      case 'check':
        args.check = true;
        break;
      case 'json':
        args.json = true;
        break;
      case 'sizes':
        args.sizes = parseSizes(value ?? '');
        args.customSizes = true;
        break;
      case 'reps':
        args.reps = positiveInt('--reps', value);
        break;
      case 'weeks':
        args.weeks = Number(value);
        break;
      case 'seed':
        args.seed = positiveInt('--seed', value);
        break;
      case 'write':
        write = true;
        break;
      case 'no-write':
        write = false;
        break;
      case 'input':
        args.input = value;
        break;
      case 'only': {
        const ops = (value ?? '').split(',').map((s) => s.trim());
        const unknown = ops.filter((o) => !OPERATIONS.includes(o as OperationKey));
        if (unknown.length) throw new ArgsError(`--only: unknown operation(s) ${unknown.join(', ')}`);
        args.only = ops as OperationKey[];
        break;
      }
      case 'help':
        throw new ArgsError(USAGE);
    }
  }
  if (!Number.isInteger(args.weeks) || args.weeks < 0) throw new ArgsError('--weeks needs an integer ≥ 0');
  args.write = write ?? (!args.customSizes && !args.input);
  return args;
}
