// local/html/google-script.js (the google.script.run / google.script.host shim) run in a Node vm
// with a stand-in window and fetch, so Google's argument rules are checked without a browser.
// https://developers.google.com/apps-script/guides/html/reference/run
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const SHIM = fs.readFileSync(path.resolve(__dirname, '../../local/html/google-script.js'), 'utf8');

interface Sent {
  fn: string;
  args: unknown[];
  as: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the page's globals are untyped on purpose
type Any = any;

function page(
  config: Record<string, unknown>,
  reply: (s: Sent) => unknown = () => ({ ok: true, result: 'r' }),
) {
  const sent: Sent[] = [];
  const window: Any = { __OKR_SANDBOX__: config };
  window.parent = window;
  const fetch = (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as Sent;
    sent.push(body);
    return Promise.resolve({ json: () => Promise.resolve(reply(body)) });
  };
  const context = vm.createContext({ window, fetch, console });
  vm.runInContext(SHIM, context);
  return { run: window.google.script.run as Any, sent, context };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('google.script.run in the page', () => {
  test('a Date, a function or a circular object as an argument fails at once with Google’s text; nothing is sent', () => {
    const { run, sent, context } = page({ functions: ['greet'] });
    expect(() => run.greet(new Date())).toThrow('Failed due to illegal value in property: 0');
    // A Date made in the page's own realm is refused too (no instanceof across realms).
    expect(() => run.greet('a', vm.runInContext('new Date()', context))).toThrow(
      'Failed due to illegal value in property: 1',
    );
    expect(() => run.greet({ owner: 'a@example.com', due: new Date() })).toThrow(
      'Failed due to illegal value in property: due',
    );
    expect(() => run.greet([1, () => 2])).toThrow('Failed due to illegal value in property: 1');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => run.greet(loop)).toThrow('Failed due to illegal value in property: self');
    expect(sent).toEqual([]);
  });

  test('arguments travel as a copy; undefined inside arrays becomes null', async () => {
    const { run, sent } = page({ functions: ['greet'], as: 'aki@example.com' });
    const arg = { list: [1, undefined, 'x'], n: null };
    run.greet(arg, 'O1.2');
    await settle();
    expect(sent).toEqual([
      { fn: 'greet', args: [{ list: [1, null, 'x'], n: null }, 'O1.2'], as: 'aki@example.com' },
    ]);
    expect(arg.list[1]).toBeUndefined();
  });

  test('only public server functions exist: unknown and private names are not functions', () => {
    const { run, sent } = page({ functions: ['greet', 'getSidebarState'] });
    expect(typeof run.greet).toBe('function');
    expect(run.secret_).toBeUndefined();
    expect(run.nothingHere).toBeUndefined();
    expect(() => run.secret_()).toThrow(TypeError);
    expect(() => run.withSuccessHandler(() => {}).nothingHere()).toThrow(TypeError);
    expect(sent).toEqual([]);
  });

  test('success and failure handlers, with the user object; each with… call makes a new runner', async () => {
    const { run } = page({ functions: ['ok', 'bad'] }, (s) =>
      s.fn === 'ok'
        ? { ok: true, result: { n: 1 } }
        : { ok: false, error: { name: 'Exception', message: 'No key result O9.9' } },
    );
    const got: unknown[] = [];
    const withHandlers = run
      .withSuccessHandler((v: unknown, u: unknown) => got.push(['ok', v, u]))
      .withFailureHandler((e: Error, u: unknown) => got.push(['bad', e.message, e.name, u]))
      .withUserObject('row 5');
    expect(withHandlers).not.toBe(run);
    expect(withHandlers.ok()).toBeUndefined(); // asynchronous: nothing comes back directly
    withHandlers.bad();
    run.ok(); // the bare runner kept no handlers
    await settle();
    await settle();
    expect(got).toEqual([
      ['ok', { n: 1 }, 'row 5'],
      ['bad', 'No key result O9.9', 'Exception', 'row 5'],
    ]);
  });
});
