// Managers see their people, through the built add-on in the local runtime: getTeamView's rights
// (the manager or a Lead; a Member who manages nobody is refused, nothing changes), its groups; each
// person's own weekly email choice (only their own, server-side identity); and the weekly run, run
// as the Lead who installed it: a manager's email lists their reports' stale key results, and the
// choices "never" and "only when something needs me" are honoured.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { MyWeeklyEmailResult, SettingsResult, TeamViewResult } from '../../src/api';
import { DAY, okrHeaderRow, okrRow, teamHeaderRow, teamRow } from '../fixtures/okr/build';
import { snapshot } from '../fixtures/okr/runtime';
import { ensureBuilt } from '../helpers/build';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const LEAD = 'lead@example.com';
const MIA = 'mia@example.com';
const ANN = 'ann@example.com';
const BEN = 'ben@example.com';
const CAT = 'cat@example.com';
const d = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

function workbook(extraTabs: Record<string, unknown[][]> = {}): Workbook {
  const kr = (id: string, owner: string, title: string, cells: Record<string, unknown> = {}) =>
    okrRow({
      ID: id,
      Type: 'Key result',
      Parent: 'O1',
      Title: title,
      Owner: owner,
      Cycle: '2026-Q4',
      Kind: 'Increase',
      Start: 0,
      Target: 100,
      Current: 50,
      Confidence: 'On track',
      Accepted: d(60),
      'Last check-in': d(2),
      ...cells,
    });
  return Workbook.fromRows(
    {
      OKRs: [
        okrHeaderRow(),
        okrRow({
          ID: 'O1',
          Type: 'Objective',
          Title: 'Grow',
          Owner: LEAD,
          Cycle: '2026-Q4',
          Accepted: d(60),
        }),
        kr('O1.1', ANN, 'Quiet for weeks', { 'Last check-in': d(30) }),
        kr('O1.2', ANN, 'Not yet accepted', { Accepted: '', 'Last check-in': '' }),
        kr('O1.3', BEN, 'Worried', { Confidence: 'Off track' }),
        kr('O1.4', BEN, 'Fine'),
        kr('O1.5', CAT, 'Someone else’s report', { 'Last check-in': d(30) }),
      ],
      Team: [
        teamHeaderRow(),
        teamRow({ Name: 'Lee Lead', Email: LEAD, Role: 'Lead' }),
        teamRow({ Name: 'Mia', Email: MIA, Role: 'Member', Manager: LEAD }),
        teamRow({ Name: 'Ann', Email: ANN, Role: 'Member', Manager: MIA }),
        teamRow({ Name: 'Ben', Email: BEN, Role: 'Member', Manager: 'mia' }),
        teamRow({ Name: 'Cat', Email: CAT, Role: 'Member', Manager: LEAD }),
      ],
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
      ...extraTabs,
    },
    { timeZone: 'UTC' },
  );
}

async function open(): Promise<Runtime> {
  return Runtime.open({ workbook: workbook(), projectDir: ensureBuilt(), options: { now: NOW } });
}

function ok<T>(r: RunResult): T {
  if (!r.ok) throw new Error(r.error?.message);
  return r.result as T;
}

const state = (rt: Runtime) => snapshot(rt.workbook) + JSON.stringify(rt.properties('document'));

