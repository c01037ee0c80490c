// The sandbox's command line (`npm start -- …`): defaults, both option spellings, and the one-line
// refusals main.ts prints before anything is written.
import { resolve } from 'node:path';
import { parseArgs } from '../../../local/app/args';

const USAGE = 'usage: npm start -- [--port N] [--workbook FILE.xlsx | --reset] [--as EMAIL]';

describe('sandbox parseArgs', () => {
  test('defaults: port 8080, the demo workbook under .local/', () => {
    expect(parseArgs([], '/w')).toEqual({
      port: 8080,
      workbook: resolve('/w', '.local/okrs.xlsx'),
      explicitWorkbook: false,
      reset: false,
    });
  });

  test('--name value and --name=value', () => {
    expect(parseArgs(['--port', '9000', '--workbook=my.xlsx', '--as', 'a@example.com'], '/w')).toEqual({
      port: 9000,
      workbook: resolve('/w', 'my.xlsx'),
      explicitWorkbook: true,
      as: 'a@example.com',
      reset: false,
    });
    expect(parseArgs(['--reset', '--port=0'], '/w')).toMatchObject({ reset: true, port: 0 });
  });

  test.each([
    [['--port', 'eighty'], '--port must be a number from 0 to 65535, not "eighty"'],
    [['--port', '65536'], '--port must be a number from 0 to 65535, not "65536"'],
    [['--port', '-1'], '--port must be a number from 0 to 65535, not "-1"'],
    [['--port'], '--port needs a value'],
    [['--port='], '--port needs a value'],
    [['--as', ''], '--as needs a value'],
    [['--workbook'], '--workbook needs a value'],
    [['--help'], USAGE],
    [['-h'], USAGE],
    [['--colour', 'blue'], `unknown option --colour (${USAGE})`],
    [['--reset=yes'], `unknown option --reset=yes (${USAGE})`],
    [['extra'], `unknown option extra (${USAGE})`],
    [['-hx'], `unknown option -hx (${USAGE})`],
    [
      ['--reset', '--workbook', 'a.xlsx'],
      '--reset starts the demo workbook over; it does not take --workbook',
    ],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseArgs(argv, '/w')).toThrow(new Error(message));
  });
});
