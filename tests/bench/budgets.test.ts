// The budget checker of `npm run bench -- --check`, fed fabricated figures: what is over budget is
// named and the exit code is 1; what is within budget passes; unbuilt operations are listed, not failed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, parseSizes } from '../../scripts/bench/args';
import { entryPoints } from '../../scripts/bench/artifacts';
import {
  BUDGETS,
  calibrationLines,
  checkBudgets,
  countDifferences,
  formatBudgetOutcome,
  withLines,
} from '../../scripts/bench/budgets';
import { renderMarkdown } from '../../scripts/bench/format';
import {
  type BenchReport,
  isSheetsCall,
  OPERATION_LABELS,
  OPERATIONS,
  type OperationFigures,
  type OperationKey,
  sheetsCallsOf,
} from '../../scripts/bench/report';

const repoRoot = join(__dirname, '..', '..');

function figures(
  op: OperationKey,
  keyResults: number,
  owners: number,
  over: Partial<OperationFigures> = {},
): OperationFigures {
  const sheetsByMethod = {
    'SpreadsheetApp.getActiveSpreadsheet': 1,
    'Spreadsheet.getSheetByName': 3,
    'Range.getValues': 3,
  };
  return {
    operation: op,
    label: OPERATION_LABELS[op],
    keyResults,
    owners,
    status: 'ok',
    calls: { ...sheetsByMethod, 'Lock.waitLock': 1 },
    sheetsByMethod,
    sheetsCalls: 7,
    mailCalls: 0,
    virtualMs: 400,
    cpuMs: 40,
    cpuSamples: [40, 40, 40, 40, 40],
    ...(op === 'getSidebarState' ? { payloadBytes: 200_000, payloadLeadBytes: 250_000 } : {}),
    ...(op === 'validateOkrs' || op === 'refreshSummary' ? { addOnCpuMs: 30 } : {}),
    ...(op === 'weeklyRun'
      ? {
          mailCalls: owners,
          weekly: {
            executions: 2,
            virtualMsEach: [200_000, 150_000],
            sheetsCallsEach: [7, 5],
            failedExecutions: [],
            emails: owners,
            recipients: owners,
            finished: true,
            idleTickCalls: 2,
            finishedBy: 'getWeeklyRunStatus' as const,
            largestEmails: [
              { kind: 'owner' as const, htmlBytes: 40_000, textBytes: 20_000, keyResults: 100 },
              { kind: 'leadership' as const, htmlBytes: 20_000, textBytes: 3_000 },
            ],
            emailsOverBudget: 0,
          },
        }
      : {}),
    ...over,
  };
}

/** A report where every budget is met, at 100 and 10,000 key results. */
function goodReport(): BenchReport {
  const sizes = [
    { keyResults: 100, owners: 20 },
    { keyResults: 10_000, owners: 1000 },
  ];
  return {
    date: '2026-11-26T19:00:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, node: 'v20.0.0', platform: 'linux x64' },
    settings: { seed: 42, weeksOfHistory: 8, reps: 5 },
    sizes,
    artifacts: { codeJs: { raw: 150_000, gzip: 40_000 }, sidebarHtml: { raw: 40_000, gzip: 14_000 } },
    endpoints: ['getSidebarState'],
    results: sizes.flatMap((s) => OPERATIONS.map((op) => figures(op, s.keyResults, s.owners))),
  };
}

function patch(
  report: BenchReport,
  op: OperationKey,
  keyResults: number,
  over: Partial<OperationFigures>,
): BenchReport {
  report.results = report.results.map((r) =>
    r.operation === op && r.keyResults === keyResults ? { ...r, ...over } : r,
  );
  return report;
}

