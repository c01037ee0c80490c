// What the build produced: the sizes of dist/Code.js and dist/Sidebar.html, and the entry points
// (top-level functions) Code.js defines, so an operation whose endpoint has not landed yet is
// reported as "not built" instead of crashing the benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FileSize } from './report';

export function fileSize(path: string): FileSize | null {
  if (!existsSync(path)) return null;
  const data = readFileSync(path);
  return { raw: data.length, gzip: gzipSync(data).length };
}

/** Names of the top-level `function name(` declarations of a script (the Apps Script entry points). */
export function entryPoints(code: string): string[] {
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]).sort();
}

export function readArtifacts(distDir: string): {
  codeJs: FileSize | null;
  sidebarHtml: FileSize | null;
  endpoints: string[];
} {
  const code = join(distDir, 'Code.js');
  return {
    codeJs: fileSize(code),
    sidebarHtml: fileSize(join(distDir, 'Sidebar.html')),
    endpoints: existsSync(code) ? entryPoints(readFileSync(code, 'utf8')) : [],
  };
}
