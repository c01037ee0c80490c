// Artifact tests run the shipped dist/ files. `npm test` builds before jest; when a single suite is
// run on its own (npx jest tests/artifact/x.test.ts) this rebuilds dist/ if any source is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const distDir = join(repoRoot, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

let built = false;

export function ensureBuilt(): string {
  if (built) return distDir;
  const code = join(distDir, 'Code.js');
  const html = join(distDir, 'Sidebar.html');
  const stale =
    !existsSync(code) ||
    !existsSync(html) ||
    Math.min(statSync(code).mtimeMs, statSync(html).mtimeMs) <
      Math.max(
        newestMtime(join(repoRoot, 'src')),
        newestMtime(join(repoRoot, 'sidebar')),
        statSync(join(repoRoot, 'appsscript.json')).mtimeMs,
      );
  if (stale) {
    execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--quiet'], { stdio: 'pipe' });
  }
  built = true;
  return distDir;
}
