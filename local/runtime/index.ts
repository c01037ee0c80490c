// The local Apps Script runtime: the one module everything else imports.
// The workbook model (local/runtime/spreadsheet) is re-exported; Runtime binds the execution model
// (runtime.ts) to it.
import { type OpenOptions, RuntimeCore } from './runtime';
import type { Workbook } from './spreadsheet';
import * as spreadsheet from './spreadsheet';

export { writeOutbox } from './eml';
export { DEFAULT_USER, type OpenOptions } from './runtime';
export * from './spreadsheet';
export type { RunResult, RuntimeOptions, SentEmail } from './types';
export { fromWallTime } from './wallClock';

export class Runtime extends RuntimeCore<Workbook> {
  static async open(opts: OpenOptions<Workbook>): Promise<Runtime> {
    return new Runtime(await RuntimeCore.prepare(spreadsheet, opts));
  }
}
