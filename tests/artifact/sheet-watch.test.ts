// The sheet's version stamp in the built dist/Code.js (src/gas/sheetVersion.ts, polled through
// watchSheet): it moves on every write the add-on makes, on every user edit (onEdit) and when rows are
// added without any trigger; it stays put on reads and refusals; and asking costs the same handful
// of calls whatever the sheet's size, never a read of the sheet's cells.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { SheetWatch } from '../../src/api';
import { readsOf } from '../fixtures/okr/runtime';
import { ensureBuilt } from '../helpers/build';
import { bigSheet, NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';

async function open(okrs: unknown[][] = okrRows(), team: unknown[][] = teamRows()): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    {
      OKRs: okrs,
      Team: team,
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function watch(rt: Runtime, as = ANA): { version: string; run: RunResult } {
  const run = rt.run('watchSheet', [], { as });
  if (!run.ok) throw new Error(`watchSheet failed: ${run.error?.message}`);
  return { version: (run.result as SheetWatch).version, run };
}

test('moves on writes and edits, stays on reads and refusals', async () => {
  const rt = await open();
  const v0 = watch(rt).version;
  expect(watch(rt).version).toBe(v0);
  // Reads change nothing.
  expect(rt.run('getSidebarState', [], { as: ANA }).ok).toBe(true);
  expect(rt.run('validateOkrs', [], { as: LEAD }).ok).toBe(true);
  expect(watch(rt).version).toBe(v0);
  // A refused write (Ana may not assign) wrote nothing.
  const refused = rt.run('assignOwner', [{ ids: ['O2.2'], email: ANA }], { as: ANA });
  expect(refused.result).toMatchObject({ ok: false });
  expect(watch(rt).version).toBe(v0);
  // Another person's check-in.
  const checkIn = rt.run('checkIn', [{ id: 'O1.1', current: 33, confidence: 'on-track' }], { as: ANA });
  expect(checkIn.result).toMatchObject({ ok: true });
  const v1 = watch(rt, LEAD).version;
  expect(v1).not.toBe(v0);
  // A user's edit of a title (onEdit has nothing to check there, but the sidebar shows titles).
  expect(rt.edit({ range: 'OKRs!D2', value: 'Delight every customer', as: LEAD }).ok).toBe(true);
  const v2 = watch(rt).version;
  expect(v2).not.toBe(v1);
  // A menu action.
  expect(rt.run('refreshSummary', [], { as: LEAD }).result).toMatchObject({ ok: true });
  const v3 = watch(rt).version;
  expect(v3).not.toBe(v2);
  // Rows a script appends run no trigger: the OKRs tab's size still moves the stamp.
  const next = rt.workbook.values('OKRs').length + 1;
  rt.workbook.setValues('OKRs', `A${next}:D${next}`, [['O9', 'Objective', '', 'New']]);
  expect(watch(rt).version).not.toBe(v3);
});

test('asking costs the same calls on a small sheet and at 5,000 rows, and reads no cell beyond the selected IDs', async () => {
  const calls: Array<Record<string, number>> = [];
  const big = bigSheet(5000, 500);
  for (const rt of [await open(), await open(big.okrRows, big.teamRows)]) {
    rt.select('OKRs!B3:D4', ANA);
    const { run } = watch(rt);
    expect(run.result).toMatchObject({ active: { selectedIds: [expect.any(String), expect.any(String)] } });
    // The active-row part reads the header rows and the selected rows' IDs; the stamp reads no cell.
    expect(readsOf(run.calls)).toEqual({ 'Range.getValues': 1 });
    expect(run.calls['Sheet.getSheetValues']).toBe(1);
    // Sizes as data-range bounds (no cells), one call each instead of getLastRow and getLastColumn:
    // the OKRs tab's for the header read, and the OKRs and Team tabs' for the stamp. No getValues of
    // them (the one above is the selected rows' IDs).
    expect(run.calls['Sheet.getDataRange']).toBe(3);
    expect(run.calls['Sheet.getLastRow']).toBeUndefined();
    expect(run.calls['Properties.getProperty']).toBe(1);
    calls.push(run.calls);
  }
  expect(calls[1]).toEqual(calls[0]);
});
