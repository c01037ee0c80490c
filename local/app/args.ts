// Command line of the sandbox: `npm start -- [--port N] [--workbook F] [--as EMAIL]`.
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs as parseArgv } from 'node:util';

export interface SandboxArgs {
  port: number;
  /** Absolute path of the workbook. */
  workbook: string;
  /** True when the user named the workbook (it must then exist); the default one is created. */
  explicitWorkbook: boolean;
  as?: string;
  /** Start over: a fresh demo workbook replaces the default one. */
  reset: boolean;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_WORKBOOK = '.local/okrs.xlsx';

const USAGE = 'usage: npm start -- [--port N] [--workbook FILE.xlsx | --reset] [--as EMAIL]';

const OPTIONS = {
  port: { type: 'string' },
  workbook: { type: 'string' },
  as: { type: 'string' },
  reset: { type: 'boolean' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * util.parseArgs reads the words (not strict: this decides what to refuse, in the sandbox's own
 * one-line messages). A value is taken as written (`--port --as` says --port is not a number).
 */
export function parseArgs(argv: string[], cwd: string): SandboxArgs {
  const out: SandboxArgs = {
    port: DEFAULT_PORT,
    workbook: resolve(cwd, DEFAULT_WORKBOOK),
    explicitWorkbook: false,
    reset: false,
  };
  const { tokens } = parseArgv({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    const word = argv[token.index];
    if (token.kind === 'option' && word === '-h') throw new Error(USAGE);
    if (token.kind !== 'option' || !token.rawName.startsWith('--') || !Object.hasOwn(OPTIONS, token.name))
      throw new Error(`unknown option ${word} (${USAGE})`);
    const value = () => {
      if (!token.value) throw new Error(`--${token.name} needs a value`);
      return token.value;
    };
    if (token.name === 'port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535)
        throw new Error(`--port must be a number from 0 to 65535, not "${v}"`);
      out.port = n;
    } else if (token.name === 'workbook') {
      out.workbook = resolve(cwd, value());
      out.explicitWorkbook = true;
    } else if (token.name === 'as') {
      out.as = value();
    } else if (token.name === 'help') {
      throw new Error(USAGE);
    } else if (token.inlineValue) {
      // --reset=… is not a switch.
      throw new Error(`unknown option ${word} (${USAGE})`);
    } else {
      out.reset = true;
    }
  }
  if (out.reset && out.explicitWorkbook)
    throw new Error('--reset starts the demo workbook over; it does not take --workbook');
  return out;
}
