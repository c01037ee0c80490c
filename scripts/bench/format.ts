// Renders a BenchReport as a plain-text table (the terminal) or Markdown (BENCHMARKS.md).

import type { CalibrationRow } from '../../local/runtime/calibration/replay';
import { type BudgetOutcome, formatBudgetOutcome } from './budgets';
import { overBudgetReason } from './overBudget';
import { type BenchReport, OPERATIONS, type OperationFigures } from './report';

/** Why dist/Sidebar.html's budget is what it is (BUDGETS.sidebarHtmlBytes), measured by npm run bench:sidebar. */
const SIDEBAR_SIZE_REASON =
  "The Sidebar.html budget was 60 KB until the cycle, agreement, history, import and My team views came; it is 110 KB since, for this measured reason (`npm run bench:sidebar`: Chromium's CPU time to load the page to its first render, medians of 11 loads, this two-core machine): at 59,989 B (21,735 B gzipped) script 17.8 ms, layout and style 29.5 ms, all main-thread tasks 207 ms; at 100,481 B (33,482 B gzipped) script 44.7 ms, layout and style 28.8 ms, all tasks 201 ms. The 40 KB added cost about 27 ms of script time, small beside the sidebar's first server call (getSidebarStart, about 1 s modeled): the budget now guards against creep, not a delay a person sees.";

const n = (v: number): string => v.toLocaleString('en-US');

export function fmtMs(ms: number): string {
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(2)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${n(Math.round(ms))} ms`;
}

export function fmtBytes(bytes: number): string {
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${bytes} B`;
}

function notes(r: OperationFigures): string {
  if (r.status !== 'ok')
    return r.status === 'not built' ? `not built (${r.message})` : `FAILED: ${r.message}`;
  if (r.weekly) {
    const w = r.weekly;
    const state = w.finished ? 'finished' : 'NOT finished';
    const failed = w.failedExecutions.length ? `; ${w.failedExecutions.length} failed` : '';
    const each = w.virtualMsEach.map(fmtMs).join(' + ');
    const idle = w.idleTickCalls === null ? '' : `; idle tick ${w.idleTickCalls} calls`;
    const largest = (w.largestEmails ?? [])
      .map((e) =>
        e.kind === 'owner'
          ? `owner ${fmtBytes(e.htmlBytes)} (${n(e.keyResults ?? 0)} KRs)`
          : `digest ${fmtBytes(e.htmlBytes)}`,
      )
      .join(', ');
    return (
      `${w.executions} execution(s): ${each}${failed}; ${n(w.emails)} emails; ${state}${idle}` +
      (largest ? `; largest email HTML: ${largest}` : '')
    );
  }
  const addOn = r.addOnCpuMs === undefined ? '' : `add-on code alone: ${r.addOnCpuMs.toFixed(1)} ms CPU`;
  if (r.firstRun) {
    return (
      `first refresh of a new tab: ${n(r.firstRun.sheetsCalls)} Sheets calls; ${fmtMs(r.firstRun.virtualMs)}` +
      (addOn ? `; ${addOn}` : '')
    );
  }
  if (addOn) return addOn;
  if (r.operation === 'importPreview' || r.operation === 'importConfirm') {
    const rows = Math.max(1, Math.floor(r.keyResults / 2)).toLocaleString('en-US');
    return `${rows} source rows; answer JSON ${fmtBytes(r.payloadBytes ?? 0)}`;
  }
  if (r.payloadBytes !== undefined) {
    return (
      `state JSON ${fmtBytes(r.payloadBytes)} (member)` +
      (r.payloadLeadBytes !== undefined ? `; ${fmtBytes(r.payloadLeadBytes)} (lead)` : '')
    );
  }
  return '';
}

/** Rows grouped by operation (in the issue's order), sizes ascending: growth reads down a group. */
function byOperation(report: BenchReport): OperationFigures[] {
  const order = (r: OperationFigures) => OPERATIONS.indexOf(r.operation);
  return [...report.results].sort((a, b) => order(a) - order(b) || a.keyResults - b.keyResults);
}

