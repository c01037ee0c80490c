// `npm run screenshots`: PNGs of the real product for the README, taken with Chromium from the
// sandbox app (the built dist/ running in the local runtime on a fresh demo workbook):
//   docs/screenshots/sandbox.png          the sandbox: sheet, Extensions menu result, sidebar, clock
//   docs/screenshots/sidebar-<view>.png   each sidebar view (Mine, accept, check-in form, Assign, Add, Problems, Settings,
//                                         and My team for the Lead, who manages someone in the demo's Team)
//   docs/screenshots/sidebar-mine-ja.png  Mine for a member whose language is Japanese
//   docs/screenshots/*-ja.png             the agreement, history, cycle and Results pictures in
//                                         Japanese, from the Japanese team's demo (screenshotsJa.ts)
//   docs/screenshots/summary.png          the Summary tab
//   docs/screenshots/owner-email.png      an owner's weekly email as they see it
//   docs/screenshots/sandbox-outbox.png   the sandbox's outbox with that email open
//   docs/screenshots/sandbox-menu.png     Extensions → OKR Owners, as onOpen built it
//   docs/publish/screenshots/listing-*.png the Marketplace listing's 1280 × 800 pictures (sheet and
//                                          sidebar, Summary, a weekly email), docs/publish/listing.md
//   docs/screenshots/sidebar-import.png   Import's preview of a team's own OKR tab
//   docs/screenshots/import/<layout>.png  each layout Import reads (local/fixtures/import), docs/import.md
// A step whose feature has not landed is reported and skipped; the script fails only when it could
// take no screenshot at all or one is over 300 KB.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchSandbox, repoRoot } from '../local/app/launch';
import type { AppState, EmailBody, MenuItemView, SheetView } from '../local/app/protocol';
import { launchChromium } from '../local/chromium';
import { DEMO_RETROSPECTIVES, demoWorkbook } from '../local/fixtures/demo';
import { IMPORT_CORPUS } from '../local/fixtures/import';
import { layoutPictureHtml } from './layoutPicture';
import { hasJapaneseFont, japanesePictures, NO_JAPANESE_FONT } from './screenshotsJa';
import { askSandbox, writeDemoWorkbook } from './screenshotsSandbox';

const OUT = join(repoRoot, 'docs/screenshots');
const LAYOUTS_OUT = join(OUT, 'import');
const LISTING_OUT = join(repoRoot, 'docs/publish/screenshots');
/** The size the Google Workspace Marketplace takes for listing screenshots. */
const LISTING_VIEWPORT = { width: 1280, height: 800 };
const MAX_BYTES = 300 * 1024;

