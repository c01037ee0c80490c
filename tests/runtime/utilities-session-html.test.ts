// Utilities (formatDate in real time zones, digests as signed bytes, sleep), Session, HtmlService.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate } from '../../local/runtime/services/utilities';
import { openScript, T0 } from './harness';

describe('Utilities.formatDate', () => {
  const t = Date.parse('2026-03-08T06:30:05.007Z'); // 01:30 EST, the morning US DST starts

  test.each([
    ['UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", '2026-03-08T06:30:05.007Z'],
    ['Asia/Tokyo', 'yyyy/MM/dd HH:mm EEE', '2026/03/08 15:30 Sun'],
    ['Asia/Tokyo', 'z Z XXX', 'JST +0900 +09:00'],
    ['America/New_York', 'MMM d, yyyy h:mm a z', 'Mar 8, 2026 1:30 AM EST'],
    ['America/New_York', 'EEEE MMMM dd yy', 'Sunday March 08 26'],
    ['Europe/London', "HH 'o''clock' X", "06 o'clock Z"],
    ['Asia/Kolkata', 'HH:mm Z', '12:00 +0530'],
  ])('%s %s', (tz, pattern, expected) => {
    expect(formatDate(t, tz, pattern)).toBe(expected);
  });

  test('daylight saving time changes the offset', () => {
    expect(formatDate(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York', 'HH:mm z Z')).toBe(
      '08:00 EDT -0400',
    );
  });

  test('inside a script, with a script-realm Date', async () => {
    const rt =
      await openScript(`function f() { return Utilities.formatDate(new Date(), 'Asia/Tokyo', 'yyyy-MM-dd HH:mm'); }
      function bad() { return Utilities.formatDate('2026-01-01', 'UTC', 'yyyy'); }`);
    expect(rt.run('f').result).toBe('2026-11-30 18:00');
    expect(rt.run('bad').ok).toBe(false);
  });
});

describe('Utilities', () => {
  const code = `
    function md5(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, s); }
    function sha(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s, Utilities.Charset.UTF_8); }
    function b64(s) { return [Utilities.base64Encode(s), Utilities.base64EncodeWebSafe('??>'), Utilities.base64Decode(Utilities.base64Encode(s)).length]; }
    function nap() { var a = Date.now(); Utilities.sleep(60000); return Date.now() - a; }
    function uuid() { return Utilities.getUuid(); }
    function fmt() { return Utilities.formatString('%s has %d KRs (%.1f%%)', 'Aki', 3, 66.666); }
  `;

  test('computeDigest returns Java-style signed bytes', async () => {
    const rt = await openScript(code);
    // MD5("abc") = 90 01 50 98 3c d2 4f b0 d6 96 3f 7d 28 e1 7f 72
    expect(rt.run('md5', ['abc']).result).toEqual([
      -112, 1, 80, -104, 60, -46, 79, -80, -42, -106, 63, 125, 40, -31, 127, 114,
    ]);
    const sha = rt.run('sha', ['abc']).result as number[];
    expect(sha).toHaveLength(32);
    expect(sha.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  test('base64, sleep on the virtual clock, uuid, formatString', async () => {
    const rt = await openScript(code);
    expect(rt.run('b64', ['日本']).result).toEqual([Buffer.from('日本').toString('base64'), 'Pz8-', 6]);
    const before = rt.now();
    expect(rt.run('nap').result).toBeGreaterThanOrEqual(60000);
    expect(rt.now() - before).toBeGreaterThanOrEqual(60000);
    expect(rt.run('uuid').result).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(rt.run('fmt').result).toBe('Aki has 3 KRs (66.7%)');
  });
});

describe('Session', () => {
  const code = `
    function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone()]; }
    function onOpen(e) { return who().concat([e.user.getEmail(), String(e.authMode)]); }
  `;

  test('FULL executions know the user; simple triggers see ""', async () => {
    const rt = await openScript(code, {
      userLocales: { 'ja@example.com': 'ja' },
      scriptTimeZone: 'Asia/Tokyo',
    });
    expect(rt.run('who', [], { as: 'ja@example.com' }).result).toEqual([
      'ja@example.com',
      'ja@example.com',
      'ja',
      'Asia/Tokyo',
    ]);
    expect(rt.run('onOpen', [], { as: 'ja@example.com' }).result).toEqual([
      '',
      '',
      'ja',
      'Asia/Tokyo',
      '',
      'LIMITED',
    ]);
  });

  test('the script time zone defaults to the manifest’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-project-'));
    fs.writeFileSync(path.join(dir, 'Code.js'), code);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Paris' }));
    const rt = await openScript('', {}, { code: undefined, projectDir: dir });
    expect((rt.run('who').result as string[])[3]).toBe('Europe/Paris');
  });
});

describe('HtmlService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-html-'));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<html><head></head><body>Hi $& there</body></html>');
  fs.writeFileSync(
    path.join(dir, 'Page.html'),
    '<p><?= name ?> / <?!= raw ?></p><? for (var i = 0; i < 2; i++) { ?>x<? } ?>',
  );
  const code = `
    function show() { var h = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKR Owners').setWidth(300);
      SpreadsheetApp.getUi().showSidebar(h); return [h.getTitle(), h.getWidth(), h.getContent().length]; }
    function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }
    function tmpl() { var t = HtmlService.createTemplateFromFile('Page'); t.name = '<b>'; t.raw = '<i>'; return t.evaluate().getContent(); }
    function inline() { return HtmlService.createHtmlOutput('<p>a</p>').append('<p>b</p>').appendUntrusted('<c>').getContent(); }
    function enums() { return [String(HtmlService.SandboxMode.IFRAME), String(HtmlService.XFrameOptionsMode.ALLOWALL)]; }
  `;

  test('createHtmlOutputFromFile reads <projectDir>/<name>.html and showSidebar records it', async () => {
    const rt = await openScript(code, {}, { projectDir: dir });
    const r = rt.run('show');
    expect(r.result).toEqual(['OKR Owners', 300, 50]);
    expect(r.ui.sidebar).toEqual({
      content: '<html><head></head><body>Hi $& there</body></html>',
      title: 'OKR Owners',
      width: 300,
      height: 0,
    });
    expect(rt.lastSidebar()?.title).toBe('OKR Owners');
  });

  test('a missing file throws Google’s message', async () => {
    const rt = await openScript(code, {}, { projectDir: dir });
    expect(rt.run('missing').error).toEqual({
      name: 'Exception',
      message: 'No HTML file named Nope was found.',
    });
  });

  test('templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code', async () => {
    const rt = await openScript(code, {}, { projectDir: dir });
    expect(rt.run('tmpl').result).toBe('<p>&lt;b&gt; / <i></p>xx');
    expect(rt.run('inline').result).toBe('<p>a</p><p>b</p>&lt;c&gt;');
    expect(rt.run('enums').result).toEqual(['IFRAME', 'ALLOWALL']);
  });
});

