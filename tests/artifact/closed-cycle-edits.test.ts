// A closed cycle's rows edited straight in the sheet, through the built add-on in the local runtime:
// a typed cell is put back with a toast; a paste (Google gives no old values for it) gets a note on
// its cells and the edited-after-close problem, which compares the rows with the Results tab and
// clears when the rows match it again or a Lead reopens the cycle; open rows are edited as before.
import { type RunResult, Runtime } from '../../local/runtime';
import type { CheckSheetResult, CyclesResult, EditOutcome } from '../../src/api';
import { AGREEMENT_HEADERS } from '../fixtures/okr/agreements';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { readsOf, sheetsCalls, sum, writesOf } from '../fixtures/okr/runtime';
import { ensureBuilt } from '../helpers/build';

const { LEAD, ANA, BEN, NOW } = CYCLE_PEOPLE;

async function open(): Promise<Runtime> {
  return Runtime.open({ workbook: twoCycleWorkbook(), projectDir: ensureBuilt(), options: { now: NOW } });
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

/** The cell of `header` on `row` (rows: 3 O1.1, 4 O1.2, 5 O1.3 of 2026-Q3; 7 O2.1 of 2026-Q4). */
function cell(rt: Runtime, header: string, row: number): string {
  const index = rt.workbook.values('OKRs')[0].indexOf(header);
  return `${String.fromCharCode(65 + index)}${row}`;
}
const value = (rt: Runtime, header: string, row: number) =>
  rt.workbook.values('OKRs')[row - 1][rt.workbook.values('OKRs')[0].indexOf(header)];

function close(rt: Runtime, cycle = '2026-Q3'): void {
  expect(ok<CyclesResult>(rt.run('closeCycle', [{ cycle }], { as: LEAD })).ok).toBe(true);
}

const problemsOf = (rt: Runtime, code: string) =>
  ok<CheckSheetResult>(rt.run('validateOkrs', [], { as: LEAD })).problems.filter((p) => p.code === code);

describe('typed into a closed row', () => {
  test('Current, Target, Owner and Confidence are put back, with a toast that says why and how to reopen', async () => {
    const rt = await open();
    close(rt);
    const logBefore = rt.workbook.values('Check-ins').length;
    const progressBefore = value(rt, 'Progress', 3);
    for (const [header, typed] of [
      ['Current', 90],
      ['Target', 50],
      ['Owner', 'ben@acme.com'],
      ['Confidence', 'Off track'],
      ['Accepted', '2026-10-01'],
    ] as const) {
      const before = value(rt, header, 3);
      const r = rt.edit({ range: `OKRs!${cell(rt, header, 3)}`, value: typed, as: ANA });
      expect(r.ok).toBe(true);
      expect(r.result).toMatchObject({ reverted: 1 });
      expect(value(rt, header, 3)).toEqual(before);
      expect(r.ui.toasts).toHaveLength(1);
      expect(r.ui.toasts[0].message).toContain(
        `Cycle 2026-Q3 is closed: its rows are the graded record, so OKRs!${cell(rt, header, 3)} was set back`,
      );
      expect(r.ui.toasts[0].message).toContain("reopens the cycle in the sidebar's Cycles view");
      // Put back in one write, after 2 reads: nothing logged, no Progress recomputed.
      expect(readsOf(r.calls)).toEqual({ 'Range.getValues': 2 });
      expect(writesOf(r.calls)).toEqual({ 'Range.setValue': 1, 'Properties.setProperty': 1 });
    }
    expect(rt.workbook.values('Check-ins')).toHaveLength(logBefore);
    expect(value(rt, 'Progress', 3)).toEqual(progressBefore);
    expect(problemsOf(rt, 'edited-after-close')).toEqual([]);
  });

  test('an empty cell typed into is emptied again; a row typed into a closed cycle goes back to its own', async () => {
    const rt = await open();
    close(rt);
    const due = rt.edit({ range: `OKRs!${cell(rt, 'Due', 4)}`, value: '2026-09-30', as: LEAD });
    expect(due.result).toMatchObject({ reverted: 1 });
    expect(value(rt, 'Due', 4)).toBe('');
    const moved = rt.edit({ range: `OKRs!${cell(rt, 'Cycle', 7)}`, value: '2026-Q3', as: LEAD });
    expect(moved.result).toMatchObject({ reverted: 1 });
    expect(value(rt, 'Cycle', 7)).toBe('2026-Q4');
  });

  test('put back by its column: text that Sheets would parse stays that text, a number that number', async () => {
    const rt = await open();
    close(rt);
    const header = rt.workbook.values('OKRs')[0];
    const at = (h: string) => rt.workbook.sheet('OKRs').cellForWrite(3, header.indexOf(h) + 1);
    for (const [h, old, typed] of [
      ['Title', '007', 'Seven'],
      ['Title', '+1 NPS', 'NPS'],
      ['Title', '1,200', 'Many'],
      ['Title', '=not a formula', 'Formula'],
      ['Current', 12.5, 90],
    ] as const) {
      at(h).value = old;
      const r = rt.edit({ range: `OKRs!${cell(rt, h, 3)}`, value: typed, as: ANA });
      expect(r.result).toMatchObject({ reverted: 1 });
      expect(value(rt, h, 3)).toBe(old);
    }
  });

  test('in Japanese: the toast is the Japanese one', async () => {
    const rt = await open();
    rt.workbook.locale = 'ja_JP';
    close(rt);
    const r = rt.edit({ range: `OKRs!${cell(rt, 'Current', 3)}`, value: 90, as: ANA });
    expect(r.ui.toasts[0].message).toContain('サイクル2026-Q3は締め済みです');
  });
});

describe('pasted into a closed row', () => {
  test('flagged: a note on each pasted cell, a toast, and edited-after-close until the rows match the Results tab again', async () => {
    const rt = await open();
    close(rt);
    const current = cell(rt, 'Current', 3);
    const paste = rt.edit({
      range: `OKRs!${current}:${cell(rt, 'Current', 4)}`,
      values: [[90], [100]],
      paste: true,
      as: ANA,
    });
    const outcome = paste.result as EditOutcome;
    expect(outcome.closedFlagged).toBe(2);
    expect(outcome.reverted).toBeUndefined();
    expect(value(rt, 'Current', 3)).toBe(90);
    expect(rt.workbook.note('OKRs', current)).toContain('Edited after cycle 2026-Q3 was closed');
    expect(rt.workbook.note('OKRs', cell(rt, 'Current', 4))).toContain('graded record');
    expect(paste.ui.toasts[0].message).toContain('2 pasted cells could not be set back');
    const problems = problemsOf(rt, 'edited-after-close');
    // O1.2 was 100 already: its score is what was recorded, so only O1.1 is listed.
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        id: 'O1.1',
        row: 3,
        cell: `OKRs!${current}`,
        message:
          'Key result O1.1 (row 3) of the closed cycle 2026-Q3 now scores 0.9, but 0.4 was recorded when the cycle closed (Results tab): the row was edited after the close.',
        hint: expect.stringContaining("reopen 2026-Q3 in the sidebar's Cycles view"),
      }),
    ]);
    // Undone (pasted back): the row matches the record again and the problem is gone.
    rt.edit({ range: `OKRs!${current}`, values: [[38]], paste: true, as: ANA });
    expect(problemsOf(rt, 'edited-after-close')).toEqual([]);
  });

  test('pasted over again, a cell that has another note gets ours once', async () => {
    const rt = await open();
    close(rt);
    const header = rt.workbook.values('OKRs')[0];
    rt.workbook.sheet('OKRs').cellForWrite(3, header.indexOf('Current') + 1).note = 'Checked with finance.';
    const current = cell(rt, 'Current', 3);
    for (const v of [90, 91, 92]) rt.edit({ range: `OKRs!${current}`, values: [[v]], paste: true, as: ANA });
    const note = rt.workbook.note('OKRs', current);
    expect(note.startsWith('Checked with finance.\n\n')).toBe(true);
    expect(note.split('Edited after cycle 2026-Q3 was closed')).toHaveLength(2);
  });

  test('a paste over a closed and an open row: only the open one is logged, re-owned and summed up', async () => {
    const rt = await open();
    rt.workbook.addSheet('Agreements');
    rt.workbook.writeRect(rt.workbook.sheet('Agreements'), 1, 1, [AGREEMENT_HEADERS]);
    close(rt);
    const header = rt.workbook.values('OKRs')[0] as string[];
    const [from, to] = [header.indexOf('Owner'), header.indexOf('Current')];
    // Rows 5 (O1.3, closed 2026-Q3) to 7 (O2.1, open 2026-Q4); row 6 (objective O2) pasted as it was.
    const block = [5, 6, 7].map((r) => rt.workbook.values('OKRs')[r - 1].slice(from, to + 1));
    for (const r of [0, 2]) {
      block[r][0] = BEN;
      block[r][to - from] = 90;
    }
    const before = {
      accepted: value(rt, 'Accepted', 5),
      o1: value(rt, 'Progress', 2),
      o2: value(rt, 'Progress', 6),
    };
    const r = rt.edit({
      range: `OKRs!${cell(rt, 'Owner', 5)}:${cell(rt, 'Current', 7)}`,
      values: block,
      paste: true,
      as: LEAD,
    });
    expect(r.result).toMatchObject({
      closedFlagged: expect.any(Number),
      logged: 1,
      cleared: 1,
      objectives: 1,
    });
    const logged = rt.workbook.values('Check-ins').slice(1);
    expect(logged.map((row) => row[1])).toEqual(['O2.1']);
    const agreements = rt.workbook.values('Agreements').slice(1);
    expect(agreements.map((row) => row[AGREEMENT_HEADERS.indexOf('ID')])).toEqual(['O2.1']);
    expect(value(rt, 'Accepted', 5)).toEqual(before.accepted);
    expect(value(rt, 'Accepted', 7)).toBe('');
    expect(value(rt, 'Progress', 2)).toEqual(before.o1);
    expect(value(rt, 'Progress', 6)).not.toEqual(before.o2);
  });

  test('a paste into one cell carries no old value (as in Google): flagged, not put back', async () => {
    const rt = await open();
    close(rt);
    const r = rt.edit({ range: `OKRs!${cell(rt, 'Target', 5)}`, value: 200, paste: true, as: LEAD });
    expect(r.result).toMatchObject({ closedFlagged: 1 });
    expect(value(rt, 'Target', 5)).toBe(200);
    expect(problemsOf(rt, 'edited-after-close').map((p) => p.id)).toEqual(['O1.3']);
  });

  test('a Lead reopens the cycle: the problem clears, the rows can be edited, closing again records the new score', async () => {
    const rt = await open();
    close(rt);
    rt.edit({ range: `OKRs!${cell(rt, 'Current', 3)}`, values: [[90]], paste: true, as: ANA });
    expect(problemsOf(rt, 'edited-after-close')).toHaveLength(1);
    const member = ok<CyclesResult>(rt.run('reopenCycle', [{ cycle: '2026-Q3' }], { as: ANA }));
    expect(member.ok).toBe(false);
    const reopened = ok<CyclesResult>(rt.run('reopenCycle', [{ cycle: '2026-Q3' }], { as: LEAD }));
    expect(reopened).toMatchObject({ ok: true, message: expect.stringContaining('2026-Q3 is open again') });
    if (!reopened.ok) throw new Error('refused');
    expect(reopened.view.cycles.find((c) => c.name === '2026-Q3')).toMatchObject({ closed: false });
    expect(problemsOf(rt, 'edited-after-close')).toEqual([]);
    const typed = rt.edit({ range: `OKRs!${cell(rt, 'Current', 3)}`, value: 95, as: ANA });
    expect((typed.result as EditOutcome | null)?.reverted).toBeUndefined();
    expect(value(rt, 'Current', 3)).toBe(95);
    close(rt);
    expect(problemsOf(rt, 'edited-after-close')).toEqual([]);
    const again = ok<CyclesResult>(rt.run('reopenCycle', [{ cycle: '2026-Q4' }], { as: LEAD }));
    expect(again).toMatchObject({
      ok: false,
      error: '2026-Q4 is not closed, so there is nothing to reopen.',
    });
  });

  test('an edit the trigger never saw (the sheet changed without onEdit) is listed too: the Results tab is the truth', async () => {
    const rt = await open();
    close(rt);
    const header = rt.workbook.values('OKRs')[0];
    rt.workbook.sheet('OKRs').cellForWrite(5, header.indexOf('Target') + 1).value = 200;
    expect(problemsOf(rt, 'edited-after-close')).toEqual([
      expect.objectContaining({
        id: 'O1.3',
        message: expect.stringContaining('now scores 0.4, but 0.7 was recorded'),
      }),
    ]);
  });

  test('a key result added to a closed cycle afterwards has no score: listed on its Cycle cell', async () => {
    const rt = await open();
    close(rt);
    const row = rt.workbook.values('OKRs')[6];
    const ids = rt.workbook.values('OKRs')[0];
    const added = row.map((v, i) => (ids[i] === 'ID' ? 'O1.4' : ids[i] === 'Cycle' ? '2026-Q3' : v));
    rt.edit({
      range: 'OKRs!A8:' + cell(rt, ids[ids.length - 1] as string, 8),
      values: [added],
      paste: true,
      as: LEAD,
    });
    const problems = problemsOf(rt, 'edited-after-close');
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'O1.4',
        cell: `OKRs!${cell(rt, 'Cycle', 8)}`,
        message: expect.stringContaining('the Results tab has no score for it'),
      }),
    ]);
  });
});

