// A check-in with the keyboard only: Tab to the key result, Enter, type, arrow keys for confidence,
// Tab to Save, Enter. Focus is always visible, and the outcome is announced in the aria-live region.
import type { Page } from 'playwright-core';
import {
  fixtureRuntime,
  openSidebar,
  screenshot,
  settled,
  tabTo,
  useChromium,
  waitFocus,
  waitStatus,
} from '../helpers/sidebarPage';

jest.setTimeout(300_000);

const browser = useChromium();

/** The focused element shows a visible outline (the add-on's :focus-visible style). */
async function focusVisible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing focused';
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2
      ? 'visible'
      : `invisible on ${el.tagName}`;
  });
}

test('keyboard-only check-in', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'ana@example.com');
  await page.locator('.app:not([data-quick])').waitFor(); // no re-render while tabbing

  await tabTo(page, 'button.action:has(.sr)');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check in O1.1');
  expect(await focusVisible(page)).toBe('visible');
  await page.keyboard.press('Enter');

  // The form opens with the value field focused and pre-filled. Preact renders and runs the form's
  // focus effect after the key press returns, so the test waits for focus to land (a busy machine
  // may take a while) instead of reading it at once.
  await waitFocus(page, 'input');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('30');
  expect(await focusVisible(page)).toBe('visible');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('36');
  await page.keyboard.press('Tab'); // confidence group: the checked radio (On track)
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('on-track');
  await page.keyboard.press('ArrowDown'); // → At risk
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed without a mouse');
  await screenshot(page, 'keyboard-check-in');
  await tabTo(page, 'button[type=submit]');
  expect(await focusVisible(page)).toBe('visible');
  await page.keyboard.press('Enter');
  expect(await waitStatus(page, /Checked in/)).toBe('Checked in on O1.1.');
  expect(await page.getAttribute('[role=status]', 'aria-live')).toBe('polite');

  const [header, ...rows] = rt.workbook.values('OKRs');
  const row = rows.find((r) => r[0] === 'O1.1')!;
  const get = (h: string) => row[header.indexOf(h)];
  expect([get('Current'), get('Confidence'), get('Note')]).toEqual([36, 'At risk', 'Typed without a mouse']);
  expect(rt.workbook.values('Check-ins')).toHaveLength(2);
  expect(errors).toEqual([]);
  await close();
});

test('every control in every view has an accessible name', async () => {
  const rt = await fixtureRuntime();
  const { page, close } = await openSidebar(rt, browser(), 'lead@example.com');
  // Assign, Add and Problems show their controls once the whole sheet is read.
  await page.locator('.app:not([data-quick])').waitFor();
  const unnamed = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((el) => {
          const e = el as HTMLInputElement;
          const label = e.labels && e.labels.length > 0;
          const aria = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
          const text = el.tagName === 'BUTTON' && (el.textContent ?? '').trim() !== '';
          return !label && !aria && !text;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
  for (const view of ['Mine', 'Assign', 'Add', 'Problems', 'Settings']) {
    await page
      .getByRole('button', { name: new RegExp(`^${view}`) })
      .first()
      .click();
    // The view is shown, with its controls (Settings reads its settings first), and its effects ran.
    await page
      .getByRole('navigation')
      .locator('[aria-current=page]', { hasText: new RegExp(`^${view}`) })
      .waitFor();
    await page.locator('main p.view', { hasText: /^Loading…$/ }).waitFor({ state: 'detached' });
    await settled(page);
    expect([view, await unnamed()]).toEqual([view, []]);
  }
  await close();
});
