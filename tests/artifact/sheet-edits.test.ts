// Current and Confidence typed straight into the OKRs tab, through the built add-on's onEdit in the
// local runtime: the edit is logged in the Check-ins log (by the editor when Google tells who it is,
// else "edited in the sheet"; old → new from the event), an edit by someone who may not check in on
// that row is flagged, and the objective's Progress follows a typed Current.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { EditOutcome } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

const logRows = (rt: Runtime) => rt.workbook.values('Check-ins').slice(1);

function rowOf(rt: Runtime, id: string): Record<string, unknown> {
  const [header, ...rows] = rt.workbook.values('OKRs');
  const row = rows.find((r) => r[0] === id)!;
  return Object.fromEntries(header.map((h, i) => [String(h), row[i]]));
}

const outcome = (r: RunResult) => r.result as EditOutcome;

/** As if Google told the editor (same Workspace domain): an installable edit trigger runs as FULL. */
function googleTellsWho(rt: Runtime): void {
  rt.state.triggers.push({
    id: 'edit-1',
    handler: 'onEdit',
    owner: LEAD,
    eventType: 'ON_EDIT',
    source: 'SPREADSHEETS',
    documentId: rt.workbook.id,
    createdAt: NOW,
  });
}

describe('a Current typed in the sheet', () => {
  test('is logged (the editor hidden in a simple trigger: "edited in the sheet"; old → new), Progress of its row and objective follow', async () => {
    const rt = await open();
    // O1.1: Increase 20 → 40, Current 30 (K3).
    const r = rt.edit({ range: 'OKRs!K3', value: 35, as: ANA });
    expect(r.ok).toBe(true);
    expect(outcome(r)).toMatchObject({ logged: 1, nonOwner: 0, objectives: 1, recomputed: 1 });
    const log = logRows(rt);
    expect(log).toHaveLength(1);
    expect(log[0].slice(1)).toEqual([
      'O1.1',
      'edited in the sheet',
      35,
      0.75,
      'On track',
      'Edited in the sheet: Current 30 → 35',
    ]);
    expect(rowOf(rt, 'O1.1').Progress).toBe(0.75);
    // O1: (75% + 20% + 0%) / 3.
    expect(rowOf(rt, 'O1').Progress).toBe(0.317);
    // The simple trigger cannot tell who edited: nothing to flag, no toast.
    expect(r.ui.toasts).toEqual([]);
  });

  test('a Confidence typed in the sheet is logged too; a Title is not', async () => {
    const rt = await open();
    rt.edit({ range: 'OKRs!N3', value: 'At risk', as: ANA });
    expect(logRows(rt).map((r) => r.slice(1))).toEqual([
      [
        'O1.1',
        'edited in the sheet',
        30,
        0.5,
        'At risk',
        'Edited in the sheet: Confidence On track → At risk',
      ],
    ]);
    rt.edit({ range: 'OKRs!D3', value: 'Raise NPS to 45', as: ANA });
    expect(logRows(rt)).toHaveLength(1);
  });

  test('a pasted block of Current values: one row each, appended in one call', async () => {
    const rt = await open();
    const r = rt.edit({ range: 'OKRs!K3:K4', values: [[36], [8]], paste: true, as: ANA });
    expect(outcome(r)).toMatchObject({ logged: 2 });
    expect(logRows(rt).map((row) => [row[1], row[3], row[6]])).toEqual([
      ['O1.1', 36, 'Edited in the sheet: Current'],
      ['O1.2', 8, 'Edited in the sheet: Current'],
    ]);
    expect(r.calls['Sheet.insertRowsAfter']).toBe(1);
  });

  test('in Japanese when the sheet is in Japanese', async () => {
    const rt = await open();
    const settings = { language: 'ja', staleDays: 14, overloadLimit: 5, weeklyDay: 1, weeklyHour: 9 };
    expect(rt.run('saveSettings', [settings], { as: LEAD }).result).toMatchObject({ ok: true });
    rt.edit({ range: 'OKRs!K3', value: 35, as: ANA });
    expect(logRows(rt)[0].slice(2)).toEqual([
      'シートで直接編集',
      35,
      0.75,
      'On track',
      'シートで直接編集: 現在値 30 → 35',
    ]);
  });
});

describe('when Google tells who edited', () => {
  test("the owner's own edit is logged by them, not flagged", async () => {
    const rt = await open();
    googleTellsWho(rt);
    const r = rt.edit({ range: 'OKRs!K3', value: 35, as: ANA });
    const full = r.triggers?.[0];
    expect(full?.ok).toBe(true);
    expect(outcome(full!)).toMatchObject({ logged: 1, nonOwner: 0 });
    expect(logRows(rt).at(-1)?.[2]).toBe(ANA);
  });

  test("someone else's edit is logged by them and flagged, in the log and a toast naming the row and the editor", async () => {
    const rt = await open();
    googleTellsWho(rt);
    const r = rt.edit({ range: 'OKRs!K3', value: 35, as: BEN });
    const full = r.triggers?.[0];
    expect(outcome(full!)).toMatchObject({ logged: 1, nonOwner: 1 });
    const last = logRows(rt).at(-1)!;
    expect(last[2]).toBe(BEN);
    expect(last[6]).toBe('Edited in the sheet: Current 30 → 35 (not by the owner, ana@example.com)');
    expect(full?.ui.toasts.map((t) => t.message)).toEqual([
      'ben@example.com changed Current of O1.1 in the sheet, but O1.1 is owned by ana@example.com: owners check in from the sidebar (Extensions → OKR Owners). The change is logged in Check-ins.',
    ]);
  });

  test("a Lead's edit is logged by the Lead, not flagged (a Lead may check in for an owner)", async () => {
    const rt = await open();
    googleTellsWho(rt);
    const r = rt.edit({ range: 'OKRs!K3', value: 35, as: LEAD });
    expect(outcome(r.triggers![0])).toMatchObject({ logged: 1, nonOwner: 0 });
    expect(logRows(rt).at(-1)?.[2]).toBe(LEAD);
  });
});
