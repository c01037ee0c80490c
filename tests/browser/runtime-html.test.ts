// A trivial HtmlOutput served by the runtime calls a server function through google.script.run in
// Chromium and renders the result: the shim, Google's argument rules, handlers and user objects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { RuntimeCore } from '../../local/runtime/runtime';
import { launchChromium } from '../helpers/chromium';
import { FakeWorkbook, fakeSheets } from '../runtime/fakeSheets';

const CODE = `
  function showSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Test')); }
  function greet(person) { PropertiesService.getUserProperties().setProperty('greeted', person.name);
    return { text: 'Hello ' + person.name + ', you are ' + Session.getActiveUser().getEmail(), count: person.tags.length }; }
  function fail() { throw new Error('Owner must be one person'); }
  function slow(i) { Utilities.sleep(1000); return i; }
  function stamp() { return new Date(); }
`;

// Client code with `$&` in it, as minified bundles have: the injection must not corrupt it.
const SIDEBAR = `<!DOCTYPE html>
<html><head><base target="_top"><meta charset="utf-8"></head>
<body>
<div id="out">waiting</div><div id="err"></div><div id="many"></div><div id="date"></div><div id="illegal"></div>
<script>
  var dollar = 'a$&b';
  // Count requests in flight: the shim must never have more than 10 outstanding.
  var inflight = 0, maxInflight = 0, realFetch = window.fetch;
  window.fetch = function () {
    inflight++; maxInflight = Math.max(maxInflight, inflight);
    return realFetch.apply(window, arguments).finally(function () { inflight--; });
  };
  function text(id, s) { document.getElementById(id).textContent = s; }
  google.script.run
    .withSuccessHandler(function (r, u) { text('out', r.text + ' (' + r.count + ') ' + u.tag + ' ' + dollar); })
    .withUserObject({ tag: 'u1' })
    .greet({ name: 'Aki', tags: ['a', undefined, 'c'] });
  google.script.run
    .withFailureHandler(function (e, u) { text('err', (e instanceof Error) + ' ' + e.message + ' ' + u); })
    .withUserObject('u2')
    .fail();
  var done = 0;
  for (var i = 0; i < 12; i++) google.script.run.withSuccessHandler(function () { done++; text('many', String(done)); }).slow(i);
  google.script.run.withSuccessHandler(function (r) { text('date', String(r)); }).stamp();
  try { google.script.run.greet(new Date()); text('illegal', 'no error'); } catch (e) { text('illegal', e.message); }
</script>
</body></html>`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test('google.script.run calls the server and the page renders the results', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-browser-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), SIDEBAR);
  const rt = new RuntimeCore(
    await RuntimeCore.prepare(fakeSheets(), { workbook: new FakeWorkbook(), projectDir: dir }),
  );
  expect(rt.run('showSidebar').ui.sidebar?.title).toBe('Test');
  const server = await rt.serve();
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/sidebar?as=${encodeURIComponent('aki@example.com')}`);
    await page.waitForFunction(() => document.getElementById('many')?.textContent === '12', undefined, {
      timeout: 60_000,
    });
    expect(await page.textContent('#out')).toBe('Hello Aki, you are aki@example.com (3) u1 a$&b');
    expect(await page.textContent('#err')).toBe('true Owner must be one person u2');
    expect(await page.textContent('#date')).toBe('null');
    expect(await page.textContent('#illegal')).toBe('Failed due to illegal value in property: 0');
    expect(rt.properties('user', 'aki@example.com')).toEqual({ greeted: 'Aki' });
    expect(await page.evaluate(() => (window as unknown as { maxInflight: number }).maxInflight)).toBe(10);
  } finally {
    await page.close();
    await server.close();
  }
});

test('google.script.host reports close and size requests', async () => {
  const rt = new RuntimeCore(
    await RuntimeCore.prepare(fakeSheets(), {
      workbook: new FakeWorkbook(),
      code: 'function noop() {}',
      html: {
        Sidebar:
          '<html><head></head><body><script>google.script.host.setHeight(420); google.script.host.close();</script></body></html>',
      },
    }),
  );
  const server = await rt.serve();
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/sidebar`);
    const host = await page.evaluate(
      () => (window as unknown as { __okrSandboxHost__: unknown }).__okrSandboxHost__,
    );
    expect(host).toEqual({ closed: true, width: null, height: 420, focused: false });
  } finally {
    await page.close();
    await server.close();
  }
});
