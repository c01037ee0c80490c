// Cycles and pace through the built add-on in the local runtime: the sidebar's cycles and pace, the
// two cycle settings (validated, nothing saved on a bad value), the Summary's one cycle and its
// switch, and the weekly run ticked through a quarter's end.
import type { Runtime } from '../../local/runtime';
import { Workbook } from '../../local/runtime';
import type { SettingsResult, SidebarState } from '../../src/api';
import { okrHeaderRow, okrRow, teamHeaderRow, teamRow } from '../fixtures/okr/build';
import { openRuntime } from '../fixtures/okr/runtime';

const LEAD = 'lea@example.com';
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const BOSS = 'boss@example.com';
/** Wednesday 25 November 2026, noon UTC: 55.5 of 2026-Q4's 92 days are gone (expected 60%). */
const NOW = '2026-11-25T12:00:00Z';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const objective = (id: string, cycle: string, title: string) =>
  okrRow({ ID: id, Type: 'Objective', Title: title, Owner: LEAD, Cycle: cycle, Accepted: day('2026-07-01') });

const keyResult = (id: string, parent: string, cycle: string, owner: string, current: number, last: string) =>
  okrRow({
    ID: id,
    Type: 'Key result',
    Parent: parent,
    Title: `Key result ${id}`,
    Owner: owner,
    Cycle: cycle,
    Kind: 'increase',
    Start: 0,
    Target: 100,
    Current: current,
    Confidence: 'On track',
    Accepted: day('2026-07-01'),
    'Last check-in': day(last),
  });

