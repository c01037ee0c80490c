// A key result's history through the built add-on in the local runtime: getKeyResultHistory reads
// the Check-ins log once and answers that key result's check-ins oldest first (JSON-safe), with the
// expected-pace line; a caller Google hides, or who is not in Team, is refused.
import { Runtime, Workbook } from '../../local/runtime';
import type { KeyResultHistoryResult } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { DAY, NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LOG_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

/** Out of order on purpose, with other key results' rows between. */
function log(): unknown[][] {
  return [
    LOG_HEADER,
    [at(3), 'O1.1', 'ana@example.com', 30, 0.5, 'On track', 'fine'],
    [at(20), 'O1.1', 'ana@example.com', 24, 0.2, 'At risk', 'slow start'],
    [at(10), 'O1.2', 'ana@example.com', 9, 0.2, 'At risk', ''],
    [at(10), 'O1.1', 'source', 27, 0.35, '', "From source 'Sales data'!B3"],
  ];
}

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': log() },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function history(rt: Runtime, id: string, as: string): KeyResultHistoryResult {
  const res = rt.run('getKeyResultHistory', [{ id }], { as });
  if (!res.ok) throw new Error(`getKeyResultHistory failed: ${res.error?.message}`);
  return res.result as KeyResultHistoryResult;
}

describe('getKeyResultHistory', () => {
  test("answers the key result's check-ins oldest first, marked when from source, with the pace line", async () => {
    const rt = await open();
    const res = rt.run('getKeyResultHistory', [{ id: 'O1.1' }], { as: 'ben@example.com' });
    const answer = res.result as KeyResultHistoryResult;
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.entries.map((e) => [e.time, e.progress, e.fromSource])).toEqual([
      [NOW - 20 * DAY, 20, false],
      [NOW - 10 * DAY, 35, true],
      [NOW - 3 * DAY, 50, false],
    ]);
    expect(answer.entries[0]).toEqual({
      time: NOW - 20 * DAY,
      by: 'ana@example.com',
      current: 24,
      progress: 20,
      confidence: 'at-risk',
      note: 'slow start',
      fromSource: false,
    });
    expect(answer.item.id).toBe('O1.1');
    // 2026-Q4 runs Oct 1 → Jan 1; O1.1 has no due date, so the line ends with the quarter.
    expect(answer.pace[0]).toEqual({ time: Date.UTC(2026, 9, 1), expected: 0 });
    expect(answer.pace[answer.pace.length - 1]).toEqual({ time: Date.UTC(2027, 0, 1), expected: 100 });
    expect(answer.expectedToday).toBe(61);
    expect(answer.truncated).toBe(false);
    // JSON-safe: what google.script.run carries.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    // The log is read once.
    expect(res.calls['Sheet.getDataRange']).toBeGreaterThanOrEqual(1);
    const logReads = rt.run('getKeyResultHistory', [{ id: 'O1.1' }], { as: 'ben@example.com' }).calls;
    expect(logReads['Range.getValues']).toBe(3);
  });

  test('a Lead and Leadership may read it; someone not in Team, or hidden, may not', async () => {
    const rt = await open();
    expect(history(rt, 'O1.1', 'lead@example.com')).toMatchObject({ ok: true });
    expect(history(rt, 'O1.1', 'boss@example.com')).toMatchObject({ ok: true });
    expect(history(rt, 'O1.1', 'stranger@example.com')).toEqual({
      ok: false,
      error:
        'Only people listed in the Team tab can see the history of O1.1. Ask your OKR lead to add you (stranger@example.com).',
    });
    expect(history(rt, 'O1.1', '')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/did not tell/),
    });
  });

  test('a bad request or an unknown ID is refused with what to do', async () => {
    const rt = await open();
    expect(history(rt, 'O9', 'ana@example.com')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/O9/),
    });
    const bad = rt.run('getKeyResultHistory', [{ id: 42 }], { as: 'ana@example.com' }).result;
    expect(bad).toMatchObject({ ok: false });
    expect(history(rt, 'O1', 'ana@example.com')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/objective/),
    });
  });
});