test('T0 is a Monday 09:00 UTC (the harness clock)', () => {
  expect(new Date(T0).getUTCDay()).toBe(1);
});

describe('Utilities.parseDate', () => {
  test('wall time in the given zone, offsets, names; unparseable text throws', async () => {
    const rt = await openScript(
      `function p(s, tz, f) { return Utilities.parseDate(s, tz, f).toISOString(); }`,
    );
    expect(rt.run('p', ['2026-12-01 09:30', 'Asia/Tokyo', 'yyyy-MM-dd HH:mm']).result).toBe(
      '2026-12-01T00:30:00.000Z',
    );
    expect(rt.run('p', ['2026-07-01T09:00:00-0400', 'UTC', "yyyy-MM-dd'T'HH:mm:ssZ"]).result).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(rt.run('p', ['Dec 1, 2026 3:05 PM', 'America/New_York', 'MMM d, yyyy h:mm a']).result).toBe(
      '2026-12-01T20:05:00.000Z',
    );
    expect(rt.run('p', ['20261201', 'UTC', 'yyyyMMdd']).result).toBe('2026-12-01T00:00:00.000Z');
    expect(rt.run('p', ['soon', 'UTC', 'yyyy-MM-dd']).error?.message).toBe('Unparseable date: "soon"');
  });
});