function workbook(): Workbook {
  return Workbook.fromRows(
    {
      OKRs: [
        okrHeaderRow(),
        objective('O3', '2026-Q3', 'Summer launch'),
        keyResult('O3.1', 'O3', '2026-Q3', ANA, 40, '2026-09-01'),
        objective('O1', '2026-Q4', 'Delight customers'),
        // 20% with 60% expected: behind pace, though its owner says On track; stale too.
        keyResult('O1.1', 'O1', '2026-Q4', ANA, 20, '2026-11-01'),
        keyResult('O1.2', 'O1', '2026-Q4', BEN, 70, '2026-11-20'),
        objective('O2', '2027-Q1', 'Next quarter'),
        keyResult('O2.1', 'O2', '2027-Q1', BEN, 0, '2026-11-20'),
      ],
      Team: [
        teamHeaderRow(),
        teamRow({ Name: 'Lea Lead', Email: LEAD, Role: 'Lead' }),
        teamRow({ Name: 'Ana Owner', Email: ANA, Manager: LEAD, Role: 'Member' }),
        teamRow({ Name: 'Ben Owner', Email: BEN, Manager: LEAD, Role: 'Member' }),
        teamRow({ Name: 'Bo Boss', Email: BOSS, Role: 'Leadership' }),
      ],
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { name: 'Team OKRs', timeZone: 'UTC' },
  );
}

const open = () => openRuntime(workbook(), { now: NOW });

function state(rt: Runtime, as: string): SidebarState {
  const r = rt.run('getSidebarState', [], { as });
  expect(r.ok).toBe(true);
  return r.result as SidebarState;
}

const storedSettings = (rt: Runtime) => rt.properties('document')['okrOwners.settings'];

const SETTINGS = {
  language: 'en',
  staleDays: 14,
  overloadLimit: 5,
  weeklyDay: 1,
  weeklyHour: 9,
};

function save(rt: Runtime, values: Record<string, unknown>, as = LEAD): SettingsResult {
  const r = rt.run('saveSettings', [{ ...SETTINGS, ...values }], { as });
  expect(r.ok).toBe(true);
  return r.result as SettingsResult;
}

describe('the sidebar state carries the cycles', () => {
  test("the sheet's cycles in time order with their dates, the current one, each row's cycle and pace", async () => {
    const rt = await open();
    const s = state(rt, ANA);
    expect(s.cycles).toEqual([
      { name: '2026-Q3', start: Date.parse('2026-07-01'), end: Date.parse('2026-10-01'), shows: [0] },
      { name: '2026-Q4', start: Date.parse('2026-10-01'), end: Date.parse('2027-01-01'), shows: [1] },
      { name: '2027-Q1', start: Date.parse('2027-01-01'), end: Date.parse('2027-04-01'), shows: [2] },
    ]);
    expect(s.currentCycle).toBe('2026-Q4');
    // One character per row, in sheet order: O3, O3.1 in 2026-Q3 ('0'), O1 … in 2026-Q4 ('1'), O2 … ('2').
    expect(s.table.id).toEqual(['O3', 'O3.1', 'O1', 'O1.1', 'O1.2', 'O2', 'O2.1']);
    expect(s.table.cycle).toBe('0011122');
    const mine = Object.fromEntries(s.mine.map((k) => [k.id, k]));
    expect(mine['O1.1']).toMatchObject({
      cycle: '2026-Q4',
      confidence: 'on-track',
      pace: { expected: 60, behind: true },
    });
    // An ended cycle asks nothing more of its owner: O3.1 is not stale, O1.1 is.
    expect(mine['O1.1'].needs).toContain('stale');
    expect(mine['O3.1'].needs).not.toContain('stale');
    // 2026-Q3 is over: where it should be is 100%.
    expect(mine['O3.1'].pace).toEqual({ expected: 100, behind: true });
  });

  test('Problems nag about the open cycle only', async () => {
    const rt = await open();
    const s = state(rt, LEAD);
    const stale = s.problems.list.filter((p) => p.code === 'stale').map((p) => p.id);
    expect(stale).toEqual(['O1.1']);
    const checked = rt.run('validateOkrs', [], { as: LEAD }).result as {
      problems: Array<{ code: string; id: string }>;
    };
    expect(checked.problems.filter((p) => p.code === 'stale').map((p) => p.id)).toEqual(['O1.1']);
  });

  test('the quick state (the first answer) carries the cycles of the rows it read', async () => {
    const rt = await open();
    const quick = rt.run('getSidebarStart', [], { as: BEN }).result as SidebarState;
    expect(quick.complete).toBe(false);
    // The caller's rows and the few around them.
    expect(quick.cycles.map((c) => c.name)).toEqual(expect.arrayContaining(['2026-Q4', '2027-Q1']));
    expect(quick.currentCycle).toBe('2026-Q4');
    expect(quick.mine.find((k) => k.id === 'O1.2')?.pace).toEqual({ expected: 60, behind: false });
  });
});

describe("a key result's own dates", () => {
  test('a Start date column starts the pace line there; Due ends it', async () => {
    const wb = workbook();
    const okrs = wb.values('OKRs');
    const width = okrs[0].length;
    const due = (okrs[0] as string[]).indexOf('Due');
    const startDate = okrs.map((r, i) => [i === 0 ? 'Start date' : r[0] === 'O1.1' ? day('2026-11-01') : '']);
    wb.setValues(
      'OKRs',
      `${String.fromCharCode(65 + width)}1:${String.fromCharCode(65 + width)}${okrs.length}`,
      startDate,
    );
    const row = okrs.findIndex((r) => r[0] === 'O1.1') + 1;
    wb.setValues('OKRs', `${String.fromCharCode(65 + due)}${row}`, [[day('2026-12-01')]]);
    const rt = await openRuntime(wb, { now: NOW });
    const mine = state(rt, ANA).mine;
    // 24.5 of the 30 days from 1 November to 1 December: 82% expected, not the quarter's 60%.
    expect(mine.find((k) => k.id === 'O1.1')?.pace).toEqual({ expected: 82, behind: true });
    // Without its own dates, the cycle's: 2026-Q3 ended, 100%.
    expect(mine.find((k) => k.id === 'O3.1')?.pace).toEqual({ expected: 100, behind: true });
  });
});

describe('the cycle settings', () => {
  test('defaults: January and the default margin', async () => {
    const rt = await open();
    const r = rt.run('getSettings', [], { as: LEAD }).result as SettingsResult;
    expect(r.ok && r.view.settings).toMatchObject({
      fiscalYearStartMonth: 1,
      paceMargin: 15,
      summaryCycle: '',
    });
  });

  test.each([
    [{ fiscalYearStartMonth: 13 }, 'fiscalYearStartMonth', /Fiscal year starts in must be between 1 and 12/],
    [{ fiscalYearStartMonth: 0 }, 'fiscalYearStartMonth', /between 1 and 12/],
    [{ fiscalYearStartMonth: 4.5 }, 'fiscalYearStartMonth', /whole number/],
    [{ fiscalYearStartMonth: 'April' }, 'fiscalYearStartMonth', /must be a number/],
    [{ paceMargin: -1 }, 'paceMargin', /Behind pace after \(points\) must be between 0 and 100/],
    [{ paceMargin: 101 }, 'paceMargin', /between 0 and 100/],
    [{ summaryCycle: 7 }, 'summaryCycle', /Cycle in the Summary must be text/],
  ])('%j is refused with a clear error and nothing is saved', async (bad, field, message) => {
    const rt = await open();
    const before = storedSettings(rt);
    const r = save(rt, { ...bad, staleDays: 20 });
    expect(r).toMatchObject({ ok: false, field, error: expect.stringMatching(message) });
    expect(storedSettings(rt)).toBe(before);
  });

  test('in Japanese, the error names the field in Japanese', async () => {
    const rt = await open();
    expect(save(rt, { language: 'ja' })).toMatchObject({ ok: true });
    const r = save(rt, { language: 'ja', fiscalYearStartMonth: 13 });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('年度の開始月は1から12の範囲') });
  });

  test('a save without the cycle settings keeps them; April dates the cycles from April', async () => {
    const rt = await open();
    expect(save(rt, { fiscalYearStartMonth: 4, paceMargin: 25 })).toMatchObject({ ok: true });
    expect(save(rt, { staleDays: 21 })).toMatchObject({ ok: true });
    expect(JSON.parse(storedSettings(rt))).toMatchObject({
      fiscalYearStartMonth: 4,
      paceMargin: 25,
      staleDays: 21,
    });
    const s = state(rt, ANA);
    // With an April fiscal year, 2026-Q4 is January–March 2027: not started, so 2026-Q3 (October–
    // December 2026) is the current cycle, and nothing is expected of O1.1 yet.
    expect(s.cycles.find((c) => c.name === '2026-Q4')).toMatchObject({
      start: Date.parse('2027-01-01'),
      end: Date.parse('2027-04-01'),
    });
    expect(s.currentCycle).toBe('2026-Q3');
    expect(s.mine.find((k) => k.id === 'O1.1')?.pace).toEqual({ expected: 0, behind: false });
  });

  test('only a Lead may change them', async () => {
    const rt = await open();
    const before = storedSettings(rt);
    expect(save(rt, { fiscalYearStartMonth: 4 }, ANA)).toMatchObject({ ok: false });
    expect(storedSettings(rt)).toBe(before);
  });
});

