// What the sidebar's size costs the person opening it: Chromium's own CPU time (Performance
// metrics: script, layout and style time, and all main-thread tasks) to load a built Sidebar.html
// up to its first render, with a google.script.run that never answers (the "Loading…" state, as
// while the first server call is on its way). CPU durations, not wall time, so a busy machine
// changes the figures less than it would a stopwatch. Medians of several loads.
//
//   npm run bench:sidebar                      dist/Sidebar.html
//   npm run bench:sidebar -- a.html b.html     compare two builds (e.g. before and after a feature)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../local/chromium';

const LOADS = 11;

// Every method of google.script.run returns the runner (withSuccessHandler …) or nothing: no call
// ever answers, so the page stays at its first render.
const STUB = `<script>(() => {
  const run = new Proxy({}, { get: (_t, name) => (String(name).startsWith('with') ? () => run : () => undefined) });
  window.google = { script: { run, host: { close() {}, setHeight() {}, setWidth() {} } } };
})();</script>`;

interface Load {
  scriptMs: number;
  layoutAndStyleMs: number;
  taskMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  const paths = files.length > 0 ? files : ['dist/Sidebar.html'];
  const browser = await launchChromium();
  try {
    for (const path of paths) {
      const html = readFileSync(path, 'utf8');
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.setContent(STUB + html, { waitUntil: 'load' });
        await page.locator('.app, [role=status]').first().waitFor();
        const { metrics } = await cdp.send('Performance.getMetrics');
        const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
        loads.push({
          scriptMs: m('ScriptDuration'),
          layoutAndStyleMs: m('LayoutDuration') + m('RecalcStyleDuration'),
          taskMs: m('TaskDuration'),
        });
        await page.close();
      }
      const bytes = Buffer.byteLength(html);
      const gzip = gzipSync(html).length;
      const f = (k: keyof Load) => `${median(loads.map((l) => l[k])).toFixed(1)} ms`;
      console.log(
        `${path}: ${bytes.toLocaleString('en-US')} B (gzip ${gzip.toLocaleString('en-US')} B) · ` +
          `script ${f('scriptMs')} · layout+style ${f('layoutAndStyleMs')} · all tasks ${f('taskMs')} ` +
          `(medians of ${LOADS} loads)`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
