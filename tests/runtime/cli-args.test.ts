// okr-sandbox's argument parser: `--name value` and `--name=value`, values taken as written (a
// negative number or a dash is a value), single-dash words kept as positionals (a JSON argument
// such as -1), and a one-line refusal for an unknown option or a missing value.
import { parseArgs } from '../../local/cli';

describe('okr-sandbox parseArgs', () => {
  test('positionals and value options, both spellings', () => {
    expect(parseArgs(['run', 'hello', '"Aki"', '--workbook', 'b.xlsx', '--as=a@example.com'])).toEqual({
      positional: ['run', 'hello', '"Aki"'],
      flags: { workbook: 'b.xlsx', as: 'a@example.com' },
    });
  });

  test('a value is taken as written, even when it starts with a dash or is empty', () => {
    expect(parseArgs(['edit', '--value', '-3']).flags).toEqual({ value: '-3' });
    expect(parseArgs(['edit', '--value', '--paste']).flags).toEqual({ value: '--paste' });
    expect(parseArgs(['edit', '--value=']).flags).toEqual({ value: '' });
    expect(parseArgs(['edit', '--value=a=b']).flags).toEqual({ value: 'a=b' });
  });

  test('single-dash words are positionals (a negative JSON argument)', () => {
    expect(parseArgs(['run', 'f', '-1', '-1.5', '-abc']).positional).toEqual([
      'run',
      'f',
      '-1',
      '-1.5',
      '-abc',
    ]);
  });

  test('--paste is a switch; the last of a repeated option wins', () => {
    expect(parseArgs(['--paste', '--as', 'a', '--as', 'b']).flags).toEqual({ paste: true, as: 'b' });
  });

  test.each([
    [['--workbook'], '--workbook needs a value'],
    [['run', '--bogus', 'x'], 'Unknown option --bogus'],
    [['run', '--bogus=x'], 'Unknown option --bogus'],
    [['run', '--', 'x'], 'Unknown option --'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
    try {
      parseArgs(argv);
    } catch (e) {
      expect((e as Error).name).toBe('UsageError');
      expect((e as Error).message).toBe(message);
    }
  });
});
