// The sidebar's endpoints in the built dist/Code.js, run by the local runtime as different users:
// who may do what, runtime validation, writes by ID (after sorting, deleting, concurrent check-ins),
// the Check-ins log, and the state's size on a 5,000-row sheet.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { costOf } from '../../local/runtime/latency';
import { BUDGETS } from '../../scripts/bench/budgets';
import { applyCheckIn, withoutKeyResult } from '../../sidebar/logic';
import type {
  ActionResult,
  ActiveOkr,
  CheckInOk,
  CheckInResult,
  KeyResultResult,
  SettingsResult,
  SidebarState,
} from '../../src/api';
import { AGREEMENT_HEADERS } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';
import { bigSheet, NOW, OKR_HEADER, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

async function open(tabs: Record<string, unknown[][]> = {}): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER], ...tabs },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

/** An Agreements log of `steps` acceptances (of IDs not on the sheet): the set-up's, grown. */
function bigAgreementLog(steps: number): unknown[][] {
  const rows = Array.from({ length: steps }, (_, i) => [
    new Date(NOW - 86_400_000),
    `X${i + 1}.1`,
    'Accepted',
    'p1@example.com',
    'p1@example.com',
    '',
    'Target 10 · Start 0',
    '',
  ]);
  return [AGREEMENT_HEADERS, ...rows];
}

const logCells = (log: unknown[][]) => log.length * (log[0] as unknown[]).length;

/** Cells transferred by value reads in a call trace (getValues, getSheetValues). */
function cellsRead(trace: Array<{ method: string; cells: number }>): number {
  return trace.filter((c) => /getValues|getSheetValues/.test(c.method)).reduce((a, c) => a + c.cells, 0);
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

/** Values of a tab as plain JSON (Dates as ISO strings), to compare before and after. */
function snapshot(rt: Runtime): string {
  return JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));
}

function rowOf(rt: Runtime, id: string): Record<string, unknown> {
  const [header, ...rows] = rt.workbook.values('OKRs');
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  return Object.fromEntries(header.map((h, i) => [String(h), row[i]]));
}

function logRows(rt: Runtime): unknown[][] {
  return rt.workbook.values('Check-ins').slice(1);
}

const iso = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : v;

/** A date written "now": the virtual clock moves on by each service call's latency, so allow a few seconds. */
function near(v: unknown, at: number): boolean {
  return Object.prototype.toString.call(v) === '[object Date]' && Math.abs((v as Date).getTime() - at) < 5000;
}

/** Modeled times the tests below record, for the budgets checked at the end of the file. */
const modeled: { decline?: number; checkIn?: number; getKeyResult?: number } = {};

describe('getSidebarState', () => {
  test('each user gets their own key results and rights; the state is JSON-safe', async () => {
    const rt = await open();
    const ana = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(ana.mine.map((k) => k.id)).toEqual(['O1.1', 'O1.2', 'O2.3']);
    expect(ana.can.manage).toBe(false);
    expect(ana.problems.errors).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(ana))).toEqual(ana);
    const lead = ok<SidebarState>(rt.run('getSidebarState', [], { as: LEAD }));
    expect(lead.can.manage).toBe(true);
    expect(lead.mine).toEqual([]);
    const nobody = ok<SidebarState>(rt.run('getSidebarState', [], { as: '' }));
    expect(nobody.me.email).toBe('');
    expect(nobody.can.manage).toBe(false);
  });

  test('a spreadsheet without an OKRs tab says so instead of failing', async () => {
    const rt = await Runtime.open({
      workbook: Workbook.fromRows({ Sheet1: [['hello']] }),
      projectDir: ensureBuilt(),
    });
    const s = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(s.setUp).toBe(false);
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 1, confidence: 'on-track' }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('Set up OKR sheet') });
  });
});

