// The README's first tour, walked in Chromium at 1440×900 as a new user meets it: a fresh `npm start`
// (the demo set up and summarised by the add-on itself), the sidebar as the Lead, Problems, a pasted
// second owner, Sam accepting and checking in, weekly emails turned on, the clock moved to the weekly
// run, an email read in the outbox and the Summary tab. Every control the tour clicks must be on
// screen as the page stands, without scrolling the page, the sidebar or the panel (Playwright would
// scroll it into view by itself, so each is checked before the click). The sandbox panel's own
// controls follow: its size and hidden state are remembered across a reload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { type LaunchedSandbox, launchSandbox } from '../../local/app/launch';
import type { AppState, SheetView } from '../../local/app/protocol';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { checkInFigure, getJson, sidebarOf, until } from '../helpers/sandbox';
import { axeViolations } from '../helpers/sidebarPage';

// Six suites may share the two cores: the tour's 22 steps (283 s at a load average of 20) get
// fifteen minutes, never a race against time.
jest.setTimeout(900_000);

const VIEWPORT = { width: 1440, height: 900 };

let dir: string;
let app: LaunchedSandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'okr-sandbox-tour-'));
  // No --workbook: the first start of `npm start`, which creates and sets up the demo.
  [app, browser] = await Promise.all([launchSandbox(['--port', '0'], dir), launchChromium()]);
  page = await browser.newPage({ viewport: VIEWPORT, bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const api = <T>(path: string): Promise<T> => getJson<T>(app.url, path);

const sidebar = (): FrameLocator => page.frameLocator('#sidebar-frame');

/**
 * Where `target` stands now, without scrolling anything: '' when it is wholly inside the window,
 * inside its frame's view and inside every box that clips it; else what hides it.
 */
async function offScreen(target: Locator): Promise<string> {
  // A list the page redrew between finding the element and measuring it leaves a detached copy with
  // no size: measure the new one. Anything really hidden stays hidden on every try.
  let where = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    where = await measure(target);
    if (!/has no size|is not displayed/.test(where)) return where;
    await page.waitForTimeout(200);
  }
  return where;
}

async function measure(target: Locator): Promise<string> {
  await target.waitFor();
  const inFrame = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'has no size';
    const doc = el.ownerDocument.documentElement;
    const win = el.ownerDocument.defaultView as Window;
    if (win.scrollY !== 0 || win.scrollX !== 0) return 'needs its page scrolled';
    const out = (b: { top: number; left: number; bottom: number; right: number }) =>
      r.top < b.top - 1 || r.left < b.left - 1 || r.bottom > b.bottom + 1 || r.right > b.right + 1;
    if (out({ top: 0, left: 0, bottom: doc.clientHeight, right: doc.clientWidth }))
      return `is outside its frame's view (${Math.round(r.top)}–${Math.round(r.bottom)} of ${doc.clientHeight} px)`;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/auto|scroll|hidden|clip/.test(`${s.overflowX} ${s.overflowY}`)) continue;
      if (out(p.getBoundingClientRect()))
        return `is scrolled out of ${p.tagName.toLowerCase()}${p.id ? `#${p.id}` : ''}.${p.className}`;
    }
    return '';
  });
  if (inFrame) return inFrame;
  // In the top page's coordinates (Playwright adds the frames' offsets): inside the window.
  const box = await target.boundingBox();
  if (!box) return 'is not displayed';
  if (
    box.y < 0 ||
    box.x < 0 ||
    box.y + box.height > VIEWPORT.height + 1 ||
    box.x + box.width > VIEWPORT.width + 1
  )
    return `is outside the 1440×900 window (${Math.round(box.x)},${Math.round(box.y)})`;
  return '';
}

const clicked: string[] = [];

