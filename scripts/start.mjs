#!/usr/bin/env node
// `npm start`: the local sandbox (the add-on running in the local Apps Script runtime, with a demo
// workbook). Arguments after `--` go to the sandbox (e.g. --workbook F --port N). The sandbox checks
// them and takes the workbook's lock first, then rebuilds dist/ (asked by OKR_SANDBOX_BUILD_FIRST),
// so a typo or a workbook in use is refused at once rather than after a build.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(
  process.execPath,
  [join(root, 'local/bin/tsx-run.cjs'), join(root, 'local/app/main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, OKR_SANDBOX_BUILD_FIRST: '1' } },
);
process.exit(run.status ?? 1);
