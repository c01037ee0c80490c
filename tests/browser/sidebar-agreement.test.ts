// The agreement views in the sidebar, in Chromium against the built add-on: the owner proposes
// other figures, the approver sees it under "Agreements waiting for you" and agrees; both views pass
// axe-core, in English and Japanese.
import type { Page } from 'playwright-core';
import { Runtime, Workbook } from '../../local/runtime';
import type { Lang } from '../../src/api';
import { ANA, agreementTabs, grown, MIA, NOW } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';
import { axeViolations, openSidebar, useChromium, waitStatus } from '../helpers/sidebarPage';

jest.setTimeout(300_000);
const browser = useChromium();

async function open(lang: Lang, tabs: Record<string, unknown[][]> = agreementTabs()): Promise<Runtime> {
  const workbook = Workbook.fromRows(tabs, { timeZone: 'UTC' });
  const locale = lang === 'ja' ? 'ja_JP' : 'en_US';
  return Runtime.open({
    workbook,
    projectDir: ensureBuilt(),
    options: { now: NOW, userLocales: { [ANA]: locale, [MIA]: locale } },
  });
}

/** The owner's proposal of Target 80 from the open propose form, sent and confirmed. */
async function sendProposal(page: Page): Promise<void> {
  await page.getByLabel('Target').fill('80');
  await page.getByLabel('Why?').fill('Two of us are on leave');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await waitStatus(page, /Proposed for O1\.1/);
}

test('the owner proposes, the approver agrees; the row shows the agreed target', async () => {
  const rt = await open('en');
  const owner = await openSidebar(rt, browser(), ANA);
  try {
    await owner.page.locator('.app:not([data-quick])').waitFor();
    await owner.page.locator('.needs-list button', { hasText: 'O1.1' }).click();
    await owner.page.getByRole('button', { name: 'Propose other figures…' }).click();
    // The approver by her name in Team, her email as the name's title.
    await owner.page.getByText('Answer from: Mia.').waitFor();
    expect(await owner.page.locator('.view p.muted span[title]').allTextContents()).toEqual(['Mia']);
    expect(await owner.page.locator('.view p.muted span[title]').getAttribute('title')).toBe(MIA);
    expect(await axeViolations(owner.page)).toEqual([]);
    await sendProposal(owner.page);
    expect(owner.errors).toEqual([]);
  } finally {
    await owner.close();
  }
  const approver = await openSidebar(rt, browser(), MIA);
  try {
    await approver.page.locator('.app:not([data-quick])').waitFor();
    // Needs you names the owner (Ana), her email as the title.
    const waiting = approver.page.getByRole('button', { name: /O1\.1.*proposal to answer · Ana/ });
    expect(await waiting.locator(`span[title="${ANA}"]`).textContent()).toBe('Ana');
    await waiting.click();
    await approver.page.getByText('Target 80').first().waitFor();
    await approver.page.getByText('Proposal from Ana: Target 80').waitFor();
    // The history names Ana too; no email is shown as text, each is a title.
    expect(await approver.page.locator('.history li').allTextContents()).toEqual([
      expect.stringMatching(/Proposed Ana Target 100 · Start 0 · Due 2026-12-31 → Target 80/),
    ]);
    expect(await approver.page.locator(`.view [title="${ANA}"]`).allTextContents()).toEqual(['Ana', 'Ana']);
    expect(await approver.page.locator('.view').textContent()).not.toContain('@example.com');
    expect(await axeViolations(approver.page)).toEqual([]);
    await approver.page.getByRole('button', { name: 'Agree', exact: true }).click();
    await waitStatus(approver.page, /Agreed O1\.1/);
    // The answer says what changed (not the whole state): the proposal leaves what waits for her.
    await approver.page
      .getByRole('button', { name: /O1\.1.*proposal to answer/ })
      .waitFor({ state: 'detached' });
    expect(approver.errors).toEqual([]);
  } finally {
    await approver.close();
  }
  const [header, ...rows] = rt.workbook.values('OKRs');
  const row = rows.find((r) => r[0] === 'O1.1') as unknown[];
  expect(row[(header as string[]).indexOf('Target')]).toBe(80);
});

