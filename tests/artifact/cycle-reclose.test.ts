// Reopening a closed cycle to fix one row and closing it again, through the built add-on in the local
// runtime: the owners' retrospectives and adjusted scores stay the latest truth (Results tab, the
// Summary's Results section, nothing asked again under Needs you), and leadership gets the closing
// email again, with the new scores.
import { type RunResult, Runtime } from '../../local/runtime';
import type { ActionResult, CyclesResult, SidebarState } from '../../src/api';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { ensureBuilt } from '../helpers/build';

const { LEAD, ANA, BOSS, NOW } = CYCLE_PEOPLE;

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

function rows(rt: Runtime, tab: string): Array<Record<string, unknown>> {
  const [header, ...rest] = rt.workbook.values(tab);
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function cycleCall(rt: Runtime, fn: 'closeCycle' | 'reopenCycle'): void {
  const res = ok<CyclesResult>(rt.run(fn, [{ cycle: '2026-Q3' }], { as: LEAD }));
  if (!res.ok) throw new Error(`${fn}: ${res.error}`);
}

test("close → the owner's retrospective with an adjusted score → reopen → another row fixed → close again: the retrospective and the adjusted score are still the truth", async () => {
  const rt = await Runtime.open({
    workbook: twoCycleWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: NOW },
  });
  rt.run('enableWeeklyEmails', [], { as: LEAD });
  cycleCall(rt, 'closeCycle');
  const saved = ok<ActionResult>(
    rt.run(
      'saveRetrospective',
      [
        {
          id: 'O1.1',
          cycle: '2026-Q3',
          happened: 'Pilot slipped',
          learned: 'Book pilots early',
          score: 0.6,
          reason: 'Signed after the end',
        },
      ],
      { as: ANA },
    ),
  );
  expect(saved.ok).toBe(true);
  const first = rt.tick('2026-10-05T12:00:00Z');

  cycleCall(rt, 'reopenCycle');
  // The row the Lead reopened for: O1.3 really was at 90.
  const fixed = ok<ActionResult>(
    rt.run('checkIn', [{ id: 'O1.3', current: 90, confidence: 'on-track' }], { as: ANA }),
  );
  expect(fixed.ok).toBe(true);
  cycleCall(rt, 'closeCycle');

  const latest = new Map(rows(rt, 'Results').map((r) => [r.ID, r]));
  expect(latest.get('O1.1')).toMatchObject({
    Score: 0.6,
    'Computed score': 0.4,
    Reason: 'Signed after the end',
    'What happened': 'Pilot slipped',
    'What we learned': 'Book pilots early',
  });
  expect(latest.get('O1.3')).toMatchObject({ Score: 0.9, 'Computed score': 0.9, 'What happened': '' });

  const refresh = ok<{ sections: Record<string, { startRow: number; rows: number }> }>(
    rt.run('refreshSummary', [], { as: LEAD }),
  );
  const { startRow, rows: count } = refresh.sections.results;
  const section = rt.workbook.values('Summary').slice(startRow - 1, startRow - 1 + count);
  const byId = new Map(section.map((r) => [r[0], r]));
  expect(byId.get('O1.1')?.slice(4, 10)).toEqual([
    0.6,
    'Yellow (0.4–0.7)',
    0.4,
    'Signed after the end',
    'Pilot slipped',
    'Book pilots early',
  ]);
  expect(byId.get('O1.3')?.[4]).toBe(0.9);

  // Written once, not asked again; O1.3's retrospective was never written, so it still is.
  const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
  expect(state.retrospectives?.map((r) => r.id)).toEqual(['O1.3']);

  // The closing email goes again, with the new scores (O1: mean of 0.6, 1 and 0.9; 0.6, 1 and 0.7 before).
  const second = rt.tick('2026-10-12T12:00:00Z');
  const closing = (emails: typeof first.emails) =>
    emails.filter((e) => /^OKR results: /.test(e.subject)).map((e) => [e.to, e.subject]);
  expect(closing(first.emails)).toEqual([[BOSS, 'OKR results: 2026-Q3 closed, average score 0.8']]);
  // The retrospective written before the reopen counts in the new email too.
  const body = second.emails.find((e) => /^OKR results: /.test(e.subject))?.body;
  expect(body).toContain('1 retrospective written so far');
  expect(closing(second.emails)).toEqual([[BOSS, 'OKR results: 2026-Q3 closed, average score 0.8']]);
});
