#!/usr/bin/env node
// The okr-sandbox command (package.json "bin"): registers tsx's CommonJS hook and runs local/cli.ts.
'use strict';
require('tsx/cjs');
require('../cli.ts');
