// Logger and console, captured into RunResult.logs.
// https://developers.google.com/apps-script/reference/base/logger
import { inspect } from 'node:util';
import type { ServiceEnv } from './env';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
  if (v && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return inspect(v);
    }
  }
  return String(v);
}

/** Logger.log(format, values…) replaces %s (and %d) in order, as Google does. */
function format(data: unknown, values: unknown[]): string {
  if (typeof data !== 'string' || values.length === 0) return [data, ...values].map(show).join(' ');
  let i = 0;
  return data.replace(/%[sdifo]/g, (m) => (i < values.length ? show(values[i++]) : m));
}

export function makeLogger(env: ServiceEnv) {
  const lines: string[] = [];
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      env.meter.call('Logger.log');
      const line = format(data, values);
      lines.push(line);
      env.logs.push(line);
      return logger;
    },
    getLog: () => lines.join('\n'),
    clear() {
      lines.length = 0;
    },
  };
  return logger;
}

export function makeConsole(env: ServiceEnv) {
  const at =
    (level: string) =>
    (data?: unknown, ...values: unknown[]) => {
      const line = format(data, values);
      env.logs.push(level ? `${level}: ${line}` : line);
    };
  return {
    log: at(''),
    info: at(''),
    warn: at('WARNING'),
    error: at('ERROR'),
    time: () => {},
    timeEnd: () => {},
  };
}
