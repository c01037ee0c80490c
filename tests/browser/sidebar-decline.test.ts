// Declining ownership in the sidebar: the write finds its row by ID and answers that the key result
// left the caller's list; the sidebar drops it at once and then asks for the whole sheet, where the
// key result now shows up as a problem (no owner) for everyone.
import { fixtureRuntime, openSidebar, useChromium, waitStatus } from '../helpers/sidebarPage';

jest.setTimeout(300_000);
const browser = useChromium();

test('an owner declines with a reason: the card goes at once, the whole sheet then lists the gap', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'ben@example.com');
  try {
    await page.locator('.app:not([data-quick])').waitFor();
    expect(await page.locator('#kr-O1\\.3').count()).toBe(1);
    const calls: string[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/run')) return;
      const fn = String(JSON.parse(r.postData() ?? '{}').fn);
      // The follow poll (every FOLLOW_MS) may fall anywhere in between on a slow machine.
      if (fn !== 'watchSheet') calls.push(fn);
    });
    await page.locator('.needs-list button', { hasText: 'O1.3' }).click();
    await page.getByRole('button', { name: 'Decline…' }).click();
    await page.getByLabel('Why are you declining?').fill('Moved to the platform team');
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    await waitStatus(page, /Declined O1\.3/);
    expect(await page.locator('#kr-O1\\.3').count()).toBe(0);
    // The answer said the key result left; the whole state is asked for next and arrives.
    await page.locator('.app:not([data-quick])').waitFor();
    // The sheet poll (watchSheet, every 3 s) may fall in between on a slow machine.
    expect(calls.filter((fn) => fn !== 'watchSheet').slice(0, 2)).toEqual([
      'declineOwnership',
      'getSidebarState',
    ]);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Problems/ })
      .click();
    await page.locator('main', { hasText: 'O1.3' }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
  const [header, ...rows] = rt.workbook.values('OKRs');
  const row = rows.find((r) => r[0] === 'O1.3') as unknown[];
  expect(row[(header as string[]).indexOf('Owner')]).toBe('');
});
