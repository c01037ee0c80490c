// Closing a cycle and rolling over, through the built add-on in the local runtime: scores written
// to the Results tab, owners asked for a retrospective, closed rows read-only (no check-in, no
// nagging, no email asking for a check-in), roll-over one at a time and all at once.
import { type RunResult, Runtime } from '../../local/runtime';
import type { ActionResult, CheckSheetResult, CyclesResult, SidebarState } from '../../src/api';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { ensureBuilt } from '../helpers/build';

const { LEAD, ANA, BEN, BOSS, NOW } = CYCLE_PEOPLE;

async function open(userLocales: Record<string, string> = {}): Promise<Runtime> {
  return Runtime.open({
    workbook: twoCycleWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: NOW, userLocales },
  });
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

function rows(rt: Runtime, tab: string): Array<Record<string, unknown>> {
  const [header, ...rest] = rt.workbook.values(tab);
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function close(rt: Runtime, cycle = '2026-Q3', as = LEAD): CyclesResult {
  return ok<CyclesResult>(rt.run('closeCycle', [{ cycle }], { as }));
}

describe('closing a cycle', () => {
  test('a Lead closes: every key result scored once in Results, by the one score rule; closing again is refused', async () => {
    const rt = await open();
    const res = close(rt);
    expect(res).toMatchObject({ ok: true, message: expect.stringContaining('2026-Q3') });
    const results = rows(rt, 'Results');
    expect(results.map((r) => [r.Cycle, r.ID, r.Score, r['Computed score'], r.By])).toEqual([
      ['2026-Q3', 'O1.1', 0.4, 0.4, LEAD],
      ['2026-Q3', 'O1.2', 1, 1, LEAD],
      ['2026-Q3', 'O1.3', 0.7, 0.7, LEAD],
    ]);
    if (!res.ok) throw new Error('refused');
    const q3 = res.view.cycles.find((c) => c.name === '2026-Q3');
    expect(q3).toMatchObject({ closed: true, keyResults: 3, next: '2026-Q4' });
    expect(q3?.unfinished.map((u) => u.id)).toEqual(['O1.1', 'O1.3']);
    expect(res.view.cycles.find((c) => c.name === '2026-Q4')).toMatchObject({ closed: false });
    const again = close(rt);
    expect(again).toMatchObject({ ok: false, error: '2026-Q3 is already closed.' });
    expect(rows(rt, 'Results')).toHaveLength(3);
  });

  test('a Member cannot close a cycle: refused, nothing written', async () => {
    const rt = await open();
    const before = JSON.stringify(rt.workbook.sheetNames().map((n) => rt.workbook.values(n)));
    const res = close(rt, '2026-Q3', ANA);
    expect(res.ok).toBe(false);
    expect(JSON.stringify(rt.workbook.sheetNames().map((n) => rt.workbook.values(n)))).toBe(before);
    expect(ok<CyclesResult>(rt.run('getCycles', [], { as: ANA }))).toMatchObject({
      ok: true,
      view: { canClose: false, cycles: [{ name: '2026-Q3', closed: false }, { name: '2026-Q4' }] },
    });
  });

  test('after the close: check-in, accept and assign on its rows are refused; problems stop nagging; the owner is asked for a retrospective', async () => {
    const rt = await open();
    const before = ok<CheckSheetResult>(rt.run('validateOkrs', [], { as: LEAD }));
    expect(before.problems.filter((p) => p.id === 'O1.1').map((p) => p.code)).toContain('stale');
    close(rt);
    const checkIn = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 50, confidence: 'on-track' }], { as: ANA }),
    );
    expect(checkIn).toMatchObject({
      ok: false,
      error: expect.stringContaining('O1.1 belongs to 2026-Q3, which is closed'),
    });
    const assign = ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O1.3'], email: BEN }], { as: LEAD }));
    expect(assign).toMatchObject({ ok: false, error: expect.stringContaining('O1.3 belongs to 2026-Q3') });
    expect(rows(rt, 'OKRs').find((r) => r.ID === 'O1.3')?.Owner).toBe(ANA);
    expect(rows(rt, 'Check-ins')).toHaveLength(0);
    // The open cycle's rows still take check-ins.
    expect(
      ok<ActionResult>(rt.run('checkIn', [{ id: 'O2.1', current: 20, confidence: 'on-track' }], { as: ANA }))
        .ok,
    ).toBe(true);

    const after = ok<CheckSheetResult>(rt.run('validateOkrs', [], { as: LEAD }));
    expect(after.problems.filter((p) => p.id?.startsWith('O1.'))).toEqual([]);

    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(state.mine.filter((k) => k.id.startsWith('O1.')).map((k) => k.needs)).toEqual([[], []]);
    expect(state.retrospectives?.map((r) => [r.id, r.cycle, r.score])).toEqual([
      ['O1.1', '2026-Q3', 0.4],
      ['O1.3', '2026-Q3', 0.7],
    ]);
  });

  test('the refusal in Japanese names the key result and its closed cycle', async () => {
    const rt = await open({ [ANA]: 'ja' });
    close(rt);
    const ja = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 50, confidence: 'on-track' }], { as: ANA }),
    );
    expect(ja).toMatchObject({ ok: false, error: expect.stringContaining('O1.1は終了したサイクル2026-Q3') });
  });

  test('the retrospective: saved to Results as the whole record; an adjusted score needs a reason; then nothing is asked', async () => {
    const rt = await open();
    close(rt);
    const noReason = ok<ActionResult>(
      rt.run(
        'saveRetrospective',
        [{ id: 'O1.1', cycle: '2026-Q3', happened: 'Late start', learned: '', score: 0.6 }],
        {
          as: ANA,
        },
      ),
    );
    expect(noReason).toMatchObject({ ok: false, field: 'reason' });
    const byBen = ok<ActionResult>(
      rt.run('saveRetrospective', [{ id: 'O1.1', cycle: '2026-Q3', happened: 'x', learned: 'y' }], {
        as: BEN,
      }),
    );
    expect(byBen.ok).toBe(false);
    const saved = ok<ActionResult>(
      rt.run(
        'saveRetrospective',
        [
          {
            id: 'O1.1',
            cycle: '2026-Q3',
            happened: '=Late start',
            learned: 'Start with the pilot',
            score: 0.6,
            reason: 'Signed after the end',
          },
        ],
        { as: ANA },
      ),
    );
    expect(saved).toMatchObject({ ok: true, message: 'Saved the retrospective of O1.1.' });
    if (!saved.ok) throw new Error('refused');
    expect(saved.state.retrospectives?.map((r) => r.id)).toEqual(['O1.3']);
    const last = rows(rt, 'Results').at(-1);
    expect(last).toMatchObject({
      ID: 'O1.1',
      By: ANA,
      Score: 0.6,
      'Computed score': 0.4,
      Reason: 'Signed after the end',
      'What happened': '=Late start',
      'What we learned': 'Start with the pilot',
    });
  });

  test('the Summary gets a Results section: scores per key result and per objective, the retrospectives', async () => {
    const rt = await open();
    close(rt);
    ok(
      rt.run(
        'saveRetrospective',
        [
          {
            id: 'O1.1',
            cycle: '2026-Q3',
            happened: 'Pilot slipped',
            learned: 'Book pilots early',
            score: 0.5,
            reason: 'Late deal',
          },
        ],
        { as: ANA },
      ),
    );
    const refresh = ok<{ ok: boolean; sections: Record<string, { startRow: number; rows: number }> }>(
      rt.run('refreshSummary', [], { as: LEAD }),
    );
    expect(refresh.sections.results).toBeDefined();
    const values = rt.workbook.values('Summary');
    const start = refresh.sections.results.startRow;
    const section = values.slice(start - 1, start - 1 + refresh.sections.results.rows);
    expect(section[1][0]).toBe('Results of 2026-Q3 (closed)');
    const byId = new Map(section.slice(3).map((r) => [r[0], r]));
    // O1: mean of 0.5, 1 and 0.7 → 0.7 (score() of the mean progress).
    expect(byId.get('O1')?.[4]).toBe(0.7);
    expect(byId.get('O1.1')?.slice(0, 10)).toEqual([
      'O1.1',
      'Result O1.1',
      'Ana',
      0.38,
      0.5,
      'Yellow (0.4–0.7)',
      0.4,
      'Late deal',
      'Pilot slipped',
      'Book pilots early',
    ]);
    expect(byId.get('O1.2')?.[4]).toBe(1);
    // The closed cycle's rows left the live sections: the objectives table lists only O2.
    const objectives = values.slice(
      refresh.sections.objectives.startRow - 1,
      refresh.sections.objectives.startRow - 1 + refresh.sections.objectives.rows,
    );
    expect(objectives.map((r) => r[0]).filter((v) => /^O\d/.test(String(v)))).toEqual(['O2']);
  });

  test('after the close no weekly email asks for a check-in on it, and leadership gets no report of it', async () => {
    const rt = await open();
    close(rt);
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    const week = rt.tick('2026-10-05T12:00:00Z');
    const toAna = week.emails.find((e) => e.to === ANA);
    expect(toAna?.body).toContain('O2.1');
    expect(toAna?.body).not.toContain('O1.1');
    expect(week.emails.some((e) => e.to === BEN)).toBe(false);
    for (const e of week.emails) expect(e.body).not.toMatch(/O1\.[123]/);
  });

  test('leadership gets exactly one closing email, even with ticks doubled and in the weeks after', async () => {
    const rt = await open();
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    close(rt);
    const uid = rt.triggers().find((t) => t.handler === 'onTick')?.id;
    const week = rt.tick('2026-10-05T12:00:00Z');
    // The same tick fired twice more (a doubled trigger, google.script.run by the Lead): nothing new.
    const doubled = [1, 2].flatMap(() => rt.run('onTick', [{ triggerUid: uid }], { as: LEAD }).emails);
    const later = rt.tick('2026-10-20T12:00:00Z');
    const closing = [...week.emails, ...doubled, ...later.emails].filter((e) =>
      /^OKR results: /.test(e.subject),
    );
    expect(closing.map((e) => [e.to, e.subject])).toEqual([
      [BOSS, 'OKR results: 2026-Q3 closed, average score 0.7'],
    ]);
    const mail = closing[0];
    expect(mail.body).toContain('O1 Grow: Score 0.7');
    expect(Buffer.byteLength(mail.htmlBody ?? '')).toBeLessThan(80_000);
    // The weekly digest still goes to leadership, about the open cycle only.
    expect(week.emails.filter((e) => e.to === BOSS)).toHaveLength(2);
  });

  test("a cycle closed after the week's run is announced by the next week's run", async () => {
    const rt = await open();
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    const first = rt.tick('2026-10-05T12:00:00Z');
    expect(first.emails.some((e) => /^OKR results/.test(e.subject))).toBe(false);
    close(rt);
    const next = rt.tick('2026-10-12T12:00:00Z');
    expect(next.emails.filter((e) => /^OKR results/.test(e.subject)).map((e) => e.to)).toEqual([BOSS]);
  });
});

