#!/usr/bin/env node
// The okr-sandbox command (package.json "bin"): registers tsx's CommonJS hook and runs local/cli.ts's
// main (which tests also call in-process), exiting 1 on failure; `serve` keeps the process alive.
'use strict';
require('tsx/cjs');
const { main } = require('../cli.ts');

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
