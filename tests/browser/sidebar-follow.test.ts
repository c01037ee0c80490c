// The sidebar follows the sheet: selecting a key result's row shows it (and a Lead can check in on
// someone else's from there); a Lead assigns to the rows selected in the sheet; the weekly emails
// switch in Settings installs the hourly trigger.
import type { Browser } from 'playwright-core';
import { Runtime, Workbook } from '../../local/runtime';
import { FOLLOW_MS } from '../../sidebar/App';
import { ensureBuilt } from '../helpers/build';
import { launchChromium, PAGE_TIMEOUT_MS } from '../helpers/chromium';
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

// The poll asks every FOLLOW_MS, but on a busy machine a tick and the run it makes may take far
// longer: wait as long as any page wait (a minute), never a few ticks' worth.
const poll = { timeout: Math.max(FOLLOW_MS * 3, PAGE_TIMEOUT_MS) };

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

// The sheet changes while the sidebar is open: it catches up by itself (the sheet's version stamp,
// polled with the cursor), says so quietly, and keeps what the user is typing.
/** Waits up to a generous limit (the machine is shared); the poll itself runs every FOLLOW_MS. */
const caughtUp = { timeout: PAGE_TIMEOUT_MS };

test('two owners pasted into the sheet: the Problems count follows without ⟳, said quietly', async () => {
  const rt = await open();
  const lead = await openSidebar(rt, browser, LEAD);
  try {
    const { page } = lead;
    const sidebarCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/run')) sidebarCalls.push(String(JSON.parse(r.postData() ?? '{}').fn));
    });
    await page.getByRole('button', { name: /^Problems/ }).click();
    const counts = page.locator('main .view > p.muted').first();
    await page.locator('.app:not([data-quick])').waitFor();
    const before = (await counts.textContent()) ?? '';
    const errorsBefore = Number(/^(\d+) error/.exec(before)?.[1]);
    expect(errorsBefore).toBeGreaterThanOrEqual(0);
    // A paste over two owners (O1.1, O1.2): two people in one cell, and a team.
    const pasted = rt.edit({
      range: 'OKRs!E3:E4',
      values: [['ana@example.com, ben@example.com'], ['Platform team']],
      paste: true,
      as: LEAD,
    });
    expect(pasted.ok).toBe(true);
    const after = `${errorsBefore + 2} errors`;
    await page.locator('main .view > p.muted', { hasText: new RegExp(`^${after}`) }).waitFor(caughtUp);
    await page.locator('.updated', { hasText: 'Updated.' }).waitFor(caughtUp);
    // Said apart from the status line, which the user's own acts own.
    expect(await page.textContent('[role=status]')).toBe('');
    // One whole read caught the change up; the polls in between read no state.
    expect(sidebarCalls.filter((fn) => fn === 'getSidebarState')).toHaveLength(1);
    expect(sidebarCalls.filter((fn) => fn === 'watchSheet').length).toBeGreaterThan(0);
    expect(lead.errors).toEqual([]);
  } finally {
    await lead.close();
  }
});

test('a change made meanwhile keeps an open check-in form as the user left it', async () => {
  const rt = await open();
  const ana = await openSidebar(rt, browser, ANA);
  try {
    const { page } = ana;
    await page.locator('.app:not([data-quick])').waitFor();
    await page
      .locator('li.card[data-id="O1.2"]')
      .getByRole('button', { name: /Check in/ })
      .click();
    await page.getByRole('heading', { name: 'Check in on O1.2' }).waitFor();
    const value = page.locator('input[name=current]');
    await value.fill('7.5');
    const note = page.locator('textarea[name=note]');
    await note.fill('half way there');
    await note.focus();
    // Someone else renames the objective and checks in on another key result meanwhile.
    expect(rt.edit({ range: 'OKRs!D2', value: 'Delight every customer', as: LEAD }).ok).toBe(true);
    await page.locator('.updated', { hasText: 'Updated.' }).waitFor(caughtUp);
    expect(await value.inputValue()).toBe('7.5');
    expect(await note.inputValue()).toBe('half way there');
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await waitStatus(page, /Checked in on O1\.2/);
    // Saving leads back to Mine, where the renamed objective now shows.
    await page.getByText('Delight every customer').first().waitFor(caughtUp);
    expect(ana.errors).toEqual([]);
  } finally {
    await ana.close();
  }
});
