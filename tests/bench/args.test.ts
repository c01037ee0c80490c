// `npm run bench -- …` options: both spellings, defaults, and the refusals bench.ts prints (exit 2).
import { ArgsError, parseArgs, USAGE } from '../../scripts/bench/args';

describe('bench parseArgs', () => {
  test('defaults and both spellings', () => {
    const d = parseArgs([]);
    expect(d).toMatchObject({ check: false, json: false, customSizes: false, reps: 5, weeks: 8, seed: 42 });
    expect(d.write).toBe(true);
    expect(parseArgs(['--reps', '3', '--weeks=0', '--seed=7', '--only', 'checkIn'])).toMatchObject({
      reps: 3,
      weeks: 0,
      seed: 7,
      only: ['checkIn'],
    });
    expect(parseArgs(['--input', 'r.json'])).toMatchObject({ input: 'r.json', write: false });
    expect(parseArgs(['--sizes', '100', '--write']).write).toBe(true);
    expect(parseArgs(['--no-write']).write).toBe(false);
    expect(parseArgs(['--check=1']).check).toBe(true);
  });

  test.each([
    [['--reps'], '--reps needs a positive integer, got ""'],
    [['--reps', '-3'], '--reps needs a positive integer, got "-3"'],
    [['--seed=0'], '--seed needs a positive integer, got "0"'],
    [['--weeks', '-1'], '--weeks needs an integer ≥ 0'],
    [['--weeks'], '--weeks needs an integer ≥ 0'],
    [['--sizes'], '--sizes needs at least one size, e.g. --sizes 100'],
    [['--only', 'nope,checkIn'], '--only: unknown operation(s) nope'],
    [['--help'], USAGE],
    [['-h'], USAGE],
    [['--bogus=1'], `unknown option --bogus=1\n${USAGE}`],
    [['extra'], `unknown option extra\n${USAGE}`],
    [['-x'], `unknown option -x\n${USAGE}`],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(ArgsError);
    expect(() => parseArgs(argv)).toThrow(new ArgsError(message));
  });
});
