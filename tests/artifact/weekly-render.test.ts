// The weekly emails as a reader sees them: the demo team's real emails (built add-on, local
// runtime) rendered in Chromium at phone and desktop widths. They fit the screen without sideways
// scrolling, load nothing from the network, and draw the progress bars; screenshots are saved to
// test-results/screenshots/ for review.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, type SentEmail } from '../../local/runtime';
import { ensureBuilt, repoRoot } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';

const SHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const LEAD = 'priya.natarajan@example.com';

let browser: Browser;
let emails: SentEmail[];

beforeAll(async () => {
  const code = fs.readFileSync(path.join(ensureBuilt(), 'Code.js'), 'utf8');
  const rt = await Runtime.open({ workbook: demoWorkbook(), code, options: { now: '2026-11-29T17:00:00Z' } });
  expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).ok).toBe(true);
  emails = rt.tick('2026-11-30T15:00:00Z').emails;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const cases: Array<[string, (e: SentEmail) => boolean]> = [
  ['owner-en', (e) => e.to === LEAD],
  ['owner-ja', (e) => e.to === 'aiko.tanaka@example.com'],
  ['leadership-en', (e) => e.to === 'maya.chen@example.com'],
];

describe.each(cases)('%s', (name, pick) => {
  test.each([360, 600])('fits %ipx wide, loads nothing, draws progress bars', async (width) => {
    const email = emails.find(pick);
    expect(email?.htmlBody).toBeDefined();
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(String(email?.htmlBody), { waitUntil: 'load' });
    expect(requests).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Each filled bar cell is as wide as its share of its bar.
    const bars = await page.$$eval('td[width$="%"]', (cells) =>
      cells.map((c) => ({
        share: Number.parseFloat(c.getAttribute('width') ?? '0'),
        px: c.getBoundingClientRect().width,
        bar: (c.closest('table') as HTMLElement).getBoundingClientRect().width,
      })),
    );
    expect(bars.length).toBeGreaterThan(0);
    for (const b of bars) expect(Math.abs(b.px - (b.bar * b.share) / 100)).toBeLessThan(3);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `weekly-${name}-${width}.png`), fullPage: true });
    await page.close();
  });
});
