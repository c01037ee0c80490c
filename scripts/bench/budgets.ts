// The budgets `npm run bench -- --check` holds (issue 9). Pure: it reads a BenchReport, so it is
// unit-tested with fabricated figures and can re-check a saved report (`--input FILE`).
//
// Sizes are in bytes with KB = 1,000 bytes (the stricter reading of "60 KB" and "600 KB").
import { QUICK_READS } from '../../src/api';
import { EMAIL_HTML_BUDGET } from '../../src/okr/weekly/emailFit';
import type { BenchReport, BenchSize, EmailSize, OperationFigures, OperationKey } from './report';

export const BUDGETS = {
  /**
   * dist/Sidebar.html, raw (minified) bytes. Raised from 60 KB when the sidebar gained the cycle and
   * agreement views; the measured reason is in BENCHMARKS.md ("Sidebar size").
   */
  sidebarHtmlBytes: 110_000,
  /** getSidebarState's JSON at the large size. */
  sidebarStateBytes: 600_000,
  /**
   * Modeled time of the sidebar's one-row interactions at every size: its opening call
   * (getSidebarStart), checkIn, My team and the agreement steps (propose, respond).
   *
   * Restated from 1.5 s on the calibrated latency model (2026-12-05). 1.5 s was set on the first
   * model, which charged a round guess per call and nothing per cell, when a check-in at 10,000 key
   * results came to 1,490 ms. On the model calibrated on published Apps Script timings a read is a
   * 122 ms round trip (the execution's first 52 ms more) whatever its size, and the same check-in
   * already costs 1.65 s at 100 key results: eleven reads it cannot do without (the OKRs tab's size
   * and header, the ID search and the row, Team's size and values, the Parent search, the log's size
   * and header) and the commit of its writes before the lock is released (its quick path later took
   * the OKRs tab's top rows without its size, a read less: 1.54 s). 2.5 s is about 1.5× that
   * floor: it still fails any design whose time grows with the sheet (a whole-tab read of 10,000 key
   * results alone is 4.4 s), and it is held at every size, not only the large one.
   */
  interactiveMs: 2_500,
  /**
   * Modeled time of getSidebarState at the large size: the whole-sheet state the sidebar asks for
   * once it shows the caller's key results (Problems, Assign, Add wait for it). Held so it cannot
   * creep up unnoticed; it is not the time the sidebar takes to open.
   *
   * Raised from 6 s (2026-12-05) for what the whole state gained: the agreements. It reads the
   * Agreements log whole, because every key result's agreed figures decide two problems across the
   * sheet (target changed after agreement, accepted but not agreed) and the caller's key results
   * show their agreement history: 1.7 s at 10,000 logged steps on the calibrated model, where what
   * it read before (the OKRs tab whole, Team) is 5.1 s. Reading fewer of the log's columns was
   * measured and costs more (the history needs Time, From and Reason, in more round trips). 7 s
   * keeps the alarm about 0.2 s above that.
   */
  wholeStateMs: 7_000,
  /**
   * Modeled time of a menu item's work at the large size: Refresh summary and Set up OKR sheet (its
   * second run). 30 s is the limit of a simple trigger and about what a person waiting on a menu
   * item tolerates (Google's own limit for these executions is 6 min).
   */
  menuActionMs: 30_000,
  /** Modeled time of every weekly-run execution at the large size (Google's limit is 6 min). */
  weeklyExecutionMs: 270_000,
  /** HTML bytes of every weekly email, at every size: Gmail clips a message over about 102 KB. */
  emailHtmlBytes: EMAIL_HTML_BUDGET,
  /**
   * Node CPU of validateOkrs + refreshSummary at the large size, when the report has no reference
   * workload (reports saved before it was measured).
   */
  validatePlusSummaryCpuMs: 300,
  /**
   * The same CPU as a multiple of the reference workload (a JSON round trip of the same tab values,
   * measured interleaved in the same process, scripts/bench/addOnCpu.ts). The absolute 300 ms failed
   * at 306 ms on a loaded machine while the code had not changed; a ratio moves with our code only.
   * Set from the first run that measured both (2026-12-04, 10,000 key results, two cores shared by
   * six jobs): 88 + 388 = 476 ms against a 353 ms reference, 1.35×, while the absolute figure was
   * over 300 ms. 2× leaves that run a third of headroom.
   */
  validatePlusSummaryCpuRatio: 2,
  /** Sizes with at least this many key results get the size-dependent budgets. */
  largeKeyResults: 10_000,
};

