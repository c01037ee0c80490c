// The shape of one benchmark run: what `npm run bench -- --json` prints, what BENCHMARKS.md is
// written from, and what the budget checker reads (it can also re-check a saved report).

/** One generated workbook size. */
export interface BenchSize {
  keyResults: number;
  owners: number;
  /** Measured only to compare call counts with the main size (`--sizes 100` adds a tiny one). */
  comparison?: boolean;
}

export type OperationKey =
  | 'getSidebarStart'
  | 'getSidebarState'
  | 'checkIn'
  | 'validateOkrs'
  | 'setUpOkrSheet'
  | 'refreshSummary'
  | 'onEdit'
  | 'weeklyRun'
  | 'updateFromSources'
  | 'importPreview'
  | 'importConfirm'
  | 'getTeamView'
  | 'closeCycle'
  | 'proposeAgreement'
  | 'respondAgreement';

export interface WeeklyFigures {
  /** Executions of the trigger handler from the scheduled time until the run finished. */
  executions: number;
  /** Modeled time of each of those executions (ms). */
  virtualMsEach: number[];
  /** Sheets calls of each of those executions. */
  sheetsCallsEach: number[];
  /** Executions that ended in an error (a time-limit hit counts). */
  failedExecutions: Array<{ index: number; message: string }>;
  emails: number;
  /** Distinct recipients (to/cc/bcc addresses). */
  recipients: number;
  finished: boolean;
  /** Service calls of the costliest tick that found nothing to do (before the scheduled time). */
  idleTickCalls: number | null;
  /** How "finished" was decided: the script's getWeeklyRunStatus, or ticks that stopped sending. */
  finishedBy: 'getWeeklyRunStatus' | 'quiet ticks';
  /** The largest email of each recipient kind, by HTML bytes (reports saved before it have none). */
  largestEmails?: EmailSize[];
  /** Emails whose HTML is over the budget (EMAIL_HTML_BUDGET in src/okr/weekly/emailFit.ts). */
  emailsOverBudget?: number;
}

/** One email's size: what Gmail clips is the HTML; MailApp's body limit counts HTML and text. */
export interface EmailSize {
  kind: 'owner' | 'leadership';
  htmlBytes: number;
  textBytes: number;
  /** Owner emails: the key results the recipient owns in the sheet. */
  keyResults?: number;
}

export interface OperationFigures {
  operation: OperationKey;
  label: string;
  keyResults: number;
  owners: number;
  status: 'ok' | 'not built' | 'failed';
  /** Why it failed, or which endpoint is missing. */
  message?: string;
  /** Every service call of the measured execution (the weekly run: summed over its executions). */
  calls: Record<string, number>;
  /** Sheets calls by method; for the weekly run, the maximum per execution of each method. */
  sheetsByMethod: Record<string, number>;
  /** Total Sheets calls; for the weekly run, the most any one execution made. */
  sheetsCalls: number;
  mailCalls: number;
  /** Modeled Apps Script time (ms); for the weekly run, the longest execution. */
  virtualMs: number;
  /** Median Node CPU time (ms) of the measured repetitions; null when not measured. */
  cpuMs: number | null;
  /**
   * validateOkrs and refreshSummary: median Node CPU (ms) of the add-on's own code for the operation
   * (scripts/bench/addOnCpu.ts), without the runtime's emulation of Google's side.
   */
  addOnCpuMs?: number;
  /**
   * Node CPU (ms) of the reference workload (JSON round trip of the same tab values) measured
   * interleaved with addOnCpuMs in the same process: the add-on's CPU is budgeted as a ratio to it.
   */
  referenceCpuMs?: number;
  cpuSamples: number[];
  /** JSON size (bytes) of getSidebarState's result for the member whose sidebar is measured. */
  payloadBytes?: number;
  /** The same for a Lead (Leads may receive more: the assign-owners table). */
  payloadLeadBytes?: number;
  /**
   * The sidebar endpoints run as a Lead too: a Lead often owns every objective, the most rows with
   * one name (what getSidebarStart reads). Its budgets hold the slower of the two.
   */
  lead?: { virtualMs: number; sheetsByMethod: Record<string, number>; sheetsCalls: number };
  weekly?: WeeklyFigures;
  /** refreshSummary's first run on a freshly set-up sheet (it may grow the Summary tab once). */
  firstRun?: { sheetsCalls: number; virtualMs: number };
}

