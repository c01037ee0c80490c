// One tab-finding rule for every path: the sidebar's writes, the validator, the Summary, set-up and
// import all take the same sheet as the OKRs tab, and when two sheets could each be it, nothing is
// read or written until one is renamed. Runs the built add-on in the local runtime.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

async function open(tabs: Record<string, unknown[][]>): Promise<Runtime> {
  const workbook = Workbook.fromRows(tabs, { timeZone: 'UTC' });
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function result<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

function snapshot(rt: Runtime): string {
  return JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));
}

/** A team's older tab, named with an alias of OKRs, holding other rows. */
function oldObjectives(): unknown[][] {
  const rows = okrRows();
  return rows.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], `Old: ${String(r[3])}`, ...r.slice(4)]));
}

test('a tab named "okrs" is the OKRs tab for every path, even after an "Objectives" tab', async () => {
  const rt = await open({
    Objectives: oldObjectives(),
    okrs: okrRows(),
    Team: teamRows(),
    'Check-ins': [CHECK_IN_HEADER],
  });
  const objectivesBefore = JSON.stringify(rt.workbook.values('Objectives'));
  result(rt.run('checkIn', [{ id: 'O1.1', current: 39, confidence: 'on-track', note: 'here' }], { as: ANA }));
  const okrs = rt.workbook.values('okrs');
  expect(okrs.find((r) => r[0] === 'O1.1')?.[10]).toBe(39);
  expect(JSON.stringify(rt.workbook.values('Objectives'))).toBe(objectivesBefore);
  // The validator and the Summary read the same tab the check-in wrote.
  const check = result<{ problems: Array<{ cell: string | null }> }>(
    rt.run('validateOkrs', [], { as: LEAD }),
  );
  expect(check.problems.filter((p) => p.cell?.startsWith('Objectives!'))).toEqual([]);
  result(rt.run('refreshSummary', [], { as: LEAD }));
  const summary = JSON.stringify(rt.workbook.values('Summary'));
  expect(summary).toContain('"Delight customers"');
  expect(summary).not.toContain('Old: ');
});

test('two tabs that could each be the OKRs tab: named as a problem; set-up and import refuse, writing nothing', async () => {
  const rt = await open({
    Objectives: okrRows(),
    OKR: oldObjectives(),
    Team: teamRows(),
    'Check-ins': [CHECK_IN_HEADER],
    'Our list': [
      ['Objective', 'Key result', 'Owner'],
      ['Grow', 'More users', ANA],
    ],
  });
  const check = result<{ problems: Array<{ code: string; message: string }> }>(
    rt.run('validateOkrs', [], { as: LEAD }),
  );
  const ambiguous = check.problems.find((p) => p.code === 'header-missing');
  expect(ambiguous?.message).toContain('"Objectives"');
  expect(ambiguous?.message).toContain('"OKR"');
  const before = snapshot(rt);
  const setUp = result<{ ok: boolean; error?: string }>(rt.run('setUpOkrSheet', [], { as: LEAD }));
  expect(setUp).toMatchObject({ ok: false, error: expect.stringContaining('"Objectives", "OKR"') });
  const imported = result<{ ok: boolean }>(rt.run('importOkrs', [{ sheetName: 'Our list' }], { as: LEAD }));
  expect(imported.ok).toBe(false);
  const checkIn = result<{ ok: boolean }>(
    rt.run('checkIn', [{ id: 'O1.1', current: 39, confidence: 'on-track' }], { as: ANA }),
  );
  expect(checkIn.ok).toBe(false);
  expect(snapshot(rt)).toBe(before);
});

test('importing the OKRs tab into itself is refused whatever the case of the name typed', async () => {
  const rt = await open({ OKRs: okrRows(), Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] });
  const before = snapshot(rt);
  const res = result<{ ok: boolean; error?: string }>(
    rt.run('importOkrs', [{ sheetName: 'okrs' }], { as: LEAD }),
  );
  expect(res.ok).toBe(false);
  expect(snapshot(rt)).toBe(before);
});
