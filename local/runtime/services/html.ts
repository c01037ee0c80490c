// HtmlService: HtmlOutput and (simple) HtmlTemplate.
// https://developers.google.com/apps-script/reference/html/html-service
// https://developers.google.com/apps-script/reference/html/html-output
// https://developers.google.com/apps-script/guides/html/templates
import type { HtmlSpec } from '../contract';
import { MESSAGES } from '../errors';
import { fail, makeEnum, type ServiceEnv } from './env';

/** Host-side view of an HtmlOutput (what showSidebar / serve() need), without metering. */
export const HTML_SPEC = Symbol.for('local-apps-script.htmlSpec');

export function htmlSpecOf(output: unknown): HtmlSpec | undefined {
  const f = (output as { [HTML_SPEC]?: () => HtmlSpec } | null)?.[HTML_SPEC];
  return typeof f === 'function' ? f() : undefined;
}

const escapeHtml = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export function makeHtmlService(env: ServiceEnv) {
  const SandboxMode = makeEnum(env.realm, ['EMULATED', 'IFRAME', 'NATIVE'] as const);
  const XFrameOptionsMode = makeEnum(env.realm, ['ALLOWALL', 'DEFAULT'] as const);
  const m = (name: string) => env.meter.call(`HtmlOutput.${name}`);

  const output = (initial: string) => {
    let content = initial;
    let title = '';
    let width: number | null = null;
    let height: number | null = null;
    let favicon: string | null = null;
    const metaTags: Array<{ name: string; content: string }> = [];
    const o = {
      [HTML_SPEC]: (): HtmlSpec => ({ content, title, width: width ?? 0, height: height ?? 0 }),
      getContent() {
        m('getContent');
        return content;
      },
      setContent(c: string) {
        m('setContent');
        content = String(c);
        return o;
      },
      append(c: string) {
        m('append');
        content += String(c);
        return o;
      },
      appendUntrusted(c: string) {
        m('appendUntrusted');
        content += escapeHtml(c);
        return o;
      },
      clear() {
        m('clear');
        content = '';
        return o;
      },
      getTitle() {
        m('getTitle');
        return title;
      },
      setTitle(t: string) {
        m('setTitle');
        title = String(t);
        return o;
      },
      getWidth() {
        m('getWidth');
        return width;
      },
      setWidth(w: number) {
        m('setWidth');
        width = Number(w);
        return o;
      },
      getHeight() {
        m('getHeight');
        return height;
      },
      setHeight(h: number) {
        m('setHeight');
        height = Number(h);
        return o;
      },
      setSandboxMode(_mode: unknown) {
        m('setSandboxMode'); // Only IFRAME exists today; other values are ignored, as by Google.
        return o;
      },
      setXFrameOptionsMode(_mode: unknown) {
        m('setXFrameOptionsMode');
        return o;
      },
      addMetaTag(name: string, c: string) {
        m('addMetaTag');
        metaTags.push({ name: String(name), content: String(c) });
        return o;
      },
      getMetaTags() {
        m('getMetaTags');
        return env.realm.Array.from(
          metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content })),
        );
      },
      setFaviconUrl(url: string) {
        m('setFaviconUrl');
        favicon = String(url);
        return o;
      },
      getFaviconUrl() {
        m('getFaviconUrl');
        return favicon;
      },
      asTemplate() {
        m('asTemplate');
        return template(content);
      },
    };
    return o;
  };

  const compile = (source: string): string => {
    let js = "(function (__t, __esc) { var __o = ''; with (__t) {\n";
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let mt = re.exec(source); mt; mt = re.exec(source)) {
      js += `__o += ${JSON.stringify(source.slice(last, mt.index))};\n`;
      if (mt[1] === '=') js += `__o += __esc(${mt[2]});\n`;
      else if (mt[1] === '!=') js += `__o += String(${mt[2]});\n`;
      else js += `${mt[2]}\n`;
      last = re.lastIndex;
    }
    js += `__o += ${JSON.stringify(source.slice(last))};\n} return __o; })`;
    return js;
  };

  const template = (source: string) => {
    const t: Record<string, unknown> = {
      evaluate() {
        env.meter.call('HtmlTemplate.evaluate');
        const vars = new env.realm.Object() as Record<string, unknown>;
        for (const [k, v] of Object.entries(t))
          if (!['evaluate', 'getCode', 'getRawContent'].includes(k)) vars[k] = v;
        const fn = env.evaluate(compile(source)) as (vars: unknown, esc: (s: unknown) => string) => string;
        return output(fn(vars, escapeHtml));
      },
      getCode() {
        return compile(source);
      },
      getRawContent() {
        return source;
      },
    };
    return t;
  };

  const readFile = (filename: string): string => {
    const name = String(filename);
    const html = env.readHtmlFile(name);
    if (html === undefined) fail(env, MESSAGES.noHtmlFile(name));
    return html;
  };

  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      env.meter.call('HtmlService.createHtmlOutput');
      const c =
        html &&
        typeof html === 'object' &&
        typeof (html as { getDataAsString?: unknown }).getDataAsString === 'function'
          ? (html as { getDataAsString(): string }).getDataAsString()
          : html === undefined
            ? ''
            : String(html);
      return output(c);
    },
    createHtmlOutputFromFile(filename: string) {
      env.meter.call('HtmlService.createHtmlOutputFromFile');
      return output(readFile(filename));
    },
    createTemplate(html: string) {
      env.meter.call('HtmlService.createTemplate');
      return template(String(html));
    },
    createTemplateFromFile(filename: string) {
      env.meter.call('HtmlService.createTemplateFromFile');
      return template(readFile(filename));
    },
    getUserAgent() {
      env.meter.call('HtmlService.getUserAgent');
      return 'local-apps-script';
    },
  };
}
