// Every write carries the row versions the sidebar read, through the built dist/Code.js in the
// local runtime: an assignment, an acceptance and a decline to a row changed since are refused as
// "changed" with the fresh state, and nothing is written; acceptance and decline on both paths
// (the quick one that finds the row by ID, and the full re-read when it cannot).
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { rowVersion } from '../../sidebar/logic';
import type { ActionResult, SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

async function open(rows: unknown[][] = okrRows()): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: rows, Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

const tabs = (rt: Runtime) => JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));

/** The versions of `ids` in the table the sidebar holds, as the Assign view sends them. */
function versionsOf(state: SidebarState, ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, rowVersion(state.table, state.table.id.indexOf(id))]));
}

describe('assign', () => {
  test('a row checked in since the Lead loaded: refused as changed, nothing written, the fresh state sent', async () => {
    const rt = await open();
    const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: LEAD }));
    const ids = ['O2.1', 'O1.1'];
    expect(Object.values(versionsOf(seen, ids)).every((v) => v.length === 6)).toBe(true);
    ok(rt.run('checkIn', [{ id: 'O1.1', current: 36, confidence: 'on-track', note: 'up' }], { as: ANA }));
    const before = tabs(rt);
    const res = ok<ActionResult>(
      rt.run('assignOwner', [{ ids, email: BEN, versions: versionsOf(seen, ids) }], { as: LEAD }),
    );
    expect(res).toMatchObject({ ok: false, changed: true, error: expect.stringContaining('refreshed') });
    expect(tabs(rt)).toBe(before);
    const fresh = res.ok ? null : res.state;
    expect(fresh?.complete).toBe(true);
    // With the versions of the state sent back, the same assignment goes through.
    const again = ok<ActionResult>(
      rt.run('assignOwner', [{ ids, email: BEN, versions: versionsOf(fresh!, ids) }], { as: LEAD }),
    );
    expect(again).toMatchObject({ ok: true });
  });

  test('the versions as shown: assigned; a malformed versions field is refused naming it', async () => {
    const rt = await open();
    const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: LEAD }));
    const bad = ok<ActionResult>(
      rt.run('assignOwner', [{ ids: ['O2.2', 'O2.3'], email: BEN, versions: { 'O2.2': 'x' } }], { as: LEAD }),
    );
    expect(bad).toMatchObject({ ok: false, field: 'versions' });
    const res = ok<ActionResult>(
      rt.run('assignOwner', [{ ids: ['O2.2'], email: BEN, versions: versionsOf(seen, ['O2.2']) }], {
        as: LEAD,
      }),
    );
    expect(res).toMatchObject({ ok: true });
  });
});

describe.each([
  ['quick path (the row found by its ID)', (rows: unknown[][]) => rows],
  [
    'full path (an ID cell with a stray space: the whole tab is re-read)',
    (rows: unknown[][]) => rows.map((r) => (r[0] === 'O2.3' ? [' O2.3', ...r.slice(1)] : r)),
  ],
])('accept and decline on the %s', (_path, shape) => {
  async function stale() {
    const rt = await open(shape(okrRows()));
    const seen = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA })).mine.find(
      (k) => k.id === 'O2.3',
    )!;
    // A colleague edits the row's Note in the sheet after the sidebar loaded.
    rt.workbook.setValues('OKRs', 'R9', [['a colleague wrote this']]);
    return { rt, seen, before: tabs(rt) };
  }

  test('accepting a row changed since: refused as changed, Accepted left blank', async () => {
    const { rt, seen, before } = await stale();
    const res = ok<ActionResult>(
      rt.run('acceptOwnership', [{ id: 'O2.3', version: seen.version }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: false, changed: true });
    expect(res.ok === false && res.state?.complete).toBe(true);
    expect(tabs(rt)).toBe(before);
  });

  test('declining a row changed since: refused as changed, the owner kept, nothing logged', async () => {
    const { rt, seen, before } = await stale();
    const res = ok<ActionResult>(
      rt.run('declineOwnership', [{ id: 'O2.3', reason: 'not mine', version: seen.version }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: false, changed: true });
    expect(tabs(rt)).toBe(before);
  });

  test('with the version as it now is, accepting goes through', async () => {
    const { rt } = await stale();
    const now = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA })).mine.find(
      (k) => k.id === 'O2.3',
    )!;
    const res = ok<ActionResult>(
      rt.run('acceptOwnership', [{ id: 'O2.3', version: now.version }], { as: ANA }),
    );
    expect(res.ok).toBe(true);
  });
});

describe('a Lead accepting on the owner’s behalf', () => {
  const logRows = (rt: Runtime) => rt.workbook.values('Check-ins').slice(1);

  test.each([
    ['quick path', (rows: unknown[][]) => rows],
    ['full path', (rows: unknown[][]) => rows.map((r) => (r[0] === 'O2.3' ? [' O2.3', ...r.slice(1)] : r))],
  ])('is logged in the Check-ins log: who accepted, for whom (%s)', async (_path, shape) => {
    const rt = await open(shape(okrRows()));
    const res = ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O2.3' }], { as: LEAD }));
    expect(res.ok).toBe(true);
    const log = logRows(rt);
    expect(log).toHaveLength(1);
    expect(log[0].slice(1)).toEqual(['O2.3', LEAD, '', '', '', `Accepted ownership on behalf of ${ANA}`]);
  });

  test('the owner accepting for themselves adds no log row', async () => {
    const rt = await open();
    expect(ok<ActionResult>(rt.run('acceptOwnership', [{ id: 'O2.3' }], { as: ANA })).ok).toBe(true);
    expect(logRows(rt)).toHaveLength(0);
  });
});