describe('moved out of a closed cycle', () => {
  test("a closed row's Cycle pasted to an open cycle is listed on its Cycle cell; a deleted one on its Results row", async () => {
    const rt = await open();
    close(rt);
    const cycleCell = cell(rt, 'Cycle', 5);
    const moved = rt.edit({ range: `OKRs!${cycleCell}`, values: [['2026-Q4']], paste: true, as: LEAD });
    expect(moved.ok).toBe(true);
    expect(problemsOf(rt, 'edited-after-close')).toEqual([
      expect.objectContaining({
        id: 'O1.3',
        row: 5,
        cell: `OKRs!${cycleCell}`,
        message:
          'Key result O1.3 (row 5) was scored in the closed cycle 2026-Q3 (Results tab), but its Cycle is now 2026-Q4: it was moved out of the cycle after the close.',
      }),
    ]);
    // The row gone altogether: listed on its record, the Results tab's row.
    const header = rt.workbook.values('OKRs')[0];
    rt.workbook.sheet('OKRs').cellForWrite(5, header.indexOf('ID') + 1).value = 'X9';
    const results = rt.workbook.values('Results');
    const recordRow = results.findIndex((r) => r.includes('O1.3') && r.includes('2026-Q3')) + 1;
    const idColumn = (results[0] as string[]).indexOf('ID');
    expect(problemsOf(rt, 'edited-after-close').filter((p) => p.id === 'O1.3')).toEqual([
      expect.objectContaining({
        row: recordRow,
        cell: `Results!${String.fromCharCode(65 + idColumn)}${recordRow}`,
        message: expect.stringContaining('no row of the OKRs tab has that ID any more'),
      }),
    ]);
  });
});

