// dist/Sidebar.html as Apps Script serves it: one self-contained page under its size budget, no external
// fonts, scripts or stylesheets, nothing a template would mistake for a scriptlet, and sidebar
// sources that never hand text to the HTML parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS } from '../../scripts/bench/budgets';
import { ensureBuilt, repoRoot } from '../helpers/build';

const html = readFileSync(join(ensureBuilt(), 'Sidebar.html'), 'utf8');

test('under the bench budget (BUDGETS.sidebarHtmlBytes)', () => {
  const bytes = Buffer.byteLength(html);
  console.log(`dist/Sidebar.html: ${(bytes / 1000).toFixed(1)} KB`);
  expect(bytes).toBeLessThan(BUDGETS.sidebarHtmlBytes);
});

test('self-contained: no external resources (only XML namespace names appear as URLs)', () => {
  expect(html).not.toMatch(/<link\b|<script[^>]+src=|@import|url\(\s*['"]?https?:/i);
  const urls = html.match(/https?:\/\/[^"' )]+/g) ?? [];
  expect(urls.filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
  expect(html).toMatch(/font[^;{}]*Roboto, ?Arial/);
  expect(html).not.toMatch(/fonts\.googleapis|cdn/i);
});

test('one inline script and one inline style; no template scriptlet markers', () => {
  expect(html.match(/<script>/g)).toHaveLength(1);
  expect(html.match(/<style>/g)).toHaveLength(1);
  // createHtmlOutputFromFile serves the file as is, but a template would run `<?`; keep it out anyway.
  expect(html).not.toContain('<?');
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('sidebar sources render text only: no innerHTML, no dangerouslySetInnerHTML, no eval', () => {
  for (const f of files(join(repoRoot, 'sidebar'))) {
    const src = readFileSync(f, 'utf8');
    expect([
      f,
      src.match(
        /innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/g,
      ),
    ]).toEqual([f, null]);
  }
});
