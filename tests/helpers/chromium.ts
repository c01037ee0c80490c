// Browser tests launch Chromium the way scripts/screenshots.ts does: one launcher, in local/.
// CI shares two cores with whatever else runs: every page waits up to a minute for an element or
// a navigation (Playwright's default is 30 s), so a slow machine makes a test slower, never red.
// A wait that is really broken still fails, with Playwright's message naming what it waited for.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium as launch } from '../../local/chromium';

export const PAGE_TIMEOUT_MS = 60_000;

export async function launchChromium(): Promise<Browser> {
  const browser = await launch();
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    // The page's own context too: route.fetch() (tests holding a server answer) takes its limit
    // from the context, which would otherwise stay at Playwright's 30 s.
    page.context().setDefaultTimeout(PAGE_TIMEOUT_MS);
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    return page;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>): Promise<BrowserContext> => {
    const context = await newContext(...args);
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    return context;
  };
  return browser;
}
