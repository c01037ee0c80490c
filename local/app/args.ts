// Command line of the sandbox: `npm start -- [--port N] [--workbook F] [--as EMAIL]`.
import { resolve } from 'node:path';

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

export function parseArgs(argv: string[], cwd: string): SandboxArgs {
  const out: SandboxArgs = {
    port: DEFAULT_PORT,
    workbook: resolve(cwd, DEFAULT_WORKBOOK),
    explicitWorkbook: false,
    reset: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535)
        throw new Error(`--port must be a number from 0 to 65535, not "${v}"`);
      out.port = n;
    } else if (flag === '--workbook') {
      out.workbook = resolve(cwd, value());
      out.explicitWorkbook = true;
    } else if (flag === '--reset' && inline === undefined) {
      out.reset = true;
    } else if (flag === '--as') {
      out.as = value();
    } else if (flag === '--help' || flag === '-h') {
      throw new Error('usage: npm start -- [--port N] [--workbook FILE.xlsx | --reset] [--as EMAIL]');
    } else {
      throw new Error(
        `unknown option ${arg} (usage: npm start -- [--port N] [--workbook FILE.xlsx | --reset] [--as EMAIL])`,
      );
    }
  }
  if (out.reset && out.explicitWorkbook)
    throw new Error('--reset starts the demo workbook over; it does not take --workbook');
  return out;
}
