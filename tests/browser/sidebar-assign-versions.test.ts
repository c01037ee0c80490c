// The Assign view sends the versions of the rows it shows: an owner's check-in landing after the
// Lead's sidebar loaded makes the assignment refused as changed (nothing written), and the refreshed
// table then assigns.
import type { ActionResult } from '../../src/api';
import { fixtureRuntime, openSidebar, useChromium, waitStatus } from '../helpers/sidebarPage';

jest.setTimeout(300_000);
const browser = useChromium();

test('a Lead assigns a row checked in since the sidebar loaded: refused as changed, then assigned', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'lead@example.com');
  try {
    await page.locator('.app:not([data-quick])').waitFor();
    // The sheet poll (watchSheet, every few seconds) would catch the Lead's table up with Ana's
    // check-in if a tick fell between her check-in and the click (the click's checks take a while on
    // a busy machine): the Assign button would then send the fresh version and be accepted. This test
    // is about a table that has not caught up yet: the poll fails here (sidebar-follow tests it).
    // It asks one at a time: once one has failed here, none asked before is still on its way.
    let failedOne = () => {};
    const pollFailed = new Promise<void>((resolve) => {
      failedOne = resolve;
    });
    await page.route('**/run', async (route) => {
      if (String(JSON.parse(route.request().postData() ?? '{}').fn) !== 'watchSheet') return route.continue();
      const error = { name: 'Exception', message: 'watchSheet: not in this test' };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });
      failedOne();
    });
    await pollFailed;
    const sent: unknown[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/run')) return;
      const body = JSON.parse(r.postData() ?? '{}');
      if (body.fn === 'assignOwner') sent.push(body.args?.[0]);
    });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByLabel('Show').selectOption('all');
    await page.getByRole('checkbox', { name: /O1\.1/ }).check();
    await page.getByLabel('Search people').fill('ben');
    await page.getByLabel('Person', { exact: true }).selectOption('ben@example.com');
    // Ana checks in on O1.1 from her own sidebar meanwhile.
    const done = rt.run('checkIn', [{ id: 'O1.1', current: 36, confidence: 'on-track' }], {
      as: 'ana@example.com',
    });
    expect((done.result as ActionResult).ok).toBe(true);
    await page.getByRole('button', { name: /Assign to checked \(1\)/ }).click();
    await waitStatus(page, /changed since you opened it/);
    expect(sent).toEqual([
      { ids: ['O1.1'], email: 'ben@example.com', versions: { 'O1.1': expect.stringMatching(/^.{6}$/) } },
    ]);
    const [header, ...rows] = rt.workbook.values('OKRs');
    const o11 = rows.find((r) => r[0] === 'O1.1')!;
    expect(o11[header.indexOf('Owner')]).toBe('ana@example.com');
    // The refusal brought the fresh table: assigning again goes through.
    await page.getByRole('checkbox', { name: /O1\.1/ }).check();
    await page.getByRole('button', { name: /Assign to checked \(1\)/ }).click();
    await waitStatus(page, /Assigned 1 row/);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('accepting from the sidebar sends the version of the row shown; a row changed since is refused, not accepted', async () => {
  const rt = await fixtureRuntime();
  const { page, close, errors } = await openSidebar(rt, browser(), 'ana@example.com');
  try {
    await page.locator('.app:not([data-quick])').waitFor();
    const sent: Array<{ id: string; version?: string }> = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/run')) return;
      const body = JSON.parse(r.postData() ?? '{}');
      if (body.fn === 'acceptOwnership') sent.push(body.args?.[0]);
    });
    await page.getByRole('button', { name: 'Accept O2.3' }).click();
    // A colleague edits the row's Note in the sheet while the form is open.
    rt.workbook.setValues('OKRs', 'R9', [['a colleague wrote this']]);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await waitStatus(page, /changed since you opened it/);
    expect(sent).toEqual([{ id: 'O2.3', version: expect.stringMatching(/^.{6}$/) }]);
    const [header, ...rows] = rt.workbook.values('OKRs');
    expect(rows.find((r) => r[0] === 'O2.3')?.[header.indexOf('Accepted')]).toBe('');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
