// The sidebar follows the sheet: selecting a key result's row shows it (and a Lead can check in on
// someone else's from there); a Lead assigns to the rows selected in the sheet; the weekly emails
// switch in Settings installs the hourly trigger.
import type { Browser } from 'playwright-core';
import { Runtime, Workbook } from '../../local/runtime';
import { FOLLOW_MS } from '../../sidebar/App';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { openSidebar, screenshot, waitStatus } from '../helpers/sidebarPage';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';

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

const poll = { timeout: FOLLOW_MS * 3 };

test("selecting an owner's row highlights the card; a Lead checks in on another person's row from there", async () => {
  const rt = await open();
  const ana = await openSidebar(rt, browser, ANA);
  rt.select('OKRs!D4', ANA); // O1.2
  await ana.page.getByText('Selected in the sheet: O1.2').waitFor(poll);
  await ana.page.locator('li.card.active[data-id="O1.2"]').waitFor(poll);
  await screenshot(ana.page, 'follow');
  await ana.close();

  const lead = await openSidebar(rt, browser, LEAD);
  rt.select('OKRs!B3', LEAD); // O1.1, owned by Ana
  await lead.page.getByText('Selected in the sheet: O1.1').waitFor(poll);
  await lead.page.locator('.follow').getByRole('button', { name: 'Check in' }).click();
  await lead.page.getByRole('heading', { name: 'Check in on O1.1' }).waitFor();
  await lead.page.getByLabel('New current value').fill('33');
  await lead.page.getByRole('button', { name: 'Save' }).click();
  await waitStatus(lead.page, /Checked in on O1\.1/);
  const [header, ...rows] = rt.workbook.values('OKRs');
  expect(rows.find((r) => r[0] === 'O1.1')?.[header.indexOf('Current')]).toBe(33);
  await lead.close();
});

test("a member selecting someone else's row sees it without a Check in they would be refused", async () => {
  const rt = await open();
  const ana = await openSidebar(rt, browser, ANA);
  try {
    const follow = ana.page.locator('.follow');
    rt.select('OKRs!D5', ANA); // O1.3, owned by Ben
    await ana.page.getByText('Selected in the sheet: O1.3').waitFor(poll);
    expect(await follow.getByRole('button').count()).toBe(0);
    rt.select('OKRs!D3', ANA); // O1.1, her own
    await ana.page.getByText('Selected in the sheet: O1.1').waitFor(poll);
    await follow.getByRole('button', { name: 'Check in' }).click();
    await ana.page.getByRole('heading', { name: 'Check in on O1.1' }).waitFor();
  } finally {
    await ana.close();
  }
});

test('a Lead assigns the rows selected in the sheet', async () => {
  const rt = await open();
  const lead = await openSidebar(rt, browser, LEAD);
  await lead.page.getByRole('button', { name: 'Assign', exact: true }).click();
  rt.select('OKRs!C7:C8', LEAD); // O2.1, O2.2
  const button = lead.page.getByRole('button', { name: 'Assign to rows selected in sheet (2)' });
  await button.waitFor(poll);
  await lead.page.getByLabel('Person', { exact: true }).selectOption(ANA);
  await button.click();
  await waitStatus(lead.page, /Assigned 2 row/);
  const [header, ...rows] = rt.workbook.values('OKRs');
  const owner = (id: string) => rows.find((r) => r[0] === id)?.[header.indexOf('Owner')];
  expect([owner('O2.1'), owner('O2.2')]).toEqual([ANA, ANA]);
  await lead.close();
});

test('the weekly emails switch installs and removes the hourly trigger', async () => {
  const rt = await open();
  const lead = await openSidebar(rt, browser, LEAD);
  await lead.page.getByRole('button', { name: 'Settings', exact: true }).click();
  const toggle = lead.page.getByRole('checkbox', { name: 'Send weekly emails' });
  await toggle.check();
  await waitStatus(lead.page, /Weekly emails are on/);
  expect(rt.triggers().map((t) => t.handler)).toEqual(['onTick']);
  await lead.page.getByText(/Next run:/).waitFor();
  await screenshot(lead.page, 'settings-weekly-on');
  await toggle.uncheck();
  await waitStatus(lead.page, /Weekly emails are off/);
  expect(rt.triggers()).toEqual([]);
  await lead.close();
});
