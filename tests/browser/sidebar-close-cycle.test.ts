// The close-cycle flow and the retrospective form in the built sidebar, in English and Japanese:
// a Lead closes a cycle from the Cycles view (after a confirmation) and sees what can be carried
// over; the owner opens the retrospective from "Needs you", is told what is missing, and saves it;
// the Lead reopens the cycle (after a confirmation that says what reopening does) and closes it
// again, and the owner's retrospective is kept. axe-core finds nothing on any of these screens.
import type { Page } from 'playwright-core';
import { Runtime } from '../../local/runtime';
import type { Lang } from '../../src/api';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { ensureBuilt } from '../helpers/build';
import {
  axeViolations,
  openSidebar,
  settled,
  useChromium,
  waitFocus,
  waitStatus,
} from '../helpers/sidebarPage';

jest.setTimeout(600_000);
const browser = useChromium();
const { LEAD, ANA, NOW } = CYCLE_PEOPLE;

const WORD = {
  en: {
    cycles: 'Cycles',
    close: /^Close 2026-Q3/,
    yes: /^Yes, close 2026-Q3/,
    carry: /^Carry all 2/,
    retro: /Retrospective/,
    reopen: /^Reopen 2026-Q3$/,
    reopenYes: /^Yes, reopen 2026-Q3$/,
    reopenText: 'Reopen 2026-Q3? Its rows can be changed again',
  },
  ja: {
    cycles: 'サイクル',
    close: /^2026-Q3を終了$/,
    yes: /^2026-Q3を終了する/,
    carry: /^2件すべて引き継ぐ/,
    retro: /振り返り/,
    reopen: /^2026-Q3を再開$/,
    reopenYes: /^2026-Q3を再開する$/,
    reopenText: '2026-Q3を再開しますか？',
  },
} as const;

async function check(page: Page, view: string, found: Record<string, string[]>): Promise<void> {
  await settled(page); // the view's effects (focus, scroll) have run
  found[view] = await axeViolations(page);
}

describe.each(['en', 'ja'] as Lang[])('closing a cycle in the sidebar (%s)', (lang) => {
  const w = WORD[lang];

  test('the Lead closes 2026-Q3; the owner writes the retrospective; the Lead reopens (confirmed) and closes again; axe finds nothing', async () => {
    const rt = await Runtime.open({
      workbook: twoCycleWorkbook(),
      projectDir: ensureBuilt(),
      options: { now: NOW, userLocales: { [LEAD]: lang, [ANA]: lang } },
    });
    const found: Record<string, string[]> = {};
    const lead = await openSidebar(rt, browser(), LEAD);
    let page = lead.page;
    await page.locator('.app:not([data-quick])').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: w.cycles }).click();
    await page.locator('li[data-cycle="2026-Q3"]').waitFor();
    await check(page, 'cycles', found);
    await page.getByRole('button', { name: w.close }).click();
    await page.getByRole('button', { name: w.yes }).waitFor();
    await check(page, 'close confirmation', found);
    await page.getByRole('button', { name: w.yes }).click();
    await waitStatus(page, /2026-Q3/);
    await page.getByRole('button', { name: w.carry }).waitFor();
    await check(page, 'closed, carry over', found);
    expect(
      rt.workbook
        .values('Results')
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['O1.1', 'O1.2', 'O1.3']);
    expect(lead.errors).toEqual([]);
    await lead.close();

    const owner = await openSidebar(rt, browser(), ANA);
    page = owner.page;
    await page.locator('.app:not([data-quick])').waitFor();
    const ask = page.locator('button.row-button', { hasText: w.retro }).first();
    await ask.waitFor();
    await check(page, 'mine with a retrospective to write', found);
    await ask.click();
    await page.locator('form textarea').first().waitFor();
    // The form focuses its first field in an effect, after it paints: wait for it to land.
    await waitFocus(page, 'textarea');
    await check(page, 'retrospective', found);
    await page.locator('form button[type=submit]').click();
    await page.locator('.field-error').waitFor();
    await check(page, 'retrospective with an error', found);
    await page.locator('form textarea').first().fill('The pilot started late.');
    await page.locator('form input[type=number]').fill('0.6');
    await page.locator('form button[type=submit]').click();
    await page.locator('.field-error').waitFor(); // the reason for the adjusted score
    await page.locator('form input[type=text]').fill('The deal was signed after the end');
    await page.locator('form button[type=submit]').click();
    await waitStatus(page, /O1\.1/);
    const last = rt.workbook.values('Results').at(-1) ?? [];
    expect([last[2], last[4], last[6], last[7]]).toEqual([
      'O1.1',
      0.6,
      'The deal was signed after the end',
      'The pilot started late.',
    ]);
    expect(owner.errors).toEqual([]);
    await owner.close();

    const again = await openSidebar(rt, browser(), LEAD);
    page = again.page;
    await page.locator('.app:not([data-quick])').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: w.cycles }).click();
    await page.getByRole('button', { name: w.reopen }).click();
    await page.getByRole('button', { name: w.reopenYes }).waitFor();
    expect(await page.locator('li[data-cycle="2026-Q3"] .notice').textContent()).toContain(w.reopenText);
    await check(page, 'reopen confirmation', found);
    await page.getByRole('button', { name: w.reopenYes }).click();
    await page.getByRole('button', { name: w.close }).waitFor();
    await check(page, 'reopened', found);
    await page.getByRole('button', { name: w.close }).click();
    await page.getByRole('button', { name: w.yes }).click();
    await page.getByRole('button', { name: w.reopen }).waitFor();
    // Closed again: the owner's retrospective and adjusted score are still the latest row of O1.1.
    const o11 = rt.workbook
      .values('Results')
      .filter((r) => r[2] === 'O1.1')
      .at(-1);
    expect([o11?.[3], o11?.[4], o11?.[6], o11?.[7]]).toEqual([
      LEAD,
      0.6,
      'The deal was signed after the end',
      'The pilot started late.',
    ]);
    expect(again.errors).toEqual([]);
    await again.close();
    expect(found).toEqual({
      cycles: [],
      'close confirmation': [],
      'closed, carry over': [],
      'mine with a retrospective to write': [],
      retrospective: [],
      'retrospective with an error': [],
      'reopen confirmation': [],
      reopened: [],
    });
  });
});