describe('checkIn', () => {
  test('the owner checks in: the row by ID and the Check-ins log change together', async () => {
    const rt = await open();
    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    const nps = state.mine.find((k) => k.id === 'O1.1')!;
    rt.setTime(NOW + 3600_000);
    const res = ok<CheckInResult>(
      rt.run(
        'checkIn',
        [{ id: 'O1.1', current: 35, confidence: 'at-risk', note: 'slower', version: nps.version }],
        {
          as: ANA,
        },
      ),
    );
    expect(res).toMatchObject({ ok: true, message: 'Checked in on O1.1.' });
    const row = rowOf(rt, 'O1.1');
    expect(row.Current).toBe(35);
    expect(row.Progress).toBe(0.75);
    expect(row.Confidence).toBe('At risk');
    expect(near(row['Last check-in'], NOW + 3600_000)).toBe(true);
    expect(row.Note).toBe('slower');
    const log = logRows(rt);
    expect(log.map((r) => r.slice(1))).toEqual([['O1.1', ANA, 35, 0.75, 'At risk', 'slower']]);
    expect(near(log[0][0], NOW + 3600_000)).toBe(true);
    // What changed comes back: the key result with its new values and a new version.
    const done = res as CheckInOk;
    expect(done.item).toMatchObject({ id: 'O1.1', current: 35, progress: 75, confidence: 'at-risk' });
    expect(done.item.daysSinceCheckIn).toBe(0);
    expect(done.item.version).not.toBe(nps.version);
  });

  test('the sidebar applying what a check-in changed gets the state a full reload would show', async () => {
    // O1.2 is stale; O1.1's Current is unreadable. A check-in on each fixes that problem.
    const rows = okrRows();
    const header = rows[0] as string[];
    const o11 = rows.find((r) => r[0] === 'O1.1') as unknown[];
    o11[header.indexOf('Current')] = 'lots';
    const rt = await open({ OKRs: rows });
    let state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    const codesOf = (s: SidebarState, id: string) =>
      s.problems.list.filter((p) => p.id === id).map((p) => p.code);
    expect(codesOf(state, 'O1.2')).toContain('stale');
    expect(codesOf(state, 'O1.1')).toContain('value-not-number');
    for (const [id, fixed] of [
      ['O1.2', 'stale'],
      ['O1.1', 'value-not-number'],
    ]) {
      const kr = state.mine.find((k) => k.id === id)!;
      const res = ok<CheckInResult>(
        rt.run('checkIn', [{ id, current: 10, confidence: 'on-track', version: kr.version }], { as: ANA }),
      );
      expect(res.ok && 'item' in res).toBe(true);
      const done = res as CheckInOk;
      expect(done.resolved.map((r) => r.code)).toContain(fixed);
      state = applyCheckIn(state, done);
      const reloaded = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
      expect(codesOf(state, id)).not.toContain(fixed);
      expect(state.mine).toEqual(reloaded.mine);
      expect(state.problems).toEqual(reloaded.problems);
      expect(state.table).toEqual(reloaded.table);
    }
  });

  test('a non-owner calling checkIn directly is refused with a clear message, the sheet unchanged', async () => {
    const rt = await open();
    const before = snapshot(rt);
    for (const as of [BEN, 'boss@example.com', 'stranger@example.com']) {
      const res = ok<ActionResult>(
        rt.run('checkIn', [{ id: 'O1.1', current: 99, confidence: 'on-track' }], { as }),
      );
      expect(res).toMatchObject({
        ok: false,
        error: `Only the owner of O1.1 (ana@example.com) or a Lead can do this. You are signed in as ${as}.`,
      });
    }
    const anonymous = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 99, confidence: 'on-track' }], { as: '' }),
    );
    expect(anonymous).toMatchObject({
      ok: false,
      error: expect.stringContaining('did not tell the add-on who you are'),
    });
    expect(snapshot(rt)).toBe(before);
  });

  test('a Lead may check in for an owner', async () => {
    const rt = await open();
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 40, confidence: 'on-track' }], { as: LEAD }),
    );
    expect(res.ok).toBe(true);
    expect(rowOf(rt, 'O1.1').Current).toBe(40);
    expect(logRows(rt)[0][2]).toBe(LEAD);
  });

  test.each([
    ['a text number', { id: 'O1.1', current: '35', confidence: 'on-track' }, 'current', /must be a number/],
    ['an unknown confidence', { id: 'O1.1', current: 35, confidence: 'green' }, 'confidence', /one of/],
    [
      'a 5,000-character note',
      { id: 'O1.1', current: 35, confidence: 'on-track', note: 'x'.repeat(5000) },
      'note',
      /too long \(5000/,
    ],
    ['an unknown ID', { id: 'O9.9', current: 35, confidence: 'on-track' }, 'id', /no row with ID O9.9/],
    [
      'an objective ID',
      { id: 'O1', current: 35, confidence: 'on-track' },
      'id',
      /objective, not a key result/,
    ],
    ['half a milestone', { id: 'O1.3', current: 0.5, confidence: 'on-track' }, 'current', /milestone/],
    ['a string request', 'O1.1', undefined, /not valid/],
    ['a null request', null, undefined, /not valid/],
  ])('%s is refused (field %s), nothing written', async (_name, req, field, message) => {
    const rt = await open();
    const before = snapshot(rt);
    const as = req && typeof req === 'object' && (req as { id: string }).id === 'O1.3' ? BEN : ANA;
    const res = ok<ActionResult>(rt.run('checkIn', [req], { as }));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error).toMatch(message);
      expect(res.field).toBe(field);
    }
    expect(snapshot(rt)).toBe(before);
  });

  test('Japanese errors for a Japanese user locale setting', async () => {
    const rt = await open();
    ok<SettingsResult>(
      rt.run(
        'saveSettings',
        [{ language: 'ja', staleDays: 14, overloadLimit: 5, weeklyDay: 1, weeklyHour: 9 }],
        { as: LEAD },
      ),
    );
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 1, confidence: 'on-track' }], { as: BEN }),
    );
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('操作ができるのはオーナー') });
  });

  test('someone else checked in since the sidebar loaded: refused as changed, fresh state, nothing lost', async () => {
    const rt = await open();
    const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA })).mine.find(
      (k) => k.id === 'O1.1',
    )!;
    ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 38, confidence: 'on-track', note: 'by lead' }], { as: LEAD }),
    );
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'at-risk', version: seen.version }], {
        as: ANA,
      }),
    );
    expect(res).toMatchObject({ ok: false, changed: true, error: expect.stringContaining('refreshed') });
    if (!res.ok) expect(res.state?.mine.find((k) => k.id === 'O1.1')?.current).toBe(38);
    expect(rowOf(rt, 'O1.1').Current).toBe(38);
    expect(logRows(rt)).toHaveLength(1);
  });

  test.each([
    ['Note', 'R', 'a colleague wrote this'],
    ['Title', 'D', 'Raise NPS to 45'],
    ['Unit', 'L', 'points'],
    ['Due', 'Q', new Date(Date.UTC(2026, 11, 24))],
  ])(
    'a %s edited in the sheet since the sidebar loaded makes a check-in refused, the edit kept',
    async (column, letter, value) => {
      const rt = await open();
      const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA })).mine.find(
        (k) => k.id === 'O1.1',
      )!;
      rt.workbook.setValues('OKRs', `${letter}3`, [[value]]);
      const res = ok<ActionResult>(
        rt.run(
          'checkIn',
          [{ id: 'O1.1', current: 35, confidence: 'at-risk', note: 'mine', version: seen.version }],
          {
            as: ANA,
          },
        ),
      );
      expect(res).toMatchObject({ ok: false, changed: true });
      expect(rowOf(rt, 'O1.1')[column]).toEqual(value);
      expect(logRows(rt)).toHaveLength(0);
    },
  );

  test('rows sorted or moved after loading: the write still goes to the row with that ID', async () => {
    const rt = await open();
    const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA })).mine.find(
      (k) => k.id === 'O1.2',
    )!;
    // Someone sorts the data rows by title, descending.
    const [header, ...rows] = rt.workbook.values('OKRs');
    const sorted = [...rows].sort((a, b) => String(b[3]).localeCompare(String(a[3])));
    rt.workbook.setValues('OKRs', `A2:R${rows.length + 1}`, sorted);
    expect(rt.workbook.values('OKRs')[0]).toEqual(header);
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.2', current: 7, confidence: 'on-track', version: seen.version }], {
        as: ANA,
      }),
    );
    expect(res.ok).toBe(true);
    expect(rowOf(rt, 'O1.2')).toMatchObject({ Title: 'Cut churn', Current: 7 });
    // Every other row is exactly as it was, but for its objective's Progress (the new mean, rewritten
    // with the check-in so the tab agrees with the Summary).
    const progressAt = header.indexOf('Progress');
    const others = (v: unknown[][]) =>
      JSON.stringify(
        v
          .filter((r) => r[0] !== 'O1.2')
          .map((r) => (r[0] === 'O1' ? r.filter((_, i) => i !== progressAt) : r)),
      );
    expect(others(rt.workbook.values('OKRs'))).toBe(others([header, ...sorted]));
    expect(rowOf(rt, 'O1').Progress).toBe(0.367);
  });

  test('a row deleted after loading: refused with a fresh state, nothing written', async () => {
    const rt = await open();
    const rows = rt.workbook.values('OKRs');
    const i = rows.findIndex((r) => r[0] === 'O1.2');
    const without = rows.filter((_, j) => j !== i);
    rt.workbook.setValues('OKRs', `A1:R${rows.length}`, [...without, new Array(18).fill('')]);
    const before = snapshot(rt);
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.2', current: 7, confidence: 'on-track' }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: false, changed: true, error: expect.stringContaining('O1.2') });
    if (!res.ok) expect(res.state?.mine.map((k) => k.id)).toEqual(['O1.1', 'O2.3']);
    expect(snapshot(rt)).toBe(before);
  });

  test('columns reordered and renamed: values land under the right headers', async () => {
    const rows = okrRows();
    // Swap Note to the front and rename Current to "Actual".
    const reordered = rows.map((r) => [r[17], ...r.slice(0, 17)]);
    reordered[0][11] = 'Actual';
    const rt = await open({ OKRs: reordered });
    ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 31, confidence: 'on-track', note: 'n' }], { as: ANA }),
    );
    const row = rt.workbook.values('OKRs').find((r) => r[1] === 'O1.1')!;
    expect(row[0]).toBe('n');
    expect(row[11]).toBe(31);
  });
});

