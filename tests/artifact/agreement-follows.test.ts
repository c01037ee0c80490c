// Acceptance follows the owner and the target, through the built add-on in the local runtime: a new
// owner (Assign, a typed or pasted Owner cell, Import) clears the acceptance and logs it; a Target
// edited after the agreement and an Accepted date typed by hand are flagged until agreed again.
import { Runtime, Workbook } from '../../local/runtime';
import type { ActionResult, CheckSheetResult } from '../../src/api';
import { AGREEMENT_HEADERS, ANA, agreementTabs, BEN, LEE, MIA, NOW } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';

const ACCEPTED = new Date(NOW - 5 * 86_400_000);
/** O1.1 accepted by Ana at Target 100, as the log shows. */
const AGREED_LOG = [
  AGREEMENT_HEADERS,
  [ACCEPTED, 'O1.1', 'Accepted', ANA, ANA, '', 'Target 100 · Start 0 · Due 2026-12-31', ''],
];

async function open(extra: Record<string, unknown[][]> = {}): Promise<Runtime> {
  const tabs = { ...agreementTabs({ agreements: AGREED_LOG, accepted: { 'O1.1': ACCEPTED } }), ...extra };
  const workbook = Workbook.fromRows(tabs, { timeZone: 'UTC' });
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function cell(rt: Runtime, id: string, header: string): unknown {
  const [head, ...rows] = rt.workbook.values('OKRs');
  return (rows.find((r) => r[0] === id) as unknown[])[head.indexOf(header)];
}

/** The log's steps after the seeded one, as [ID, Step, By, Owner, Reason]. */
const newSteps = (rt: Runtime) =>
  rt.workbook
    .values('Agreements')
    .slice(2)
    .map((r) => [r[1], r[2], r[3], r[4], r[7]]);

function problems(rt: Runtime, id: string): string[] {
  const r = rt.run('validateOkrs', [], { as: LEE });
  return (r.result as CheckSheetResult).problems.filter((p) => p.id === id).map((p) => p.code);
}

describe('a new owner is asked: the acceptance is cleared and logged', () => {
  test('by Assign owners in the sidebar', async () => {
    const rt = await open();
    const res = rt.run('assignOwner', [{ ids: ['O1.1'], email: BEN }], { as: LEE }).result as ActionResult;
    expect(res).toMatchObject({ ok: true });
    expect(cell(rt, 'O1.1', 'Accepted')).toBe('');
    expect(newSteps(rt)).toEqual([['O1.1', 'Cleared', LEE, BEN, 'New owner (Assign owners)']]);
    expect(problems(rt, 'O1.1')).toEqual(['owner-pending']);
  });

  test('by a typed Owner cell (onEdit)', async () => {
    const rt = await open();
    const r = rt.edit({ range: 'OKRs!E3', value: BEN, as: LEE });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ cleared: 1 });
    expect(cell(rt, 'O1.1', 'Accepted')).toBe('');
    expect(newSteps(rt)).toEqual([['O1.1', 'Cleared', '', BEN, 'New owner typed or pasted in the sheet']]);
    expect(problems(rt, 'O1.1')).toEqual(['owner-pending']);
  });

  test('by a pasted block of Owner cells (no oldValue: the log says who owned it)', async () => {
    const rt = await open();
    // Ana's O1.1 goes to Ben, Ben's O1.2 stays Ben's.
    const r = rt.edit({ range: 'OKRs!E3:E4', values: [[BEN], [BEN]], paste: true, as: LEE });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ cleared: 1 });
    expect(cell(rt, 'O1.1', 'Accepted')).toBe('');
    expect(newSteps(rt).map((s) => [s[0], s[1], s[3]])).toEqual([['O1.1', 'Cleared', BEN]]);
  });

  test('typing the same owner again clears nothing', async () => {
    const rt = await open();
    const r = rt.edit({ range: 'OKRs!E3', value: ANA, as: LEE });
    expect(r.result).not.toHaveProperty('cleared');
    expect(cell(rt, 'O1.1', 'Accepted')).toEqual(ACCEPTED);
    expect(newSteps(rt)).toEqual([]);
  });

  test('by Import: an acceptance in the source is not carried over, and the step is logged', async () => {
    const rt = await open({
      'Flat OKRs': [
        ['Objective', 'Key result', 'Owner', 'Target', 'Accepted'],
        ['Grow revenue', 'ARR to $2M', MIA, 2000000, '2026-11-01'],
      ],
    });
    const r = rt.run('importOkrs', [{ sheetName: 'Flat OKRs' }], { as: LEE });
    expect(r.result).toMatchObject({ ok: true, keyResults: 1 });
    expect(cell(rt, 'O2.1', 'Owner')).toBe(MIA);
    expect(cell(rt, 'O2.1', 'Accepted')).toBe('');
    expect(newSteps(rt)).toEqual([
      ['O2.1', 'Cleared', LEE, MIA, 'Imported: the owner accepts in the sidebar'],
    ]);
    expect(problems(rt, 'O2.1')).toContain('owner-pending');
  });
});

describe('what the log does not back is flagged', () => {
  test('a Target edited after the agreement, until owner and approver agree again', async () => {
    const rt = await open();
    expect(problems(rt, 'O1.1')).toEqual([]);
    rt.edit({ range: 'OKRs!J3', value: 120, as: LEE });
    const r = rt.run('validateOkrs', [], { as: LEE }).result as CheckSheetResult;
    const flagged = r.problems.find((p) => p.id === 'O1.1');
    expect(flagged).toMatchObject({
      code: 'target-changed-after-agreement',
      severity: 'warning',
      cell: 'OKRs!J3',
      message: `Key result O1.1 (row 3): the Target is 120, but ${ANA} and the approver agreed 100.`,
      hint: `Set the Target back to 100, or ask ${ANA} to propose 120 in the sidebar for the approver to agree.`,
    });
    // The owner proposes the new figure; her Manager agrees: the warning goes.
    const propose = rt.run('proposeAgreement', [{ id: 'O1.1', target: 120, reason: 'New target' }], {
      as: ANA,
    });
    expect(propose.result).toMatchObject({ ok: true });
    expect(problems(rt, 'O1.1')).toEqual(['target-changed-after-agreement']);
    expect(rt.run('respondAgreement', [{ id: 'O1.1', answer: 'agree' }], { as: MIA }).result).toMatchObject({
      ok: true,
    });
    expect(problems(rt, 'O1.1')).toEqual([]);
  });

  test('an Accepted date typed by hand', async () => {
    const rt = await open();
    rt.edit({ range: 'OKRs!O4', value: '2026-11-20', as: LEE });
    const r = rt.run('validateOkrs', [], { as: LEE }).result as CheckSheetResult;
    expect(r.problems.filter((p) => p.id === 'O1.2')).toEqual([
      expect.objectContaining({
        code: 'accepted-not-agreed',
        severity: 'error',
        cell: 'OKRs!O4',
        message: `Key result O1.2 (row 4) shows an Accepted date, but the Agreements log has no acceptance by ${BEN}.`,
      }),
    ]);
  });
});
