// My team in the built sidebar, in English and Japanese: a manager (the Lead, whom Ana and Ben name
// as Manager) sees the tab and their reports' key results by what needs a conversation; a Member
// who manages nobody has no such tab but has Settings with their own weekly email, which they
// change there. axe-core finds nothing on either.
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
  en: { team: 'My team', settings: 'Settings', never: 'Never', stale: 'Stale', saved: /no weekly email/ },
  ja: {
    team: 'マイチーム',
    settings: '設定',
    never: '受け取らない',
    stale: '更新が止まっている',
    saved: /受け取りません/,
  },
} as const;

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

describe.each(['en', 'ja'] as Lang[])('My team and Your weekly email (%s)', (lang) => {
  const w = WORD[lang];
  const locales = { 'ana@example.com': lang, 'lead@example.com': lang };

  test('a manager sees their people; axe finds nothing', async () => {
    const rt = await fixtureRuntime({}, { userLocales: locales });
    const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
    await page.locator('.app:not([data-quick])').waitFor();
    await nav(page, w.team).click();
    await page.locator('.view h3').first().waitFor();
    const headings = await page.locator('.view h3').allTextContents();
    expect(headings.some((h) => h.startsWith(w.stale))).toBe(true);
    // Ana's stale, at-risk key result, with its owner's name.
    const card = page.locator('li.card[data-id="O1.2"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Ana Owner');
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test('a Member has no My team, chooses their own weekly email in Settings; axe finds nothing', async () => {
    const rt = await fixtureRuntime({}, { userLocales: locales });
    const { page, close, errors } = await openSidebar(rt, browser(), 'ana@example.com');
    await page.locator('.app:not([data-quick])').waitFor();
    expect(await nav(page, w.team).count()).toBe(0);
    await nav(page, w.settings).click();
    await page.locator('fieldset input[type=radio]').first().waitFor();
    await page.getByRole('radio', { name: w.never }).check();
    await waitStatus(page, w.saved);
    expect(rt.properties('document')['okrOwners.weeklyEmail.ana@example.com']).toBe('never');
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