describe('open rows and sheets without a closed cycle', () => {
  test('an open row is edited as before: logged, Progress recomputed, nothing put back', async () => {
    const rt = await open();
    close(rt);
    const r = rt.edit({ range: `OKRs!${cell(rt, 'Current', 7)}`, value: 20, as: ANA });
    expect(r.result).toMatchObject({ recomputed: 1, logged: 1 });
    expect((r.result as EditOutcome).reverted).toBeUndefined();
    expect(value(rt, 'Current', 7)).toBe(20);
    expect(rt.workbook.note('OKRs', cell(rt, 'Current', 7))).toBe('');
  });

  test('while no cycle is closed the guard costs no Sheets call; a closed one elsewhere costs 10, no write', async () => {
    const plain = await open();
    const r = plain.edit({ range: `OKRs!${cell(plain, 'Current', 3)}`, value: 40, as: ANA });
    const closedElsewhere = await open();
    close(closedElsewhere, '2026-Q4');
    const other = closedElsewhere.edit({
      range: `OKRs!${cell(closedElsewhere, 'Current', 3)}`,
      value: 40,
      as: ANA,
    });
    expect(r.result).toMatchObject({ recomputed: 1, logged: 1 });
    expect(other.result).toMatchObject({ recomputed: 1, logged: 1 });
    // A closed cycle elsewhere costs the guard's 10 fixed calls (1 read: the edited rows; its read of
    // the header rows serves the owner check too) and no write.
    expect(sum(sheetsCalls(other.calls)) - sum(sheetsCalls(r.calls))).toBe(10);
    expect(sum(readsOf(other.calls)) - sum(readsOf(r.calls))).toBe(1);
    expect(writesOf(other.calls)).toEqual(writesOf(r.calls));
  });
});