export type Budgets = typeof BUDGETS;

export interface BudgetLine {
  budget: string;
  ok: boolean;
  detail: string;
}

export interface BudgetOutcome {
  lines: BudgetLine[];
  over: BudgetLine[];
  /** Budgets that could not be checked because an operation's endpoint is not built yet. */
  notChecked: string[];
  exitCode: 0 | 1;
}

const fmtBytes = (n: number): string => `${(n / 1000).toFixed(1)} KB (${n.toLocaleString('en-US')} bytes)`;
/** A measured time: exact milliseconds, with minutes alongside for long ones. */
const fmtMs = (n: number): string =>
  `${Math.round(n).toLocaleString('en-US')} ms` + (n >= 60_000 ? ` (${(n / 60_000).toFixed(2)} min)` : '');
/** A budget's limit, as people say it: "1.5 s", "4.5 min". */
const fmtLimit = (n: number): string =>
  n >= 60_000 ? `${+(n / 60_000).toFixed(2)} min` : n >= 1000 ? `${+(n / 1000).toFixed(2)} s` : `${n} ms`;

function find(report: BenchReport, op: OperationKey, size: BenchSize): OperationFigures | undefined {
  return report.results.find(
    (r) => r.operation === op && r.keyResults === size.keyResults && r.owners === size.owners,
  );
}

/**
 * getSidebarStart reads the caller's own rows in runs (at most QUICK_READS getSheetValues besides the
 * header and the Owner column): how many depends on where that person's rows are, not on the sheet's
 * size, so those reads are held to their bound and every other call to equality.
 */
const ROW_READ_METHOD = 'Sheet.getSheetValues';
const FIXED_ROW_READS = 2;

/**
 * An import's confirm adds rows to the OKRs and Team tabs when they are too short for what it writes
 * (one insertRowsAfter per tab, whatever the number of rows): whether it must depends on the size,
 * so that call is held to its bound and every other call to equality.
 */
const ROW_INSERT_METHOD = 'Sheet.insertRowsAfter';
const IMPORT_ROW_INSERTS = 2;

/** Operations held to the check-in budget (interactiveMs) at every size, not only the large ones. */
const INTERACTIVE_AT_EVERY_SIZE: readonly OperationKey[] = [
  'getSidebarStart',
  'checkIn',
  'getTeamView',
  'proposeAgreement',
  'respondAgreement',
];

/** "Range.getValues 3 → 4, Sheet.getRange 2 → (none)" for the methods whose counts differ. */
export function countDifferences(a: Record<string, number>, b: Record<string, number>): string[] {
  const methods = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return methods.filter((m) => (a[m] ?? 0) !== (b[m] ?? 0)).map((m) => `${m} ${a[m] ?? 0} → ${b[m] ?? 0}`);
}

/**
 * Whether an operation's modeled time is under `limit`, and the figure: the sidebar endpoints are
 * timed as a member and as a Lead, and the slower one is held.
 */
function slowestOf(r: OperationFigures, limit: number): [ok: boolean, detail: string] {
  const slowest = Math.max(r.virtualMs, r.lead?.virtualMs ?? 0);
  const detail = r.lead
    ? `${fmtMs(slowest)} (member ${fmtMs(r.virtualMs)}, Lead ${fmtMs(r.lead.virtualMs)})`
    : fmtMs(r.virtualMs);
  return [slowest < limit, detail];
}

