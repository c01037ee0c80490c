// axe-core on every sidebar view, in English and Japanese: no violations (colour contrast, names,
// landmarks, headings, the page title). A member's views (Mine with its chips, Check in, Ownership
// with the decline form open, Problems) and a Lead's (Mine with the sheet's selection, Assign, Add
// for an objective and a key result, Problems, Settings with the weekly emails on), forms with errors.
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/api';
import {
  axeViolations,
  fixtureRuntime,
  openSidebar,
  settled,
  useChromium,
  waitStatus,
} from '../helpers/sidebarPage';

jest.setTimeout(300_000);
const browser = useChromium();

const WORD = {
  en: { mine: 'Mine', problems: 'Problems', assign: 'Assign', add: 'Add', settings: 'Settings' },
  ja: { mine: '自分', problems: '問題', assign: '割り当て', add: '追加', settings: '設定' },
} as const;

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

/** Every violation on the page, keyed by the view it was found on. */
async function check(page: Page, view: string, found: Record<string, string[]>): Promise<void> {
  await settled(page); // the view's effects (focus, scroll) have run
  found[view] = await axeViolations(page);
}

describe.each(['en', 'ja'] as Lang[])('axe-core finds nothing in the sidebar (%s)', (lang) => {
  const w = WORD[lang];
  const locales = { 'ana@example.com': lang, 'lead@example.com': lang };

  test("a member's views", async () => {
    const rt = await fixtureRuntime({}, { userLocales: locales });
    const { page, close, errors } = await openSidebar(rt, browser(), 'ana@example.com');
    const found: Record<string, string[]> = {};
    await page.locator('.app:not([data-quick])').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await check(page, 'mine', found);
    await page.locator('li.card[data-id="O1.2"] button.action').click();
    await page.locator('form textarea').waitFor();
    await check(page, 'check-in', found);
    await page.locator('form input[type=text]').fill('lots');
    await page.locator('form button[type=submit]').click();
    await page.locator('.field-error').waitFor();
    await check(page, 'check-in with an error', found);
    await page.locator('form button[type=button]').last().click(); // Cancel
    await page.locator('li.card[data-id="O2.3"] button.action').click(); // Accept…
    await page.locator('.view button[aria-expanded]').last().click(); // Decline… (after Propose…)
    await page.locator('.view form textarea').waitFor();
    await check(page, 'ownership', found);
    await page.locator('.view button.action').click(); // Accept
    await waitStatus(page, /O2\.3/);
    await check(page, 'mine after a message', found);
    await nav(page, w.problems).click();
    await page.locator('.problems').first().waitFor();
    await check(page, 'problems', found);
    expect(errors).toEqual([]);
    await close();
    expect(found).toEqual({
      mine: [],
      'check-in': [],
      'check-in with an error': [],
      ownership: [],
      'mine after a message': [],
      problems: [],
    });
  });

  test("a Lead's views", async () => {
    const rt = await fixtureRuntime({}, { userLocales: locales });
    const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
    const found: Record<string, string[]> = {};
    await page.locator('.app:not([data-quick])').waitFor();
    rt.select('OKRs!B3', 'lead@example.com'); // O1.1: the follow line appears
    await page.locator('.follow').waitFor({ timeout: 60_000 });
    await check(page, 'mine', found);
    await nav(page, w.assign).click();
    await page.locator('.rows').waitFor();
    await check(page, 'assign', found);
    await nav(page, w.add).click();
    await page.locator('form select').first().waitFor();
    await check(page, 'add key result', found);
    await page.locator('form input[type=radio]').first().check();
    await check(page, 'add objective', found);
    await nav(page, w.problems).click();
    await page.locator('.problems').first().waitFor();
    await check(page, 'problems', found);
    await nav(page, w.settings).click();
    await page.locator('form select').first().waitFor();
    await check(page, 'settings', found);
    await page.locator('input[type=checkbox]').check(); // the weekly emails: on, with the next run
    await waitStatus(page, lang === 'en' ? /Weekly emails are on/ : /週次メールはオン/);
    await check(page, 'settings, weekly emails on', found);
    await page.locator('input[type=number]').first().fill('0');
    await page.locator('form button[type=submit]').click();
    await page.locator('.field-error').waitFor();
    await check(page, 'settings with an error', found);
    expect(errors).toEqual([]);
    await close();
    expect(found).toEqual({
      mine: [],
      assign: [],
      'add key result': [],
      'add objective': [],
      problems: [],
      settings: [],
      'settings, weekly emails on': [],
      'settings with an error': [],
    });
  });
});
