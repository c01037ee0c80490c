// onEdit through the built add-on, driven by the runtime's user edits: a typed multi-owner value is
// rejected by the Owner dropdown set-up installed; a pasted one (paste bypasses validation) is
// flagged with a note and a toast; Start/Target/Current/Kind edits recompute Progress of those rows
// only; the budget (≤ 3 reads, ≤ 2 writes for an Owner paste; an edit of Current adds the log's
// header, its append and the objective's Progress) holds and is the same at 50 and 5,000 rows.
import type { Runtime } from '../../local/runtime';
import { bigWorkbook, LEAD, openRuntime, readsOf, snapshot, sum, writesOf } from '../fixtures/okr/runtime';

async function setUp(rows: number): Promise<Runtime> {
  const rt = await openRuntime(bigWorkbook(rows));
  const r = rt.run('setUpOkrSheet', [], { as: LEAD });
  expect(r.ok).toBe(true);
  return rt;
}

// bigWorkbook: row 1 header, row 2 objective O1, rows 3–6 key results O1.1–O1.4 (Owner = column E,
// Kind H, Start I, Target J, Current K, Progress M).
describe('Owner edits', () => {
  test('typed: two owners are rejected by the dropdown, nothing runs', async () => {
    const rt = await setUp(50);
    const before = snapshot(rt.workbook);
    const r = rt.edit({ range: 'OKRs!E3', value: 'ann@acme.com, bob@acme.com', as: LEAD });
    expect(r.rejected).toMatch(/violates the data validation rules/);
    expect(snapshot(rt.workbook)).toBe(before);
  });

  test('pasted: two owners are flagged with a note and a toast that say why and what to do', async () => {
    const rt = await setUp(50);
    const r = rt.edit({ range: 'OKRs!E3', value: 'ann@acme.com, bob@acme.com', paste: true, as: LEAD });
    expect(r.ok).toBe(true);
    expect(r.authMode).toBe('LIMITED');
    expect(r.result).toMatchObject({ flagged: 1, recomputed: 0 });
    const note = rt.workbook.note('OKRs', 'E3');
    expect(note).toContain('more than one owner');
    expect(note).toContain('Keep one email in OKRs!E3');
    expect(r.ui.toasts).toHaveLength(1);
    expect(r.ui.toasts[0].message).toContain('O1.1');
    expect(r.emails).toEqual([]);
    // Fixing it clears the note and says nothing.
    const fix = rt.edit({ range: 'OKRs!E3', value: 'bob@acme.com', paste: true, as: LEAD });
    expect(fix.result).toMatchObject({ flagged: 0 });
    expect(rt.workbook.note('OKRs', 'E3')).toBe('');
    expect(fix.ui.toasts).toHaveLength(0);
  });

  test('a pasted block: each bad owner gets its own note; the good ones none', async () => {
    const rt = await setUp(50);
    const r = rt.edit({
      range: 'OKRs!E3:E6',
      values: [['Growth team'], ['chie@acme.com'], ['Ann Lee'], ['佐藤・鈴木']],
      paste: true,
      as: LEAD,
    });
    expect(r.result).toMatchObject({ flagged: 3 });
    expect(rt.workbook.note('OKRs', 'E3')).toContain('team or group');
    expect(rt.workbook.note('OKRs', 'E4')).toBe('');
    expect(rt.workbook.note('OKRs', 'E5')).toContain('ann@acme.com');
    expect(rt.workbook.note('OKRs', 'E6')).toContain('more than one owner');
    expect(r.ui.toasts[0].message).toContain('+2 more');
  });

  test('edits outside the OKRs data rows do nothing', async () => {
    const rt = await setUp(50);
    const before = snapshot(rt.workbook);
    const header = rt.edit({ range: 'OKRs!R1', value: 'Note', paste: true, as: LEAD });
    expect(header.result).toBeNull();
    const title = rt.edit({ range: 'OKRs!D3', value: 'A new title', as: LEAD });
    expect(title.result).toBeNull();
    // Nothing in the sheet: only the sheet's version stamp, so open sidebars show the new title.
    expect(writesOf(title.calls)).toEqual({ 'Properties.setProperty': 1 });
    const team = rt.edit({ range: 'Team!A2', value: 'Ann L.', as: LEAD });
    expect(team.result).toBeNull();
    expect(readsOf(team.calls)).toEqual({});
    expect(snapshot(rt.workbook)).not.toBe(before);
  });
});

describe('value edits recompute Progress', () => {
  test('Current, then Kind, then a pasted block of Start/Target', async () => {
    const rt = await setUp(50);
    const wb = rt.workbook;
    const row6 = JSON.stringify(wb.values('OKRs')[5]);
    let r = rt.edit({ range: 'OKRs!K3', value: 42, as: LEAD });
    expect(r.result).toMatchObject({ recomputed: 1, flagged: 0 });
    expect(wb.values('OKRs')[2][12]).toBe(0.8);
    r = rt.edit({ range: 'OKRs!H3', value: 'At least', as: LEAD });
    expect(wb.values('OKRs')[2][12]).toBe(0);
    r = rt.edit({ range: 'OKRs!H3', value: 'Increase', as: LEAD });
    r = rt.edit({
      range: 'OKRs!I3:J4',
      values: [
        [0, 100],
        [0, 20],
      ],
      paste: true,
      as: LEAD,
    });
    expect(r.result).toMatchObject({ recomputed: 2 });
    expect(wb.values('OKRs')[2][12]).toBe(0.42);
    expect(wb.values('OKRs')[3][12]).toBe(1);
    // Rows outside the edit are untouched.
    expect(JSON.stringify(wb.values('OKRs')[5])).toBe(row6);
    // No owner problem is toasted for a value edit.
    expect(r.ui.toasts).toEqual([]);
  });
});

