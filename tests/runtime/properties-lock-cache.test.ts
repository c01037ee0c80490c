// PropertiesService limits and copies, LockService timeouts, CacheService expiry on the virtual clock.
import { MESSAGES } from '../../local/runtime/errors';
import { openScript, T0 } from './harness';

describe('PropertiesService', () => {
  const code = `
    function set(scope, k, v) { var p = scope === 'user' ? PropertiesService.getUserProperties()
        : scope === 'script' ? PropertiesService.getScriptProperties() : PropertiesService.getDocumentProperties();
      p.setProperty(k, v); return p.getProperty(k); }
    function get(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
    function copy() { var p = PropertiesService.getDocumentProperties(); var all = p.getProperties(); all.x = 'changed';
      return [p.getProperty('x'), Object.keys(all).length]; }
    function big(n) { PropertiesService.getDocumentProperties().setProperty('big', new Array(n + 1).join('a')); }
    function fill(count, size) { var p = PropertiesService.getScriptProperties();
      for (var i = 0; i < count; i++) p.setProperty('k' + i, new Array(size + 1).join('b')); }
    function wipe() { PropertiesService.getDocumentProperties().deleteAllProperties(); return PropertiesService.getDocumentProperties().getKeys().length; }
    function many() { PropertiesService.getDocumentProperties().setProperties({a: 1, b: true}, true); return PropertiesService.getDocumentProperties().getProperties(); }
  `;

  test('values are stored as strings and persist across executions, per store and per user', async () => {
    const rt = await openScript(code);
    expect(rt.run('set', ['document', 'x', 5]).result).toBe('5');
    expect(rt.run('get', ['x']).result).toBe('5');
    expect(rt.run('get', ['nope']).result).toBeNull();
    rt.run('set', ['user', 'lang', 'ja'], { as: 'a@example.com' });
    rt.run('set', ['user', 'lang', 'en'], { as: 'b@example.com' });
    expect(rt.properties('user', 'a@example.com')).toEqual({ lang: 'ja' });
    expect(rt.properties('user', 'b@example.com')).toEqual({ lang: 'en' });
    expect(rt.properties('document')).toEqual({ x: '5' });
    expect(rt.properties('script')).toEqual({});
  });

  test('getProperties returns a copy', async () => {
    const rt = await openScript(code);
    rt.run('set', ['document', 'x', 'orig']);
    expect(rt.run('copy').result).toEqual(['orig', 1]);
  });

  test('a value over 9 KB is refused and nothing is written', async () => {
    const rt = await openScript(code);
    expect(rt.run('big', [9 * 1024]).ok).toBe(true);
    const r = rt.run('big', [9 * 1024 + 1]);
    expect(r.error?.message).toBe(MESSAGES.propertyValueTooLarge);
    expect(rt.properties('document').big).toHaveLength(9 * 1024);
  });

  test('a store over 500 KB is refused', async () => {
    const rt = await openScript(code);
    const r = rt.run('fill', [60, 9000]);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(MESSAGES.propertyStoreFull);
    // 56 values of 9000 bytes (+ keys) fit in 500 KB; the 57th does not.
    expect(Object.keys(rt.properties('script')).length).toBe(56);
  });

  test('deleteAllProperties and setProperties(…, deleteAllOthers)', async () => {
    const rt = await openScript(code);
    rt.run('set', ['document', 'x', '1']);
    expect(rt.run('many').result).toEqual({ a: '1', b: 'true' });
    expect(rt.run('wipe').result).toBe(0);
  });
});

describe('LockService', () => {
  const code = `
    function wait(ms) { var l = LockService.getDocumentLock(); var t = Date.now(); l.waitLock(ms); var has = l.hasLock(); l.releaseLock(); return [Date.now() - t, has]; }
    function attempt(ms) { var t = Date.now(); var got = LockService.getScriptLock().tryLock(ms); return [got, Date.now() - t]; }
    function keep() { LockService.getDocumentLock().waitLock(1000); return 'held until the end of the execution'; }
    function userLock() { return LockService.getUserLock().tryLock(0); }
  `;

  test('waitLock throws Google’s message after waiting the timeout on the virtual clock', async () => {
    const rt = await openScript(code);
    const release = rt.holdLock('document');
    const before = rt.now();
    const r = rt.run('wait', [10000]);
    expect(r.error).toEqual({ name: 'Exception', message: MESSAGES.lockTimeout });
    expect(rt.now() - before).toBeGreaterThanOrEqual(10000);
    release();
    const ok = rt.run('wait', [10000]);
    expect(ok.ok).toBe(true);
    expect((ok.result as [number, boolean])[1]).toBe(true);
  });

  test('tryLock returns false after the timeout, true when the holder lets go in time', async () => {
    const rt = await openScript(code);
    rt.holdLock('script');
    expect((rt.run('attempt', [500]).result as unknown[])[0]).toBe(false);
    const rt2 = await openScript(code);
    rt2.holdLock('script', { until: Date.parse(T0) + 2000 });
    const [got, waited] = rt2.run('attempt', [5000]).result as [boolean, number];
    expect(got).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(1990);
    expect(waited).toBeLessThan(5000);
  });

  test('a lock the script forgot to release is released when its execution ends', async () => {
    const rt = await openScript(code);
    expect(rt.run('keep').ok).toBe(true);
    expect(rt.run('wait', [0]).ok).toBe(true);
  });

  test('user locks are per user', async () => {
    const rt = await openScript(code);
    rt.holdLock('user', { user: 'a@example.com' });
    expect(rt.run('userLock', [], { as: 'a@example.com' }).result).toBe(false);
    expect(rt.run('userLock', [], { as: 'b@example.com' }).result).toBe(true);
  });
});

describe('CacheService', () => {
  test('values expire on the virtual clock (default 10 minutes, at most 6 hours)', async () => {
    const rt = await openScript(`
      function put(k, v, s) { CacheService.getScriptCache().put(k, v, s); }
      function get(k) { return CacheService.getScriptCache().get(k); }
      function all() { return CacheService.getScriptCache().getAll(['a', 'b', 'zz']); }
    `);
    rt.run('put', ['a', '1']);
    rt.run('put', ['b', '2', 100000]);
    expect(rt.run('all').result).toEqual({ a: '1', b: '2' });
    rt.setTime(rt.now() + 601_000);
    expect(rt.run('get', ['a']).result).toBeNull();
    expect(rt.run('get', ['b']).result).toBe('2');
    rt.setTime(rt.now() + 6 * 3600_000);
    expect(rt.run('get', ['b']).result).toBeNull();
  });
});
