#!/usr/bin/env node
// Runs one TypeScript file through tsx's CommonJS hook: `node local/bin/tsx-run.cjs <file.ts> [args…]`.
// The file runs as the main module (require.main === module) and sees its own arguments as
// process.argv.slice(2), exactly as `node file.js args…` would.
'use strict';
const path = require('node:path');
const Module = require('node:module');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node local/bin/tsx-run.cjs <file.ts> [args…]\n');
  process.exit(2);
}
require('tsx/cjs');
process.argv = [process.argv[0], path.resolve(file), ...process.argv.slice(3)];
Module.runMain();