export interface FileSize {
  raw: number;
  gzip: number;
}

export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; node: string; platform: string };
  settings: { seed: number; weeksOfHistory: number; reps: number };
  sizes: BenchSize[];
  artifacts: { codeJs: FileSize | null; sidebarHtml: FileSize | null };
  /** Entry points found in dist/Code.js. */
  endpoints: string[];
  /** The runtime's own cost per execution (a new vm realm, loading Code.js), measured with onOpen. */
  baseline?: { function: string; cpuMs: number; virtualMs: number } | null;
  results: OperationFigures[];
}

export const OPERATION_LABELS: Record<OperationKey, string> = {
  getSidebarStart: 'getSidebarStart (sidebar opens)',
  getSidebarState: 'getSidebarState (whole sheet, next)',
  checkIn: 'checkIn',
  validateOkrs: 'validateOkrs',
  setUpOkrSheet: 'setUpOkrSheet (2nd run)',
  refreshSummary: 'refreshSummary',
  onEdit: 'onEdit (paste of 2 owners)',
  weeklyRun: 'weekly run',
  updateFromSources: 'updateAllFromSources (every Source)',
  importPreview: 'previewImport (a tab of KRs ÷ 2 rows)',
  importConfirm: 'confirmImport (a tab of KRs ÷ 2 rows)',
  getTeamView: 'getTeamView (My team)',
  closeCycle: 'closeCycle (every key result scored)',
  proposeAgreement: 'proposeAgreement (owner proposes)',
  respondAgreement: 'respondAgreement (approver agrees)',
};

export const OPERATIONS: OperationKey[] = [
  'getSidebarStart',
  'getSidebarState',
  'checkIn',
  'validateOkrs',
  'setUpOkrSheet',
  'refreshSummary',
  'onEdit',
  'weeklyRun',
  'updateFromSources',
  'importPreview',
  'importConfirm',
  'getTeamView',
  'closeCycle',
  'proposeAgreement',
  'respondAgreement',
];

/** Sizes measured when no --sizes is given: key results and owners. */
export const DEFAULT_SIZES: BenchSize[] = [
  { keyResults: 100, owners: 20 },
  { keyResults: 1000, owners: 200 },
  { keyResults: 10000, owners: 1000 },
];

/** The tiny size measured next to a single --sizes entry so call counts can still be compared. */
export const COMPARISON_SIZE: BenchSize = { keyResults: 20, owners: 5, comparison: true };

/** Owners for a number of key results: the default sizes' pairing, else one per 5 key results. */
export function ownersFor(keyResults: number): number {
  const known = DEFAULT_SIZES.find((s) => s.keyResults === keyResults);
  return known ? known.owners : Math.max(4, Math.min(1000, Math.round(keyResults / 5)));
}

const SHEETS_CLASS =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|ConditionalFormat|Protection|NamedRange|EmbeddedChart|\w*ChartBuilder|TextStyle|RichTextValue|Filter|Banding|DeveloperMetadata|Selection|CellImage|Drawing|Pivot|Slicer|OverGridImage|Group)\w*$/;

/** A call of the Spreadsheet service (SpreadsheetApp and the classes it hands out). */
export function isSheetsCall(method: string): boolean {
  const cls = method.split('.')[0];
  return SHEETS_CLASS.test(cls);
}

export function isMailCall(method: string): boolean {
  return /^(MailApp|GmailApp)\./.test(method);
}

export function sheetsCallsOf(calls: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, n] of Object.entries(calls)) if (isSheetsCall(method)) out[method] = n;
  return out;
}

export function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function mailCallsOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([m]) => isMailCall(m))
    .reduce((a, [, n]) => a + n, 0);
}
