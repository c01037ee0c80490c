// Screenshots of the sidebar on the runtime's demo workbook (a realistic team), for review: an
// owner's My key results in English and in Japanese, and a Lead's Assign and Problems views.
import type { Browser } from 'playwright-core';
import { DEMO_TODAY, demoWorkbook } from '../../local/fixtures/demo';
import { Runtime } from '../../local/runtime';
import type { SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { openSidebar, screenshot } from '../helpers/sidebarPage';

jest.setTimeout(300_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('demo workbook: owner and Lead views render without errors', async () => {
  const rt = await Runtime.open({
    workbook: demoWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: `${DEMO_TODAY}T15:00:00Z` },
  });
  const people = rt.workbook
    .values('Team')
    .slice(1)
    .map((r) => ({ email: String(r[1]), role: String(r[4]) }));
  // The member who owns the most key results.
  const owner = people
    .map((p) => ({
      ...p,
      mine: (rt.run('getSidebarState', [], { as: p.email }).result as SidebarState).mine.length,
    }))
    .sort((a, b) => b.mine - a.mine)[0];
  expect(owner.mine).toBeGreaterThan(0);
  const o = await openSidebar(rt, browser, owner.email);
  // Mine shows the current cycle's key results (the demo's closed 2026-Q3 ones are behind the switch).
  const heading = o.page.getByRole('heading', { name: /^My key results \(\d+\)$/ });
  await heading.waitFor();
  const shown = Number((await heading.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(owner.mine);
  await screenshot(o.page, 'demo-mine');
  expect(o.errors).toEqual([]);
  await o.close();

  const lead = people.find((p) => p.role === 'Lead')!;
  const l = await openSidebar(rt, browser, lead.email);
  await l.page.getByRole('button', { name: 'Assign', exact: true }).click();
  await l.page.getByLabel('Show').selectOption('all');
  await screenshot(l.page, 'demo-assign');
  await l.page.getByRole('button', { name: /Problems/ }).click();
  await screenshot(l.page, 'demo-problems');
  expect(l.errors).toEqual([]);
  await l.close();
});