describe('rolling over', () => {
  test('one at a time, then all: new IDs linked to the previous ones, owner kept, agreement reset, baseline = last value, history logged', async () => {
    const rt = await open();
    const refused = ok<CyclesResult>(rt.run('rollOver', [{ cycle: '2026-Q3', to: '2026-Q4' }], { as: LEAD }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('not closed yet') });
    close(rt);
    expect(ok<CyclesResult>(rt.run('rollOver', [{ cycle: '2026-Q3', to: '2026-Q4' }], { as: ANA })).ok).toBe(
      false,
    );

    const one = ok<CyclesResult>(
      rt.run('rollOver', [{ cycle: '2026-Q3', to: '2026-Q4', ids: ['O1.3'] }], { as: LEAD }),
    );
    expect(one).toMatchObject({ ok: true, message: expect.stringContaining('O1.3 → O3.1') });
    const okrs = rows(rt, 'OKRs');
    expect(okrs.find((r) => r.ID === 'O3')).toMatchObject({
      Type: 'Objective',
      Title: 'Grow',
      Cycle: '2026-Q4',
      'Carried from': 'O1',
    });
    expect(okrs.find((r) => r.ID === 'O3.1')).toMatchObject({
      Parent: 'O3',
      Owner: ANA,
      Cycle: '2026-Q4',
      Start: 70,
      Current: 70,
      Target: 100,
      Accepted: '',
      Confidence: '',
      'Last check-in': '',
      'Carried from': 'O1.3',
    });
    // The old row and its history stay; the new row's log starts with where it came from.
    expect(okrs.find((r) => r.ID === 'O1.3')).toMatchObject({ Cycle: '2026-Q3', Current: 70 });
    expect(rows(rt, 'Check-ins').at(-1)).toMatchObject({
      ID: 'O3.1',
      Current: 70,
      Note: expect.stringContaining('O1.3'),
    });

    const twice = ok<CyclesResult>(
      rt.run('rollOver', [{ cycle: '2026-Q3', to: '2026-Q4', ids: ['O1.3'] }], { as: LEAD }),
    );
    expect(twice).toMatchObject({ ok: false, error: expect.stringContaining('already carried over') });

    const all = ok<CyclesResult>(rt.run('rollOver', [{ cycle: '2026-Q3', to: '2026-Q4' }], { as: LEAD }));
    expect(all).toMatchObject({ ok: true, message: expect.stringContaining('O1.1 → O3.2') });
    if (!all.ok) throw new Error('refused');
    expect(all.view.cycles.find((c) => c.name === '2026-Q3')?.unfinished).toEqual([]);
    const carried = rows(rt, 'OKRs').filter((r) => r['Carried from']);
    expect(carried.map((r) => [r.ID, r['Carried from']])).toEqual([
      ['O3', 'O1'],
      ['O3.1', 'O1.3'],
      ['O3.2', 'O1.1'],
    ]);
    // The owner is asked to accept the carried key results again.
    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(state.mine.find((k) => k.id === 'O3.2')?.needs).toContain('pending');
  });
});
