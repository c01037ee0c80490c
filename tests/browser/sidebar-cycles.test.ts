// The cycle switch and the pace line in the sidebar, in a browser, English and Japanese: Mine shows
// the current cycle by default, the switch shows another (and only it), the choice is remembered when
// the sidebar opens again (the current one as "current"), the card says where a key result should be by now next to its confidence,
// and axe-core finds nothing on either view.
import type { Lang } from '../../src/api';
import { okrRow } from '../fixtures/okr/build';
import { axeViolations, fixtureRuntime, openSidebar, settled, useChromium } from '../helpers/sidebarPage';
import { okrRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);
const browser = useChromium();

const ANA = 'ana@example.com';

/** The sidebar fixtures' sheet (2026-Q4) plus a key result behind pace and a next-quarter objective. */
function rows(): unknown[][] {
  return [
    ...okrRows(),
    okrRow({
      ID: 'O1.9',
      Type: 'Key result',
      Parent: 'O1',
      Title: 'Ship the survey',
      Owner: ANA,
      Cycle: '2026-Q4',
      Kind: 'Increase',
      Start: 0,
      Target: 100,
      Current: 10,
      Confidence: 'On track',
      Accepted: new Date(Date.UTC(2026, 9, 1)),
      'Last check-in': new Date(Date.UTC(2026, 10, 25)),
    }),
    okrRow({
      ID: 'O9',
      Type: 'Objective',
      Title: 'Next quarter',
      Owner: 'lead@example.com',
      Cycle: '2027-Q1',
    }),
    okrRow({
      ID: 'O9.1',
      Type: 'Key result',
      Parent: 'O9',
      Title: 'Open the Osaka office',
      Owner: ANA,
      Cycle: '2027-Q1',
      Kind: 'Milestone',
      Accepted: new Date(Date.UTC(2026, 10, 20)),
    }),
  ];
}

const WORDS = {
  en: {
    cycle: 'Cycle',
    current: '2026-Q4 (current)',
    pace: 'Expected 61% · behind pace',
    mine: /My key results \(1\)/,
  },
  ja: { cycle: 'サイクル', current: '2026-Q4（現在）', pace: '想定 61% · ペース遅れ', mine: /1/ },
} as const;

describe.each(['en', 'ja'] as Lang[])('the cycle switch and the pace line (%s)', (lang) => {
  const w = WORDS[lang];

  test('current cycle by default, another on switching (remembered), pace on the card, no axe violations', async () => {
    const rt = await fixtureRuntime({ OKRs: rows() }, { userLocales: { [ANA]: lang } });
    const { page, close, errors } = await openSidebar(rt, browser(), ANA);
    await page.locator('.app:not([data-quick])').waitFor();
    const found: Record<string, string[]> = {};
    const cards = () =>
      page.locator('li.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

    const select = page.getByLabel(w.cycle, { exact: true });
    expect(await select.locator('option').allTextContents()).toEqual([w.current, '2027-Q1']);
    expect(await cards()).not.toContain('O9.1');
    expect(await cards()).toContain('O1.9');
    // Next to the owner's own confidence chip, in the same line of facts.
    const meta = page.locator('li.card[data-id="O1.9"] .meta');
    expect(await meta.locator('.chip').textContent()).toBe(lang === 'en' ? 'On track' : '順調');
    expect(await meta.locator('.pace').textContent()).toBe(w.pace);
    await settled(page);
    found.current = await axeViolations(page);

    await select.selectOption({ label: '2027-Q1' });
    await page.locator('li.card[data-id="O9.1"]').waitFor();
    expect(await cards()).toEqual(['O9.1']);
    expect(await page.locator('#mine-h').textContent()).toMatch(w.mine);
    // A milestone has no pace line: it is done or not.
    expect(await page.locator('li.card[data-id="O9.1"] .pace').count()).toBe(0);
    found.switched = await axeViolations(page);

    // Opened again, the sidebar shows the cycle chosen last.
    await page.reload();
    await page.locator('.app:not([data-quick])').waitFor();
    await page.locator('li.card[data-id="O9.1"]').waitFor();
    expect(await cards()).toEqual(['O9.1']);
    // Back to the current cycle: that is remembered as "the current one", whichever it will be.
    await page.getByLabel(w.cycle, { exact: true }).selectOption({ index: 0 });
    await page.locator('li.card[data-id="O1.9"]').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('okrOwners.cycle'))).toBe('');
    expect(errors).toEqual([]);
    await close();
    expect(found).toEqual({ current: [], switched: [] });
  });
  test("a Lead's Settings: the cycle settings and the sheet's cycles with their dates, no axe violations", async () => {
    const rt = await fixtureRuntime({ OKRs: rows() }, { userLocales: { 'lead@example.com': lang } });
    const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
    await page.locator('.app:not([data-quick])').waitFor();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: lang === 'en' ? 'Settings' : '設定' })
      .click();
    // Folded under "Cycles and pace" (set once a year).
    await page.getByText(lang === 'en' ? 'Cycles and pace' : 'サイクルとペース').click();
    await page.locator('ul.cycles li').first().waitFor();
    expect(await page.locator('ul.cycles li').allTextContents()).toEqual(
      lang === 'en'
        ? ['2026-Q4 (current) · Oct 1, 2026 – Dec 31, 2026', '2027-Q1 · Jan 1, 2027 – Mar 31, 2027']
        : ['2026-Q4（現在） · 2026年10月1日 – 2026年12月31日', '2027-Q1 · 2027年1月1日 – 2027年3月31日'],
    );
    const summaryCycle = page.getByLabel(lang === 'en' ? 'Cycle in the Summary' : 'サマリーのサイクル');
    expect(await summaryCycle.locator('option').allTextContents()).toEqual([
      lang === 'en' ? 'The current cycle (2026-Q4)' : '現在のサイクル（2026-Q4）',
      '2026-Q4',
      '2027-Q1',
    ]);
    await settled(page);
    const found = await axeViolations(page);
    expect(errors).toEqual([]);
    await close();
    expect(found).toEqual([]);
  });
});
