// The pictures the README and docs/ show: every one exists (npm run screenshots writes them), and the
// Japanese pictures of the agreement flow, the history chart, the cycle close and the Results section
// are shown next to their English ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const pictures = pages.flatMap((page) =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map((m) => ({
    page,
    file: join(dirname(page), m[1]),
  })),
);

test('every picture a page shows exists', () => {
  expect(pictures.length).toBeGreaterThan(20);
  expect(pictures.filter((p) => !existsSync(join(root, p.file)))).toEqual([]);
});

test.each([
  'sidebar-propose',
  'sidebar-counter',
  'sidebar-agreement',
  'sidebar-history',
  'sidebar-close-cycle',
  'sidebar-cycles',
  'sidebar-retrospective',
  'summary-results',
])('%s is shown in English and Japanese on the same page', (name) => {
  const on = (file: string) => pictures.filter((p) => p.file === `docs/screenshots/${file}.png`).map((p) => p.page);
  const ja = on(`${name}-ja`);
  expect(ja.length).toBeGreaterThan(0);
  expect(on(name)).toEqual(expect.arrayContaining(ja));
});