/** Chooses in the "Acting as" list after checking a person sees it as the page stands. */
async function actAs(email: string, name: string): Promise<void> {
  const what = `Acting as → ${name}`;
  expect(`${what} ${await offScreen(page.locator('#user'))}`.trim()).toBe(what);
  clicked.push(what);
  await page.locator('#user').selectOption(email);
  await until(
    () => api<AppState>('api/state'),
    (s) => s.user === email,
    `the switch to ${name}`,
  );
  // The page loads the new user's sidebar once it has applied the switch: until then the frame
  // still shows the previous user's, whose controls a locator would find.
  await sidebarOf(page, email);
}

/** Clicks `target` after checking a person sees it as the page stands. */
async function press(target: Locator, what: string): Promise<void> {
  expect(`${what} ${await offScreen(target)}`.trim()).toBe(what);
  clicked.push(what);
  await target.click();
}

test("the README's first tour: every control it clicks is on screen at 1440×900", async () => {
  await page.goto(app.url);
  await page.locator('#grid td[data-a1="A1"]').waitFor();
  const start = await api<AppState>('api/state');
  const priya = start.people.find((p) => p.name.startsWith('Priya'));
  const sam = start.people.find((p) => p.name.startsWith('Sam'));
  expect([priya?.role, start.user]).toEqual(['Lead', priya?.email]);
  if (!sam) throw new Error('the demo Team has no Sam');

  // 1. The demo as the README's screenshot shows it: set up (objective rows styled) and summarised.
  expect(start.sheets).toContain('Summary');
  await press(page.locator('#tabs [data-sheet="OKRs"]'), 'the OKRs tab');
  await page.locator('#grid[data-sheet="OKRs"]').waitFor();
  const okrs = await api<SheetView>('api/sheet?name=OKRs');
  expect(okrs.rows.find((r) => r[1]?.text === 'Objective')?.[0]).toMatchObject({ bold: true });

  // 2. Extensions → OKR Owners → Open sidebar: My key results.
  await press(page.getByRole('button', { name: 'Extensions' }), 'Extensions');
  await press(page.locator('[role="menuitem"][data-function="showSidebar"]'), 'Open sidebar');
  await sidebar().locator('main').waitFor();
  await sidebar().locator('.app:not([data-quick])').waitFor();

  // 3. Two emails typed into an Owner cell with Paste ticked (a paste bypasses the dropdown):
  // Problems lists the second owner; choosing it goes to its cell.
  const header = okrs.rows[0].map((c) => c.text.toLowerCase());
  const ownerCol = header.indexOf('owner');
  const krRow = okrs.rows.findIndex((r) => r[1]?.text === 'Key result');
  const ownerCell = `${String.fromCharCode(65 + ownerCol)}${krRow + 1}`;
  await press(page.locator(`#grid td[data-a1="${ownerCell}"]`), `the Owner cell ${ownerCell}`);
  await page.locator('#cell-input').fill('aiko.tanaka@example.com, sam.rivera@example.com');
  await press(page.locator('#paste'), 'Paste');
  await page.locator('#cell-input').press('Enter');
  await page
    .locator(`#grid td[data-a1="${ownerCell}"]`, {
      hasText: 'aiko.tanaka@example.com, sam.rivera@example.com',
    })
    .waitFor();
  await press(sidebar().locator('#tab-problems'), 'the sidebar’s Problems tab');
  const problem = sidebar().locator('button.row-button:enabled', { has: sidebar().locator('.cell') });
  // The sidebar catches up by itself; before it did, its ⟳ button was the way (not a tour step).
  await problem
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => sidebar().getByRole('button', { name: 'Refresh' }).click());
  await press(problem.first(), 'a problem');
  await page.locator(`#grid td.selected[data-a1="${ownerCell}"]`).waitFor();

  // 4. Acting as Sam: accept his pending key result, then check in.
  await actAs(sam.email, 'Sam Rivera');
  await sidebar().locator('.app:not([data-quick])').waitFor();
  const accept = sidebar()
    .getByRole('button', { name: /^Accept O/ })
    .first();
  const krId = ((await accept.getAttribute('aria-label')) ?? (await accept.textContent()) ?? '').replace(
    /^Accept /,
    '',
  );
  await press(accept, `Accept ${krId}`);
  await press(sidebar().getByRole('button', { name: /^Accept$/ }), 'Accept (confirm)');
  await until(
    () => api<AppState>('api/state'),
    (s) => s.log.some((x) => x.function === 'acceptOwnership' && x.ok),
    'the acceptance',
  );
  await press(sidebar().getByRole('button', { name: `Check in ${krId}` }), `Check in ${krId}`);
  if ((await checkInFigure(sidebar(), krId)) === 'current')
    await sidebar()
      .getByLabel(/New current value/)
      .fill('42');
  else await press(sidebar().getByLabel('Done'), 'Done');
  await press(sidebar().getByLabel('On track'), 'On track');
  await sidebar().getByLabel(/Note/).fill('From the README tour');
  await press(sidebar().getByRole('button', { name: 'Save' }), 'Save');
  await until(
    () => api<AppState>('api/state'),
    (s) => s.log.some((x) => x.function === 'checkIn' && x.ok),
    'the check-in',
  );

  // 5. Back as Priya: Settings → Send weekly emails; the clock to the weekly run.
  await actAs(priya?.email ?? '', 'Priya Natarajan');
  // Priya's sidebar, not the one it replaces: Assign is a Lead's tab (a member has Settings too).
  await sidebar().locator('#tab-assign').waitFor();
  await press(sidebar().locator('#tab-settings'), 'the sidebar’s Settings tab');
  await press(sidebar().getByLabel('Send weekly emails'), 'Send weekly emails');
  // The lower part of Settings is on screen too (it used to need the sidebar scrolled).
  for (const name of ['Save', 'Send me a test email'])
    expect(`${name} ${await offScreen(sidebar().getByRole('button', { name }))}`.trim()).toBe(name);
  await until(
    () => api<AppState>('api/state'),
    (s) => s.triggers.length === 1,
    'the hourly trigger',
  );
  await press(page.getByRole('tab', { name: /Clock/ }), 'Clock & triggers');
  await press(page.locator('#tick-weekly'), 'To … (the weekly run)');
  const sent = await until(
    () => api<AppState>('api/state'),
    (s) => s.outbox.length > 1,
    'the weekly emails',
  );

  // 6. Outbox: an owner's email, read in one view; the leadership digest; the Summary tab.
  await press(page.getByRole('tab', { name: /Outbox/ }), 'Outbox');
  const ownerMail = sent.outbox.find((m) => m.to === sam.email) ?? sent.outbox[0];
  await press(page.locator(`#outbox tr[data-email="${ownerMail.index}"]`), 'an owner’s email');
  await page.locator('#email-head dd', { hasText: ownerMail.to }).first().waitFor();
  // The whole message fits its frame: nothing to scroll inside it either.
  await expect(emailFits()).resolves.toBe('');
  expect(await axeViolations(page)).toEqual([]);
  const digest = sent.outbox.find((m) => /digest/i.test(m.subject));
  if (!digest) throw new Error('the weekly run sent no leadership digest');
  await press(page.locator(`#outbox tr[data-email="${digest.index}"]`), 'the leadership digest');
  await page.locator('#email-head dd', { hasText: digest.to }).first().waitFor();
  await press(page.locator('#tabs [data-sheet="Summary"]'), 'the Summary tab');
  await page.locator('#grid[data-sheet="Summary"]').waitFor();
  await page.locator('#grid-wrap').waitFor(); // the sheet is back from under the enlarged panel
  expect(clicked).toEqual([
    'the OKRs tab',
    'Extensions',
    'Open sidebar',
    'the Owner cell E3',
    'Paste',
    'the sidebar’s Problems tab',
    'a problem',
    'Acting as → Sam Rivera',
    'Accept O2.3',
    'Accept (confirm)',
    'Check in O2.3',
    'On track',
    'Save',
    'Acting as → Priya Natarajan',
    'the sidebar’s Settings tab',
    'Send weekly emails',
    'Clock & triggers',
    'To … (the weekly run)',
    'Outbox',
    'an owner’s email',
    'the leadership digest',
    'the Summary tab',
  ]);
});

