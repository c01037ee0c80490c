// Who may manage the sheet, through the built add-on: every managing endpoint (set-up, import,
// weekly emails, settings, assign) applies the one rule of src/okr/ownership/roles.ts. A caller
// Google hides (Session email '') never manages; while nobody in Team has the Lead role anyone
// signed in may (so a new team can start); once Leads are listed, only they may.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];
const SOURCE = [
  ['Objective', 'Key Result', 'Owner', 'Target'],
  ['Grow revenue', 'ARR to $2M', LEAD, 2000000],
];

async function open(withLead: boolean): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(withLead), 'Check-ins': [CHECK_IN_HEADER], 'Flat OKRs': SOURCE },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function snapshot(rt: Runtime): string {
  return JSON.stringify({
    values: rt.workbook.sheetNames().map((n) => [n, rt.workbook.values(n)]),
    properties: rt.properties('document'),
    triggers: rt.triggers(),
  });
}

/** The endpoint's refusal: a result { ok: false, error } (or a thrown error) naming why. */
function refusal(r: RunResult): string {
  if (!r.ok) return r.error?.message ?? 'thrown';
  const result = r.result as { ok?: boolean; error?: string };
  return result?.ok === false ? (result.error ?? 'refused') : '';
}

const SETTINGS = { language: 'auto', staleDays: 10, overloadLimit: 5, weeklyDay: 1, weeklyHour: 9 };

const OPERATIONS: Array<[string, unknown[]]> = [
  ['setUpOkrSheet', []],
  ['importOkrs', [{ sheetName: 'Flat OKRs' }]],
  ['enableWeeklyEmails', []],
  ['saveSettings', [SETTINGS]],
  ['assignOwner', [{ ids: ['O1.1'], email: ANA }]],
];

describe.each(OPERATIONS)('%s', (fn, args) => {
  test('refuses a caller without an identity when no Lead is listed, and changes nothing', async () => {
    const rt = await open(false);
    const before = snapshot(rt);
    expect(refusal(rt.run(fn, args, { as: '' }))).toMatch(/who you are|sign in/i);
    expect(snapshot(rt)).toBe(before);
  });

  test('refuses a Member when Leads are listed, and changes nothing', async () => {
    const rt = await open(true);
    const before = snapshot(rt);
    expect(refusal(rt.run(fn, args, { as: ANA }))).toMatch(/Only a Lead/);
    expect(snapshot(rt)).toBe(before);
  });

  test('lets a Member through when no Lead is listed (a new team starts)', async () => {
    const rt = await open(false);
    expect(refusal(rt.run(fn, args, { as: ANA }))).toBe('');
  });

  test('lets a Lead through', async () => {
    const rt = await open(true);
    expect(refusal(rt.run(fn, args, { as: LEAD }))).toBe('');
  });
});
