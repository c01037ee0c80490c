// One execution = one fresh realm, a virtual clock, metered calls, Google's refusals and errors.
import vm from 'node:vm';
import { SCRIPT_GLOBALS } from '../../local/runtime/contract';
import { MESSAGES } from '../../local/runtime/errors';
import { latencyOf } from '../../local/runtime/latency';
import { openScript, T0 } from './harness';

const t0 = Date.parse(T0);

describe('executions', () => {
  test('a script sees the built-ins of a fresh realm plus SCRIPT_GLOBALS, and no host global', async () => {
    const builtIns = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})));
    const rt = await openScript(`
      function globalsSeen() { return Object.getOwnPropertyNames(globalThis); }
      function hostOnly() { return [typeof require, typeof process, typeof setTimeout, typeof fetch]; }
    `);
    const seen = rt.run('globalsSeen').result as string[];
    const added = seen.filter((name) => !builtIns.has(name) && name !== 'globalsSeen' && name !== 'hostOnly');
    // console is a V8 built-in too: the runtime replaces it with Apps Script's (the execution log).
    expect(added.sort()).toEqual(SCRIPT_GLOBALS.filter((name) => !builtIns.has(name)).sort());
    expect(SCRIPT_GLOBALS.filter((name) => !seen.includes(name))).toEqual([]);
    expect(rt.run('hostOnly').result).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('each run gets a fresh context: globals set by one execution are gone in the next', async () => {
    const rt = await openScript(`
      var counter = 0;
      function bump() { counter++; globalThis.leak = (globalThis.leak || 0) + 1; return [counter, globalThis.leak]; }
    `);
    expect(rt.run('bump').result).toEqual([1, 1]);
    expect(rt.run('bump').result).toEqual([1, 1]);
  });

  test('Date inside the script reads the virtual clock and advances with metered calls', async () => {
    const rt = await openScript(`
      function clock() {
        var a = Date.now(); var d = new Date();
        PropertiesService.getScriptProperties().getProperty('x');
        var b = new Date().getTime();
        return { a: a, d: d.getTime(), b: b, str: typeof Date(), isDate: d instanceof Date,
                 tag: Object.prototype.toString.call(d), explicit: new Date(2020, 0, 1).getFullYear() };
      }
    `);
    const r = rt.run('clock');
    const v = r.result as Record<string, unknown>;
    expect(v.a).toBe(t0);
    expect(v.d).toBe(t0);
    expect(v.b as number).toBeGreaterThan(t0); // getScriptProperties + getProperty cost virtual time
    expect(v.str).toBe('string');
    expect(v.isDate).toBe(true);
    expect(v.tag).toBe('[object Date]');
    expect(v.explicit).toBe(2020);
    expect(rt.now()).toBe(Math.floor(t0 + r.virtualMs));
  });

  test('run({at}) sets the clock; the runtime clock never runs backwards on its own', async () => {
    const rt = await openScript('function now() { return Date.now(); }');
    expect(rt.run('now', [], { at: '2027-01-01T00:00:00Z' }).result).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });

  test('refuses unknown, private and non-function names without running anything', async () => {
    const rt = await openScript('var notFn = 3; function ok_() { return 1; } function fine() { return 2; }');
    for (const [fn, re] of [
      ['missing', /Script function not found: missing/],
      ['ok_', /private/],
      ['notFn', /not a function/],
      ['a.b', /Script function not found/],
    ] as const) {
      const r = rt.run(fn);
      expect(r.ok).toBe(false);
      expect(r.refused).toBe(true);
      expect(r.error?.message).toMatch(re);
    }
    expect(rt.run('fine').result).toBe(2);
  });

  test('script errors come back as {name, message} without a host stack', async () => {
    const rt = await openScript(`
      function boom() { throw new TypeError('bad input in row 7'); }
      function str() { throw 'plain'; }
    `);
    const r = rt.run('boom');
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ name: 'TypeError', message: 'bad input in row 7' });
    expect(rt.run('str').error).toEqual({ name: 'Error', message: 'plain' });
  });

  test('arguments arrive as the realm’s own arrays and objects', async () => {
    const rt = await openScript(
      'function kinds(a, o) { return [a instanceof Array, o instanceof Object, a.length, o.k]; }',
    );
    expect(rt.run('kinds', [[1, 2, 3], { k: 'v' }]).result).toEqual([true, true, 3, 'v']);
  });

  test('the time limit fires at the NEXT call after virtual time passes it', async () => {
    // getScriptProperties costs h ms, each getProperty g ms (latency.ts): the first getProperty that
    // starts at or past 1000 ms throws (and is not counted), so exactly ceil((1000 − h) / g) run.
    const h = latencyOf('PropertiesService.getScriptProperties');
    const g = latencyOf('Properties.getProperty');
    const expected = Math.ceil((1000 - h) / g);
    const rt = await openScript(
      `function loop() { var p = PropertiesService.getScriptProperties(); var n = 0;
         for (var i = 0; i < 1000; i++) { p.getProperty('x'); n++; } return n; }`,
      { timeLimitMs: 1000 },
    );
    const r = rt.run('loop');
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ name: 'Exception', message: MESSAGES.timeLimit });
    expect(r.calls['Properties.getProperty']).toBe(expected);
    expect(r.virtualMs).toBeGreaterThanOrEqual(1000);
  });

  test('catching the time-limit error does not save the execution', async () => {
    const rt = await openScript(
      `function sneaky() { var p = PropertiesService.getScriptProperties();
         try { for (;;) p.getProperty('x'); } catch (e) { return 'survived ' + e.message; } }`,
      { timeLimitMs: 500 },
    );
    const r = rt.run('sneaky');
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(MESSAGES.timeLimit);
  });

  test('the default limit is six minutes; simple triggers get 30 seconds', async () => {
    const code = `function work() { for (var i = 0; i < 40; i++) Utilities.sleep(1000); return 'done'; }
                  function onOpen() { work(); }`;
    const rt = await openScript(code);
    expect(rt.run('work').ok).toBe(true);
    const simple = rt.run('onOpen');
    expect(simple.ok).toBe(false);
    expect(simple.error?.message).toBe(MESSAGES.timeLimit);
  });

  test('faults fail the nth call of a method with Google’s server error', async () => {
    const rt = await openScript(
      `function three() { var p = PropertiesService.getScriptProperties(); var got = [];
         for (var i = 0; i < 3; i++) { try { p.getProperty('k'); got.push('ok'); } catch (e) { got.push(e.name + ': ' + e.message); } }
         return got; }`,
      { faults: [{ method: 'Properties.getProperty', nth: 2 }] },
    );
    expect(rt.run('three').result).toEqual(['ok', `Exception: ${MESSAGES.serverError}`, 'ok']);
    rt.options.faults = [{ method: 'Properties.getProperty', nth: 1, message: 'Quota exceeded' }];
    expect((rt.run('three').result as string[])[0]).toBe('Exception: Quota exceeded');
  });

  test('calls are counted per method', async () => {
    const rt = await openScript(
      `function count() { var p = PropertiesService.getDocumentProperties(); p.setProperty('a', '1'); p.getProperty('a'); p.getProperty('b'); }`,
    );
    expect(rt.run('count').calls).toEqual({
      'PropertiesService.getDocumentProperties': 1,
      'Properties.setProperty': 1,
      'Properties.getProperty': 2,
    });
  });

  test('Logger.log and console.* are captured', async () => {
    const rt = await openScript(
      `function logs() { Logger.log('a %s b %s', 1, {x: 2}); console.log('c'); console.warn('d'); console.error('e'); }`,
    );
    expect(rt.run('logs').logs).toEqual(['a 1 b {"x":2}', 'c', 'WARNING: d', 'ERROR: e']);
  });

  test('a top-level error in the project fails the execution', async () => {
    const rt = await openScript('throw new Error("top level");\nfunction f() {}');
    expect(rt.run('f').error).toEqual({ name: 'Error', message: 'top level' });
  });

  test('results come back as host data (dates as Dates)', async () => {
    const rt = await openScript('function r() { return { when: new Date(0), list: [1, "a", null] }; }');
    const v = rt.run('r').result as { when: Date; list: unknown[] };
    expect(v.when).toBeInstanceOf(Date);
    expect(v.when.getTime()).toBe(0);
    expect(Array.isArray(v.list)).toBe(true);
  });
});

test('the script’s local time zone is the project’s (appsscript.json timeZone)', async () => {
  const code =
    'function local() { var d = new Date(2026, 0, 1, 9, 0); return [d.toISOString(), d.getHours(), new Date(0).getDate()]; }';
  const tokyo = await openScript(code, { scriptTimeZone: 'Asia/Tokyo' });
  expect(tokyo.run('local').result).toEqual(['2026-01-01T00:00:00.000Z', 9, 1]);
  const ny = await openScript(code, { scriptTimeZone: 'America/New_York' });
  expect(ny.run('local').result).toEqual(['2026-01-01T14:00:00.000Z', 9, 31]);
  expect(new Date(0).getTimezoneOffset()).toBe(new Date(0).getTimezoneOffset()); // host zone restored (no throw)
});