describe('getTeamView', () => {
  test('the manager sees their reports’ key results grouped by what needs a conversation', async () => {
    const rt = await open();
    const r = rt.run('getTeamView', [], { as: MIA });
    const view = ok<TeamViewResult>(r);
    if (!view.ok) throw new Error(view.error);
    expect(view.manager).toEqual({ email: MIA, name: 'Mia' });
    expect(view.people.map((p) => p.email)).toEqual([ANN, BEN]);
    expect(view.groups.map((g) => [g.need, g.items.map((i) => i.id)])).toEqual([
      ['pending', ['O1.2']],
      ['stale', ['O1.1']],
      ['off-track', ['O1.3']],
    ]);
    const stale = view.groups[1].items[0];
    expect(stale).toMatchObject({ owner: ANN, ownerName: 'Ann', progress: 50, conversation: true });
    expect(stale.lastCheckIn).toBe(NOW - 30 * DAY);
    expect(view.fine).toBe(1);
    // JSON-safe: what google.script.run hands the sidebar is what the server built.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // Team once, the OKRs tab's header, Owner column and the reports' rows: no whole-tab read.
    expect(r.calls['Range.getValues']).toBe(1);
    // Team's data range and the OKRs tab's size (its bounds, no cells: one call instead of getLastRow
    // and getLastColumn); the one Range.getValues above is Team's.
    expect(r.calls['Sheet.getDataRange']).toBe(2);
  });

  test('a team whose people own no key result is answered without reading the Agreements log', async () => {
    const agreements: unknown[][] = [['Time', 'ID', 'Step', 'By', 'Owner', 'From', 'To', 'Reason']];
    for (let i = 0; i < 50; i++) agreements.push([d(10), 'O1.5', 'Proposed', CAT, CAT, '', '', 'x']);
    const rt = await Runtime.open({
      workbook: workbook({ Agreements: agreements }),
      projectDir: ensureBuilt(),
      options: { now: NOW },
    });
    // Cat manages nobody; a Lead may still look at her (empty) team.
    const r = rt.run('getTeamView', [{ manager: CAT }], { as: LEAD });
    const view = ok<TeamViewResult>(r);
    if (!view.ok) throw new Error(view.error);
    expect(view.people).toEqual([]);
    expect(view.groups.every((g) => g.items.length === 0)).toBe(true);
    // Team's values only: the log (the longest read at 10,000 key results) has nothing to say here;
    // its size is not asked either (the data ranges are Team's and the OKRs tab's).
    expect(r.calls['Range.getValues']).toBe(1);
    expect(r.calls['Sheet.getDataRange']).toBe(2);
    // Mia's team does read it (her people own key results): its size, its header rows, its ID and
    // Step columns (nobody's steps wait there, so no Owner cell).
    expect(ok<TeamViewResult>(rt.run('getTeamView', [], { as: MIA })).ok).toBe(true);
    const mia = rt.run('getTeamView', [], { as: MIA });
    expect(mia.calls['Range.getValues']).toBe(3);
    expect(mia.calls['Sheet.getDataRange']).toBe(3);
  });

  test('a Lead may see anyone’s team; a Member who manages nobody, or asks for another’s, is refused and nothing changes', async () => {
    const rt = await open();
    const lead = ok<TeamViewResult>(rt.run('getTeamView', [{ manager: MIA }], { as: LEAD }));
    expect(lead.ok && lead.people.length).toBe(2);
    const before = state(rt);
    const member = ok<TeamViewResult>(rt.run('getTeamView', [], { as: ANN }));
    expect(member).toEqual({
      ok: false,
      error: expect.stringContaining('names you (ann@example.com) as their Manager'),
    });
    const other = ok<TeamViewResult>(rt.run('getTeamView', [{ manager: MIA }], { as: BEN }));
    expect(other).toMatchObject({
      ok: false,
      field: 'manager',
      error: expect.stringContaining('Only mia@example.com or a Lead'),
    });
    const hidden = ok<TeamViewResult>(rt.run('getTeamView', [], { as: '' }));
    expect(hidden).toMatchObject({ ok: false });
    const bad = ok<TeamViewResult>(rt.run('getTeamView', [{ manager: 'not an email' }], { as: LEAD }));
    expect(bad).toMatchObject({ ok: false, field: 'manager' });
    expect(state(rt)).toBe(before);
  });
});

