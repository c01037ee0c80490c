// `npm start`: the local sandbox. Opens a workbook (the demo one on first run) in the local Apps
// Script runtime with the built dist/ add-on and serves the sandbox page. Bad input ends with one
// line on stderr and exit status 1, before anything is written.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoWorkbook } from '../fixtures/demo';
import { Runtime } from '../runtime';
import { parseArgs } from './args';
import { Sandbox } from './sandbox';
import { startServer } from './server';

function fail(message: string): never {
  process.stderr.write(`okr-sandbox: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), process.cwd());
  } catch (e) {
    fail((e as Error).message);
  }
  // --reset: the demo again, written over the old file only once the server is up.
  const fresh = args.reset || !existsSync(args.workbook);
  if (fresh && args.explicitWorkbook)
    fail(`${args.workbook} does not exist (omit --workbook to use the demo workbook)`);

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

  // Only now is anything written: a fresh demo workbook, then the state onOpen leaves.
  if (fresh) mkdirSync(dirname(args.workbook), { recursive: true });
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

main().catch((e: Error) => fail(e.message));
