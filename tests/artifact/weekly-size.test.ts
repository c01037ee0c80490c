// Every weekly email fits MailApp's body limit (the local runtime throws Google's "Limit Exceeded:
// Email Body Size." over 200 KB, as MailApp does): an owner of 60 key results with 5,000-character
// titles still gets their one email, with titles cut ("…") and long lists ending in "and N more in
// the spreadsheet"; an ordinary email keeps every title whole in its plain-text part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, Workbook } from '../../local/runtime';
import { MAX_BODY_BYTES } from '../../local/runtime/services/mail';
import { ensureBuilt } from '../helpers/build';
import { LEAD, leaderEmail, ownerEmail, weeklyTabs } from '../unit/okr/weekly/workbook';

const SUNDAY_NOON = Date.parse('2026-11-29T17:00:00Z');
const DAY = 86_400_000;
const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

const BIG_OWNER = ownerEmail(0);
const SMALL_OWNER = ownerEmail(1);
const LONG = (id: string) =>
  `${id} ${'Grow weekly active teams in every region '.repeat(125)}`.slice(0, 5000);
/** Longer than the HTML's title cap, short enough for the plain text to keep whole. */
const MEDIUM = `A medium title ${'x'.repeat(300)} ends here`;

function bytes(e: { body: string; htmlBody?: string }): number {
  return Buffer.byteLength(e.body) + Buffer.byteLength(e.htmlBody ?? '');
}

test('60 key results with 5,000-character titles: one email each, every one under the body limit, nothing failed', async () => {
  const tabs = weeklyTabs({ owners: 2, now: SUNDAY_NOON });
  const okrs = tabs.OKRs;
  // The second owner's key result gets a title past the HTML cap.
  const small = okrs.find((r) => r[4] === SMALL_OWNER) as unknown[];
  small[3] = MEDIUM;
  for (let o = 0; o < 6; o++) {
    const oid = `O${o + 10}`;
    okrs.push([
      oid,
      'Objective',
      '',
      LONG(oid),
      BIG_OWNER,
      'Core',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      new Date(SUNDAY_NOON - 30 * DAY),
      '',
      '',
      '',
    ]);
    for (let k = 1; k <= 10; k++) {
      const id = `${oid}.${k}`;
      // Unaccepted and never checked in: each is listed twice (what needs you, and all you own).
      okrs.push([
        id,
        'Key result',
        oid,
        LONG(id),
        BIG_OWNER,
        'Core',
        '2026-Q4',
        'increase',
        0,
        100,
        10,
        '%',
        '',
        'At risk',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  const wb = Workbook.fromRows(tabs, { name: 'Team OKRs', timeZone: 'America/New_York' });
  const rt = await Runtime.open({ workbook: wb, code, options: { now: SUNDAY_NOON } });
  expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
  rt.tick('2026-11-30T15:00:00Z');

  const status = rt.run('getWeeklyRunStatus', [], { as: LEAD }).result as {
    finishedAt: string | null;
    failed: Array<{ email: string; reason: string }>;
    sent: number;
  };
  expect(status.failed).toEqual([]);
  expect(status.finishedAt).not.toBeNull();
  const to = rt.outbox.map((e) => e.to).sort();
  expect(to).toEqual([LEAD, leaderEmail(0), BIG_OWNER, SMALL_OWNER].sort());
  for (const e of rt.outbox) expect(bytes(e)).toBeLessThanOrEqual(MAX_BODY_BYTES);

  const big = rt.outbox.find((e) => e.to === BIG_OWNER);
  if (!big) throw new Error('no email for the owner of 60 key results');
  // Titles cut with "…", never whole.
  expect(big.body).not.toContain(LONG('O10.1'));
  expect(big.body).toMatch(/O10\.1 O10\.1 Grow weekly active teams[^\n]*…/);
  // Every key result is listed or counted in "…and N more in the spreadsheet", in both lists.
  const allAt = big.body.indexOf('Everything you own');
  expect(allAt).toBeGreaterThan(0);
  const needs = big.body.slice(0, allAt);
  const all = big.body.slice(allAt);
  const more = (text: string) => Number(/and (\d+) more in the spreadsheet/.exec(text)?.[1] ?? 0);
  const needsListed = (needs.match(/^- O\d+\.\d+ /gm) ?? []).length;
  const allListed = (all.match(/^ {2}- O1\d\.\d+ /gm) ?? []).length;
  expect(needsListed).toBeGreaterThan(0);
  expect(allListed).toBeGreaterThan(0);
  expect(needsListed + more(needs)).toBe(61);
  expect(allListed + more(all)).toBe(60);

  // An ordinary email: the HTML cuts the long title, the plain text keeps it whole.
  const ordinary = rt.outbox.find((e) => e.to === SMALL_OWNER);
  expect(ordinary?.body).toContain(MEDIUM);
  expect(ordinary?.htmlBody).not.toContain(MEDIUM);
  expect(ordinary?.htmlBody).toContain('A medium title xxx');
  expect(ordinary?.htmlBody).toContain('…');
}, 60_000);
