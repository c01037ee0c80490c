// Moving between views: each view opens at its top (found in review: Add opened scrolled down, its
// title hidden, after a long Settings), and a message stays with the view that caused it (found in
// review: "You accepted O2.3." still showed on Problems and back on Mine).
import type { Page } from 'playwright-core';
import {
  fixtureRuntime,
  openSidebar,
  settled,
  statusText,
  useChromium,
  waitStatus,
} from '../helpers/sidebarPage';

jest.setTimeout(300_000);
const browser = useChromium();

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

/** Scrolls the sidebar to its bottom; how far that was. */
const scrollDown = (page: Page) =>
  page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    return window.scrollY;
  });

/** The view's scroll offset and whether its first heading is on screen, below the sticky tabs. */
const top = (page: Page) =>
  page.evaluate(() => {
    const h = document.querySelector('main h2')?.getBoundingClientRect();
    const header = document.querySelector('header')?.getBoundingClientRect();
    return { scrollY: window.scrollY, titleShown: !!h && !!header && h.top >= header.bottom };
  });

test('each view opens at its top', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
  try {
    await page.setViewportSize({ width: 300, height: 420 });
    await page.locator('.app:not([data-quick])').waitFor();
    const seen: Record<string, unknown> = {};
    let from = 'Settings';
    await nav(page, from).click();
    await page.locator('form select').first().waitFor();
    for (const to of ['Add', 'Assign', 'Settings', 'Problems', 'Add']) {
      expect([from, (await scrollDown(page)) > 0]).toEqual([from, true]); // scrolled down
      await nav(page, to).click();
      await page.locator('main h2').first().waitFor();
      // Measured once the view's own effects ran (a form focuses its first field): at its top still.
      await settled(page);
      seen[`${from} → ${to}`] = await top(page);
      from = to;
    }
    expect(seen).toEqual({
      'Settings → Add': { scrollY: 0, titleShown: true },
      'Add → Assign': { scrollY: 0, titleShown: true },
      'Assign → Settings': { scrollY: 0, titleShown: true },
      'Settings → Problems': { scrollY: 0, titleShown: true },
      'Problems → Add': { scrollY: 0, titleShown: true },
    });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('a check-in opens at its top from a card far down, and Mine opens at its top after it', async () => {
  const rt = await fixtureRuntime();
  const { page, close } = await openSidebar(rt, browser(), 'ana@example.com');
  try {
    await page.setViewportSize({ width: 300, height: 360 });
    await page.locator('.app:not([data-quick])').waitFor();
    expect(await scrollDown(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Check in O2.3' }).click();
    await page.getByRole('heading', { name: 'Check in on O2.3' }).waitFor();
    await settled(page);
    const checkIn = await top(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Needs you' }).waitFor();
    await settled(page);
    expect([checkIn, await top(page)]).toEqual([
      { scrollY: 0, titleShown: true },
      { scrollY: 0, titleShown: true },
    ]);
  } finally {
    await close();
  }
});

test('a message stays with the view that caused it', async () => {
  const rt = await fixtureRuntime();
  const { page, close } = await openSidebar(rt, browser(), 'ana@example.com');
  try {
    await page.locator('.app:not([data-quick])').waitFor();
    await page.getByRole('button', { name: 'Accept O2.3' }).click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    // The acceptance brings Mine back: its message shows there.
    expect(await waitStatus(page, /accepted/)).toBe('You accepted O2.3.');
    await page.getByRole('heading', { name: 'Needs you' }).waitFor();
    await nav(page, 'Problems').click();
    await page.getByRole('heading', { name: 'Problems' }).waitFor();
    const onProblems = await statusText(page);
    await nav(page, 'Mine').click();
    await page.getByRole('heading', { name: 'Needs you' }).waitFor();
    expect([onProblems, await statusText(page)]).toEqual(['', '']);

    // A write's error goes with its form: cancelling the form leaves Mine without it.
    await page.getByRole('button', { name: 'Check in O1.1' }).click();
    rt.edit({ range: 'OKRs!K3', value: 31, as: 'ana@example.com' }); // O1.1 changes meanwhile
    await page.getByLabel('New current value').fill('35');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitStatus(page, /changed/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Needs you' }).waitFor();
    expect(await statusText(page)).toBe('');
  } finally {
    await close();
  }
});

test('an answer that comes after the user moved on is not said on the view they moved to', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
  // The answers of these calls wait until released (the server has already done the work).
  const held = new Map<string, () => void>();
  await page.route('**/run', async (route) => {
    const fn = String(JSON.parse(route.request().postData() ?? '{}').fn);
    if (fn !== 'saveSettings' && fn !== 'checkIn') return route.continue();
    const response = await route.fetch();
    await new Promise<void>((resolve) => held.set(fn, resolve));
    await route.fulfill({ response });
  });
  /** Lets the held answer through and waits until the page has handled it. */
  const release = async (fn: string) => {
    while (!held.has(fn)) await page.waitForTimeout(50);
    const done = page.waitForEvent('requestfinished', {
      predicate: (r) => r.url().endsWith('/run') && String(JSON.parse(r.postData() ?? '{}').fn) === fn,
      timeout: 60_000,
    });
    held.get(fn)?.();
    await done;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  const current = () => page.getByRole('navigation').locator('[aria-current=page]').textContent();
  try {
    await page.locator('.app:not([data-quick])').waitFor();
    // Settings saved while the user went on to Problems: nothing said there.
    await nav(page, 'Settings').click();
    await page.getByLabel('Stale after (days)').fill('21');
    await page.getByRole('button', { name: 'Save' }).click();
    await nav(page, 'Problems').click();
    await page.getByRole('heading', { name: 'Problems' }).waitFor();
    await release('saveSettings');
    expect(rt.properties('document')['okrOwners.settings']).toContain('"staleDays":21');
    expect([await current(), await statusText(page)]).toEqual([expect.stringMatching(/^Problems/), '']);

    // A check-in saved while the user went on to Assign: Assign stays, without the confirmation.
    await nav(page, 'Mine').click();
    rt.select('OKRs!B3', 'lead@example.com'); // O1.1, Ana's: a Lead checks in from the follow line
    await page.locator('.follow').getByRole('button', { name: 'Check in' }).click({ timeout: 60_000 });
    await page.getByLabel('New current value').fill('35');
    await page.getByRole('button', { name: 'Save' }).click();
    await nav(page, 'Assign').click();
    await release('checkIn');
    expect(rt.workbook.values('OKRs').find((r) => r[0] === 'O1.1')?.[10]).toBe(35);
    expect([await current(), await statusText(page)]).toEqual(['Assign', '']);
    expect(errors).toEqual([]);
  } finally {
    for (const go of held.values()) go();
    await close();
  }
});