export function checkBudgets(report: BenchReport, budgets: Budgets = BUDGETS): BudgetOutcome {
  const lines: BudgetLine[] = [];
  const notChecked = new Set<string>();
  const add = (budget: string, ok: boolean, detail: string) => lines.push({ budget, ok, detail });

  // dist/Sidebar.html size.
  const html = report.artifacts.sidebarHtml;
  if (!html)
    add(
      `dist/Sidebar.html under ${budgets.sidebarHtmlBytes / 1000} KB`,
      false,
      'dist/Sidebar.html was not found',
    );
  else
    add(
      `dist/Sidebar.html under ${budgets.sidebarHtmlBytes / 1000} KB`,
      html.raw < budgets.sidebarHtmlBytes,
      fmtBytes(html.raw),
    );

  // Operations that failed or are not built.
  for (const r of report.results) {
    if (r.status === 'not built') notChecked.add(`${r.label}: ${r.message ?? 'not built'}`);
    if (r.status === 'failed') {
      add(
        `${r.label} runs at ${r.keyResults.toLocaleString('en-US')} key results`,
        false,
        r.message ?? 'failed',
      );
    }
  }

  // Sheets calls do not grow with size: smallest vs largest size, method by method.
  const sizes = [...report.sizes].sort((a, b) => a.keyResults - b.keyResults);
  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  if (small && large && small !== large) {
    for (const op of new Set(report.results.map((r) => r.operation))) {
      const a = find(report, op, small);
      const b = find(report, op, large);
      if (!a || !b || a.status !== 'ok' || b.status !== 'ok') continue;
      const label = a.label;
      // My team reads its people's rows the same bounded way (src/gas/ownedRows.ts).
      if (op === 'getSidebarStart' || op === 'getTeamView') {
        const { [ROW_READ_METHOD]: readsA = 0, ...restA } = a.sheetsByMethod;
        const { [ROW_READ_METHOD]: readsB = 0, ...restB } = b.sheetsByMethod;
        const diff = countDifferences(restA, restB);
        const bound = FIXED_ROW_READS + QUICK_READS;
        // The Lead's run (the most rows under one name) is held to the same bound.
        const leadReads = [a, b].map((r) => r.lead?.sheetsByMethod[ROW_READ_METHOD] ?? 0);
        const within = Math.max(readsA, readsB, ...leadReads) <= bound;
        add(
          `Sheets calls of ${label} equal at ${small.keyResults.toLocaleString('en-US')} and ${large.keyResults.toLocaleString('en-US')} key results, apart from its reads of ${op === 'getTeamView' ? "the manager's people's" : "the caller's"} rows (${ROW_READ_METHOD} at most ${bound})`,
          diff.length === 0 && within,
          `${a.sheetsCalls} and ${b.sheetsCalls}; ${ROW_READ_METHOD} ${readsA} and ${readsB}` +
            (a.lead && b.lead ? ` (as the Lead: ${leadReads[0]} and ${leadReads[1]})` : '') +
            (diff.length ? `; other calls differ: ${diff.join(', ')}` : ''),
        );
        continue;
      }
      if (op === 'importConfirm') {
        const { [ROW_INSERT_METHOD]: insertsA = 0, ...restA } = a.sheetsByMethod;
        const { [ROW_INSERT_METHOD]: insertsB = 0, ...restB } = b.sheetsByMethod;
        const diff = countDifferences(restA, restB);
        add(
          `Sheets calls of ${label} equal at ${small.keyResults.toLocaleString('en-US')} and ${large.keyResults.toLocaleString('en-US')} key results, apart from adding rows to the tabs it writes (${ROW_INSERT_METHOD} at most ${IMPORT_ROW_INSERTS})`,
          diff.length === 0 && Math.max(insertsA, insertsB) <= IMPORT_ROW_INSERTS,
          `${a.sheetsCalls} and ${b.sheetsCalls}; ${ROW_INSERT_METHOD} ${insertsA} and ${insertsB}` +
            (diff.length ? `; other calls differ: ${diff.join(', ')}` : ''),
        );
        continue;
      }
      const diff = countDifferences(a.sheetsByMethod, b.sheetsByMethod);
      const what = op === 'weeklyRun' ? 'Sheets calls per execution' : 'Sheets calls';
      add(
        `${what} of ${label} equal at ${small.keyResults.toLocaleString('en-US')} and ${large.keyResults.toLocaleString('en-US')} key results`,
        diff.length === 0,
        diff.length === 0
          ? `${a.sheetsCalls} and ${b.sheetsCalls}`
          : `${a.sheetsCalls} → ${b.sheetsCalls}: ${diff.join(', ')}`,
      );
    }
  }

  // The weekly run completes and no execution fails, at every size.
  for (const r of report.results) {
    if (r.operation !== 'weeklyRun' || r.status !== 'ok' || !r.weekly) continue;
    const w = r.weekly;
    const at = `${r.keyResults.toLocaleString('en-US')} key results / ${r.owners.toLocaleString('en-US')} owners`;
    add(
      `the weekly run at ${at} completes`,
      w.finished,
      w.finished
        ? `${w.executions} execution(s), ${w.emails} emails to ${w.recipients} recipients`
        : `not finished after ${w.executions} execution(s); ${w.emails} emails sent`,
    );
    if (w.largestEmails) {
      const largest = (kind: EmailSize['kind']) => w.largestEmails?.find((e) => e.kind === kind);
      const owner = largest('owner');
      const digest = largest('leadership');
      const over = w.emailsOverBudget ?? 0;
      add(
        `every weekly email's HTML at ${at} under ${budgets.emailHtmlBytes / 1000} KB (Gmail clips at about 102 KB)`,
        over === 0 && w.largestEmails.every((e) => e.htmlBytes <= budgets.emailHtmlBytes),
        [
          owner
            ? `largest owner email ${fmtBytes(owner.htmlBytes)} (owner of ${owner.keyResults} key results)`
            : '',
          digest ? `leadership digest ${fmtBytes(digest.htmlBytes)}` : '',
          `${over} over`,
        ]
          .filter(Boolean)
          .join('; '),
      );
    }
    if (w.failedExecutions.length) {
      add(
        `every weekly-run execution at ${at} ends without an error`,
        false,
        w.failedExecutions.map((f) => `execution ${f.index + 1}: ${f.message}`).join('; '),
      );
    }
  }

  // The sidebar's per-key-result conversations (My team, proposing and answering an agreement) are
  // as interactive as a check-in: held to its budget at EVERY size measured, so a design that is
  // quick on a small sheet and slow on a big one shows as over where it is slow.
  for (const size of sizes) {
    const at = `at ${size.keyResults.toLocaleString('en-US')} key results`;
    for (const op of INTERACTIVE_AT_EVERY_SIZE) {
      const r = find(report, op, size);
      if (r?.status !== 'ok') continue;
      add(
        `${r.label} modeled time ${at} under ${fmtLimit(budgets.interactiveMs)}`,
        ...slowestOf(r, budgets.interactiveMs),
      );
    }
  }

  // Size-dependent budgets, at the large sizes only.
  for (const size of sizes.filter((s) => s.keyResults >= budgets.largeKeyResults)) {
    const at = `at ${size.keyResults.toLocaleString('en-US')} key results`;
    for (const [op, limit] of [
      ['getSidebarState', budgets.wholeStateMs],
      ['refreshSummary', budgets.menuActionMs],
      ['setUpOkrSheet', budgets.menuActionMs],
      // Closing scores every key result in one execution (no resume): held to a weekly execution's margin.
      ['closeCycle', budgets.weeklyExecutionMs],
    ] as const) {
      const r = find(report, op, size);
      if (r?.status === 'ok') {
        add(`${r.label} modeled time ${at} under ${fmtLimit(limit)}`, ...slowestOf(r, limit));
      }
    }
    const weekly = find(report, 'weeklyRun', size);
    if (weekly?.status === 'ok' && weekly.weekly) {
      const longest = Math.max(0, ...weekly.weekly.virtualMsEach);
      add(
        `every weekly-run execution ${at} under ${fmtLimit(budgets.weeklyExecutionMs)}`,
        weekly.weekly.virtualMsEach.every((ms) => ms < budgets.weeklyExecutionMs),
        `longest ${fmtMs(longest)} of ${weekly.weekly.executions} execution(s)`,
      );
    }
    const validate = find(report, 'validateOkrs', size);
    const summary = find(report, 'refreshSummary', size);
    // The add-on's own code (parse, validate, summary model and grid) on this machine. The execution's
    // CPU in the runtime, shown beside it, also counts the emulation of Google's servers.
    if (
      validate?.status === 'ok' &&
      summary?.status === 'ok' &&
      validate.addOnCpuMs !== undefined &&
      summary.addOnCpuMs !== undefined
    ) {
      const total = validate.addOnCpuMs + summary.addOnCpuMs;
      const inRuntime =
        validate.cpuMs !== null && summary.cpuMs !== null
          ? `; in the local runtime, with its emulation of Google's side: ${Math.round(validate.cpuMs + summary.cpuMs)} ms`
          : '';
      const reference = summary.referenceCpuMs ?? validate.referenceCpuMs;
      const detail = `${Math.round(validate.addOnCpuMs)} + ${Math.round(summary.addOnCpuMs)} = ${Math.round(total)} ms${inRuntime}`;
      if (reference !== undefined && reference > 0) {
        const ratio = total / reference;
        add(
          `Node CPU of the add-on's validate + summary work ${at} under ${budgets.validatePlusSummaryCpuRatio}× the reference workload`,
          ratio < budgets.validatePlusSummaryCpuRatio,
          `${detail}; reference workload (JSON round trip of the same values) ${reference.toFixed(1)} ms: ${ratio.toFixed(2)}×`,
        );
      } else {
        add(
          `Node CPU of the add-on's validate + summary work ${at} under ${budgets.validatePlusSummaryCpuMs} ms`,
          total < budgets.validatePlusSummaryCpuMs,
          detail,
        );
      }
    }
    const state = find(report, 'getSidebarState', size);
    if (state?.status === 'ok' && state.payloadBytes !== undefined) {
      const biggest = Math.max(state.payloadBytes, state.payloadLeadBytes ?? 0);
      add(
        `sidebar state ${at} under ${budgets.sidebarStateBytes / 1000} KB`,
        biggest < budgets.sidebarStateBytes,
        `member ${fmtBytes(state.payloadBytes)}` +
          (state.payloadLeadBytes !== undefined ? `, lead ${fmtBytes(state.payloadLeadBytes)}` : ''),
      );
    }
  }

  const over = lines.filter((l) => !l.ok);
  return { lines, over, notChecked: [...notChecked], exitCode: over.length ? 1 : 0 };
}