test('in Japanese, the proposal form and the approver view pass axe-core', async () => {
  const rt = await open('ja');
  rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: '休暇のため' }], { as: ANA });
  const approver = await openSidebar(rt, browser(), MIA);
  try {
    await approver.page.locator('.app:not([data-quick])').waitFor();
    await approver.page.getByRole('button', { name: /O1\.1.*回答が必要な提案/ }).click();
    await approver.page.getByRole('button', { name: '対案…' }).click();
    await approver.page.getByLabel('目標値').waitFor();
    expect(await axeViolations(approver.page)).toEqual([]);
    expect(approver.errors).toEqual([]);
  } finally {
    await approver.close();
  }
});

test('the owner reads a counter by her approver’s name, in Japanese too (names are not translated)', async () => {
  for (const [lang, counter, history] of [
    ['en', 'Counter from Mia: Target 90', ['Proposed Ana', 'Countered Mia']],
    ['ja', 'Miaさんから対案：目標値 90', ['提案 Ana', '対案 Mia']],
  ] as const) {
    const rt = await open(lang);
    rt.run('proposeAgreement', [{ id: 'O1.1', target: 80, reason: 'Leave' }], { as: ANA });
    rt.run('respondAgreement', [{ id: 'O1.1', answer: 'counter', target: 90, reason: 'Aim' }], { as: MIA });
    const owner = await openSidebar(rt, browser(), ANA);
    try {
      await owner.page.locator('.app:not([data-quick])').waitFor();
      await owner.page.locator('.needs-list button', { hasText: 'O1.1' }).first().click();
      await owner.page.getByText(counter).waitFor();
      expect(await owner.page.locator(`.notice [title="${MIA}"]`).textContent()).toBe('Mia');
      // Each step: its word, then who took it by name, their email as the title.
      const steps = await owner.page
        .locator('.history li')
        .evaluateAll((lis) =>
          lis.map((li) =>
            [li.querySelector('b')?.textContent, li.querySelector('[title]')?.textContent].join(' '),
          ),
        );
      expect(steps).toEqual(history);
      expect(
        await owner.page
          .locator('.history [title]')
          .evaluateAll((e) => e.map((x) => x.getAttribute('title'))),
      ).toEqual([ANA, MIA]);
      expect(owner.errors).toEqual([]);
    } finally {
      await owner.close();
    }
  }
});

test('on a sheet of 600 key results the steps answer with what changed, and the sidebar applies it', async () => {
  // The steps take the quick path: no whole state in the answer.
  const rt = await open('en', grown(600));
  const owner = await openSidebar(rt, browser(), ANA);
  try {
    await owner.page.locator('.app:not([data-quick])').waitFor();
    await owner.page.locator('.needs-list button', { hasText: 'O1.1' }).click();
    await owner.page.getByRole('button', { name: 'Propose other figures…' }).click();
    await sendProposal(owner.page);
    expect(owner.errors).toEqual([]);
  } finally {
    await owner.close();
  }
  const approver = await openSidebar(rt, browser(), MIA);
  try {
    await approver.page.locator('.app:not([data-quick])').waitFor();
    await approver.page.getByRole('button', { name: /O1\.1.*proposal to answer/ }).click();
    await approver.page.getByRole('button', { name: 'Agree', exact: true }).click();
    await waitStatus(approver.page, /Agreed O1\.1/);
    await approver.page
      .getByRole('button', { name: /O1\.1.*proposal to answer/ })
      .waitFor({ state: 'detached' });
    expect(approver.errors).toEqual([]);
  } finally {
    await approver.close();
  }
  const steps = rt.workbook.values('Agreements').slice(-2);
  expect(steps.map((r) => [r[1], r[2]])).toEqual([
    ['O1.1', 'Proposed'],
    ['O1.1', 'Agreed'],
  ]);
});
