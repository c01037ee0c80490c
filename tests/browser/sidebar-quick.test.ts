// The two-stage open in Chromium on the built dist/ files: the sidebar asks getSidebarStart first and
// shows the caller's own key results while getSidebarState is held back (the route below stands in
// for a slow whole-sheet read); views that need the whole sheet say they are waiting, never "no
// problems"; once the whole state arrives they show it.
import type { Page, Route } from 'playwright-core';
import { DEMO_TODAY, demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, Workbook } from '../../local/runtime';
import type { SidebarState } from '../../src/api';
import { ensureBuilt } from '../helpers/build';
import {
  fixtureRuntime,
  screenshot,
  statusText,
  useChromium,
  waitLoaded,
  waitStatus,
} from '../helpers/sidebarPage';
import { NOW, OKR_HEADER, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);

const browser = useChromium();

interface HeldPage {
  page: Page;
  /** The server functions the page called, in order. */
  calls: string[];
  errors: string[];
  /** Lets the held getSidebarState calls through. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Opens the sidebar as `as`, holding every getSidebarState call until release(); calls to the
 * functions in `fail` get the error reply an execution that threw would get.
 */
/** Answers a call as the server answers a function that threw. */
function failWith(route: Route, fn: string): Promise<void> {
  const error = { name: 'Exception', message: `${fn}: Exceeded maximum execution time` };
  return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });
}

