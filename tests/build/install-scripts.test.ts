// `npm install` on a fresh clone prints no install-scripts warning: npm (11.16 and later) warns about
// every dependency whose install scripts package.json's "allowScripts" does not cover, and skips
// silently the ones denied with false (npm docs: config "strict-allow-scripts", "npm deny-scripts").
// esbuild and @parcel/watcher are denied: both work from their prebuilt platform packages
// (@esbuild/<platform>, @parcel/watcher-<platform>), so their scripts have nothing to do here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8'));

test('every locked dependency with install scripts is reviewed in package.json allowScripts', () => {
  const allow: Record<string, boolean> = read('package.json').allowScripts ?? {};
  const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect(withScripts.length).toBeGreaterThan(0);
  // An entry is the name alone or name@version; either covers the package.
  const reviewed = new Set(Object.keys(allow).map((k) => k.replace(/(.)@[^@]*$/, '$1')));
  expect(withScripts.filter((name) => !reviewed.has(name))).toEqual([]);
});

test('esbuild and @parcel/watcher run from their prebuilt platform packages, their scripts denied', () => {
  expect(read('package.json').allowScripts).toEqual({ esbuild: false, '@parcel/watcher': false });
  const lock = read('package-lock.json') as { packages: Record<string, unknown> };
  const names = Object.keys(lock.packages);
  expect(names.some((n) => n.startsWith('node_modules/@esbuild/'))).toBe(true);
  expect(names.some((n) => n.startsWith('node_modules/@parcel/watcher-'))).toBe(true);
});
