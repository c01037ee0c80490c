// The Check-ins log through the built dist/Code.js in the local runtime, when the tab has no spare
// rows (a long log fills Google's grid exactly): a check-in or a decline still lands right under the
// last entry, the log grows by one row, and a failing write leaves no half check-in. And the row
// found by ID (TextFinder) is the right one wherever the table starts.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { ActionResult, CheckInResult } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];
/** A new sheet's grid in Google Sheets (and in the runtime): 1,000 rows. */
const GRID_ROWS = 1000;

/** A log whose last entry sits on the sheet's last row. */
function fullLog(): unknown[][] {
  const entries = Array.from({ length: GRID_ROWS - 1 }, (_, i) => [
    new Date(NOW - (i + 1) * 60_000),
    'O1.2',
    'ben@example.com',
    i,
    0.1,
    'On track',
    `entry ${i}`,
  ]);
  return [CHECK_IN_HEADER, ...entries];
}

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': fullLog() },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

const okrValues = (rt: Runtime) => JSON.stringify(rt.workbook.values('OKRs'));
/** Log entries (rows with an ID), so blank rows do not count. */
const entries = (rt: Runtime) => rt.workbook.values('Check-ins').filter((r, i) => i > 0 && r[1] !== '');

describe('Check-ins log without spare rows', () => {
  test('the fixture really is full: a range below the last row is outside the sheet', async () => {
    const rt = await open();
    expect(rt.workbook.sheet('Check-ins').maxRows).toBe(GRID_ROWS);
    expect(rt.workbook.values('Check-ins')).toHaveLength(GRID_ROWS);
  });

  test('a check-in appends its entry on a new row under the last one, and updates the row by ID', async () => {
    const rt = await open();
    const res = ok<ActionResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'at-risk', note: 'slower' }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: true, message: 'Checked in on O1.1.' });
    const log = rt.workbook.values('Check-ins');
    expect(log).toHaveLength(GRID_ROWS + 1);
    expect(rt.workbook.sheet('Check-ins').maxRows).toBe(GRID_ROWS + 1);
    expect(log[GRID_ROWS].slice(1)).toEqual(['O1.1', ANA, 35, 0.75, 'At risk', 'slower']);
    // The entries before it are untouched.
    expect(log[GRID_ROWS - 1].slice(1)).toEqual(fullLog()[GRID_ROWS - 1].slice(1));
    const [header, ...rows] = rt.workbook.values('OKRs');
    const row = rows.find((r) => r[0] === 'O1.1') as unknown[];
    expect(row[header.indexOf('Current')]).toBe(35);
    expect(row[header.indexOf('Note')]).toBe('slower');
    // A second check-in goes under the first, not over it.
    ok<ActionResult>(rt.run('checkIn', [{ id: 'O1.1', current: 36, confidence: 'on-track' }], { as: ANA }));
    const after = rt.workbook.values('Check-ins');
    expect(after).toHaveLength(GRID_ROWS + 2);
    expect(after[GRID_ROWS][3]).toBe(35);
    expect(after[GRID_ROWS + 1][3]).toBe(36);
  });

  test('a decline is logged on a full log too', async () => {
    const rt = await open();
    const res = ok<ActionResult>(
      rt.run('declineOwnership', [{ id: 'O1.1', reason: 'moving teams' }], { as: ANA }),
    );
    expect(res.ok).toBe(true);
    const log = rt.workbook.values('Check-ins');
    expect(log).toHaveLength(GRID_ROWS + 1);
    expect(log[GRID_ROWS][1]).toBe('O1.1');
    expect(String(log[GRID_ROWS][6])).toContain('moving teams');
  });

  test('when inserting the log row fails, nothing is written', async () => {
    const rt = await open();
    const before = okrValues(rt);
    rt.options.faults = [{ method: 'Sheet.insertRowsAfter', nth: 1, message: 'Service Spreadsheets failed' }];
    const res = rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'at-risk' }], { as: ANA });
    expect(res.ok).toBe(false);
    expect(res.error?.message).toContain('Service Spreadsheets failed');
    expect(okrValues(rt)).toBe(before);
    expect(entries(rt)).toHaveLength(GRID_ROWS - 1);
  });

  test('when writing the log entry fails, the key result row is not written either', async () => {
    const rt = await open();
    const before = okrValues(rt);
    rt.options.faults = [{ method: 'Range.setValues', nth: 1, message: 'Service Spreadsheets failed' }];
    const res = rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'at-risk' }], { as: ANA });
    expect(res.ok).toBe(false);
    expect(okrValues(rt)).toBe(before);
    expect(entries(rt)).toHaveLength(GRID_ROWS - 1);
  });

  test('a decline whose log entry fails keeps the owner (the log is written before the row)', async () => {
    const rt = await open();
    const before = okrValues(rt);
    rt.options.faults = [{ method: 'Range.setValues', nth: 1, message: 'Service Spreadsheets failed' }];
    const res = rt.run('declineOwnership', [{ id: 'O1.1', reason: 'moving teams' }], { as: ANA });
    expect(res.ok).toBe(false);
    expect(okrValues(rt)).toBe(before);
    expect(entries(rt)).toHaveLength(GRID_ROWS - 1);
  });
});

describe('check-in finds its row by ID wherever the table starts', () => {
  test('a title row above the header, a row among the first five; an ID in another case is not that row', async () => {
    const rows = [['Team OKRs — 2026 Q4'], ...okrRows()];
    const workbook = Workbook.fromRows(
      { OKRs: rows, Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
      { timeZone: 'UTC' },
    );
    const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
    const before = rt.workbook.values('OKRs');
    // IDs match exactly: o1.1 could be another row (the validator reports such look-alikes).
    expect(
      ok<CheckInResult>(
        rt.run('checkIn', [{ id: 'o1.1', current: 33, confidence: 'on-track' }], { as: ANA }),
      ),
    ).toMatchObject({ ok: false });
    expect(rt.workbook.values('OKRs')).toEqual(before);
    const res = ok<CheckInResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 33, confidence: 'on-track' }], { as: ANA }),
    );
    expect(res).toMatchObject({ ok: true, item: { id: 'O1.1', current: 33 } });
    const after = rt.workbook.values('OKRs');
    const header = after[1] as string[];
    const at = after.findIndex((r) => r[0] === 'O1.1');
    expect(at).toBeLessThan(5);
    expect(after[at][header.indexOf('Current')]).toBe(33);
    // Every other row is as it was, but for its objective's Progress (the new mean, written with it).
    const progressAt = header.indexOf('Progress');
    const butProgress = (r: unknown[]) => (r[0] === 'O1' ? r.filter((_, j) => j !== progressAt) : r);
    after.forEach((r, i) => {
      if (i !== at) expect(butProgress(r)).toEqual(butProgress(before[i]));
    });
    expect(after.find((r) => r[0] === 'O1')?.[progressAt]).toBe(0.283);
    expect(rt.workbook.values('Check-ins')[1].slice(1, 4)).toEqual(['O1.1', ANA, 33]);
  });
});
