// Opens the built sidebar (dist/Sidebar.html) in Chromium against a runtime's HtmlService server,
// as a given user, at the real sidebar width (300 px), and helps tests read and photograph it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Runtime, type RuntimeOptions, Workbook } from '../../local/runtime';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';
import { ensureBuilt, repoRoot } from './build';
import { launchChromium, PAGE_TIMEOUT_MS } from './chromium';

export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'screenshots');

export interface SidebarPage {
  page: Page;
  /** Every dialog (alert/confirm) the page tried to open: an XSS payload would land here. */
  dialogs: string[];
  /** Uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The sidebar fixtures' sheet (OKRs, Team, an empty Check-ins log; tabs override) in a runtime at NOW;
 * options add to the runtime's (e.g. userLocales for a Japanese sidebar).
 */
export function fixtureRuntime(
  tabs: Record<string, unknown[][]> = {},
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    {
      OKRs: okrRows(),
      Team: teamRows(),
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
      ...tabs,
    },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW, ...options } });
}

/** One Chromium for the test file: launched before its tests, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error('Chromium is not running (useChromium must be called at the top of the file)');
    return browser;
  };
}

export async function openSidebar(rt: Runtime, browser: Browser, as: string): Promise<SidebarPage> {
  const server = await rt.serve();
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/sidebar?as=${encodeURIComponent(as)}`);
  await waitLoaded(page);
  return {
    page,
    dialogs,
    errors,
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}

/** The state has arrived: the "Loading…" placeholder is gone from <main>. */
export async function waitLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      return !!main && main.textContent !== '' && !/^(Loading…|読み込み中…)$/.test(main.textContent ?? '');
    },
    undefined,
    { timeout: 60_000 },
  );
}

export async function statusText(page: Page): Promise<string> {
  return (await page.textContent('[role=status]')) ?? '';
}

/** Wait until the aria-live status line says something matching. */
export async function waitStatus(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[role=status]')?.textContent ?? ''),
    pattern.source,
    { timeout: 60_000 },
  );
  return statusText(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `sidebar-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Call a server function through the page's google.script.run, as the page's user. */
export function callServer<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([name, a]) =>
      new Promise<T>((resolve, reject) => {
        const run = (
          window as unknown as { google: { script: { run: Record<string, (...x: unknown[]) => void> } } }
        ).google.script.run as unknown as {
          withSuccessHandler(f: (v: T) => void): {
            withFailureHandler(f: (e: Error) => void): Record<string, (...x: unknown[]) => void>;
          };
        };
        run
          .withSuccessHandler(resolve)
          .withFailureHandler((e) => reject(new Error(e.message)))
          [name as string](a);
      }),
    [fn, arg] as const,
  );
}

/**
 * Waits until the focused element matches `selector`. Preact moves focus in an effect (a form's
 * first field), which runs after the next frame, not when the click or key press returns.
 */
export async function waitFocus(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, {
    timeout: PAGE_TIMEOUT_MS,
  });
}

/**
 * Resolves once the effects of what the page has rendered so far have run. Preact runs them after
 * the next animation frame (or a 35 ms timer when no frame comes), then in a task of their own;
 * this waits for the same frame or a later timer, then two tasks more, so it comes after them
 * however slow the machine (a fixed sleep does not: a starved renderer runs its timers late).
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let done = false;
        const after = () => {
          if (done) return;
          done = true;
          setTimeout(() => setTimeout(resolve));
        };
        requestAnimationFrame(after);
        setTimeout(after, 100);
      }),
  );
}

/** Press Tab until the focused element matches `selector` (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * axe-core's violations on the page as it is now, one "rule: target" line per failing element
 * (the source is injected on first use; axe runs its default rule set: WCAG 2 A/AA and best practices).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core'), 'utf8') });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
    }
    const res = await axe.run(document);
    return res.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n')[1] ?? ''}`),
    );
  });
  return violations;
}