describe('the Summary shows one cycle', () => {
  type Refresh = { ok: true; sections: Record<string, { startRow: number; rows: number }> };
  const section = (rt: Runtime, r: Refresh, name: string) => {
    const s = r.sections[name];
    return rt.workbook.displayValues('Summary').slice(s.startRow - 1, s.startRow - 1 + s.rows);
  };
  const objectiveIds = (rt: Runtime, r: Refresh) =>
    section(rt, r, 'objectives')
      .slice(2, -1)
      .map((row) => row[0]);

  test('the current cycle by default, saying so and naming the others', async () => {
    const rt = await open();
    const r = rt.run('refreshSummary', [], { as: LEAD }).result as Refresh;
    const header = section(rt, r, 'header');
    expect(header[3].slice(0, 3)).toEqual(['Cycle', '2026-Q4', 'The current cycle.']);
    expect(header[4].slice(0, 2)).toEqual(['Other cycles', '2026-Q3, 2027-Q1']);
    expect(header[4][2]).toMatch(/Not in this Summary.*Settings → Cycle in the Summary/);
    expect(objectiveIds(rt, r)).toEqual(['O1']);
    const headline = section(rt, r, 'headline');
    expect(headline[1][10]).toBe('Behind pace');
    expect(headline[2][1]).toBe('2');
    expect(headline[2][10]).toBe('1');
    const objectives = section(rt, r, 'objectives');
    expect(objectives[1][10]).toBe('Behind pace');
    expect(objectives[2][10]).toBe('1');
  });

  test('the switch: the cycle a Lead chose in Settings, and only it', async () => {
    const rt = await open();
    expect(save(rt, { summaryCycle: '2027-Q1' })).toMatchObject({ ok: true });
    const r = rt.run('refreshSummary', [], { as: LEAD }).result as Refresh;
    const header = section(rt, r, 'header');
    expect(header[3].slice(0, 3)).toEqual(['Cycle', '2027-Q1', 'Chosen by a Lead in Settings.']);
    expect(header[4][1]).toBe('2026-Q3, 2026-Q4');
    expect(objectiveIds(rt, r)).toEqual(['O2']);
    expect(section(rt, r, 'headline')[2][1]).toBe('1');
    const owners = section(rt, r, 'owners').map((row) => row[1]);
    expect(owners).toContain(BEN);
    expect(owners).not.toContain(ANA);
  });

  test('a chosen cycle no longer in the sheet falls back to the current one', async () => {
    const rt = await open();
    save(rt, { summaryCycle: '2025-Q1' });
    const r = rt.run('refreshSummary', [], { as: LEAD }).result as Refresh;
    expect(section(rt, r, 'header')[3].slice(0, 3)).toEqual(['Cycle', '2026-Q4', 'The current cycle.']);
  });

  test('pace beside confidence in the attention list', async () => {
    const rt = await open();
    // O1.1 at risk now: it is listed with its confidence, and its pace beside it.
    const okrs = rt.workbook.values('OKRs');
    const col = (okrs[0] as string[]).indexOf('Confidence');
    const row = okrs.findIndex((r) => r[0] === 'O1.1');
    rt.workbook.setValues('OKRs', `${String.fromCharCode(65 + col)}${row + 1}`, [['At risk']]);
    const r = rt.run('refreshSummary', [], { as: LEAD }).result as Refresh;
    const attention = section(rt, r, 'attention');
    expect(attention[1][9]).toBe('Pace');
    const line = attention.find((a) => a[0] === 'At risk' && a[1] === 'O1.1');
    expect(line?.[9]).toBe('Expected 60% · behind pace');
  });
});