/** '' when the open email's HTML is wholly visible in its frame, else how much is cut off. */
async function emailFits(): Promise<string> {
  const frameBox = await page.locator('#email-html').evaluate((f) => ({
    w: (f as HTMLIFrameElement).clientWidth,
    h: (f as HTMLIFrameElement).clientHeight,
  }));
  // The head is written in the same task as the frame's srcdoc, but the frame loads it afterwards:
  // wait (up to a minute, on a busy machine) for the frame that shows the message's own markup.
  let content: Frame | undefined;
  for (let i = 0; i < 600 && !content; i++) {
    const candidate = page
      .frames()
      .find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:srcdoc');
    const loaded = await candidate
      ?.evaluate(() => (document.body?.childElementCount ?? 0) > 0)
      .catch(() => false);
    if (loaded) content = candidate;
    else await page.waitForTimeout(100);
  }
  if (!content) return 'no email frame with the message in it after a minute';
  const whole = await content.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  return whole.h <= frameBox.h && whole.w <= frameBox.w
    ? ''
    : `the email is ${whole.w}×${whole.h} px in a ${frameBox.w}×${frameBox.h} px frame`;
}

test('the panel: sized by its splitter, hidden down to its tabs, enlarged; remembered after a reload', async () => {
  await page.goto(app.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#grid td[data-a1="A1"]').waitFor();
  const height = async () => Math.round((await page.locator('#panels').boundingBox())?.height ?? -1);
  const start = await height();
  expect(start).toBeGreaterThan(150);

  // Dragged 150 px up; then the keyboard on the splitter: ArrowDown gives 24 px back.
  const bar = await page.locator('#panel-resizer').boundingBox();
  if (!bar) throw new Error('no splitter');
  await page.mouse.move(bar.x + 200, bar.y + 3);
  await page.mouse.down();
  await page.mouse.move(bar.x + 200, bar.y - 147, { steps: 6 });
  await page.mouse.up();
  expect(Math.abs((await height()) - (start + 150))).toBeLessThanOrEqual(2);
  await page.locator('#panel-resizer').focus();
  await page.keyboard.press('ArrowDown');
  const sized = await height();
  expect(Math.abs(sized - (start + 126))).toBeLessThanOrEqual(2);

  // Hidden down to its tab bar: the sheet gets the room. A reload keeps it hidden.
  await page.locator('#panel-toggle').click();
  expect(await height()).toBeLessThan(45);
  expect(await page.locator('#panel-body').isVisible()).toBe(false);
  await page.reload();
  await page.locator('#grid td[data-a1="A1"]').waitFor();
  expect(await height()).toBeLessThan(45);
  expect(await page.locator('#panel-toggle').getAttribute('aria-expanded')).toBe('false');
  expect(await axeViolations(page)).toEqual([]);

  // Shown again by a tab of its own, at the height it had; a reload keeps that too.
  await page.getByRole('tab', { name: /Execution log/ }).click();
  expect(await height()).toBe(sized);
  await page.reload();
  await page.locator('#grid td[data-a1="A1"]').waitFor();
  expect(await height()).toBe(sized);

  // Enlarged: the panel takes the sheet's place, the sheet tabs stay; Restore gives the sheet back.
  await page.locator('#panel-maximise').click();
  expect(await page.locator('#grid-wrap').isVisible()).toBe(false);
  expect(await page.locator('#tabs').isVisible()).toBe(true);
  expect(await height()).toBeGreaterThan(VIEWPORT.height - 150);
  await page.locator('#panel-maximise').click();
  expect(await page.locator('#grid-wrap').isVisible()).toBe(true);
  expect(await height()).toBe(sized);
});