export function fmtCpu(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${n(Math.round(ms))} ms`;
}

function mainRows(report: BenchReport): string[][] {
  return byOperation(report).map((r) => {
    const ok = r.status === 'ok';
    return [
      r.label,
      n(r.keyResults),
      n(r.owners),
      ok ? n(r.sheetsCalls) : '—',
      ok ? n(r.mailCalls) : '—',
      ok ? fmtMs(r.virtualMs) : '—',
      ok && r.cpuMs !== null ? fmtCpu(r.cpuMs) : '—',
      notes(r),
    ];
  });
}

const WEEKLY_NOTE =
  'Weekly run: Sheets calls and modeled time are those of its largest execution; Mail calls are all MailApp calls of the run; "largest email HTML" is the largest digest and the largest owner email (with the key results its owner has) by HTML bytes, what Gmail clips over about 102 KB.';

const MAIN_HEADERS = [
  'Operation',
  'KRs',
  'Owners',
  'Sheets calls',
  'Mail calls',
  'Modeled time',
  'Node CPU',
  'Notes',
];

function methodRows(report: BenchReport): string[][] {
  return byOperation(report)
    .filter((r) => r.status === 'ok')
    .map((r) => [
      r.label,
      n(r.keyResults),
      Object.entries(r.sheetsByMethod)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([m, c]) => `${m} ${c}`)
        .join(', ') || '(none)',
    ]);
}

function artifactRows(report: BenchReport): string[][] {
  const row = (name: string, f: { raw: number; gzip: number } | null): string[] =>
    f
      ? [name, `${n(f.raw)} B (${fmtBytes(f.raw)})`, `${n(f.gzip)} B (${fmtBytes(f.gzip)})`]
      : [name, 'missing', 'missing'];
  return [
    row('dist/Code.js', report.artifacts.codeJs),
    row('dist/Sidebar.html', report.artifacts.sidebarHtml),
  ];
}

/** Splits a long "a 1, b 2, …" cell into lines of at most `width` characters at the commas. */
function wrapList(cell: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of cell.split(', ')) {
    const next = line ? `${line}, ${part}` : part;
    if (line && next.length > width) {
      lines.push(`${line},`);
      line = part;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

/** Aligned columns; the last column wraps at commas so a long list of methods stays readable. */
export function textTable(headers: string[], rawRows: string[][], lastWidth = 100): string {
  const rows = rawRows.flatMap((r) => {
    const last = wrapList(r[r.length - 1] ?? '', lastWidth);
    return last.map((text, i) =>
      i === 0 ? [...r.slice(0, -1), text] : [...r.slice(0, -1).map(() => ''), `  ${text}`],
    );
  });
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i > 0 && i < cells.length - 1 && /^[\d—]/.test(c) ? c.padStart(widths[i]) : c.padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(headers: string[], rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map((_, i) => (i > 0 && i < headers.length - 1 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function baselineLine(report: BenchReport): string {
  const b = report.baseline;
  return b
    ? `Runtime overhead per execution (a new vm realm and loading dist/Code.js, measured with ${b.function}): ` +
        `${b.cpuMs.toFixed(1)} ms Node CPU, ${fmtMs(b.virtualMs)} modeled. It is included in every Node CPU figure.`
    : 'Runtime overhead per execution: not measured (onOpen not built).';
}

function machineLine(report: BenchReport): string {
  const m = report.machine;
  return `${m.cpu}, ${m.cores} cores, Node ${m.node} (${m.platform}); ${report.date}`;
}

export function renderText(report: BenchReport, outcome?: BudgetOutcome): string {
  const parts = [
    `OKR Owners benchmark — ${machineLine(report)}`,
    `seed ${report.settings.seed}, ${report.settings.weeksOfHistory} weeks of check-ins, Node CPU = median of ${report.settings.reps} after a warm-up`,
    '',
    textTable(MAIN_HEADERS, mainRows(report)),
    WEEKLY_NOTE,
    '',
    'Sheets calls by method',
    textTable(['Operation', 'KRs', 'Calls'], methodRows(report)),
    '',
    textTable(['Artifact', 'Raw', 'Gzipped'], artifactRows(report)),
    '',
    baselineLine(report),
  ];
  if (outcome) parts.push('', 'Budgets', formatBudgetOutcome(outcome));
  return parts.join('\n');
}

/** Published timing vs the model, one row per record (local/runtime/calibration/published.json). */
function calibrationTable(rows: CalibrationRow[]): string[] {
  const ms = (n: number) =>
    n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);
  return [
    markdownTable(
      ['Operation (record)', 'Published', 'Modeled', 'Ratio', 'Source'],
      rows.map((r) => [
        `${r.operation} (\`${r.id}\`)${r.inFit ? '' : ' — not in the fit'}${r.note ? ` — ${r.note}` : ''}`,
        `${r.bound === 'upper' ? '≤ ' : ''}${ms(r.publishedMs)} ms`,
        `${ms(r.modeledMs)} ms`,
        `${r.ratio.toFixed(2)}${r.ok ? '' : ' ⚠'}`,
        `[${r.source}](${r.url}), ${r.date}, ${r.runtime}`,
      ]),
    ),
  ];
}

