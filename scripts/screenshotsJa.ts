// The Japanese pictures of `npm run screenshots`, taken in a second sandbox on the demo company as a
// Japanese team writes it (demoWorkbook({ language: 'ja' }): Japanese names, titles and reasons,
// everyone's Language ja, the spreadsheet's locale ja_JP), so the English pictures keep their demo:
//   docs/screenshots/sidebar-agreement-ja.png      a proposal waiting for its approver (counter form open)
//   docs/screenshots/sidebar-counter-ja.png        a counter waiting for its owner
//   docs/screenshots/sidebar-propose-ja.png        the owner's proposal form
//   docs/screenshots/sidebar-history-ja.png        a key result's check-ins as a chart with the pace line
//   docs/screenshots/sidebar-close-cycle-ja.png    the Lead's confirmation before closing 2026-Q3
//   docs/screenshots/sidebar-cycles-ja.png         the closed cycle with what can be carried over
//   docs/screenshots/sidebar-retrospective-ja.png  an owner's retrospective, written
//   docs/screenshots/summary-results-ja.png        the Summary's Results section, in Japanese
// Without a Japanese font Chromium draws boxes: the pictures are then skipped, never written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchSandbox } from '../local/app/launch';
import type { AppState, MenuItemView, SheetView } from '../local/app/protocol';
import { DEMO_CLOSED_CYCLE, DEMO_RETROSPECTIVES, demoWorkbook } from '../local/fixtures/demo';
import { DEMO_JA } from '../local/fixtures/demoJa';
import { askSandbox, writeDemoWorkbook } from './screenshotsSandbox';

const MAX_BYTES = 300 * 1024;

/** The Japanese team's email of an English demo person. */
const ja = (email: string) => DEMO_JA[email] ?? email;

export const NO_JAPANESE_FONT =
  'no Japanese font, Chromium would draw boxes (apt-get install -y fonts-ipafont-gothic)';

/** Whether fontconfig knows a font with Japanese glyphs (`fc-list :lang=ja`). */
export function hasJapaneseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

