// Browser tests launch Chromium the way scripts/screenshots.ts does: one launcher, in local/.
export { launchChromium } from '../../local/chromium';
