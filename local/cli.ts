// okr-sandbox: run the built add-on (or any Apps Script file) against a local workbook file.
//   okr-sandbox run <function> [jsonArg ...] --workbook F [--as EMAIL] [--at ISO] [--code FILE]
//   okr-sandbox edit --workbook F --as EMAIL --range "OKRs!E5" --value V [--paste]
//   okr-sandbox tick --workbook F --until ISO
//   okr-sandbox demo F
//   okr-sandbox serve [--workbook F] [--port N]
// Prints ONE JSON object on stdout. Failures print {"ok":false,"error":{name,message}} and exit 1;
// when the runtime refuses to start (bad arguments, unknown or private function, unreadable
// workbook) the workbook and its state are left untouched. A script that throws after writing keeps
// its writes and its sent emails, as in Apps Script (nothing is rolled back there either).
// local/bin/okr-sandbox.cjs calls main(argv); tests call main(argv, write) in-process.
import fs from 'node:fs';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs as parseArgv } from 'node:util';
import { clockMoveRefusal } from './app/clock';
import { demoWorkbook } from './fixtures/demo';
import { DEFAULT_USER, type RunResult, Runtime, type SentEmail, writeOutbox } from './runtime';
import { acquireWorkbookLock, type WorkbookLock } from './workbookLock';

class UsageError extends Error {
  override name = 'UsageError';
}

interface Parsed {
  positional: string[];
  flags: Record<string, string | true>;
}

