// The one Chromium launcher the browser tests and scripts/screenshots.ts use: Debian's chromium
// through playwright-core (never `npx playwright install`: downloads are blocked). A missing browser
// fails with a one-line instruction; browser tests are never skipped.
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function chromiumMissingMessage(p = CHROMIUM_PATH): string {
  return `Chromium not found at ${p}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`;
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(chromiumMissingMessage());
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