describe('ownership', () => {
  test('the owner accepts: Accepted gets the date; a second accept says it is done', async () => {
    const rt = await open();
    const res = ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O2.3' }], { as: ANA }));
    expect(res).toMatchObject({ ok: true, message: 'You accepted O2.3.' });
    expect(near(rowOf(rt, 'O2.3').Accepted, NOW)).toBe(true);
    expect(ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O2.3' }], { as: ANA }))).toMatchObject({
      ok: false,
      error: 'O2.3 is already accepted.',
    });
    expect(ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O1.3' }], { as: ANA })).ok).toBe(false);
  });

  test('accepting answers with what changed, which the sidebar applies to get what a reload shows', async () => {
    const rt = await open();
    let state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    const kr = state.mine.find((k) => k.id === 'O2.3')!;
    expect(kr.accepted).toBeNull();
    const res = rt.run('acceptOwnership', [{ id: 'O2.3', version: kr.version }], { as: ANA });
    const done = ok<CheckInResult>(res);
    expect(done.ok && 'item' in done).toBe(true);
    // One row found by ID: the whole OKRs tab is not read (Team is: its data range). The OKRs tab's
    // size is not asked for (before: a second getDataRange): its top rows, the rows around the key
    // result and Team are the three values read.
    expect(res.calls['Sheet.getDataRange']).toBe(1);
    expect(res.calls['Range.getValues']).toBe(3);
    state = applyCheckIn(state, done as CheckInOk);
    const reloaded = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(state.mine).toEqual(reloaded.mine);
    expect(state.problems).toEqual(reloaded.problems);
    expect(state.table).toEqual(reloaded.table);
  });

  test('at 5,000 rows an acceptance reads one row and Team, not the whole tab, and appends to the log unread', async () => {
    const big = bigSheet(5000, 150);
    const header = big.okrRows[0] as string[];
    const far = [...big.okrRows]
      .reverse()
      .find((r) => r[1] === 'Key result' && r[header.indexOf('Owner')]) as unknown[];
    far[header.indexOf('Accepted')] = '';
    const owner = String(far[header.indexOf('Owner')]);
    const agreements = bigAgreementLog(5000);
    const rt = await open({ OKRs: big.okrRows, Team: big.teamRows, Agreements: agreements });
    const { callTrace } = await import('../../local/runtime/meter');
    const trace: Array<{ method: string; cells: number }> = [];
    callTrace.sink = trace;
    let res: RunResult;
    try {
      res = rt.run('acceptOwnership', [{ id: far[0] }], { as: owner });
    } finally {
      callTrace.sink = null;
    }
    expect(ok<CheckInResult>(res)).toMatchObject({
      ok: true,
      item: { id: far[0], accepted: expect.any(Number) },
    });
    // Team's data range alone (before: the OKRs tab's size too); the four values read are the OKRs
    // tab's top rows, the row's, Team's and the Agreements log's header rows, so neither the tab nor
    // the log is read whole (before the log's quick append: the log's size and all its values too).
    expect(res.calls['Sheet.getDataRange']).toBe(1);
    expect(res.calls['Range.getValues']).toBe(4);
    expect(cellsRead(trace)).toBeLessThan(logCells(agreements) / 4);
    expect(rt.workbook.values('Agreements').at(-1)?.slice(1, 3)).toEqual([far[0], 'Accepted']);
    expect(res.virtualMs).toBeLessThan(2000);
  });

  test('an acceptance is logged under the Agreements header, also on a tab shorter than the header rows', async () => {
    const rt = await open({ Agreements: [AGREEMENT_HEADERS] });
    const tab = rt.workbook.findSheet('Agreements');
    if (tab) tab.maxRows = 1; // rows 1 to 5 cannot be asked for there (Sheets throws): read whole
    expect(ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O2.3' }], { as: ANA })).ok).toBe(true);
    expect(rt.workbook.values('Agreements').map((r) => r.slice(1, 4))).toEqual([
      AGREEMENT_HEADERS.slice(1, 4),
      ['O2.3', 'Accepted', ANA],
    ]);
  });

  test.each([
    ['acceptOwnership', { id: 'O2.3' }, ANA],
    ['declineOwnership', { id: 'O1.3', reason: 'not mine' }, BEN],
  ])(
    '%s with an Agreements tab without ID or Step columns is refused, nothing written',
    async (fn, req, who) => {
      const rt = await open({
        Agreements: [
          ['Time', 'Notes'],
          ['x', 'kept'],
        ],
      });
      const before = snapshot(rt);
      const res = ok<ActionResult>(rt.run(fn, [req], { as: who }));
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/Agreements tab/) });
      expect(snapshot(rt)).toBe(before);
    },
  );

  test.each([
    ['acceptOwnership', 'Accepted', { id: 'O2.3' }, ANA],
    ['checkIn', 'Confidence', { id: 'O1.1', current: 31, confidence: 'on-track', note: 'n' }, ANA],
  ])('%s without its "%s" column is refused, naming it, and writes nothing', async (fn, column, req, who) => {
    const rows = okrRows();
    const at = (rows[0] as string[]).indexOf(column);
    const rt = await open({ OKRs: rows.map((r) => r.filter((_, i) => i !== at)) });
    const before = snapshot(rt);
    const res = ok<ActionResult>(rt.run(fn, [req], { as: who }));
    expect(res).toMatchObject({
      ok: false,
      error: `The OKRs tab has no "${column}" column, so nothing was saved for ${req.id}. Run Extensions → OKR Owners → Set up OKR sheet to add it, then try again.`,
    });
    expect(res.ok === false && res.state?.complete).toBe(true);
    expect(snapshot(rt)).toBe(before);
  });

  test('decline clears the owner and logs the reason', async () => {
    const rt = await open();
    const res = ok<ActionResult>(
      rt.run('declineOwnership', [{ id: 'O1.3', reason: 'not mine' }], { as: BEN }),
    );
    expect(res.ok).toBe(true);
    expect(rowOf(rt, 'O1.3')).toMatchObject({ Owner: '', Accepted: '' });
    expect(logRows(rt)[0].slice(1)).toEqual([
      'O1.3',
      BEN,
      '',
      '',
      '',
      'Declined ownership (ben@example.com): not mine',
    ]);
    expect(ok<ActionResult>(rt.run('declineOwnership', [{ id: 'O1.1', reason: 'x' }], { as: BEN })).ok).toBe(
      false,
    );
  });

  test('at 5,000 rows a decline reads its row, not the whole tab, and answers that the key result left the list', async () => {
    const big = bigSheet(5000, 150);
    const header = big.okrRows[0] as string[];
    const ownerAt = header.indexOf('Owner');
    const far = [...big.okrRows].reverse().find((r) => r[1] === 'Key result' && r[ownerAt]) as unknown[];
    const owner = String(far[ownerAt]);
    const agreements = bigAgreementLog(5000);
    const rt = await open({ OKRs: big.okrRows, Team: big.teamRows, Agreements: agreements });
    const before = ok<SidebarState>(rt.run('getSidebarState', [], { as: owner }));
    expect(before.mine.some((k) => k.id === far[0])).toBe(true);
    const { callTrace } = await import('../../local/runtime/meter');
    const trace: Array<{ method: string; cells: number }> = [];
    callTrace.sink = trace;
    let res: RunResult;
    try {
      res = rt.run('declineOwnership', [{ id: far[0], reason: 'moved teams' }], { as: owner });
    } finally {
      callTrace.sink = null;
    }
    const done = ok<ActionResult>(res);
    expect(done).toEqual({
      ok: true,
      message: `Declined ${far[0]}; the owner was cleared and a Lead will reassign it.`,
      left: far[0],
    });
    // One Team read, no whole-tab read of OKRs: the other getDataRange call is the Check-ins log's
    // size (no quick state is read: before, 5 in all with the Agreements log's and the OKRs tab's;
    // the last key result's rows are read to the grid's end without it). The Agreements log is not
    // read.
    expect(res.calls['Sheet.getDataRange']).toBe(2);
    expect(cellsRead(trace)).toBeLessThan(logCells(agreements) / 4);
    // The cells read prove it: Team, the header rows, the Owner column and the caller's rows, far
    // less than the OKRs tab (a whole-tab read would be all of it).
    const okrCells = big.okrRows.length * header.length;
    expect(cellsRead(trace)).toBeLessThan(okrCells / 4);
    expect(rt.workbook.values('Agreements').at(-1)?.slice(1, 3)).toEqual([far[0], 'Declined']);
    modeled.decline = res.virtualMs;
    expect(rowOf(rt, String(far[0]))).toMatchObject({ Owner: '', Accepted: '' });
    expect(logRows(rt).at(-1)?.slice(1, 3)).toEqual([far[0], owner]);
    const after = ok<SidebarState>(rt.run('getSidebarState', [], { as: owner }));
    // The sidebar drops it from the list it holds: what a reload shows, up to the rows the list's cap
    // brings in from the whole state.
    const applied = withoutKeyResult(before, String(far[0])).mine.map((k) => k.id);
    expect(applied).toEqual(after.mine.map((k) => k.id).slice(0, applied.length));
    expect(after.mine.some((k) => k.id === far[0])).toBe(false);
  });
});