export async function japanesePictures(
  browser: Browser,
  out: string,
  report: { taken: string[]; skipped: string[] },
): Promise<void> {
  const names = [
    'sidebar-agreement-ja',
    'sidebar-counter-ja',
    'sidebar-propose-ja',
    'sidebar-history-ja',
    'sidebar-close-cycle-ja',
    'sidebar-cycles-ja',
    'sidebar-retrospective-ja',
    'summary-results-ja',
  ];
  if (!hasJapaneseFont()) {
    for (const n of names) report.skipped.push(`${n}: ${NO_JAPANESE_FONT}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'okr-screenshots-ja-'));
  const file = join(dir, 'okrs-ja.xlsx');
  await writeDemoWorkbook(file, demoWorkbook({ language: 'ja' }));
  const app = await launchSandbox(['--port', '0', '--workbook', file], dir);
  // A Japanese browser, as the team's would be (the date inputs show 2026/12/31).
  const page = await browser.newPage({
    viewport: { width: 1400, height: 860 },
    deviceScaleFactor: 1,
    locale: 'ja-JP',
  });
  page.setDefaultTimeout(30_000);
  const state = () => askSandbox<AppState>(`${app.url}api/state`);
  const sidebar = () => page.frameLocator('#sidebar-frame');
  const panel = () => page.locator('#sidebar-panel');

  /** A menu item by its function (the captions are Japanese here). */
  const choose = async (functionName: string) => {
    const item = (await state()).menus
      .flatMap((m) => m.items)
      .find((i): i is MenuItemView => 'functionName' in i && i.functionName === functionName);
    if (!item) throw new Error(`no ${functionName} menu item`);
    const before = (await state()).log.length;
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: item.caption }).click();
    for (let i = 0; i < 300 && (await state()).log.length === before; i++) await page.waitForTimeout(100);
  };
  const shoot = async (name: string, target: Page | Locator) => {
    const path = join(out, `${name}.png`);
    await page.evaluate(() => document.getElementById('notices')?.replaceChildren());
    await target.screenshot({ path, animations: 'disabled' });
    const size = statSync(path).size;
    if (size > MAX_BYTES) throw new Error(`${name}.png is ${Math.round(size / 1024)} KB (limit 300 KB)`);
    report.taken.push(`${name}.png (${Math.round(size / 1024)} KB)`);
  };
  const attempt = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (e) {
      report.skipped.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  /** The sidebar with its whole state loaded: never "読み込み中…" or a quick first paint. */
  const sidebarLoaded = async () => {
    await sidebar().locator('main').waitFor();
    await sidebar().locator('.app:not([data-quick])').waitFor();
    await sidebar()
      .locator('main', { hasText: /読み込み中|保存中|Loading|Saving/ })
      .waitFor({ state: 'detached' });
    await page.waitForTimeout(250);
  };
  /**
   * Acts as `email`: the sandbox reloads the sidebar frame for them (its URL names the user), so the
   * frame is waited for by that URL before anything in it is read, never the previous user's page.
   */
  const asUser = async (email: string) => {
    await page.locator('#user').selectOption(email);
    const as = `as=${encodeURIComponent(email)}`;
    for (let i = 0; i < 300 && !page.frames().some((f) => f.url().includes(as)); i++)
      await page.waitForTimeout(100);
    const frame = page.frames().find((f) => f.url().includes(as));
    if (!frame) throw new Error(`the sidebar did not reload for ${email}`);
    await frame.waitForLoadState('load');
    await sidebarLoaded();
  };
  const waiting = (id: string) => sidebar().locator('#waiting-h + ul button', { hasText: id }).first();
  const button = (name: RegExp) => sidebar().getByRole('button', { name }).first();

  try {
    await page.goto(app.url);
    await page.locator('#grid td[data-a1="A1"]').waitFor();
    const lead = ja('priya.natarajan@example.com');
    await page.locator('#user').selectOption(lead);
    await choose('setUpOkrSheet');
    await choose('showSidebar');
    await panel().waitFor();
    await sidebarLoaded();

    // The agreement flow: the approver's view of a proposal (O2.3, 佐藤 → 岡田), the owner's view of a
    // counter (O3.3, 小林 → 山田) and the owner's proposal form.
    await attempt('agreement views (ja)', async () => {
      await asUser(ja('daniel.okafor@example.com'));
      await waiting('O2.3').click();
      await button(/^対案/).click();
      await sidebar().locator('form textarea').first().waitFor();
      await shoot('sidebar-agreement-ja', panel());
      await button(/^戻る$/).click();
      await asUser(ja('omar.haddad@example.com'));
      await waiting('O3.3').click();
      await button(/^この数値に合意/).waitFor();
      await shoot('sidebar-counter-ja', panel());
      await button(/^別の数値を提案/).click();
      await sidebar().locator('form textarea').first().waitFor();
      await shoot('sidebar-propose-ja', panel());
      await button(/^戻る$/).click();
    });

    // A key result with several check-ins (O1.1): its chart with the pace line.
    await attempt('sidebar-history-ja', async () => {
      await asUser(ja('lucas.meyer@example.com'));
      await button(/^履歴/).click();
      await sidebar().locator('svg[role="img"]').waitFor();
      await shoot('sidebar-history-ja', panel());
      await button(/^戻る$/).click();
    });

    // The Lead closes the previous cycle: the confirmation, then the closed cycle.
    await attempt('cycles (ja)', async () => {
      await asUser(lead);
      await sidebar().locator('#tab-cycles').click();
      await sidebar().locator('li[data-cycle]').first().waitFor();
      await button(new RegExp(`^${DEMO_CLOSED_CYCLE}を終了$`)).click();
      const yes = button(new RegExp(`^${DEMO_CLOSED_CYCLE}を終了する$`));
      await yes.waitFor();
      await shoot('sidebar-close-cycle-ja', panel());
      await yes.click();
      await button(/件すべて引き継ぐ$/).waitFor();
      await sidebarLoaded();
      await shoot('sidebar-cycles-ja', panel());
    });

    // An owner of the closed cycle writes their retrospective (the demo's own words), which the
    // Summary's Results section then shows.
    await attempt('sidebar-retrospective-ja', async () => {
      const retro = DEMO_RETROSPECTIVES.find((r) => r.as === 'aiko.tanaka@example.com');
      if (!retro) throw new Error('the demo has no Japanese retrospective');
      await asUser(ja(retro.as));
      const ask = sidebar()
        .locator('button.row-button', { hasText: /振り返り/ })
        .first();
      await ask.waitFor();
      await ask.click();
      const boxes = sidebar().locator('form textarea');
      await boxes.first().waitFor();
      await boxes.nth(0).fill(retro.happened);
      await boxes.nth(1).fill(retro.learned);
      await shoot('sidebar-retrospective-ja', panel());
      await sidebar().locator('form button[type="submit"]').click();
      await ask.waitFor({ state: 'detached' });
    });

    await attempt('summary-results-ja', async () => {
      await asUser(lead);
      await choose('refreshSummary');
      const summary = await askSandbox<SheetView>(`${app.url}api/sheet?name=Summary`);
      const row = summary.rows.findIndex((r) => /の結果（終了）$/.test(r[0]?.text ?? '')) + 1;
      if (row < 1) throw new Error('no Results section on the Summary');
      await page.locator('#tabs [data-sheet="Summary"]').click();
      await page.locator('#grid[data-sheet="Summary"]').waitFor();
      // The sheet the whole width of the window (the sidebar closed, the last picture here: the
      // scores, the reason and the retrospective are the section's right-hand columns), the
      // section's last row in view.
      await askSandbox(`${app.url}api/sidebar/close`, { method: 'POST' });
      await panel().waitFor({ state: 'hidden' });
      await page.locator(`#grid td[data-a1="A${summary.rows.length}"]`).scrollIntoViewIfNeeded();
      await page.waitForTimeout(250);
      await shoot('summary-results-ja', page.locator('.sheet-area'));
    });
  } catch (e) {
    // "fetch failed" alone says nothing: the cause, and the sandbox's last words if it stopped.
    const cause = (e as Error & { cause?: Error }).cause?.message;
    const exit = app.proc.exitCode !== null ? `; the sandbox exited (${app.proc.exitCode})` : '';
    const said = app.stderr().trim().split('\n').at(-1);
    throw new Error(`${(e as Error).message}${cause ? ` (${cause})` : ''}${exit}${said ? `: ${said}` : ''}`);
  } finally {
    await page.close();
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
