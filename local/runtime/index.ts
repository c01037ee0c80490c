// The local Apps Script runtime: the one module everything else imports.
// RT-SHEETS' workbook model (local/runtime/spreadsheet) is re-exported; Runtime binds the execution
// model (runtime.ts) to it.
import { type OpenOptions, RuntimeCore } from './runtime';
import type { Workbook } from './spreadsheet';
import * as spreadsheet from './spreadsheet';

export type { AuthMode, ExecutionContext, HtmlSpec, MenuSpec, Meter, Realm, UiSink } from './contract';
export { emailToEml, writeOutbox } from './eml';
export { MESSAGES } from './errors';
export { costOf, latencyOf, WriteBufferClock } from './latency';
export { DEFAULT_USER, type OpenOptions, SIMPLE_TRIGGER_LIMIT_MS, SIX_MINUTES } from './runtime';
export type { Server } from './serve';
export { formatDate } from './services/utilities';
export * from './spreadsheet';
export type { RunResult, RuntimeOptions, SentEmail, TriggerRecord, UiLog } from './types';

export class Runtime extends RuntimeCore<Workbook> {
  static async open(opts: OpenOptions<Workbook>): Promise<Runtime> {
    return new Runtime(await RuntimeCore.prepare(spreadsheet, opts));
  }
}
