// An independent .xlsx reader for tests: unzips with node:zlib and walks the OOXML parts with a
// small tokenizer, so a saved workbook is checked without ExcelJS reading its own output.
// It reads what another spreadsheet program would: sheet order and names from workbook.xml and
// its relationships, shared strings (plain and rich runs), inline strings, booleans, errors,
// numbers, formulas with their cached results, and the number format of each cell (to tell a
// date serial from a plain number). ECMA-376 Part 1, §18.3.1.4 (c), §18.4 (sst), §18.8.30 (numFmt).
import { inflateRawSync } from 'node:zlib';

/** Entries of a zip archive (stored or deflated), read through the central directory. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method === 0) out.set(name, Buffer.from(raw));
    else if (method === 8) out.set(name, inflateRawSync(raw));
    else throw new Error(`unsupported compression ${method} for ${name}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface XmlNode {
  name: string; // local name, namespace prefix dropped
  attrs: Record<string, string>;
  children: Array<XmlNode | string>;
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string;
  });

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** A minimal XML parser: elements, attributes, text and CDATA (enough for OOXML parts). */
export function parseXml(text: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const re =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of text.matchAll(re)) {
    const top = stack[stack.length - 1] as XmlNode;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) top.children.push(decode(m[6]));
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (top.name !== local(m[3])) throw new Error(`mismatched </${m[3]}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      const node: XmlNode = { name: local(m[3]), attrs, children: [] };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error('unclosed element');
  return root;
}

export const kids = (n: XmlNode | undefined, name: string): XmlNode[] =>
  (n?.children ?? []).filter((c): c is XmlNode => typeof c !== 'string' && c.name === name);
export const kid = (n: XmlNode | undefined, name: string) => kids(n, name)[0];
/** Concatenated text of every descendant <t> (rich text runs included; phonetic runs skipped). */
function textOf(n: XmlNode | undefined): string {
  if (!n) return '';
  if (n.name === 'rPh') return '';
  if (n.name === 't') return n.children.filter((c) => typeof c === 'string').join('');
  return n.children.map((c) => (typeof c === 'string' ? '' : textOf(c))).join('');
}
function allText(n: XmlNode | undefined): string {
  return (n?.children ?? []).map((c) => (typeof c === 'string' ? c : allText(c))).join('');
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30).
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a format code shows a date/time: d, m, y, h or s outside quotes, escapes and [colour]. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare.split(';')[0] as string);
}

export type XlsxValue =
  | { type: 'number'; value: number; format?: string }
  | { type: 'date'; serial: number; format: string }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; value: string };

export interface XlsxCell {
  ref: string;
  row: number;
  col: number;
  formula?: string;
  value?: XlsxValue; // absent: an empty (styled only) cell
}

export interface XlsxSheet {
  name: string;
  state: string; // visible | hidden | veryHidden
  cells: Map<string, XlsxCell>;
}

function refToRowCol(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell ref ${ref}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Every sheet of an .xlsx with its cells, in workbook order. */
export function readXlsx(buf: Buffer): XlsxSheet[] {
  const parts = unzip(buf);
  const xml = (name: string) => {
    const b = parts.get(name);
    return b ? parseXml(b.toString('utf8')) : undefined;
  };
  const rels = new Map<string, string>();
  for (const r of kids(kid(xml('xl/_rels/workbook.xml.rels'), 'Relationships'), 'Relationship')) {
    const target = r.attrs.Target as string;
    rels.set(r.attrs.Id as string, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = kids(kid(xml('xl/sharedStrings.xml'), 'sst'), 'si').map(textOf);
  const styles = kid(xml('xl/styles.xml'), 'styleSheet');
  const customFormats = new Map<number, string>();
  for (const f of kids(kid(styles, 'numFmts'), 'numFmt'))
    customFormats.set(Number(f.attrs.numFmtId), f.attrs.formatCode as string);
  const xfFormats = kids(kid(styles, 'cellXfs'), 'xf').map((xf) => Number(xf.attrs.numFmtId ?? 0));
  const formatOf = (s: string | undefined): { id: number; code?: string } => {
    const id = xfFormats[Number(s ?? 0)] ?? 0;
    return { id, code: customFormats.get(id) };
  };

  const wbNode = kid(xml('xl/workbook.xml'), 'workbook');
  return kids(kid(wbNode, 'sheets'), 'sheet').map((sh) => {
    const rid = Object.entries(sh.attrs).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1];
    const part = rels.get(rid as string);
    const ws = kid(xml(part as string), 'worksheet');
    const cells = new Map<string, XlsxCell>();
    for (const row of kids(kid(ws, 'sheetData'), 'row')) {
      for (const c of kids(row, 'c')) {
        const ref = c.attrs.r as string;
        const cell: XlsxCell = { ref, ...refToRowCol(ref) };
        const f = kid(c, 'f');
        if (f) cell.formula = allText(f);
        const v = kid(c, 'v');
        const vText = v ? allText(v) : undefined;
        const t = c.attrs.t ?? 'n';
        if (t === 'inlineStr') cell.value = { type: 'string', value: textOf(kid(c, 'is')) };
        else if (vText !== undefined) {
          if (t === 's') cell.value = { type: 'string', value: shared[Number(vText)] as string };
          else if (t === 'str') cell.value = { type: 'string', value: vText };
          else if (t === 'b') cell.value = { type: 'boolean', value: vText === '1' };
          else if (t === 'e') cell.value = { type: 'error', value: vText };
          else {
            const fmt = formatOf(c.attrs.s);
            const code = fmt.code;
            const isDate = code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(fmt.id);
            cell.value = isDate
              ? { type: 'date', serial: Number(vText), format: code ?? `builtin ${fmt.id}` }
              : { type: 'number', value: Number(vText), ...(code ? { format: code } : {}) };
          }
        }
        cells.set(ref, cell);
      }
    }
    return { name: sh.attrs.name as string, state: sh.attrs.state ?? 'visible', cells };
  });
}

/** The serial number a date-time has in a spreadsheet of the given time zone (1899-12-30 epoch). */
export function dateSerial(d: Date, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(d)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const wall = Date.UTC(
    p.year as number,
    (p.month as number) - 1,
    p.day,
    p.hour,
    p.minute,
    p.second,
    d.getUTCMilliseconds(),
  );
  return (wall - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A small RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
