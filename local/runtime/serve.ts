// The runtime's HtmlService server: the sidebar page with google.script.run / google.script.host
// shims (local/html/google-script.js), and POST /run executing one server function as a user.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { RuntimeCore } from './runtime';
import type { RunResult } from './types';

export interface Server {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** Called after each POST /run execution (the CLI saves the workbook here). */
  onRun?: (result: RunResult) => void | Promise<void>;
}

const SHIM_PATH = path.resolve(__dirname, '../html/google-script.js');
const MAX_BODY = 10 * 1024 * 1024;

/** JSON text safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Google's rule for return values: the same as for parameters. A Date (or a function) anywhere in
 * the value makes the success handler receive null — what Apps Script does in practice.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 */
export function transportable(value: unknown, seen: unknown[] = []): boolean {
  if (value === null || value === undefined) return true;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (t !== 'object') return false;
  if (Object.prototype.toString.call(value) === '[object Date]') return false;
  if (seen.includes(value)) return false;
  seen.push(value);
  const ok = Object.values(value as object).every((v) => transportable(v, seen));
  seen.pop();
  return ok;
}

export function injectShim(html: string, config: Record<string, unknown>): string {
  const shim = fs.readFileSync(SHIM_PATH, 'utf8');
  // Concatenation, never String.replace with a replacement string: `$&` in minified code would corrupt it.
  const tag = `<script>window.__OKR_SANDBOX__ = ${scriptJson(config)};\n${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const m = /<head[^>]*>/i.exec(html);
  if (!m) return tag + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export async function serveRuntime(runtime: RuntimeCore, opts: ServeOptions = {}): Promise<Server> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    if (req.method === 'GET' && (url.pathname === '/sidebar' || url.pathname === '/')) {
      const as = url.searchParams.get('as') ?? 'owner@example.com';
      const html = runtime.lastSidebar()?.content ?? runtime.project.readHtml('Sidebar');
      if (html === undefined)
        return send(
          res,
          404,
          'text/plain; charset=utf-8',
          'No sidebar: the script showed none and there is no Sidebar.html',
        );
      const functions = runtime.publicFunctions();
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        injectShim(html, { as, base, origin: base, ...(functions ? { functions } : {}) }),
      );
    }
    if (req.method === 'POST' && url.pathname === '/run') {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => {
        queue = queue.then(async () => {
          let body: { fn?: unknown; args?: unknown; as?: unknown };
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return send(
              res,
              400,
              'application/json',
              JSON.stringify({ ok: false, error: { name: 'Error', message: 'Bad JSON body' } }),
            );
          }
          if (typeof body.fn !== 'string' || (body.args !== undefined && !Array.isArray(body.args))) {
            return send(
              res,
              400,
              'application/json',
              JSON.stringify({ ok: false, error: { name: 'Error', message: 'Expected {fn, args, as}' } }),
            );
          }
          const as = typeof body.as === 'string' && body.as ? body.as : 'owner@example.com';
          const r = runtime.run(body.fn, (body.args as unknown[]) ?? [], { as, authMode: 'FULL' });
          try {
            await opts.onRun?.(r);
          } catch (e) {
            r.logs.push(`ERROR: saving failed: ${(e as Error).message}`);
          }
          const out = { ...r, result: transportable(r.result) ? r.result : null };
          send(res, 200, 'application/json', JSON.stringify(out));
        });
      });
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