const OPTIONS = {
  locale: { type: 'string' },
  workbook: { type: 'string' },
  as: { type: 'string' },
  at: { type: 'string' },
  code: { type: 'string' },
  range: { type: 'string' },
  value: { type: 'string' },
  until: { type: 'string' },
  port: { type: 'string' },
  project: { type: 'string' },
  paste: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * `--name value` or `--name=value`; a value is taken as written, even one starting with a dash
 * (`--value -3`). util.parseArgs reads the words (not strict, so it never refuses on its own) and
 * this decides: a single-dash word stays a positional (a JSON argument such as -1), `--` and any
 * unknown option are refused.
 */
export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const { tokens } = parseArgv({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let shortAt = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    else if (token.kind === 'option-terminator') throw new UsageError('Unknown option --');
    else if (!token.rawName.startsWith('--')) {
      // -abc comes back as -a, -b, -c with one index: keep the word once, as written.
      if (token.index !== shortAt) positional.push(argv[token.index]);
      shortAt = token.index;
    } else if (!Object.hasOwn(OPTIONS, token.name)) throw new UsageError(`Unknown option --${token.name}`);
    else if (OPTIONS[token.name as keyof typeof OPTIONS].type === 'boolean') flags[token.name] = true;
    else if (token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
    else flags[token.name] = token.value;
  }
  return { positional, flags };
}

function flag(p: Parsed, name: string, required: true): string;
function flag(p: Parsed, name: string, required?: false): string | undefined;
function flag(p: Parsed, name: string, required = false): string | undefined {
  const v = p.flags[name];
  if (v === undefined || v === true) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  return v;
}

function emailSummary(e: SentEmail) {
  return {
    to: e.to,
    ...(e.cc ? { cc: e.cc } : {}),
    ...(e.bcc ? { bcc: e.bcc } : {}),
    subject: e.subject,
    from: e.from,
    at: new Date(e.at).toISOString(),
    file: e.file,
  };
}

function summary(r: RunResult) {
  return {
    ok: r.ok,
    ...(r.ok ? { result: r.result ?? null } : { error: r.error }),
    function: r.function,
    user: r.user,
    authMode: r.authMode,
    startedAt: new Date(r.startedAt).toISOString(),
    emails: r.emails.map(emailSummary),
    calls: r.calls,
    virtualMs: Math.round(r.virtualMs),
    logs: r.logs,
    ui: {
      toasts: r.ui.toasts,
      alerts: r.ui.alerts,
      menus: r.ui.menus,
      ...(r.ui.sidebar
        ? {
            sidebar: {
              title: r.ui.sidebar.title,
              width: r.ui.sidebar.width,
              bytes: r.ui.sidebar.content.length,
            },
          }
        : {}),
      dialogs: r.ui.dialogs.map((d) => ({ title: d.dialogTitle, bytes: d.content.length })),
    },
  };
}

/**
 * Takes a workbook's lock for this command (local/workbookLock.ts): every command that writes a
 * workbook holds it from before reading it until after saving, so a sandbox or another command on
 * the same file is refused, never merged. main() releases it when the command returns (`serve`
 * keeps it until the process exits).
 */
type LockWorkbook = (workbookPath: string) => void;

async function openRuntime(p: Parsed, lock: LockWorkbook): Promise<Runtime> {
  const workbookPath = flag(p, 'workbook', true);
  if (!fs.existsSync(workbookPath)) throw new UsageError(`Workbook not found: ${workbookPath}`);
  lock(workbookPath);
  const codeFile = flag(p, 'code');
  const projectDir = flag(p, 'project');
  if (codeFile) {
    if (!fs.existsSync(codeFile)) throw new UsageError(`Code file not found: ${codeFile}`);
    return Runtime.open({
      workbookPath,
      code: fs.readFileSync(codeFile, 'utf8'),
      projectDir: projectDir ?? path.dirname(path.resolve(codeFile)),
    });
  }
  return Runtime.open({ workbookPath, ...(projectDir ? { projectDir } : {}) });
}

const outboxDir = (workbookPath: string) => `${workbookPath}.outbox`;

/** --locale: the user's account locale for this execution (Session.getActiveUserLocale), e.g. ja_JP. */
function withLocale(rt: Runtime, user: string, locale: string | undefined): void {
  if (locale === undefined) return;
  if (!/^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(locale))
    throw new UsageError(`--locale is not a locale: ${locale} (e.g. en_US, ja_JP)`);
  rt.options.userLocales = { ...rt.options.userLocales, [user]: locale };
}

export const USAGE = [
  'okr-sandbox: run the built add-on (dist/Code.js) offline against emulated Google services.',
  '',
  '  okr-sandbox demo F                      write the demo workbook to F (.xlsx) and F.state.json',
  '  okr-sandbox run <function> [jsonArg ...] --workbook F [--as EMAIL] [--at ISO] [--locale L] [--code FILE]',
  '                                          run one entry function as that user at that time',
  '  okr-sandbox edit --workbook F --as EMAIL --range "OKRs!E5" --value V [--paste] [--locale L]',
  '                                          a user edit (validation applies unless --paste), then onEdit',
  '  okr-sandbox tick --workbook F --until ISO   advance the clock, firing due time-driven triggers',
  '  okr-sandbox serve --workbook F [--port N]   serve the sidebar with google.script.run',
  '',
  'Each command prints one JSON object; exit status 1 when it failed. Emails go to F.outbox/*.eml.',
].join('\n');

async function commandRun(p: Parsed, lock: LockWorkbook): Promise<{ out: unknown; ok: boolean }> {
  const [fn, ...rawArgs] = p.positional;
  if (!fn)
    throw new UsageError(
      'usage: okr-sandbox run <function> [jsonArg ...] --workbook F [--as EMAIL] [--at ISO] [--code FILE]',
    );
  const args = rawArgs.map((a, i) => {
    try {
      return JSON.parse(a) as unknown;
    } catch {
      throw new UsageError(`Argument ${i + 1} is not valid JSON: ${a} (quote strings, e.g. '"O1"')`);
    }
  });
  const rt = await openRuntime(p, lock);
  const at = flag(p, 'at');
  const as = flag(p, 'as') ?? DEFAULT_USER;
  withLocale(rt, as, flag(p, 'locale'));
  const r = rt.run(fn, args, { as, ...(at ? { at } : {}) });
  // Refused: nothing ran, nothing is saved, and the answer is just the error.
  if (r.refused) return { out: { ok: false, error: r.error }, ok: false };
  writeOutbox(r.emails, outboxDir(rt.path as string));
  await rt.save();
  return { out: summary(r), ok: r.ok };
}

async function commandEdit(p: Parsed, lock: LockWorkbook): Promise<{ out: unknown; ok: boolean }> {
  const range = flag(p, 'range', true);
  const as = flag(p, 'as', true);
  const value = p.flags.value;
  if (value === undefined || value === true) throw new UsageError('--value is required');
  if (!range.includes('!'))
    throw new UsageError(`--range must name the sheet, e.g. "OKRs!E5" (got ${range})`);
  const rt = await openRuntime(p, lock);
  withLocale(rt, as, flag(p, 'locale'));
  const r = rt.edit({ range, value, paste: p.flags.paste === true, as });
  if (r.rejected !== undefined) {
    return { out: { ok: false, error: r.error, rejected: r.rejected }, ok: false };
  }
  const all = [r, ...(r.triggers ?? [])];
  writeOutbox(
    all.flatMap((x) => x.emails),
    outboxDir(rt.path as string),
  );
  await rt.save();
  return { out: { ...summary(r), ...(r.triggers ? { triggers: r.triggers.map(summary) } : {}) }, ok: r.ok };
}

async function commandTick(p: Parsed, lock: LockWorkbook): Promise<{ out: unknown; ok: boolean }> {
  const until = flag(p, 'until', true);
  if (!Number.isFinite(Date.parse(until))) throw new UsageError(`--until is not an ISO time: ${until}`);
  const rt = await openRuntime(p, lock);
  const from = rt.now();
  // The sandbox page's rule and words: a time in the past is refused, nothing runs or is saved.
  const backwards = clockMoveRefusal(Date.parse(until), from, rt.workbook.timeZone);
  if (backwards) throw new UsageError(backwards);
  const { executions, emails } = rt.tick(until);
  writeOutbox(emails, outboxDir(rt.path as string));
  await rt.save();
  return {
    out: {
      ok: true,
      from: new Date(from).toISOString(),
      until: new Date(rt.now()).toISOString(),
      executions: executions.map(summary),
      emails: emails.map(emailSummary),
    },
    ok: true,
  };
}

async function commandDemo(p: Parsed, lock: LockWorkbook): Promise<{ out: unknown; ok: boolean }> {
  const file = p.positional[0] ?? flag(p, 'workbook');
  if (!file) throw new UsageError('usage: okr-sandbox demo F');
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new UsageError(`Folder not found: ${dir}`);
  lock(file);
  const rt = await Runtime.open({ workbook: demoWorkbook(), workbookPath: file, code: '' });
  await rt.save();
  return {
    out: { ok: true, workbook: file, state: `${file}.state.json`, sheets: rt.workbook.sheetNames() },
    ok: true,
  };
}

async function commandServe(p: Parsed, write: Write, lock: LockWorkbook): Promise<void> {
  const file = flag(p, 'workbook');
  const port = Number(flag(p, 'port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`Bad --port: ${flag(p, 'port')}`);
  const rt = file ? await openRuntime(p, lock) : await Runtime.open({ workbook: demoWorkbook() });
  const server = await rt.serve({
    port,
    onRun: async (r) => {
      if (!rt.path || r.refused) return;
      writeOutbox(r.emails, outboxDir(rt.path));
      await rt.save();
    },
  });
  write(
    `${JSON.stringify({ ok: true, url: server.url, sidebar: `${server.url}/sidebar?as=${encodeURIComponent(DEFAULT_USER)}` })}\n`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Where the one JSON line goes: stdout for the bin, a buffer for in-process tests. */
export type Write = (line: string) => void;
const toStdout: Write = (line) => {
  process.stdout.write(line);
};

/**
 * Runs one command and writes its ONE JSON line. Resolves to the exit status (0 or 1), or -1 for
 * `serve`, which keeps running. Never throws: every failure becomes {"ok":false,"error":…}.
 */
export async function main(argv: string[], write: Write = toStdout): Promise<number> {
  const [command, ...rest] = argv;
  const held: WorkbookLock[] = [];
  const lock: LockWorkbook = (workbookPath) => {
    held.push(acquireWorkbookLock(workbookPath, ['okr-sandbox', ...argv].join(' ')));
  };
  if (command === 'help' || command === '--help' || command === '-h') {
    write(`${USAGE}\n`);
    return 0;
  }
  try {
    const p = parseArgs(rest);
    let r: { out: unknown; ok: boolean };
    switch (command) {
      case 'run':
        r = await commandRun(p, lock);
        break;
      case 'edit':
        r = await commandEdit(p, lock);
        break;
      case 'tick':
        r = await commandTick(p, lock);
        break;
      case 'demo':
        r = await commandDemo(p, lock);
        break;
      case 'serve':
        await commandServe(p, write, lock);
        held.length = 0; // kept until the server stops (released on exit)
        return -1; // keeps running
      default:
        throw new UsageError(
          `Unknown command ${command ?? '(none)'}: use run, edit, tick, demo or serve (okr-sandbox --help)`,
        );
    }
    write(`${JSON.stringify(r.out)}\n`);
    return r.ok ? 0 : 1;
  } catch (e) {
    const err = e as Error;
    write(`${JSON.stringify({ ok: false, error: { name: err.name || 'Error', message: err.message } })}\n`);
    return 1;
  } finally {
    for (const l of held) l.release();
  }
}
