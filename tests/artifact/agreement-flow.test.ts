// Ownership as an agreement, through the built add-on in the local runtime: the owner proposes, the
// approver counters, the owner agrees; the approver refuses; nobody approves their own proposal and a
// Member who is not the approver is refused. Every step lands in the Agreements log; a refusal
// changes nothing.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { ActionResult, SidebarState, TeamViewResult } from '../../src/api';
import { ANA, agreementTabs, BEN, LEE, LEO, MIA, NOW } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(agreementTabs(), { timeZone: 'UTC' });
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function answer(r: RunResult): ActionResult {
  if (!r.ok) throw new Error(`${r.function} threw: ${r.error?.message}`);
  return r.result as ActionResult;
}

function row(rt: Runtime, id: string): Record<string, unknown> {
  const [head, ...rows] = rt.workbook.values('OKRs');
  const found = rows.find((r) => r[0] === id) as unknown[];
  return Object.fromEntries(head.map((h, i) => [String(h), found[i]]));
}

/** The log's rows as [ID, Step, By, Owner, From, To, Reason] (time left out). */
const log = (rt: Runtime) =>
  rt.workbook
    .values('Agreements')
    .slice(1)
    .map((r) => r.slice(1));
const everything = (rt: Runtime) =>
  JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));

function versionOf(rt: Runtime, id: string, as: string): string {
  const state = answer(rt.run('getSidebarState', [], { as })) as unknown as SidebarState;
  const i = state.table.id.indexOf(id);
  return state.table.version.slice(i * 6, i * 6 + 6);
}

describe('propose → counter → agree', () => {
  test('the agreed figures land on the row with the acceptance, and every step is logged', async () => {
    const rt = await open();
    const proposed = answer(
      rt.run(
        'proposeAgreement',
        [{ id: 'O1.1', target: 80, reason: 'Two of us are on leave', version: versionOf(rt, 'O1.1', ANA) }],
        { as: ANA },
      ),
    );
    // The approver by her name in Team (Mia), not her email.
    expect(proposed).toMatchObject({ ok: true, message: 'Proposed for O1.1; Mia will answer.' });
    // Waits for Mia, in her sidebar at once, naming Ana by name beside her email.
    const mias = answer(rt.run('getSidebarState', [], { as: MIA })) as unknown as SidebarState;
    expect(mias.agreements?.waiting).toEqual([
      expect.objectContaining({
        id: 'O1.1',
        status: 'proposed',
        waitsFor: 'me-approver',
        offer: { target: 80, start: 0, due: '2026-12-31' },
        owner: ANA,
        ownerName: 'Ana',
        offeredBy: ANA,
        offeredByName: 'Ana',
        approver: MIA,
        approverName: 'Mia',
      }),
    ]);
    expect(row(rt, 'O1.1').Target).toBe(100);

    const countered = answer(
      rt.run(
        'respondAgreement',
        [{ id: 'O1.1', answer: 'counter', target: 90, reason: 'Let us aim for 90' }],
        { as: MIA },
      ),
    );
    expect(countered).toMatchObject({ ok: true });
    const anas = answer(rt.run('getSidebarState', [], { as: ANA })) as unknown as SidebarState;
    expect(anas.agreements?.waiting).toEqual([
      expect.objectContaining({ id: 'O1.1', status: 'countered', waitsFor: 'me-owner' }),
    ]);

    const agreed = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: ANA }));
    expect(agreed).toMatchObject({ ok: true, message: 'Agreed O1.1: Target 90 · Start 0 · Due 2026-12-31.' });
    const r = row(rt, 'O1.1');
    expect(r.Target).toBe(90);
    // Today (the runtime's clock moves on with each execution's modeled time).
    expect((r.Accepted as Date).getTime()).toBeGreaterThanOrEqual(NOW);
    expect(log(rt)).toEqual([
      [
        'O1.1',
        'Proposed',
        ANA,
        ANA,
        'Target 100 · Start 0 · Due 2026-12-31',
        'Target 80 · Start 0 · Due 2026-12-31',
        'Two of us are on leave',
      ],
      [
        'O1.1',
        'Countered',
        MIA,
        ANA,
        'Target 80 · Start 0 · Due 2026-12-31',
        'Target 90 · Start 0 · Due 2026-12-31',
        'Let us aim for 90',
      ],
      [
        'O1.1',
        'Agreed',
        ANA,
        ANA,
        'Target 100 · Start 0 · Due 2026-12-31',
        'Target 90 · Start 0 · Due 2026-12-31',
        '',
      ],
    ]);
    // Agreed: no problem about it, and the history is in the owner's sidebar.
    const after = answer(rt.run('getSidebarState', [], { as: ANA })) as unknown as SidebarState;
    expect(after.problems.list.filter((p) => p.id === 'O1.1')).toEqual([]);
    expect(after.agreements?.mine.find((a) => a.id === 'O1.1')?.history.map((h) => h.step)).toEqual([
      'proposed',
      'countered',
      'agreed',
    ]);
  });
});