describe('assign and add (Leads)', () => {
  test('only a Lead assigns; assigning writes one email and resets Accepted', async () => {
    const rt = await open();
    const before = snapshot(rt);
    const refused = ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O2.1'], email: ANA }], { as: ANA }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('Only a Lead') });
    expect(snapshot(rt)).toBe(before);
    const res = rt.run('assignOwner', [{ ids: ['O2.1', 'O2.2', 'O1.1'], email: BEN }], { as: LEAD });
    expect(ok<ActionResult>(res)).toMatchObject({
      ok: true,
      // The new owner by their name in Team.
      message: 'Assigned 3 rows to Ben 「Builder」; they need to accept.',
    });
    for (const id of ['O2.1', 'O2.2', 'O1.1'])
      expect(rowOf(rt, id)).toMatchObject({ Owner: BEN, Accepted: '' });
    // Rows 6-7 (O2.1, O2.2) are one block, O1.1 another: Owner and Accepted columns are apart → 4 writes.
    expect(res.calls['Range.setValues']).toBe(4);
    expect(res.calls['Range.getValues']).toBe(2);
    expect(
      ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O2.1'], email: 'x@evil.com' }], { as: LEAD })),
    ).toMatchObject({
      ok: false,
      field: 'email',
    });
  });

  test('with no Lead in Team, anyone signed in may assign', async () => {
    const rt = await open({ Team: teamRows(false) });
    expect(ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O2.1'], email: BEN }], { as: ANA })).ok).toBe(
      true,
    );
    expect(ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O2.1'], email: BEN }], { as: '' })).ok).toBe(
      false,
    );
  });

  test('add an objective and a key result: generated IDs, placed under the objective, text kept as text', async () => {
    const rt = await open();
    const o = ok<ActionResult>(
      rt.run('addObjective', [{ title: '=IMPORTXML("http://x")', owner: LEAD, cycle: '2027-Q1' }], {
        as: LEAD,
      }),
    );
    expect(o).toMatchObject({ ok: true, message: 'Added objective O3.' });
    const kr = ok<ActionResult>(
      rt.run(
        'addKeyResult',
        [
          {
            objectiveId: 'O1',
            title: 'Faster support',
            owner: BEN,
            kind: 'decrease',
            start: 48,
            target: 24,
            unit: 'h',
            due: '2026-12-31',
          },
        ],
        { as: LEAD },
      ),
    );
    expect(kr).toMatchObject({ ok: true, message: 'Added key result O1.4.' });
    const ids = rt.workbook.values('OKRs').map((r) => r[0]);
    expect(ids).toEqual(['ID', 'O1', 'O1.1', 'O1.2', 'O1.3', 'O1.4', 'O2', 'O2.1', 'O2.2', 'O2.3', 'O3']);
    expect(rowOf(rt, 'O1.4')).toMatchObject({
      Type: 'Key result',
      Parent: 'O1',
      Owner: BEN,
      Kind: 'Decrease',
      Start: 48,
      Target: 24,
      Current: 48,
      Accepted: '',
    });
    expect(iso(rowOf(rt, 'O1.4').Due)).toBe('2026-12-31T00:00:00.000Z');
    expect(rt.workbook.displayValues('OKRs').find((r) => r[0] === 'O3')?.[3]).toBe('=IMPORTXML("http://x")');
    // The fresh state shows the title as stored (no apostrophe), without re-reading the sheet.
    if (o.ok) expect(o.state.table.title[o.state.table.id.indexOf('O3')]).toBe('=IMPORTXML("http://x")');
    if (kr.ok) expect(kr.state.table.id).toContain('O1.4');
    expect(ok<ActionResult>(rt.run('addObjective', [{ title: 'Mine' }], { as: ANA })).ok).toBe(false);
  });
});

