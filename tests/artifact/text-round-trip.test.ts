// Text a person types must come back exactly as typed: in the OKRs tab, in the Check-ins log and in
// the sidebar. Sheets parses every string a script writes as if it were typed into the cell ("007"
// becomes 7, "TRUE" a boolean, "45%" 0.45, "2026-11-30" a date, and a leading apostrophe vanishes),
// so the add-on must write text so that Sheets keeps it as text. Runs the built add-on in the local
// runtime, which parses written strings the way Sheets does.
import fc from 'fast-check';
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { ActionResult, CheckInResult, SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

/** Strings Sheets would turn into something else if written as they are. */
const LOOK_ALIKES = [
  '007',
  'TRUE',
  'false',
  '45%',
  '1,200',
  '$5',
  '¥3,000',
  '1e3',
  '-5',
  '+1',
  '2026-11-30',
  '11/30/2026',
  '12:30',
  "'quoted",
  "''twice",
  '=1+1',
  '@mention',
  '1.10',
  '#N/A',
];

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  const r = res.result as { ok?: boolean; error?: string };
  if (r && r.ok === false) throw new Error(`${res.function} refused: ${r.error}`);
  return res.result as T;
}

function rowsById(rt: Runtime): Map<string, Record<string, unknown>> {
  const [header, ...rows] = rt.workbook.values('OKRs');
  return new Map(
    rows.map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [String(h), r[i]]))]),
  );
}

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

/** What the endpoints keep of a typed text: they trim it (a deliberate normalisation) and cap it. */
function typed(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom(...LOOK_ALIKES) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    )
    .map((s) => s.trim().slice(0, max))
    .filter((s) => s !== '');
}

describe('text round trip through the built add-on', () => {
  test.each(LOOK_ALIKES)('%s written as a title, unit and note reads back identical', async (s) => {
    const rt = await open();
    const added = ok<ActionResult>(
      rt.run('addObjective', [{ title: s, cycle: s.slice(0, 40) }], { as: LEAD }),
    );
    expect(added.ok).toBe(true);
    const objective = [...rowsById(rt).values()].find((r) => r.Type === 'Objective' && r.ID === 'O3');
    expect(objective?.Title).toBe(s);
    expect(objective?.Cycle).toBe(s.slice(0, 40));

    ok(
      rt.run(
        'addKeyResult',
        [{ objectiveId: 'O1', title: s, kind: 'increase', start: 0, target: 10, unit: s.slice(0, 20) }],
        { as: LEAD },
      ),
    );
    const kr = rowsById(rt).get('O1.4');
    expect(kr?.Title).toBe(s);
    expect(kr?.Unit).toBe(s.slice(0, 20));

    ok<CheckInResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 31, confidence: 'on-track', note: s }], { as: ANA }),
    );
    expect(rowsById(rt).get('O1.1')?.Note).toBe(s);
    const log = rt.workbook.values('Check-ins').slice(1);
    expect(log[log.length - 1][1]).toBe('O1.1');
    expect(log[log.length - 1][6]).toBe(s);

    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(state.mine.find((k) => k.id === 'O1.1')?.note).toBe(s);

    ok<CheckInResult>(rt.run('declineOwnership', [{ id: 'O2.3', reason: s }], { as: ANA }));
    const afterDecline = rt.workbook.values('Check-ins');
    expect(afterDecline[afterDecline.length - 1].slice(1, 3)).toEqual(['O2.3', ANA]);
    // The log says who declined, then the reason as typed.
    expect(afterDecline[afterDecline.length - 1][6]).toBe(`Declined ownership (${ANA}): ${s}`);
  });

  test('any typed text (unicode and look-alikes) survives a check-in note, in the sheet, the log and the sidebar', async () => {
    const rt = await open();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(typed(500), async (s) => {
        n++;
        ok<CheckInResult>(
          rt.run('checkIn', [{ id: 'O1.1', current: 30 + (n % 5), confidence: 'at-risk', note: s }], {
            as: ANA,
          }),
        );
        expect(rowsById(rt).get('O1.1')?.Note).toBe(s);
        const log = rt.workbook.values('Check-ins');
        expect(log[log.length - 1][6]).toBe(s);
        const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
        expect(state.mine.find((k) => k.id === 'O1.1')?.note).toBe(s);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