async function openHeld(rt: Runtime, as: string, fail: string[] = []): Promise<HeldPage> {
  const server = await rt.serve();
  const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const calls: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/run', async (route) => {
    const fn = String(JSON.parse(route.request().postData() ?? '{}').fn);
    // The sheet poll (its reloads when a write moves the sheet's version) is not what these tests
    // count: it fails here, and stops after its failures (sidebar-follow tests it).
    if (fn === 'watchSheet') return failWith(route, fn);
    calls.push(fn);
    if (fn === 'getSidebarState') await released;
    if (!fail.includes(fn)) return route.continue();
    await failWith(route, fn);
  });
  await page.goto(`${server.url}/sidebar?as=${encodeURIComponent(as)}`);
  if (!fail.includes('getSidebarStart')) await waitLoaded(page);
  return {
    page,
    calls,
    errors,
    release,
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

test('demo workbook: the quick state comes first; Problems, Assign and Add wait for the whole sheet', async () => {
  const rt = await Runtime.open({
    workbook: demoWorkbook(),
    projectDir: ensureBuilt(),
    options: { now: `${DEMO_TODAY}T15:00:00Z` },
  });
  const lead = String(rt.workbook.values('Team').find((r) => r[4] === 'Lead')?.[1]);
  const whole = rt.run('getSidebarState', [], { as: lead }).result as SidebarState;
  expect(whole.problems.list.length).toBeGreaterThan(0);

  const h = await openHeld(rt, lead);
  const p = h.page;
  expect(h.calls[0]).toBe('getSidebarStart');
  await p.getByRole('heading', { name: `My key results (${whole.mineTotal})` }).waitFor();
  expect(await p.locator('.app').getAttribute('data-quick')).toBe('');

  await nav(p, 'Problems').click();
  const waiting = p.locator('main [aria-busy=true]');
  expect(await waiting.textContent()).toBe('Checking the whole sheet…');
  expect(await p.getByText('No problems found.').count()).toBe(0);
  expect(await p.locator('nav .badge').count()).toBe(0);
  await screenshot(p, 'quick-problems');
  await nav(p, 'Assign').click();
  expect(await waiting.textContent()).toBe('Loading the whole sheet…');
  await nav(p, 'Add').click();
  expect(await waiting.textContent()).toBe('Loading the whole sheet…');

  h.release();
  await p.locator('.app:not([data-quick])').waitFor();
  await p.getByLabel('Title').waitFor(); // Add's form, now that the objectives are known
  await nav(p, 'Problems').click();
  await p.locator('.problems').first().waitFor();
  const messages = await p.locator('.problems .message').allTextContents();
  expect(messages.sort()).toEqual(whole.problems.list.map((x) => x.message).sort());
  expect(await waiting.count()).toBe(0);
  expect(h.calls.filter((c) => c === 'getSidebarState')).toHaveLength(1);
  expect(h.errors).toEqual([]);
  await h.close();
});

test("an owner with rows far apart: the quick read's unread rows are counted, objectives it did not reach show their ID", async () => {
  // Ana owns 12 key results of O1, each 70 rows below the last: more runs than the quick read makes
  // (QUICK_READS), and none within its reach of O1's row (below the header rows it always reads).
  const kr = (n: number, owner: string, objective = 'O1') => [
    `${objective}.${n}`,
    'Key result',
    objective,
    `Key result ${n}`,
    owner,
    'Core',
    '2026-Q4',
    'Increase',
    0,
    10,
    5,
    '',
    0.5,
    'On track',
    new Date(NOW),
    new Date(NOW),
  ];
  const rows: unknown[][] = [
    OKR_HEADER,
    ['O2', 'Objective', '', 'Keep the lights on', 'lead@example.com'],
    ...[1, 2, 3, 4, 5].map((i) => kr(i, 'ben@example.com', 'O2')),
    ['O1', 'Objective', '', 'Grow the pilot', 'lead@example.com'],
  ];
  let n = 0;
  for (let i = 0; i < 12; i++) {
    for (let f = 0; f < 70; f++) rows.push(kr(++n, 'ben@example.com'));
    rows.push(kr(++n, 'ana@example.com'));
  }
  const workbook = Workbook.fromRows(
    {
      OKRs: rows.map((r) => [...r, ...Array(OKR_HEADER.length - r.length).fill('')]),
      Team: teamRows(),
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
  const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
  const quick = rt.run('getSidebarStart', [], { as: 'ana@example.com' }).result as SidebarState;
  expect([quick.mine.length, quick.minePending, quick.mineTotal]).toEqual([10, 2, 10]);

  const h = await openHeld(rt, 'ana@example.com');
  const p = h.page;
  await p.getByRole('heading', { name: 'My key results (10)' }).waitFor();
  expect(await p.locator('.group h3').allTextContents()).toEqual(['O1 ']);
  await p.getByText('2 more of your rows load with the whole sheet…').waitFor();
  expect(await p.locator('.cards > li').count()).toBe(10);
  await screenshot(p, 'quick-mine');

  h.release();
  await p.locator('.app:not([data-quick])').waitFor();
  expect(await p.locator('.group h3').allTextContents()).toEqual(['O1 Grow the pilot']);
  await p.getByRole('heading', { name: 'My key results (12)' }).waitFor();
  expect(await p.locator('.cards > li').count()).toBe(12);
  expect(await p.getByText(/more of your rows/).count()).toBe(0);
  expect(h.errors).toEqual([]);
  await h.close();
});

test('a check-in on the quick state: the whole state asked for before it is asked for again', async () => {
  const rt = await fixtureRuntime();
  const h = await openHeld(rt, 'ana@example.com');
  const p = h.page;
  const bar = p.getByRole('progressbar', { name: 'O1.1 progress' });
  expect(await bar.getAttribute('aria-valuenow')).toBe('50');
  await p.getByRole('button', { name: 'Check in O1.1' }).click();
  await p.getByLabel('New current value').fill('36');
  await p.getByRole('button', { name: 'Save' }).click();
  await waitStatus(p, /Checked in on O1\.1/);
  // Applied to the quick state it holds; the whole state is still held back.
  expect(await p.locator('.app').getAttribute('data-quick')).toBe('');
  expect(await bar.getAttribute('aria-valuenow')).toBe('80');
  expect(h.calls.filter((c) => c === 'getSidebarState')).toHaveLength(1);

  h.release();
  await p.locator('.app:not([data-quick])').waitFor();
  // The answer to the first request may predate the check-in: dropped, and asked for once more.
  expect(h.calls.filter((c) => c === 'getSidebarState')).toHaveLength(2);
  expect(await bar.getAttribute('aria-valuenow')).toBe('80');
  expect(await statusText(p)).toBe('Checked in on O1.1.');
  expect(h.errors).toEqual([]);
  await h.close();
});

test('failures: without the quick state the whole one is shown; without the whole one the quick one stays', async () => {
  const workbook = Workbook.fromRows({ OKRs: okrRows(), Team: teamRows() }, { timeZone: 'UTC' });
  const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
  const { mineTotal } = rt.run('getSidebarState', [], { as: 'ana@example.com' }).result as SidebarState;
  expect(mineTotal).toBeGreaterThan(1);
  const heading = `My key results (${mineTotal})`;

  const noQuick = await openHeld(rt, 'ana@example.com', ['getSidebarStart']);
  noQuick.release();
  await waitLoaded(noQuick.page);
  await noQuick.page.locator('.app:not([data-quick])').waitFor();
  await noQuick.page.getByRole('heading', { name: heading }).waitFor();
  expect(await statusText(noQuick.page)).toBe(''); // nothing said about the quick read
  expect(noQuick.calls.slice(0, 2)).toEqual(['getSidebarStart', 'getSidebarState']);
  await noQuick.close();

  const noWhole = await openHeld(rt, 'ana@example.com', ['getSidebarState']);
  const p = noWhole.page;
  await p.getByRole('heading', { name: heading }).waitFor();
  noWhole.release();
  expect(await waitStatus(p, /Could not load/)).toBe(
    'Could not load the sidebar: getSidebarState: Exceeded maximum execution time',
  );
  expect(await p.locator('.app').getAttribute('data-quick')).toBe('');
  expect(await p.getByRole('button', { name: 'Check in O1.1' }).count()).toBe(1);
  expect(noWhole.errors).toEqual([]);
  await noWhole.close();
});
