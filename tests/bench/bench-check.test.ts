// The benchmark's call-count budget in CI: `npm run bench -- --check --sizes 100` measures every
// operation on 20- and 100-key-result workbooks and fails when an operation's Sheets calls differ
// between them (a call per row or per person slipped in), or when an operation breaks. Timings are
// not budgeted at this size, so the test is not noisy. The bench takes ~15 s on an idle machine and
// well over 25 s on a busy shared one: it gets a generous limit, and a run cut off by it says so.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchReport } from '../../scripts/bench/report';
import { OPERATIONS } from '../../scripts/bench/report';
import { ensureBuilt, repoRoot } from '../helpers/build';

/** The bench's wall-clock limit: only a hung bench should ever reach it. */
const BENCH_LIMIT_S = 240;

function bench(args: string[]): { status: number; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'local/bin/tsx-run.cjs'), join(repoRoot, 'scripts/bench.ts'), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: BENCH_LIMIT_S * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 << 20,
    },
  );
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

describe('npm run bench -- --check --sizes 100', () => {
  let run: ReturnType<typeof bench>;
  let report: BenchReport;

  beforeAll(
    () => {
      ensureBuilt();
      run = bench(['--check', '--json', '--sizes', '100', '--reps', '1', '--weeks', '4']);
      if (run.timedOut)
        throw new Error(`bench timed out after ${BENCH_LIMIT_S} s:\n${run.stderr.slice(-3000)}`);
      if (!run.stdout.trim())
        throw new Error(`bench printed no report (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
      report = JSON.parse(run.stdout) as BenchReport;
    },
    (BENCH_LIMIT_S + 30) * 1000,
  );

  it('meets every size-independent budget, including equal Sheets calls at 20 and 100 key results', () => {
    // stderr carries the budget lines (OVER … names what broke).
    expect(run.stderr).not.toMatch(/^OVER/m);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^OK {4}dist\/Sidebar\.html under 110 KB/m);
  });

  it('measured every operation at both sizes (or reported it as not built)', () => {
    expect(report.sizes.map((s) => s.keyResults)).toEqual([20, 100]);
    for (const size of report.sizes) {
      for (const op of OPERATIONS) {
        const r = report.results.find((x) => x.operation === op && x.keyResults === size.keyResults);
        expect(r).toBeDefined();
        expect(['ok', 'not built']).toContain(r?.status);
        if (r?.status === 'ok') {
          expect(r.sheetsCalls).toBeGreaterThan(0);
          expect(r.virtualMs).toBeGreaterThan(0);
          expect(r.cpuSamples).toHaveLength(1);
          const comparison = `${op === 'weeklyRun' ? 'Sheets calls per execution' : 'Sheets calls'} of ${r.label} equal at 20 and 100 key results`;
          expect(run.stderr).toContain(`OK    ${comparison}`);
        }
      }
    }
  });
});
