// The Apps Script project the runtime executes: its script files, HTML files and manifest.
import fs from 'node:fs';
import path from 'node:path';

export interface ScriptFile {
  name: string;
  source: string;
}

export interface Project {
  dir?: string;
  scripts: ScriptFile[];
  /** Manifest time zone (appsscript.json), if any. */
  timeZone?: string;
  readHtml(name: string): string | undefined;
}

export const DEFAULT_PROJECT_DIR = path.resolve(__dirname, '../../dist');

/** Code.js first (the bundle), then the other .js/.gs files in name order, as clasp pushes them. */
export function loadProject(opts: {
  projectDir?: string;
  code?: string;
  html?: Record<string, string>;
}): Project {
  const dir = opts.projectDir ?? (opts.code === undefined ? DEFAULT_PROJECT_DIR : undefined);
  let scripts: ScriptFile[] = [];
  if (opts.code !== undefined) scripts = [{ name: 'Code.js', source: opts.code }];
  else if (dir) {
    if (!fs.existsSync(dir))
      throw new Error(`Project folder not found: ${dir} (run \`npm run build\` first)`);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /\.(js|gs)$/.test(f))
      .sort((a, b) => (a === 'Code.js' ? -1 : b === 'Code.js' ? 1 : a.localeCompare(b)));
    if (files.length === 0) throw new Error(`No .js or .gs files in ${dir} (run \`npm run build\` first)`);
    scripts = files.map((f) => ({ name: f, source: fs.readFileSync(path.join(dir, f), 'utf8') }));
  }
  let timeZone: string | undefined;
  if (dir && fs.existsSync(path.join(dir, 'appsscript.json'))) {
    try {
      timeZone = JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8')).timeZone;
    } catch {
      timeZone = undefined;
    }
  }
  const readHtml = (name: string): string | undefined => {
    if (opts.html && Object.hasOwn(opts.html, name)) return opts.html[name];
    if (!dir || name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
    for (const f of [`${name}.html`, name]) {
      const p = path.join(dir, f);
      if (f.endsWith('.html') && fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    }
    return undefined;
  };
  return { dir, scripts, timeZone, readHtml };
}