describe('refuse', () => {
  test('the approver refuses; the owner then accepts the original figures', async () => {
    const rt = await open();
    answer(rt.run('proposeAgreement', [{ id: 'O1.2', target: 30, reason: 'Too much' }], { as: BEN }));
    // Ben has no Manager: any Lead answers.
    const refused = answer(
      rt.run('respondAgreement', [{ id: 'O1.2', answer: 'refuse', reason: 'We need 50' }], { as: LEO }),
    );
    expect(refused).toMatchObject({
      ok: true,
      message: 'Refused the proposal for O1.2; Ben may accept the original or decline.',
    });
    expect(row(rt, 'O1.2').Target).toBe(50);
    expect(row(rt, 'O1.2').Accepted).toBe('');
    const bens = answer(rt.run('getSidebarState', [], { as: BEN })) as unknown as SidebarState;
    expect(bens.agreements?.waiting).toEqual([
      expect.objectContaining({ id: 'O1.2', status: 'refused', reason: 'We need 50' }),
    ]);
    expect(answer(rt.run('acceptOwnership', [{ id: 'O1.2' }], { as: BEN }))).toMatchObject({ ok: true });
    expect(log(rt).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['Proposed', BEN, 'Target 30 · Start 10 · Due 2026-12-31'],
      ['Refused', LEO, ''],
      ['Accepted', BEN, 'Target 50 · Start 10 · Due 2026-12-31'],
    ]);
    const after = answer(rt.run('getSidebarState', [], { as: BEN })) as unknown as SidebarState;
    expect(after.agreements?.waiting).toEqual([]);
    expect(after.problems.list.filter((p) => p.id === 'O1.2')).toEqual([]);
  });
});

describe('who may answer', () => {
  test('nobody approves their own proposal, and the refusal changes nothing', async () => {
    const rt = await open();
    answer(rt.run('proposeAgreement', [{ id: 'O1.3', target: 8, reason: 'Smaller team' }], { as: LEE }));
    const before = everything(rt);
    const own = answer(rt.run('respondAgreement', [{ id: 'O1.3', answer: 'agree' }], { as: LEE }));
    expect(own).toMatchObject({ ok: false, error: 'Nobody approves their own proposal: a Lead answers it.' });
    expect(everything(rt)).toBe(before);
    // Another Lead may.
    expect(answer(rt.run('respondAgreement', [{ id: 'O1.3', answer: 'agree' }], { as: LEO }))).toMatchObject({
      ok: true,
    });
    expect(row(rt, 'O1.3').Target).toBe(8);
  });

  test('a Member who is not the approver is refused, and nothing changes', async () => {
    const rt = await open();
    answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA }));
    const before = everything(rt);
    for (const [as, answerWith] of [
      [BEN, 'agree'],
      [BEN, 'refuse'],
      [LEE, 'agree'],
    ] as const) {
      const r = answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: answerWith, reason: 'x' }], { as }));
      expect(r).toMatchObject({ ok: false, error: 'You cannot answer this proposal: it waits for Mia.' });
    }
    expect(everything(rt)).toBe(before);
  });

  test('only the owner proposes; a stale version and bad input are refused with nothing written', async () => {
    const rt = await open();
    const before = everything(rt);
    expect(
      answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'x' }], { as: BEN })),
    ).toMatchObject({
      ok: false,
      error: 'Only the owner of O1.1 (Ana) can do this.',
    });
    expect(
      answer(
        rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'x', version: 'zzzzzz' }], { as: ANA }),
      ),
    ).toMatchObject({
      ok: false,
      changed: true,
    });
    expect(
      answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: '80', reason: 'x' }], { as: ANA })),
    ).toMatchObject({
      ok: false,
      field: 'target',
    });
    expect(answer(rt.run('proposeAgreement', [{ id: 'O1.1', target: 80 }], { as: ANA }))).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(answer(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA }))).toMatchObject({
      ok: false,
      error: 'O1.1 has no proposal waiting for an answer.',
    });
    expect(everything(rt)).toBe(before);
  });
});

describe("a proposal in the manager's My team", () => {
  test('shows under "proposed" while it waits, and leaves the group once agreed', async () => {
    const rt = await open();
    const proposedIds = () => {
      const view = rt.run('getTeamView', [], { as: MIA }).result as TeamViewResult;
      if (!view.ok) throw new Error(view.error);
      return view.groups.find((g) => g.need === 'proposed')?.items.map((i) => i.id) ?? [];
    };
    expect(proposedIds()).toEqual([]);
    answer(
      rt.run(
        'proposeAgreement',
        [{ id: 'O1.1', target: 80, reason: 'Two of us are on leave', version: versionOf(rt, 'O1.1', ANA) }],
        { as: ANA },
      ),
    );
    expect(proposedIds()).toEqual(['O1.1']);
    answer(
      rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree', version: versionOf(rt, 'O1.1', MIA) }], {
        as: MIA,
      }),
    );
    expect(proposedIds()).toEqual([]);
  });
});