describe('selection and settings', () => {
  test('getActiveOkrId follows the active row; selectCell selects a problem cell by ID', async () => {
    const rt = await open();
    rt.select('OKRs!C3:D4', ANA);
    expect(ok<ActiveOkr>(rt.run('getActiveOkrId', [], { as: ANA }))).toEqual({
      id: 'O1.1',
      selectedIds: ['O1.1', 'O1.2'],
    });
    rt.select('Team!A2', ANA);
    expect(ok<ActiveOkr>(rt.run('getActiveOkrId', [], { as: ANA }))).toEqual({ id: null, selectedIds: [] });
    // The selection a script makes is the workbook's selection for that user (row 4 = O1.2, column E = Owner).
    const selected = () => rt.workbook.selections.get(ANA);
    expect(ok(rt.run('selectCell', [{ id: 'O1.2', column: 'Owner' }], { as: ANA }))).toEqual({ ok: true });
    expect(selected()).toMatchObject({ cell: { row: 4, col: 5 } });
    expect(ok(rt.run('selectCell', [{ id: 'O1.2', column: 'Nonsense' }], { as: ANA }))).toEqual({ ok: true });
    expect(selected()).toMatchObject({ cell: { row: 4, col: 1 } });
    expect(ok(rt.run('selectCell', [{ cell: 'Team!B3' }], { as: ANA }))).toEqual({ ok: true });
    expect(selected()).toMatchObject({ cell: { row: 3, col: 2 } });
    expect(ok(rt.run('selectCell', [{ cell: 'Nope!B3' }], { as: ANA }))).toMatchObject({ ok: false });
  });

  test('settings: anyone reads, only a Lead saves; weekly on/off survives a save', async () => {
    const rt = await open();
    const read = ok<SettingsResult>(rt.run('getSettings', [], { as: ANA }));
    expect(read).toMatchObject({
      ok: true,
      view: { canEdit: false, timeZone: 'UTC', settings: { staleDays: 14 } },
    });
    const values = { language: 'en', staleDays: 7, overloadLimit: 3, weeklyDay: 5, weeklyHour: 16 };
    expect(ok<SettingsResult>(rt.run('saveSettings', [values], { as: ANA }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('Only a Lead'),
    });
    // Who may comes first: a non-Lead with a broken request still hears that only a Lead may.
    expect(ok<SettingsResult>(rt.run('saveSettings', [{ weeklyHour: 25 }], { as: ANA }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('Only a Lead'),
    });
    expect(
      ok<SettingsResult>(rt.run('saveSettings', [{ ...values, weeklyHour: 25 }], { as: LEAD })),
    ).toMatchObject({ ok: false, field: 'weeklyHour' });
    const saved = ok<SettingsResult>(
      rt.run('saveSettings', [{ ...values, weeklyEmails: true }], { as: LEAD }),
    );
    expect(saved).toMatchObject({
      ok: true,
      view: { canEdit: true, settings: { ...values, weeklyEmails: false } },
    });
    expect(JSON.parse(rt.properties('document')['okrOwners.settings'])).toMatchObject({
      ...values,
      weeklyEmails: false,
    });
  });
});

test('at 5,000 rows getSidebarState reads each tab once and returns under 300 KB', async () => {
  const big = bigSheet(5000, 150);
  const rt = await open({ OKRs: big.okrRows, Team: big.teamRows });
  for (const as of ['p7@example.com', 'lead@example.com']) {
    const res = rt.run('getSidebarState', [], { as });
    const bytes = Buffer.byteLength(JSON.stringify(ok(res)));
    console.log(
      `getSidebarState at 5,000 rows as ${as}: ${(bytes / 1024).toFixed(1)} KB, ${res.virtualMs} virtual ms, calls ${JSON.stringify(res.calls)}`,
    );
    expect(bytes).toBeLessThan(300 * 1024);
    expect(res.calls['Range.getValues']).toBe(2);
  }
});

test('a check-in reads the row it changes, not the whole tab: the same calls and time at 5,000 rows as at 10', async () => {
  const figures = async (tabs: Record<string, unknown[][]>, id: string, as: string) => {
    const rt = await open(tabs);
    const res = rt.run('checkIn', [{ id, current: 12, confidence: 'on-track', note: 'weekly' }], { as });
    expect(ok<CheckInResult>(res)).toMatchObject({ ok: true, item: { id, current: 12 } });
    return res;
  };
  const big = bigSheet(5000, 150);
  // A key result far down the sheet, owned by an ordinary member.
  const far = [...big.okrRows]
    .reverse()
    .find((r) => r[1] === 'Key result' && String(r[4]).startsWith('p')) as unknown[];
  const large = await figures({ OKRs: big.okrRows, Team: big.teamRows }, String(far[0]), String(far[4]));
  const small = await figures({}, 'O1.1', ANA);
  console.log(`checkIn at 10 and 5,000 rows: ${small.virtualMs} / ${large.virtualMs} virtual ms`);
  // The same round trips (every call the model does not answer locally)…
  const roundTrips = (calls: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(calls).filter(([m]) => costOf(m).kind !== 'call' || costOf(m).base >= 1),
    );
  expect(roundTrips(large.calls)).toEqual(roundTrips(small.calls));
  // …and one handle more: the last key result's rows around it pass the grid's end, a range Sheets
  // refuses before any round trip; the rows from the first asked for to the grid's end are read
  // instead (an open-ended range such as "A4970:M", resolved in the read's own round trip).
  expect({ ...large.calls, 'Sheet.getRange': large.calls['Sheet.getRange'] - 1 }).toEqual(small.calls);
  // Only the Team tab (150 people) grows here; reading 5,000 OKR rows would add 1.8 s.
  expect(large.virtualMs - small.virtualMs).toBeLessThan(100);
  modeled.checkIn = large.virtualMs;
});

describe('getKeyResult (the check-in form for a row selected in the sheet)', () => {
  test('the same view as in the state, with who may check in; unknown IDs and objectives are refused', async () => {
    const rt = await open();
    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    for (const view of state.mine) {
      const res = ok<KeyResultResult>(rt.run('getKeyResult', [{ id: view.id }], { as: ANA }));
      expect(res).toEqual({ ok: true, item: view, canAct: true });
    }
    expect(ok<KeyResultResult>(rt.run('getKeyResult', [{ id: 'O1.1' }], { as: BEN }))).toMatchObject({
      ok: true,
      item: { id: 'O1.1' },
      canAct: false,
    });
    // IDs match exactly (a look-alike o1.1 could be another row): 'o1.1' is not O1.1.
    expect(ok<KeyResultResult>(rt.run('getKeyResult', [{ id: 'o1.1' }], { as: BEN }))).toMatchObject({
      ok: false,
    });
    expect(ok<KeyResultResult>(rt.run('getKeyResult', [{ id: 'O1.1' }], { as: LEAD }))).toMatchObject({
      canAct: true,
    });
    expect(ok<KeyResultResult>(rt.run('getKeyResult', [{ id: 'O9.9' }], { as: ANA }))).toEqual({
      ok: false,
      error: expect.stringContaining('There is no row with ID O9.9'),
    });
    expect(ok<KeyResultResult>(rt.run('getKeyResult', [{ id: 'O1' }], { as: ANA }))).toMatchObject({
      ok: false,
    });
  });

  test('IDs match exactly: a check-in on O1.1 never lands on a row whose ID is o1.1', async () => {
    const rows = okrRows();
    const lookAlike = [...(rows.find((r) => r[0] === 'O1.2') as unknown[])];
    lookAlike[0] = 'o1.1';
    lookAlike[3] = 'Look-alike';
    lookAlike[4] = ANA;
    rows.splice(2, 0, lookAlike);
    const rt = await open({ OKRs: rows });
    const before = rowOf(rt, 'o1.1');
    ok(rt.run('checkIn', [{ id: 'O1.1', current: 33, confidence: 'at-risk', note: 'exact' }], { as: ANA }));
    expect(rowOf(rt, 'O1.1')).toMatchObject({ Current: 33, Note: 'exact' });
    expect(rowOf(rt, 'o1.1')).toEqual(before);
    // And the other way round: o1.1 is its own row.
    ok(rt.run('checkIn', [{ id: 'o1.1', current: 5, confidence: 'on-track', note: 'lower' }], { as: ANA }));
    expect(rowOf(rt, 'o1.1')).toMatchObject({ Current: 5, Note: 'lower' });
    expect(rowOf(rt, 'O1.1')).toMatchObject({ Current: 33, Note: 'exact' });
  });

  test('a duplicate ID is decided by the full read, as before', async () => {
    const rows = okrRows();
    const copy = [...(rows.find((r) => r[0] === 'O1.2') as unknown[])];
    copy[3] = 'A second O1.1';
    copy[0] = 'O1.1';
    rows.push(copy);
    const rt = await open({ OKRs: rows });
    const res = rt.run('getKeyResult', [{ id: 'O1.1' }], { as: ANA });
    // The first O1.1 in sheet order, as the state shows it.
    expect(ok<KeyResultResult>(res)).toMatchObject({ ok: true, item: { id: 'O1.1', title: 'Raise NPS' } });
    // The quick try asks no size (its top rows and a search); then the full read's OKRs and Team.
    expect(res.calls['Sheet.getDataRange']).toBe(2);
  });

  test('an OKRs tab whose grid is shorter than the top rows read is found by its size instead', async () => {
    // Rows 1 to 5 cannot be asked for on a 3-row grid (Sheets throws): the tab's size, then its rows.
    const rows = okrRows().slice(0, 3);
    const rt = await open({ OKRs: rows });
    const tab = rt.workbook.findSheet('OKRs');
    if (tab) tab.maxRows = 3;
    const res = rt.run('getKeyResult', [{ id: 'O1.1' }], { as: ANA });
    expect(ok<KeyResultResult>(res)).toMatchObject({
      ok: true,
      item: { id: 'O1.1', objectiveTitle: 'Delight customers' },
    });
    // The OKRs tab's size and Team's data range; one search: the quick path, not a whole-tab read.
    expect(res.calls['Sheet.getDataRange']).toBe(2);
    expect(res.calls['TextFinder.findAll']).toBe(1);
    const done = ok<CheckInResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'on-track', note: 'short grid' }], {
        as: ANA,
      }),
    );
    expect(done).toMatchObject({ ok: true, item: { id: 'O1.1', current: 35 } });
    expect(rowOf(rt, 'O1.1')).toMatchObject({ Current: 35, Note: 'short grid' });
  });

  test('a grid that ends at the header (row 5, under a title) has nothing to find: refused by the full read', async () => {
    // The searches start at row 6, past the grid (Sheets refuses the range): no match, the full path.
    const rows: unknown[][] = [['Team OKRs'], [], [], [], OKR_HEADER];
    const rt = await open({ OKRs: rows });
    const tab = rt.workbook.findSheet('OKRs');
    if (tab) tab.maxRows = 5;
    const res = rt.run('getKeyResult', [{ id: 'O1.1' }], { as: ANA });
    expect(ok<KeyResultResult>(res)).toMatchObject({ ok: false, error: expect.stringContaining('O1.1') });
    expect(res.calls['TextFinder.findAll'] ?? 0).toBe(0);
  });

  test('notes typed right of the header, below the top rows, are neither read nor touched by a write found by ID', async () => {
    // O2.3 is row 9: under the five top rows the header is found in, so the note's column is past
    // the width read (the top rows' last non-blank cell: the header's 18 columns).
    const rows = okrRows().map((r) => [...r, '', r[0] === 'O2.3' ? 'a note beside O2.3' : '']);
    const rt = await open({ OKRs: rows });
    const { callTrace } = await import('../../local/runtime/meter');
    const trace: Array<{ method: string; cells: number }> = [];
    callTrace.sink = trace;
    let res: RunResult;
    try {
      res = rt.run('checkIn', [{ id: 'O2.3', current: 4, confidence: 'on-track', note: 'n' }], { as: ANA });
    } finally {
      callTrace.sink = null;
    }
    expect(ok<CheckInResult>(res)).toMatchObject({ ok: true, item: { id: 'O2.3', current: 4 } });
    // The rows around it (rows 2 to 39 of the 1,000-row grid) are read 18 columns wide, not 20.
    const width = OKR_HEADER.length;
    expect(width).toBe(18);
    expect(trace).toContainEqual({ method: 'Range.getValues', cells: 38 * width });
    expect(trace.some((c) => c.cells === 38 * (width + 2))).toBe(false);
    const written = rt.workbook.values('OKRs').find((r) => r[0] === 'O2.3') ?? [];
    expect(written.at(-1)).toBe('a note beside O2.3');
    expect(rowOf(rt, 'O2.3')).toMatchObject({ Current: 4 });
  });

  test('an objective far above its key result is found by ID: its title is there, as in the whole state', async () => {
    const [header] = okrRows();
    const rows: unknown[][] = [header, ['O1', 'Objective', '', 'Far objective', LEAD]];
    for (let i = 0; i < 30; i++) rows.push([`X${i}`, 'Objective', '', `Filler ${i}`, LEAD]);
    rows.push(['O1.1', 'Key result', 'O1', 'Far key result', ANA, '', '', 'Increase', 0, 10, 5]);
    const rt = await open({ OKRs: rows });
    const res = rt.run('getKeyResult', [{ id: 'O1.1' }], { as: ANA });
    expect(ok<KeyResultResult>(res)).toMatchObject({
      ok: true,
      item: { id: 'O1.1', objectiveTitle: 'Far objective' },
      canAct: true,
    });
    // Not among the rows around the key result: a second search and read, never the whole tab (the
    // values read: the top rows, the rows around the key result, the objective's row and Team).
    expect(res.calls['TextFinder.findAll']).toBe(2);
    expect(res.calls['Range.getValues']).toBe(4);
  });

  test('at 5,000 rows it reads two rows and Team, not the whole tab', async () => {
    const big = bigSheet(5000, 150);
    const far = [...big.okrRows].reverse().find((r) => r[1] === 'Key result') as unknown[];
    const rt = await open({ OKRs: big.okrRows, Team: big.teamRows });
    const res = rt.run('getKeyResult', [{ id: far[0] }], { as: 'lead@example.com' });
    expect(ok<KeyResultResult>(res)).toMatchObject({
      ok: true,
      item: { id: far[0], objectiveTitle: expect.stringContaining('Objective') },
      canAct: true,
    });
    // Team's data range alone (before: the OKRs tab's size too): the tab is not read whole. The
    // values read are the tab's top rows, Team's and the key result's row with the rows around it
    // (to the grid's end here: it is the last), where its objective's row is.
    expect(res.calls['Sheet.getDataRange']).toBe(1);
    expect(res.calls['Range.getValues']).toBe(3);
    expect(res.calls['Sheet.getSheetValues']).toBeUndefined();
    modeled.getKeyResult = res.virtualMs;
  });
});

// The modeled-time budgets of the three tests above. On the latency model calibrated on published
// Apps Script timings (local/runtime/calibration, reads 122 ms + 52 ms for the execution's first,
// handles ~0) the check-in and the decline are held to the check-in budget as restated on that model
// (2.5 s: scripts/bench/budgets.ts says why). The decline met it once it answered with the key result
// that left the list instead of the quick state (the quick open's reads again).
describe('modeled-time budgets at 5,000 rows', () => {
  test('a decline under 2.5 s', () => {
    expect(modeled.decline).toBeLessThan(BUDGETS.interactiveMs);
  });
  test('a check-in under 2.5 s', () => {
    expect(modeled.checkIn).toBeLessThan(BUDGETS.interactiveMs);
  });
  // Met since its objective's row is read with the key result's (the rows around it), not searched
  // and read again: 1,182 → 916 ms.
  test('getKeyResult under 1 s', () => {
    expect(modeled.getKeyResult).toBeLessThan(1000);
  });
});