describe('each person’s weekly email', () => {
  test('only the caller’s own choice is stored, for a Team member; bad input changes nothing', async () => {
    const rt = await open();
    const before = state(rt);
    expect(
      ok<MyWeeklyEmailResult>(rt.run('saveMyWeeklyEmail', [{ choice: 'sometimes' }], { as: ANN })),
    ).toMatchObject({
      ok: false,
      field: 'choice',
    });
    expect(
      ok<MyWeeklyEmailResult>(
        rt.run('saveMyWeeklyEmail', [{ choice: 'never' }], { as: 'stranger@example.com' }),
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('not in the Team tab'),
    });
    expect(ok<MyWeeklyEmailResult>(rt.run('saveMyWeeklyEmail', [{ choice: 'never' }], { as: '' })).ok).toBe(
      false,
    );
    expect(state(rt)).toBe(before);
    // An email in the request is ignored: the choice is the caller's.
    const saved = ok<MyWeeklyEmailResult>(
      rt.run('saveMyWeeklyEmail', [{ choice: 'never', email: BEN }], { as: ANN }),
    );
    expect(saved).toMatchObject({ ok: true, choice: 'never' });
    const props = rt.properties('document');
    expect(props['okrOwners.weeklyEmail.ann@example.com']).toBe('never');
    expect(props['okrOwners.weeklyEmail.ben@example.com']).toBeUndefined();
    const view = ok<SettingsResult>(rt.run('getSettings', [], { as: ANN }));
    expect(view.ok && view.view.myWeeklyEmail).toBe('never');
    expect(ok<SettingsResult>(rt.run('getSettings', [], { as: BEN }))).toMatchObject({
      view: { myWeeklyEmail: 'always' },
    });
  });
});

describe('the weekly run', () => {
  async function run(choices: Record<string, string> = {}) {
    const rt = await open();
    for (const [who, choice] of Object.entries(choices))
      expect(ok<MyWeeklyEmailResult>(rt.run('saveMyWeeklyEmail', [{ choice }], { as: who })).ok).toBe(true);
    expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
    // Enabled Wednesday; the first run is Monday 30 November at 09:00.
    const { emails } = rt.tick('2026-11-30T10:30:00Z');
    return emails;
  }

  test('a manager’s email lists their reports’ stale key results as a conversation to have', async () => {
    const emails = await run();
    const mia = emails.find((e) => e.to === MIA);
    expect(mia).toBeDefined();
    expect(mia?.subject).toContain("1 of your team's key results could use a conversation");
    for (const body of [String(mia?.htmlBody), String(mia?.body)]) {
      expect(body).toContain('Your team');
      expect(body).toContain('O1.1');
      expect(body).toContain('a good moment to ask Ann how it is going and what would help');
      expect(body).not.toContain('O1.5');
    }
    // The Lead manages Mia and Cat: Cat's quiet key result is in the Lead's email.
    expect(emails.find((e) => e.to === LEAD)?.body).toContain('O1.5');
  });

  test('"never" gets nothing, "only when needed" only with something to do', async () => {
    const all = (await run()).map((e) => e.to).sort();
    expect(all).toEqual([ANN, BEN, CAT, LEAD, MIA].sort());
    // Ben's off-track key result needs him; the Lead's objective and Cat's key result need nothing
    // of Cat; Mia has Ann's conversation.
    const chosen = (await run({ [ANN]: 'never', [BEN]: 'needed', [MIA]: 'needed', [CAT]: 'needed' }))
      .map((e) => e.to)
      .sort();
    expect(chosen).toEqual([BEN, CAT, LEAD, MIA].sort());
  });

  test('everybody choosing "never" finishes the run with nothing sent, and no error', async () => {
    const rt = await open();
    for (const who of [LEAD, MIA, ANN, BEN, CAT])
      rt.run('saveMyWeeklyEmail', [{ choice: 'never' }], { as: who });
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    expect(rt.tick('2026-11-30T10:30:00Z').emails).toEqual([]);
    const status = ok<{ finishedAt: string | null; lastError: string | null }>(
      rt.run('getWeeklyRunStatus', [], { as: LEAD }),
    );
    expect(status.finishedAt).not.toBeNull();
    expect(status.lastError).toBeNull();
  });
});
