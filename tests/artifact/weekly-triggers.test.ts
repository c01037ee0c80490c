// The weekly emails through the built add-on in the local runtime: the hourly trigger, the schedule,
// the quota, and what a tick costs when nothing is due.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { LEAD, leaderEmail, ownerEmail, weeklyTabs } from '../unit/okr/weekly/workbook';

// Sunday 29 Nov 2026 12:00 in New York (the workbook's zone); the run is due Monday 09:00 there.
const SUNDAY_NOON = '2026-11-29T17:00:00Z';
const MONDAY_0859 = '2026-11-30T13:59:00Z';
const MONDAY_1000 = '2026-11-30T15:00:00Z';
const NEXT_MONDAY_0800 = '2026-12-07T13:00:00Z';

const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

async function open(
  owners: number,
  options: Record<string, unknown> = {},
  tabs: Partial<Parameters<typeof weeklyTabs>[0]> = {},
): Promise<Runtime> {
  const wb = Workbook.fromRows(weeklyTabs({ owners, now: Date.parse(SUNDAY_NOON), jaEvery: 3, ...tabs }), {
    name: 'Team OKRs',
    timeZone: 'America/New_York',
  });
  return Runtime.open({ workbook: wb, code, options: { now: SUNDAY_NOON, ...options } });
}

function ticks(rt: Runtime) {
  return rt.triggers().filter((t) => t.handler === 'onTick');
}

function serviceCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

describe('enableWeeklyEmails / disableWeeklyEmails', () => {
  test('enabling twice leaves one hourly trigger; disabling removes it', async () => {
    const rt = await open(3);
    const first = rt.run('enableWeeklyEmails', [], { as: LEAD });
    expect(first.ok).toBe(true);
    expect(first.result).toMatchObject({
      enabled: true,
      enabledBy: LEAD,
      nextRunAt: '2026-11-30T14:00:00.000Z',
    });
    expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
    expect(ticks(rt)).toHaveLength(1);
    expect(ticks(rt)[0]).toMatchObject({ owner: LEAD, everyHours: 1 });
    expect(JSON.parse(rt.properties('document')['okrOwners.settings']).weeklyEmails).toBe(true);

    const off = rt.run('disableWeeklyEmails', [], { as: LEAD });
    expect(off.ok).toBe(true);
    expect(off.result).toMatchObject({ enabled: false });
    expect(ticks(rt)).toHaveLength(0);
    expect(JSON.parse(rt.properties('document')['okrOwners.settings']).weeklyEmails).toBe(false);
    expect(rt.tick(MONDAY_1000).emails).toHaveLength(0);
  });

  test('only a Lead may switch weekly emails', async () => {
    const rt = await open(3);
    // A refusal is an answer { ok: false, error } (src/api.ts), not a thrown error.
    const r = rt.run('enableWeeklyEmails', [], { as: ownerEmail(1) });
    expect(r.result).toMatchObject({ ok: false, error: expect.stringMatching(/Only a Lead/) });
    expect(ticks(rt)).toHaveLength(0);
    expect(rt.run('disableWeeklyEmails', [], { as: ownerEmail(1) }).result).toMatchObject({ ok: false });
  });
});

describe('who switches weekly emails', () => {
  test('anyone signed in may when the Team has no Lead', async () => {
    const rt = await open(2, {}, { noLead: true });
    expect(rt.run('enableWeeklyEmails', [], { as: ownerEmail(1) }).result).toMatchObject({
      enabledBy: ownerEmail(1),
    });
    expect(ticks(rt)).toHaveLength(1);
  });

  test("a second Lead enabling takes over: the first Lead's trigger removes itself, mail goes out once, from the second", async () => {
    const second = 'lead2@example.com';
    const rt = await open(3, {}, { extraPeople: [['Second Lead', second, 'Core', '', 'Lead', '']] });
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    rt.run('enableWeeklyEmails', [], { as: second });
    expect(
      ticks(rt)
        .map((t) => t.owner)
        .sort(),
    ).toEqual([LEAD, second].sort());
    const due = rt.tick(MONDAY_1000);
    expect(ticks(rt).map((t) => t.owner)).toEqual([second]);
    expect(due.emails.length).toBe(5);
    expect(new Set(due.emails.map((e) => e.to)).size).toBe(5);
    expect(due.emails.every((e) => e.from === second)).toBe(true);
  });

  test('disabled by another Lead: the remaining trigger removes itself on its next tick', async () => {
    const second = 'lead2@example.com';
    const rt = await open(3, {}, { extraPeople: [['Second Lead', second, 'Core', '', 'Lead', '']] });
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    expect(rt.run('disableWeeklyEmails', [], { as: second }).ok).toBe(true);
    expect(ticks(rt)).toHaveLength(1);
    expect(rt.tick(MONDAY_1000).emails).toHaveLength(0);
    expect(ticks(rt)).toHaveLength(0);
  });
});

