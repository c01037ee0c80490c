// The History view in Chromium: opened from a card, it shows the key result's check-ins as a chart
// (an SVG image with its text alternative) and as a list, newest first, with notes and the "from
// source" mark; axe-core finds nothing, in English and Japanese. "Update from source" records the
// Source's figure and says so.
import type { Lang } from '../../src/api';
import { axeViolations, fixtureRuntime, openSidebar, useChromium, waitStatus } from '../helpers/sidebarPage';
import { DAY, NOW, okrRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);
const browser = useChromium();

const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

function tabs() {
  const [header, ...rows] = okrRows();
  return {
    OKRs: [[...header, 'Source'], ...rows.map((r) => [...r, r[0] === 'O1.1' ? 'Sales!B2' : ''])],
    'Check-ins': [
      ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'],
      [at(20), 'O1.1', 'ana@example.com', 24, 0.2, 'At risk', 'slow <b>start</b>'],
      [at(10), 'O1.1', 'source', 27, 0.35, '', "From source 'Sales'!B2"],
      [at(3), 'O1.1', 'ana@example.com', 30, 0.5, 'On track', 'fine'],
    ],
    Sales: [
      ['Week', 'Value'],
      ['now', 36],
    ],
  };
}

describe.each(['en', 'ja'] as Lang[])('History (%s)', (lang) => {
  test('chart, list and the Source button; axe-core finds nothing', async () => {
    const rt = await fixtureRuntime(tabs(), { userLocales: { 'ana@example.com': lang } });
    const { page, close, errors, dialogs } = await openSidebar(rt, browser(), 'ana@example.com');
    await page.locator('.app:not([data-quick])').waitFor();
    await page.locator('li.card[data-id="O1.1"] .actions button').last().click();
    const chart = page.locator('svg[role="img"]');
    await chart.waitFor();
    const name = await page.evaluate(() => {
      const svg = document.querySelector('svg[role="img"]') as SVGElement;
      return (svg.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | ');
    });
    expect(name).toContain('O1.1');
    expect(name).toMatch(lang === 'en' ? /3 check-ins with progress.*latest 50%/ : /3件.*最新は50%/);
    expect(await page.locator('svg polyline.pace').count()).toBe(1);
    expect(await page.locator('svg circle.dot').count()).toBe(3);
    // The legend's keys draw their short line in ::before only: the chart's dashed-line rule once gave
    // the whole "Expected pace" key a dashed top border, a long bar above its words.
    const keyBorders = await page.evaluate(() =>
      [...document.querySelectorAll('.key')].map((k) => getComputedStyle(k).borderTopStyle),
    );
    expect(keyBorders).toEqual(['none', 'none']);
    // The list: newest first, notes as text, the automatic one marked.
    const items = page.locator('ul.cards li');
    expect(await items.count()).toBe(3);
    expect(await items.first().locator('.note').textContent()).toBe('fine');
    expect(await items.nth(1).textContent()).toContain(lang === 'en' ? 'From source' : 'データ元から');
    expect(await items.last().locator('.note').textContent()).toBe('slow <b>start</b>');
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('button', { name: lang === 'en' ? 'Update from source' : 'データ元から更新' })
      .click();
    await waitStatus(
      page,
      lang === 'en' ? /O1\.1 updated from its source: 36/ : /O1\.1をデータ元から更新しました：36/,
    );
    const log = rt.workbook.values('Check-ins');
    expect(log[log.length - 1].slice(1, 4)).toEqual(['O1.1', 'source', 36]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await close();
  });
});
