#!/usr/bin/env node
// Runs one TypeScript file through tsx's CommonJS hook: `node local/bin/tsx-run.cjs <file.ts> [args…]`.
// The script sees its own arguments as process.argv.slice(2).
'use strict';
const path = require('node:path');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node local/bin/tsx-run.cjs <file.ts> [args…]\n');
  process.exit(2);
}
require('tsx/cjs');
const target = path.resolve(file);
process.argv = [process.argv[0], target, ...process.argv.slice(3)];
require(target);
