// The built add-on when the sheet cannot be read at the scheduled hour (the Team tab renamed): the
// week is not "finished, 0 sent"; the Lead sees the problem in the sidebar's Settings and gets one
// email saying so; once the tab is back, the next tick sends everyone their email.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { LEAD, leaderEmail, ownerEmail, weeklyTabs } from '../unit/okr/weekly/workbook';

const SUNDAY_NOON = Date.parse('2026-11-29T17:00:00Z');
const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

test('a Team tab missing at the scheduled hour: reported to the Lead (Settings and one email), retried, then everyone mailed once', async () => {
  const wb = Workbook.fromRows(weeklyTabs({ owners: 2, now: SUNDAY_NOON }), {
    name: 'Team OKRs',
    timeZone: 'America/New_York',
  });
  const rt = await Runtime.open({ workbook: wb, code, options: { now: SUNDAY_NOON } });
  expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
  // The Lead also owns the objectives: their owner email must still come once the tab is back.
  wb.sheet('Team').name = 'Old team list';

  const blocked = rt.tick('2026-11-30T17:00:00Z'); // Monday 09:00 to 12:00 New York: three ticks
  const ticks = blocked.executions.filter(
    (e) => e.function === 'onTick' && (e.result as { action?: string } | undefined)?.action === 'ran',
  );
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  for (const e of ticks)
    expect(e.result).toMatchObject({ action: 'ran', finished: false, waitingFor: 'error' });
  expect(blocked.emails.map((e) => e.to)).toEqual([LEAD]);
  expect(blocked.emails[0].subject).toContain('emails are waiting');
  expect(blocked.emails[0].body).toContain('There is no Team tab.');

  const settings = rt.run('getSettings', [], { as: LEAD }).result as {
    view: { weeklyRun: { finishedAt: number | null; problem?: string } };
  };
  expect(settings.view.weeklyRun.finishedAt).toBeNull();
  expect(settings.view.weeklyRun.problem).toMatch(/There is no Team tab\..*tried again every hour/);

  wb.sheet('Old team list').name = 'Team';
  const fixed = rt.tick('2026-11-30T18:30:00Z');
  expect(fixed.emails.map((e) => e.to).sort()).toEqual(
    [LEAD, leaderEmail(0), ownerEmail(0), ownerEmail(1)].sort(),
  );
  const after = rt.run('getSettings', [], { as: LEAD }).result as {
    view: { weeklyRun: { finishedAt: number | null; sent: number; problem?: string } };
  };
  expect(after.view.weeklyRun).toMatchObject({ sent: 4 });
  expect(after.view.weeklyRun.finishedAt).not.toBeNull();
  expect(after.view.weeklyRun.problem).toBeUndefined();
}, 60_000);

test("an OKRs tab missing at the scheduled hour leaves last week's Summary in place; the digest goes out with this week's once the tab is back", async () => {
  const wb = Workbook.fromRows(weeklyTabs({ owners: 2, now: SUNDAY_NOON }), {
    name: 'Team OKRs',
    timeZone: 'America/New_York',
  });
  const rt = await Runtime.open({ workbook: wb, code, options: { now: SUNDAY_NOON } });
  expect(rt.run('refreshSummary', [], { as: LEAD }).ok).toBe(true);
  expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
  const generatedAt = () => rt.workbook.values('Summary')[2];
  const summaryText = () => rt.workbook.values('Summary').flat().join('\n');
  expect(generatedAt()).toEqual(
    expect.arrayContaining(['Generated at', '2026-11-29 12:00 (America/New_York)']),
  );
  wb.sheet('OKRs').name = 'Old OKR list';

  const blocked = rt.tick('2026-11-30T16:30:00Z'); // Monday 09:00 to 11:30 New York
  expect(blocked.emails.map((e) => e.to)).toEqual([LEAD]);
  expect(blocked.emails[0].body).toContain('There is no OKRs tab.');
  // A sheet the run cannot read is not summarised: the Summary leadership last saw is kept.
  expect(generatedAt()).toEqual(expect.arrayContaining(['2026-11-29 12:00 (America/New_York)']));
  expect(summaryText()).toContain('Key result of owner 0');

  wb.sheet('Old OKR list').name = 'OKRs';
  const fixed = rt.tick('2026-11-30T17:30:00Z'); // 12:00 and 12:30 New York
  expect(fixed.emails.map((e) => e.to).sort()).toEqual(
    [LEAD, leaderEmail(0), ownerEmail(0), ownerEmail(1)].sort(),
  );
  // The digest links to the Summary of the run that sent it, not one written from the broken sheet.
  expect(generatedAt()).toEqual(expect.arrayContaining(['2026-11-30 12:00 (America/New_York)']));
  expect(summaryText()).toContain('Key result of owner 0');
  expect(summaryText()).toContain('owner1@example.com');
  expect(summaryText()).not.toContain('No OKRs yet');
}, 60_000);