describe('onTick', () => {
  test('ticks before the scheduled hour send nothing and cost at most 2 service calls; the due tick sends each email once', async () => {
    const rt = await open(5);
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    const early = rt.tick(MONDAY_0859);
    expect(early.executions.length).toBeGreaterThanOrEqual(20);
    expect(early.emails).toHaveLength(0);
    for (const e of early.executions) {
      expect(e.ok).toBe(true);
      expect(serviceCalls(e.calls)).toBeLessThanOrEqual(2);
    }

    const due = rt.tick(MONDAY_1000);
    const to = due.emails.map((e) => e.to).sort();
    expect(to).toEqual([leaderEmail(0), ...Array.from({ length: 5 }, (_, i) => ownerEmail(i)), LEAD].sort());
    expect(due.emails.every((e) => e.from === LEAD && e.htmlBody && e.body)).toBe(true);
    // owner0 reads Japanese (Team's Language column).
    expect(due.emails.find((e) => e.to === ownerEmail(0))?.subject).toMatch(/^OKR: /);
    expect(due.emails.find((e) => e.to === ownerEmail(1))?.subject).toMatch(/^OKRs: /);

    // The run's first execution refreshed the Summary tab, and the digest links to it.
    const summary = rt.workbook.sheets.find((s) => s.name === 'Summary');
    expect(summary).toBeDefined();
    expect(rt.workbook.values('Summary').flat().join(' ')).toMatch(/Objective 1/);
    const digest = due.emails.find((e) => e.to === leaderEmail(0));
    expect(digest?.subject).toMatch(/^OKR digest: /);
    expect(digest?.body).toContain(`#gid=${summary?.id}`);

    const again = rt.tick(NEXT_MONDAY_0800);
    expect(again.emails).toHaveLength(0);
    for (const e of again.executions) expect(serviceCalls(e.calls)).toBeLessThanOrEqual(2);

    const status = rt.run('getWeeklyRunStatus', [], { as: ownerEmail(2) }).result;
    expect(status).toMatchObject({
      period: '2026-W49',
      sent: 7,
      failedCount: 0,
      remaining: 0,
      enabledBy: LEAD,
    });
  });

  test("150 owners with a daily quota of 100: the run finishes on the next day's ticks, once each", async () => {
    const rt = await open(150, { mailQuota: 100 });
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    const monday = rt.tick('2026-11-30T23:30:00Z'); // Monday 18:30 in New York
    expect(monday.emails).toHaveLength(100);
    const status = rt.run('getWeeklyRunStatus', [], { as: LEAD }).result as {
      remaining: number;
      waitingFor: string;
    };
    expect(status).toMatchObject({ remaining: 52, waitingFor: 'quota', finishedAt: null });
    // Google's daily quota is a rolling 24 hours from its first use (Monday's first send, ~14:00Z):
    // Tuesday's early ticks still find it spent, the first tick after 14:00Z sends the rest.
    const early = rt.tick('2026-12-01T13:00:00Z');
    expect(early.emails).toHaveLength(0);
    const tuesday = rt.tick('2026-12-01T15:30:00Z');
    expect(tuesday.emails).toHaveLength(52);
    const all = [...monday.emails, ...tuesday.emails].map((e) => e.to);
    expect(new Set(all).size).toBe(152);
    expect(rt.tick(NEXT_MONDAY_0800).emails).toHaveLength(0);
    expect(rt.run('getWeeklyRunStatus', [], { as: LEAD }).result).toMatchObject({ sent: 152, remaining: 0 });
  });

  test('calling onTick directly (google.script.run) sends nothing', async () => {
    const rt = await open(2);
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    rt.setTime(MONDAY_1000);
    expect(rt.run('onTick', [], { as: LEAD }).emails).toHaveLength(0);
    expect(rt.run('onTick', [{ triggerUid: ticks(rt)[0].id }], { as: ownerEmail(1) }).emails).toHaveLength(0);
  });
});

describe('sendTestWeeklyEmail', () => {
  test('sends the caller their own email (and the digest for Leadership) outside the ledger', async () => {
    const rt = await open(3);
    const boss = rt.run('sendTestWeeklyEmail', [], { as: leaderEmail(0) });
    expect(boss.ok).toBe(true);
    expect(boss.emails.map((e) => e.subject)).toEqual([expect.stringMatching(/^\[Test\] OKR digest/)]);
    const owner = rt.run('sendTestWeeklyEmail', [], { as: ownerEmail(1) });
    expect(owner.emails).toHaveLength(1);
    expect(owner.emails[0]).toMatchObject({
      to: ownerEmail(1),
      subject: expect.stringMatching(/^\[Test\] OKRs: /),
    });
    const stranger = rt.run('sendTestWeeklyEmail', [], { as: 'stranger@example.com' });
    expect(stranger.emails).toHaveLength(0);
    expect((stranger.result as { message: string }).message).toMatch(/not in the Team tab/);
    // The weekly run still sends everyone their one email.
    rt.run('enableWeeklyEmails', [], { as: LEAD });
    expect(rt.tick(MONDAY_1000).emails.filter((e) => e.to === ownerEmail(1))).toHaveLength(1);
  });

  test('a caller Google hides gets an answer saying so, and nothing is sent', async () => {
    const rt = await open(3);
    const hidden = rt.run('sendTestWeeklyEmail', [], { as: '' });
    expect(hidden.ok).toBe(true);
    expect(hidden.result).toMatchObject({ sent: [], message: expect.stringMatching(/\S/) });
    expect(hidden.emails).toHaveLength(0);
  });
});