const taken: string[] = [];
const skipped: string[] = [];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'okr-screenshots-'));
  const file = join(dir, 'okrs.xlsx');
  // The demo workbook with a team's own OKR tab beside the add-on's, for Import's preview.
  const workbook = demoWorkbook();
  const theirs = IMPORT_CORPUS['objective-rows'].rows;
  workbook.writeRect(workbook.addSheet('Our OKRs', undefined, { rows: 100, cols: 26 }), 1, 1, theirs);
  await writeDemoWorkbook(file, workbook);
  const [app, browser] = await Promise.all([
    launchSandbox(['--port', '0', '--workbook', file], dir),
    launchChromium(),
  ]);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
    // Generous: a busy machine (other builds and browsers beside) must slow the pictures, never fail them.
    page.setDefaultTimeout(30_000);
    const state = () => askSandbox<AppState>(`${app.url}api/state`);
    const menuItem = async (re: RegExp) =>
      (await state()).menus
        .flatMap((m) => m.items)
        .find((i): i is MenuItemView => 'caption' in i && re.test(i.caption));
    const choose = async (re: RegExp) => {
      const item = await menuItem(re);
      if (!item) return false;
      const before = (await state()).log.length;
      await page.getByRole('button', { name: 'Extensions' }).click();
      await page.getByRole('menuitem', { name: item.caption }).click();
      for (let i = 0; i < 100 && (await state()).log.length === before; i++) await page.waitForTimeout(100);
      return true;
    };
    const shoot = async (name: string, target: Page | Locator, fullPage = false, dir = OUT) => {
      const path = join(dir, `${name}.png`);
      // Toasts are transient; they would cover the page in a still picture.
      await page.evaluate(() => document.getElementById('notices')?.replaceChildren());
      if (fullPage) await (target as Page).screenshot({ path, animations: 'disabled', fullPage: true });
      else await target.screenshot({ path, animations: 'disabled' });
      const size = statSync(path).size;
      if (size > MAX_BYTES) throw new Error(`${name}.png is ${Math.round(size / 1024)} KB (limit 300 KB)`);
      const where = dir === OUT ? '' : dir === LAYOUTS_OUT ? 'import/' : 'publish/';
      taken.push(`${where}${name}.png (${Math.round(size / 1024)} KB)`);
    };
    const attempt = async (name: string, body: () => Promise<void>) => {
      try {
        await body();
      } catch (e) {
        skipped.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
      }
    };
    const openTab = async (name: string) => {
      await page.locator(`#tabs [data-sheet="${name}"]`).click();
      await page.locator(`#grid[data-sheet="${name}"]`).waitFor();
      await page.waitForTimeout(150);
    };
    const sidebar = () => page.frameLocator('#sidebar-frame');
    /**
     * The sidebar's views say "Loading…" until their google.script.run call returns, and the app
     * carries data-quick until the whole sheet (getSidebarState) has arrived.
     */
    const sidebarLoaded = async () => {
      await sidebar().locator('main').waitFor();
      await sidebar().locator('.app:not([data-quick])').waitFor();
      await sidebar()
        .locator('main', { hasText: /Loading|Saving/ })
        .waitFor({ state: 'detached' });
      await page.waitForTimeout(250);
    };
    /**
     * Acts as `email`: the sandbox reloads the sidebar frame for them (its URL names the user), so the
     * frame is waited for by that URL before anything in it is read, never the previous user's page.
     */
    const actAs = async (email: string) => {
      await page.locator('#user').selectOption(email);
      await page.waitForFunction(
        (e) => (document.getElementById('user') as HTMLSelectElement).value === e,
        email,
      );
      if (!(await page.locator('#sidebar-panel').isVisible())) return;
      const as = `as=${encodeURIComponent(email)}`;
      for (let i = 0; i < 300 && !page.frames().some((f) => f.url().includes(as)); i++)
        await page.waitForTimeout(100);
      await page
        .frames()
        .find((f) => f.url().includes(as))
        ?.waitForLoadState('load');
      await sidebarLoaded();
    };

    await page.goto(app.url);
    await page.locator('#grid td[data-a1="A1"]').waitFor();
    const s0 = await state();
    const lead = s0.people.find((p) => /^lead$/i.test(p.role)) ?? s0.people[0];

    await attempt('set up', async () => {
      if (!(await choose(/set up/i))) throw new Error('no "Set up" menu item yet');
    });
    await attempt('summary refresh', async () => {
      if (!(await choose(/summary/i))) throw new Error('no Summary menu item yet');
    });

    // A Member who owns key results, one of them waiting for acceptance if the sheet has one:
    // their "Mine" shows what needs them, and their email is the one to show.
    const okrs = await askSandbox<SheetView>(`${app.url}api/sheet?name=OKRs`);
    const header = okrs.rows[0].map((c) => c.text.trim().toLowerCase());
    const [typeCol, ownerCol, acceptedCol] = ['type', 'owner', 'accepted'].map((h) => header.indexOf(h));
    const krs = okrs.rows.slice(1).filter((r) => /key/i.test(r[typeCol]?.text ?? ''));
    const members = s0.people.filter((p) => /^member$/i.test(p.role));
    const pending = krs.find(
      (r) => r[acceptedCol]?.text === '' && members.some((p) => p.email === r[ownerCol]?.text),
    );
    const owner =
      members.find((p) => p.email === pending?.[ownerCol]?.text) ??
      members.find((p) => krs.some((r) => r[ownerCol]?.text === p.email)) ??
      lead;

    await attempt('sidebar views', async () => {
      await page.locator('#user').selectOption(owner.email);
      await page.waitForFunction(
        (e) => (document.getElementById('user') as HTMLSelectElement).value === e,
        owner.email,
      );
      if (!(await choose(/sidebar/i))) throw new Error('no "Open sidebar" menu item');
      await page.locator('#sidebar-panel').waitFor();
      await sidebarLoaded();
      await shoot('sidebar-mine', page.locator('#sidebar-panel'));
      const accept = sidebar()
        .getByRole('button', { name: /^Accept/ })
        .first();
      if (await accept.count()) {
        await accept.click();
        await sidebar()
          .getByRole('button', { name: /^Decline/ })
          .waitFor();
        // The proposal and its history come with the whole state, which may still be on its way.
        await sidebarLoaded();
        await shoot('sidebar-accept', page.locator('#sidebar-panel'));
        await sidebar()
          .getByRole('button', { name: /^(Back|Cancel)$/ })
          .click();
      }
      const checkIn = sidebar()
        .getByRole('button', { name: /^Check in/ })
        .first();
      if (await checkIn.count()) {
        await checkIn.click();
        await sidebar().locator('form').waitFor();
        await shoot('sidebar-check-in', page.locator('#sidebar-panel'));
        await sidebar()
          .getByRole('button', { name: /^(Back|Cancel)$/ })
          .click();
      }
      // A key result's history: its check-ins as a chart with the pace line, and as a list.
      const history = sidebar()
        .getByRole('button', { name: /^History/ })
        .first();
      if (await history.count()) {
        await history.click();
        await sidebar().locator('svg[role="img"]').waitFor();
        await sidebarLoaded();
        await shoot('sidebar-history', page.locator('#sidebar-panel'));
        await sidebar()
          .getByRole('button', { name: /^Back$/ })
          .click();
      }
      await page.locator('#user').selectOption(lead.email);
      await page.waitForFunction(
        (e) => (document.getElementById('user') as HTMLSelectElement).value === e,
        lead.email,
      );
      await sidebar().locator('#tab-assign').waitFor();
      await sidebarLoaded();
      for (const view of ['assign', 'add', 'problems', 'settings']) {
        await sidebar().locator(`#tab-${view}`).click();
        await sidebarLoaded();
        await shoot(`sidebar-${view}`, page.locator('#sidebar-panel'));
      }
      // My team: only a manager has the tab (the demo's Lead manages a member).
      if (await sidebar().locator('#tab-team').count()) {
        await sidebar().locator('#tab-team').click();
        await sidebarLoaded();
        await shoot('sidebar-team', page.locator('#sidebar-panel'));
      }
      await sidebar().locator('#tab-mine').click();
      // A member whose Team row says Language ja: the sidebar in Japanese (never boxes for lack of a font).
      const ja = s0.people.find((p) => p.language === 'ja');
      if (ja && !hasJapaneseFont()) skipped.push(`sidebar-mine-ja: ${NO_JAPANESE_FONT}`);
      else if (ja) {
        await page.locator('#user').selectOption(ja.email);
        await page.waitForFunction(
          (e) => (document.getElementById('user') as HTMLSelectElement).value === e,
          ja.email,
        );
        await sidebar().locator('html[lang="ja"]').waitFor({ state: 'attached' });
        await sidebarLoaded();
        await shoot('sidebar-mine-ja', page.locator('#sidebar-panel'));
        await page.locator('#user').selectOption(lead.email);
        await page.waitForFunction(
          (e) => (document.getElementById('user') as HTMLSelectElement).value === e,
          lead.email,
        );
        await sidebarLoaded();
      }
    });

    // The agreement views (the demo's Agreements tab): the proposal waiting for its approver, the
    // counter waiting for its owner with the history, and the owner's proposal form.
    await attempt('agreement views', async () => {
      const as = actAs;
      const waiting = (id: string) => sidebar().locator('#waiting-h + ul button', { hasText: id }).first();
      await as('daniel.okafor@example.com');
      await waiting('O2.3').click();
      await sidebar()
        .getByRole('button', { name: /^Counter/ })
        .click();
      await shoot('sidebar-agreement', page.locator('#sidebar-panel'));
      await sidebar()
        .getByRole('button', { name: /^Back$/ })
        .click();
      await as('omar.haddad@example.com');
      await waiting('O3.3').click();
      await sidebar()
        .getByRole('button', { name: /^Agree to these figures/ })
        .waitFor();
      await shoot('sidebar-counter', page.locator('#sidebar-panel'));
      await sidebar()
        .getByRole('button', { name: /^Propose other figures/ })
        .click();
      await shoot('sidebar-propose', page.locator('#sidebar-panel'));
      await sidebar()
        .getByRole('button', { name: /^Back$/ })
        .click();
      await as(lead.email);
    });

    // Cycles: the Lead closes the previous cycle (the confirmation, then the closed cycle with what can
    // be carried over), an owner's retrospective form, and the Summary's Results section (the Japanese
    // ones: screenshotsJa.ts).
    // Each part ends as the Lead on the OKRs tab, where the next pictures start.
    const asUser = actAs;
    const backToLead = async () => {
      await asUser(lead.email).catch(() => undefined);
      await sidebar()
        .locator('#tab-mine')
        .click()
        .catch(() => undefined);
      await openTab('OKRs').catch(() => undefined);
    };
    await attempt('cycles', async () => {
      try {
        await asUser(lead.email);
        await sidebar().locator('#tab-cycles').click();
        await sidebar().locator('li[data-cycle]').first().waitFor();
        const close = sidebar()
          .getByRole('button', { name: /^Close / })
          .first();
        if (await close.count()) {
          await close.click();
          await sidebar()
            .getByRole('button', { name: /^Yes, close / })
            .waitFor();
          await shoot('sidebar-close-cycle', page.locator('#sidebar-panel'));
          await sidebar()
            .getByRole('button', { name: /^Yes, close / })
            .click();
          await sidebar()
            .getByRole('button', { name: /^Carry all/ })
            .waitFor();
        }
        await shoot('sidebar-cycles', page.locator('#sidebar-panel'));
      } finally {
        await backToLead();
      }
    });
    // An owner asked for a retrospective under "Needs you" (the Japanese one: screenshotsJa.ts).
    await attempt('sidebar-retrospective', async () => {
      try {
        // The first member (in Team order, English) with a retrospective to write.
        const members = s0.people.filter((p) => /^member$/i.test(p.role) && p.language !== 'ja');
        for (const who of members) {
          await asUser(who.email);
          const ask = sidebar()
            .locator('button.row-button', { hasText: /Retrospective/ })
            .first();
          // The sidebar reloads for the new user after the switch: wait for the ask, never a count()
          // of the page being replaced.
          if (
            !(await ask.waitFor({ timeout: 15_000 }).then(
              () => true,
              () => false,
            ))
          )
            continue;
          await ask.click();
          const boxes = sidebar().locator('form textarea');
          await boxes.first().waitFor();
          // The owner's own words from the demo's story, typed (not saved: the Results pictures
          // show the cycle as the Lead just closed it).
          const words = DEMO_RETROSPECTIVES.find((r) => r.as === who.email);
          if (words) {
            await boxes.nth(0).fill(words.happened);
            await boxes.nth(1).fill(words.learned);
          }
          await shoot('sidebar-retrospective', page.locator('#sidebar-panel'));
          return;
        }
        throw new Error('nobody is asked for a retrospective');
      } finally {
        await backToLead();
      }
    });
    await attempt('summary results', async () => {
      try {
        if (!(await choose(/summary/i))) throw new Error('no Summary menu item');
        const summary = await askSandbox<SheetView>(`${app.url}api/sheet?name=Summary`);
        const row = summary.rows.findIndex((r) => /^Results of /.test(r[0]?.text ?? '')) + 1;
        if (row < 1) throw new Error('no Results section on the Summary');
        await openTab('Summary');
        await page.locator(`#grid td[data-a1="A${row}"]`).scrollIntoViewIfNeeded();
        await shoot('summary-results', page.locator('.sheet-area'));
      } finally {
        await backToLead();
      }
    });

    await attempt('sandbox overview', async () => {
      await openTab('OKRs');
      // The Lead's sidebar (all five views) once its state has loaded, never a "Loading…" panel.
      await sidebar().locator('#tab-settings').waitFor();
      await sidebarLoaded();
      await page.getByRole('tab', { name: /Execution log/ }).click();
      await shoot('sandbox', page);
    });

    await attempt('extensions menu', async () => {
      await page.getByRole('button', { name: 'Extensions' }).click();
      await page.locator('.menubar .dropdown').waitFor();
      const path = join(OUT, 'sandbox-menu.png');
      await page.evaluate(() => document.getElementById('notices')?.replaceChildren());
      await page.screenshot({ path, clip: { x: 0, y: 0, width: 560, height: 300 } });
      taken.push(`sandbox-menu.png (${Math.round(statSync(path).size / 1024)} KB)`);
      await page.keyboard.press('Escape');
    });

    await attempt('summary', async () => {
      if (!(await state()).sheets.includes('Summary')) throw new Error('no Summary tab yet');
      // The whole width of the sheet and more rows: a taller window, the sidebar panel out of the way
      // (hidden here rather than closed: the sandbox reopens a closed sidebar on its next refresh).
      await page.setViewportSize({ width: 1400, height: 1100 });
      await openTab('Summary');
      await page.evaluate(() => {
        const panel = document.getElementById('sidebar-panel');
        if (panel) panel.hidden = true;
      });
      await page.waitForTimeout(150);
      await shoot('summary', page.locator('.sheet-area'));
      await page.setViewportSize({ width: 1400, height: 860 });
    });

    await attempt('owner email', async () => {
      // The weekly run itself: the lead turns it on, the clock moves to Monday 10:00.
      await page.locator('#user').selectOption(lead.email);
      if ((await state()).triggers.length === 0) {
        if (!(await page.locator('#sidebar-panel').isVisible())) await choose(/sidebar/i);
        await sidebar().locator('#tab-settings').click();
        await sidebar().getByLabel('Send weekly emails').click();
        for (let i = 0; i < 50 && (await state()).triggers.length === 0; i++) await page.waitForTimeout(100);
        await sidebarLoaded();
      }
      await page.getByRole('tab', { name: /Clock/ }).click();
      await page.locator('#tick-weekly').click();
      // A week of hourly ticks runs before the weekly one (the clock starts on the demo's Monday,
      // after 09:00): give them up to 3 minutes on a busy machine.
      for (let i = 0; i < 1800 && (await state()).outbox.length === 0; i++) await page.waitForTimeout(100);
      const mails = (await state()).outbox;
      const mail = mails.find((m) => m.to === owner.email) ?? mails.find((m) => m.hasHtml);
      if (!mail) throw new Error('no email was sent by the weekly run');
      await page.getByRole('tab', { name: /Outbox/ }).click();
      await page.locator(`#outbox tr[data-email="${mail.index}"]`).click();
      await page.locator('#email-head dd', { hasText: mail.to }).first().waitFor();
      await page.waitForTimeout(300);
      await shoot('sandbox-outbox', page);
      // The email alone, as a mail client shows it: its HTML in a page of a phone-to-laptop width,
      // scripts off (the sandbox shows it in a sandboxed iframe the same way).
      const reader = await browser.newPage({
        viewport: { width: 720, height: 200 },
        javaScriptEnabled: false,
      });
      const bodies = await askSandbox<EmailBody>(`${app.url}api/email?index=${mail.index}`);
      await reader.setContent(
        bodies.htmlBody ||
          `<pre>${bodies.body.replace(/[<&]/g, (c: string) => (c === '<' ? '&lt;' : '&amp;'))}</pre>`,
      );
      await shoot('owner-email', reader, true);
      await reader.close();
    });

    await attempt('marketplace listing', async () => {
      mkdirSync(LISTING_OUT, { recursive: true });
      await page.setViewportSize(LISTING_VIEWPORT);
      // 1. The OKRs tab with the owner's "Mine" in the sidebar.
      await page.locator('#user').selectOption(owner.email);
      await page.evaluate(() => {
        const panel = document.getElementById('sidebar-panel');
        if (panel) panel.hidden = false;
      });
      if (!(await page.locator('#sidebar-panel').isVisible())) await choose(/sidebar/i);
      await openTab('OKRs');
      await sidebar().locator('#tab-mine').click();
      await sidebarLoaded();
      // The product, not the sandbox: its clock, outbox and log panel out of the picture.
      const sandboxPanels = (hidden: boolean) =>
        page.evaluate((h) => {
          // The stylesheet gives the panels display: flex, which the hidden attribute does not override.
          const panels = document.querySelector<HTMLElement>('section.panels');
          if (panels) panels.style.display = h ? 'none' : '';
        }, hidden);
      await sandboxPanels(true);
      await page.waitForTimeout(150);
      await shoot('listing-1-sheet-and-sidebar', page, false, LISTING_OUT);
      // 2. The Summary tab, the whole width of the window.
      if ((await state()).sheets.includes('Summary')) {
        await openTab('Summary');
        await page.evaluate(() => {
          const panel = document.getElementById('sidebar-panel');
          if (panel) panel.hidden = true;
        });
        await page.waitForTimeout(150);
        await shoot('listing-2-summary', page, false, LISTING_OUT);
      }
      // 3. An owner's weekly email as a mail client shows it (scripts off, as the sandbox shows it).
      const mails = (await state()).outbox;
      const mail = mails.find((m) => m.to === owner.email && m.hasHtml) ?? mails.find((m) => m.hasHtml);
      if (mail) {
        const bodies = await askSandbox<EmailBody>(`${app.url}api/email?index=${mail.index}`);
        const reader = await browser.newPage({ viewport: LISTING_VIEWPORT, javaScriptEnabled: false });
        await reader.setContent(bodies.htmlBody ?? '');
        await shoot('listing-3-weekly-email', reader, false, LISTING_OUT);
        await reader.close();
      }
      await sandboxPanels(false);
    });

    await attempt('import preview', async () => {
      // The team's own tab (added to the demo workbook, last): the Lead opens Import and chooses it.
      await page.setViewportSize({ width: 1400, height: 860 });
      await page.locator('#user').selectOption(lead.email);
      if (!(await page.locator('#sidebar-panel').isVisible())) await choose(/sidebar/i);
      await sidebar().locator('#tab-import').click();
      const tab = sidebar().locator('.view select');
      await tab.waitFor();
      if (!(await tab.locator('option', { hasText: 'Our OKRs' }).count()))
        throw new Error('no "Our OKRs" tab to import');
      await tab.selectOption('Our OKRs');
      await sidebar().getByRole('heading', { name: 'What will be created' }).waitFor();
      await page.waitForTimeout(250);
      await shoot('sidebar-import', page.locator('#sidebar-panel'));
    });

    await attempt('import layouts', async () => {
      mkdirSync(LAYOUTS_OUT, { recursive: true });
      const pic = await browser.newPage({ viewport: { width: 900, height: 200 }, deviceScaleFactor: 1 });
      for (const [name, layout] of Object.entries(IMPORT_CORPUS)) {
        await pic.setContent(layoutPictureHtml(layout.rows));
        await shoot(name, pic.locator('body'), false, LAYOUTS_OUT);
      }
      await pic.close();
    });
    // The Japanese pictures, from a second sandbox on the Japanese team's demo.
    await attempt('japanese pictures', () => japanesePictures(browser, OUT, { taken, skipped }));
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    for (const t of taken)
      console.log(
        `saved docs/${t.replace(/^publish\//, 'publish/screenshots/').replace(/^(?!publish)/, 'screenshots/')}`,
      );
    for (const s of skipped) console.log(`skipped ${s}`);
    if (taken.length === 0) process.exit(1);
  })
  .catch((e: Error) => {
    console.error(`screenshots: ${e.message}`);
    process.exit(1);
  });