export function renderMarkdown(
  report: BenchReport,
  outcome: BudgetOutcome,
  calibration: CalibrationRow[] = [],
): string {
  const budgetLines = outcome.lines.flatMap((l) => {
    const line = `- ${l.ok ? '✅' : '❌ **over budget**:'} ${l.budget} — ${l.detail}`;
    const why = l.ok ? null : overBudgetReason(l.budget);
    return why ? [line, `  - Why: ${why}`] : [line];
  });
  for (const nc of outcome.notChecked) budgetLines.push(`- ⚪ not checked: ${nc}`);
  return [
    '# Benchmarks',
    '',
    "How fast OKR Owners stays, and whether it stays inside Apps Script's limits, as the sheet grows.",
    'Generated by `npm run bench` (scripts/bench.ts); re-check the budgets with `npm run bench -- --check`.',
    '',
    `**Machine:** ${machineLine(report)}`,
    '',
    'Workbooks come from `local/fixtures/generate.ts` (seed ' +
      `${report.settings.seed}, ≈5 key results per objective, ${report.settings.weeksOfHistory} weeks of check-in history). ` +
      'Each workbook is first brought to the state of a sheet in use (`setUpOkrSheet` and `refreshSummary` run once); ' +
      'every operation then runs the built `dist/Code.js` in the local runtime on a fresh copy of it. **Sheets calls** counts calls to the ' +
      "Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet, Range, …); **modeled time** is the runtime's latency " +
      "model of Apps Script (local/runtime/latency.ts — a model, not a measurement of Google's servers); " +
      `**Node CPU** is process.cpuUsage() around the execution, median of ${report.settings.reps} after a warm-up ` +
      "(it includes the runtime's own work: emulating Sheets and loading Code.js in a new vm realm). " +
      '**Add-on code alone** (validate, Summary) is the same pure code the endpoint runs (parse, validate, summary model and ' +
      "grid) on the workbook's values in a Node process of its own, median after 8 warm-ups (scripts/bench/addOnCpu.ts): " +
      'what the CPU budget holds. The weekly run is `enableWeeklyEmails` as a Lead, then the hourly ' +
      'trigger ticking from the scheduled time (Monday 09:00) until the run finishes, with a Workspace mail quota.',
    '',
    '## Results',
    '',
    markdownTable(MAIN_HEADERS, mainRows(report)),
    '',
    WEEKLY_NOTE,
    '',
    '## Budgets',
    '',
    '`npm run bench -- --check` exits 1 when any of these is over. Sizes use KB = 1,000 bytes.',
    '',
    ...budgetLines,
    '',
    '## Sheets calls by method',
    '',
    markdownTable(['Operation', 'KRs', 'Calls'], methodRows(report)),
    '',
    '## Artifacts',
    '',
    markdownTable(['Artifact', 'Raw', 'Gzipped (zlib)'], artifactRows(report)),
    '',
    baselineLine(report),
    '',
    '### Sidebar size',
    '',
    SIDEBAR_SIZE_REASON,
    '',
    ...(calibration.length
      ? [
          '## Calibration of the latency model',
          '',
          'Every modeled time above comes from `local/runtime/latency.ts`: writes are queued and committed at the next ' +
            'read, `flush()` or the end of the execution, reads pay a round trip plus a per-cell transfer. Its constants ' +
            '(`local/runtime/calibration/fitted.ts`) are fitted by `npm run calibrate` (least squares on log time) to the ' +
            'published timings in `local/runtime/calibration/published.json`; each is replayed in the local runtime as the ' +
            'same script. Ratio = modeled ÷ published; ⚠ marks a figure beyond 2× (or over its upper bound). Where two ' +
            'sources disagree, both are shown and the fit sits between them.',
          '',
          ...calibrationTable(calibration),
          '',
        ]
      : []),
  ].join('\n');
}
