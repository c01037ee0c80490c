// 1,000 owners on a Workspace account (1,500 emails a day): the run stops cleanly inside its
// 4.5-minute budget (virtual time) and the next tick finishes it; the ledger fits Google's
// property limits; nobody gets two emails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { LEAD, weeklyTabs } from '../unit/okr/weekly/workbook';

const SUNDAY_NOON = '2026-11-29T17:00:00Z';
const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

test('1,000 owners: budget stop, resume on the next tick, exactly one email each, properties within limits', async () => {
  const wb = Workbook.fromRows(weeklyTabs({ owners: 1000, now: Date.parse(SUNDAY_NOON) }), {
    name: 'Big OKRs',
    timeZone: 'America/New_York',
  });
  const rt = await Runtime.open({ workbook: wb, code, options: { now: SUNDAY_NOON, workspace: true } });
  expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);

  const first = rt.tick('2026-11-30T14:30:00Z');
  const ran = first.executions.filter((e) => Object.keys(e.calls).includes('MailApp.sendEmail'));
  expect(ran).toHaveLength(1);
  expect(ran[0].ok).toBe(true);
  expect(ran[0].virtualMs).toBeLessThan(4.5 * 60_000);
  expect(first.emails.length).toBeGreaterThan(300);
  expect(first.emails.length).toBeLessThan(1002);
  const status = rt.run('getWeeklyRunStatus', [], { as: LEAD }).result as {
    remaining: number;
    waitingFor: string;
  };
  expect(status).toMatchObject({ waitingFor: 'time', remaining: 1002 - first.emails.length });

  const rest = rt.tick('2026-11-30T20:00:00Z');
  const all = [...first.emails, ...rest.emails].map((e) => e.to);
  expect(all).toHaveLength(1002);
  expect(new Set(all).size).toBe(1002);
  expect(rt.run('getWeeklyRunStatus', [], { as: LEAD }).result).toMatchObject({
    sent: 1002,
    remaining: 0,
    failedCount: 0,
  });

  const props = rt.properties('document');
  for (const v of Object.values(props)) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(9 * 1024);
  const total = Object.entries(props).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
  expect(total).toBeLessThan(40 * 1024);
}, 120_000);