describe('the weekly run asks only about open cycles', () => {
  test('ticked through the end of 2026-Q4: no email asks for a check-in on the ended cycle', async () => {
    const rt = await open();
    expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
    // Monday 30 November, 09:00: Ana is asked about O1.1 (2026-Q4), with its pace, never about O3.1 (2026-Q3).
    const november = rt.tick('2026-11-30T10:00:00Z').emails;
    const ana = november.find((e) => e.to === ANA);
    expect(ana?.body).toContain('O1.1');
    expect(ana?.body).toMatch(/Confidence: On track · Expected 6\d% · behind pace/);
    expect(ana?.htmlBody).toContain('behind pace');
    expect(ana?.body).not.toContain('O3.1');
    const digest = november.find((e) => e.to === BOSS);
    expect(digest?.body).toMatch(/Key results behind pace: 1/);

    // Through the quarter's end and its two weeks of grace, to Monday 18 January 2027.
    const winter = rt.tick('2027-01-18T10:00:00Z').emails;
    const last = winter.filter((e) => e.at >= Date.parse('2027-01-18T00:00:00Z'));
    expect(last.length).toBeGreaterThan(0);
    for (const e of last) {
      expect(e.body).not.toContain('O1.1');
      expect(e.body).not.toContain('O1.2');
    }
    // Ana owns nothing open any more: no email for her; Ben still hears about 2027-Q1's O2.1.
    expect(last.some((e) => e.to === ANA)).toBe(false);
    expect(last.find((e) => e.to === BEN)?.body).toContain('O2.1');
    // Earlier, within the grace days (Monday 11 January), 2026-Q4 was still asked about.
    const grace = winter.filter(
      (e) => e.at >= Date.parse('2027-01-11T00:00:00Z') && e.at < Date.parse('2027-01-12T00:00:00Z'),
    );
    expect(grace.find((e) => e.to === ANA)?.body).toContain('O1.1');
  }, 300_000);
});