describe('checkBudgets', () => {
  it('passes a report within every budget, checking each of them', () => {
    const outcome = checkBudgets(goodReport());
    expect(outcome.over).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    const names = outcome.lines.map((l) => l.budget).join('\n');
    expect(names).toMatch(/dist\/Sidebar\.html under 110 KB/);
    for (const op of OPERATIONS) expect(names).toContain(OPERATION_LABELS[op]);
    expect(names).toMatch(
      /getSidebarStart \(sidebar opens\) modeled time at 10,000 key results under 2\.5 s/,
    );
    expect(names).toMatch(
      /getSidebarState \(whole sheet, next\) modeled time at 10,000 key results under 7 s/,
    );
    expect(names).toMatch(/checkIn modeled time at 10,000 key results/);
    expect(names).toMatch(/refreshSummary modeled time at 10,000 key results under 30 s/);
    expect(names).toMatch(/setUpOkrSheet \(2nd run\) modeled time at 10,000 key results under 30 s/);
    expect(names).toMatch(/every weekly-run execution at 10,000 key results under 4\.5 min/);
    expect(names).toMatch(/add-on's validate \+ summary work at 10,000 key results under 300 ms/);
    expect(names).toMatch(/sidebar state at 10,000 key results under 600 KB/);
    expect(names).toMatch(/weekly run at 10,000 key results \/ 1,000 owners completes/);
    expect(formatBudgetOutcome(outcome)).toMatch(/All \d+ budgets checked are met/);
  });

  it('names a Sheets call count that grows with size, method by method', () => {
    const report = patch(goodReport(), 'checkIn', 10_000, {
      sheetsByMethod: {
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'Spreadsheet.getSheetByName': 3,
        'Range.getValues': 10_003,
      },
      sheetsCalls: 10_007,
    });
    const outcome = checkBudgets(report);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.over).toHaveLength(1);
    expect(outcome.over[0].budget).toBe('Sheets calls of checkIn equal at 100 and 10,000 key results');
    expect(outcome.over[0].detail).toContain('Range.getValues 3 → 10003');
    expect(formatBudgetOutcome(outcome)).toMatch(/^OVER {2}Sheets calls of checkIn equal/m);
    expect(formatBudgetOutcome(outcome)).toMatch(/1 budget\(s\) over: Sheets calls of checkIn/);
  });

  it("lets getSidebarStart's reads of the caller's rows differ up to their bound, and nothing else", () => {
    const reads = (n: number, extra: Record<string, number> = {}) => ({
      sheetsByMethod: { 'Spreadsheet.getSheetByName': 2, 'Sheet.getSheetValues': n, ...extra },
      sheetsCalls: 2 + n,
    });
    const report = patch(goodReport(), 'getSidebarStart', 100, reads(3));
    patch(report, 'getSidebarStart', 10_000, reads(12));
    expect(checkBudgets(report).exitCode).toBe(0);
    const line = checkBudgets(report).lines.find((l) => /getSidebarStart.*equal/.test(l.budget));
    expect(line?.detail).toBe('5 and 14; Sheet.getSheetValues 3 and 12');
    patch(report, 'getSidebarStart', 10_000, reads(13));
    expect(checkBudgets(report).over.map((l) => l.budget)).toEqual([
      "Sheets calls of getSidebarStart (sidebar opens) equal at 100 and 10,000 key results, apart from its reads of the caller's rows (Sheet.getSheetValues at most 12)",
    ]);
    patch(report, 'getSidebarStart', 10_000, reads(4, { 'Range.getValues': 1 }));
    expect(checkBudgets(report).over[0]?.detail).toMatch(/other calls differ: Range\.getValues 0 → 1/);
  });

  it("lets getTeamView's reads of the manager's people's rows differ up to the same bound, and holds its time", () => {
    const reads = (n: number) => ({
      sheetsByMethod: { 'Spreadsheet.getSheetByName': 2, 'Sheet.getSheetValues': n },
      sheetsCalls: 2 + n,
    });
    const report = patch(goodReport(), 'getTeamView', 100, reads(3));
    patch(report, 'getTeamView', 10_000, reads(12));
    expect(checkBudgets(report).exitCode).toBe(0);
    patch(report, 'getTeamView', 10_000, reads(13));
    expect(checkBudgets(report).over.map((l) => l.budget)).toEqual([
      "Sheets calls of getTeamView (My team) equal at 100 and 10,000 key results, apart from its reads of the manager's people's rows (Sheet.getSheetValues at most 12)",
    ]);
    patch(report, 'getTeamView', 10_000, { ...reads(5), virtualMs: 2_600 });
    expect(checkBudgets(report).over.map((l) => l.budget)).toEqual([
      'getTeamView (My team) modeled time at 10,000 key results under 2.5 s',
    ]);
  });

  it("holds the sidebar's one-row interactions to the check-in budget at every size, not only the large one", () => {
    const names = checkBudgets(goodReport())
      .lines.map((l) => l.budget)
      .join('\n');
    for (const at of ['100', '10,000']) {
      expect(names).toContain(`getTeamView (My team) modeled time at ${at} key results under 2.5 s`);
      expect(names).toContain(
        `${OPERATION_LABELS.proposeAgreement} modeled time at ${at} key results under 2.5 s`,
      );
      expect(names).toContain(
        `${OPERATION_LABELS.respondAgreement} modeled time at ${at} key results under 2.5 s`,
      );
    }
    // A step that answered under the whole-state budget (7 s) is over the check-in budget, at a small size too.
    const report = patch(goodReport(), 'proposeAgreement', 100, { virtualMs: 3_000 });
    patch(report, 'respondAgreement', 10_000, { virtualMs: 2_500 });
    expect(checkBudgets(report).over.map((l) => l.budget)).toEqual([
      `${OPERATION_LABELS.proposeAgreement} modeled time at 100 key results under 2.5 s`,
      `${OPERATION_LABELS.respondAgreement} modeled time at 10,000 key results under 2.5 s`,
    ]);
  });

  it("does not count the weekly run's mail calls, but does count its Sheets calls per execution", () => {
    const report = patch(goodReport(), 'weeklyRun', 10_000, { mailCalls: 5000 });
    expect(checkBudgets(report).exitCode).toBe(0);
    patch(report, 'weeklyRun', 10_000, { sheetsByMethod: { 'Range.getValues': 1000 } });
    expect(checkBudgets(report).over.map((l) => l.budget)).toEqual([
      'Sheets calls per execution of weekly run equal at 100 and 10,000 key results',
    ]);
  });

  it.each<[string, OperationKey, Partial<OperationFigures>, RegExp]>([
    [
      'slow sidebar opening',
      'getSidebarStart',
      { virtualMs: 2500 },
      /getSidebarStart \(sidebar opens\) modeled time at 10,000 key results/,
    ],
    [
      'slow sidebar opening for the Lead only',
      'getSidebarStart',
      { lead: { virtualMs: 2600, sheetsByMethod: {}, sheetsCalls: 7 } },
      /getSidebarStart \(sidebar opens\) modeled time at 10,000 key results under 2\.5 s/,
    ],
    [
      'the Lead reading more of its rows than the bound',
      'getSidebarStart',
      { lead: { virtualMs: 900, sheetsByMethod: { 'Sheet.getSheetValues': 13 }, sheetsCalls: 20 } },
      /Sheets calls of getSidebarStart .* at most 12/,
    ],
    [
      'slow whole-sheet state',
      'getSidebarState',
      { virtualMs: 7000 },
      /getSidebarState \(whole sheet, next\) modeled time at 10,000 key results under 7 s/,
    ],
    ['slow check-in', 'checkIn', { virtualMs: 2600 }, /checkIn modeled time at 10,000 key results/],
    [
      'slow Summary refresh',
      'refreshSummary',
      { virtualMs: 30_000 },
      /refreshSummary modeled time at 10,000 key results under 30 s/,
    ],
    [
      'slow set-up',
      'setUpOkrSheet',
      { virtualMs: 45_000 },
      /setUpOkrSheet \(2nd run\) modeled time at 10,000 key results under 30 s/,
    ],
    [
      'big state',
      'getSidebarState',
      { payloadLeadBytes: 600_000 },
      /sidebar state at 10,000 key results under 600 KB/,
    ],
    ['slow validate', 'validateOkrs', { addOnCpuMs: 280 }, /Node CPU of the add-on's validate \+ summary/],
    [
      'failed',
      'refreshSummary',
      { status: 'failed', message: 'Exception: boom' },
      /refreshSummary runs at 10,000 key results/,
    ],
  ])('names a single budget over: %s', (_name, op, over, expected) => {
    const outcome = checkBudgets(patch(goodReport(), op, 10_000, over));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.over).toHaveLength(1);
    expect(outcome.over[0].budget).toMatch(expected);
  });

  it('says under a modeled-time budget that is over where its time goes, and nothing under one met', () => {
    const slow = patch(goodReport(), 'refreshSummary', 10_000, { virtualMs: 60_000 });
    const md = renderMarkdown(slow, checkBudgets(slow));
    expect(md).toMatch(/❌ \*\*over budget\*\*: refreshSummary modeled time .*\n {2}- Why: .*staging sheet/);
    expect(renderMarkdown(goodReport(), checkBudgets(goodReport()))).not.toMatch(/Why:/);
  });

  it("holds the add-on's own CPU to the budget, not the runtime's emulation around it", () => {
    const slowRuntime = patch(goodReport(), 'validateOkrs', 10_000, { cpuMs: 5_000 });
    expect(checkBudgets(slowRuntime).exitCode).toBe(0);
    const cpuLine = checkBudgets(slowRuntime).lines.find((c) => /Node CPU/.test(c.budget));
    expect(cpuLine?.detail).toMatch(
      /30 \+ 30 = 60 ms; in the local runtime, with its emulation of Google's side: 5040 ms/,
    );
  });

  it("holds the add-on's CPU as a ratio to the reference workload measured beside it, so a loaded machine does not fail it", () => {
    const r = BUDGETS.validatePlusSummaryCpuRatio;
    const withReference = (addOn: number, reference: number) =>
      patch(
        patch(goodReport(), 'validateOkrs', 10_000, { addOnCpuMs: addOn, referenceCpuMs: reference }),
        'refreshSummary',
        10_000,
        { addOnCpuMs: addOn, referenceCpuMs: reference },
      );
    // 2 × 100 ms against a 100 ms reference: under the ratio whatever the absolute figure.
    const idle = withReference(100, (2 * 100) / (r * 0.9));
    expect(checkBudgets(idle).exitCode).toBe(0);
    // The same machine three times slower: every figure triples, the ratio and the verdict stay.
    const loaded = withReference(300, (3 * 2 * 100) / (r * 0.9));
    expect(checkBudgets(loaded).exitCode).toBe(0);
    const line = checkBudgets(loaded).lines.find((l) => /Node CPU/.test(l.budget));
    expect(line?.budget).toMatch(new RegExp(`under ${r}× the reference workload`));
    expect(line?.detail).toMatch(/300 \+ 300 = 600 ms; .*reference workload .* ms: \d+\.\d\d×/);
    // The add-on's code slower against the same reference: over.
    const slower = withReference(100, (2 * 100) / (r * 1.1));
    expect(checkBudgets(slower).over.map((l) => l.budget)).toEqual([
      expect.stringMatching(/Node CPU of the add-on's validate \+ summary work at 10,000 key results/),
    ]);
  });

  it('checks the latency model against the published timings: median within 1.3×, misses only where sources disagree', () => {
    const fine = calibrationLines({
      medianFactor: 1.12,
      maxFactor: 3.4,
      pointFigures: 22,
      unexplainedMisses: [],
      disagreements: ['qiita-cache-get'],
    });
    expect(fine.every((l) => l.ok)).toBe(true);
    expect(fine[1].detail).toMatch(/sources disagreeing \(both shown\): qiita-cache-get/);
    const off = calibrationLines({
      medianFactor: 1.4,
      maxFactor: 2.5,
      pointFigures: 22,
      unexplainedMisses: ['scriptdb-row-by-row-400'],
      disagreements: [],
    });
    expect(off.map((l) => l.ok)).toEqual([false, false]);
    expect(off[1].detail).toMatch(/beyond 2×: scriptdb-row-by-row-400/);
    const outcome = withLines(checkBudgets(goodReport()), off);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.over).toHaveLength(2);
  });

  it('names a weekly-run execution that is too long, a run that does not finish, and failed executions', () => {
    const base = figures('weeklyRun', 10_000, 1000);
    const report = patch(goodReport(), 'weeklyRun', 10_000, {
      weekly: {
        ...base.weekly!,
        virtualMsEach: [100_000, BUDGETS.weeklyExecutionMs + 1],
        finished: false,
        failedExecutions: [{ index: 1, message: 'Exception: Exceeded maximum execution time' }],
      },
    });
    const over = checkBudgets(report).over.map((l) => `${l.budget}: ${l.detail}`);
    expect(over).toEqual([
      expect.stringMatching(/^the weekly run at 10,000 key results \/ 1,000 owners completes: not finished/),
      expect.stringMatching(
        /every weekly-run execution at 10,000 key results \/ 1,000 owners ends without an error: execution 2: .*Exceeded/,
      ),
      expect.stringMatching(
        /every weekly-run execution at 10,000 key results under 4\.5 min: longest 270,001 ms \(4\.50 min\)/,
      ),
    ]);
  });

  it('names a weekly email whose HTML is over budget, at every size, with the largest of each kind', () => {
    const good = checkBudgets(goodReport()).lines.map((l) => `${l.budget}: ${l.detail}`);
    expect(good).toContain(
      "every weekly email's HTML at 100 key results / 20 owners under 80 KB (Gmail clips at about 102 KB): largest owner email 40.0 KB (40,000 bytes) (owner of 100 key results); leadership digest 20.0 KB (20,000 bytes); 0 over",
    );
    const base = figures('weeklyRun', 100, 20);
    const report = patch(goodReport(), 'weeklyRun', 100, {
      weekly: {
        ...base.weekly!,
        largestEmails: [{ kind: 'leadership', htmlBytes: BUDGETS.emailHtmlBytes + 1, textBytes: 1 }],
        emailsOverBudget: 1,
      },
    });
    const outcome = checkBudgets(report);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.over.map((l) => `${l.budget}: ${l.detail}`)).toEqual([
      "every weekly email's HTML at 100 key results / 20 owners under 80 KB (Gmail clips at about 102 KB): leadership digest 80.0 KB (80,001 bytes); 1 over",
    ]);
  });

  it('checks dist/Sidebar.html at every size, and only size-independent budgets for small runs', () => {
    const report = goodReport();
    report.sizes = [
      { keyResults: 20, owners: 5 },
      { keyResults: 100, owners: 20 },
    ];
    report.results = report.sizes.flatMap((s) =>
      OPERATIONS.map((op) =>
        figures(op, s.keyResults, s.owners, { virtualMs: 99_999, cpuMs: 9999, payloadBytes: 9e6 }),
      ),
    );
    report.artifacts.sidebarHtml = { raw: BUDGETS.sidebarHtmlBytes, gzip: 20_000 };
    const outcome = checkBudgets(report);
    // The sidebar's one-row interactions are held to the check-in budget at every size (the sidebar's
    // conversations must be quick on a small sheet too); every other time budget waits for 10,000.
    const interactive = ['20', '100'].flatMap((at) =>
      (['getSidebarStart', 'checkIn', 'getTeamView', 'proposeAgreement', 'respondAgreement'] as const).map(
        (op) => `${OPERATION_LABELS[op]} modeled time at ${at} key results under 2.5 s`,
      ),
    );
    expect(outcome.over.map((l) => l.budget).sort()).toEqual(
      ['dist/Sidebar.html under 110 KB', ...interactive].sort(),
    );
    expect(outcome.lines.some((l) => /10,000/.test(l.budget))).toBe(false);
    expect(outcome.lines.filter((l) => /equal at 20 and 100 key results/.test(l.budget))).toHaveLength(
      OPERATIONS.length,
    );
  });

  it('lists operations that are not built without failing', () => {
    const report = goodReport();
    report.results = report.results.map((r) =>
      r.operation === 'weeklyRun'
        ? { ...r, status: 'not built', message: 'enableWeeklyEmails not in dist/Code.js' }
        : r,
    );
    const outcome = checkBudgets(report);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.notChecked).toEqual(['weekly run: enableWeeklyEmails not in dist/Code.js']);
    expect(formatBudgetOutcome(outcome)).toMatch(/^NOT CHECKED {2}weekly run/m);
  });
});