// A paste that gives accepted key results a new owner also clears their acceptance (the new owner
// is asked): one read of the Agreements log (a paste has no oldValue, the log says whose acceptance
// it is) and three writes (the Accepted cells, the log's insert and fill). The rest of the budget
// is unchanged, and none of it grows with the sheet.
const CLEARING = { reads: 1, writes: 3 };

test('budget: an Owner paste makes at most 3 reads and 2 writes (plus clearing acceptances), the same at 50 and 5,000 rows', async () => {
  const counts: Array<Record<string, number>> = [];
  for (const rows of [50, 5000]) {
    const rt = await setUp(rows);
    const block = [['ann@acme.com, bob@acme.com'], ['bob@acme.com'], ['Platform']];
    const r = rt.edit({ range: `OKRs!E${rows - 2}:E${rows}`, values: block, paste: true, as: LEAD });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ cleared: expect.any(Number) });
    expect(sum(readsOf(r.calls))).toBeLessThanOrEqual(3 + CLEARING.reads);
    expect(sum(writesOf(r.calls))).toBeLessThanOrEqual(2 + CLEARING.writes);
    counts.push(r.calls);
  }
  expect(counts[1]).toEqual(counts[0]);
});

test('budget: a block over Owner … Current makes at most 4 reads and 5 writes (plus clearing acceptances), the same at 50 and 5,000 rows', async () => {
  // The owner check's 3 reads and 2 writes, plus what an edit of Current adds: the Check-ins log's
  // header (read) and its append (insert, fill), and the objective's Progress (one write).
  const counts: Array<Record<string, number>> = [];
  for (const rows of [50, 5000]) {
    const rt = await setUp(rows);
    // Near the bottom of the sheet: a pasted 3×7 block over Owner … Current.
    const last = rows;
    const block = [
      ['ann@acme.com, bob@acme.com', 'Growth', '2026-Q4', 'Increase', 0, 10, 5],
      ['bob@acme.com', 'Growth', '2026-Q4', 'Decrease', 10, 0, 5],
      ['Platform', 'Growth', '2026-Q4', 'Milestone', 0, 1, 1],
    ];
    const r = rt.edit({ range: `OKRs!E${last - 2}:K${last}`, values: block, paste: true, as: LEAD });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ logged: 3, objectives: 1, cleared: expect.any(Number) });
    expect(sum(readsOf(r.calls))).toBeLessThanOrEqual(4 + CLEARING.reads);
    // The sheet's version stamp is one more write, to the document's properties, not the sheet.
    const { 'Properties.setProperty': stamp, ...sheetWrites } = writesOf(r.calls);
    expect(stamp).toBe(1);
    expect(sum(sheetWrites)).toBeLessThanOrEqual(5 + CLEARING.writes);
    counts.push(r.calls);
    console.log(
      `onEdit at ${rows} rows: ${sum(readsOf(r.calls))} reads, ${sum(sheetWrites)} sheet writes, ${sum(r.calls)} service calls`,
    );
  }
  expect(counts[1]).toEqual(counts[0]);
});

test('clearing a flagged owner on the last row clears its note', async () => {
  const rt = await setUp(50);
  const rows = rt.workbook.values('OKRs').length;
  const last = `OKRs!A${rows}:R${rows}`;
  rt.edit({ range: `OKRs!E${rows}`, value: 'Growth team', paste: true, as: LEAD });
  expect(rt.workbook.note('OKRs', `E${rows}`)).toContain('team or group');
  const cleared = rt.edit({ range: last, values: [new Array(18).fill('')], paste: true, as: LEAD });
  expect(cleared.ok).toBe(true);
  expect(rt.workbook.note('OKRs', `E${rows}`)).toBe('');
});

test('onEdit called directly (as google.script.run could) with plain data does nothing', async () => {
  const rt = await setUp(50);
  const before = snapshot(rt.workbook);
  for (const args of [[], [{}], [{ range: 'OKRs!E3' }], [{ range: { getRow: 3 } }]]) {
    const r = rt.run('onEdit', args, { as: LEAD });
    expect(r.error).toBeUndefined();
    expect(r.result).toBeNull();
  }
  expect(snapshot(rt.workbook)).toBe(before);
});

test('the note and the toast follow the Language setting, not only the spreadsheet locale', async () => {
  const rt = await setUp(50);
  const settings = { language: 'ja', staleDays: 14, overloadLimit: 5, weeklyDay: 1, weeklyHour: 9 };
  expect(rt.run('saveSettings', [settings], { as: LEAD }).result).toMatchObject({ ok: true });
  const r = rt.edit({ range: 'OKRs!E3', value: 'ann@acme.com, bob@acme.com', paste: true, as: LEAD });
  expect(r.result).toMatchObject({ flagged: 1 });
  const note = rt.workbook.note('OKRs', 'E3');
  expect(note).not.toContain('more than one owner');
  expect(note).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(r.ui.toasts[0].message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
});
