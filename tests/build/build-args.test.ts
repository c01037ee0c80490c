// scripts/build.mjs refuses an option it does not know, or one without its value, in one line and
// exit status 1, before building anything.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const build = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), ...args], { encoding: 'utf8' });

describe('build options', () => {
  test.each([
    [['--bogus'], 'build failed: unknown option --bogus\n'],
    [['extra'], 'build failed: unknown option extra\n'],
    [['-q'], 'build failed: unknown option -q\n'],
    [['--quiet', '--out'], 'build failed: --out needs a value\n'],
  ])('%j: %s', (args, stderr) => {
    const res = build(...args);
    expect(res.status).toBe(1);
    expect(res.stderr).toBe(stderr);
    expect(res.stdout).toBe('');
  });
});
