#!/usr/bin/env node
// `npm start`: build dist/, then open the local sandbox (the add-on running in the local Apps Script
// runtime, with a demo workbook). Arguments after `--` go to the sandbox (e.g. --workbook F --port N).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const runTs = join(root, 'local/bin/tsx-run.cjs');
const app = join(root, 'local/app/main.ts');
if (!existsSync(runTs) || !existsSync(app)) {
  console.log('Built dist/. The local sandbox is not part of this checkout yet: run `npm test`.');
  process.exit(0);
}
const run = spawnSync(process.execPath, [runTs, app, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