export function formatBudgetOutcome(outcome: BudgetOutcome): string {
  const out = outcome.lines.map((l) => `${l.ok ? 'OK  ' : 'OVER'}  ${l.budget}: ${l.detail}`);
  for (const n of outcome.notChecked) out.push(`NOT CHECKED  ${n}`);
  out.push(
    outcome.over.length
      ? `${outcome.over.length} budget(s) over: ${outcome.over.map((l) => l.budget).join('; ')}`
      : `All ${outcome.lines.length} budgets checked are met.`,
  );
  return out.join('\n');
}

/** The latency model's fit to the published timings (local/runtime/calibration), as budget lines. */
export interface CalibrationFigures {
  medianFactor: number;
  maxFactor: number;
  pointFigures: number;
  /** Records beyond 2× (or over an upper bound) whose sources do not disagree with another. */
  unexplainedMisses: string[];
  /** Records beyond 2× because two sources disagree (both shown in BENCHMARKS.md). */
  disagreements: string[];
}

/**
 * Every figure the bench reports is modeled time, so the model's calibration is a budget too: the
 * median published figure within 1.3×, and nothing beyond 2× unless two sources disagree about it.
 */
export function calibrationLines(c: CalibrationFigures): BudgetLine[] {
  return [
    {
      budget: 'latency model: median published figure within 1.3×',
      ok: c.medianFactor <= 1.3,
      detail: `median ${c.medianFactor.toFixed(2)}× over ${c.pointFigures} published figures (max ${c.maxFactor.toFixed(2)}×)`,
    },
    {
      budget:
        'latency model: every published figure within 2× (or under its upper bound), but where sources disagree',
      ok: c.unexplainedMisses.length === 0,
      detail:
        (c.unexplainedMisses.length ? `beyond 2×: ${c.unexplainedMisses.join(', ')}; ` : '') +
        `sources disagreeing (both shown): ${c.disagreements.join(', ') || 'none'}`,
    },
  ];
}

/** The outcome with more lines checked (the calibration's). */
export function withLines(outcome: BudgetOutcome, more: BudgetLine[]): BudgetOutcome {
  const lines = [...outcome.lines, ...more];
  const over = lines.filter((l) => !l.ok);
  return { ...outcome, lines, over, exitCode: over.length ? 1 : 0 };
}
