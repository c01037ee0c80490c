// `npm run kit:conformance`: builds the runtime kit (kit/project, plain Apps Script, no compile step)
// into kit/build/, ready for `clasp push`: the project's files under project/, a .claspignore that
// lets through only them, and a .clasp.json from kit/clasp.json.template
// (`npm run kit:conformance -- --script-id <id>` fills in the kit's own script ID).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const KIT_DIR = resolve(__dirname, '..', 'kit');
/** The kit's Apps Script files, as written. */
export const KIT_SOURCE = join(KIT_DIR, 'project');
export const KIT_BUILD = join(KIT_DIR, 'build');
/** The folder clasp pushes (rootDir). */
export const KIT_PROJECT = join(KIT_BUILD, 'project');

/** The files Apps Script receives: scripts, HTML and the manifest, as clasp would push them. */
export function kitProjectFiles(): string[] {
  return readdirSync(KIT_SOURCE)
    .filter((f) => /\.(js|gs|html)$/.test(f) || f === 'appsscript.json')
    .sort();
}

export function buildKit(scriptId?: string): string {
  rmSync(KIT_BUILD, { recursive: true, force: true });
  mkdirSync(KIT_PROJECT, { recursive: true });
  for (const f of kitProjectFiles()) copyFileSync(join(KIT_SOURCE, f), join(KIT_PROJECT, f));
  copyFileSync(join(KIT_DIR, 'claspignore'), join(KIT_BUILD, '.claspignore'));
  const clasp = JSON.parse(readFileSync(join(KIT_DIR, 'clasp.json.template'), 'utf8')) as Record<
    string,
    string
  >;
  if (scriptId) clasp.scriptId = scriptId;
  writeFileSync(join(KIT_BUILD, '.clasp.json'), `${JSON.stringify(clasp, null, 2)}\n`);
  return KIT_BUILD;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--script-id');
  const dir = buildKit(at >= 0 ? argv[at + 1] : undefined);
  process.stdout.write(
    `kit built in ${dir}: ${kitProjectFiles().join(', ')}\nnext: cd kit/build && npx clasp push (docs/kits.md)\n`,
  );
}
