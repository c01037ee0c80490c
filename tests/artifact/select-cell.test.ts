// selectCell through the built add-on: whatever a hand-made request names (a column that is a
// property of every object, a cell outside the sheet, a tab that does not exist, a malformed
// reference), the answer is a localized { ok: false, error }, never an exception.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const ANA = 'ana@example.com';

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    {
      OKRs: okrRows(),
      Team: teamRows(),
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function answer(res: RunResult): { ok: boolean; error?: string } {
  if (!res.ok) throw new Error(`selectCell threw: ${res.error?.message}`);
  return res.result as { ok: boolean; error?: string };
}

describe('selectCell never throws', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'column "%s" is refused with a localized message',
    async (column) => {
      const rt = await open();
      const en = answer(rt.run('selectCell', [{ id: 'O1.2', column }], { as: ANA }));
      expect(en).toEqual({ ok: false, error: expect.stringContaining('cannot be selected') });
      rt.options.userLocales = { [ANA]: 'ja' };
      const ja = answer(rt.run('selectCell', [{ id: 'O1.2', column }], { as: ANA }));
      expect(ja).toEqual({ ok: false, error: expect.stringContaining('選択できません') });
    },
  );

  test.each([
    'OKRs!ZZZ99999',
    'OKRs!ZZZ1',
    'OKRs!A9999999',
    'Nope!A1',
    'A0',
    'OKRs!A0',
    'OKRs!',
    '!A1',
    "'OKRs!A1",
  ])('cell "%s" is refused, and the selection stays where it was', async (cell) => {
    const rt = await open();
    expect(answer(rt.run('selectCell', [{ cell: 'OKRs!B3' }], { as: ANA }))).toEqual({ ok: true });
    const before = JSON.stringify(rt.workbook.selections.get(ANA));
    expect(answer(rt.run('selectCell', [{ cell }], { as: ANA }))).toEqual({
      ok: false,
      error: expect.stringContaining('cannot be selected'),
    });
    expect(JSON.stringify(rt.workbook.selections.get(ANA))).toBe(before);
  });

  test('an unknown column still falls back to the ID cell; a cell inside the sheet is selected', async () => {
    const rt = await open();
    expect(answer(rt.run('selectCell', [{ id: 'O1.2', column: 'Nonsense' }], { as: ANA }))).toEqual({
      ok: true,
    });
    expect(rt.workbook.selections.get(ANA)).toMatchObject({ cell: { row: 4, col: 1 } });
    expect(answer(rt.run('selectCell', [{ cell: 'OKRs!$B$2' }], { as: ANA }))).toEqual({ ok: true });
    expect(rt.workbook.selections.get(ANA)).toMatchObject({ cell: { row: 2, col: 2 } });
  });
});
