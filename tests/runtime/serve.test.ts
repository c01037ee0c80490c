// serve(): the sidebar page with the google.script shims, and POST /run with Google's JSON rules.
import { injectShim, transportable } from '../../local/runtime/serve';
import { openScript } from './harness';

const code = `
  function hello(name) { return 'Hello ' + name + ' from ' + Session.getActiveUser().getEmail(); }
  function when() { return { at: new Date(0) }; }
  function boom() { throw new Error('No key result O9.9'); }
  function showIt() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<html><head><title>x</title></head><body>shown</body></html>')); }
  function secret_() { return 'private'; }
`;

describe('serve()', () => {
  test('GET /sidebar serves what the script showed, with the shim injected into <head>', async () => {
    const rt = await openScript(code);
    rt.run('showIt');
    const server = await rt.serve();
    try {
      const res = await fetch(`${server.url}/sidebar?as=a%40example.com`);
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html.startsWith('<html><head><script>window.__OKR_SANDBOX__ = {"as":"a@example.com"')).toBe(
        true,
      );
      expect(html).toContain('google.script.run');
      expect(html.endsWith('<title>x</title></head><body>shown</body></html>')).toBe(true);
      // The page learns the public functions only: google.script.run cannot see private ones.
      const config = JSON.parse(/window\.__OKR_SANDBOX__ = (\{.*?\});/.exec(html)?.[1] as string);
      expect(config.functions).toEqual(['hello', 'when', 'boom', 'showIt']);
    } finally {
      await server.close();
    }
  });

  test('POST /run executes as the user; errors carry the server message; private functions are refused', async () => {
    const rt = await openScript(code);
    const server = await rt.serve({ port: 0 });
    const post = async (body: unknown) =>
      (await (await fetch(`${server.url}/run`, { method: 'POST', body: JSON.stringify(body) })).json()) as {
        ok: boolean;
        result?: unknown;
        error?: { message: string };
      };
    try {
      expect((await post({ fn: 'hello', args: ['Aki'], as: 'aki@example.com' })).result).toBe(
        'Hello Aki from aki@example.com',
      );
      expect((await post({ fn: 'boom', args: [], as: 'a@example.com' })).error?.message).toBe(
        'No key result O9.9',
      );
      expect((await post({ fn: 'secret_', args: [] })).ok).toBe(false);
      // A Date in a return value reaches the client as null, as in Apps Script.
      const dated = await post({ fn: 'when', args: [] });
      expect(dated.ok).toBe(true);
      expect(dated.result).toBeNull();
    } finally {
      await server.close();
    }
  });

  test('404 when nothing was shown and the project has no Sidebar.html', async () => {
    const rt = await openScript(code);
    const server = await rt.serve();
    try {
      expect((await fetch(`${server.url}/sidebar`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('shim injection and transport rules', () => {
  test('`$&` and `$1` in the page survive injection (no String.replace with a replacement string)', () => {
    const page =
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>var a="$&$1$`";</script></body></html>';
    const out = injectShim(page, { as: 'x@example.com' });
    expect(
      out.endsWith('<meta charset="utf-8"></head><body><script>var a="$&$1$`";</script></body></html>'),
    ).toBe(true);
    expect(out.indexOf('<script>window.__OKR_SANDBOX__')).toBe('<!DOCTYPE html><html><head>'.length);
  });

  test('a config value cannot close the script element', () => {
    const out = injectShim('<head></head>', { as: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('</script><script>alert(1)');
  });

  test('transportable: primitives, arrays and plain objects yes; Dates and functions no', () => {
    expect(transportable({ a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(transportable([new Date()])).toBe(false);
    expect(transportable({ f: () => 1 })).toBe(false);
  });
});