describe('bench helpers', () => {
  it('tells Sheets calls from other services', () => {
    expect(isSheetsCall('Range.getValues')).toBe(true);
    expect(isSheetsCall('SpreadsheetApp.getActiveSpreadsheet')).toBe(true);
    expect(isSheetsCall('Sheet.getRange')).toBe(true);
    expect(isSheetsCall('DataValidationBuilder.requireValueInList')).toBe(true);
    expect(isSheetsCall('EmbeddedChartBuilder.build')).toBe(true);
    expect(isSheetsCall('MailApp.sendEmail')).toBe(false);
    expect(isSheetsCall('Properties.getProperty')).toBe(false);
    expect(isSheetsCall('Lock.waitLock')).toBe(false);
    expect(sheetsCallsOf({ 'Range.getValues': 2, 'MailApp.sendEmail': 9 })).toEqual({ 'Range.getValues': 2 });
    expect(countDifferences({ a: 1, b: 2 }, { b: 2, c: 1 })).toEqual(['a 1 → 0', 'c 0 → 1']);
  });

  it('parses sizes and pairs a single size with a tiny one for call-count comparison', () => {
    expect(parseSizes('100')).toEqual([
      { keyResults: 20, owners: 5, comparison: true },
      { keyResults: 100, owners: 20 },
    ]);
    expect(parseSizes('10000,1000')).toEqual([
      { keyResults: 1000, owners: 200 },
      { keyResults: 10000, owners: 1000 },
    ]);
    expect(parseSizes('500:7')).toEqual([
      { keyResults: 20, owners: 5, comparison: true },
      { keyResults: 500, owners: 7 },
    ]);
    expect(() => parseSizes('x')).toThrow(/positive integer/);
    expect(parseArgs([]).write).toBe(true);
    expect(parseArgs(['--sizes', '100']).write).toBe(false);
    expect(parseArgs(['--check', '--json', '--reps=2'])).toMatchObject({ check: true, json: true, reps: 2 });
    expect(() => parseArgs(['--only', 'nope'])).toThrow(/unknown operation/);
  });

  it('finds the entry points of a built Code.js', () => {
    expect(
      entryPoints('function onOpen() { return X.onOpen(); }\nfunction checkIn() {}\n  function inner() {}'),
    ).toEqual(['checkIn', 'onOpen']);
  });
});

describe('npm run bench -- --check --input FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runCheck(report: BenchReport): { status: number; stdout: string } {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(report));
    try {
      const stdout = execFileSync(
        process.execPath,
        [
          join(repoRoot, 'local/bin/tsx-run.cjs'),
          join(repoRoot, 'scripts/bench.ts'),
          '--check',
          '--input',
          file,
        ],
        { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return { status: 0, stdout };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { status: err.status, stdout: err.stdout };
    }
  }

  it('exits 1 and names the one budget over', () => {
    const { status, stdout } = runCheck(patch(goodReport(), 'getSidebarStart', 10_000, { virtualMs: 3000 }));
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /^OVER {2}getSidebarStart \(sidebar opens\) modeled time at 10,000 key results under 2\.5 s: 3,000 ms$/m,
    );
    expect(stdout).toMatch(/1 budget\(s\) over: getSidebarStart \(sidebar opens\) modeled time/);
  });

  it('exits 0 when every budget is met', () => {
    const { status, stdout } = runCheck(goodReport());
    expect(status).toBe(0);
    expect(stdout).toMatch(/All \d+ budgets checked are met/);
  });
});
