// The demo a new sandbox opens (npm start): two cycles, the previous one closed by its Lead with
// its results (scores, two of three retrospectives) and the current one live; the Summary shows the
// closed cycle's Results section.
import { Sandbox } from '../../local/app/sandbox';
import { DEMO_CLOSED_CYCLE, DEMO_TODAY, demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';
import type { CyclesResult, SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';

test('a new demo: 2026-Q3 closed with results, 2026-Q4 live, the Summary shows the Results', async () => {
  const rt = await Runtime.open({
    workbook: demoWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: `${DEMO_TODAY}T15:00:00Z` },
  });
  const sandbox = new Sandbox(rt, '/nonexistent/not-saved.xlsx');
  expect(await sandbox.setUpDemo()).toBeUndefined();

  const cycles = rt.run('getCycles', [], { as: 'priya.natarajan@example.com' }).result as CyclesResult;
  if (!cycles.ok) throw new Error(cycles.error);
  expect(cycles.view.cycles.map((c) => [c.name, c.closed, c.unfinished.map((u) => u.id)])).toEqual([
    [DEMO_CLOSED_CYCLE, true, ['O4.2', 'O4.3']],
    ['2026-Q4', false, []],
  ]);
  const [header, ...results] = rt.workbook.values('Results');
  const at = (name: string) => header.indexOf(name);
  const latest = new Map(results.map((r) => [r[at('ID')], r]));
  expect([...latest.keys()]).toEqual(['O4.1', 'O4.2', 'O4.3']);
  expect(latest.get('O4.2')?.[at('Score')]).toBe(0.5);
  expect(latest.get('O4.2')?.[at('Computed score')]).toBe(0.6);

  // Sam still owes his retrospective: asked under "Needs you".
  const sam = rt.run('getSidebarState', [], { as: 'sam.rivera@example.com' }).result as SidebarState;
  expect(sam.retrospectives?.map((r) => r.id)).toEqual(['O4.3']);

  const summary = rt.workbook.values('Summary').map((r) => r.join('|'));
  expect(summary.some((line) => line.startsWith('Results of 2026-Q3 (closed)'))).toBe(true);
  expect(summary.some((line) => line.includes('O4.2') && line.includes('請求書PDF'))).toBe(true);
});
