// The build refuses entry files whose exports Apps Script could not call, with a message that says
// what to change, and publishes exactly the entry's functions as top-level stubs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..', '..');

function build(entry: string) {
  const out = mkdtempSync(join(tmpdir(), 'okr-build-'));
  const res = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/build.mjs'),
      '--server-entry',
      join(root, 'tests/fixtures/build', entry),
      '--out',
      out,
    ],
    { encoding: 'utf8' },
  );
  return { status: res.status, stderr: res.stderr, stdout: res.stdout, out };
}

describe('build of the Apps Script entry', () => {
  test.each([
    ['exports-constant.ts', /"VERSION" is a string, not a function/],
    ['exports-default.ts', /a default export/],
    ['exports-alias.ts', /"onOpen" is exported in a form the entry generator cannot see|aliased/],
    [
      'calls-service.ts',
      /throws when loaded \(a service call at module top level\?\): PropertiesService is not defined/,
    ],
  ])('%s fails with a clear message', (entry, message) => {
    const res = build(entry);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^build failed: /);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('a good entry becomes exactly its exported functions as globals', () => {
    const res = build('ok.ts');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const code = readFileSync(join(res.out, 'Code.js'), 'utf8');
    const context: Record<string, unknown> = {};
    vm.createContext(context);
    vm.runInContext(code, context);
    const functions = Object.keys(context).filter((k) => typeof context[k] === 'function');
    expect(functions.sort()).toEqual(['helperEntry', 'onOpen']);
    expect(vm.runInContext('onOpen() + ":" + helperEntry()', context)).toBe('menu:42');
    expect(code).toMatch(/^function onOpen\(\) \{ return OkrOwners\.onOpen\.apply\(this, arguments\); \}$/m);
    expect(readFileSync(join(res.out, 'appsscript.json'), 'utf8')).toContain('"runtimeVersion": "V8"');
  });
});
