// The sidebar in Chromium against the runtime's HtmlService server, on the built dist/ files:
// a Lead assigns, the owner accepts and checks in, and the sheet's row and the Check-ins log show it.
// Every view is photographed into test-results/screenshots/ for review.
import type { Browser } from 'playwright-core';
import { Runtime, Workbook } from '../../local/runtime';
import type { ActionResult } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { callServer, openSidebar, screenshot, waitLoaded, waitStatus } from '../helpers/sidebarPage';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);

const LEAD = 'lead@example.com';
const BEN = 'ben@example.com';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    {
      OKRs: okrRows(),
      Team: teamRows(),
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

function row(rt: Runtime, id: string): Record<string, unknown> {
  const [header, ...rows] = rt.workbook.values('OKRs');
  const r = rows.find((x) => x[0] === id)!;
  return Object.fromEntries(header.map((h, i) => [String(h), r[i]]));
}

test('open → assign → accept → check in: the row and the Check-ins log change', async () => {
  const rt = await open();

  // The Lead assigns O2.2 (no owner) to Ben.
  const lead = await openSidebar(rt, browser, LEAD);
  const p = lead.page;
  await screenshot(p, 'mine-empty');
  await p.getByRole('button', { name: 'Assign', exact: true }).click();
  await p.getByRole('checkbox', { name: /O2\.2/ }).check();
  await p.getByLabel('Search people').fill('ben');
  await p.getByLabel('Person', { exact: true }).selectOption(BEN);
  await screenshot(p, 'assign');
  await p.getByRole('button', { name: /Assign to checked \(1\)/ }).click();
  // The new owner by their name in Team, not their email.
  expect(await waitStatus(p, /Assigned/)).toBe('Assigned 1 row to Ben 「Builder」; they need to accept.');
  expect(row(rt, 'O2.2')).toMatchObject({ Owner: BEN, Accepted: '' });

  await p.getByRole('button', { name: 'Add', exact: true }).click();
  await p.getByRole('radio', { name: 'Objective' }).check();
  await p.getByLabel('Title').fill('Hire well');
  await screenshot(p, 'add');
  await p.getByRole('button', { name: 'Add', exact: true }).last().click();
  await waitStatus(p, /Added objective O3/);

  await p.getByRole('button', { name: /Problems/ }).click();
  await screenshot(p, 'problems');
  await p.locator('.problems button').first().click();
  await waitStatus(p, /Selected OKRs!/);

  await p.getByRole('button', { name: 'Settings', exact: true }).click();
  await p.getByLabel('Stale after (days)').waitFor();
  await screenshot(p, 'settings');
  // The Lead sees what people will receive: their own owner email, now, outside the weekly ledger.
  const before = rt.outbox.length;
  await p.getByRole('button', { name: 'Send me a test email' }).click();
  expect(await waitStatus(p, /test email/)).toBe(`Sent 1 test email to ${LEAD}.`);
  expect(rt.outbox.slice(before).map((m) => [m.to, /^\[Test\]/.test(m.subject)])).toEqual([[LEAD, true]]);
  expect(lead.errors).toEqual([]);
  await lead.close();

  // Ben accepts it and checks in.
  const ben = await openSidebar(rt, browser, BEN);
  const b = ben.page;
  await screenshot(b, 'mine');
  await b.getByRole('button', { name: 'Accept O2.2' }).click();
  await screenshot(b, 'ownership');
  await b.getByRole('button', { name: 'Accept', exact: true }).click();
  await waitStatus(b, /You accepted O2\.2/);
  expect(Object.prototype.toString.call(row(rt, 'O2.2').Accepted)).toBe('[object Date]');

  await b.getByRole('button', { name: 'Check in O2.2' }).click();
  const current = b.getByLabel('New current value');
  expect(await current.inputValue()).toBe('120'); // pre-filled with the last value
  await current.fill('130');
  await b.getByRole('radio', { name: 'At risk' }).check();
  await b.getByLabel('Note (optional)').fill('Pipeline <b>healthy</b>');
  await screenshot(b, 'check-in');
  await b.getByRole('button', { name: 'Save' }).click();
  await waitStatus(b, /Checked in on O2\.2/);
  expect(row(rt, 'O2.2')).toMatchObject({
    Current: 130,
    Progress: 1,
    Confidence: 'At risk',
    Note: 'Pipeline <b>healthy</b>',
  });
  const log = rt.workbook.values('Check-ins').slice(1);
  expect(log.map((r) => r.slice(1))).toEqual([['O2.2', BEN, 130, 1, 'At risk', 'Pipeline <b>healthy</b>']]);
  // The card shows the new state.
  await b.getByRole('progressbar', { name: 'O2.2 progress' }).waitFor();
  expect(await b.getByRole('progressbar', { name: 'O2.2 progress' }).getAttribute('aria-valuenow')).toBe(
    '100',
  );
  await screenshot(b, 'mine-after-check-in');
  // The sidebar applied what the check-in changed: checking in again starts from the new value.
  await b.getByRole('button', { name: 'Check in O2.2' }).click();
  expect(await b.getByLabel('New current value').inputValue()).toBe('130');
  await b.getByRole('button', { name: 'Cancel' }).click();
  expect(ben.errors).toEqual([]);
  await ben.close();
});

test('a non-owner calling checkIn through google.script.run is refused and the sheet is unchanged', async () => {
  const rt = await open();
  const before = JSON.stringify(rt.workbook.values('OKRs')) + JSON.stringify(rt.workbook.values('Check-ins'));
  const ben = await openSidebar(rt, browser, BEN);
  const res = await callServer<ActionResult>(ben.page, 'checkIn', {
    id: 'O1.1',
    current: 99,
    confidence: 'on-track',
  });
  expect(res).toMatchObject({
    ok: false,
    error:
      'Only the owner of O1.1 (ana@example.com) or a Lead can do this. You are signed in as ben@example.com.',
  });
  expect(JSON.stringify(rt.workbook.values('OKRs')) + JSON.stringify(rt.workbook.values('Check-ins'))).toBe(
    before,
  );
  await ben.close();
});

test('Japanese UI: a Lead switches the language in Settings and everyone sees Japanese', async () => {
  const rt = await open();
  const lead = await openSidebar(rt, browser, LEAD);
  await lead.page.getByRole('button', { name: 'Settings', exact: true }).click();
  await lead.page.getByLabel('Language').selectOption('ja');
  await lead.page.getByRole('button', { name: 'Save' }).click();
  await waitStatus(lead.page, /設定を保存しました/);
  await lead.page.getByRole('button', { name: '自分', exact: true }).waitFor();
  await lead.close();

  const ben = await openSidebar(rt, browser, BEN);
  const b = ben.page;
  await b.getByRole('heading', { name: '自分の主要な結果（1）' }).waitFor();
  // A member's tabs (no Assign/Add; Settings for their own weekly email, no My team: nobody names
  // Ben as Manager), labelled in Japanese, with the error count (once the whole sheet is read: the
  // quick state has checked nothing).
  await b.locator('.app:not([data-quick])').waitFor();
  expect(await b.getByRole('navigation').textContent()).toBe('自分問題2設定');
  await b.getByText('承諾待ち').first().waitFor();
  await screenshot(b, 'ja-mine');
  await b.getByRole('button', { name: 'チェックイン O1.3' }).click();
  await b.getByRole('radio', { name: '完了', exact: true }).waitFor();
  await screenshot(b, 'ja-check-in');
  await b.getByRole('radio', { name: '完了', exact: true }).check();
  await b.getByRole('button', { name: '保存' }).click();
  // Confidence is required: the inline error is in Japanese.
  await b.getByText('自信度を選んでください。').waitFor();
  await b.getByRole('radio', { name: '順調' }).check();
  await b.getByRole('button', { name: '保存' }).click();
  await waitStatus(b, /O1\.3のチェックインを保存しました/);
  expect(row(rt, 'O1.3')).toMatchObject({ Current: 1, Progress: 1, Confidence: 'On track' });
  await waitLoaded(b);
  await ben.close();
});
