#!/usr/bin/env node
// Builds the three files Apps Script receives (clasp pushes dist/ as it is):
//   dist/Code.js          the server bundle (one IIFE) + one top-level stub per export of src/index.ts
//   dist/Sidebar.html     the Preact sidebar, JS and CSS inlined into one self-contained page
//   dist/appsscript.json  the manifest
// Apps Script only discovers top-level function declarations, so the stubs are what make
// onOpen, onEdit, the triggers and the sidebar endpoints callable; nothing else becomes global.
//
// Options (used by tests): --server-entry FILE  --sidebar-entry FILE  --out DIR  --quiet
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseArgv } from 'node:util';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import gasEntryGenerator from 'gas-entry-generator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL_NAME = 'OkrOwners';

class BuildError extends Error {}

const OPTIONS = {
  'server-entry': { type: 'string' },
  'sidebar-entry': { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean' },
};

/** util.parseArgs reads the words (not strict, so the refusal is this script's one line). */
function parseArgs(argv) {
  const opts = {
    serverEntry: join(root, 'src/index.ts'),
    sidebarEntry: join(root, 'sidebar/main.tsx'),
    out: join(root, 'dist'),
    quiet: false,
  };
  const { tokens } = parseArgv({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.rawName.startsWith('--') || !Object.hasOwn(OPTIONS, token.name))
      throw new BuildError(`unknown option ${argv[token.index]}`);
    if (token.name === 'quiet') {
      opts.quiet = true;
      continue;
    }
    if (token.value === undefined) throw new BuildError(`--${token.name} needs a value`);
    const path = resolve(token.value);
    if (token.name === 'server-entry') opts.serverEntry = path;
    else if (token.name === 'sidebar-entry') opts.sidebarEntry = path;
    else opts.out = path;
  }
  return opts;
}

/**
 * The entry's public surface. gas-entry-generator reads the ESM export forms of the entry file
 * (`export function f`, `export { f } from`) and names the LOCAL bindings; esbuild's metafile names
 * what the module really exports. Any disagreement is an export form Apps Script cannot see.
 */
async function entryPointNames(entry) {
  const source = readFileSync(entry, 'utf8');
  const esm = await esbuild.transform(source, { loader: entry.endsWith('x') ? 'tsx' : 'ts', format: 'esm' });
  const generated = gasEntryGenerator.generate(esm.code, { autoGlobalExports: true });
  const declared = [...generated.entryPointFunctions.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);

  const bundled = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: join(root, '.tsbuild/entry-probe'),
    logLevel: 'silent',
  });
  const output = Object.values(bundled.metafile.outputs).find((o) => o.entryPoint);
  const exported = output ? output.exports : [];

  const problems = [];
  if (exported.includes('default')) {
    problems.push('a default export (Apps Script needs a named function: `export function name() {}`)');
  }
  for (const name of exported) {
    if (name !== 'default' && !declared.includes(name)) {
      problems.push(
        `"${name}" is exported in a form the entry generator cannot see (an aliased export, ` +
          'a const/let, or `export *`); write `export function ' +
          name +
          '() {}` or `export { ' +
          name +
          " } from './module'`",
      );
    }
  }
  for (const name of declared) {
    if (!exported.includes(name)) {
      problems.push(`"${name}" is exported under another name (aliased exports are not allowed)`);
    }
  }
  return { names: exported.filter((n) => n !== 'default'), problems };
}

/** Write via a temporary file and rename, so a test reading dist/ never sees half a file. */
function writeAtomic(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

async function buildServer(opts) {
  const { names, problems } = await entryPointNames(opts.serverEntry);
  const result = await esbuild.build({
    entryPoints: [opts.serverEntry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const iife = result.outputFiles[0].text;

  // Evaluate the bundle with no services at all: this proves no service is called at module top
  // level (the bundle runs on every execution, including simple triggers) and tells us what each
  // export really is.
  const sandbox = {};
  try {
    vm.runInNewContext(`${iife}\nthis.__global = ${GLOBAL_NAME};`, sandbox, { timeout: 5000 });
  } catch (e) {
    throw new BuildError(
      `src/index.ts throws when loaded (a service call at module top level?): ${e.message}`,
    );
  }
  for (const name of names) {
    const kind = typeof sandbox.__global[name];
    if (kind !== 'function') problems.push(`"${name}" is a ${kind}, not a function`);
  }
  if (problems.length) {
    throw new BuildError(
      `${opts.serverEntry.replace(`${root}/`, '')} may export only functions, each by its own name:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
  if (names.length === 0) throw new BuildError('src/index.ts exports no functions');

  const stubs = names
    .sort()
    .map((n) => `function ${n}() { return ${GLOBAL_NAME}.${n}.apply(this, arguments); }`)
    .join('\n');
  const code =
    '// OKR Owners: generated by scripts/build.mjs from src/index.ts. Do not edit.\n' +
    '// Entry points (one per export of src/index.ts):\n' +
    `${stubs}\n\n${iife}`;
  writeAtomic(join(opts.out, 'Code.js'), code);
  return { entryPoints: names, bytes: Buffer.byteLength(code) };
}

async function buildSidebar(opts) {
  const result = await esbuild.build({
    entryPoints: [opts.sidebarEntry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    write: false,
    outdir: join(opts.out, '.sidebar'),
    logLevel: 'silent',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text);
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text);
  // Concatenation, not String.replace: `$&` and friends in minified code would be expanded.
  const html =
    '<!DOCTYPE html>\n<html>\n<head>\n<base target="_top">\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<style>' +
    css.join('\n').replace(/<\/style/gi, '<\\/style') +
    '</style>\n</head>\n<body>\n<div id="app"></div>\n<script>' +
    js.join('\n') +
    '</script>\n</body>\n</html>\n';
  writeAtomic(join(opts.out, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(opts.out, { recursive: true });
  const [server, sidebar] = await Promise.all([buildServer(opts), buildSidebar(opts)]);
  writeAtomic(join(opts.out, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  if (!opts.quiet) {
    console.log(
      `built ${opts.out.replace(`${root}/`, '')}/: Code.js ${(server.bytes / 1024).toFixed(1)} KB ` +
        `(${server.entryPoints.length} entry points), Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB, ` +
        `appsscript.json in ${Date.now() - started} ms`,
    );
  }
}

main().catch((e) => {
  if (e instanceof BuildError) {
    console.error(`build failed: ${e.message}`);
  } else if (e && Array.isArray(e.errors) && e.errors.length) {
    // esbuild's own errors: file:line: message, one per line, no stack.
    for (const err of e.errors) {
      const where = err.location ? `${err.location.file}:${err.location.line}:${err.location.column}: ` : '';
      console.error(`build failed: ${where}${err.text}`);
    }
  } else {
    console.error(`build failed: ${e?.message ? e.message : e}`);
  }
  process.exit(1);
});
