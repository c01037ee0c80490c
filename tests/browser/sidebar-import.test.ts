// Import's preview in the sidebar (views/Import.tsx), in English and Japanese: a Lead opens Import,
// the active tab (the OKRs tab) is refused with a sentence and the tab chooser, choosing the team's
// tab shows what will be created, the people and the skipped rows; axe-core finds nothing there;
// confirming writes and says so. The sheet is unchanged until the confirm.
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

const PLAN = [
  ['Objective', 'Key result', 'Owner', 'Kind', 'Target'],
  ['Win the mid-market', 'Mid-market ARR $3M', 'ana@example.com', 'Increase', 3],
  ['', '20 reference customers', 'new.person@example.com', '', 20],
  ['Objective', 'Key result', 'Owner', 'Kind', 'Target'],
  ['Keep customers', 'Churn under 1%', 'Sales team', 'Decrease', '1%'],
];

const WORD = {
  en: { nav: 'Import', what: 'What will be created', done: /Imported 2 objectives and 3 key results/ },
  ja: { nav: '取り込み', what: '作成される内容', done: /目標 2 件と主要な結果 3 件/ },
} as const;

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

describe.each(['en', 'ja'] as Lang[])('Import preview (%s)', (lang) => {
  test('preview, axe-core, confirm', async () => {
    const rt = await fixtureRuntime({ Plan: PLAN }, { userLocales: { 'lead@example.com': lang } });
    const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
    await page.locator('.app:not([data-quick])').waitFor();
    const before = JSON.stringify(rt.workbook.sheetNames().map((n) => rt.workbook.values(n)));
    await nav(page, WORD[lang].nav).click();
    // The active tab is the add-on's OKRs tab: refused, with the tabs to choose from.
    await page.locator('.view .form-error').waitFor();
    const found: Record<string, string[]> = { refused: await axeViolations(page) };
    await page.locator('.view select').selectOption('Plan');
    await page.getByRole('heading', { name: WORD[lang].what }).waitFor();
    await settled(page);
    found.preview = await axeViolations(page);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Mid-market ARR $3M');
    expect(text).toContain('new.person@example.com');
    expect(text).toContain('Sales team');
    expect(JSON.stringify(rt.workbook.sheetNames().map((n) => rt.workbook.values(n)))).toBe(before);
    await page.locator('.view button.action').click();
    await waitStatus(page, WORD[lang].done);
    found.done = await axeViolations(page);
    expect(rt.workbook.values('OKRs').some((r) => r[3] === 'Churn under 1%')).toBe(true);
    expect(errors).toEqual([]);
    await close();
    expect(found).toEqual({ refused: [], preview: [], done: [] });
  });
});
