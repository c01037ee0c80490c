// axe-core on the local sandbox page (the grid, its menus, the clock, outbox and log panels, the
// sidebar panel around the add-on's frame): no violations. The sidebar inside the frame has its own
// test (sidebar-axe).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type LaunchedSandbox, launchSandbox } from '../../local/app/launch';
import { demoWorkbook } from '../../local/fixtures/demo';
import { workbookToXlsx } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { axeViolations } from '../helpers/sidebarPage';

jest.setTimeout(300_000);

let dir: string;
let app: LaunchedSandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'okr-sandbox-axe-'));
  const file = join(dir, 'okrs.xlsx');
  writeFileSync(file, await workbookToXlsx(demoWorkbook()));
  [app, browser] = await Promise.all([
    launchSandbox(['--port', '0', '--workbook', file], dir),
    launchChromium(),
  ]);
  // The page's Content-Security-Policy allows only its own scripts: axe is injected past it.
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the sandbox page has no axe-core violations', async () => {
  const found: Record<string, string[]> = {};
  await page.goto(app.url);
  await page.locator('#grid td[data-a1="A1"]').waitFor();
  found.grid = await axeViolations(page);
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem').first().waitFor();
  found.menu = await axeViolations(page);
  await page.keyboard.press('Escape');
  for (const panel of ['outbox', 'log']) {
    await page.locator(`[data-panel="${panel}"]`).click();
    await page.locator(`#panel-${panel}`).waitFor();
    found[panel] = await axeViolations(page);
  }
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.locator('[role="menuitem"][data-function="showSidebar"]').click();
  await page.locator('#sidebar-panel:not([hidden])').waitFor();
  await page.frameLocator('#sidebar-frame').locator('main').waitFor();
  found.sidebar = await axeViolations(page);
  expect(found).toEqual({ grid: [], menu: [], outbox: [], log: [], sidebar: [] });
});
