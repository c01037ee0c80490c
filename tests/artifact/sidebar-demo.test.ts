// The sidebar on the runtime's demo workbook (a realistic team, set-up validation, a Check-ins
// history): every Team member loads their state, and every owner checks in on each key result
// they own — each write lands on its row and in the log, and nobody else's row moves.
import { DEMO_TODAY, demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';
import type { ActionResult, SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';

test('every Team member: state loads; every owner checks in on what they own', async () => {
  const rt = await Runtime.open({
    workbook: demoWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: `${DEMO_TODAY}T15:00:00Z` },
  });
  const team = rt.workbook
    .values('Team')
    .slice(1)
    .map((r) => String(r[1]));
  expect(team.length).toBeGreaterThanOrEqual(8);
  const logBefore = rt.workbook.values('Check-ins').length;
  let checkIns = 0;
  for (const email of team) {
    const res = rt.run('getSidebarState', [], { as: email });
    expect([email, res.error]).toEqual([email, undefined]);
    const state = res.result as SidebarState;
    expect(state.me.inTeam).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThan(300 * 1024);
    for (const kr of state.mine) {
      const current = kr.kind === 'milestone' ? (kr.target ?? 1) : (kr.current ?? 0) + 1;
      const before = rt.workbook.values('OKRs').filter((r) => r[0] !== kr.id);
      const out = rt.run(
        'checkIn',
        [{ id: kr.id, current, confidence: 'on-track', note: `demo ${email}`, version: kr.version }],
        {
          as: email,
        },
      ).result as ActionResult;
      expect([kr.id, out.ok, out.ok ? '' : out.error]).toEqual([kr.id, true, '']);
      checkIns++;
      const [header, ...rows] = rt.workbook.values('OKRs');
      const row = rows.find((r) => r[0] === kr.id)!;
      expect(row[header.indexOf('Current')]).toBe(current);
      expect(row[header.indexOf('Note')]).toBe(`demo ${email}`);
      // Nobody else's row moves, but for the objective's Progress: rewritten with the check-in, the
      // mean of its key results' Progress (to a tenth of a percent).
      const progressAt = header.indexOf('Progress');
      const others = (v: unknown[][]) =>
        JSON.stringify(v.map((r) => (r[0] === kr.objectiveId ? r.filter((_, i) => i !== progressAt) : r)));
      expect(others(rt.workbook.values('OKRs').filter((r) => r[0] !== kr.id))).toBe(others(before));
      const siblings = rows.filter((r) => r[header.indexOf('Parent')] === kr.objectiveId);
      const mean = siblings.reduce((a, r) => a + Number(r[progressAt]), 0) / siblings.length;
      const objective = rows.find((r) => r[0] === kr.objectiveId)!;
      expect(Number(objective[progressAt])).toBeCloseTo(mean, 3);
    }
  }
  expect(checkIns).toBeGreaterThanOrEqual(5);
  expect(rt.workbook.values('Check-ins').length).toBe(logBefore + checkIns);
});
