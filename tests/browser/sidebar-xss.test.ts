// All user text is rendered as text. 35 injection payloads in titles, objective titles, units,
// notes, Team names and Owner cells (which the validator quotes in problems) are shown literally in
// every view, and no element, attribute, handler or dialog is injected.
import type { Browser, Page } from 'playwright-core';
import { Runtime, Workbook } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { openSidebar, screenshot, waitStatus } from '../helpers/sidebarPage';
import { NOW, OKR_HEADER, teamRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><script>alert(1)</script>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<style>@import 'http://evil.example/x.css';</style>",
  'javascript:alert(1)',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<marquee onstart=alert(1)>x</marquee>',
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, literally
  '${alert(1)}',
  '</script><script>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<img src="x" onerror="window.__xss=1">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<scr<script>ipt>alert(1)</script>',
  '"onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href=data:text/html,<script>alert(1)</script>>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '=HYPERLINK("javascript:alert(1)","x")',
  '<svg><script>window.__xss=1</script></svg>',
  '<img src=x onerror=&#97;lert(1)>',
  '<a href=# onclick="window.__xss=1">x</a>$&$1',
];

/** Tags the sidebar itself renders; anything else in the document was injected. */
const OWN_TAGS = new Set(
  'html head title body base meta style script div header h1 nav button span aside main section h2 h3 p ul li label input select option textarea fieldset legend form'.split(
    ' ',
  ),
);

function workbook(): Workbook {
  const okrs: unknown[][] = [OKR_HEADER];
  PAYLOADS.forEach((p, i) => {
    const o = `O${i + 1}`;
    okrs.push([
      o,
      'Objective',
      '',
      p,
      'lead@example.com',
      '',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      new Date(NOW),
      '',
      '',
      p,
    ]);
    // Every third key result has the payload as its owner: the validator quotes it in a problem.
    const owner = i % 3 === 0 ? p : 'ana@example.com';
    okrs.push([
      `${o}.1`,
      'Key result',
      o,
      p,
      owner,
      '',
      '2026-Q4',
      'Increase',
      0,
      10,
      5,
      p.slice(0, 20),
      '',
      'At risk',
      '',
      new Date(NOW - 20 * 86400000),
      '',
      p,
    ]);
  });
  const team = [...teamRows(), ...PAYLOADS.map((p, i) => [p, `p${i}@example.com`, p, '', 'Member', ''])];
  return Workbook.fromRows(
    {
      OKRs: okrs,
      Team: team,
      'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
    },
    { timeZone: 'UTC' },
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function assertNothingInjected(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(
    (own) => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (!own.includes(tag)) bad.push(`element <${tag}>`);
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) bad.push(`handler ${name} on <${tag}>`);
          if (
            ['src', 'href', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(name) &&
            tag !== 'base'
          )
            bad.push(`${name} on <${tag}>`);
          if (name === 'style' && !el.classList.contains('fill')) bad.push(`style on <${tag}>`);
        }
      }
      // The sidebar's own title and level-one heading, once each: no payload adds another.
      for (const own of ['title', 'h1']) {
        const n = document.querySelectorAll(own).length;
        if (n !== 1) bad.push(`${n} <${own}>`);
      }
      const scripts = document.querySelectorAll('script').length;
      if (scripts !== 2) bad.push(`${scripts} scripts`);
      if ((window as unknown as { __xss?: unknown }).__xss !== undefined) bad.push('window.__xss set');
      return bad;
    },
    [...OWN_TAGS],
  );
  expect([where, found]).toEqual([where, []]);
}

test('35 payloads in titles, names, notes and owners render as text in every view', async () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const rt = await Runtime.open({ workbook: workbook(), projectDir: ensureBuilt(), options: { now: NOW } });

  const ana = await openSidebar(rt, browser, 'ana@example.com');
  const a = ana.page;
  await a.locator('.app:not([data-quick])').waitFor(); // every one of her rows, not the quick state's
  await assertNothingInjected(a, 'mine');
  // What the sheet holds (Sheets drops a leading apostrophe and evaluates "=…" as a formula) is what
  // the sidebar must show, character for character.
  const shown = (v: unknown) => String(v).replace(/\s+/g, ' ').trim();
  const [, ...rows] = rt.workbook.values('OKRs');
  const anas = rows.filter((r) => r[4] === 'ana@example.com');
  expect(anas.length).toBeGreaterThanOrEqual(20);
  const text = (await a.textContent('main')) ?? '';
  for (const r of anas) {
    expect(text).toContain(shown(r[3])); // title
    expect(text).toContain(shown(r[17])); // note
  }
  await screenshot(a, 'xss-mine');
  await a.getByRole('button', { name: 'Check in O2.1' }).click();
  await a.getByLabel('New current value').waitFor();
  expect(await a.textContent('.kr-title')).toBe(PAYLOADS[1]);
  await assertNothingInjected(a, 'check-in');
  await a.getByRole('button', { name: /Problems/ }).click();
  await a.locator('.problems').first().waitFor();
  const problems = (await a.textContent('main')) ?? '';
  // The validator quotes the bad Owner cells; they show as text too.
  for (const r of rows.filter((x) => x[1] === 'Key result' && x[4] !== 'ana@example.com')) {
    expect(problems).toContain(shown(r[4]).slice(0, 40));
  }
  await assertNothingInjected(a, 'problems');
  await screenshot(a, 'xss-problems');
  expect(ana.dialogs).toEqual([]);
  expect(ana.errors).toEqual([]);
  await ana.close();

  const lead = await openSidebar(rt, browser, 'lead@example.com');
  const l = lead.page;
  await l.getByRole('button', { name: 'Assign', exact: true }).click();
  await l.getByLabel('Show').selectOption('all');
  await l.getByLabel('Search people').fill('example.com');
  const assign = (await l.textContent('main')) ?? '';
  for (const r of rows) if (shown(r[3])) expect(assign).toContain(shown(r[3]).slice(0, 59));
  const options = await l.getByLabel('Person', { exact: true }).locator('option').allTextContents();
  const names = rt.workbook
    .values('Team')
    .slice(5)
    .map((r) => shown(r[0]));
  expect(names).toHaveLength(PAYLOADS.length);
  for (const n of names) expect(options.some((o) => o.startsWith(n))).toBe(true);
  await assertNothingInjected(l, 'assign');
  await screenshot(l, 'xss-assign');
  await l.getByRole('button', { name: 'Add', exact: true }).click();
  await l.getByRole('radio', { name: 'Key result' }).check();
  await assertNothingInjected(l, 'add');
  // A payload typed as a new title goes into the sheet as text and comes back as text.
  await l.getByLabel('Title').fill(PAYLOADS[0]);
  await l.getByLabel('Target').fill('10');
  await l.getByRole('button', { name: 'Add', exact: true }).last().click();
  await waitStatus(l, /Added key result O35\.2/);
  const added = rt.workbook.values('OKRs').find((r) => r[0] === 'O35.2');
  expect(added?.[3]).toBe(PAYLOADS[0]);
  await assertNothingInjected(l, 'after add');
  expect(lead.dialogs).toEqual([]);
  expect(lead.errors).toEqual([]);
  await lead.close();
});
