// The sidebar's Problems list and the menu's Check problems judge the same facts, through the built
// add-on in the local runtime: a Source that cannot be read and a closed cycle's row edited after the
// close are listed in the whole sidebar state as they are by validateOkrs, with the same counts (the
// toast said "3 errors" while the list it opened showed 2 when only Check problems read the Results
// tab and the Sources).
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { CheckSheetResult, CyclesResult, SidebarState } from '../../src/api';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

/** Code and row of every problem: Check problems' list and the sidebar's, side by side. */
function bothLists(rt: Runtime, as: string) {
  const checked = ok<CheckSheetResult>(rt.run('validateOkrs', [], { as }));
  const state = ok<SidebarState>(rt.run('getSidebarState', [], { as }));
  const key = (p: { code: string; id?: string | null; cell?: string | null }) =>
    `${p.code} ${p.id ?? ''} ${p.cell ?? ''}`;
  return {
    checked: checked.problems.map(key).sort(),
    listed: state.problems.list.map(key).sort(),
    counts: [checked.counts.errors, checked.counts.warnings, state.problems.errors, state.problems.warnings],
  };
}

test('a Source that cannot be read is in the sidebar’s Problems list as in Check problems', async () => {
  const [header, ...rows] = okrRows();
  const workbook = Workbook.fromRows(
    {
      OKRs: [[...header, 'Source'], ...rows.map((r) => [...r, r[0] === 'O1.1' ? 'Nope!B2' : ''])],
      Team: teamRows(),
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
  const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
  const { checked, listed, counts } = bothLists(rt, 'lead@example.com');
  expect(checked.some((p) => p.startsWith('source-unreadable O1.1'))).toBe(true);
  expect(listed).toEqual(checked);
  expect(counts.slice(2)).toEqual(counts.slice(0, 2));
});

test('a closed row edited after the close is in the sidebar’s Problems list as in Check problems', async () => {
  const { LEAD, ANA } = CYCLE_PEOPLE;
  const rt = await Runtime.open({
    workbook: twoCycleWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: CYCLE_PEOPLE.NOW },
  });
  expect(ok<CyclesResult>(rt.run('closeCycle', [{ cycle: '2026-Q3' }], { as: LEAD })).ok).toBe(true);
  const current = rt.workbook.values('OKRs')[0].indexOf('Current');
  rt.edit({ range: `OKRs!${String.fromCharCode(65 + current)}3`, values: [[90]], paste: true, as: ANA });
  const { checked, listed, counts } = bothLists(rt, LEAD);
  expect(checked.some((p) => p.startsWith('edited-after-close O1.1'))).toBe(true);
  expect(listed).toEqual(checked);
  expect(counts.slice(2)).toEqual(counts.slice(0, 2));
});
