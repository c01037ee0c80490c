// The sandbox once its command line is known good and its workbook locked (main.ts): opens the
// workbook (the demo one on first run) in the local Apps Script runtime with the built dist/ add-on
// and serves the sandbox page. Bad input ends with one line on stderr and exit status 1, before
// anything is written.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoWorkbook } from '../fixtures/demo';
import { Runtime } from '../runtime';
import type { SandboxArgs } from './args';
import { fail } from './fail';
import { Sandbox } from './sandbox';
import { startServer } from './server';

/**
 * `fresh`: the workbook is the demo, new (first run or --reset); it is written over the old file only
 * once the server is up. `started`: when the process started, for the "ready in" line.
 */
export async function openSandbox(
  args: SandboxArgs,
  { fresh, started }: { fresh: boolean; started: number },
): Promise<void> {
  let runtime: Runtime;
  try {
    runtime = fresh
      ? await Runtime.open({ workbook: demoWorkbook(), workbookPath: args.workbook })
      : await Runtime.open({ workbookPath: args.workbook });
  } catch (e) {
    // The reader's message repeats the path and may end in a library's help URL: keep the cause.
    const cause = (e as Error).message
      .replace(/^Cannot read workbook [^:]*: /, '')
      .replace(/[\s:]*(If it is, see )?https?:\/\/\S+/g, '')
      .replace(/ : is this a zip file \?.*$/, '');
    const hint = /state file/i.test(cause) ? 'fix or delete that .state.json file' : 'is it an .xlsx file?';
    fail(`cannot open ${args.workbook}: ${cause} (${hint})`);
  }

  const sandbox = new Sandbox(runtime, args.workbook);
  if (args.as) {
    try {
      sandbox.setUser(args.as);
    } catch (e) {
      fail((e as Error).message);
    }
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(sandbox, args.port);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') fail(`port ${args.port} is busy: stop what uses it or pass --port N`);
    if (err.code === 'EACCES') fail(`port ${args.port} is not allowed: pass --port N above 1023`);
    fail(`cannot start the server: ${err.message}`);
  }

  // Only now is anything written: a fresh demo workbook, set up as the README shows it, then the
  // state onOpen leaves.
  if (fresh) {
    mkdirSync(dirname(args.workbook), { recursive: true });
    const failed = await sandbox.setUpDemo();
    if (failed) process.stderr.write(`okr-sandbox: ${failed}\n`);
  }
  sandbox.open();
  await sandbox.save();

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `OKR Owners sandbox: ${server.url}  (workbook ${args.workbook}, ready in ${secs} s; Ctrl+C stops)\n`,
  );

  const stop = async () => {
    await sandbox.save();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
