// The weekly emails as a reader sees them: the demo team's real emails (built add-on, local
// runtime) rendered in Chromium at phone and desktop widths. They fit the screen without sideways
// scrolling, load nothing from the network, draw the progress bars, and every link is a tap target at
// least 40 px high; screenshots are saved to test-results/screenshots/ for review.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, type SentEmail } from '../../local/runtime';
import type { Lang } from '../../src/okr/core/model';
import { leadershipReport, ownerReport } from '../../src/okr/weekly/digest';
import { renderLeadershipDigest, renderOwnerEmail } from '../../src/okr/weekly/email';
import { fitEmail } from '../../src/okr/weekly/emailFit';
import { ensureBuilt, repoRoot } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { emailContext, OWNER, ownerSheet } from '../unit/okr/weekly/emailSheets';

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

const sent = (to: string) => () => emails.find((e) => e.to === to)?.htmlBody;
/** An owner of 100 key results (the list cut for size) and a digest of 120 objectives, rendered as the run does. */
const owner100 = (lang: Lang) => () => {
  const report = ownerReport(ownerSheet(100, lang), OWNER);
  return fitEmail((limits) => renderOwnerEmail(report, { ...emailContext(lang), limits })).htmlBody;
};
const digest = (lang: Lang) => () => {
  const m = ownerSheet(100, lang);
  return fitEmail((limits) =>
    renderLeadershipDigest(leadershipReport(m), m, { ...emailContext(lang), limits }),
  ).htmlBody;
};

const cases: Array<[string, () => string | undefined]> = [
  ['owner-en', sent(LEAD)],
  ['owner-ja', sent('aiko.tanaka@example.com')],
  ['leadership-en', sent('maya.chen@example.com')],
  ['owner-100-en', owner100('en')],
  ['owner-100-ja', owner100('ja')],
  ['leadership-120-ja', digest('ja')],
];

describe.each(cases)('%s', (name, html) => {
  test.each([360, 600])(
    'fits %ipx wide, loads nothing, draws progress bars, links at least 40 px high',
    async (width) => {
      const email = { htmlBody: html() };
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
      // Every link can be tapped on a phone: at least 40 px high, and no wider than the screen.
      const links = await page.$$eval('a', (as) =>
        as.map((a) => ({ text: a.textContent, ...a.getBoundingClientRect().toJSON() })),
      );
      expect(links.length).toBeGreaterThan(1);
      for (const l of links) {
        expect({ text: l.text, height: l.height >= 40 }).toEqual({ text: l.text, height: true });
        expect(l.right).toBeLessThanOrEqual(width);
      }
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `weekly-${name}-${width}.png`), fullPage: true });
      await page.close();
    },
  );
});
