// A required column named twice (two Owner columns, one of them an alias; two ID columns) through the
// built add-on: the validator names both columns and what to do, and every write refuses with the
// sheet left as it was, until one of the columns is gone.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

/** The fixture's OKRs with one more column at the right: a copy of column `copy` under `header`. */
function withExtraColumn(header: string, copy: number): unknown[][] {
  return okrRows().map((row, i) => [...row, i === 0 ? header : row[copy]]);
}

async function open(okrs: unknown[][]): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrs, Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER], Source: [['Objective', 'Key result']] },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function result<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} threw: ${res.error?.message}`);
  return res.result as T;
}

const everything = (rt: Runtime) =>
  JSON.stringify(rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]));

describe('a duplicated required header', () => {
  test('two Owner columns: reported with both letters; check-in, assign, set-up and import refuse', async () => {
    const okrs = withExtraColumn('owner email', 4);
    const rt = await open(okrs);
    const letter = String.fromCharCode(65 + okrs[0].length - 1);
    const { problems } = result<{ problems: Array<{ code: string; message: string; hint: string }> }>(
      rt.run('validateOkrs', [], { as: LEAD }),
    );
    const dup = problems.filter((p) => /more than one Owner column/.test(p.message));
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain(`"Owner" in column E and "owner email" in column ${letter}`);
    expect(dup[0].hint).toContain(`E, ${letter}`);

    const before = everything(rt);
    const refusals = [
      rt.run('checkIn', [{ id: 'O1.1', current: 1, confidence: 'on-track' }], { as: ANA }),
      rt.run('assignOwner', [{ ids: ['O2.1'], email: ANA }], { as: LEAD }),
      rt.run('setUpOkrSheet', [], { as: LEAD }),
      rt.run('importOkrs', [{ sheetName: 'Source' }], { as: LEAD }),
    ].map((r) => result<{ ok: boolean; error?: string }>(r));
    expect(refusals.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(refusals[2].error).toMatch(/more than one Owner column.*Keep one of the columns/);
    expect(refusals[3].error).toMatch(/more than one Owner column/);
    expect(everything(rt)).toBe(before);
  });

  test('two ID columns: a check-in refuses, nothing is written; removing one makes it work again', async () => {
    const okrs = withExtraColumn('ID', 0);
    const rt = await open(okrs);
    const before = everything(rt);
    const refused = result<{ ok: boolean }>(
      rt.run('checkIn', [{ id: 'O1.1', current: 1, confidence: 'on-track' }], { as: ANA }),
    );
    expect(refused.ok).toBe(false);
    expect(everything(rt)).toBe(before);
    // Rename the extra column as the hint says: the sheet works again.
    const width = okrs[0].length;
    rt.workbook.setValues('OKRs', `${String.fromCharCode(64 + width)}1`, [['Old ID']]);
    const { problems } = result<{ problems: Array<{ message: string }> }>(
      rt.run('validateOkrs', [], { as: LEAD }),
    );
    expect(problems.some((p) => /more than one ID column/.test(p.message))).toBe(false);
    expect(
      result<{ ok: boolean }>(
        rt.run('checkIn', [{ id: 'O1.1', current: 1, confidence: 'on-track' }], { as: ANA }),
      ).ok,
    ).toBe(true);
  });

  test('Japanese: the problem is in Japanese', async () => {
    const rt = await open(withExtraColumn('担当者', 4));
    rt.options.userLocales = { [LEAD]: 'ja' };
    const { problems } = result<{ problems: Array<{ message: string }> }>(
      rt.run('validateOkrs', [], { as: LEAD }),
    );
    expect(
      problems.some((p) => /「担当者」列が複数あります/.test(p.message) || /Owner」列が複数/.test(p.message)),
    ).toBe(true);
  });
});
