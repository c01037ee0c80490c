// `npm start`: the local sandbox. Checks the command line and takes the workbook's lock first (a
// typo or a workbook another sandbox holds is refused at once, before any build or load), then, for
// `npm start`, rebuilds dist/, and only then loads the runtime and opens the workbook (open.ts).
// Bad input ends with one line on stderr and exit status 1, before anything is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { acquireWorkbookLock } from '../workbookLock';
import { parseArgs, type SandboxArgs } from './args';
import { fail } from './fail';

/** Set by scripts/start.mjs: rebuild dist/ once the arguments are known to be good. */
export const BUILD_FIRST_ENV = 'OKR_SANDBOX_BUILD_FIRST';

function main(): void {
  const started = Date.now();
  const argv = process.argv.slice(2);
  let args: SandboxArgs;
  try {
    args = parseArgs(argv, process.cwd());
  } catch (e) {
    fail((e as Error).message);
  }
  // --reset: the demo again, written over the old file only once the server is up.
  const fresh = args.reset || !existsSync(args.workbook);
  if (fresh && args.explicitWorkbook)
    fail(`${args.workbook} does not exist (omit --workbook to use the demo workbook)`);
  try {
    // The lock sits next to the workbook: the default one's folder is created for it.
    if (!args.explicitWorkbook) mkdirSync(dirname(args.workbook), { recursive: true });
    acquireWorkbookLock(args.workbook, `npm start${argv.length ? ` -- ${argv.join(' ')}` : ''}`);
  } catch (e) {
    fail((e as Error).message);
  }
  if (process.env[BUILD_FIRST_ENV] === '1') {
    const build = spawnSync(process.execPath, [join(__dirname, '../../scripts/build.mjs')], {
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // Loaded only now: tsx compiles the runtime and the sandbox on require, which takes seconds.
  const { openSandbox } = require('./open') as typeof import('./open');
  openSandbox(args, { fresh, started }).catch((e: Error) => fail(e.message));
}

main();
