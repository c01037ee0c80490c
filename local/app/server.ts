// The sandbox's HTTP server (127.0.0.1 only): the page and a small JSON API over the Sandbox.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { RunResult } from '../runtime';
import { qualified } from './a1';
import { clockMoveRefusal, formatWallTime, parseWallTime } from './clock';
import type { ActionResult } from './protocol';
import { type Sandbox, SandboxError } from './sandbox';
import { sheetView } from './sheetView';

const PAGE_DIR = join(__dirname, 'page');
const BODY_LIMIT = 1_000_000;
const MAX_ADVANCE_DAYS = 92;

class BadRequest extends Error {}

/** The page's script, bundled once at startup (esbuild, ~50 ms). */
export async function bundlePage(): Promise<{ js: string; css: string; html: string }> {
  const out = await esbuild.build({
    entryPoints: [join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'silent',
  });
  return {
    js: out.outputFiles[0].text,
    css: readFileSync(join(PAGE_DIR, 'style.css'), 'utf8'),
    html: readFileSync(join(PAGE_DIR, 'index.html'), 'utf8'),
  };
}

// Emails render in srcdoc iframes, which inherit this policy: their inline styles must work, their
// scripts never run (the iframes are also sandboxed without allow-scripts).
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'";

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string,
  extra?: Record<string, string>,
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function json(res: http.ServerResponse, status: number, data: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new BadRequest('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  try {
    const v = JSON.parse(raw || '{}');
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new BadRequest('expected a JSON object');
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '') throw new BadRequest(`missing "${key}"`);
  return v;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(sandbox: Sandbox, port: number): Promise<SandboxServer> {
  const page = await bundlePage();
  // The runtime's HtmlService server (the real dist/Sidebar.html with its google.script.run shim)
  // on its own origin, as Google serves sidebars from a sandboxed origin. onRun: each sidebar call
  // is logged and saved like any other change.
  const rtServer = await sandbox.runtime.serve({
    port: 0,
    onRun: (r: RunResult) => sandbox.external(r, 'sidebar'),
  });
  sandbox.sidebarBase = rtServer.url.replace(/\/$/, '');
  const csp = `${PAGE_CSP} ${sandbox.sidebarBase}`;

  const result = (ok: boolean, message?: string): ActionResult => ({ ok, message, state: sandbox.state() });

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/state':
        return json(res, 200, sandbox.state());
      case 'GET /api/version':
        return json(res, 200, { version: sandbox.version });
      case 'GET /api/sheet': {
        const name = url.searchParams.get('name') ?? '';
        if (!sandbox.runtime.workbook.sheetNames().includes(name))
          throw new BadRequest(`no sheet named ${name}`);
        return json(res, 200, sheetView(sandbox.runtime.workbook, name, sandbox.runtime.now()));
      }
      case 'GET /api/email': {
        const m = sandbox.runtime.outbox[Number(url.searchParams.get('index'))];
        if (!m) throw new BadRequest('no such email');
        return json(res, 200, { body: m.body, htmlBody: m.htmlBody });
      }
      case 'POST /api/user': {
        sandbox.switchUser(str(await readJson(req), 'email'));
        await sandbox.save(); // onOpen ran as them (it may store properties)
        return json(res, 200, result(true));
      }
      case 'POST /api/menu': {
        const r = await sandbox.runMenuItem(str(await readJson(req), 'functionName'));
        return json(res, 200, result(r.ok, r.error?.message));
      }
      case 'POST /api/edit': {
        const body = await readJson(req);
        const range = qualified(str(body, 'sheet'), str(body, 'a1'));
        const value = typeof body.value === 'string' ? body.value : '';
        const r = await sandbox.edit(range, value, body.paste === true);
        return json(res, 200, result(r.ok && !r.rejected, r.rejected ?? r.error?.message));
      }
      case 'POST /api/sidebar/close': {
        sandbox.closeSidebar();
        return json(res, 200, { ok: true });
      }
      case 'POST /api/select': {
        const body = await readJson(req);
        sandbox.select(qualified(str(body, 'sheet'), str(body, 'a1')));
        return json(res, 200, { ok: true });
      }
      case 'POST /api/tick': {
        const body = await readJson(req);
        const tz = sandbox.runtime.workbook.timeZone;
        const until = typeof body.until === 'number' ? body.until : parseWallTime(str(body, 'until'), tz);
        if (until === undefined || !Number.isFinite(until))
          throw new BadRequest('give a date and time, e.g. 2026-11-30T10:00');
        const backwards = clockMoveRefusal(until, sandbox.runtime.now(), tz);
        if (backwards) throw new BadRequest(backwards);
        // Every due trigger really runs (an hourly one: 24 executions a day, ~3 ms each).
        if (until - sandbox.runtime.now() > MAX_ADVANCE_DAYS * 86_400_000) {
          throw new BadRequest(
            `advance at most ${MAX_ADVANCE_DAYS} days at a time: every trigger run in between is executed`,
          );
        }
        const before = sandbox.runtime.outbox.length;
        const n = await sandbox.tick(until);
        const sent = sandbox.runtime.outbox.length - before;
        const at = formatWallTime(sandbox.runtime.now(), tz);
        return json(
          res,
          200,
          result(
            true,
            `Clock at ${at}: ${n} trigger run${n === 1 ? '' : 's'}, ${sent} email${sent === 1 ? '' : 's'} sent`,
          ),
        );
      }
      default:
        throw new BadRequest(`no route ${route}`);
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
        return send(res, 200, 'text/html; charset=utf-8', page.html, { 'content-security-policy': csp });
      }
      if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (req.method === 'GET' && url.pathname === '/app.js')
        return send(res, 200, 'text/javascript', page.js);
      if (req.method === 'GET' && url.pathname === '/app.css') return send(res, 200, 'text/css', page.css);
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    } catch (e) {
      const message = (e as Error).message;
      if (!res.headersSent)
        json(res, e instanceof BadRequest || e instanceof SandboxError ? 400 : 500, { ok: false, message });
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e) => {
    await rtServer.close();
    throw e;
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}/`,
    port: actual,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await rtServer.close();
    },
  };
}
